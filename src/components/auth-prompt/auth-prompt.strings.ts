import { num } from '../../i18n/plural.js';
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
  urlRefused: 'The homeserver sent an address for this page that is not safe to open, so it was not opened.',
  urlScheme: 'It is not a web page address (it does not start with https://).',
  urlInsecure: 'It is not encrypted (http:// instead of https://).',
  urlRelative: 'It is incomplete (no https:// and server name).',
  urlMalformed: 'It is not a valid web address.',
  urlCredentials: 'It contains a user name or password.',
  urlWhatNow: 'Ask your server’s administrator, or cancel.',
  rateLimited: (seconds: number) => `Too many attempts — try again in ${num(seconds)} s.`,
  rateLimitedCapped: (seconds: number) =>
    `The homeserver asked for a much longer wait. After ${num(seconds)} s you can try again; if it is still too soon, it will say so.`,
  rateLimitedReady: 'You can try again now.',
  failed: 'Authentication did not succeed.',
  retry: 'Try again',
  done: 'Confirmed.',
  cancelled: 'Cancelled.',
});
