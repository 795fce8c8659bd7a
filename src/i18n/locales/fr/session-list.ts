import type { sessionListStrings } from '../../../components/session-list/session-list.strings.js';
import { num, plural } from '../../plural.js';
import type { TranslationOf } from '../../registry.js';

const sessions = (n: number) => plural(n, { one: `${num(n)} session`, other: `${num(n)} sessions` });

export default {
  heading: 'Sessions',
  notConnected: 'Aucun compte Matrix n’est connecté.',
  loading: 'Chargement de vos sessions…',
  loadFailed: 'Vos sessions n’ont pas pu être chargées.',
  refreshFailed: 'La liste n’a pas pu être mise à jour ; elle n’est peut-être plus à jour.',
  retry: 'Réessayer',
  noCrypto: 'Le chiffrement n’est pas disponible dans cette application ; la vérification ne peut donc pas être affichée.',
  dehydratedDevice: 'Votre appareil hors ligne est activé (ce n’est pas une session).',

  currentHeading: 'Cette session',
  othersHeading: 'Autres sessions',
  noOthers: 'Vous n’avez pas d’autres sessions.',
  noMatch: 'Aucune session ne correspond.',

  verified: 'Vérifiée',
  unverified: 'Non vérifiée',
  noKeys: 'Pas de chiffrement',
  trustUnknown: 'Vérification inconnue',
  inactive: 'Inactive',
  inactiveFor: (days: number) => plural(days, { one: `Inactive depuis plus de ${num(days)} jour`, other: `Inactive depuis plus de ${num(days)} jours` }),
  verifiedHint: 'Cette session est prête pour la messagerie sécurisée.',
  unverifiedHint: (n: number) => plural(n, {
    one: 'Pour plus de sécurité, vérifiez votre autre session non vérifiée ou déconnectez-la.',
    other: 'Pour plus de sécurité, vérifiez vos autres sessions non vérifiées ou déconnectez-les.',
  }),
  noKeysHint: 'Cette session n’a pas de clés de chiffrement : elle ne peut ni lire ni envoyer de messages chiffrés.',
  currentUnverifiedHint: 'Vérifiez cette session pour lire vos messages chiffrés et prouver que c’est bien vous.',
  inactiveHint: 'Pensez à déconnecter les autres sessions que vous n’utilisez plus.',

  lastActivity: (when: string) => `Dernière activité ${when}`,
  lastActivityUnknown: 'Dernière activité inconnue',
  ip: (ip: string) => `IP ${ip}`,
  deviceId: 'Identifiant de session',
  fingerprint: 'Clé de session (ed25519)',
  lastSeenIp: 'Adresse IP',
  lastSeen: 'Dernière activité',
  noFingerprint: 'Aucune',
  unnamed: 'Session sans nom',
  invisibleChars: 'Ce nom contient des caractères invisibles, affichés par leur code.',

  summaryHeading: 'Recommandations de sécurité',
  summary: (unverified: number, inactive: number) => {
    const u = plural(unverified, {
      one: `${num(unverified)} de vos autres sessions n’est pas vérifiée`,
      other: `${num(unverified)} de vos autres sessions ne sont pas vérifiées`,
    });
    const i = plural(inactive, {
      one: `${num(inactive)} de vos autres sessions est inactive`,
      other: `${num(inactive)} de vos autres sessions sont inactives`,
    });
    return unverified && inactive
      ? `${u}, et ${plural(inactive, { one: `${num(inactive)} est inactive`, other: `${num(inactive)} sont inactives` })}.`
      : unverified ? `${u}.` : `${i}.`;
  },
  review: 'Examiner',
  allGood: 'Aucune recommandation : aucune de vos autres sessions n’est non vérifiée ou inactive.',

  filterLabel: 'Afficher',
  filterAll: (n: number) => `Toutes (${num(n)})`,
  filterVerified: (n: number) => `Vérifiées (${num(n)})`,
  filterUnverified: (n: number) => `Non vérifiées (${num(n)})`,
  filterInactive: (n: number) => `Inactives (${num(n)})`,
  search: 'Rechercher des sessions',
  searchPlaceholder: 'Nom, identifiant ou IP',
  shown: (shown: number, total: number) => plural(shown, { one: `${num(shown)} session affichée sur ${num(total)}`, other: `${num(shown)} sessions affichées sur ${num(total)}` }),

  select: (name: string) => `Sélectionner ${name}`,
  selectShown: 'Sélectionner toutes les sessions affichées',
  selected: (n: number) => plural(n, { one: `${num(n)} sélectionnée`, other: `${num(n)} sélectionnées` }),
  clearSelection: 'Effacer la sélection',
  signOutSelected: (n: number) => plural(n, { one: `Déconnecter ${num(n)} session sélectionnée`, other: `Déconnecter ${num(n)} sessions sélectionnées` }),
  signOutAllOthers: 'Déconnecter toutes les autres sessions',

  details: 'Détails',
  rename: 'Renommer',
  verify: 'Vérifier',
  signOut: 'Déconnecter',
  signOutCurrent: 'Déconnecter cette session',
  verifyCurrent: 'Vérifier cette session',
  verifyUnhandled: 'Pour la vérifier, ouvrez cette session et lancez la vérification depuis celle-ci.',
  verifyCurrentUnhandled: 'Pour vérifier cette session, utilisez une autre session connectée ou votre clé ou phrase de sécurité.',
  cantVouch: 'Vérifiez d’abord cette session pour pouvoir vérifier vos autres sessions d’ici.',

  renameLabel: 'Nom de la session',
  renameNote: 'Les noms de session sont visibles par les personnes avec qui vous communiquez.',
  save: 'Enregistrer',
  saving: 'Enregistrement…',
  cancel: 'Annuler',
  renameEmpty: 'Saisissez un nom.',
  renameTooLong: (max: number) => `Le nom est trop long (${num(max)} caractères au maximum).`,
  renameRefused: (reason: string) => `Le serveur d’accueil a refusé le nom : ${reason}`,
  renamed: 'Nom enregistré.',

  clientOn: (client: string, os: string) => `${client} sur ${os}`,
  kindBrowser: 'Navigateur web',
  kindDesktop: 'Application de bureau',
  kindMobile: 'Application mobile',

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
  listLabel: 'Autres sessions',
} satisfies TranslationOf<typeof sessionListStrings>;
