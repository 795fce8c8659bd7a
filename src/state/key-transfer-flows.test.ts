import { expect } from '@open-wc/testing';
import { decryptMegolmKeyFile, encryptMegolmKeyFile } from '../keyfile/megolm-key-file.js';
import { NotAKeyListError, countSessions, exportRoomKeys } from '../sdk/room-keys.js';
import { KeyExportFlow, exportFileName, type ExportStage } from './key-export.js';
import { KeyImportFlow, type ImportStage } from './key-import.js';

const PASS = 'a passphrase nobody guesses';
const JSON_2 = '[{"session_id":"a","room_id":"!r:x"},{"session_id":"b","room_id":"!r:x"}]';

function record<S>(flow: EventTarget & { stage: S }): S[] {
  const seen: S[] = [];
  flow.addEventListener('change', () => seen.push(flow.stage));
  return seen;
}

describe('KeyExportFlow', () => {
  it('collects, derives, encrypts and saves xs-keys-YYYY-MM-DD.txt; the passphrase is in no stage', async () => {
    const saved: [Uint8Array, string][] = [];
    const flow = new KeyExportFlow({
      collect: async () => ({ json: JSON_2, count: 2 }),
      save: (file, name) => saved.push([file, name]),
      kdfRounds: () => 1000,
      now: () => new Date(2026, 0, 5, 23, 59),
    });
    const seen = record<ExportStage>(flow);
    await flow.start(PASS);
    expect(flow.stage).to.deep.equal({ kind: 'done', count: 2, fileName: 'xs-keys-2026-01-05.txt' });
    expect(seen.map((s) => (s.kind === 'working' ? s.phase : s.kind))).to.include.members(['collecting', 'key-derivation', 'encryption', 'done']);
    expect(JSON.stringify(seen)).to.not.include(PASS);
    expect(saved).to.have.length(1);
    expect(await decryptMegolmKeyFile(saved[0][0], PASS)).to.equal(JSON_2);
  });

  it('Cancel during the key derivation stops it: cancelled, nothing saved', async () => {
    let saves = 0;
    const flow = new KeyExportFlow({ collect: async () => ({ json: JSON_2, count: 2 }), save: () => saves++, kdfRounds: () => 5_000_000 });
    const run = flow.start(PASS);
    await new Promise((r) => setTimeout(r, 30));
    expect(flow.stage.kind).to.equal('working');
    const t0 = performance.now();
    flow.cancel();
    await run;
    expect(performance.now() - t0).to.be.lessThan(500);
    expect(flow.stage.kind).to.equal('cancelled');
    expect(saves).to.equal(0);
  });

  it('explains a failure to read the keys', async () => {
    const flow = new KeyExportFlow({
      collect: async () => {
        throw Object.assign(new Error('boom'), { httpStatus: 502 });
      },
      save: () => undefined,
    });
    await flow.start(PASS);
    expect(flow.stage.kind).to.equal('failed');
    expect(flow.stage.kind === 'failed' && flow.stage.failure.kind).to.equal('server');
  });

  it('says so when the client has no encryption', async () => {
    const flow = new KeyExportFlow({ collect: () => exportRoomKeys({ getCrypto: () => undefined } as never), save: () => undefined });
    await flow.start(PASS);
    expect(flow.stage).to.deep.include({ kind: 'failed', noCrypto: true });
  });

  it('with no keys: check() says empty before any passphrase; a start that finds none saves nothing', async () => {
    let saves = 0;
    let n = 0;
    const flow = new KeyExportFlow({ collect: async () => ({ json: '[]', count: n }), count: async () => n, save: () => saves++ });
    await flow.check();
    expect(flow.stage).to.deep.equal({ kind: 'empty' });
    n = 2;
    flow.reset(true);
    await new Promise((r) => setTimeout(r, 0));
    expect(flow.stage).to.deep.equal({ kind: 'idle' });
    n = 0;
    await flow.start(PASS);
    expect(flow.stage).to.deep.equal({ kind: 'empty' });
    expect(saves).to.equal(0);
  });

  it('names the file after the local date', () => {
    expect(exportFileName(new Date(2027, 11, 31))).to.equal('xs-keys-2027-12-31.txt');
  });
});

describe('KeyImportFlow', () => {
  async function file(json = JSON_2, pass = PASS) {
    return new Blob([(await encryptMegolmKeyFile(json, pass, { kdfRounds: 1000 })) as Uint8Array<ArrayBuffer>]);
  }

  it('decrypts, imports with progress and reports; the passphrase and keys are in no stage', async () => {
    const got: string[] = [];
    const flow = new KeyImportFlow({
      importKeys: async (json, progress) => {
        got.push(json);
        progress(1, 2);
        progress(2, 2);
        return { total: 2, imported: 1, skipped: 1, alreadyPresent: 1, malformed: 0, unknownAlgorithm: 0 };
      },
    });
    const seen = record<ImportStage>(flow);
    flow.chooseFile(Object.assign(await file(), { name: 'keys.txt' }));
    await flow.start(PASS);
    expect(flow.stage).to.deep.equal({ kind: 'done', report: { total: 2, imported: 1, skipped: 1, alreadyPresent: 1, malformed: 0, unknownAlgorithm: 0 } });
    expect(got).to.deep.equal([JSON_2]);
    expect(seen.some((s) => s.kind === 'importing' && s.done === 2 && s.total === 2)).to.equal(true);
    expect(JSON.stringify(seen)).to.not.include(PASS).and.not.include('session_id');
  });

  it('a wrong passphrase goes back to the form with the reason, keeping the file; nothing imported', async () => {
    let imports = 0;
    const flow = new KeyImportFlow({ importKeys: async () => (imports++, { total: 0, imported: 0, skipped: 0, alreadyPresent: 0, malformed: 0, unknownAlgorithm: 0 }) });
    flow.chooseFile(Object.assign(await file(), { name: 'keys.txt' }));
    await flow.start('wrong');
    expect(flow.stage).to.deep.include({ kind: 'choose', problem: { kind: 'file', code: 'wrong-passphrase-or-damaged' } });
    expect(flow.stage.kind === 'choose' && flow.stage.file?.name).to.equal('keys.txt');
    expect(imports).to.equal(0);
    await flow.start(PASS);
    expect(flow.stage.kind).to.equal('done');
  });

  it('explains a file that is not a key file, and contents that are not a key list', async () => {
    const flow = new KeyImportFlow({
      importKeys: async () => {
        throw new NotAKeyListError('x');
      },
    });
    flow.chooseFile(new Blob(['hello']));
    await flow.start(PASS);
    expect(flow.stage).to.deep.include({ problem: { kind: 'file', code: 'not-a-key-file' } });
    flow.chooseFile(await file('{"a":1}'));
    await flow.start(PASS);
    expect(flow.stage).to.deep.include({ problem: { kind: 'not-key-list' } });
  });

  it('Cancel while decrypting: cancelled, nothing imported', async () => {
    let imports = 0;
    const flow = new KeyImportFlow({ importKeys: async () => (imports++, { total: 0, imported: 0, skipped: 0, alreadyPresent: 0, malformed: 0, unknownAlgorithm: 0 }) });
    // A file asking for 5 000 000 rounds (patched in: the derivation then takes seconds).
    const lines = (await (await file()).text()).split('\n');
    const body = Uint8Array.from(atob(lines[1]), (c) => c.charCodeAt(0));
    new DataView(body.buffer).setUint32(33, 5_000_000);
    lines[1] = btoa(String.fromCharCode(...body));
    const big = new Blob([lines.join('\n')]);
    flow.chooseFile(big);
    const run = flow.start(PASS);
    await new Promise((r) => setTimeout(r, 30));
    flow.cancel();
    await run;
    expect(flow.stage.kind).to.equal('cancelled');
    expect(imports).to.equal(0);
  });
});

describe('room-keys adapter', () => {
  it('counts sessions without parsing', () => {
    expect(countSessions('[]')).to.equal(0);
    expect(countSessions(JSON_2)).to.equal(2);
  });
});
