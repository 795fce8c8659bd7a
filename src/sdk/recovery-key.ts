// "Verify this session with the Security Key or Phrase": the SDK calls, as a small port the state machine
// (src/state/recovery-key.ts) drives. The key is only held inside withSecretStorageKey() while the SDK
// needs it; nothing here logs or stores it.
import type { MatrixClient } from 'matrix-js-sdk';
import { deriveRecoveryKeyFromPassphrase } from 'matrix-js-sdk/lib/crypto-api/key-passphrase.js';
import { decodeRecoveryKey } from 'matrix-js-sdk/lib/crypto-api/recovery-key.js';
import { hasSecretStorageCallbacks, withSecretStorageKey, type SecretStorageKeyInfo } from './secret-storage-keys.js';
import { isDeviceCrossSigned } from './verification.js';

/** The account's default secret-storage key, as far as the kit needs it. */
export interface DefaultKey {
  keyId: string;
  info: SecretStorageKeyInfo;
  /** A Security Phrase can derive it (`passphrase` in the key description). */
  hasPassphrase: boolean;
}

/** Where the restore is. */
export type RestoreStep = 'cross-signing' | 'backup';

/** What happened to the key backup after the session was verified. */
export type BackupOutcome = 'connected' | 'none' | 'not-in-storage' | 'mismatch';

/** The text is not a Security Key at all (bad characters, length, prefix or parity). */
export class MalformedKeyError extends Error {
  override readonly name = 'MalformedKeyError';
}

/** The key decoded but does not unlock this account's secret storage (MAC check or a secret's MAC failed). */
export class WrongKeyError extends Error {
  override readonly name = 'WrongKeyError';
}

/** The phrase's derivation asks for an unreasonable amount of work (the iteration count is server data). */
export class TooExpensiveError extends Error {
  override readonly name = 'TooExpensiveError';
}

/** The right key, but secret storage lacks the cross-signing keys: verifying would need a reset instead. */
export class StorageIncompleteError extends Error {
  override readonly name = 'StorageIncompleteError';
}

/** Upper bound on PBKDF2 iterations we run for a phrase (Element uses 500 000). */
export const MAX_PHRASE_ITERATIONS = 5_000_000;

const CROSS_SIGNING_SECRETS = ['m.cross_signing.master', 'm.cross_signing.self_signing', 'm.cross_signing.user_signing'] as const;

export interface RecoveryPort {
  /** The client was created with the kit's secret-storage callbacks (needed to hand the key over). */
  readonly canHandOverKey: boolean;
  readDefaultKey(): Promise<DefaultKey | null>;
  /** Decodes a typed Security Key (whitespace ignored); throws MalformedKeyError. */
  decodeKey(text: string): Uint8Array<ArrayBuffer>;
  /** Derives the key from a Security Phrase with the key description's salt and iterations. */
  keyFromPhrase(phrase: string, key: DefaultKey): Promise<Uint8Array<ArrayBuffer>>;
  /** True when `raw` matches the key description's check MAC (also true when there is no MAC to check). */
  checkKey(raw: Uint8Array<ArrayBuffer>, key: DefaultKey): Promise<boolean>;
  /** Imports the cross-signing keys from secret storage, signs this session, connects the key backup. */
  restore(raw: Uint8Array<ArrayBuffer>, key: DefaultKey, onStep: (step: RestoreStep) => void): Promise<BackupOutcome>;
}

export function recoveryPortFor(client: MatrixClient): RecoveryPort {
  const crypto = () => {
    const c = client.getCrypto();
    if (!c) throw new Error('the MatrixClient has no crypto (call initRustCrypto first)');
    return c;
  };
  return {
    canHandOverKey: hasSecretStorageCallbacks(client),
    async readDefaultKey() {
      const tuple = await client.secretStorage.getKey();
      if (!tuple) return null;
      const [keyId, info] = tuple;
      return { keyId, info: info as SecretStorageKeyInfo, hasPassphrase: !!(info as { passphrase?: unknown }).passphrase };
    },
    decodeKey(text) {
      try {
        return decodeRecoveryKey(text.trim());
      } catch (e) {
        throw new MalformedKeyError(e instanceof Error ? e.message : 'not a recovery key');
      }
    },
    async keyFromPhrase(phrase, key) {
      const pp = (key.info as { passphrase?: { algorithm?: string; salt?: string; iterations?: number; bits?: number } }).passphrase;
      if (!pp || pp.algorithm !== 'm.pbkdf2' || typeof pp.salt !== 'string' || typeof pp.iterations !== 'number') {
        throw new WrongKeyError('this key has no usable passphrase');
      }
      if (pp.iterations > MAX_PHRASE_ITERATIONS || pp.iterations < 1) throw new TooExpensiveError(`iterations ${pp.iterations}`);
      return deriveRecoveryKeyFromPassphrase(phrase, pp.salt, pp.iterations, pp.bits ?? 256);
    },
    async checkKey(raw, key) {
      try {
        return await client.secretStorage.checkKey(raw, key.info as never);
      } catch {
        return false; // unknown algorithm: we can't use it
      }
    },
    async restore(raw, key, onStep) {
      const c = crypto();
      // bootstrapCrossSigning() would CREATE new cross-signing keys if they are not in secret storage: refuse.
      for (const name of CROSS_SIGNING_SECRETS) {
        const stored = await client.secretStorage.isStored(name);
        if (!stored || !(key.keyId in stored)) throw new StorageIncompleteError(`${name} is not stored under the default key`);
      }
      return withSecretStorageKey(client, key.keyId, raw, async () => {
        onStep('cross-signing');
        try {
          await c.bootstrapCrossSigning({});
        } catch (e) {
          if (/mac|decrypt/i.test(e instanceof Error ? e.message : String(e))) throw new WrongKeyError('a secret did not decrypt');
          throw e;
        }
        if (!(await isDeviceCrossSigned(client, client.getDeviceId() ?? ''))) {
          // The signature upload may take a moment to be reflected locally.
          await c.userHasCrossSigningKeys(client.getSafeUserId(), true);
        }
        onStep('backup');
        const info = await c.getKeyBackupInfo();
        if (!info) return 'none';
        const stored = await client.secretStorage.isStored('m.megolm_backup.v1');
        if (!stored || !(key.keyId in stored)) return 'not-in-storage';
        try {
          await c.loadSessionBackupPrivateKeyFromSecretStorage();
        } catch (e) {
          if ((e as { name?: string }).name === 'DecryptionKeyDoesNotMatchError') return 'mismatch';
          throw e;
        }
        await c.checkKeyBackupAndEnable();
        return 'connected';
      });
    },
  };
}
