import { plural } from '../../i18n/plural.js';
import { defineStrings } from '../../i18n/registry.js';

// The strings of every step but the first screen (where the account stands when it is not new, the reset's warning
// and confirmation, choosing and saving a key, the commit and its outcome, an existing key backup): loaded with
// those steps' views. Same namespace as setup-wizard.strings.ts, so a host's `setupWizard.<key>` translations cover
// both.
export const setupStepStrings = defineStrings('setupWizard', {
  misconfigured:
    'Secure messaging can’t be set up here: this app did not give the setup access to secret storage. (For developers: create the MatrixClient with cryptoCallbacks: createSecretStorageCallbacks().)',
  back: 'Back',
  close: 'Close',
  cancel: 'Cancel',

  explainRepairHeading: 'Finish setting up secure messaging',
  explainRepairBody:
    'A previous setup or reset did not finish. This session still holds your identity, so we will save it again under a new Security Key. Nothing is deleted.',

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

  phraseHeading: 'Choose a Security Phrase',
  phraseBody: 'Use something you don’t use anywhere else, not your account password. It is used exactly as you type it.',
  phraseLabel: 'Security Phrase',
  phraseConfirmLabel: 'Repeat your Security Phrase',
  generating: 'Creating your key…',
  generateFailed: 'Could not create a key.',

  showHeading: 'Save your Security Key',
  showBody: 'Store it somewhere safe, such as a password manager or a printed copy in a safe place. You need it to read your messages on a new device.',
  keyLabel: 'Your Security Key',
  copy: 'Copy',
  copied: 'Copied.',
  copyFailed: 'Your browser did not allow copying. The key is selected: copy it with your keyboard (Ctrl+C or ⌘C).',
  download: 'Download',
  downloaded: 'Downloaded as a text file.',
  print: 'Print',
  printed: 'The print dialog was opened. Check that your printout shows the whole key.',
  saveFirst: 'Copy, download or print the key to continue.',
  fileHeader: 'Matrix Security Key — keep this file somewhere safe.',

  confirmHeading: 'Type your Security Key',
  confirmBody: 'To make sure you saved it, type or paste your Security Key. Spaces don’t matter.',
  confirmLabel: 'Security Key',
  confirmMismatch: 'That is not the key shown before. Check it and try again.',

  commitHeading: 'Saving…',
  stepReset: 'Resetting your identity…',
  stepIdentity: 'Creating your secure identity…',
  stepStorage: 'Storing your keys and setting up backup…',
  stepVerifying: 'Checking everything was saved…',
  stalled: 'Still saving… Your homeserver is slow to answer. You can keep waiting or stop waiting; nothing is saved twice.',
  joined: 'Still waiting for the save that is already running: it is not started a second time.',
  keepWaiting: 'Keep waiting',
  stopWaiting: 'Stop waiting',
  stoppedHeading: 'Stopped waiting',
  stoppedBody:
    'Your homeserver has not answered yet, so the save may still finish in the background. This screen shows how it ends. Your key is still here: Try again checks where your account stands and finishes with the same key.',
  resetCancelledHeading: 'Reset cancelled',
  resetCancelledBody: 'Nothing on your account was changed: your identity, your Security Key and your key backup are as they were.',
  startAgain: 'Start again',

  existingBackupHeading: 'You already have a key backup',
  existingBackupBody: (version: string) =>
    `Your account has a key backup (version ${version}) that this session can’t use yet — another app or an earlier setup made it. It may hold your message history. Choose what to do with it:`,
  useBackup: 'Restore from it with its key',
  keepBackup: 'Keep it, set up without it',
  replaceBackup: 'Replace it…',
  backupKeyHeading: 'Enter the backup’s recovery key',
  backupKeyBody: 'Type or paste the recovery key (or Security Key) that unlocks this backup. Spaces and line breaks don’t matter.',
  backupKeyLabel: 'Recovery key',
  backupKeyMalformed: 'That is not a recovery key. It is 48 letters and digits in groups of four.',
  backupKeyMismatch: 'That key does not unlock this backup. Check it, or go back and choose another option.',
  connectingBackup: 'Checking the key against your backup…',
  replaceHeading: 'Replace your key backup?',
  replaceBody: (version: string) =>
    `The key backup (version ${version}) will be deleted from your homeserver and a new one made. Messages that are only in the old backup can no longer be read — on this or any other device.`,
  replaceConfirm: 'Delete it and make a new backup',
  restoring: 'Restoring your messages from the backup…',
  restoringProgress: (done: string, total: string) => `Restoring your messages from the backup: ${done} of ${total} keys…`,
  restoredKeys: (n: number, formatted: string) => plural(n, {
    one: `${formatted} key was restored from your backup.`,
    other: `${formatted} keys were restored from your backup.`,
  }),
  restoreFailed: 'Your messages could not be restored from the backup right now. The backup is connected: you can restore later.',
  doneWithoutBackupHeading: 'Set up — without your key backup',
  doneWithoutBackupBody: (version: string) =>
    `Your secure identity and your Security Key are set up. Your existing key backup (version ${version}) was kept as it is and is not connected: new messages are not backed up. Connect it with its key, or replace it.`,
  done: 'Done',
  setUpNow: 'Set up now',
  rateLimited: (seconds: string) => `Too many attempts — try again in ${seconds} s.`,
  rateLimitedNow: 'You can try again now.',
  rateLimitedSaving: (seconds: string) => `Too many attempts — your homeserver asked to wait. Trying again in ${seconds} s.`,
  authHeading: 'Confirm your identity',

  failedHeading: 'Not finished yet',
  failedBody: 'Setup did not finish. Your key is still here; try again to finish with the same key.',
  failedAborted: 'Saving was stopped before it finished. Your key is still here; try again to finish with the same key.',
  failedIdentity: 'Your account already has an identity that this session cannot use. Verify this session instead.',
  failedGaps: (list: string) => `Still missing: ${list}.`,
  gapKeys: 'the cross-signing keys on this session',
  gapStorage: 'secret storage',
  gapStored: 'your identity in secret storage',
  gapBackup: 'a trusted key backup',
  gapBackupStored: 'the backup key in secret storage',
  gapDehydrated: 'your offline device',
  closeUnfinished: 'Close without finishing',

  doneHeading: 'You’re all set',
  doneSetup: 'Your secure identity, Security Key and key backup are set up. Keep your Security Key safe.',
  doneChange: 'Your new Security Key is in place. The old one no longer works.',
  doneReset: 'Your encryption was reset: you have a new identity, a new Security Key and a new key backup. Your other sessions are no longer verified.',
  reviewSessions: 'Review your sessions',
  reviewHint: 'Open your session list to verify the sessions you use and sign out the others.',
  dismissed: 'Setup postponed. You can set it up later.',
});
