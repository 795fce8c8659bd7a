import type { setupStrings } from '../../../components/setup-wizard/setup-wizard.strings.js';
import type { TranslationOf } from '../../registry.js';

export default {
  notConnected: 'Aucun compte Matrix n’est encore connecté.',
  misconfigured:
    'La messagerie sécurisée ne peut pas être configurée ici : cette application n’a pas donné à la configuration l’accès au stockage sécurisé. (Pour les développeurs : créez le MatrixClient avec cryptoCallbacks: createSecretStorageCallbacks().)',
  loading: 'Vérification de votre compte…',
  loadFailed: 'Impossible de vérifier votre compte.',
  retry: 'Réessayer',
  back: 'Retour',
  close: 'Fermer',
  cancel: 'Annuler',
  continue: 'Continuer',

  explainHeading: 'Sécurisez vos messages',
  explainRepairHeading: 'Terminer la configuration de la messagerie sécurisée',
  explainBody:
    'Vous allez recevoir une clé de sécurité (ou choisir une phrase de sécurité). Elle vous permet de lire vos messages chiffrés sur tout nouvel appareil et de prouver que vos sessions sont bien les vôtres. Conservez-la en lieu sûr : personne, pas même votre serveur, ne peut la récupérer pour vous.',
  explainRepairBody:
    'Une configuration ou une réinitialisation précédente n’est pas allée à son terme. Cette session détient encore votre identité ; nous allons donc l’enregistrer à nouveau sous une nouvelle clé de sécurité. Rien n’est supprimé.',
  askLater: 'Me le demander plus tard',

  alreadyHeading: 'La messagerie sécurisée est configurée',
  alreadyBody: 'Votre identité, votre clé de sécurité et votre sauvegarde des clés sont en place. Vous pouvez changer votre clé de sécurité, ou tout réinitialiser si vous l’avez perdue.',
  changeKey: 'Changer la clé de sécurité',
  reset: 'Réinitialiser le chiffrement',

  keysMissingHeading: 'Vérifier cette session',
  keysMissingBody:
    'Votre compte a déjà une identité sécurisée, mais cette session n’en détient pas les clés. Vérifiez cette session avec une autre session connectée ou votre clé de sécurité au lieu de tout reconfigurer — une nouvelle configuration remplacerait votre identité.',
  verifyThisSession: 'Vérifier cette session',
  verifyHint: 'Ouvrez l’une de vos autres sessions connectées, ou utilisez votre clé de sécurité, pour vérifier cette session.',
  resetInstead: 'J’ai perdu ma clé : réinitialiser plutôt',

  resetHeading: 'Réinitialiser votre chiffrement',
  resetIntro: 'Ne le faites que si vous avez perdu votre clé de sécurité et n’avez aucune autre session vérifiée.',
  keptHeading: 'Vous conservez',
  kept1: 'Votre compte et votre profil',
  kept2: 'Vos contacts et vos salons',
  kept3: 'Les messages stockés sur cet appareil',
  lostHeading: 'Vous perdez',
  lost1: 'L’historique chiffré stocké uniquement sur le serveur',
  lost2: 'La vérification de vos autres sessions',
  lost3: 'La vérification que d’autres personnes ont faite de vous : elles verront que votre identité a changé',
  exportFirst: 'Exportez d’abord vos clés de salon',
  exportHint: 'Utilisez la fonction « Exporter les clés de salon » de votre application avant de continuer.',
  noSessionWarning:
    'Aucune de vos sessions n’est vérifiée. Après la réinitialisation, l’historique que vous ne pouvez pas lire actuellement restera illisible. Si une ancienne session vous propose plus tard de partager une sauvegarde des clés ou de la vérifier, n’acceptez que si vous êtes sûr qu’elle vous appartient.',
  resetContinue: 'Continuer vers la réinitialisation',
  resetConfirmHeading: 'Confirmer la réinitialisation',
  resetWord: 'réinitialiser',
  resetConfirmLabel: (word: string) => `Saisissez « ${word} » pour confirmer`,
  resetConfirmMismatch: (word: string) => `Saisissez exactement « ${word} » pour continuer.`,
  resetConfirmButton: 'Réinitialiser le chiffrement',

  chooseHeading: 'Choisissez comment déverrouiller vos messages',
  chooseChangeHeading: 'Choisissez votre nouvelle clé de sécurité',
  chooseBody: 'Une clé de sécurité est générée pour vous et elle est très robuste. Une phrase de sécurité est plus facile à saisir ; vous recevez quand même une clé en secours.',
  chooseKey: 'Générer une clé de sécurité',
  choosePhrase: 'Saisir une phrase de sécurité',
} satisfies TranslationOf<typeof setupStrings>;
