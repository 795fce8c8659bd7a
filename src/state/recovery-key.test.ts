import { expect } from '@open-wc/testing';
import { RecoveryKeyFlow, keepsText } from './recovery-key.js';
import {
  MalformedKeyError,
  NotSignedError,
  OutOfSyncError,
  UnsafeKdfError,
  WrongKeyError,
  type DefaultKey,
  type RecoveryPort,
} from '../sdk/recovery-key.js';

const GOOD = 'EsTa bcde fghi jkmn opqr stuv wxyz ABCD EFGH JKLM NPQR STUV'; // shape of a key (48 characters)
const OTHER = 'EsTb bcde fghi jkmn opqr stuv wxyz ABCD EFGH JKLM NPQR STUV';
const TYPO = 'EsTa bcde fghi jkmn opqr stuv wxyz ABCD EFGH JKLM NPQR STU0';
const KEY: DefaultKey = { keyId: 'k1', info: { mac: 'm' } as unknown as DefaultKey['info'], hasPassphrase: true, kdf: { kind: 'ok', iterations: 500_000 } };

function fakePort(over: Partial<RecoveryPort> = {}, key: DefaultKey = KEY) {
  const seen: Uint8Array[] = [];
  const calls: string[] = [];
  const port: RecoveryPort = {
    canHandOverKey: true,
    readDefaultKey: async () => key,
    decodeKey: (text) => {
      const t = text.replace(/\s/g, '');
      if (t !== GOOD.replace(/ /g, '') && t !== OTHER.replace(/ /g, '')) throw new MalformedKeyError('Incorrect parity');
      return new Uint8Array(32).fill(t === GOOD.replace(/ /g, '') ? 7 : 9);
    },
    keyFromPhrase: async (p) => {
      calls.push('derive');
      return new Uint8Array(32).fill(p === 'right phrase' ? 7 : 1);
    },
    checkKey: async (raw) => raw[0] === 7,
    restore: async (raw, _k, onStep) => {
      seen.push(raw);
      calls.push('restore');
      onStep('cross-signing');
      onStep('backup');
      return 'connected';
    },
    repair: async (raw) => {
      seen.push(raw);
      calls.push(`repair:${raw[0]}`);
    },
    ...over,
  };
  return { port, seen, calls };
}

async function loaded(over: Partial<RecoveryPort> = {}, key?: DefaultKey) {
  const fake = fakePort(over, key);
  const flow = new RecoveryKeyFlow(fake.port);
  await flow.load();
  return { flow, ...fake };
}

describe('RecoveryKeyFlow (state machine)', () => {
  it('offers the key first, and the phrase when the key has one', async () => {
    const { flow } = await loaded();
    expect(flow.stage).to.deep.equal({ kind: 'enter', method: 'key', phraseAvailable: true, problem: undefined });
    flow.useMethod('phrase');
    expect(flow.stage).to.deep.include({ method: 'phrase', problem: undefined });
  });

  it('no secret storage, or a client without the kit callbacks, is explained', async () => {
    const a = await loaded({ readDefaultKey: async () => null });
    expect(a.flow.stage).to.deep.equal({ kind: 'unavailable', reason: 'no-storage' });
    const b = await loaded({ canHandOverKey: false });
    expect(b.flow.stage).to.deep.equal({ kind: 'unavailable', reason: 'no-callbacks' });
  });

  it('tells apart: empty, not a key, a key with a typo, a well-formed wrong key; the right one restores and is wiped', async () => {
    const { flow, seen } = await loaded({}, { ...KEY, hasPassphrase: false, kdf: { kind: 'none' } });
    const stages: string[] = [];
    flow.addEventListener('change', () => stages.push(flow.stage.kind === 'restoring' ? `restoring:${flow.stage.step}` : flow.stage.kind));
    await flow.submit(' \u00a0 ');
    expect(flow.stage).to.deep.include({ kind: 'enter', problem: { kind: 'empty' } });
    await flow.submit('hello there');
    expect(flow.stage).to.deep.include({ problem: { kind: 'not-a-key' } });
    await flow.submit(TYPO);
    expect(flow.stage).to.deep.include({ problem: { kind: 'key-typo', length: 48, lookalikes: true } });
    await flow.submit(TYPO.slice(0, -5));
    expect(flow.stage).to.deep.include({ problem: { kind: 'key-typo', length: 44, lookalikes: false } });
    expect(stages.filter((s) => s === 'checking'), 'text-only problems never reach the server').to.have.length(0);
    await flow.submit(OTHER);
    expect(flow.stage).to.deep.include({ kind: 'enter', problem: { kind: 'wrong-key' } });
    await flow.submit(GOOD.replace(/ /g, '\t'));
    expect(flow.stage).to.deep.equal({ kind: 'done', backup: 'connected', repaired: false });
    expect(stages.slice(-4)).to.deep.equal(['checking', 'restoring:cross-signing', 'restoring:backup', 'done']);
    expect([...seen[0]].every((b) => b === 0)).to.equal(true);
  });

  it('a phrase in the key field offers the switch, and the switch uses the same text as the phrase', async () => {
    const { flow, calls } = await loaded();
    await flow.submit('right phrase');
    expect(flow.stage).to.deep.include({ kind: 'enter', method: 'key', problem: { kind: 'phrase-in-key-field' } });
    expect(keepsText((flow.stage as { problem?: never }).problem)).to.equal(true);
    expect(calls).to.deep.equal([]);
    await flow.switchAndSubmit('phrase', 'right phrase');
    expect(flow.stage).to.deep.include({ kind: 'done' });
    expect(calls).to.deep.equal(['derive', 'restore']);
  });

  it('a key in the phrase field is recognised before the slow derivation, and the switch uses it as the key', async () => {
    const { flow, calls } = await loaded();
    flow.useMethod('phrase');
    await flow.submit(GOOD);
    expect(flow.stage).to.deep.include({ kind: 'enter', method: 'phrase', problem: { kind: 'key-in-phrase-field' } });
    expect(calls).to.deep.equal([]);
    await flow.switchAndSubmit('key', GOOD);
    expect(flow.stage).to.deep.include({ kind: 'done' });
    expect(calls).to.deep.equal(['restore']);
  });

  it('a wrong phrase is wrong; one shaped like a key also points at the key field', async () => {
    const { flow } = await loaded();
    flow.useMethod('phrase');
    await flow.submit('wrong phrase');
    expect(flow.stage).to.deep.include({ problem: { kind: 'wrong-phrase', looksLikeKey: false } });
    await flow.submit(TYPO);
    expect(flow.stage).to.deep.include({ problem: { kind: 'wrong-phrase', looksLikeKey: true } });
    expect(keepsText((flow.stage as { problem?: never }).problem), 'a checked wrong phrase is cleared').to.equal(false);
  });

  it('phrase settings out of bounds are refused when the phrase field opens, and nothing is derived', async () => {
    const check = { kind: 'unsafe', problem: 'too-few', iterations: 1 } as const;
    const { flow, calls } = await loaded({}, { ...KEY, kdf: check });
    flow.useMethod('phrase');
    expect(flow.stage).to.deep.include({ method: 'phrase', problem: { kind: 'unsafe-kdf', check } });
    await flow.submit('right phrase');
    expect(flow.stage).to.deep.include({ problem: { kind: 'unsafe-kdf', check } });
    expect(calls).to.deep.equal([]);
    // The port refuses too (settings changed between reading and deriving):
    const late = await loaded({ keyFromPhrase: async () => { throw new UnsafeKdfError({ kind: 'unsafe', problem: 'too-many', iterations: 1e9 }); } });
    late.flow.useMethod('phrase');
    await late.flow.submit('anything');
    expect(late.flow.stage).to.deep.include({ problem: { kind: 'unsafe-kdf', check: { kind: 'unsafe', problem: 'too-many', iterations: 1e9 } } });
  });

  it('a secret failing its MAC with an unchecked key counts as a wrong key', async () => {
    const { flow } = await loaded({ restore: async () => { throw new WrongKeyError('bad mac'); } });
    await flow.submit(GOOD);
    expect(flow.stage).to.deep.include({ kind: 'enter', problem: { kind: 'wrong-key' } });
  });

  it('right key, out of sync, this session holds the keys: offers the repair (no loop back), repairs with the same key, then verifies', async () => {
    let broken = true;
    const { flow, calls, seen } = await loaded({
      restore: async (raw) => {
        seen.push(raw);
        calls.push('restore');
        if (broken) throw new OutOfSyncError('missing', true);
        return 'connected';
      },
      repair: async (raw) => {
        calls.push(`repair:${raw[0]}`);
        broken = false;
      },
    });
    await flow.submit(GOOD);
    expect(flow.stage).to.deep.equal({ kind: 'out-of-sync', reason: 'missing', canRepair: true });
    await flow.repair();
    expect(flow.stage).to.deep.equal({ kind: 'done', backup: 'connected', repaired: true });
    expect(calls).to.deep.equal(['restore', 'repair:7', 'restore']);
    expect([...seen[0]].every((b) => b === 0), 'the held key is wiped after the repair').to.equal(true);
  });

  it('right key, out of sync, nothing to repair from: offers another session or the reset, behind its warning', async () => {
    const { flow, seen } = await loaded({
      restore: async (raw) => {
        seen.push(raw);
        throw new OutOfSyncError('stale', false);
      },
    });
    await flow.submit(GOOD);
    expect(flow.stage).to.deep.equal({ kind: 'out-of-sync', reason: 'stale', canRepair: false });
    await flow.repair(); // not offered: ignored
    expect(flow.stage.kind).to.equal('out-of-sync');
    flow.lostKey();
    expect(flow.stage).to.deep.equal({ kind: 'reset-warning', from: 'out-of-sync' });
    flow.backFromReset();
    expect(flow.stage).to.deep.equal({ kind: 'out-of-sync', reason: 'stale', canRepair: false });
    flow.lostKey();
    flow.resetRequested(true);
    expect(flow.stage).to.deep.equal({ kind: 'reset-requested', handled: true });
    expect([...seen[0]].every((b) => b === 0), 'handing over the reset wipes the key').to.equal(true);
  });

  it('a failed repair read-back stays on the out-of-sync step with the key; dispose wipes it', async () => {
    const { flow, seen } = await loaded({
      restore: async (raw) => {
        seen.push(raw);
        throw new OutOfSyncError('undecryptable', true);
      },
      repair: async () => { throw new OutOfSyncError('stale', true); },
    });
    await flow.submit(GOOD);
    await flow.repair();
    expect(flow.stage).to.deep.equal({ kind: 'out-of-sync', reason: 'stale', canRepair: true });
    expect(seen[0][0]).to.equal(7);
    flow.dispose();
    expect([...seen[0]].every((b) => b === 0)).to.equal(true);
  });

  it('a repair that fails (server, network) stays on the out-of-sync step with the failure and the key; pressing again while it runs joins it; the retry works', async () => {
    let attempts = 0;
    let release!: () => void;
    let broken = true;
    const { flow, calls } = await loaded({
      restore: async () => {
        calls.push('restore');
        if (broken) throw new OutOfSyncError('missing', true);
        return 'connected';
      },
      repair: async (raw) => {
        attempts++;
        calls.push(`repair:${raw[0]}`);
        if (attempts === 1) throw Object.assign(new Error('Internal Server Error'), { httpStatus: 500 });
        await new Promise<void>((r) => (release = r));
        broken = false;
      },
    });
    await flow.submit(GOOD);
    await flow.repair();
    expect(flow.stage).to.deep.include({ kind: 'out-of-sync', reason: 'missing', canRepair: true });
    expect((flow.stage as { failure?: { kind: string } }).failure?.kind).to.equal('server');
    const first = flow.repair();
    const second = flow.repair();
    await new Promise((r) => setTimeout(r, 0));
    expect(flow.stage).to.deep.equal({ kind: 'repairing', stalled: false });
    release();
    await Promise.all([first, second]);
    expect(calls).to.deep.equal(['restore', 'repair:7', 'repair:7', 'restore']);
    expect(flow.stage).to.deep.equal({ kind: 'done', backup: 'connected', repaired: true });
  });

  it('a repair without an answer for a while says it is still working (no silent spinner)', async () => {
    let release!: () => void;
    const fake = fakePort({
      restore: async () => { throw new OutOfSyncError('other-key', true); },
      repair: () => new Promise<void>((r) => (release = r)),
    });
    const flow = new RecoveryKeyFlow(fake.port, { stallMs: 20 });
    await flow.load();
    await flow.submit(GOOD);
    const running = flow.repair();
    expect(flow.stage).to.deep.equal({ kind: 'repairing', stalled: false });
    await new Promise((r) => setTimeout(r, 40));
    expect(flow.stage).to.deep.equal({ kind: 'repairing', stalled: true });
    flow.dispose();
    release();
    await running;
  });

  it('the way out for a lost key: from the field, behind the warning; unhandled by the host it says so', async () => {
    const { flow } = await loaded();
    await flow.submit(OTHER);
    flow.lostKey();
    expect(flow.stage).to.deep.equal({ kind: 'reset-warning', from: 'lost-key' });
    flow.resetRequested(false);
    expect(flow.stage).to.deep.equal({ kind: 'reset-requested', handled: false });
    flow.backFromReset();
    expect(flow.stage).to.deep.include({ kind: 'enter', method: 'key', problem: undefined });
  });

  it('server errors and an unconfirmed signature are failures with a retry', async () => {
    const server = await loaded({ restore: async () => { throw Object.assign(new Error('x'), { httpStatus: 503 }); } });
    await server.flow.submit(GOOD);
    expect(server.flow.stage).to.deep.include({ kind: 'failed' });
    expect((server.flow.stage as { failure: { kind: string } }).failure.kind).to.equal('server');
    server.flow.retry();
    expect(server.flow.stage).to.deep.include({ kind: 'enter', problem: undefined });
    const unsigned = await loaded({ restore: async () => { throw new NotSignedError('x'); } });
    await unsigned.flow.submit(GOOD);
    expect(unsigned.flow.stage).to.deep.equal({ kind: 'failed', failure: { kind: 'not-signed' } });
  });

  it('a second submit while checking is ignored (one attempt at a time)', async () => {
    let release!: () => void;
    const { flow, calls } = await loaded({
      restore: async () => {
        calls.push('restore');
        await new Promise<void>((r) => (release = r));
        return 'none';
      },
    });
    const first = flow.submit(GOOD);
    await flow.submit(GOOD);
    await new Promise((r) => setTimeout(r, 0));
    release();
    await first;
    expect(calls).to.deep.equal(['restore']);
    expect(flow.stage).to.deep.include({ kind: 'done', backup: 'none' });
  });
});
