import { XsEvent } from './xs-event.js';

/**
 * The person chose "Ask me later" in `<xs-setup-wizard>`. The host keeps that preference (e.g. a
 * "Don't ask me again" flag in its own settings) and decides when to offer setup again.
 */
export class XsSetupDismissedEvent extends XsEvent {
  static readonly type = 'xs-setup-dismissed';
  constructor() {
    super(XsSetupDismissedEvent.type);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'xs-setup-dismissed': XsSetupDismissedEvent;
  }
}
