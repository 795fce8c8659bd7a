import { XsEvent } from './xs-event.js';

/**
 * The person accepted another user's changed identity. `action`: `pinned` (an unverified user's new identity
 * acknowledged, `pinCurrentUserIdentity`) or `withdrawn` (a verified user's requirement withdrawn,
 * `withdrawVerificationRequirement`). Not cancelable.
 */
export class XsIdentityAcceptedEvent extends XsEvent {
  static readonly type = 'xs-identity-accepted';
  constructor(
    readonly userId: string,
    readonly action: 'pinned' | 'withdrawn',
  ) {
    super(XsIdentityAcceptedEvent.type);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'xs-identity-accepted': XsIdentityAcceptedEvent;
  }
}
