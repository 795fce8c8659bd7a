import { defineStrings } from '../../i18n/registry.js';

const EN = new Intl.PluralRules('en');
/** English singular or plural for `n` (Intl.PluralRules: other languages register their own terms). */
const plural = (n: number | undefined, one: string, other: string) => (EN.select(n ?? 0) === 'one' ? one : other);

export const keyTransferStrings = defineStrings('keyTransfer', {
  menuHeading: 'Room keys',
  menuIntro: 'Move the keys of your encrypted messages between devices and apps with a file protected by a passphrase.',
  chooseExport: 'Export keys to a file',
  chooseImport: 'Import keys from a file',
  back: 'Back',
  notConnected: 'Not connected to a Matrix account.',

  exportHeading: 'Export room keys',
  exportIntro: 'Saves the keys that let you read your encrypted messages to a file, protected by a passphrase you choose now.',
  exportWarning: 'Anyone who has this file and its passphrase can read all of your encrypted message history. Keep the file and the passphrase safe, and apart.',
  exportSubmit: 'Export',
  exportChecking: 'Looking for the keys of this session…',
  exportEmptyHeading: 'No keys to export',
  exportEmpty: 'This session holds no room keys yet, so there is nothing to export.',
  exportEmptyWhy: 'A session gets room keys when it sends or receives encrypted messages, restores them from key backup, or imports a key file. A new session has none of your history yet: export from a session that has been reading your encrypted messages.',
  checkAgain: 'Check again',
  exportWorkingHeading: 'Exporting room keys',
  exportCollecting: 'Reading your keys…',
  exportKdf: 'Protecting the file with your passphrase…',
  exportEncrypting: (percent: string) => `Encrypting the file: ${percent}`,
  progressLabel: 'Progress',
  cancel: 'Cancel',
  exportDoneHeading: 'Keys exported',
  // `n`: the count as a number, for the plural (`count` is it formatted for the language).
  exportDone: (count: string, file: string, n?: number) =>
    `${count} ${plural(n, 'key was', 'keys were')} saved to “${file}”. Keep it with its passphrase somewhere safe.`,
  exportCancelledHeading: 'Export cancelled',
  exportCancelled: 'Nothing was saved.',
  exportFailedHeading: 'The export did not finish',
  exportAgain: 'Export again',
  done: 'Done',

  importHeading: 'Import room keys',
  importIntro: 'Adds the keys from an exported key file to this device, so it can read the messages they unlock.',
  chooseFile: 'Choose the key file…',
  dropHint: 'Or drop it here.',
  chosenFile: (name: string, size: string) => `Chosen: ${name} (${size})`,
  passphraseLabel: 'Passphrase of the file',
  importSubmit: 'Import',
  noFile: 'Choose a key file first.',
  noPassphrase: 'Enter the passphrase of the file.',
  importWorkingHeading: 'Importing room keys',
  importKdf: 'Unlocking the file with your passphrase…',
  importDecrypting: (percent: string) => `Decrypting the file: ${percent}`,
  importStoring: (done: string, total: string) => `Importing keys: ${done} of ${total}`,
  importStoringStart: 'Importing keys…',
  importNoCancel: 'Keys are being stored; this can’t be interrupted.',
  importDoneHeading: 'Keys imported',
  reportTotal: 'Keys in the file',
  reportImported: 'Newly imported',
  reportAlreadyPresent: 'Already on this device',
  reportMalformed: 'Damaged or not room keys',
  reportUnknownAlgorithm: 'Unsupported kind of key',
  importNothingHeading: 'No keys imported',
  // `count` formatted for the language, `n` the number (for the plural).
  notImportedMalformed: (count: string, n: number) =>
    `${count} ${plural(n, 'entry', 'entries')} of the file ${plural(n, 'is', 'are')} damaged or not a room key this app can use, so ${plural(n, 'it was', 'they were')} skipped.`,
  notImportedUnknownAlgorithm: (count: string, n: number) =>
    `${count} ${plural(n, 'key uses', 'keys use')} a kind of encryption this app doesn’t support, so ${plural(n, 'it was', 'they were')} skipped.`,
  /** `others`: the keys of the file that are on this device now (imported or already there). */
  notImportedRest: (others: number) => (others ? `The other ${plural(others, 'key is', 'keys are')} on this device now.` : ''),
  importCancelledHeading: 'Import cancelled',
  importCancelled: 'Nothing was imported.',
  importAnother: 'Import another file',

  wrongPassphrase: 'The passphrase is wrong, or the file has been changed or damaged (the two look the same). Check the passphrase and try again.',
  notAKeyFile: 'This is not a key file. Choose the file saved by “Export keys” (it starts with “-----BEGIN MEGOLM SESSION DATA-----”).',
  unsupportedVersion: 'This key file uses a format version this app can’t read.',
  truncated: 'This key file is incomplete. It may have been cut short while copying or downloading; export it again.',
  badRounds: 'This key file asks for an unreasonable amount of work to unlock, so it was refused. It is damaged or was not made by a Matrix app.',
  notKeyList: 'The file was unlocked, but it does not contain room keys. Nothing was imported.',
  noCrypto: 'Encryption is not set up in this app, so keys can’t be exported or imported.',
  unreadable: 'The file could not be read. Choose it again.',
  importFailed: 'Nothing was imported.',
});
