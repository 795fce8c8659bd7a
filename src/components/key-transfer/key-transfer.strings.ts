// The words of <xs-key-transfer>'s first render: the choice between export and import. The steps' words load with
// them (key-transfer-steps.strings.ts, the same namespace).
import { defineStrings } from '../../i18n/registry.js';

export const keyTransferStrings = defineStrings('keyTransfer', {
  menuHeading: 'Room keys',
  menuIntro: 'Move the keys of your encrypted messages between devices and apps with a file protected by a passphrase.',
  chooseExport: 'Export keys to a file',
  chooseImport: 'Import keys from a file',
  notConnected: 'Not connected to a Matrix account.',
});
