import { num } from '../../plural.js';
import type { authStrings } from '../../../components/auth-prompt/auth-prompt.strings.js';
import type { TranslationOf } from '../../registry.js';

export default {
  heading: 'Bestätige, dass du es bist',
  passwordIntro: 'Gib das Passwort deines Kontos ein, um fortzufahren.',
  passwordLabel: 'Passwort',
  submit: 'Weiter',
  cancel: 'Abbrechen',
  wrongPassword: 'Falsches Passwort. Versuch es noch einmal.',
  working: 'Wird geprüft …',
  fallbackIntro: 'Dein Homeserver bittet dich, auf seiner eigenen Seite zu bestätigen. Öffne sie, schließ den Vorgang dort ab und komm dann zurück.',
  oauthIntro: 'Dein Homeserver bittet dich, dies auf deiner Kontoseite zu genehmigen. Öffne sie, genehmige es und komm dann zurück.',
  open: 'Bestätigungsseite öffnen',
  confirmed: 'Ich habe bestätigt',
  notYet: 'Der Homeserver hat deine Bestätigung noch nicht gesehen. Schließ den Vorgang auf seiner Seite ab und versuch es dann noch einmal.',
  noUrl: 'Der Homeserver hat nicht mitgeteilt, wo du bestätigen sollst. Versuch es später noch einmal oder frag die Administration deines Servers.',
  urlRefused: 'Der Homeserver hat für diese Seite eine Adresse geschickt, die nicht sicher geöffnet werden kann. Sie wurde daher nicht geöffnet.',
  urlScheme: 'Es ist keine Webseitenadresse (sie beginnt nicht mit https://).',
  urlInsecure: 'Sie ist nicht verschlüsselt (http:// statt https://).',
  urlRelative: 'Sie ist unvollständig (kein https:// und kein Servername).',
  urlMalformed: 'Es ist keine gültige Webadresse.',
  urlCredentials: 'Sie enthält einen Benutzernamen oder ein Passwort.',
  urlWhatNow: 'Frag die Administration deines Servers oder brich ab.',
  rateLimited: (seconds: number) => `Zu viele Versuche – versuch es in ${num(seconds)} s noch einmal.`,
  rateLimitedCapped: (seconds: number) =>
    `Der Homeserver hat um eine viel längere Wartezeit gebeten. Nach ${num(seconds)} s kannst du es noch einmal versuchen; ist es dann noch zu früh, sagt er es dir.`,
  rateLimitedReady: 'Du kannst es jetzt noch einmal versuchen.',
  failed: 'Die Authentifizierung war nicht erfolgreich.',
  retry: 'Erneut versuchen',
  done: 'Bestätigt.',
  cancelled: 'Abgebrochen.',
} satisfies TranslationOf<typeof authStrings>;
