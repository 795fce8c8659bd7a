import { defineStrings } from '../../i18n/registry.js';

/**
 * The steps after the overview (key-storage.view.ts, loaded in an idle moment after the first render or with the
 * first press): turning off, turning on, checking a key, restoring. Same namespace as key-storage.strings.ts.
 */
export const keyStorageStepsStrings = defineStrings('key-storage', {
  back: 'Back',
  cancel: 'Cancel',
  done: 'Done',
  tryAgain: 'Try again',
  // Turning off
  confirmOffHeading: 'Turn off key storage?',
  confirmOffIntro: 'If you turn it off:',
  confirmOffNew: 'New messages will no longer be backed up.',
  confirmOffDeleted: 'Your backup is deleted from the server: history that only the backup holds can no longer be restored in a new session.',
  confirmOffKept: 'Messages stay readable in the sessions that already have their keys. Nothing changes until you confirm.',
  confirmOff: 'Turn off and delete the backup',
  turningOff: 'Deleting your key backup…',
  offDoneHeading: 'Key storage is off',
  offDone: 'The server no longer holds a backup of your keys (checked).',
  offFailedHeading: 'Key storage could not be turned off',
  offFailed: 'The server still holds (part of) your key backup.',
  // Turning on
  onSubmit: 'Turn on',
  turningOnHeading: 'Turning on key storage',
  turningOn: 'Making a new key backup and storing its key with your Security Key…',
  onDoneHeading: 'Key storage is on',
  onDone: 'A new backup holds your message keys from now on, and its key is stored under your Security Key (checked on the server).',
  onFailedHeading: 'Key storage could not be turned on',
  onInTheWay: 'There is already a key backup this session can’t use. Verify this session, or set up encryption again to replace it.',
  // Checking a key
  checkSubmit: 'Check',
  checkIntro: 'Enter a Security Key or Phrase to learn whether it is the one your account uses now. Nothing changes.',
  'result.current': 'This is your current Security Key.',
  'result.old': 'This key is from before your last change. It no longer unlocks your account: use your current one.',
  'result.unknown': 'This is a Security Key, but not one of this account’s.',
  resultHeading: 'Your Security Key',
  checkAnother: 'Check another key',
  checkFailedHeading: 'The key could not be checked',
  // Restore
  restoreHeading: 'Restore history from backup',
  // Back on the overview after a step was cancelled
  nothingChanged: 'Nothing changed.',
});
