import { XsEvent } from './xs-event.js';

/** Sessions were signed out. `includesCurrent`: this session itself was signed out (its client no longer works). */
export class XsSessionsSignedOutEvent extends XsEvent {
  static readonly type = 'xs-sessions-signed-out';
  constructor(
    readonly deviceIds: readonly string[],
    readonly includesCurrent: boolean = false,
  ) {
    super(XsSessionsSignedOutEvent.type);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'xs-sessions-signed-out': XsSessionsSignedOutEvent;
  }
}
