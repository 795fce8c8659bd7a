import { XsEvent } from './xs-event.js';

/**
 * Asks the host to show the person's sessions so they can review them, verify the ones they use and sign
 * out the rest (e.g. open `<xs-session-list>`). Sent after a reset, which leaves every other session
 * unverified. Cancelable: `preventDefault()` says "the host handles it".
 */
export class XsRequestSessionsEvent extends XsEvent {
  static readonly type = 'xs-request-sessions';
  constructor(
    /** Why: 'after-reset' from the setup wizard. */
    readonly reason: 'after-reset' | 'requested' = 'requested',
  ) {
    super(XsRequestSessionsEvent.type, { cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'xs-request-sessions': XsRequestSessionsEvent;
  }
}
