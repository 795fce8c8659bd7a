import { XsEvent } from './xs-event.js';

/**
 * Key storage (the key backup) was turned on or off, and the server was read back to hold it: `enabled` true =
 * a backup this session trusts exists with its key in secret storage; false = the server has no backup any more.
 */
export class XsKeyStorageChangeEvent extends XsEvent {
  static readonly type = 'xs-key-storage-change';
  constructor(readonly enabled: boolean) {
    super(XsKeyStorageChangeEvent.type);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'xs-key-storage-change': XsKeyStorageChangeEvent;
  }
}
