// The stages of a verification (own sessions or another person), as one tagged union the elements render. The
// constants only a running flow and its words use are in verification-codes.ts (they load with the flow).
import type { Failure } from '../sdk/errors.js';
import type { SasEmoji } from '../sdk/verification.js';

/**
 * Who does what: verify this session, verify another own session, verify another person, or answer a
 * request (from another own session or another person).
 */
export type VerifyRole = 'this-session' | 'other-session' | 'user' | 'incoming';

/** Why a scanned code was not accepted (the person may try again). */
export type ScanProblem = 'not-verification-code' | 'wrong-code';

/** Why a verification could not start. */
export type StartFailure =
  | Failure
  /** Our account has no cross-signing identity: nothing to verify against. */
  | { kind: 'no-identity' }
  /** None of our other sessions is cross-signed (this-session role). */
  | { kind: 'no-other-session' }
  /** This session doesn't hold the user-signing key (it isn't verified itself): it can't sign another person. */
  | { kind: 'cannot-sign' }
  /** The other person has no cross-signing identity (they never set up secure messaging). */
  | { kind: 'no-user-identity' }
  /** The other person has a device whose id equals one of their cross-signing keys (spec: MUST refuse). */
  | { kind: 'key-collision' };

export type VerificationStage =
  /** Before anything is sent (this-session and user roles): the person chooses to start. */
  | { kind: 'start' }
  | { kind: 'requesting' }
  /**
   * Our request is out; waiting for the other side (or any of our sessions) to answer. `slow`: no answer for
   * a while (the other side may be offline, or its app may not support verification requests).
   */
  | { kind: 'waiting-accept'; deviceId: string | undefined; slow?: true }
  /** Another session or person asks us to verify. */
  | { kind: 'incoming'; deviceId: string | undefined }
  | { kind: 'accepting' }
  /** Both sides are ready: compare emoji, show our QR code (when `qr` is set) or scan theirs (when `canScan`). */
  | { kind: 'choose'; deviceId: string | undefined; qr: Uint8ClampedArray | undefined; canScan: boolean }
  | { kind: 'scan'; problem: ScanProblem | undefined; canShowQr: boolean }
  /** Waiting for the verifier (the other side's keys). */
  | { kind: 'starting' }
  | { kind: 'compare-emoji'; emoji: SasEmoji[]; decimal: [number, number, number] | undefined }
  /** We said "they match" / "the other device says verified"; waiting for the other side. */
  | { kind: 'confirmed' }
  /** The other device scanned our code: does it say it's verified? */
  | { kind: 'reciprocate' }
  /** We scanned their code; waiting for them to confirm. */
  | { kind: 'scanned' }
  /** Both sides said done: reading back from the server that the signatures exist. */
  | { kind: 'checking' }
  /** Read back: the signatures exist. */
  | { kind: 'done'; deviceId: string | undefined }
  /** Both sides said done, but the signatures never showed up on the server: not verified. */
  | { kind: 'unsigned'; deviceId: string | undefined }
  /**
   * Ended without success. `reason` is the other side's protocol text (attacker-controlled: text only, truncated).
   * `declined`: we turned down an incoming request before accepting it.
   */
  | { kind: 'cancelled'; code: string; byUs: boolean; reason: string | undefined; declined?: true }
  | { kind: 'failed'; failure: StartFailure };

export type VerificationStageKind = VerificationStage['kind'];

/** The stages of the method steps (choose, QR, emoji), which `src/internal/verification-steps.ts` renders. */
export const METHOD_STAGES = ['choose', 'scan', 'starting', 'compare-emoji', 'confirmed', 'reciprocate', 'scanned', 'checking'] as const;
export type MethodStage = Extract<VerificationStage, { kind: (typeof METHOD_STAGES)[number] }>;

export function isMethodStage(s: { kind: string }): s is MethodStage {
  return (METHOD_STAGES as readonly string[]).includes(s.kind);
}
