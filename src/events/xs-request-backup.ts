import { XsEvent } from './xs-event.js';

/** Why a key backup is asked for. */
export type BackupRequestReason =
  /** The homeserver has no key backup. */
  | 'missing'
  /** There is a backup, but it is not trusted and this session has no key for it. */
  | 'untrusted';

/** Asks the host to set up key backup. Cancelable: `preventDefault()` says "the host handles it". */
export class XsRequestBackupEvent extends XsEvent {
  static readonly type = 'xs-request-backup';
  constructor(readonly reason: BackupRequestReason) {
    super(XsRequestBackupEvent.type, { cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'xs-request-backup': XsRequestBackupEvent;
  }
}
