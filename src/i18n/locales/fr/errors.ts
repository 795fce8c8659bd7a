import { num } from '../../plural.js';
import type { errorStrings } from '../../errors.strings.js';
import type { TranslationOf } from '../../registry.js';

export default {
  network: 'Impossible de joindre le serveur d’accueil. Vérifiez votre connexion et réessayez.',
  rateLimited: 'Le serveur d’accueil nous a demandé de ralentir. Réessayez dans un instant.',
  rateLimitedFor: (seconds: number) => `Le serveur d’accueil nous a demandé de ralentir. Vous pourrez réessayer dans ${num(seconds)} s.`,
  server: (status: number) => `Le serveur d’accueil a rencontré un problème (erreur ${status}). Réessayez plus tard.`,
  unknownToken: 'Cette session a été déconnectée. Reconnectez-vous pour continuer.',
  forbidden: 'Le serveur d’accueil a refusé.',
  notFound: 'Le serveur d’accueil n’a pas trouvé ce qui était demandé.',
  badRequest: (status: number) => `Le serveur d’accueil a rejeté la requête (erreur ${status}).`,
  timeout: 'Cela prend trop de temps. Vérifiez votre connexion et réessayez.',
  aborted: 'Annulé.',
  clientStopped: 'Le client Matrix a été arrêté.',
  unknown: 'Une erreur s’est produite.',
} satisfies TranslationOf<typeof errorStrings>;
