import { defineStrings } from '../../i18n/registry.js';

// <xs-verify-user>'s first render: the start step, and an incoming request. The steps after those, in the same
// namespace, load with them: verify-user-steps.strings.ts.

// The person's name and user id are shown apart from these sentences (as inert text), never interpolated.
export const verifyUserStrings = defineStrings('verify-user', {
  notConnected: 'Not connected to a Matrix account yet.',
  noUser: 'No person chosen to verify.',
  invisibleChars: 'An invisible character in this name, shown by its code',
  whoLabel: 'Person',
  startHeading: 'Verify this person',
  startIntro: 'Make sure you are talking to them and nobody is listening in: you will compare emoji (or numbers) with them, in person or on a call you trust.',
  startButton: 'Start verification',
  alreadyHeading: 'Verified',
  alreadyVerified: 'You have already verified this person. You can verify them again, for example after meeting them.',
  verifyAgain: 'Verify again',
  incomingHeading: 'Verification request',
  incomingIntro: 'This person wants to verify you. Accept only if you can compare emoji with them, in person or on a call you trust.',
  accept: 'Accept',
  decline: 'Decline',
});
