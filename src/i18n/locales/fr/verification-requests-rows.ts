import type { requestRowsStrings } from '../../../components/verification-requests/verification-requests.rows.strings.js';
import type { TranslationOf } from '../../registry.js';

export default {
  ownTitle: 'Une de vos sessions demande à être vérifiée',
  otherTitle: 'Quelqu’un veut vous vérifier',
  ownHint: 'N’acceptez que si vous venez de vous y connecter vous-même.',
  otherHint: 'N’acceptez que si vous pouvez comparer des émojis avec cette personne, en personne ou lors d’un appel de confiance.',
  invisibleChars: 'Un caractère invisible dans ce nom, affiché par son code',
  session: 'Session',
  unnamedSession: 'Session sans nom',
  lastSeen: (when: string) => `vue pour la dernière fois ${when}`,
  lastSeenFrom: (when: string, ip: string) => `vue pour la dernière fois ${when} depuis ${ip}`,
  expiresIn: (time: string) => `Expire dans ${time}`,
  reading: 'Lecture de l’identité du demandeur…',
  accept: 'Accepter',
  ignore: 'Ignorer',
  dismiss: 'Fermer',
  arrived: 'Nouvelle demande de vérification.',
  handedOver: 'La demande a été ouverte par l’application.',
} satisfies TranslationOf<typeof requestRowsStrings>;
