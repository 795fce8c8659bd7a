import type { requestRowsStrings } from '../../../components/verification-requests/verification-requests.rows.strings.js';
import type { TranslationOf } from '../../registry.js';

export default {
  ownTitle: 'Eine deiner Sitzungen möchte verifiziert werden',
  otherTitle: 'Jemand möchte dich verifizieren',
  ownHint: 'Nimm nur an, wenn du dich gerade selbst dort angemeldet hast.',
  otherHint: 'Nimm nur an, wenn du mit der Person Emojis vergleichen kannst – persönlich oder in einem Anruf, dem du vertraust.',
  invisibleChars: 'Ein unsichtbares Zeichen in diesem Namen, angezeigt durch seinen Code',
  session: 'Sitzung',
  unnamedSession: 'Unbenannte Sitzung',
  lastSeen: (when: string) => `zuletzt aktiv ${when}`,
  lastSeenFrom: (when: string, ip: string) => `zuletzt aktiv ${when} von ${ip}`,
  expiresIn: (time: string) => `Läuft in ${time} ab`,
  reading: 'Es wird gelesen, wer anfragt …',
  accept: 'Annehmen',
  ignore: 'Ignorieren',
  dismiss: 'Schließen',
  arrived: 'Neue Verifizierungsanfrage.',
  handedOver: 'Die Anfrage wurde von der App geöffnet.',
} satisfies TranslationOf<typeof requestRowsStrings>;
