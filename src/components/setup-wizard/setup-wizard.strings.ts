import { defineStrings } from '../../i18n/registry.js';

// The strings of the wizard's first screen as a person on a new account sees it (checking the account, then what
// setting up means). Every other step's strings load with its view: setup-wizard.steps.strings.ts (the same
// `setupWizard` namespace).
export const setupStrings = defineStrings('setupWizard', {
  notConnected: 'Not connected to a Matrix account yet.',
  loading: 'Checking your account…',
  loadFailed: 'Could not check your account.',
  retry: 'Try again',
  continue: 'Continue',

  explainHeading: 'Secure your messages',
  explainBody:
    'You will get a Security Key (or choose a Security Phrase). With it you can read your encrypted messages on any new device and prove that your sessions are really you. Keep it somewhere safe: nobody, not even your server, can recover it for you.',
  askLater: 'Ask me later',
});
