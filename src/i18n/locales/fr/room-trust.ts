import type { roomTrustStrings } from '../../../components/room-trust/room-trust.strings.js';
import { num, plural } from '../../plural.js';
import type { TranslationOf } from '../../registry.js';

// `{name}` marks where a person's name goes (put in as inert, bidi-isolated text).
export default {
  heading: 'Chiffrement dans ce salon',
  'summary.checking': 'Vérification des personnes de ce salon…',
  'summary.unavailable.no-client': 'Aucun compte Matrix n’est encore connecté à cette vue.',
  'summary.unavailable.no-room': 'Ce salon n’est pas encore connu de ce compte.',
  'summary.unavailable.no-crypto': 'Cette application a démarré sans chiffrement ; la confiance dans ce salon ne peut donc pas être vérifiée.',
  'summary.unavailable.error': 'La confiance dans ce salon n’a pas pu être vérifiée.',
  'summary.not-encrypted': 'Ce salon n’est pas chiffré : tout ce qui s’y trouve peut être lu par les serveurs.',
  'summary.identity-changed': 'L’identité de quelqu’un a changé. Vérifiez auprès de cette personne avant de faire confiance à cette conversation.',
  'summary.unsigned-sessions': 'Certaines personnes ici ont des sessions qu’elles n’ont jamais vérifiées.',
  'summary.verified': 'Tout le monde dans ce salon est vérifié, et toutes leurs sessions sont signées.',
  'summary.not-verified': 'Aucun avertissement. Certaines personnes ici ne sont pas vérifiées.',
  progress: (done: number, total: number) => plural(total, {
    one: `${num(done)} personne vérifiée sur ${num(total)}.`,
    other: `${num(done)} personnes vérifiées sur ${num(total)}.`,
  }),
  'badge.checking': 'Vérification…',
  'badge.unavailable': 'Confiance inconnue',
  'badge.not-encrypted': 'Non chiffré',
  'badge.identity-changed': 'Identité modifiée',
  'badge.unsigned-sessions': 'Sessions non vérifiées',
  'badge.verified': 'Salon vérifié',
  'badge.not-verified': 'Chiffré',
  badgeLabel: (state: string) => `Chiffrement dans ce salon : ${state}. Afficher les détails`,
  close: 'Fermer',
  retry: 'Vérifier à nouveau',
  'change.identity-changed': 'L’identité de {name} a été réinitialisée. Vérifiez auprès de {name} avant de faire confiance à cette conversation.',
  'change.was-verified': 'Vous avez vérifié {name}, mais son identité a été réinitialisée. Vérifiez auprès de {name}, puis vérifiez cette personne à nouveau ou retirez l’exigence de vérification.',
  acknowledge: 'Prendre acte',
  verify: 'Vérifier',
  verifyAgain: 'Vérifier à nouveau',
  withdraw: 'Retirer l’exigence de vérification',
  showUnsigned: (n: number) => `Afficher les sessions que leurs propriétaires n’ont pas vérifiées (${num(n)})`,
  hideUnsigned: 'Masquer les sessions que leurs propriétaires n’ont pas vérifiées',
  noUnsigned: 'Chaque session de ce salon a été vérifiée par son propriétaire.',
  'isolation.all': 'Les clés des messages sont partagées avec toutes les sessions des personnes présentes, y compris celles que leurs propriétaires n’ont pas vérifiées.',
  invisibleChars: 'Un caractère invisible dans ce nom, affiché par son code',
} satisfies TranslationOf<typeof roomTrustStrings>;
