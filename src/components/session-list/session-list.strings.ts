import { num, plural } from '../../i18n/plural.js';
import { defineStrings } from '../../i18n/registry.js';

// English words that change with a count (the sentences around them do not).
const sessionWord = (n: number) => plural(n, { one: 'session', other: 'sessions' });
const isAre = (n: number) => plural(n, { one: 'is', other: 'are' });
const ofYours = (n: number, what: string) => `${num(n)} of your other sessions ${isAre(n)} ${what}`;

export const sessionListStrings = defineStrings('sessions', {
  heading: 'Sessions',
  notConnected: 'Not connected to a Matrix account.',
  loading: 'Loading your sessions…',
  noCrypto: 'Encryption is not available in this app, so verification can’t be shown.',
  dehydratedDevice: 'Your offline device is on (it is not a session).',

  currentHeading: 'This session',
  othersHeading: 'Other sessions',
  noOthers: 'You have no other sessions.',

  verified: 'Verified',
  unverified: 'Unverified',
  noKeys: 'No encryption',
  trustUnknown: 'Verification unknown',
  inactive: 'Inactive',
  inactiveFor: (days: number) => `Inactive for ${num(days)}+ ${plural(days, { one: 'day', other: 'days' })}`,
  verifiedHint: 'This session is ready for secure messaging.',
  unverifiedHint: (n: number) => `Verify or sign out of your unverified other ${sessionWord(n)} for best security.`,
  noKeysHint: 'This session has no encryption keys: it can’t read or send encrypted messages.',
  currentUnverifiedHint: 'Verify this session to read your encrypted messages and prove it’s you.',
  inactiveHint: 'Consider signing out of your other sessions that you don’t use any more.',

  lastActivity: (when: string) => `Last activity ${when}`,
  lastActivityUnknown: 'Last activity unknown',
  ip: (ip: string) => `IP ${ip}`,
  unnamed: 'Unnamed session',
  invisibleChars: 'This name contains invisible characters, shown by their code.',

  summaryHeading: 'Security recommendations',
  summary: (unverified: number, inactive: number) =>
    unverified && inactive
      ? `${ofYours(unverified, 'unverified')}, and ${num(inactive)} ${isAre(inactive)} inactive.`
      : `${unverified ? ofYours(unverified, 'unverified') : ofYours(inactive, 'inactive')}.`,
  review: 'Review',
  allGood: 'No recommendations: none of your other sessions is unverified or inactive.',

  filterLabel: 'Show',
  filterAll: (n: number) => `All (${num(n)})`,
  filterVerified: (n: number) => `Verified (${num(n)})`,
  filterUnverified: (n: number) => `Unverified (${num(n)})`,
  filterInactive: (n: number) => `Inactive (${num(n)})`,
  search: 'Search sessions',
  searchPlaceholder: 'Name, ID or IP',
  shown: (shown: number, total: number) => `${num(shown)} of ${num(total)} ${sessionWord(total)} shown`,

  select: (name: string) => `Select ${name}`,
  selectShown: 'Select all shown',
  signOutAllOthers: 'Sign out of all other sessions',

  details: 'Details',
  rename: 'Rename',
  verify: 'Verify',
  signOut: 'Sign out',
  signOutCurrent: 'Sign out of this session',
  verifyCurrent: 'Verify this session',
  cantVouch: 'Verify this session first to verify your other sessions from here.',

  clientOn: (client: string, os: string) => `${client} on ${os}`,
  kindBrowser: 'Web browser',
  kindDesktop: 'Desktop app',
  kindMobile: 'Mobile app',
  listLabel: 'Other sessions',
});
