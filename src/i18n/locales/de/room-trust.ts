import type { roomTrustStrings } from '../../../components/room-trust/room-trust.strings.js';
import { num, plural } from '../../plural.js';
import type { TranslationOf } from '../../registry.js';

// `{name}` marks where a person's name goes (put in as inert, bidi-isolated text).
export default {
  heading: 'Verschlüsselung in diesem Raum',
  'summary.checking': 'Die Personen in diesem Raum werden geprüft …',
  'summary.unavailable.no-client': 'Mit dieser Ansicht ist noch kein Matrix-Konto verbunden.',
  'summary.unavailable.no-room': 'Dieser Raum ist diesem Konto noch nicht bekannt.',
  'summary.unavailable.no-crypto': 'Diese App wurde ohne Verschlüsselung gestartet, deshalb lässt sich das Vertrauen in diesem Raum nicht prüfen.',
  'summary.unavailable.error': 'Das Vertrauen in diesem Raum konnte nicht geprüft werden.',
  'summary.not-encrypted': 'Dieser Raum ist nicht verschlüsselt: Alles hier können die Server lesen.',
  'summary.identity-changed': 'Die Identität einer Person hat sich geändert. Sprich mit ihr, bevor du diesem Gespräch vertraust.',
  'summary.unsigned-sessions': 'Einige Personen hier haben Sitzungen, die sie nie verifiziert haben.',
  'summary.verified': 'Alle in diesem Raum sind verifiziert, und alle ihre Sitzungen sind signiert.',
  'summary.not-verified': 'Keine Warnungen. Nicht alle hier sind verifiziert.',
  progress: (done: number, total: number) => plural(total, {
    one: `${num(done)} von ${num(total)} Person geprüft.`,
    other: `${num(done)} von ${num(total)} Personen geprüft.`,
  }),
  'badge.checking': 'Wird geprüft …',
  'badge.unavailable': 'Vertrauen unbekannt',
  'badge.not-encrypted': 'Nicht verschlüsselt',
  'badge.identity-changed': 'Identität geändert',
  'badge.unsigned-sessions': 'Nicht verifizierte Sitzungen',
  'badge.verified': 'Verifizierter Raum',
  'badge.not-verified': 'Verschlüsselt',
  badgeLabel: (state: string) => `Verschlüsselung in diesem Raum: ${state}. Details anzeigen`,
  close: 'Schließen',
  retry: 'Erneut prüfen',
  'change.identity-changed': 'Die Identität von {name} wurde zurückgesetzt. Sprich mit {name}, bevor du diesem Gespräch vertraust.',
  'change.was-verified': 'Du hast {name} verifiziert, aber die Identität wurde zurückgesetzt. Sprich mit {name} und verifiziere die Person dann erneut oder zieh die Verifizierungspflicht zurück.',
  acknowledge: 'Zur Kenntnis nehmen',
  verify: 'Verifizieren',
  verifyAgain: 'Erneut verifizieren',
  withdraw: 'Verifizierungspflicht zurückziehen',
  showUnsigned: (n: number) => `Sitzungen anzeigen, die ihre Besitzer nicht verifiziert haben (${num(n)})`,
  hideUnsigned: 'Sitzungen ausblenden, die ihre Besitzer nicht verifiziert haben',
  noUnsigned: 'Jede Sitzung in diesem Raum wurde von ihrem Besitzer verifiziert.',
  'isolation.all': 'Nachrichtenschlüssel werden mit jeder Sitzung der Personen hier geteilt, auch mit Sitzungen, die ihre Besitzer nicht verifiziert haben.',
  invisibleChars: 'Ein unsichtbares Zeichen in diesem Namen, angezeigt durch seinen Code',
} satisfies TranslationOf<typeof roomTrustStrings>;
