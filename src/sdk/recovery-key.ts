// "Verify this session with the Security Key or Phrase": the SDK calls, as a small port the state machine
// (src/state/recovery-key.ts) drives. The key is only held inside withSecretStorageKey() while the SDK
// needs it; nothing here logs or stores it.
import type { MatrixClient } from 'matrix-js-sdk';
import { deriveRecoveryKeyFromPassphrase } from 'matrix-js-sdk/lib/crypto-api/key-passphrase.js';
import { decodeRecoveryKey } from 'matrix-js-sdk/lib/crypto-api/recovery-key.js';
import { sleep } from '../internal/async.js';
import { serverDehydratedDevice } from './dehydration.js';
import { guardRateLimits } from './rate-limit.js';
import { compactKeyText } from './recovery-key-text.js';
import { hasSecretStorageCallbacks, withSecretStorageKey, type SecretStorageKeyInfo } from './secret-storage-keys.js';
import type { SecretsBundle } from './secrets-bundle.js';
import { isDeviceCrossSigned } from './verification-trust.js';

/** What the key description's passphrase settings allow (they are server data, so they are checked). */
export type KdfCheck =
  /** The key was random: only the Security Key unlocks it. */
  | { kind: 'none' }
  | { kind: 'ok'; iterations: number }
  /** Refused: too few rounds (a phrase cheap to guess), absurdly many (minutes of work), or malformed settings. */
  | { kind: 'unsafe'; problem: 'too-few' | 'too-many' | 'invalid'; iterations?: number };

/** The account's default secret-storage key, as far as the kit needs it. */
export interface DefaultKey {
  keyId: string;
  info: SecretStorageKeyInfo;
  /** A Security Phrase can derive it (`passphrase` in the key description). */
  hasPassphrase: boolean;
  /** Whether the phrase settings stored with the key are sane. */
  kdf: KdfCheck;
}

/** Where the restore is. */
export type RestoreStep = 'cross-signing' | 'backup';

/** What happened to the key backup after the session was verified. */
export type BackupOutcome = 'connected' | 'none' | 'not-in-storage' | 'mismatch';

/** How the recovery data disagrees with the (right) key or with the account. */
export type OutOfSyncReason =
  /** A cross-signing key is not in secret storage at all. */
  | 'missing'
  /** A cross-signing key is stored, but under another key than the default one. */
  | 'other-key'
  /** A cross-signing key is stored under the right key but does not decrypt (damaged). */
  | 'undecryptable'
  /** The stored cross-signing keys belong to another identity than the account's current one. */
  | 'stale';

/** The text is not a Security Key at all (bad characters, length, prefix or parity). */
export class MalformedKeyError extends Error {
  override readonly name = 'MalformedKeyError';
}

/** The key decoded but does not unlock this account's secret storage (MAC check or a secret's MAC failed). */
export class WrongKeyError extends Error {
  override readonly name = 'WrongKeyError';
}

/** The phrase settings read from the account are outside sane bounds: the phrase is not used. */
export class UnsafeKdfError extends Error {
  override readonly name = 'UnsafeKdfError';
  constructor(readonly check: Extract<KdfCheck, { kind: 'unsafe' }>) {
    super(`refusing the stored phrase settings (${check.problem})`);
  }
}

/** The right key, but the recovery data is out of sync with it or with the account. */
export class OutOfSyncError extends Error {
  override readonly name = 'OutOfSyncError';
  /**
   * @param reason What is wrong.
   * @param canRepair This session holds all three cross-signing private keys, so it can store them again.
   */
  constructor(readonly reason: OutOfSyncReason, readonly canRepair: boolean) {
    super(`recovery data out of sync (${reason})`);
  }
}

/**
 * This session is verified, but the key backup could not be reached (server error, network), so it is not
 * connected: the person can try again (the session stays verified).
 */
export class BackupUnreachableError extends Error {
  override readonly name = 'BackupUnreachableError';
  constructor(override readonly cause: unknown) {
    super('the key backup could not be reached');
  }
}

/** The keys were imported but the server does not show this session signed by them. */
export class NotSignedError extends Error {
  override readonly name = 'NotSignedError';
}

/**
 * Fewest PBKDF2 rounds accepted for a Security Phrase. Matrix clients derive with 500 000 (matrix-js-sdk's
 * `createRecoveryKeyFromPassphrase`, Element). The count is server data: a server that lowers it (and
 * drops the key check MAC, which the spec allows) would get anything stored under the derived key in a form
 * that is cheap to brute-force. 100 000 leaves a 5× margin for clients that chose fewer rounds.
 */
export const MIN_PHRASE_ITERATIONS = 100_000;
/** Most PBKDF2 rounds run for a phrase: 10× the usual 500 000, seconds of work; more looks like damaged data. */
export const MAX_PHRASE_ITERATIONS = 5_000_000;
/** Longest salt accepted (clients write 32 characters). */
const MAX_SALT_LENGTH = 1024;

/** Checks the passphrase settings of a key description (`m.secret_storage.key.*` content). */
export function checkPhraseParams(info: unknown): KdfCheck {
  const pp = (info as { passphrase?: unknown } | null)?.passphrase;
  if (pp === undefined || pp === null) return { kind: 'none' };
  const { algorithm, salt, iterations, bits } = pp as { algorithm?: unknown; salt?: unknown; iterations?: unknown; bits?: unknown };
  if (algorithm !== 'm.pbkdf2' || typeof salt !== 'string' || salt.length === 0 || salt.length > MAX_SALT_LENGTH) {
    return { kind: 'unsafe', problem: 'invalid' };
  }
  // A secret-storage key is 256 bits; other lengths can't be the key this account needs.
  if (bits !== undefined && bits !== 256) return { kind: 'unsafe', problem: 'invalid' };
  if (typeof iterations !== 'number' || !Number.isSafeInteger(iterations)) return { kind: 'unsafe', problem: 'invalid' };
  if (iterations < MIN_PHRASE_ITERATIONS) return { kind: 'unsafe', problem: 'too-few', iterations };
  if (iterations > MAX_PHRASE_ITERATIONS) return { kind: 'unsafe', problem: 'too-many', iterations };
  return { kind: 'ok', iterations };
}

const CROSS_SIGNING_SECRETS = ['m.cross_signing.master', 'm.cross_signing.self_signing', 'm.cross_signing.user_signing'] as const;
type CrossSigningSecret = (typeof CROSS_SIGNING_SECRETS)[number];
const BUNDLE_FIELD: Record<CrossSigningSecret, 'master_key' | 'self_signing_key' | 'user_signing_key'> = {
  'm.cross_signing.master': 'master_key',
  'm.cross_signing.self_signing': 'self_signing_key',
  'm.cross_signing.user_signing': 'user_signing_key',
};

export interface RecoveryPort {
  /** The client was created with the kit's secret-storage callbacks (needed to hand the key over). */
  readonly canHandOverKey: boolean;
  readDefaultKey(): Promise<DefaultKey | null>;
  /** Decodes a typed Security Key (whitespace and invisible characters ignored); throws MalformedKeyError. */
  decodeKey(text: string): Uint8Array<ArrayBuffer>;
  /** Derives the key from a Security Phrase with the key description's salt and iterations; throws UnsafeKdfError. */
  keyFromPhrase(phrase: string, key: DefaultKey): Promise<Uint8Array<ArrayBuffer>>;
  /** True when `raw` matches the key description's check MAC (also true when there is no MAC to check). */
  checkKey(raw: Uint8Array<ArrayBuffer>, key: DefaultKey): Promise<boolean>;
  /**
   * Imports the cross-signing keys from secret storage, signs this session, connects the key backup; reads
   * back that this session is signed. Throws OutOfSyncError when the stored keys can't be used with `raw`.
   */
  restore(raw: Uint8Array<ArrayBuffer>, key: DefaultKey, onStep: (step: RestoreStep) => void): Promise<BackupOutcome>;
  /**
   * Stores this session's cross-signing keys (and its backup key, when it matches the account's backup) in
   * secret storage again, under `key`; reads them back. Throws OutOfSyncError when the read-back disagrees.
   */
  repair(raw: Uint8Array<ArrayBuffer>, key: DefaultKey): Promise<void>;
}

/** `base64` without padding, so padded and unpadded encodings of one value compare equal. */
function unpadded(base64: string): string {
  return base64.replace(/=+$/, '');
}

function isDecryptFailure(e: unknown): boolean {
  return /mac|decrypt/i.test(e instanceof Error ? e.message : String(e));
}

// keysOutOfSync lives in its own small module (keys-out-of-sync.ts): <xs-verify-login>'s first render asks it.
export { keysOutOfSync } from './keys-out-of-sync.js';

export function recoveryPortFor(client: MatrixClient): RecoveryPort {
  const crypto = () => {
    const c = client.getCrypto();
    if (!c) throw new Error('the MatrixClient has no crypto (call initRustCrypto first)');
    return c;
  };

  /** All three cross-signing private keys are cached in this session. */
  const holdsKeys = async () => {
    const { privateKeysCachedLocally: p } = await crypto().getCrossSigningStatus();
    return p.masterKey && p.selfSigningKey && p.userSigningKey;
  };

  /** This session's own cross-signing private keys (base64), when it holds all three. */
  const localKeys = async (): Promise<Record<CrossSigningSecret, string> | null> => {
    const c = crypto();
    if (!(await holdsKeys()) || !c.exportSecretsBundle) return null;
    const bundle = (await c.exportSecretsBundle()) as SecretsBundle;
    const out = {} as Record<CrossSigningSecret, string>;
    for (const name of CROSS_SIGNING_SECRETS) out[name] = bundle.cross_signing[BUNDLE_FIELD[name]];
    return out;
  };

  /**
   * Reads the three cross-signing secrets with the held key; throws OutOfSyncError for the first problem.
   * `hasMac`: the key was really checked, so a secret that does not decrypt is damaged, not a wrong key.
   */
  const readStored = async (key: DefaultKey): Promise<Record<CrossSigningSecret, string>> => {
    const out = {} as Record<CrossSigningSecret, string>;
    for (const name of CROSS_SIGNING_SECRETS) {
      const stored = await client.secretStorage.isStored(name);
      if (!stored || Object.keys(stored).length === 0) throw new OutOfSyncError('missing', await holdsKeys());
      if (!(key.keyId in stored)) throw new OutOfSyncError('other-key', await holdsKeys());
    }
    for (const name of CROSS_SIGNING_SECRETS) {
      let value: string | undefined;
      try {
        value = await client.secretStorage.get(name);
      } catch (e) {
        if (!isDecryptFailure(e)) throw e;
        if (!(key.info as { mac?: string }).mac) throw new WrongKeyError('a secret did not decrypt');
        throw new OutOfSyncError('undecryptable', await holdsKeys());
      }
      if (!value) throw new OutOfSyncError('missing', await holdsKeys());
      out[name] = value;
    }
    return out;
  };

  /** Polls briefly until the server's view shows this session cross-signed. */
  const signedSoon = async () => {
    const deviceId = client.getDeviceId() ?? '';
    for (let i = 0; i < 20; i++) {
      if (await isDeviceCrossSigned(client, deviceId)) return true;
      await crypto().userHasCrossSigningKeys(client.getSafeUserId(), true);
      await sleep(250);
    }
    return isDeviceCrossSigned(client, deviceId);
  };

  return {
    canHandOverKey: hasSecretStorageCallbacks(client),
    async readDefaultKey() {
      const tuple = await client.secretStorage.getKey();
      if (!tuple) return null;
      const [keyId, info] = tuple;
      return {
        keyId,
        info,
        hasPassphrase: !!(info as { passphrase?: unknown }).passphrase,
        kdf: checkPhraseParams(info),
      };
    },
    decodeKey(text) {
      try {
        return decodeRecoveryKey(compactKeyText(text));
      } catch (e) {
        throw new MalformedKeyError(e instanceof Error ? e.message : 'not a recovery key');
      }
    },
    async keyFromPhrase(phrase, key) {
      const kdf = checkPhraseParams(key.info);
      if (kdf.kind === 'none') throw new WrongKeyError('this key has no passphrase');
      if (kdf.kind === 'unsafe') throw new UnsafeKdfError(kdf);
      const pp = (key.info as unknown as { passphrase: { salt: string } }).passphrase;
      return deriveRecoveryKeyFromPassphrase(phrase, pp.salt, kdf.iterations, 256);
    },
    async checkKey(raw, key) {
      try {
        return await client.secretStorage.checkKey(raw, key.info);
      } catch {
        return false; // unknown algorithm: we can't use it
      }
    },
    async restore(raw, key, onStep) {
      const c = crypto();
      // The SDK waits out a 429 by itself, whatever its Retry-After: cap absurd waits (a day, garbage).
      guardRateLimits(client);
      return withSecretStorageKey(client, key.keyId, raw, async () => {
        const outcome = await restoreWithKey();
        // The keys the dehydrated device (MSC3814) received while no session was online, then a fresh device.
        // Best effort: this session is verified either way; the status reports the dehydrated device.
        await rehydrate(client).catch(() => false);
        return outcome;
      });
      async function restoreWithKey(): Promise<BackupOutcome> {
        // bootstrapCrossSigning() would CREATE new cross-signing keys if they are not in secret storage: check
        // (and decrypt) them first, and compare with the keys this session holds, if any.
        const stored = await readStored(key);
        const local = await localKeys();
        if (local && CROSS_SIGNING_SECRETS.some((n) => unpadded(local[n]) !== unpadded(stored[n]))) {
          throw new OutOfSyncError('stale', true);
        }
        onStep('cross-signing');
        try {
          await c.bootstrapCrossSigning({});
        } catch (e) {
          // The stored private keys don't fit the account's public identity (rust crypto refuses them).
          if (/importCrossSigningKeys|failed to import/i.test(e instanceof Error ? e.message : String(e))) {
            throw new OutOfSyncError('stale', await holdsKeys());
          }
          if (isDecryptFailure(e)) throw new OutOfSyncError('undecryptable', await holdsKeys());
          throw e;
        }
        // A signature upload that failed on an earlier attempt (the keys were imported, so bootstrapCrossSigning
        // now has nothing to do): sign this session with the imported self-signing key.
        const deviceId = client.getDeviceId() ?? '';
        if (!(await isDeviceCrossSigned(client, deviceId)) && (await holdsKeys())) await c.crossSignDevice(deviceId);
        if (!(await signedSoon())) throw new NotSignedError('this session is not shown as cross-signed');
        onStep('backup');
        // Ask the server directly: the SDK's getKeyBackupInfo() answers null both for "no backup" and for a
        // failed request, and "no backup" must not be claimed when the server just didn't answer.
        let hasBackup: boolean;
        try {
          await client.http.authedRequest('GET' as never, '/room_keys/version', undefined, undefined, { prefix: '/_matrix/client/v3' });
          hasBackup = true;
        } catch (e) {
          if ((e as { errcode?: string }).errcode !== 'M_NOT_FOUND') throw new BackupUnreachableError(e);
          hasBackup = false;
        }
        if (!hasBackup) return 'none';
        const backupStored = await client.secretStorage.isStored('m.megolm_backup.v1');
        if (!backupStored || !(key.keyId in backupStored)) return 'not-in-storage';
        // The SDK caches its last backup check, also a failed one ("unable to get backup version"): refresh it.
        await c.checkKeyBackupAndEnable();
        try {
          await c.loadSessionBackupPrivateKeyFromSecretStorage();
        } catch (e) {
          if ((e as { name?: string }).name === 'DecryptionKeyDoesNotMatchError') return 'mismatch';
          if (isDecryptFailure(e)) return 'mismatch';
          throw new BackupUnreachableError(e);
        }
        await c.checkKeyBackupAndEnable();
        // Read back: "connected" only when the SDK now uses the backup.
        if (!(await c.getActiveSessionBackupVersion())) throw new BackupUnreachableError(new Error('backup not active after the check'));
        return 'connected';
      }
    },
    async repair(raw, key) {
      const c = crypto();
      guardRateLimits(client);
      await withSecretStorageKey(client, key.keyId, raw, async () => {
        const local = await localKeys();
        if (!local) throw new OutOfSyncError('missing', false);
        // Overwrite each cross-signing secret that is missing, under another key, damaged or stale: store()
        // encrypts under the default key only (the entry's other keys are dropped).
        for (const name of CROSS_SIGNING_SECRETS) {
          let current: string | undefined;
          try {
            const stored = await client.secretStorage.isStored(name);
            current = stored && key.keyId in stored ? await client.secretStorage.get(name) : undefined;
          } catch {
            current = undefined;
          }
          if (current === undefined || unpadded(current) !== unpadded(local[name])) await client.secretStorage.store(name, local[name]);
        }
        // The backup key, when this session holds one matching the account's backup (the SDK checks the match).
        await c.bootstrapSecretStorage({});
        // Read back what was claimed.
        const after = await readStored(key);
        if (CROSS_SIGNING_SECRETS.some((n) => unpadded(after[n]) !== unpadded(local[n]))) throw new OutOfSyncError('stale', true);
      });
    },
  };
}

/**
 * A newly verified session that holds the secret-storage key: takes the keys the dehydrated device received while
 * no session was online, then uploads a fresh device. Call inside `withSecretStorageKey`. Resolves false when
 * there was nothing to rehydrate.
 */
async function rehydrate(client: MatrixClient): Promise<boolean> {
  const crypto = client.getCrypto();
  // Nothing to take when the server has no dehydration or no device, or secret storage has no key for it.
  if (!crypto || !(await serverDehydratedDevice(client))) return false;
  if (!(await client.secretStorage.isStored('org.matrix.msc3814'))) return false;
  await crypto.startDehydration({ rehydrate: true });
  return true;
}
