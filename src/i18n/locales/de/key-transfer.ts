import type { keyTransferStrings } from '../../../components/key-transfer/key-transfer.strings.js';
import type { TranslationOf } from '../../registry.js';

export default {
  menuHeading: 'Raumschlüssel',
  menuIntro: 'Übertrage die Schlüssel deiner verschlüsselten Nachrichten zwischen Geräten und Apps – mit einer Datei, die durch eine Passphrase geschützt ist.',
  chooseExport: 'Schlüssel in eine Datei exportieren',
  chooseImport: 'Schlüssel aus einer Datei importieren',
  notConnected: 'Nicht mit einem Matrix-Konto verbunden.',
} satisfies TranslationOf<typeof keyTransferStrings>;
