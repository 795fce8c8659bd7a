import { XsEvent } from './xs-event.js';

/** What `<xs-status>` asks the host to open: key storage (backup on/off, restore history) or the Security Key check. */
export type KeyStorageRequest = 'manage' | 'check-key';

/**
 * Asks the host to open `<xs-key-storage>` (`mode="backup"` for `manage`, `mode="check-key"` for `check-key`).
 * Cancelable: `preventDefault()` says "the host handles it".
 */
export class XsRequestKeyStorageEvent extends XsEvent {
  static readonly type = 'xs-request-key-storage';
  constructor(readonly action: KeyStorageRequest) {
    super(XsRequestKeyStorageEvent.type, { cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'xs-request-key-storage': XsRequestKeyStorageEvent;
  }
}
