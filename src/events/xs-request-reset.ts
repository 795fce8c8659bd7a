import { XsEvent } from './xs-event.js';

/** Why a reset of the encryption identity is asked for. */
export type ResetReason =
  /** This session can't be verified (no other session, recovery key lost). */
  | 'cannot-verify'
  /** This session is verified but lacks keys that no other place can give it. */
  | 'keys-missing';

/**
 * Asks the host to reset the cross-signing identity (destructive: other sessions and people must verify
 * again). Cancelable: `preventDefault()` says "the host handles it"; the host must confirm with the person.
 */
export class XsRequestResetEvent extends XsEvent {
  static readonly type = 'xs-request-reset';
  constructor(readonly reason: ResetReason) {
    super(XsRequestResetEvent.type, { cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'xs-request-reset': XsRequestResetEvent;
  }
}
