// Why a verification ended, worded for people — one table for <xs-verify-login> and <xs-verify-user> (and anything
// that shows their outcome). The sentence depends on the code and on who is being verified (`subject`):
//   this-session  — this session verifies itself with another of the user's sessions (it may use its Security Key);
//   other-session — this session verifies another of the user's sessions (warnings point at that session);
//   user          — verifying another person.
// Keys: `session.*` for both own-session subjects, `other.*` where the other-session wording differs, `user.*`.
import { CODE_SESSION_SIGNED_OUT } from '../state/verification-codes.js';
import { defineStrings, translate } from './registry.js';

export type CancelSubject = 'this-session' | 'other-session' | 'user';

export const cancelStrings = defineStrings('verification-cancel', {
  userByUs: 'You cancelled the verification.',
  unexpected: 'The verification got out of step. Try again.',
  other: (code: string) => `The verification was cancelled (${code}).`,

  'session.declinedByUs': 'You declined the request. Your other session was told.',
  'session.userByThem': 'The verification was cancelled or declined on the other session.',
  'session.timeout': 'The verification request expired before it was finished. Start again when both sessions are ready.',
  'session.unknownTransaction': 'The other session lost track of this verification (it may have been reloaded). Start again.',
  'session.unknownMethod': 'Your sessions have no verification method in common. Use your Security Key or Phrase instead.',
  'session.invalid': 'The other session sent something this session could not understand. Try again.',
  'session.keyMismatch': 'The keys did not match. Someone may be interfering with your connection. Don’t trust this session; try again, or use your Security Key.',
  'session.userMismatch': 'The other session belongs to a different account than expected. Don’t trust it.',
  'session.commitment': 'The other session’s keys changed during verification. Someone may be interfering with your connection. Don’t trust this session.',
  'session.mismatchedSasByUs': 'You said the emoji don’t match, so the verification was stopped. Someone may be interfering with your connection: don’t trust this session, and try again or use your Security Key.',
  'session.mismatchedSasByThem': 'Your other session said the emoji don’t match, so the verification was stopped. Someone may be interfering with your connection: don’t trust this session.',
  'session.accepted': 'Another of your sessions answered this request, so there is nothing to do here.',
  'session.signedOut': 'The other session was signed out, so the verification stopped. Verify with another session, or start again.',

  // This session verifies ANOTHER of the user's sessions: the session not to trust is the other one, and there is
  // no Security Key step here.
  'other.unknownMethod': 'Your sessions have no verification method in common. On the other session, use your Security Key or Phrase instead.',
  'other.keyMismatch': 'The keys did not match. Someone may be interfering with your connection. Don’t trust the other session until it is verified.',
  'other.commitment': 'The other session’s keys changed during verification. Someone may be interfering with your connection. Don’t trust the other session until it is verified.',
  'other.mismatchedSasByUs': 'You said the emoji don’t match, so the verification was stopped. Someone may be interfering with your connection: don’t trust the other session until it is verified.',
  'other.mismatchedSasByThem': 'Your other session said the emoji don’t match, so the verification was stopped. Someone may be interfering with your connection: don’t trust the other session until it is verified.',

  'user.declinedByUs': 'You declined the request. They were told.',
  'user.userByThem': 'They cancelled or declined the verification.',
  'user.timeout': 'The request expired before it was finished. Start again when you are both ready.',
  'user.unknownTransaction': 'Their app lost track of this verification. Start again.',
  'user.unknownMethod': 'Your apps have no verification method in common.',
  'user.invalid': 'Their app sent something this app could not understand. Try again.',
  'user.keyMismatch': 'The keys did not match. Someone may be interfering with your connection. Don’t trust this person’s identity until you have verified it.',
  'user.userMismatch': 'The other side belongs to a different account than expected. Don’t trust it.',
  'user.commitment': 'Their keys changed during the verification. Someone may be interfering with your connection. Don’t trust this person’s identity until you have verified it.',
  'user.mismatchedSasByUs': 'You said the emoji don’t match, so the verification was stopped. Someone may be interfering with your connection: don’t trust this person’s identity until you have verified it.',
  'user.mismatchedSasByThem': 'They said the emoji don’t match, so the verification was stopped. Someone may be interfering with your connection: don’t trust this person’s identity until you have verified it.',
  'user.accepted': 'The request was answered in another of your sessions, so there is nothing to do here.',
  'user.signedOut': 'Their session was signed out, so the verification stopped.',
});

type Key = keyof typeof cancelStrings.en;
type PartOf<K> = K extends `session.${infer P}` ? P : never;
type Part = PartOf<Key>;

const PARTS: Record<string, Part> = {
  'm.timeout': 'timeout',
  'm.unknown_transaction': 'unknownTransaction',
  'm.unknown_method': 'unknownMethod',
  'm.invalid_message': 'invalid',
  'm.key_mismatch': 'keyMismatch',
  'm.user_mismatch': 'userMismatch',
  'm.mismatched_commitment': 'commitment',
  'm.accepted': 'accepted',
  [CODE_SESSION_SIGNED_OUT]: 'signedOut',
};

/**
 * The sentence for a cancellation `code`, for `subject` (see the file comment). Unknown codes are named (as text,
 * truncated), never rendered as markup. `declined`: we turned down an incoming request before accepting it.
 */
export function explainCancel(lang: string, code: string, subject: CancelSubject, opts: { byUs: boolean; declined?: boolean | undefined }): string {
  const t = (k: Key) => translate(lang, cancelStrings, k as 'userByUs');
  const part = (p: Part): string => {
    if (subject === 'user') return t(`user.${p}` as Key);
    if (subject === 'other-session' && `other.${p}` in cancelStrings.en) return t(`other.${p}` as Key);
    return t(`session.${p}` as Key);
  };
  if (code === 'm.user') {
    if (opts.byUs) return opts.declined ? part('declinedByUs') : t('userByUs');
    return part('userByThem');
  }
  if (code === 'm.mismatched_sas') return part(opts.byUs ? 'mismatchedSasByUs' : 'mismatchedSasByThem');
  if (code === 'm.unexpected_message') return t('unexpected');
  const p = PARTS[code];
  return p ? part(p) : translate(lang, cancelStrings, 'other', code.slice(0, 64));
}
