import type { cancelStrings } from '../../verification-cancel.strings.js';
import type { TranslationOf } from '../../registry.js';

export default {
  userByUs: 'Du hast die Verifizierung abgebrochen.',
  unexpected: 'Die Verifizierung ist aus dem Takt geraten. Versuch es noch einmal.',
  other: (code: string) => `Die Verifizierung wurde abgebrochen (${code}).`,

  'session.declinedByUs': 'Du hast die Anfrage abgelehnt. Deine andere Sitzung wurde informiert.',
  'session.userByThem': 'Die Verifizierung wurde in der anderen Sitzung abgebrochen oder abgelehnt.',
  'session.timeout': 'Die Verifizierungsanfrage ist abgelaufen, bevor sie abgeschlossen wurde. Beginne neu, wenn beide Sitzungen bereit sind.',
  'session.unknownTransaction': 'Die andere Sitzung hat diese Verifizierung verloren (sie wurde vielleicht neu geladen). Beginne neu.',
  'session.unknownMethod': 'Deine Sitzungen haben keine gemeinsame Verifizierungsmethode. Verwende stattdessen deinen Sicherheitsschlüssel bzw. deine Sicherheitsphrase.',
  'session.invalid': 'Die andere Sitzung hat etwas geschickt, das diese Sitzung nicht verstehen konnte. Versuch es noch einmal.',
  'session.keyMismatch': 'Die Schlüssel stimmten nicht überein. Vielleicht greift jemand in deine Verbindung ein. Vertraue dieser Sitzung nicht; versuch es noch einmal oder verwende deinen Sicherheitsschlüssel.',
  'session.userMismatch': 'Die andere Sitzung gehört zu einem anderen Konto als erwartet. Vertraue ihr nicht.',
  'session.commitment': 'Die Schlüssel der anderen Sitzung haben sich während der Verifizierung geändert. Vielleicht greift jemand in deine Verbindung ein. Vertraue dieser Sitzung nicht.',
  'session.mismatchedSasByUs': 'Du hast angegeben, dass die Emojis nicht übereinstimmen, deshalb wurde die Verifizierung gestoppt. Vielleicht greift jemand in deine Verbindung ein: Vertraue dieser Sitzung nicht, und versuch es noch einmal oder verwende deinen Sicherheitsschlüssel.',
  'session.mismatchedSasByThem': 'Deine andere Sitzung hat angegeben, dass die Emojis nicht übereinstimmen, deshalb wurde die Verifizierung gestoppt. Vielleicht greift jemand in deine Verbindung ein: Vertraue dieser Sitzung nicht.',
  'session.accepted': 'Eine andere deiner Sitzungen hat diese Anfrage beantwortet, hier gibt es also nichts zu tun.',
  'session.signedOut': 'Die andere Sitzung wurde abgemeldet, deshalb wurde die Verifizierung beendet. Verifiziere mit einer anderen Sitzung oder beginne neu.',

  'other.unknownMethod': 'Deine Sitzungen haben keine gemeinsame Verifizierungsmethode. Verwende in der anderen Sitzung stattdessen deinen Sicherheitsschlüssel bzw. deine Sicherheitsphrase.',
  'other.keyMismatch': 'Die Schlüssel stimmten nicht überein. Vielleicht greift jemand in deine Verbindung ein. Vertraue der anderen Sitzung nicht, bis sie verifiziert ist.',
  'other.commitment': 'Die Schlüssel der anderen Sitzung haben sich während der Verifizierung geändert. Vielleicht greift jemand in deine Verbindung ein. Vertraue der anderen Sitzung nicht, bis sie verifiziert ist.',
  'other.mismatchedSasByUs': 'Du hast angegeben, dass die Emojis nicht übereinstimmen, deshalb wurde die Verifizierung gestoppt. Vielleicht greift jemand in deine Verbindung ein: Vertraue der anderen Sitzung nicht, bis sie verifiziert ist.',
  'other.mismatchedSasByThem': 'Deine andere Sitzung hat angegeben, dass die Emojis nicht übereinstimmen, deshalb wurde die Verifizierung gestoppt. Vielleicht greift jemand in deine Verbindung ein: Vertraue der anderen Sitzung nicht, bis sie verifiziert ist.',

  'user.declinedByUs': 'Du hast die Anfrage abgelehnt. Die Person wurde informiert.',
  'user.userByThem': 'Die Person hat die Verifizierung abgebrochen oder abgelehnt.',
  'user.timeout': 'Die Anfrage ist abgelaufen, bevor sie abgeschlossen wurde. Beginnt neu, wenn ihr beide bereit seid.',
  'user.unknownTransaction': 'Ihre App hat diese Verifizierung verloren. Beginne neu.',
  'user.unknownMethod': 'Eure Apps haben keine gemeinsame Verifizierungsmethode.',
  'user.invalid': 'Ihre App hat etwas geschickt, das diese App nicht verstehen konnte. Versuch es noch einmal.',
  'user.keyMismatch': 'Die Schlüssel stimmten nicht überein. Vielleicht greift jemand in deine Verbindung ein. Vertraue der Identität dieser Person nicht, bis du sie verifiziert hast.',
  'user.userMismatch': 'Die Gegenseite gehört zu einem anderen Konto als erwartet. Vertraue ihr nicht.',
  'user.commitment': 'Ihre Schlüssel haben sich während der Verifizierung geändert. Vielleicht greift jemand in deine Verbindung ein. Vertraue der Identität dieser Person nicht, bis du sie verifiziert hast.',
  'user.mismatchedSasByUs': 'Du hast angegeben, dass die Emojis nicht übereinstimmen, deshalb wurde die Verifizierung gestoppt. Vielleicht greift jemand in deine Verbindung ein: Vertraue der Identität dieser Person nicht, bis du sie verifiziert hast.',
  'user.mismatchedSasByThem': 'Die Person hat angegeben, dass die Emojis nicht übereinstimmen, deshalb wurde die Verifizierung gestoppt. Vielleicht greift jemand in deine Verbindung ein: Vertraue der Identität dieser Person nicht, bis du sie verifiziert hast.',
  'user.accepted': 'Die Anfrage wurde in einer anderen deiner Sitzungen beantwortet, hier gibt es also nichts zu tun.',
  'user.signedOut': 'Ihre Sitzung wurde abgemeldet, deshalb wurde die Verifizierung beendet.',
} satisfies TranslationOf<typeof cancelStrings>;
