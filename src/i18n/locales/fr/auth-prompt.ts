import { num } from '../../plural.js';
import type { authStrings } from '../../../components/auth-prompt/auth-prompt.strings.js';
import type { TranslationOf } from '../../registry.js';

export default {
  heading: 'Confirmez votre identité',
  passwordIntro: 'Saisissez le mot de passe de votre compte pour continuer.',
  passwordLabel: 'Mot de passe',
  submit: 'Continuer',
  cancel: 'Annuler',
  wrongPassword: 'Mot de passe incorrect. Réessayez.',
  working: 'Vérification…',
  fallbackIntro: 'Votre serveur d’accueil vous demande de confirmer sur sa propre page. Ouvrez-la, terminez là-bas, puis revenez ici.',
  oauthIntro: 'Votre serveur d’accueil vous demande d’approuver ceci sur la page de votre compte. Ouvrez-la, approuvez, puis revenez ici.',
  open: 'Ouvrir la page de confirmation',
  confirmed: 'J’ai confirmé',
  notYet: 'Le serveur d’accueil n’a pas encore reçu votre confirmation. Terminez sur sa page, puis réessayez.',
  noUrl: 'Le serveur d’accueil n’a pas indiqué où confirmer. Réessayez plus tard ou contactez l’administration de votre serveur.',
  urlRefused: 'Le serveur d’accueil a envoyé pour cette page une adresse qu’il n’est pas sûr d’ouvrir ; elle n’a donc pas été ouverte.',
  urlScheme: 'Ce n’est pas l’adresse d’une page web (elle ne commence pas par https://).',
  urlInsecure: 'Elle n’est pas chiffrée (http:// au lieu de https://).',
  urlRelative: 'Elle est incomplète (sans https:// ni nom de serveur).',
  urlMalformed: 'Ce n’est pas une adresse web valide.',
  urlCredentials: 'Elle contient un nom d’utilisateur ou un mot de passe.',
  urlWhatNow: 'Contactez l’administration de votre serveur, ou annulez.',
  rateLimited: (seconds: number) => `Trop de tentatives — réessayez dans ${num(seconds)} s.`,
  rateLimitedCapped: (seconds: number) =>
    `Le serveur d’accueil a demandé une attente beaucoup plus longue. Vous pourrez réessayer dans ${num(seconds)} s ; si c’est encore trop tôt, il vous le dira.`,
  rateLimitedReady: 'Vous pouvez réessayer maintenant.',
  failed: 'L’authentification n’a pas abouti.',
  retry: 'Réessayer',
  done: 'Confirmé.',
  cancelled: 'Annulé.',
} satisfies TranslationOf<typeof authStrings>;
