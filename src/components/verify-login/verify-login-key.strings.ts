import { num } from '../../i18n/plural.js';
import { defineStrings } from '../../i18n/registry.js';

/**
 * The Security Key / Phrase path of <xs-verify-login>. Same namespace as the rest of the element
 * (`verify-login.<key>`), kept apart because the path has many steps of its own.
 */
export const keyStrings = defineStrings('verify-login', {
  keyLoading: 'Checking your secure backup…',
  keyHeading: 'Enter your Security Key',
  phraseHeading: 'Enter your Security Phrase',
  keyIntro: 'Your Security Key was shown when you set up secure backup. It looks like 12 groups of four letters and numbers; spaces and line breaks don’t matter, capital letters do.',
  phraseIntro: 'Enter the Security Phrase you chose when you set up secure backup.',
  keyLabel: 'Security Key',
  phraseLabel: 'Security Phrase',
  keySubmit: 'Verify',
  tryAgain: 'Try again',
  usePhraseInstead: 'Use your Security Phrase instead',
  useKeyInsteadShort: 'Use your Security Key instead',
  lostKey: 'I lost my Security Key',
  keyEmpty: 'Enter your Security Key first.',
  phraseEmpty: 'Enter your Security Phrase first.',
  // What was typed, told apart
  keyNotAKey: 'That isn’t a Security Key. A Security Key is 48 letters and digits, usually shown in 12 groups of four and starting with “Es”.',
  keyTypo: 'That looks like a Security Key, but it isn’t a valid one: a character is wrong, missing or extra. Check it character by character (capital letters matter).',
  keyTypoLength: (count: string) => `It has ${count} characters; a Security Key has 48.`,
  keyTypoLookalikes: 'Security Keys never contain 0, O, I or l: check the characters that look like them.',
  phraseInKeyField: 'That isn’t a Security Key — it looks like a Security Phrase. Use it as your Security Phrase?',
  useAsPhrase: 'Use it as my Security Phrase',
  keyInPhraseField: 'That is a Security Key, not a Security Phrase. Use it as your Security Key?',
  useAsKey: 'Use it as my Security Key',
  keyWrong: 'That is a valid Security Key, but it doesn’t match this account: it may belong to another account or to an earlier set-up. Use the latest Security Key you saved for this account.',
  phraseWrong: 'That Security Phrase doesn’t match this account. Check it and try again (capital letters and spaces matter).',
  phraseWrongLooksLikeKey: 'It looks like a Security Key: if it is one, use it as your Security Key.',
  kdfTooFew: (count: string) =>
    `The settings stored with your Security Phrase look wrong: the number of protection rounds they ask for (${count}) is far below what apps use (${num(500_000)}). The stored data may be damaged or changed by someone else, so this session won’t use your phrase with it. Use your Security Key instead.`,
  kdfTooMany: (count: string) =>
    `The settings stored with your Security Phrase look wrong: the number of rounds they ask for (${count}) is far above what apps use (${num(500_000)}) and would keep this page busy for a very long time. The stored data may be damaged or changed by someone else. Use your Security Key instead.`,
  kdfInvalid: 'The settings stored with your Security Phrase look wrong: they are incomplete or in a form no app writes. The stored data may be damaged or changed by someone else, so this session won’t use your phrase with it. Use your Security Key instead.',
  keyChecking: 'Checking the key…',
  phraseChecking: 'Checking the phrase… this can take a few seconds.',
  restoringCrossSigning: 'Verifying this session…',
  restoringBackup: 'Connecting to your key backup…',
  // Right key, recovery data out of sync
  outOfSyncHeading: 'Your recovery data is out of sync',
  outOfSyncMissing: 'Your Security Key is right, but the recovery data stored on your account doesn’t hold all of your cross-signing keys.',
  outOfSyncOtherKey: 'Your Security Key is right, but your cross-signing keys are stored under a different, older key.',
  outOfSyncUndecryptable: 'Your Security Key is right, but the cross-signing keys stored on your account can’t be read with it: the stored copy looks damaged.',
  outOfSyncStale: 'Your Security Key is right, but the cross-signing keys stored on your account belong to an earlier identity, not the one your account uses now.',
  outOfSyncCanRepair: 'This session still has your current keys, so it can store them again under your Security Key. Nothing else changes.',
  outOfSyncNoRepair: 'This session doesn’t have the keys to repair it. If another of your sessions is verified, verify with that one: it can repair the recovery data. Otherwise, reset your encryption identity.',
  repair: 'Store my keys again',
  repairing: 'Storing your keys again…',
  repairStalled: 'Still storing your keys… the server is slow to answer. You can keep waiting; your keys stay safe in this session either way.',
  repairFailed: 'Storing your keys didn’t work, and nothing was lost: this session still has them. Try again.',
  resetInstead: 'Reset instead',
  // The way out for a lost key
  resetWarningHeading: 'Reset your encryption identity?',
  resetWarningLost: 'If you have lost your Security Key and Phrase, and no other session of yours is verified, a reset is the way out.',
  resetWarningOutOfSync: 'If no other session of yours is verified, a reset is the way out.',
  resetWarningWhat: 'A reset creates a new identity and a new Security Key. Your other sessions and the people you talk to will need to verify you again, and messages that only your key backup holds may become unreadable. Nothing changes until you confirm in the next step.',
  resetContinue: 'Continue to reset',
  resetHandedOver: 'Continue with the reset in the step that opened.',
  resetUnhandled: 'This app doesn’t offer a reset here. Look for “Reset encryption” in the app’s security settings.',
  // Outcomes
  keyNoStorageHeading: 'No Security Key on this account',
  keyNoStorage: 'Your account has no Security Key or Phrase set up, so this session can only be verified from another session.',
  keyNoCallbacksHeading: 'Security Key not available here',
  keyNoCallbacks: 'This app has not enabled verification with the Security Key. Verify from another session instead.',
  keyFailedHeading: 'Verification with the key didn’t work',
  backupUnreachable: 'This session is verified, but your key backup couldn’t be reached, so older messages can’t be restored yet. Try again to connect it.',
  notSigned: 'Your keys were restored, but the server doesn’t show this session as verified yet. Try again.',
  repairedDone: 'Your cross-signing keys are stored in your recovery data again, under your Security Key.',
  backupConnected: 'It is connected to your key backup, so your message history can be restored.',
  backupMissing: 'Your key backup could not be unlocked with this key: older messages may stay unreadable until another session shares their keys.',
});
