import { expect } from '@open-wc/testing';
import { FakeClient, readyStatus } from '../../test/support/fake-status-client.js';
import { whileChangingIdentity } from './identity-change.js';
import { applyDeviceIsolation, isStatusAccountData, readOwnStatus, readUserTrust, syncPhase, watchStatus } from './status.js';

describe('status SDK adapter', () => {
  it('reads a ready account into plain data (crossSigningVerified, not isVerified)', async () => {
    const c = new FakeClient({ ...readyStatus(), deviceVerified: false });
    const s = await readOwnStatus(c.asClient, { keysToUpload: 5 });
    expect(s.device).to.deep.equal({ deviceId: 'THISDEVICE', ed25519: readyStatus().ed25519, crossSigningVerified: false });
    expect(s.crossSigning).to.deep.equal({
      published: true, trusted: true, masterKey: readyStatus().masterKey,
      cached: { master: true, selfSigning: true, userSigning: true }, inSecretStorage: true,
    });
    expect(s.secretStorage).to.deep.equal({ ready: true, defaultKeyId: 'key1', backupKeyStored: true });
    expect(s.backup).to.deep.equal({
      version: '1', algorithm: 'm.megolm_backup.v1.curve25519-aes-sha2', trusted: true, matchesDecryptionKey: true, active: true, decryptionKeyCached: true,
    });
    expect(s.keysToUpload).to.equal(5);
    expect(s.backupFailure).to.equal(null);
  });

  it('refresh asks the server (own identity and backup), a plain read uses the caches', async () => {
    const c = new FakeClient();
    await readOwnStatus(c.asClient, { keysToUpload: null });
    expect(c.calls).to.not.include('checkKeyBackupAndEnable');
    expect(c.calls).to.not.include('userHasCrossSigningKeys');
    expect(c.calls).to.include('getKeyBackupInfo');
    c.calls.length = 0;
    await readOwnStatus(c.asClient, { keysToUpload: null }, { refresh: true });
    expect(c.calls).to.include.members(['userHasCrossSigningKeys', 'GET /room_keys/version', 'checkKeyBackupAndEnable']);
  });

  it('while this session changes its identity, a refresh forces no server read; the watcher refreshes when it ends', async () => {
    const c = new FakeClient();
    const seen: boolean[] = [];
    const stop = watchStatus(c.asClient, { changed: (r) => seen.push(r), keysToUpload: () => {} });
    let release!: () => void;
    const change = whileChangingIdentity(c.asClient, () => new Promise<void>((r) => (release = r)));
    await readOwnStatus(c.asClient, { keysToUpload: null }, { refresh: true });
    expect(c.calls, 'no forced /keys/query during the change').to.not.include('userHasCrossSigningKeys');
    expect(c.calls).to.not.include('checkKeyBackupAndEnable');
    expect(seen).to.deep.equal([]);
    release();
    await change;
    expect(seen, 'a refresh is asked for once the change is over').to.deep.equal([true]);
    c.calls.length = 0;
    await readOwnStatus(c.asClient, { keysToUpload: null }, { refresh: true });
    expect(c.calls).to.include('userHasCrossSigningKeys');
    stop();
    await whileChangingIdentity(c.asClient, async () => undefined);
    expect(seen.length, 'unsubscribed').to.equal(1);
  });

  it('no backup (404) is "no backup", not a failure; a failing endpoint is a classified failure', async () => {
    const none = await readOwnStatus(new FakeClient({ ...readyStatus(), backup: null }).asClient, { keysToUpload: null }, { refresh: true });
    expect(none.backup).to.equal(null);
    expect(none.backupFailure).to.equal(null);
    const down = await readOwnStatus(
      new FakeClient({ ...readyStatus(), backupError: Object.assign(new Error('x'), { httpStatus: 500 }) }).asClient,
      { keysToUpload: null },
      { refresh: true },
    );
    expect(down.backup).to.equal(null);
    expect(down.backupFailure?.kind).to.equal('server');
  });

  it('a backup key that does not match the backup is not reported as cached', async () => {
    const s = await readOwnStatus(new FakeClient({ ...readyStatus(), backupMatches: false }).asClient, { keysToUpload: null });
    expect(s.backup?.decryptionKeyCached).to.equal(false);
  });

  it('a local read failure throws (the element explains it)', async () => {
    const c = new FakeClient({ ...readyStatus(), readError: new Error('store broken') });
    let err: unknown;
    await readOwnStatus(c.asClient, { keysToUpload: null }).catch((e: unknown) => (err = e));
    expect((err as Error).message).to.equal('store broken');
  });

  it('a hung read is bounded by the timeout', async () => {
    const c = new FakeClient({ ...readyStatus(), readError: 'hang' });
    let err: unknown;
    await readOwnStatus(c.asClient, { keysToUpload: null }, { timeoutMs: 50 }).catch((e: unknown) => (err = e));
    expect((err as Error).name).to.equal('TimeoutError');
  });

  it('throws without crypto', async () => {
    let err: unknown;
    await readOwnStatus(new FakeClient(readyStatus(), { crypto: false }).asClient, { keysToUpload: null }).catch((e: unknown) => (err = e));
    expect(err).to.be.instanceOf(Error);
  });

  it('reads another user', async () => {
    const c = new FakeClient({ ...readyStatus(), users: { '@b:x': { known: true, verified: false, wasVerified: true, needsApproval: true, masterKey: 'BK' } } });
    expect(await readUserTrust(c.asClient, '@b:x')).to.deep.equal({ userId: '@b:x', known: true, verified: false, wasVerified: true, needsApproval: true, masterKey: 'BK' });
    expect((await readUserTrust(c.asClient, '@nobody:x')).known).to.equal(false);
  });

  it('maps sync states', () => {
    const c = new FakeClient();
    for (const [state, phase] of [[null, 'not-started'], ['PREPARED', 'syncing'], ['SYNCING', 'syncing'], ['CATCHUP', 'syncing'], ['ERROR', 'error'], ['RECONNECTING', 'error'], ['STOPPED', 'stopped']] as const) {
      c.s.sync = state;
      expect(syncPhase(c.asClient), String(state)).to.equal(phase);
    }
  });

  it('knows which account data matters', () => {
    for (const t of ['m.secret_storage.default_key', 'm.secret_storage.key.abc', 'm.cross_signing.master', 'm.megolm_backup.v1', 'm.key_backup'])
      expect(isStatusAccountData(t), t).to.equal(true);
    for (const t of ['m.direct', 'im.vector.setting', 'm.push_rules']) expect(isStatusAccountData(t), t).to.equal(false);
  });

  it('watches crypto, account-data and sync events, refreshing from the server where the server changed', () => {
    const c = new FakeClient();
    const seen: string[] = [];
    const stop = watchStatus(c.asClient, {
      changed: (r) => seen.push(r ? 'refresh' : 'read'),
      keysToUpload: (n) => seen.push(`n${n}`),
      userChanged: (u) => seen.push(u),
    });
    c.emit('crossSigning.keysChanged', {});
    c.emit('crypto.keyBackupStatus', false);
    c.emit('crypto.keyBackupFailed', 'M_NOT_FOUND');
    c.emit('crypto.keyBackupSessionsRemaining', 3);
    c.emit('userTrustStatusChanged', '@bob:x');
    c.emit('accountData', { getType: () => 'm.direct' });
    c.emit('accountData', { getType: () => 'm.secret_storage.default_key' });
    c.emit('sync', 'PREPARED', null);
    c.emit('sync', 'SYNCING', 'SYNCING');
    c.emit('sync', 'ERROR', 'SYNCING');
    c.emit('sync', 'SYNCING', 'ERROR');
    expect(seen).to.deep.equal(['refresh', 'read', 'refresh', 'n3', '@bob:x', 'read', 'refresh', 'read', 'refresh']);
    stop();
    expect(c.listenerCount()).to.equal(0);
  });

  it('sets device isolation by shape', () => {
    const c = new FakeClient();
    expect(applyDeviceIsolation(c.asClient, 'only-signed')).to.equal(true);
    expect(c.isolation).to.deep.equal({ kind: 1 });
    applyDeviceIsolation(c.asClient, 'all');
    expect(c.isolation).to.deep.equal({ kind: 0, errorOnVerifiedUserProblems: false });
    expect(applyDeviceIsolation(new FakeClient(readyStatus(), { crypto: false }).asClient, 'all')).to.equal(false);
  });
});
