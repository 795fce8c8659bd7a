import type { verifyStrings } from '../../../components/verify-login/verify-login.strings.js';
import type { TranslationOf } from '../../registry.js';

export default {
  notConnected: 'Noch nicht mit einem Matrix-Konto verbunden.',
  startHeading: 'Diese Sitzung verifizieren',
  alreadyHeading: 'Diese Sitzung ist verifiziert',
  alreadyVerified: 'Diese Sitzung ist bereits verifiziert: Sie kann deine verschlüsselten Nachrichten lesen, und deine anderen Sitzungen vertrauen ihr. Hier gibt es nichts zu tun.',
  keysOutOfSync: 'Diese Sitzung ist verifiziert, aber ihre Schlüssel und deine Wiederherstellungsdaten sind nicht synchron. Gib deinen Sicherheitsschlüssel oder deine Sicherheitsphrase ein, um sie wieder zusammenzuführen.',
  startIntro: 'Beweise, dass du es wirklich bist, damit diese Sitzung deine verschlüsselten Nachrichten lesen kann und deine anderen Sitzungen ihr vertrauen.',
  useOtherSession: 'Mit einer anderen Sitzung verifizieren',
  useKey: 'Sicherheitsschlüssel oder Sicherheitsphrase verwenden',
  requesting: 'Die Anfrage wird gesendet …',
  cantConfirm: 'Bestätigen nicht möglich?',
  incomingHeading: 'Verifizierungsanfrage',
  incomingIntro: (deviceId: string) => `Deine Sitzung ${deviceId} möchte verifiziert werden. Nimm nur an, wenn du dich gerade dort angemeldet hast.`,
  incomingIntroUnknown: 'Eine deiner Sitzungen möchte verifiziert werden. Nimm nur an, wenn du dich gerade dort angemeldet hast.',
  accept: 'Annehmen',
  decline: 'Ablehnen',
} satisfies TranslationOf<typeof verifyStrings>;
