import { XsEvent } from './xs-event.js';

/**
 * A verification ended without success. `code` is the Matrix cancellation code ('m.user', 'm.timeout',
 * 'm.mismatched_sas', 'm.key_mismatch', 'm.unknown_method', 'm.accepted' …); `reason` is the sentence
 * the element shows for it (in the element's language); `byUs` is true when this side cancelled.
 */
export class XsVerificationCancelledEvent extends XsEvent {
  static readonly type = 'xs-verification-cancelled';
  constructor(
    readonly code: string,
    readonly reason: string,
    readonly byUs: boolean,
  ) {
    super(XsVerificationCancelledEvent.type);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'xs-verification-cancelled': XsVerificationCancelledEvent;
  }
}
