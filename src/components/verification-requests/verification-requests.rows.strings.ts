import { defineStrings } from '../../i18n/registry.js';

// The request cards of <xs-verification-requests> (loaded with them; the list's own name is in
// verification-requests.strings.ts, same namespace). Names, user ids, device names and IPs are other people's text:
// rendered apart from these sentences, as text.
export const requestRowsStrings = defineStrings('verification-requests', {
  ownTitle: 'One of your sessions wants to be verified',
  otherTitle: 'Someone wants to verify you',
  ownHint: 'Accept only if you just signed in there yourself.',
  otherHint: 'Accept only if you can compare emoji with them, in person or on a call you trust.',
  invisibleChars: 'An invisible character in this name, shown by its code',
  session: 'Session',
  unnamedSession: 'Unnamed session',
  lastSeen: (when: string) => `last seen ${when}`,
  lastSeenFrom: (when: string, ip: string) => `last seen ${when} from ${ip}`,
  expiresIn: (time: string) => `Expires in ${time}`,
  reading: 'Reading who is asking…',
  accept: 'Accept',
  ignore: 'Ignore',
  dismiss: 'Close',
  arrived: 'New verification request.',
  handedOver: 'The request was opened by the app.',
});
