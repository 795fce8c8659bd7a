import type { sessionListStrings } from '../../../components/session-list/session-list.strings.js';
import { num, plural } from '../../plural.js';
import type { TranslationOf } from '../../registry.js';

const sessions = (n: number) => plural(n, { one: `${num(n)} Sitzung`, other: `${num(n)} Sitzungen` });

export default {
  heading: 'Sitzungen',
  notConnected: 'Nicht mit einem Matrix-Konto verbunden.',
  loading: 'Deine Sitzungen werden geladen …',
  noCrypto: 'In dieser App ist keine Verschlüsselung verfügbar, deshalb kann die Verifizierung nicht angezeigt werden.',
  dehydratedDevice: 'Dein Offline-Gerät ist an (es ist keine Sitzung).',

  currentHeading: 'Diese Sitzung',
  othersHeading: 'Andere Sitzungen',
  noOthers: 'Du hast keine anderen Sitzungen.',

  verified: 'Verifiziert',
  unverified: 'Nicht verifiziert',
  noKeys: 'Keine Verschlüsselung',
  trustUnknown: 'Verifizierung unbekannt',
  inactive: 'Inaktiv',
  inactiveFor: (days: number) => plural(days, { one: `Seit über ${num(days)} Tag inaktiv`, other: `Seit über ${num(days)} Tagen inaktiv` }),
  verifiedHint: 'Diese Sitzung ist bereit für sichere Nachrichten.',
  unverifiedHint: (n: number) => plural(n, {
    one: 'Verifiziere deine nicht verifizierte andere Sitzung oder melde sie ab, um die Sicherheit zu erhöhen.',
    other: 'Verifiziere deine nicht verifizierten anderen Sitzungen oder melde sie ab, um die Sicherheit zu erhöhen.',
  }),
  noKeysHint: 'Diese Sitzung hat keine Verschlüsselungsschlüssel: Sie kann keine verschlüsselten Nachrichten lesen oder senden.',
  currentUnverifiedHint: 'Verifiziere diese Sitzung, um deine verschlüsselten Nachrichten zu lesen und zu beweisen, dass du es bist.',
  inactiveHint: 'Melde dich am besten von anderen Sitzungen ab, die du nicht mehr verwendest.',

  lastActivity: (when: string) => `Zuletzt aktiv ${when}`,
  lastActivityUnknown: 'Letzte Aktivität unbekannt',
  ip: (ip: string) => `IP ${ip}`,
  unnamed: 'Unbenannte Sitzung',
  invisibleChars: 'Dieser Name enthält unsichtbare Zeichen, angezeigt durch ihren Code.',

  summaryHeading: 'Sicherheitsempfehlungen',
  summary: (unverified: number, inactive: number) => {
    const u = plural(unverified, {
      one: `${num(unverified)} deiner anderen Sitzungen ist nicht verifiziert`,
      other: `${num(unverified)} deiner anderen Sitzungen sind nicht verifiziert`,
    });
    const i = plural(inactive, {
      one: `${num(inactive)} deiner anderen Sitzungen ist inaktiv`,
      other: `${num(inactive)} deiner anderen Sitzungen sind inaktiv`,
    });
    return unverified && inactive
      ? `${u}, und ${plural(inactive, { one: `${num(inactive)} ist`, other: `${num(inactive)} sind` })} inaktiv.`
      : unverified ? `${u}.` : `${i}.`;
  },
  review: 'Ansehen',
  allGood: 'Keine Empfehlungen: Keine deiner anderen Sitzungen ist nicht verifiziert oder inaktiv.',

  filterLabel: 'Anzeigen',
  filterAll: (n: number) => `Alle (${num(n)})`,
  filterVerified: (n: number) => `Verifiziert (${num(n)})`,
  filterUnverified: (n: number) => `Nicht verifiziert (${num(n)})`,
  filterInactive: (n: number) => `Inaktiv (${num(n)})`,
  search: 'Sitzungen durchsuchen',
  searchPlaceholder: 'Name, ID oder IP',
  shown: (shown: number, total: number) => `${num(shown)} von ${sessions(total)} angezeigt`,

  select: (name: string) => `${name} auswählen`,
  selectShown: 'Alle angezeigten auswählen',
  signOutAllOthers: 'Alle anderen Sitzungen abmelden',

  details: 'Details',
  rename: 'Umbenennen',
  verify: 'Verifizieren',
  signOut: 'Abmelden',
  signOutCurrent: 'Diese Sitzung abmelden',
  verifyCurrent: 'Diese Sitzung verifizieren',
  cantVouch: 'Verifiziere zuerst diese Sitzung, um von hier aus deine anderen Sitzungen zu verifizieren.',

  clientOn: (client: string, os: string) => `${client} auf ${os}`,
  kindBrowser: 'Webbrowser',
  kindDesktop: 'Desktop-App',
  kindMobile: 'Mobile App',
  listLabel: 'Andere Sitzungen',
} satisfies TranslationOf<typeof sessionListStrings>;
