// <xs-key-storage> as plain state: where key storage (the key backup) stands, read from the account model's
// snapshot — what the overview shows. The steps after it (turning off, on, restoring) are key-storage-flow.ts,
// loaded with them. No DOM, no SDK.
import type { Failure } from '../sdk/errors.js';
import type { OwnStatusSnapshot } from '../sdk/status.js';

/** Where key storage stands, as the element words it. */
export type BackupState =
  /** The first read is running. */
  | 'checking'
  /** The backup could not be read (the server did not answer): nothing is offered that could replace it. */
  | 'unknown'
  /** No cross-signing identity or no secret storage yet: set up encryption first. */
  | 'not-set-up'
  /** A backup this session trusts (or holds the key of): new message keys are uploaded. */
  | 'on'
  /** No backup on the server. */
  | 'off'
  /** A backup exists that this session can't trust or use: verify this session, or set up again. */
  | 'unusable';

export interface BackupView {
  state: BackupState;
  /** This session holds the backup's key: the history can be restored from it. */
  canRestore: boolean;
  /** The person turned key storage off on purpose (other apps see it too). */
  turnedOff: boolean;
  /** The server holds a dehydrated device (MSC3814); undefined = unknown or unsupported. */
  dehydratedDevice: string | null | undefined;
}

/** `turnedOff`: the person's choice as synced (`m.key_backup`, read by the caller: the model re-reads when it changes). */
export function backupView(s: OwnStatusSnapshot | null, failure: Failure | null, turnedOff = false): BackupView {
  const base = { canRestore: false, turnedOff, dehydratedDevice: s?.dehydratedDevice };
  if (!s) return { ...base, state: failure ? 'unknown' : 'checking' };
  if (s.backupFailure) return { ...base, state: 'unknown' };
  if (!s.crossSigning.published || !s.secretStorage.defaultKeyId) return { ...base, state: 'not-set-up' };
  if (!s.backup) return { ...base, state: 'off' };
  if (!s.backup.trusted && !s.backup.matchesDecryptionKey) return { ...base, state: 'unusable' };
  return { ...base, state: 'on', canRestore: s.backup.decryptionKeyCached };
}
