// Constants of a running verification — which stages end it, which codes point at an attack, what a verification QR
// code looks like, the kit's own cancellation code — apart from the stages' types (verification-stage.ts), which
// the elements' first steps use: these load with the flow.
import type { VerificationStageKind } from './verification-stage.js';

/** A cancellation the kit detected itself (no Matrix code): the other session was signed out mid-flow. */
export const CODE_SESSION_SIGNED_OUT = 'xs.session_signed_out';

export const TERMINAL_STAGES: readonly VerificationStageKind[] = ['done', 'unsigned', 'cancelled', 'failed'];

/** Codes that point at an attack or tampering: shown as a warning, never as a routine cancel. */
export const SECURITY_CODES: readonly string[] = ['m.key_mismatch', 'm.user_mismatch', 'm.mismatched_commitment', 'm.mismatched_sas'];

const QR_PREFIX = [0x4d, 0x41, 0x54, 0x52, 0x49, 0x58]; // "MATRIX"

/** True when `bytes` look like a Matrix verification QR payload ("MATRIX", version 2). */
export function isVerificationQr(bytes: ArrayLike<number>): boolean {
  return bytes.length > 10 && QR_PREFIX.every((b, i) => bytes[i] === b) && bytes[6] === 0x02;
}
