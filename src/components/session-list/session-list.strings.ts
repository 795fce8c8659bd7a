import { num, plural } from '../../i18n/plural.js';
import { defineStrings } from '../../i18n/registry.js';

const sessions = (n: number) => plural(n, { one: `${num(n)} session`, other: `${num(n)} sessions` });

export const sessionListStrings = defineStrings('sessions', {
  heading: 'Sessions',
  notConnected: 'Not connected to a Matrix account.',
  loading: 'Loading your sessions…',
  loadFailed: 'Your sessions could not be loaded.',
  refreshFailed: 'The list could not be brought up to date; it may be out of date.',
  retry: 'Try again',
  noCrypto: 'Encryption is not available in this app, so verification can’t be shown.',
  dehydratedDevice: 'Your offline device is on (it is not a session).',

  currentHeading: 'This session',
  othersHeading: 'Other sessions',
  noOthers: 'You have no other sessions.',
  noMatch: 'No sessions match.',

  verified: 'Verified',
  unverified: 'Unverified',
  noKeys: 'No encryption',
  trustUnknown: 'Verification unknown',
  inactive: 'Inactive',
  inactiveFor: (days: number) => plural(days, { one: `Inactive for ${num(days)}+ day`, other: `Inactive for ${num(days)}+ days` }),
  verifiedHint: 'This session is ready for secure messaging.',
  unverifiedHint: (n: number) => plural(n, {
    one: 'Verify or sign out of your unverified other session for best security.',
    other: 'Verify or sign out of your unverified other sessions for best security.',
  }),
  noKeysHint: 'This session has no encryption keys: it can’t read or send encrypted messages.',
  currentUnverifiedHint: 'Verify this session to read your encrypted messages and prove it’s you.',
  inactiveHint: 'Consider signing out of your other sessions that you don’t use any more.',

  lastActivity: (when: string) => `Last activity ${when}`,
  lastActivityUnknown: 'Last activity unknown',
  ip: (ip: string) => `IP ${ip}`,
  deviceId: 'Session ID',
  fingerprint: 'Session key (ed25519)',
  lastSeenIp: 'IP address',
  lastSeen: 'Last activity',
  noFingerprint: 'None',
  unnamed: 'Unnamed session',
  invisibleChars: 'This name contains invisible characters, shown by their code.',

  summaryHeading: 'Security recommendations',
  summary: (unverified: number, inactive: number) => {
    const u = plural(unverified, { one: `${num(unverified)} of your other sessions is unverified`, other: `${num(unverified)} of your other sessions are unverified` });
    const i = plural(inactive, { one: `${num(inactive)} of your other sessions is inactive`, other: `${num(inactive)} of your other sessions are inactive` });
    return unverified && inactive
      ? `${u}, and ${plural(inactive, { one: `${num(inactive)} is`, other: `${num(inactive)} are` })} inactive.`
      : unverified ? `${u}.` : `${i}.`;
  },
  review: 'Review',
  allGood: 'No recommendations: none of your other sessions is unverified or inactive.',

  filterLabel: 'Show',
  filterAll: (n: number) => `All (${num(n)})`,
  filterVerified: (n: number) => `Verified (${num(n)})`,
  filterUnverified: (n: number) => `Unverified (${num(n)})`,
  filterInactive: (n: number) => `Inactive (${num(n)})`,
  search: 'Search sessions',
  searchPlaceholder: 'Name, ID or IP',
  shown: (shown: number, total: number) => `${num(shown)} of ${sessions(total)} shown`,

  select: (name: string) => `Select ${name}`,
  selectShown: 'Select all shown',
  selected: (n: number) => `${num(n)} selected`,
  clearSelection: 'Clear selection',
  signOutSelected: (n: number) => `Sign out ${num(n)} selected`,
  signOutAllOthers: 'Sign out of all other sessions',

  details: 'Details',
  rename: 'Rename',
  verify: 'Verify',
  signOut: 'Sign out',
  signOutCurrent: 'Sign out of this session',
  verifyCurrent: 'Verify this session',
  verifyUnhandled: 'To verify it, open that session and choose to verify it from there.',
  verifyCurrentUnhandled: 'To verify this session, use another signed-in session or your Security Key or Phrase.',
  cantVouch: 'Verify this session first to verify your other sessions from here.',

  renameLabel: 'Session name',
  renameNote: 'Session names are visible to people you communicate with.',
  save: 'Save',
  saving: 'Saving…',
  cancel: 'Cancel',
  renameEmpty: 'Enter a name.',
  renameTooLong: (max: number) => `The name is too long (at most ${num(max)} characters).`,
  renameRefused: (reason: string) => `The homeserver refused the name: ${reason}`,
  renamed: 'Name saved.',

  clientOn: (client: string, os: string) => `${client} on ${os}`,
  kindBrowser: 'Web browser',
  kindDesktop: 'Desktop app',
  kindMobile: 'Mobile app',

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
  listLabel: 'Other sessions',
});
