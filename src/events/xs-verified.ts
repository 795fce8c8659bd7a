import { XsEvent } from './xs-event.js';

/**
 * A verification succeeded: `deviceId` of `userId` is now verified (this session after "verify this
 * session" or the Security Key, the other session after "verify my other session" or answering it).
 */
export class XsVerifiedEvent extends XsEvent {
  static readonly type = 'xs-verified';
  constructor(
    readonly userId: string,
    readonly deviceId: string,
  ) {
    super(XsVerifiedEvent.type);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'xs-verified': XsVerifiedEvent;
  }
}
