import type { sessionActionStrings } from '../../../components/session-list/session-actions.strings.js';
import { num, plural } from '../../plural.js';
import type { TranslationOf } from '../../registry.js';

const sessions = (n: number) => plural(n, { one: `${num(n)} Sitzung`, other: `${num(n)} Sitzungen` });

export default {
  deviceId: 'Sitzungs-ID',
  fingerprint: 'Sitzungsschlüssel (ed25519)',
  lastSeenIp: 'IP-Adresse',
  lastSeen: 'Letzte Aktivität',
  noFingerprint: 'Keiner',
  verifyUnhandled: 'Um sie zu verifizieren, öffne diese Sitzung und starte die Verifizierung dort.',
  verifyCurrentUnhandled: 'Um diese Sitzung zu verifizieren, verwende eine andere angemeldete Sitzung oder deinen Sicherheitsschlüssel bzw. deine Sicherheitsphrase.',

  renameLabel: 'Sitzungsname',
  renameNote: 'Sitzungsnamen sind für die Personen sichtbar, mit denen du kommunizierst.',
  save: 'Speichern',
  saving: 'Wird gespeichert …',
  cancel: 'Abbrechen',
  renameEmpty: 'Gib einen Namen ein.',
  renameTooLong: (max: number) => `Der Name ist zu lang (höchstens ${num(max)} Zeichen).`,
  renameRefused: (reason: string) => `Der Homeserver hat den Namen abgelehnt: ${reason}`,
  renamed: 'Name gespeichert.',

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
  loadFailed: 'Deine Sitzungen konnten nicht geladen werden.',
  refreshFailed: 'Die Liste konnte nicht aktualisiert werden; sie ist möglicherweise veraltet.',
  retry: 'Erneut versuchen',
  noMatch: 'Keine Sitzungen gefunden.',
  selected: (n: number) => `${num(n)} ausgewählt`,
  clearSelection: 'Auswahl aufheben',
  signOutSelected: (n: number) => `${num(n)} ausgewählte abmelden`,
} satisfies TranslationOf<typeof sessionActionStrings>;
