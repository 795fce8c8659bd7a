import type { sessionListStrings } from '../../../components/session-list/session-list.strings.js';
import { num, plural } from '../../plural.js';
import type { TranslationOf } from '../../registry.js';

export default {
  heading: 'Sessions',
  notConnected: 'Aucun compte Matrix n’est connecté.',
  loading: 'Chargement de vos sessions…',
  noCrypto: 'Le chiffrement n’est pas disponible dans cette application ; la vérification ne peut donc pas être affichée.',
  dehydratedDevice: 'Votre appareil hors ligne est activé (ce n’est pas une session).',

  currentHeading: 'Cette session',
  othersHeading: 'Autres sessions',
  noOthers: 'Vous n’avez pas d’autres sessions.',

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
  signOutAllOthers: 'Déconnecter toutes les autres sessions',

  details: 'Détails',
  rename: 'Renommer',
  verify: 'Vérifier',
  signOut: 'Déconnecter',
  signOutCurrent: 'Déconnecter cette session',
  verifyCurrent: 'Vérifier cette session',
  cantVouch: 'Vérifiez d’abord cette session pour pouvoir vérifier vos autres sessions d’ici.',

  clientOn: (client: string, os: string) => `${client} sur ${os}`,
  kindBrowser: 'Navigateur web',
  kindDesktop: 'Application de bureau',
  kindMobile: 'Application mobile',
  listLabel: 'Autres sessions',
} satisfies TranslationOf<typeof sessionListStrings>;
