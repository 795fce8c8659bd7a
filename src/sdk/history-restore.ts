// After this session is verified: the secrets (cross-signing private keys, backup key) arrive from the other
// session a moment later; then the message history can be restored from the key backup. This adapter reads
// what has arrived and runs the restore with progress, as plain data for src/state/history-restore.ts.
import type { MatrixClient } from 'matrix-js-sdk';
import type { ImportRoomKeyStage } from 'matrix-js-sdk/lib/crypto-api/index.js';
import { CryptoEvent } from 'matrix-js-sdk/lib/crypto-api/CryptoEvent.js';
import { describeFailure } from './errors.js';
import { guardRateLimits } from './rate-limit.js';

/** Which secrets are on this session (local reads only: cheap enough to poll). */
export interface SecretsState {
  /** The three cross-signing private keys are on this session. */
  crossSigning: boolean;
  /** The backup decryption key is on this session. */
  backupKey: boolean;
}

export interface RestoreProgress {
  done: number;
  total: number;
}

export interface HistoryRestorePort {
  secrets(): Promise<SecretsState>;
  /** Whether the account has a key backup on the server (GET /room_keys/version; null when it could not be read). */
  backupExists(): Promise<boolean | null>;
  /** Calls `listener` when a secret may have arrived. */
  onSecretsChange(listener: () => void): () => void;
  /** Downloads the whole backup and imports it; resolves with how many keys were imported of how many. */
  restore(onProgress: (p: RestoreProgress) => void): Promise<{ imported: number; total: number }>;
}

// The secrets arrive as to-device messages (m.secret.send, stored by the crypto layer before the event): look again
// after each one — not after every other to-device message — and on the crypto events.
const SECRET_EVENTS = [
  CryptoEvent.KeyBackupDecryptionKeyCached,
  CryptoEvent.KeysChanged,
  CryptoEvent.KeyBackupStatus,
  CryptoEvent.UserTrustStatusChanged,
] as const;
const isSecret = (p: { message?: { type?: string } } | undefined) => p?.message?.type === 'm.secret.send';

export function historyRestorePortFor(client: MatrixClient): HistoryRestorePort {
  // The SDK waits out a 429 by itself, whatever the server's Retry-After (a day): cap it, so a restore ends.
  guardRateLimits(client);
  const crypto = () => {
    const c = client.getCrypto();
    if (!c) throw new Error('the MatrixClient has no crypto');
    return c;
  };
  return {
    async secrets() {
      const c = crypto();
      const [status, backupKey] = await Promise.all([c.getCrossSigningStatus(), c.getSessionBackupPrivateKey()]);
      const k = status.privateKeysCachedLocally;
      return { crossSigning: k.masterKey && k.selfSigningKey && k.userSigningKey, backupKey: backupKey !== null };
    },
    async backupExists() {
      // Asked of the server itself: the SDK's cached answer says "none" after a failed check (a 5xx, a lost
      // response), and "your account has no key backup" must not rest on that.
      try {
        await client.http.authedRequest('GET' as never, '/room_keys/version', undefined, undefined, { prefix: '/_matrix/client/v3' });
        return true;
      } catch (e) {
        return describeFailure(e).kind === 'not-found' ? false : null;
      }
    },
    onSecretsChange(listener) {
      const l = () => listener();
      const toDevice = (p: Parameters<typeof isSecret>[0]) => {
        if (isSecret(p)) listener();
      };
      for (const e of SECRET_EVENTS) client.on(e as never, l as never);
      client.on('receivedToDeviceMessage' as never, toDevice as never);
      return () => {
        for (const e of SECRET_EVENTS) client.off(e as never, l as never);
        client.off('receivedToDeviceMessage' as never, toDevice as never);
      };
    },
    async restore(onProgress) {
      const c = crypto();
      // No backup check first (GET /room_keys/version): restoreKeyBackup reads the key with the version it was
      // stored for and asks the server for that version's info itself, and the SDK already checks and enables the
      // backup when the key arrives (m.secret.send) or is loaded from secret storage — a check here would only
      // repeat that request, while the other session may still be reading back its signatures.
      const result = await c.restoreKeyBackup({
        progressCallback: (p) => {
          if (p.stage === ('load_keys' as ImportRoomKeyStage.LoadKeys)) onProgress({ done: p.successes + p.failures, total: p.total });
        },
      });
      return { imported: result.imported, total: result.total };
    },
  };
}
