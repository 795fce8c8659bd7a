import { defineStrings } from '../../i18n/registry.js';

export const authStrings = defineStrings('auth', {
  heading: 'Confirm it’s you',
  passwordIntro: 'Enter your account password to continue.',
  passwordLabel: 'Password',
  submit: 'Continue',
  cancel: 'Cancel',
  wrongPassword: 'Incorrect password. Try again.',
  working: 'Checking…',
  fallbackIntro: 'Your homeserver asks you to confirm on its own page. Open it, finish there, then come back.',
  oauthIntro: 'Your homeserver asks you to approve this on your account page. Open it, approve, then come back.',
  open: 'Open the confirmation page',
  confirmed: 'I’ve confirmed',
  notYet: 'The homeserver has not seen your confirmation yet. Finish on its page, then try again.',
  noUrl: 'The homeserver did not say where to confirm. Try again later or ask your server’s administrator.',
  rateLimited: (seconds: number) => `Too many attempts. You can try again in ${seconds} s.`,
  failed: 'Authentication did not succeed.',
  retry: 'Try again',
  done: 'Confirmed.',
  cancelled: 'Cancelled.',
});
