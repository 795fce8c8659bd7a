import type { sessionListStrings } from '../../../components/session-list/session-list.strings.js';
import { num, plural } from '../../plural.js';
import type { TranslationOf } from '../../registry.js';

const sessions = (n: number) => plural(n, { one: `${num(n)} Sitzung`, other: `${num(n)} Sitzungen` });

export default {
  heading: 'Sitzungen',
  notConnected: 'Nicht mit einem Matrix-Konto verbunden.',
  loading: 'Deine Sitzungen werden geladen …',
  loadFailed: 'Deine Sitzungen konnten nicht geladen werden.',
  refreshFailed: 'Die Liste konnte nicht aktualisiert werden; sie ist möglicherweise veraltet.',
  retry: 'Erneut versuchen',
  noCrypto: 'In dieser App ist keine Verschlüsselung verfügbar, deshalb kann die Verifizierung nicht angezeigt werden.',
  dehydratedDevice: 'Dein Offline-Gerät ist an (es ist keine Sitzung).',

  currentHeading: 'Diese Sitzung',
  othersHeading: 'Andere Sitzungen',
  noOthers: 'Du hast keine anderen Sitzungen.',
  noMatch: 'Keine Sitzungen gefunden.',

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
  deviceId: 'Sitzungs-ID',
  fingerprint: 'Sitzungsschlüssel (ed25519)',
  lastSeenIp: 'IP-Adresse',
  lastSeen: 'Letzte Aktivität',
  noFingerprint: 'Keiner',
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
  selected: (n: number) => `${num(n)} ausgewählt`,
  clearSelection: 'Auswahl aufheben',
  signOutSelected: (n: number) => `${num(n)} ausgewählte abmelden`,
  signOutAllOthers: 'Alle anderen Sitzungen abmelden',

  details: 'Details',
  rename: 'Umbenennen',
  verify: 'Verifizieren',
  signOut: 'Abmelden',
  signOutCurrent: 'Diese Sitzung abmelden',
  verifyCurrent: 'Diese Sitzung verifizieren',
  verifyUnhandled: 'Um sie zu verifizieren, öffne diese Sitzung und starte die Verifizierung dort.',
  verifyCurrentUnhandled: 'Um diese Sitzung zu verifizieren, verwende eine andere angemeldete Sitzung oder deinen Sicherheitsschlüssel bzw. deine Sicherheitsphrase.',
  cantVouch: 'Verifiziere zuerst diese Sitzung, um von hier aus deine anderen Sitzungen zu verifizieren.',

  renameLabel: 'Sitzungsname',
  renameNote: 'Sitzungsnamen sind für die Personen sichtbar, mit denen du kommunizierst.',
  save: 'Speichern',
  saving: 'Wird gespeichert …',
  cancel: 'Abbrechen',
  renameEmpty: 'Gib einen Namen ein.',
  renameTooLong: (max: number) => `Der Name ist zu lang (höchstens ${num(max)} Zeichen).`,
  renameRefused: (reason: string) => `Der Homeserver hat den Namen abgelehnt: ${reason}`,
  renamed: 'Name gespeichert.',

  clientOn: (client: string, os: string) => `${client} auf ${os}`,
  kindBrowser: 'Webbrowser',
  kindDesktop: 'Desktop-App',
  kindMobile: 'Mobile App',

  confirmHeading: (n: number) => `${sessions(n)} abmelden?`,
  confirmCurrentHeading: 'Diese Sitzung abmelden?',
  confirmIntro: (n: number) => plural(n, {
    one: 'Diese Sitzung wird abgemeldet. Wer sie verwendet, muss sich erneut anmelden, und verschlüsselte Nachrichten, die nur sie lesen konnte, gehen verloren.',
    other: 'Diese Sitzungen werden abgemeldet. Wer sie verwendet, muss sich erneut anmelden, und verschlüsselte Nachrichten, die nur sie lesen konnten, gehen verloren.',
  }),
  confirmCurrentIntro: 'Du musst dich hier erneut anmelden. Stell vorher sicher, dass du deine verschlüsselten Nachrichten zurückbekommen kannst (über eine andere Sitzung oder deinen Sicherheitsschlüssel).',
  confirm: 'Abmelden',
  signingOut: 'Wird abgemeldet …',
  externalNote: 'Dein Konto wird auf der Kontoseite deines Homeservers verwaltet: Dort wird abgemeldet.',
  externalIntro: (host: string, n: number) => plural(n, {
    one: `Dein Konto wird von ${host} verwaltet. Öffne dort deine Kontoseite, melde diese Sitzung ab und komm dann hierher zurück. Diese Liste prüft von selbst, wenn du zurückkommst.`,
    other: `Dein Konto wird von ${host} verwaltet. Öffne dort deine Kontoseite, melde diese Sitzungen ab und komm dann hierher zurück. Diese Liste prüft von selbst, wenn du zurückkommst.`,
  }),
  externalRefused: 'Dein Homeserver gibt eine Kontoseite an, deren Adresse nicht sicher geöffnet werden kann. Sie wurde daher nicht geöffnet. Melde dich auf anderem Weg über deine Kontoseite ab oder frag die Administration deines Homeservers.',
  externalOpen: 'Kontoseite öffnen',
  externalOpenAgain: 'Kontoseite erneut öffnen',
  externalCheck: 'Erneut prüfen',
  externalWaiting: 'Warte darauf, dass du von der Kontoseite zurückkommst …',
  externalChecking: 'Es wird geprüft, welche Sitzungen noch angemeldet sind …',
  externalRemaining: (n: number) => plural(n, { one: 'Diese Sitzung ist noch angemeldet.', other: `${num(n)} davon sind noch angemeldet.` }),
  signedOut: (n: number) => `${sessions(n)} abgemeldet.`,
  signedOutCurrent: 'Diese Sitzung ist abgemeldet.',
  signOutFailed: 'Die Abmeldung war nicht erfolgreich.',
  checkingAccountPage: 'Es wird geprüft, wie dein Homeserver Sitzungen abmeldet …',
  lookupFailed: 'Dein Homeserver konnte nicht gefragt werden, wie Sitzungen bei ihm abgemeldet werden; deshalb wurde nichts abgemeldet.',
  close: 'Schließen',
  listLabel: 'Andere Sitzungen',
} satisfies TranslationOf<typeof sessionListStrings>;
