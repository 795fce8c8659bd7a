import type { keyTransferStrings } from '../../../components/key-transfer/key-transfer.strings.js';
import type { TranslationOf } from '../../registry.js';

export default {
  menuHeading: 'Clés de salon',
  menuIntro: 'Transférez les clés de vos messages chiffrés entre appareils et applications, à l’aide d’un fichier protégé par une phrase secrète.',
  chooseExport: 'Exporter les clés dans un fichier',
  chooseImport: 'Importer les clés depuis un fichier',
  notConnected: 'Aucun compte Matrix n’est connecté.',
} satisfies TranslationOf<typeof keyTransferStrings>;
