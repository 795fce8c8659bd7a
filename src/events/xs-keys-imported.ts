import { XsEvent } from './xs-event.js';

/** `<xs-key-transfer>` imported a key file. Counts only: keys in the file, newly imported, already present or unusable. */
export class XsKeysImportedEvent extends XsEvent {
  static readonly type = 'xs-keys-imported';
  constructor(
    readonly total: number,
    readonly imported: number,
    readonly skipped: number,
  ) {
    super(XsKeysImportedEvent.type);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'xs-keys-imported': XsKeysImportedEvent;
  }
}
