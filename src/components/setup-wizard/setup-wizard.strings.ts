import { defineStrings } from '../../i18n/registry.js';

// The strings of the wizard's first steps (where the account stands, the reset's warning and confirmation). The
// later steps' strings load with their views: setup-wizard.steps.strings.ts (the same `setupWizard` namespace).
export const setupStrings = defineStrings('setupWizard', {
  notConnected: 'Not connected to a Matrix account yet.',
  misconfigured:
    'Secure messaging can’t be set up here: this app did not give the setup access to secret storage. (For developers: create the MatrixClient with cryptoCallbacks: createSecretStorageCallbacks().)',
  loading: 'Checking your account…',
  loadFailed: 'Could not check your account.',
  retry: 'Try again',
  back: 'Back',
  close: 'Close',
  cancel: 'Cancel',
  continue: 'Continue',

  explainHeading: 'Secure your messages',
  explainRepairHeading: 'Finish setting up secure messaging',
  explainBody:
    'You will get a Security Key (or choose a Security Phrase). With it you can read your encrypted messages on any new device and prove that your sessions are really you. Keep it somewhere safe: nobody, not even your server, can recover it for you.',
  explainRepairBody:
    'A previous setup or reset did not finish. This session still holds your identity, so we will save it again under a new Security Key. Nothing is deleted.',
  askLater: 'Ask me later',

  alreadyHeading: 'Secure messaging is set up',
  alreadyBody: 'Your identity, your Security Key and your key backup are all in place. You can change your Security Key, or reset everything if you lost it.',
  changeKey: 'Change Security Key',
  reset: 'Reset encryption',

  keysMissingHeading: 'Verify this session',
  keysMissingBody:
    'Your account already has a secure identity, but this session does not hold its keys. Verify this session with another signed-in session or your Security Key instead of setting up again — setting up again would replace your identity.',
  verifyThisSession: 'Verify this session',
  verifyHint: 'Open one of your other signed-in sessions, or use your Security Key, to verify this session.',
  resetInstead: 'I lost my key: reset instead',

  resetHeading: 'Reset your encryption',
  resetIntro: 'Only do this if you lost your Security Key and have no other verified session.',
  keptHeading: 'You keep',
  kept1: 'Your account and your profile',
  kept2: 'Your contacts and your rooms',
  kept3: 'Messages stored on this device',
  lostHeading: 'You lose',
  lost1: 'Encrypted history that is only stored on the server',
  lost2: 'The verification of your other sessions',
  lost3: 'Other people’s verification of you: they will see that your identity changed',
  exportFirst: 'Export your room keys first',
  exportHint: 'Use your app’s “Export room keys” feature before you continue.',
  noSessionWarning:
    'None of your sessions is verified. After the reset, the history you cannot read now stays unreadable. If an old session later asks to share a key backup or to verify, do not accept it unless you are sure it is yours.',
  resetContinue: 'Continue to reset',
  resetConfirmHeading: 'Confirm the reset',
  resetWord: 'reset',
  resetConfirmLabel: (word: string) => `Type “${word}” to confirm`,
  resetConfirmMismatch: (word: string) => `Type “${word}” exactly to continue.`,
  resetConfirmButton: 'Reset encryption',

  chooseHeading: 'Choose how to unlock your messages',
  chooseChangeHeading: 'Choose your new Security Key',
  chooseBody: 'A Security Key is generated for you and is very strong. A Security Phrase is easier to type; you still get a key as a backup.',
  chooseKey: 'Generate a Security Key',
  choosePhrase: 'Enter a Security Phrase',
});
