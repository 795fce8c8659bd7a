// The words of <xs-session-list> that come after its first render, loaded with those parts (session-actions.ts): a
// session's details, the rename form, notes at a row, and the sign-out panel. Same namespace as session-list.strings.ts.
import { num, plural } from '../../i18n/plural.js';
import { defineStrings } from '../../i18n/registry.js';

const sessions = (n: number) => plural(n, { one: `${num(n)} session`, other: `${num(n)} sessions` });

export const sessionActionStrings = defineStrings('sessions', {
  deviceId: 'Session ID',
  fingerprint: 'Session key (ed25519)',
  lastSeenIp: 'IP address',
  lastSeen: 'Last activity',
  noFingerprint: 'None',
  verifyUnhandled: 'To verify it, open that session and choose to verify it from there.',
  verifyCurrentUnhandled: 'To verify this session, use another signed-in session or your Security Key or Phrase.',

  renameLabel: 'Session name',
  renameNote: 'Session names are visible to people you communicate with.',
  save: 'Save',
  saving: 'Saving…',
  cancel: 'Cancel',
  renameEmpty: 'Enter a name.',
  renameTooLong: (max: number) => `The name is too long (at most ${num(max)} characters).`,
  renameRefused: (reason: string) => `The homeserver refused the name: ${reason}`,
  renamed: 'Name saved.',

  confirmHeading: (n: number) => `Sign out of ${sessions(n)}?`,
  confirmCurrentHeading: 'Sign out of this session?',
  confirmIntro: (n: number) => plural(n, {
    one: 'This session will be signed out. Anyone using it will have to sign in again, and any encrypted messages only it could read will be lost.',
    other: 'These sessions will be signed out. Anyone using them will have to sign in again, and any encrypted messages only they could read will be lost.',
  }),
  confirmCurrentIntro: 'You will have to sign in again here. Make sure you can get your encrypted messages back (another session or your Security Key) first.',
  confirm: 'Sign out',
  signingOut: 'Signing out…',
  externalNote: 'Your account is managed on your homeserver’s account page: signing out happens there.',
  externalIntro: (host: string, n: number) => plural(n, {
    one: `Your account is managed by ${host}. Open your account page there and sign out of this session; then come back here. This list checks by itself when you return.`,
    other: `Your account is managed by ${host}. Open your account page there and sign out of these sessions; then come back here. This list checks by itself when you return.`,
  }),
  externalRefused: 'Your homeserver advertises an account page whose address is not safe to open, so it was not opened. Sign out from your account page another way, or ask your homeserver’s administrator.',
  externalOpen: 'Open the account page',
  externalOpenAgain: 'Open the account page again',
  externalCheck: 'Check again',
  externalWaiting: 'Waiting for you to come back from the account page…',
  externalChecking: 'Checking which sessions are still signed in…',
  externalRemaining: (n: number) => plural(n, { one: 'This session is still signed in.', other: `${num(n)} of them are still signed in.` }),
  signedOut: (n: number) => `Signed out of ${sessions(n)}.`,
  signedOutCurrent: 'This session is signed out.',
  signOutFailed: 'Signing out did not succeed.',
  checkingAccountPage: 'Checking how your homeserver signs sessions out…',
  lookupFailed: 'Your homeserver could not be asked how sessions are signed out on it, so nothing was signed out.',
  close: 'Close',
  loadFailed: 'Your sessions could not be loaded.',
  refreshFailed: 'The list could not be brought up to date; it may be out of date.',
  retry: 'Try again',
  noMatch: 'No sessions match.',
  selected: (n: number) => `${num(n)} selected`,
  clearSelection: 'Clear selection',
  signOutSelected: (n: number) => `Sign out ${num(n)} selected`,
});
