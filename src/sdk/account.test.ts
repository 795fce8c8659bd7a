import { expect } from '@open-wc/testing';
import { FakeClient } from '../../test/support/fake-status-client.js';
import { AccountModel, RECEIVE_KEYS_TIMEOUT_MS, type AccountState } from './account.js';

const until = async (what: string, cond: () => boolean, ms = 2000) => {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
};

/** A session that is not verified yet: keys exist on the account, none here. */
function unverifiedClient() {
  const c = new FakeClient();
  c.s.deviceVerified = false;
  c.s.cached = { masterKey: false, selfSigningKey: false, userSigningKey: false };
  c.s.backupPrivateKey = false;
  c.s.backupMatches = false;
  return c;
}

function follow(model: AccountModel, opts: { receiveKeysTimeoutMs?: number } = {}) {
  const states: AccountState[] = [];
  const off = model.subscribe({ ...opts, onState: (s) => states.push(s) });
  return { states, off, last: () => states[states.length - 1] };
}

describe('account model: receiving keys after a verification', () => {
  it('a session seen turning verified without its keys waits for them, and ends the wait when the secrets arrive (events, no polling)', async () => {
    const c = unverifiedClient();
    const model = new AccountModel(c.asClient);
    const f = follow(model);
    await until('first read', () => !!f.last()?.snapshot);
    expect(f.last().receivingKeys).to.equal(null);
    // The signature lands (device list update); the secrets have not arrived.
    c.s.deviceVerified = true;
    c.emit('crypto.devicesUpdated', ['@me:example.org'], false);
    await until('waiting', () => f.last().receivingKeys === 'waiting');
    // Cross-signing keys arrive (m.secret.send is stored by the crypto layer before this event).
    c.s.cached = { masterKey: true, selfSigningKey: true, userSigningKey: true };
    c.emit('receivedToDeviceMessage', { message: { type: 'm.secret.send', content: {} }, encryptionInfo: null });
    await until('read after the secret', () => f.last().snapshot!.crossSigning.cached.master);
    expect(f.last().receivingKeys, 'the backup key is still missing').to.equal('waiting');
    // Other to-device messages are not secrets: no read.
    const reads = c.calls.filter((x) => x === 'getCrossSigningStatus').length;
    c.emit('receivedToDeviceMessage', { message: { type: 'm.room_key', content: {} }, encryptionInfo: null });
    await new Promise((r) => setTimeout(r, 150));
    expect(c.calls.filter((x) => x === 'getCrossSigningStatus').length).to.equal(reads);
    c.s.backupPrivateKey = true;
    c.s.backupMatches = true;
    c.emit('crypto.keyBackupDecryptionKeyCached', '1');
    await until('all here', () => f.last().receivingKeys === null);
    expect(f.last().snapshot!.backup!.decryptionKeyCached).to.equal(true);
    f.off();
  });

  it('expectKeys() (a verification flow read back the signature) waits even while the last read still said "not verified"', async () => {
    const c = unverifiedClient();
    const model = new AccountModel(c.asClient);
    const f = follow(model);
    await until('first read', () => !!f.last()?.snapshot);
    model.expectKeys();
    // At once, before any read: the stale snapshot is not shown as "not verified".
    expect(f.last().receivingKeys).to.equal('waiting');
    expect(f.last().snapshot!.device.crossSigningVerified).to.equal(false);
    c.s.deviceVerified = true;
    c.s.cached = { masterKey: true, selfSigningKey: true, userSigningKey: true };
    c.s.backupPrivateKey = true;
    c.s.backupMatches = true;
    c.emit('crypto.keyBackupDecryptionKeyCached', '1');
    await until('all here', () => f.last().receivingKeys === null);
    f.off();
  });

  it('bounded: after the timeout it says what is missing ("timed-out") and reads again; keys arriving later end it', async () => {
    const c = unverifiedClient();
    const model = new AccountModel(c.asClient);
    const f = follow(model, { receiveKeysTimeoutMs: 80 });
    await until('first read', () => !!f.last()?.snapshot);
    c.s.deviceVerified = true;
    c.s.cached = { masterKey: true, selfSigningKey: true, userSigningKey: true };
    c.emit('crypto.devicesUpdated', ['@me:example.org'], false);
    await until('waiting', () => f.last().receivingKeys === 'waiting');
    await until('timed out', () => f.last().receivingKeys === 'timed-out');
    expect(f.last().snapshot!.backup!.decryptionKeyCached).to.equal(false);
    c.s.backupPrivateKey = true;
    c.s.backupMatches = true;
    c.emit('crypto.keyBackupDecryptionKeyCached', '1');
    await until('arrived late', () => f.last().receivingKeys === null);
    f.off();
  });

  it('no backup on the account: the cross-signing keys are all there is to wait for', async () => {
    const c = unverifiedClient();
    c.s.backup = null;
    const model = new AccountModel(c.asClient);
    const f = follow(model);
    await until('first read', () => !!f.last()?.snapshot);
    model.expectKeys();
    c.s.deviceVerified = true;
    c.s.cached = { masterKey: true, selfSigningKey: true, userSigningKey: true };
    c.emit('receivedToDeviceMessage', { message: { type: 'm.secret.send', content: {} }, encryptionInfo: null });
    await until('done waiting', () => f.last().receivingKeys === null);
    f.off();
  });

  it('a session already verified and complete is never "receiving"; the wait is dropped with the last subscriber', async () => {
    const c = new FakeClient();
    const model = new AccountModel(c.asClient);
    const f = follow(model);
    await until('first read', () => !!f.last()?.snapshot);
    model.expectKeys();
    expect(f.last().receivingKeys).to.equal(null);
    f.off();
    // Not running: nothing to wait for, nothing published.
    model.expectKeys();
    expect(model.state.receivingKeys).to.equal(null);
    expect(RECEIVE_KEYS_TIMEOUT_MS).to.equal(30_000);
  });
});

describe('account model: subscribers that only follow', () => {
  it('a following subscriber starts the model with a read of the stores, not of the server; a full one asks the server', async () => {
    const c = new FakeClient();
    const model = new AccountModel(c.asClient);
    const states: AccountState[] = [];
    const off = model.subscribe({ followOnly: true, onState: (s) => states.push(s) });
    await until('first read', () => !!states[states.length - 1]?.snapshot);
    expect(c.calls.filter((x) => x === 'userHasCrossSigningKeys'), 'no forced /keys/query').to.deep.equal([]);
    off();
    const f = follow(model);
    await until('first read', () => !!f.last()?.snapshot);
    expect(c.calls).to.include('userHasCrossSigningKeys');
    f.off();
  });
});
