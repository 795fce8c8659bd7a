import { num } from '../../plural.js';
import type { errorStrings } from '../../errors.strings.js';
import type { TranslationOf } from '../../registry.js';

export default {
  network: 'Der Homeserver ist nicht erreichbar. Prüfe deine Verbindung und versuch es noch einmal.',
  rateLimited: 'Der Homeserver hat uns gebeten, langsamer zu machen. Versuch es gleich noch einmal.',
  rateLimitedFor: (seconds: number) => `Der Homeserver hat uns gebeten, langsamer zu machen. Du kannst es in ${num(seconds)} s noch einmal versuchen.`,
  server: (status: number) => `Der Homeserver hatte ein Problem (Fehler ${status}). Versuch es später noch einmal.`,
  unknownToken: 'Diese Sitzung wurde abgemeldet. Melde dich erneut an, um fortzufahren.',
  forbidden: 'Der Homeserver hat das abgelehnt.',
  notFound: 'Der Homeserver konnte das Angefragte nicht finden.',
  badRequest: (status: number) => `Der Homeserver hat die Anfrage abgelehnt (Fehler ${status}).`,
  timeout: 'Das dauert zu lange. Prüfe deine Verbindung und versuch es noch einmal.',
  aborted: 'Abgebrochen.',
  clientStopped: 'Der Matrix-Client wurde beendet.',
  unknown: 'Etwas ist schiefgelaufen.',
} satisfies TranslationOf<typeof errorStrings>;
