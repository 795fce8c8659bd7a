import { expect } from '@open-wc/testing';
import type { MatrixClient } from 'matrix-js-sdk';
import { readBackup } from './backup-read.js';

const ME = '@me:example.org';

/** A client whose server answers GET /room_keys/version with `server` (an Error is thrown as the request's failure). */
function clientWith(server: object | Error | null, trust = { trusted: true, matchesDecryptionKey: true }) {
  const calls: string[] = [];
  const client = {
    getSafeUserId: () => ME,
    getDeviceId: () => 'THIS',
    http: {
      authedRequest: async (_m: string, path: string) => {
        calls.push(path);
        if (server instanceof Error) throw server;
        if (server === null) throw Object.assign(new Error('no backup'), { httpStatus: 404, errcode: 'M_NOT_FOUND' });
        return server;
      },
    },
    getCrypto: () => ({
      checkKeyBackupAndEnable: async () => {
        calls.push('sdk check');
        return null;
      },
      isKeyBackupTrusted: async (info: { version: string }) => {
        calls.push(`trust ${info.version}`);
        return trust;
      },
    }),
  };
  return { client: client as unknown as MatrixClient, calls };
}

const backup = (extra: object = {}) => ({ version: '7', algorithm: 'm.megolm_backup.v1.curve25519-aes-sha2', auth_data: { public_key: 'pub' }, ...extra });

describe('readBackup (the shared backup read of set-up and key storage)', () => {
  it('a held key counts only when it is the server’s current backup’s (trust is asked about that backup)', async () => {
    const held = clientWith(backup(), { trusted: true, matchesDecryptionKey: true });
    expect(await readBackup(held.client)).to.deep.equal({ version: '7', trusted: true, keyHeld: true, replaceable: false });
    expect(held.calls).to.deep.equal(['/room_keys/version', 'sdk check', 'trust 7']);
    // A key of an earlier backup (replaced from another session): the SDK says it does not match this backup.
    const stale = clientWith(backup(), { trusted: true, matchesDecryptionKey: false });
    expect(await readBackup(stale.client)).to.deep.equal({ version: '7', trusted: true, keyHeld: false, replaceable: false });
  });

  it('no backup on the server; an outage throws (it is not "no backup")', async () => {
    expect(await readBackup(clientWith(null).client)).to.deep.equal({ version: null, trusted: false, keyHeld: false, replaceable: false });
    const down = Object.assign(new Error('unavailable'), { httpStatus: 503, errcode: 'M_UNKNOWN' });
    let thrown: unknown;
    await readBackup(clientWith(down).client).catch((e: unknown) => (thrown = e));
    expect(thrown).to.equal(down);
  });

  it('replaceable: empty, signed by this very session, its key not held', async () => {
    const signed = { auth_data: { public_key: 'pub', signatures: { [ME]: { 'ed25519:THIS': 'sig' } } }, count: 0 };
    const untrusted = { trusted: false, matchesDecryptionKey: false };
    expect((await readBackup(clientWith(backup(signed), untrusted).client)).replaceable).to.equal(true);
    expect((await readBackup(clientWith(backup({ ...signed, count: 3 }), untrusted).client)).replaceable, 'holds keys').to.equal(false);
    const other = { auth_data: { public_key: 'pub', signatures: { [ME]: { 'ed25519:OTHER': 'sig' } } }, count: 0 };
    expect((await readBackup(clientWith(backup(other), untrusted).client)).replaceable, 'made elsewhere').to.equal(false);
    expect((await readBackup(clientWith(backup(signed), { trusted: true, matchesDecryptionKey: true }).client)).replaceable, 'its key is held').to.equal(false);
  });
});
