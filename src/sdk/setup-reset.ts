// The two steps of <xs-setup-wizard> that touch what already exists on the account: replacing the identity in a
// reset, and connecting a key backup that another app (or an earlier identity) made.
//
// Why the reset is not `CryptoApi.resetEncryption`: that call deletes the key backups, the stored secrets and the
// default secret-storage key first and only then asks who the person is (UIA for the cross-signing upload), so a
// Cancel at the password prompt leaves the account without backup and secret storage. Here the order is:
//   1. replace the cross-signing identity — the upload is the first request that changes anything, and it is the
//      one that asks for authentication; Cancel there changes nothing on the server (this session's old keys are
//      put back);
//   2. then, authenticated, remove what belonged to the old identity (its stored cross-signing secrets, the key
//      backups), and (finishSetup, plan `replace`) make new secret storage under the new key and a new backup.
import type { MatrixClient, UIAuthCallback } from 'matrix-js-sdk';
import { decodeRecoveryKey } from 'matrix-js-sdk/lib/crypto-api/recovery-key.js';
import { exclusiveCommit } from './commit-lock.js';
import { whileChangingIdentity } from './identity-change.js';
import type { SecretsBundle } from './secrets-bundle.js';
import { BackupKeyMismatchError } from './setup-errors.js';
import { cryptoOf } from './setup.js';
import { backupPublicKey, publicKeyOf, serverBackupVersion } from './setup-verify.js';

/** Whitespace of any kind (a PDF's line breaks, non-breaking spaces, zero-width spaces) is not part of a key. */
const ANY_SPACE = /[\s\u200b-\u200d\u2060\ufeff]/gu;

/** The typed text is not a recovery key at all. */
export class NotARecoveryKeyError extends Error {
  override readonly name = 'NotARecoveryKeyError';
}

/**
 * While the new identity is created and uploaded, the SDK must not write it into the existing secret storage:
 * rust crypto's `resetCrossSigning` exports the new private keys to secret storage *before* the upload (so before
 * authentication) whenever a default key exists — overwriting the stored identity of an account whose owner may
 * still cancel. It checks `secretStorage.hasKey()`; for the length of the upload that answers "no", so nothing is
 * written; finishSetup stores the new keys under the new key afterwards. (If a future SDK checks differently, the
 * export asks for the old key, the kit has none to give, and the reset stops before the upload: no harm done.)
 */
export async function withoutSecretStorageExport<T>(client: MatrixClient, fn: () => Promise<T>): Promise<T> {
  const ss = client.secretStorage as unknown as { hasKey: (id?: string | null) => Promise<boolean> };
  const own = Object.prototype.hasOwnProperty.call(ss, 'hasKey');
  const previous = ss.hasKey;
  ss.hasKey = () => Promise.resolve(false);
  try {
    return await fn();
  } finally {
    if (own) ss.hasKey = previous;
    else delete (ss as { hasKey?: unknown }).hasKey;
  }
}

/** SetupAdapter.resetIdentity: one commit at a time per client, as an own-identity change. */
export function resetIdentity(client: MatrixClient, auth: UIAuthCallback<void>): Promise<void> {
  return exclusiveCommit(client, () => whileChangingIdentity(client, () => replaceIdentityAfterAuth(client, auth)));
}

/** Another of the user's sessions is signed by the current identity (SetupAdapter.hasActiveVerifiedSession). */
export async function hasActiveVerifiedSession(client: MatrixClient): Promise<boolean> {
  const crypto = cryptoOf(client);
  const me = client.getSafeUserId();
  if (!(await crypto.userHasCrossSigningKeys(undefined, true))) return false;
  const devices = (await crypto.getUserDeviceInfo([me], true)).get(me);
  if (!devices) return false;
  // Signed by the identity, whether or not this session trusts it yet: a new session does not, and still
  // has a session that can verify it. (crossSigningVerified would be false for every session here.)
  const self = client.getDeviceId();
  for (const [id, device] of devices) {
    // The dehydrated device (MSC3814) is signed but is no session that could verify this one.
    if (id !== self && !device.dehydrated && (await crypto.getDeviceVerificationStatus(me, id))?.signedByOwner) return true;
  }
  return false;
}

export async function replaceIdentityAfterAuth(client: MatrixClient, auth: UIAuthCallback<void>): Promise<void> {
  const crypto = client.getCrypto();
  if (!crypto) throw new Error('end-to-end encryption is not enabled on this client');
  // Known trap: an own-user /keys/query landing between creating the new keys and uploading them makes rust
  // crypto drop the new private keys. A forced query right before leaves none in flight; the rest of the kit
  // forces none while the change runs (identity-change.ts); finishSetup repairs if a host's query hit anyway.
  await crypto.userHasCrossSigningKeys(undefined, true);
  const status = await crypto.getCrossSigningStatus();
  const c = status.privateKeysCachedLocally;
  // This session's current keys, to put back if the person cancels (memory only, dropped at the end).
  let previous = c.masterKey && c.selfSigningKey && c.userSigningKey && crypto.exportSecretsBundle ? ((await crypto.exportSecretsBundle().catch(() => null)) as SecretsBundle | null) : null;
  try {
    await withoutSecretStorageExport(client, () => crypto.bootstrapCrossSigning({ setupNewCrossSigning: true, authUploadDeviceSigningKeys: auth }));
  } catch (e) {
    // Nothing was uploaded: the server still has the old identity. Learn it again (which drops the new,
    // unpublished keys) and give this session back the private keys it had.
    await crypto.userHasCrossSigningKeys(undefined, true).catch(() => undefined);
    if (previous && crypto.importSecretsBundle) await crypto.importSecretsBundle(previous).catch(() => undefined);
    throw e;
  } finally {
    // eslint-disable-next-line no-useless-assignment -- the old private keys leave memory here, not at the end
    previous = null;
  }
  // Authenticated and replaced: what belonged to the old identity goes now, as the person agreed. The stored
  // cross-signing secrets would otherwise pass for this identity's, and the old backup (signed by the old
  // identity) for a trusted one, if the reset is interrupted before finishSetup replaces them.
  for (const name of ['m.cross_signing.master', 'm.cross_signing.self_signing', 'm.cross_signing.user_signing']) await client.secretStorage.store(name, null);
  let version = (await serverBackupVersion(client))?.version;
  for (let i = 0; version && i < 20; i++) {
    await crypto.deleteKeyBackupVersion(version);
    version = (await serverBackupVersion(client))?.version;
  }
}

/** Connects the server's current backup with its recovery key, after checking that the key is that backup's. */
export async function connectExistingBackup(client: MatrixClient, keyText: string): Promise<void> {
  const crypto = client.getCrypto();
  if (!crypto) throw new Error('end-to-end encryption is not enabled on this client');
  let raw: Uint8Array<ArrayBuffer>;
  try {
    raw = decodeRecoveryKey(keyText.replace(ANY_SPACE, ''));
  } catch {
    throw new NotARecoveryKeyError('not a recovery key');
  }
  try {
    const backup = await serverBackupVersion(client);
    if (!backup) throw new BackupKeyMismatchError();
    const expected = backupPublicKey(backup);
    if (backup.algorithm !== 'm.megolm_backup.v1.curve25519-aes-sha2' || (await publicKeyOf('X25519', raw)) !== expected) throw new BackupKeyMismatchError();
    await crypto.storeSessionBackupPrivateKey(raw, backup.version);
    await crypto.checkKeyBackupAndEnable();
  } finally {
    raw.fill(0);
  }
}
