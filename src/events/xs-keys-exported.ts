import { XsEvent } from './xs-event.js';

/** `<xs-key-transfer>` saved a key file. Carries the number of keys and the file name — never the file or passphrase. */
export class XsKeysExportedEvent extends XsEvent {
  static readonly type = 'xs-keys-exported';
  constructor(
    readonly count: number,
    readonly fileName: string,
  ) {
    super(XsKeysExportedEvent.type);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'xs-keys-exported': XsKeysExportedEvent;
  }
}
