// SDK adapter for <xs-key-storage>: key backup ("key storage") off and on, and "is this still my Security Key?".
//
// What each SDK call would delete was checked before choosing it:
//   - `CryptoApi.disableKeyStorage()` deletes the backup AND all of secret storage AND the dehydrated device: far
//     more than "backup off" (the person's Security Key would stop unlocking anything). Not used.
//   - `CryptoApi.resetKeyBackup()` deletes EVERY backup version, then makes a new one and stores its key in secret
//     storage (asking for the secret-storage key). Used only when the server has no backup, or only a replaceable
//     one (empty, made by this very session, its key lost with a lost response — see backup-read.ts).
//   - `CryptoApi.deleteKeyBackupVersion(v)` deletes that version (and stops this session's upload when it was the
//     active one). Used for "off", version by version, until the server has none.
//
// Off:  DELETE /room_keys/version/<v> (each) → PUT m.megolm_backup.v1 = {} (the key of a deleted backup) →
//       PUT m.key_backup {enabled: false} (MSC4287: other apps don't nag) → read back: no version, no stored key.
// On:   (with the Security Key) POST /room_keys/version (+ PUT m.megolm_backup.v1 under the default key) →
//       PUT m.key_backup {enabled: true} → read back (setup-verify.ts): a backup this session trusts, and its key
//       under the default secret-storage key.
// Both run through `exclusiveCommit`: a double click, a retry or a second element joins the running one.
import type { MatrixClient } from 'matrix-js-sdk';
import { sleep } from '../internal/async.js';
import { readBackup } from './backup-read.js';
import { exclusiveCommit } from './commit-lock.js';
import { KEY_BACKUP_SETTING } from './key-backup-setting.js';
import { guardRateLimits } from './rate-limit.js';
import { withSecretStorageKey } from './secret-storage-keys.js';
import { SetupIncompleteError } from './setup-errors.js';
import type { SetupGap } from './setup.js';
import { serverAccountData, serverBackupVersion, verifySetupOnServer } from './setup-verify.js';

const BACKUP_SECRET = 'm.megolm_backup.v1';
const AES = 'm.secret_storage.v1.aes-hmac-sha2';

/** A backup exists on the server that this session cannot use: turning "on" would replace it (the setup wizard asks). */
export class BackupInTheWayError extends Error {
  override readonly name = 'BackupInTheWayError';
  constructor(readonly version: string) {
    super(`a key backup (version ${version}) exists that this session cannot use`);
  }
}

/** The account has no secret storage to keep the backup key in: set up encryption first. */
export class NoSecretStorageError extends Error {
  override readonly name = 'NoSecretStorageError';
}

function cryptoOf(client: MatrixClient) {
  const c = client.getCrypto();
  if (!c) throw new Error('end-to-end encryption is not enabled on this client');
  return c;
}

/** Writes the person's choice for other apps (skipped when the synced value already says so). */
async function setBackupSetting(client: MatrixClient, enabled: boolean): Promise<void> {
  const now = client.getAccountData(KEY_BACKUP_SETTING as never)?.getContent<{ enabled?: boolean }>();
  if (now?.enabled === enabled) return;
  await client.setAccountData(KEY_BACKUP_SETTING as never, { enabled } as never);
}

/** What is still on the server after "off" (empty = off holds). */
export type OffGap = 'backup-version' | 'backup-key-stored';

/** Reads the server: no backup version, no stored backup key. */
export async function verifyBackupOffOnServer(client: MatrixClient): Promise<OffGap[]> {
  const gaps: OffGap[] = [];
  if (await serverBackupVersion(client)) gaps.push('backup-version');
  if (await serverAccountData(client, BACKUP_SECRET)) gaps.push('backup-key-stored');
  return gaps;
}

export class BackupOffIncompleteError extends Error {
  override readonly name = 'BackupOffIncompleteError';
  constructor(readonly gaps: OffGap[]) {
    super(`key storage is not off yet: ${gaps.join(', ')}`);
  }
}

/** Deletes every key backup version and the stored backup key; reads back. Idempotent (a retry finishes a half-done run). */
export function turnBackupOff(client: MatrixClient): Promise<void> {
  guardRateLimits(client);
  return exclusiveCommit(client, async () => {
    const crypto = cryptoOf(client);
    let version = (await serverBackupVersion(client))?.version;
    for (let i = 0; version && i < 20; i++) {
      await crypto.deleteKeyBackupVersion(version);
      version = (await serverBackupVersion(client))?.version;
    }
    if (await serverAccountData(client, BACKUP_SECRET)) await client.secretStorage.store(BACKUP_SECRET, null);
    await setBackupSetting(client, false);
    // The SDK may still hold the deleted backup's key and version: make it look again (it finds none).
    await crypto.checkKeyBackupAndEnable().catch(() => null);
    const gaps = await verifyBackupOffOnServer(client);
    if (gaps.length) throw new BackupOffIncompleteError(gaps);
  });
}

const BACKUP_GAPS: SetupGap[] = ['backup', 'backup-key-stored'];

/**
 * Makes a trusted key backup with its key in secret storage, under the default secret-storage key `keyId` whose
 * raw key is `key` (checked by the caller); reads back. Idempotent: a retry after a lost response keeps the
 * backup this session made (storing its key if that is what is missing) instead of making another.
 */
export function turnBackupOn(client: MatrixClient, keyId: string, key: Uint8Array<ArrayBuffer>, opts: { settleMs?: number } = {}): Promise<void> {
  guardRateLimits(client);
  return exclusiveCommit(client, () =>
    withSecretStorageKey(client, keyId, key, async () => {
      const crypto = cryptoOf(client);
      const tuple = await client.secretStorage.getKey();
      if (!tuple || tuple[0] !== keyId || (tuple[1] as { algorithm?: string }).algorithm !== AES) throw new NoSecretStorageError('no usable secret storage');
      // What the server has now (an outage throws). This session may still hold the key of a backup deleted earlier
      // ("off", or replaced from another session): only a key that matches the server's backup makes it ours.
      const backup = await readBackup(client);
      const ours = backup.keyHeld;
      if (ours) {
        // Ours already (an earlier attempt made it): store its key if that is what is missing.
        const stored = await client.secretStorage.isStored(BACKUP_SECRET);
        if (!stored || !(keyId in stored)) await crypto.bootstrapSecretStorage({});
      } else if (!backup.version || backup.replaceable) {
        await crypto.resetKeyBackup();
      } else {
        throw new BackupInTheWayError(backup.version);
      }
      await setBackupSetting(client, true);
      const deadline = Date.now() + (opts.settleMs ?? 10_000);
      for (;;) {
        const gaps = (await verifySetupOnServer(client, key)).filter((g) => BACKUP_GAPS.includes(g));
        if (gaps.length === 0) return;
        if (Date.now() >= deadline) throw new SetupIncompleteError(gaps);
        await sleep(250);
      }
    }),
  );
}

/** Which of the account's secret-storage keys a typed key is. */
export type KeyCheckResult =
  /** The default secret-storage key: the Security Key that unlocks everything now. */
  | 'current'
  /** A key description still on the account (`m.secret_storage.key.<id>`) that is not the default one. */
  | 'old'
  /** A well-formed key that is none of this account's keys. */
  | 'unknown';

/** The account's secret-storage key descriptions (default first), from the account data this client synced. */
export function secretStorageKeys(client: MatrixClient): { keyId: string; info: Record<string, unknown>; isDefault: boolean }[] {
  const pointer = client.getAccountData('m.secret_storage.default_key' as never)?.getContent<{ key?: unknown }>();
  const defaultId = typeof pointer?.key === 'string' ? pointer.key : null;
  const store = (client as unknown as { store?: { accountData?: Map<string, { getContent(): unknown }> } }).store;
  const out: { keyId: string; info: Record<string, unknown>; isDefault: boolean }[] = [];
  for (const [type, ev] of store?.accountData ?? new Map<string, { getContent(): unknown }>()) {
    if (!type.startsWith('m.secret_storage.key.')) continue;
    const info = ev.getContent() as Record<string, unknown>;
    if (!info || info['algorithm'] !== AES) continue; // deleted ({}) or a kind the kit cannot check
    const keyId = type.slice('m.secret_storage.key.'.length);
    out.push({ keyId, info, isDefault: keyId === defaultId });
  }
  return out.sort((a, b) => Number(b.isDefault) - Number(a.isDefault));
}

/** Checks `raw` against the account's keys (MAC check of each description); changes nothing. */
export async function classifyKey(client: MatrixClient, raw: Uint8Array<ArrayBuffer>): Promise<KeyCheckResult> {
  for (const k of secretStorageKeys(client)) {
    let ok: boolean;
    try {
      ok = !!(k.info['mac'] && (await client.secretStorage.checkKey(raw, k.info as never)));
    } catch {
      ok = false;
    }
    if (ok) return k.isDefault ? 'current' : 'old';
  }
  return 'unknown';
}

