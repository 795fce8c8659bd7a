import type { verifyUserStrings } from '../../../components/verify-user/verify-user.strings.js';
import type { TranslationOf } from '../../registry.js';

export default {
  notConnected: 'Aucun compte Matrix n’est encore connecté.',
  noUser: 'Aucune personne choisie pour la vérification.',
  invisibleChars: 'Un caractère invisible dans ce nom, affiché par son code',
  whoLabel: 'Personne',
  startHeading: 'Vérifier cette personne',
  startIntro: 'Assurez-vous que vous parlez bien à cette personne et que personne n’écoute : vous allez comparer des émojis (ou des nombres) avec elle, en personne ou lors d’un appel de confiance.',
  startButton: 'Lancer la vérification',
  alreadyHeading: 'Vérifiée',
  alreadyVerified: 'Vous avez déjà vérifié cette personne. Vous pouvez la vérifier à nouveau, par exemple après l’avoir rencontrée.',
  verifyAgain: 'Vérifier à nouveau',
  incomingHeading: 'Demande de vérification',
  incomingIntro: 'Cette personne veut vous vérifier. N’acceptez que si vous pouvez comparer des émojis avec elle, en personne ou lors d’un appel de confiance.',
  accept: 'Accepter',
  decline: 'Refuser',
} satisfies TranslationOf<typeof verifyUserStrings>;
