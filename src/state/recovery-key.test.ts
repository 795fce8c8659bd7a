import { expect } from '@open-wc/testing';
import { RecoveryKeyFlow } from './recovery-key.js';
import {
  MalformedKeyError,
  StorageIncompleteError,
  TooExpensiveError,
  WrongKeyError,
  type DefaultKey,
  type RecoveryPort,
} from '../sdk/recovery-key.js';

const KEY: DefaultKey = { keyId: 'k1', info: {} as DefaultKey['info'], hasPassphrase: true };

function fakePort(over: Partial<RecoveryPort> = {}) {
  const seen: Uint8Array[] = [];
  const port: RecoveryPort = {
    canHandOverKey: true,
    readDefaultKey: async () => KEY,
    decodeKey: (text) => {
      if (text !== 'GOOD' && text !== 'OTHER') throw new MalformedKeyError('Incorrect parity');
      return new Uint8Array(32).fill(text === 'GOOD' ? 7 : 9);
    },
    keyFromPhrase: async (p) => new Uint8Array(32).fill(p === 'right phrase' ? 7 : 1),
    checkKey: async (raw) => raw[0] === 7,
    restore: async (raw, _k, onStep) => {
      seen.push(raw);
      onStep('cross-signing');
      onStep('backup');
      return 'connected';
    },
    ...over,
  };
  return { port, seen };
}

describe('RecoveryKeyFlow (state machine)', () => {
  it('offers the key first, and the phrase when the key has one', async () => {
    const flow = new RecoveryKeyFlow(fakePort().port);
    await flow.load();
    expect(flow.stage).to.deep.equal({ kind: 'enter', method: 'key', phraseAvailable: true, problem: undefined });
    flow.useMethod('phrase');
    expect(flow.stage).to.deep.include({ method: 'phrase' });
  });

  it('no secret storage, or a client without the kit callbacks, is explained', async () => {
    const a = new RecoveryKeyFlow(fakePort({ readDefaultKey: async () => null }).port);
    await a.load();
    expect(a.stage).to.deep.equal({ kind: 'unavailable', reason: 'no-storage' });
    const b = new RecoveryKeyFlow(fakePort({ canHandOverKey: false }).port);
    await b.load();
    expect(b.stage).to.deep.equal({ kind: 'unavailable', reason: 'no-callbacks' });
  });

  it('empty, malformed and wrong keys ask again; the right one restores and the key bytes are wiped', async () => {
    const { port, seen } = fakePort();
    const flow = new RecoveryKeyFlow(port);
    const stages: string[] = [];
    flow.addEventListener('change', () => stages.push(flow.stage.kind === 'restoring' ? `restoring:${flow.stage.step}` : flow.stage.kind));
    await flow.load();
    await flow.submit('  ');
    expect(flow.stage).to.deep.include({ kind: 'enter', problem: 'empty' });
    await flow.submit('nonsense');
    expect(flow.stage).to.deep.include({ kind: 'enter', problem: 'malformed' });
    await flow.submit('OTHER');
    expect(flow.stage).to.deep.include({ kind: 'enter', problem: 'wrong-key' });
    await flow.submit('GOOD');
    expect(flow.stage).to.deep.equal({ kind: 'done', backup: 'connected' });
    expect(stages.slice(-4)).to.deep.equal(['checking', 'restoring:cross-signing', 'restoring:backup', 'done']);
    expect([...seen[0]!].every((b) => b === 0)).to.equal(true);
  });

  it('phrase problems: wrong phrase, too expensive derivation', async () => {
    const flow = new RecoveryKeyFlow(fakePort().port);
    await flow.load();
    flow.useMethod('phrase');
    await flow.submit('wrong phrase');
    expect(flow.stage).to.deep.include({ kind: 'enter', method: 'phrase', problem: 'wrong-phrase' });
    const slow = new RecoveryKeyFlow(fakePort({ keyFromPhrase: async () => { throw new TooExpensiveError('x'); } }).port);
    await slow.load();
    slow.useMethod('phrase');
    await slow.submit('anything');
    expect(slow.stage).to.deep.include({ problem: 'too-expensive' });
  });

  it('a secret failing its MAC counts as a wrong key; incomplete storage and server errors are failures', async () => {
    const mac = new RecoveryKeyFlow(fakePort({ restore: async () => { throw new WrongKeyError('bad mac'); } }).port);
    await mac.load();
    await mac.submit('GOOD');
    expect(mac.stage).to.deep.include({ kind: 'enter', problem: 'wrong-key' });
    const incomplete = new RecoveryKeyFlow(fakePort({ restore: async () => { throw new StorageIncompleteError('x'); } }).port);
    await incomplete.load();
    await incomplete.submit('GOOD');
    expect(incomplete.stage).to.deep.equal({ kind: 'failed', failure: { kind: 'storage-incomplete' } });
    const server = new RecoveryKeyFlow(fakePort({ restore: async () => { throw Object.assign(new Error('x'), { httpStatus: 503 }); } }).port);
    await server.load();
    await server.submit('GOOD');
    expect(server.stage.kind).to.equal('failed');
    server.retry();
    expect(server.stage).to.deep.include({ kind: 'enter', problem: undefined });
  });
});
