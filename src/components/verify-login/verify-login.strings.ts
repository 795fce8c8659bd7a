import { defineStrings } from '../../i18n/registry.js';

// <xs-verify-login>'s first render: the start step, and an incoming request. The steps after those, in the same
// namespace, load with them: verify-login-steps.strings.ts.

export const verifyStrings = defineStrings('verify-login', {
  notConnected: 'Not connected to a Matrix account yet.',
  // Headings per stage
  startHeading: 'Verify this session',
  alreadyHeading: 'This session is verified',
  alreadyVerified: 'This session is already verified: it can read your encrypted messages, and your other sessions trust it. There is nothing to do here.',
  // …but its keys and the recovery data are out of sync (the start step offers the Security Key)
  keysOutOfSync: 'This session is verified, but its keys and your recovery data are out of sync. Enter your Security Key or Phrase to bring them back together.',
  startIntro: 'Prove it’s really you, so this session can read your encrypted messages and your other sessions trust it.',
  useOtherSession: 'Verify with another session',
  useKey: 'Use your Security Key or Phrase',
  requesting: 'Sending the request…',
  cantConfirm: 'Can’t confirm?',
  incomingHeading: 'Verification request',
  incomingIntro: (deviceId: string) => `Your session ${deviceId} wants to be verified. Only accept if you just signed in there.`,
  incomingIntroUnknown: 'One of your sessions wants to be verified. Only accept if you just signed in there.',
  accept: 'Accept',
  decline: 'Decline',
});
