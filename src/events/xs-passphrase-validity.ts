import { XsEvent } from './xs-event.js';

/**
 * `<xs-new-passphrase>` became valid (strong enough and confirmed) or stopped being valid.
 * It carries only the verdict — never the passphrase.
 */
export class XsPassphraseValidityEvent extends XsEvent {
  static readonly type = 'xs-passphrase-validity';
  constructor(readonly valid: boolean) {
    super(XsPassphraseValidityEvent.type);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'xs-passphrase-validity': XsPassphraseValidityEvent;
  }
}
