import { XsEvent } from './xs-event.js';

/** A session got a new display name (as saved on the homeserver). */
export class XsSessionRenamedEvent extends XsEvent {
  static readonly type = 'xs-session-renamed';
  constructor(
    readonly deviceId: string,
    readonly displayName: string,
  ) {
    super(XsSessionRenamedEvent.type);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'xs-session-renamed': XsSessionRenamedEvent;
  }
}
