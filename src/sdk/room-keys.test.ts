// importRoomKeys against the rust crypto's own store (an in-memory OlmMachine): what it takes, what it refuses,
// and the report by reason.
import { expect } from '@open-wc/testing';
import { DeviceId, OlmMachine, UserId, initAsync } from '@matrix-org/matrix-sdk-crypto-wasm';
import { realisticSessionsJson } from '../../test/support/room-key-sessions.js';
import { looksAllMegolm, scanSessionIds, sortEntries } from '../keyfile/key-list.js';
import { NotAKeyListError, importRoomKeys } from './room-keys.js';

/** A client whose crypto is a real OlmMachine (no server): exportRoomKeysAsJson / importRoomKeysAsJson as the SDK does them. */
async function machineClient() {
  await initAsync();
  const machine = await OlmMachine.initialize(new UserId('@alice:example.org'), new DeviceId(`D${Math.random().toString(36).slice(2)}`));
  let calls = 0;
  const crypto = {
    exportRoomKeysAsJson: () => machine.exportRoomKeys(() => true),
    importRoomKeysAsJson: async (json: string, opts?: { progressCallback?: (p: unknown) => void }) => {
      calls++;
      await machine.importExportedRoomKeys(json, (p, t) => opts?.progressCallback?.({ stage: 'load_keys', successes: Number(p), failures: 0, total: Number(t) }));
    },
  };
  return { client: { getCrypto: () => crypto } as never, calls: () => calls, count: async () => scanSessionIds(await machine.exportRoomKeys(() => true)).length };
}

const parse = (json: string) => JSON.parse(json) as Record<string, unknown>[];

describe('key lists', () => {
  it('scans session ids (any spacing) and tells plain megolm lists from others without parsing', async () => {
    const json = await realisticSessionsJson(3, 50, { distinct: true });
    expect(scanSessionIds(json)).to.deep.equal(parse(json).map((e) => e['session_id']));
    expect(scanSessionIds('[{ "session_id" : "abc" }]')).to.deep.equal(['abc']);
    expect(looksAllMegolm(json)).to.equal(true);
    expect(looksAllMegolm(JSON.stringify(parse(json), null, 2))).to.equal(true);
    expect(looksAllMegolm(json.replace('m.megolm.v1.aes-sha2', 'org.example.future'))).to.equal(false);
    expect(looksAllMegolm('[{"session_id":"a"}]')).to.equal(false);
  });

  it('sorts entries: malformed, unknown algorithm, valid', async () => {
    const [good] = parse(await realisticSessionsJson(1, 50, { distinct: true }));
    const sorted = sortEntries([good, 7, null, [], { ...good, algorithm: 'org.example.v2' }, { ...good, session_key: 5 }, { ...good, sender_key: 'not base64!' },
      { ...good, forwarding_curve25519_key_chain: 'x' }, { ...good, algorithm: undefined }]);
    expect([sorted.total, sorted.valid.length, sorted.malformed, sorted.unknownAlgorithm]).to.deep.equal([9, 1, 7, 1]);
    expect(sorted.sessionIds).to.deep.equal([good['session_id']]);
  });
});

describe('importRoomKeys with the rust crypto store', () => {
  it('a plain list goes in at once; the same list again is all already present', async () => {
    const m = await machineClient();
    const json = await realisticSessionsJson(5, 50, { distinct: true });
    const progress: number[] = [];
    expect(await importRoomKeys(m.client, json, (d) => progress.push(d))).to.deep.equal({ total: 5, imported: 5, skipped: 0, alreadyPresent: 0, malformed: 0, unknownAlgorithm: 0 });
    expect(m.calls()).to.equal(1);
    expect(progress.length).to.be.greaterThan(0);
    expect(await importRoomKeys(m.client, json)).to.deep.equal({ total: 5, imported: 0, skipped: 5, alreadyPresent: 5, malformed: 0, unknownAlgorithm: 0 });
  });

  it('a list with malformed, unknown-algorithm and already-present entries imports every valid one and counts the rest by reason', async () => {
    const m = await machineClient();
    const present = parse(await realisticSessionsJson(2, 50, { distinct: true }));
    await importRoomKeys(m.client, JSON.stringify(present));
    const fresh = parse(await realisticSessionsJson(4, 50, { distinct: true }));
    const list = [
      ...present, // 2 already present
      ...fresh, // 4 new
      fresh[0], // the same session twice in the file
      { ...fresh[1], session_id: 'other', algorithm: 'org.example.megolm.v9' }, // unknown algorithm
      { hello: 'world' }, 42, // not room keys
      { ...fresh[2], session_id: 'bad-key', session_key: 'AAAA' }, // base64, but not a session key: the store refuses it
      { ...fresh[3], session_id: 'bad-sender', sender_key: 'AAAA' }, // the store can't read the sender key
    ];
    const report = await importRoomKeys(m.client, JSON.stringify(list));
    expect(report).to.deep.equal({ total: 12, imported: 4, skipped: 8, alreadyPresent: 3, malformed: 4, unknownAlgorithm: 1 });
    expect(await m.count()).to.equal(6);
  });

  it('refuses lists without a single room key, before importing', async () => {
    const m = await machineClient();
    for (const json of ['{"not":"a list"}', '[1, 2]', '[{"session_id":"a"}]', 'nonsense']) {
      let e: unknown;
      try {
        await importRoomKeys(m.client, json);
      } catch (x) {
        e = x;
      }
      expect(e, json).to.be.instanceOf(NotAKeyListError);
    }
    expect(m.calls()).to.equal(0);
    expect(await importRoomKeys(m.client, '[]')).to.deep.include({ total: 0, imported: 0 });
  });
});
