// The one read of the account's key backup behind the set-up wizard (setup.ts `readSnapshot`) and key storage
// (key-storage.ts `turnBackupOn`):
//   - the server's current backup, asked of the server itself: an outage throws — it is never taken for "no backup"
//     (the SDK's `checkKeyBackupAndEnable` answers null for both, and "no backup" lets a commit make a new one,
//     which deletes every existing version);
//   - whether this session holds THAT backup's key: the key it holds is compared with the server's current backup
//     public key. A key cached before the backup was replaced from another session (key storage turned off and on
//     there, and the new key's push lost) is not the current backup's key;
//   - whether it is a replaceable leftover: empty and signed by this very session — made by an earlier attempt whose
//     answer was lost, so nothing is lost by replacing it.
import type { MatrixClient } from 'matrix-js-sdk';
import { serverBackupVersion } from './server-reads.js';

export interface BackupRead {
  /** The server's current backup version, or null when the server has none. */
  version: string | null;
  /** This session trusts it: signed by the identity, or its public key is the one of the key this session holds. */
  trusted: boolean;
  /** This session holds the decryption key of the server's current backup (checked against its public key). */
  keyHeld: boolean;
  /** Empty and signed by this very session, and its key is not held: made by an attempt whose answer was lost. */
  replaceable: boolean;
}

const NONE: BackupRead = { version: null, trusted: false, keyHeld: false, replaceable: false };

/** Reads the server's current key backup and how this session stands to it (see the file comment). */
export async function readBackup(client: MatrixClient): Promise<BackupRead> {
  const crypto = client.getCrypto();
  if (!crypto) throw new Error('end-to-end encryption is not enabled on this client');
  const info = await serverBackupVersion(client);
  // The SDK's own look: starts uploading to a trusted backup, stops for a deleted one.
  await crypto.checkKeyBackupAndEnable();
  if (!info) return NONE;
  const trust = await crypto.isKeyBackupTrusted(info as never);
  const keyHeld = trust.matchesDecryptionKey;
  const deviceId = client.getDeviceId();
  const sigs = (info.auth_data?.['signatures'] as Record<string, Record<string, string>> | undefined)?.[client.getSafeUserId()];
  const replaceable = !keyHeld && (info as { count?: number }).count === 0 && !!deviceId && !!sigs?.[`ed25519:${deviceId}`];
  return { version: info.version, trusted: trust.trusted || keyHeld, keyHeld, replaceable };
}
