import type { sessionActionStrings } from '../../../components/session-list/session-actions.strings.js';
import { num, plural } from '../../plural.js';
import type { TranslationOf } from '../../registry.js';

const sessions = (n: number) => plural(n, { one: `${num(n)} session`, other: `${num(n)} sessions` });

export default {
  deviceId: 'Identifiant de session',
  fingerprint: 'Clé de session (ed25519)',
  lastSeenIp: 'Adresse IP',
  lastSeen: 'Dernière activité',
  noFingerprint: 'Aucune',
  verifyUnhandled: 'Pour la vérifier, ouvrez cette session et lancez la vérification depuis celle-ci.',
  verifyCurrentUnhandled: 'Pour vérifier cette session, utilisez une autre session connectée ou votre clé ou phrase de sécurité.',

  renameLabel: 'Nom de la session',
  renameNote: 'Les noms de session sont visibles par les personnes avec qui vous communiquez.',
  save: 'Enregistrer',
  saving: 'Enregistrement…',
  cancel: 'Annuler',
  renameEmpty: 'Saisissez un nom.',
  renameTooLong: (max: number) => `Le nom est trop long (${num(max)} caractères au maximum).`,
  renameRefused: (reason: string) => `Le serveur d’accueil a refusé le nom : ${reason}`,
  renamed: 'Nom enregistré.',

  confirmHeading: (n: number) => `Déconnecter ${sessions(n)} ?`,
  confirmCurrentHeading: 'Déconnecter cette session ?',
  confirmIntro: (n: number) => plural(n, {
    one: 'Cette session sera déconnectée. Quiconque l’utilise devra se reconnecter, et les messages chiffrés qu’elle seule pouvait lire seront perdus.',
    other: 'Ces sessions seront déconnectées. Quiconque les utilise devra se reconnecter, et les messages chiffrés qu’elles seules pouvaient lire seront perdus.',
  }),
  confirmCurrentIntro: 'Vous devrez vous reconnecter ici. Assurez-vous d’abord de pouvoir récupérer vos messages chiffrés (avec une autre session ou votre clé de sécurité).',
  confirm: 'Déconnecter',
  signingOut: 'Déconnexion…',
  externalNote: 'Votre compte est géré sur la page de compte de votre serveur d’accueil : c’est là que se fait la déconnexion.',
  externalIntro: (host: string, n: number) => plural(n, {
    one: `Votre compte est géré par ${host}. Ouvrez-y la page de votre compte et déconnectez cette session, puis revenez ici. Cette liste se met à jour d’elle-même à votre retour.`,
    other: `Votre compte est géré par ${host}. Ouvrez-y la page de votre compte et déconnectez ces sessions, puis revenez ici. Cette liste se met à jour d’elle-même à votre retour.`,
  }),
  externalRefused: 'Votre serveur d’accueil indique une page de compte dont l’adresse n’est pas sûre ; elle n’a donc pas été ouverte. Déconnectez-vous par un autre moyen depuis la page de votre compte, ou contactez l’administration de votre serveur d’accueil.',
  externalOpen: 'Ouvrir la page du compte',
  externalOpenAgain: 'Ouvrir à nouveau la page du compte',
  externalCheck: 'Vérifier à nouveau',
  externalWaiting: 'En attente de votre retour de la page du compte…',
  externalChecking: 'Vérification des sessions encore connectées…',
  externalRemaining: (n: number) => plural(n, { one: 'Cette session est toujours connectée.', other: `${num(n)} d’entre elles sont toujours connectées.` }),
  signedOut: (n: number) => plural(n, { one: `${sessions(n)} déconnectée.`, other: `${sessions(n)} déconnectées.` }),
  signedOutCurrent: 'Cette session est déconnectée.',
  signOutFailed: 'La déconnexion n’a pas abouti.',
  checkingAccountPage: 'Vérification de la façon dont votre serveur d’accueil déconnecte les sessions…',
  lookupFailed: 'Votre serveur d’accueil n’a pas pu être interrogé sur la façon dont il déconnecte les sessions ; rien n’a donc été déconnecté.',
  close: 'Fermer',
  loadFailed: 'Vos sessions n’ont pas pu être chargées.',
  refreshFailed: 'La liste n’a pas pu être mise à jour ; elle n’est peut-être plus à jour.',
  retry: 'Réessayer',
  noMatch: 'Aucune session ne correspond.',
  selected: (n: number) => plural(n, { one: `${num(n)} sélectionnée`, other: `${num(n)} sélectionnées` }),
  clearSelection: 'Effacer la sélection',
  signOutSelected: (n: number) => plural(n, { one: `Déconnecter ${num(n)} session sélectionnée`, other: `Déconnecter ${num(n)} sessions sélectionnées` }),
} satisfies TranslationOf<typeof sessionActionStrings>;
