import type { verifyStrings } from '../../../components/verify-login/verify-login.strings.js';
import type { TranslationOf } from '../../registry.js';

export default {
  notConnected: 'Aucun compte Matrix n’est encore connecté.',
  startHeading: 'Vérifier cette session',
  alreadyHeading: 'Cette session est vérifiée',
  alreadyVerified: 'Cette session est déjà vérifiée : elle peut lire vos messages chiffrés, et vos autres sessions lui font confiance. Il n’y a rien à faire ici.',
  keysOutOfSync: 'Cette session est vérifiée, mais ses clés et vos données de récupération ne sont pas synchronisées. Saisissez votre clé ou phrase de sécurité pour les remettre en accord.',
  startIntro: 'Prouvez que c’est bien vous, pour que cette session puisse lire vos messages chiffrés et que vos autres sessions lui fassent confiance.',
  useOtherSession: 'Vérifier avec une autre session',
  useKey: 'Utiliser votre clé ou phrase de sécurité',
  requesting: 'Envoi de la demande…',
  cantConfirm: 'Impossible de confirmer ?',
  incomingHeading: 'Demande de vérification',
  incomingIntro: (deviceId: string) => `Votre session ${deviceId} demande à être vérifiée. N’acceptez que si vous venez de vous y connecter.`,
  incomingIntroUnknown: 'Une de vos sessions demande à être vérifiée. N’acceptez que si vous venez de vous y connecter.',
  accept: 'Accepter',
  decline: 'Refuser',
} satisfies TranslationOf<typeof verifyStrings>;
