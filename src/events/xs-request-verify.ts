import type { VerificationRequest } from 'matrix-js-sdk/lib/crypto-api/index.js';
import { XsEvent } from './xs-event.js';

/** What the host is asked to verify. */
export type VerifyTarget =
  /** This session (e.g. open `<xs-verify-login>` in its "new login" role, or the Security Key path). */
  | 'this-session'
  /** Another of the user's own sessions, `deviceId` (e.g. open `<xs-verify-login device-id=…>`). */
  | 'own-session'
  /** Another user, `userId`. */
  | 'user';

/** Why verification is asked for. */
export type VerifyReason =
  /** Not verified yet. */
  | 'unverified'
  /** Identity exists but this session lacks its keys (setup must not reset it). */
  | 'keys-missing'
  /** A user we had verified changed identity: verify again. */
  | 'identity-changed'
  /** The person pressed "Verify". */
  | 'requested'
  /** The person accepted an incoming request (`request` carries it). */
  | 'incoming';

export interface RequestVerifyInit {
  subject: VerifyTarget;
  reason: VerifyReason;
  userId?: string;
  deviceId?: string;
  /** The incoming request the person accepted (reason `incoming`), to hand to `<xs-verify-login>` / `<xs-verify-user>` `.request`. */
  request?: VerificationRequest;
}

/**
 * Asks the host to start a verification. Cancelable: `preventDefault()` says "the host handles it";
 * an element whose request is not handled explains to the person what to do instead.
 */
export class XsRequestVerifyEvent extends XsEvent {
  static readonly type = 'xs-request-verify';
  readonly subject: VerifyTarget;
  readonly reason: VerifyReason;
  readonly userId: string | undefined;
  readonly deviceId: string | undefined;
  readonly request: VerificationRequest | undefined;
  constructor(init: RequestVerifyInit) {
    super(XsRequestVerifyEvent.type, { cancelable: true });
    this.subject = init.subject;
    this.reason = init.reason;
    this.userId = init.userId;
    this.deviceId = init.deviceId;
    this.request = init.request;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'xs-request-verify': XsRequestVerifyEvent;
  }
}
