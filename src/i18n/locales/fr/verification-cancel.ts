import type { cancelStrings } from '../../verification-cancel.strings.js';
import type { TranslationOf } from '../../registry.js';

export default {
  userByUs: 'Vous avez annulé la vérification.',
  unexpected: 'La vérification s’est désynchronisée. Réessayez.',
  other: (code: string) => `La vérification a été annulée (${code}).`,

  'session.declinedByUs': 'Vous avez refusé la demande. Votre autre session en a été informée.',
  'session.userByThem': 'La vérification a été annulée ou refusée dans l’autre session.',
  'session.timeout': 'La demande de vérification a expiré avant d’être terminée. Recommencez quand les deux sessions sont prêtes.',
  'session.unknownTransaction': 'L’autre session a perdu la trace de cette vérification (elle a peut-être été rechargée). Recommencez.',
  'session.unknownMethod': 'Vos sessions n’ont aucune méthode de vérification en commun. Utilisez plutôt votre clé ou phrase de sécurité.',
  'session.invalid': 'L’autre session a envoyé quelque chose que cette session n’a pas pu comprendre. Réessayez.',
  'session.keyMismatch': 'Les clés ne correspondaient pas. Quelqu’un interfère peut-être avec votre connexion. Ne faites pas confiance à cette session ; réessayez, ou utilisez votre clé de sécurité.',
  'session.userMismatch': 'L’autre session appartient à un autre compte que celui attendu. Ne lui faites pas confiance.',
  'session.commitment': 'Les clés de l’autre session ont changé pendant la vérification. Quelqu’un interfère peut-être avec votre connexion. Ne faites pas confiance à cette session.',
  'session.mismatchedSasByUs': 'Vous avez indiqué que les émojis ne correspondent pas ; la vérification a donc été arrêtée. Quelqu’un interfère peut-être avec votre connexion : ne faites pas confiance à cette session, et réessayez ou utilisez votre clé de sécurité.',
  'session.mismatchedSasByThem': 'Votre autre session a indiqué que les émojis ne correspondent pas ; la vérification a donc été arrêtée. Quelqu’un interfère peut-être avec votre connexion : ne faites pas confiance à cette session.',
  'session.accepted': 'Une autre de vos sessions a répondu à cette demande ; il n’y a donc rien à faire ici.',
  'session.signedOut': 'L’autre session a été déconnectée ; la vérification s’est donc arrêtée. Vérifiez avec une autre session, ou recommencez.',

  'other.unknownMethod': 'Vos sessions n’ont aucune méthode de vérification en commun. Dans l’autre session, utilisez plutôt votre clé ou phrase de sécurité.',
  'other.keyMismatch': 'Les clés ne correspondaient pas. Quelqu’un interfère peut-être avec votre connexion. Ne faites pas confiance à l’autre session tant qu’elle n’est pas vérifiée.',
  'other.commitment': 'Les clés de l’autre session ont changé pendant la vérification. Quelqu’un interfère peut-être avec votre connexion. Ne faites pas confiance à l’autre session tant qu’elle n’est pas vérifiée.',
  'other.mismatchedSasByUs': 'Vous avez indiqué que les émojis ne correspondent pas ; la vérification a donc été arrêtée. Quelqu’un interfère peut-être avec votre connexion : ne faites pas confiance à l’autre session tant qu’elle n’est pas vérifiée.',
  'other.mismatchedSasByThem': 'Votre autre session a indiqué que les émojis ne correspondent pas ; la vérification a donc été arrêtée. Quelqu’un interfère peut-être avec votre connexion : ne faites pas confiance à l’autre session tant qu’elle n’est pas vérifiée.',

  'user.declinedByUs': 'Vous avez refusé la demande. Cette personne en a été informée.',
  'user.userByThem': 'Cette personne a annulé ou refusé la vérification.',
  'user.timeout': 'La demande a expiré avant d’être terminée. Recommencez quand vous serez prêts tous les deux.',
  'user.unknownTransaction': 'Son application a perdu la trace de cette vérification. Recommencez.',
  'user.unknownMethod': 'Vos applications n’ont aucune méthode de vérification en commun.',
  'user.invalid': 'Son application a envoyé quelque chose que cette application n’a pas pu comprendre. Réessayez.',
  'user.keyMismatch': 'Les clés ne correspondaient pas. Quelqu’un interfère peut-être avec votre connexion. Ne faites pas confiance à l’identité de cette personne tant que vous ne l’avez pas vérifiée.',
  'user.userMismatch': 'L’autre partie appartient à un autre compte que celui attendu. Ne lui faites pas confiance.',
  'user.commitment': 'Ses clés ont changé pendant la vérification. Quelqu’un interfère peut-être avec votre connexion. Ne faites pas confiance à l’identité de cette personne tant que vous ne l’avez pas vérifiée.',
  'user.mismatchedSasByUs': 'Vous avez indiqué que les émojis ne correspondent pas ; la vérification a donc été arrêtée. Quelqu’un interfère peut-être avec votre connexion : ne faites pas confiance à l’identité de cette personne tant que vous ne l’avez pas vérifiée.',
  'user.mismatchedSasByThem': 'Cette personne a indiqué que les émojis ne correspondent pas ; la vérification a donc été arrêtée. Quelqu’un interfère peut-être avec votre connexion : ne faites pas confiance à l’identité de cette personne tant que vous ne l’avez pas vérifiée.',
  'user.accepted': 'La demande a reçu une réponse dans une autre de vos sessions ; il n’y a donc rien à faire ici.',
  'user.signedOut': 'Sa session a été déconnectée ; la vérification s’est donc arrêtée.',
} satisfies TranslationOf<typeof cancelStrings>;
