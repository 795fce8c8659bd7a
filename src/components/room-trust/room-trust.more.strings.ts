import { num, plural } from '../../i18n/plural.js';
import { defineStrings } from '../../i18n/registry.js';

/**
 * The room's terms that load with room-trust.more.ts (after the first render): what a press on a change did, the
 * unsigned sessions' list, strict device isolation. Same namespace as room-trust.strings.ts; `{name}` as there.
 */
export const roomTrustMoreStrings = defineStrings('roomTrust', {
  working: 'Saving…',
  'done.acknowledge': 'Acknowledged {name}’s new identity.',
  'done.withdraw': 'Withdrew the verification requirement for {name}.',
  'not-applied': '{name}’s identity still shows as changed: it may have changed again. Check with {name}.',
  'failed.acknowledge': 'Could not acknowledge {name}’s new identity.',
  'failed.withdraw': 'Could not withdraw the verification requirement for {name}.',
  unhandledVerify: 'This app can’t verify people from here. Verify them in your Matrix app.',
  unsignedHeading: 'Sessions their owners didn’t verify',
  unnamedSession: 'Unnamed session',
  dismiss: 'Dismiss',
  dismissLabel: (name: string) => `Dismiss the warning about ${name}’s sessions`,
  dismissed: 'Dismissed',
  // Strict device isolation (a setting the host or the person chose): who gets no keys, who blocks sending
  'isolation.only-signed': 'Message keys are shared only with sessions their owners verified.',
  withheldIntro: 'These people won’t receive keys on the sessions they didn’t verify:',
  withheldCount: (n: number) => plural(n, { one: `${num(n)} session`, other: `${num(n)} sessions` }),
  noneWithheld: 'Every session here receives keys.',
  blocking: 'Sending may fail until you decide about {name}’s changed identity.',
});
