import { num, plural } from '../../i18n/plural.js';
import { defineStrings } from '../../i18n/registry.js';

// `{name}` marks where a person's name goes; the element puts it in as inert, bidi-isolated text.
export const roomTrustStrings = defineStrings('roomTrust', {
  heading: 'Encryption in this room',
  // The summary under the heading, and the compact badge, per room badge
  'summary.checking': 'Checking the people in this room…',
  'summary.unavailable.no-client': 'No Matrix account is connected to this view yet.',
  'summary.unavailable.no-room': 'This room isn’t known to this account yet.',
  'summary.unavailable.no-crypto': 'This app started without encryption, so trust in this room can’t be checked.',
  'summary.unavailable.error': 'Trust in this room could not be checked.',
  'summary.not-encrypted': 'This room is not encrypted: everything here can be read by the servers.',
  'summary.identity-changed': 'Someone’s identity changed. Check with them before you trust this conversation.',
  'summary.unsigned-sessions': 'Some people here have sessions they never verified.',
  'summary.verified': 'Everyone in this room is verified, and all their sessions are signed.',
  'summary.not-verified': 'No warnings. Not everyone here is verified.',
  progress: (done: number, total: number) => plural(total, { one: `Checked ${num(done)} of ${num(total)} person.`, other: `Checked ${num(done)} of ${num(total)} people.` }),
  'badge.checking': 'Checking…',
  'badge.unavailable': 'Trust unknown',
  'badge.not-encrypted': 'Not encrypted',
  'badge.identity-changed': 'Identity changed',
  'badge.unsigned-sessions': 'Unverified sessions',
  'badge.verified': 'Verified room',
  'badge.not-verified': 'Encrypted',
  badgeLabel: (state: string) => `Encryption in this room: ${state}. Show details`,
  close: 'Close',
  retry: 'Check again',
  // A member whose identity changed
  'change.identity-changed': '{name}’s identity was reset. Check with {name} before you trust this conversation.',
  'change.was-verified': 'You verified {name}, but their identity was reset. Check with {name}, then verify them again or withdraw the verification requirement.',
  acknowledge: 'Acknowledge',
  verify: 'Verify',
  verifyAgain: 'Verify again',
  withdraw: 'Withdraw verification requirement',
  // Sessions their owners never signed (on demand)
  showUnsigned: (n: number) => `Show sessions their owners didn’t verify (${num(n)})`,
  hideUnsigned: 'Hide sessions their owners didn’t verify',
  noUnsigned: 'Every session in this room was verified by its owner.',
  // Device isolation
  'isolation.all': 'Message keys are shared with every session of the people here, including sessions their owners didn’t verify.',
  invisibleChars: 'An invisible character in this name, shown by its code',
});
