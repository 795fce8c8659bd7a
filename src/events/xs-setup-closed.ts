import { XsEvent } from './xs-event.js';

/**
 * The person pressed Done on the last step of `<xs-setup-wizard>` (after `xs-setup-complete`): the host may
 * remove or hide the wizard. If it stays, it shows where the account stands.
 */
export class XsSetupClosedEvent extends XsEvent {
  static readonly type = 'xs-setup-closed';
  constructor() {
    super(XsSetupClosedEvent.type);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'xs-setup-closed': XsSetupClosedEvent;
  }
}
