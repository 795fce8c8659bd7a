// The Security Key entry (RecoveryKeyFlow, rendered by KeyEntry) reused by <xs-key-storage>: as "turn key storage
// on" and as "is this still my Security Key?". Loaded with the entry, when first needed (it pulls in recovery-key.ts).
import type { MatrixClient } from 'matrix-js-sdk';
import { classifyKey, secretStorageKeys, turnBackupOn, type KeyCheckResult } from './key-storage.js';
import { checkPhraseParams, recoveryPortFor, type RecoveryPort } from './recovery-key.js';

/**
 * The Security Key entry (RecoveryKeyFlow over KeyEntry) made into "turn key storage on": the key is read and
 * checked as for verifying; instead of verifying, the backup is made (`turnBackupOn`) with it.
 */
export function backupOnPort(client: MatrixClient, opts: { settleMs?: number } = {}): RecoveryPort {
  const base = recoveryPortFor(client);
  return {
    ...base,
    async restore(raw, key, onStep) {
      onStep('backup');
      await turnBackupOn(client, key.keyId, raw, opts);
      return 'connected';
    },
    repair() {
      return Promise.reject(new Error('nothing to repair when turning key storage on'));
    },
  };
}

/**
 * The Security Key entry made into "is this still my Security Key?": every well-formed key or phrase gets an
 * answer (`onResult`) instead of "wrong key"; nothing is written. A phrase is tried with the settings of each key
 * still on the account (an older key has its own salt).
 */
export function keyCheckPort(client: MatrixClient, onResult: (r: KeyCheckResult) => void): RecoveryPort {
  const base = recoveryPortFor(client);
  return {
    ...base,
    // Nothing is handed to the SDK: the client's callbacks are not needed.
    canHandOverKey: true,
    checkKey: () => Promise.resolve(true),
    async keyFromPhrase(phrase, key) {
      let first: Uint8Array<ArrayBuffer> | undefined;
      for (const k of secretStorageKeys(client)) {
        const kdf = checkPhraseParams(k.info);
        if (kdf.kind !== 'ok') continue;
        const raw = await base.keyFromPhrase(phrase, { keyId: k.keyId, info: k.info as never, hasPassphrase: true, kdf });
        if ((await classifyKey(client, raw)) !== 'unknown') {
          first?.fill(0);
          return raw;
        }
        if (first) raw.fill(0);
        else first = raw;
      }
      return first ?? base.keyFromPhrase(phrase, key);
    },
    async restore(raw) {
      onResult(await classifyKey(client, raw));
      return 'none';
    },
    repair() {
      return Promise.reject(new Error('a key check changes nothing'));
    },
  };
}
