import type { verifyUserStrings } from '../../../components/verify-user/verify-user.strings.js';
import type { TranslationOf } from '../../registry.js';

export default {
  notConnected: 'Noch nicht mit einem Matrix-Konto verbunden.',
  noUser: 'Keine Person zum Verifizieren ausgewählt.',
  invisibleChars: 'Ein unsichtbares Zeichen in diesem Namen, angezeigt durch seinen Code',
  whoLabel: 'Person',
  startHeading: 'Diese Person verifizieren',
  startIntro: 'Stell sicher, dass du wirklich mit der Person sprichst und niemand mithört: Ihr vergleicht Emojis (oder Zahlen) miteinander, persönlich oder in einem Anruf, dem du vertraust.',
  startButton: 'Verifizierung starten',
  alreadyHeading: 'Verifiziert',
  alreadyVerified: 'Du hast diese Person bereits verifiziert. Du kannst sie erneut verifizieren, zum Beispiel nachdem ihr euch getroffen habt.',
  verifyAgain: 'Erneut verifizieren',
  incomingHeading: 'Verifizierungsanfrage',
  incomingIntro: 'Diese Person möchte dich verifizieren. Nimm nur an, wenn du mit ihr Emojis vergleichen kannst – persönlich oder in einem Anruf, dem du vertraust.',
  accept: 'Annehmen',
  decline: 'Ablehnen',
} satisfies TranslationOf<typeof verifyUserStrings>;
