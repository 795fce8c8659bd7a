// The person's "key storage on/off" choice as account data other apps read too: `m.key_backup` `{ enabled }`
// (MSC4287, stable name). Kept apart from key-storage.ts so the status can read it without loading the commits.
import type { MatrixClient } from 'matrix-js-sdk';

export const KEY_BACKUP_SETTING = 'm.key_backup';

/** The person turned key storage off (MSC4287 `m.key_backup`), as this client last synced it. */
export function backupTurnedOff(client: MatrixClient): boolean {
  const c = client.getAccountData?.(KEY_BACKUP_SETTING as never)?.getContent<{ enabled?: unknown }>();
  return c?.enabled === false;
}

