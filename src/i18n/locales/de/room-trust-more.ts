import type { roomTrustMoreStrings } from '../../../components/room-trust/room-trust.more.strings.js';
import { num, plural } from '../../plural.js';
import type { TranslationOf } from '../../registry.js';

export default {
  working: 'Wird gespeichert …',
  'done.acknowledge': 'Die neue Identität von {name} wurde zur Kenntnis genommen.',
  'done.withdraw': 'Die Verifizierungspflicht für {name} wurde zurückgezogen.',
  'not-applied': 'Die Identität von {name} wird noch als geändert angezeigt: Sie hat sich vielleicht erneut geändert. Sprich mit {name}.',
  'failed.acknowledge': 'Die neue Identität von {name} konnte nicht zur Kenntnis genommen werden.',
  'failed.withdraw': 'Die Verifizierungspflicht für {name} konnte nicht zurückgezogen werden.',
  unhandledVerify: 'Diese App kann Personen hier nicht verifizieren. Verifiziere sie in deiner Matrix-App.',
  unsignedHeading: 'Sitzungen, die ihre Besitzer nicht verifiziert haben',
  unnamedSession: 'Unbenannte Sitzung',
  dismiss: 'Ausblenden',
  dismissLabel: (name: string) => `Die Warnung zu den Sitzungen von ${name} ausblenden`,
  dismissed: 'Ausgeblendet',
  'isolation.only-signed': 'Nachrichtenschlüssel werden nur mit Sitzungen geteilt, die ihre Besitzer verifiziert haben.',
  withheldIntro: 'Diese Personen erhalten auf den Sitzungen, die sie nicht verifiziert haben, keine Schlüssel:',
  withheldCount: (n: number) => plural(n, { one: `${num(n)} Sitzung`, other: `${num(n)} Sitzungen` }),
  noneWithheld: 'Jede Sitzung hier erhält Schlüssel.',
  blocking: 'Das Senden kann fehlschlagen, bis du über die geänderte Identität von {name} entschieden hast.',
} satisfies TranslationOf<typeof roomTrustMoreStrings>;
