import type { setupStrings } from '../../../components/setup-wizard/setup-wizard.strings.js';
import type { TranslationOf } from '../../registry.js';

export default {
  notConnected: 'Aucun compte Matrix n’est encore connecté.',
  loading: 'Vérification de votre compte…',
  loadFailed: 'Impossible de vérifier votre compte.',
  retry: 'Réessayer',
  continue: 'Continuer',

  explainHeading: 'Sécurisez vos messages',
  explainBody:
    'Vous allez recevoir une clé de sécurité (ou choisir une phrase de sécurité). Elle vous permet de lire vos messages chiffrés sur tout nouvel appareil et de prouver que vos sessions sont bien les vôtres. Conservez-la en lieu sûr : personne, pas même votre serveur, ne peut la récupérer pour vous.',
  askLater: 'Me le demander plus tard',
} satisfies TranslationOf<typeof setupStrings>;
