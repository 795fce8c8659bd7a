import type { keyStorageStrings } from '../../../components/key-storage/key-storage.strings.js';
import type { TranslationOf } from '../../registry.js';

export default {
  heading: 'Schlüsselspeicher',
  checkHeading: 'Sicherheitsschlüssel prüfen',
  noClient: 'Mit dieser Ansicht ist noch kein Matrix-Konto verbunden.',
  'state.checking': 'Dein Schlüsselspeicher wird geprüft …',
  'state.unknown': 'Ob deine Schlüssel gespeichert sind, konnte gerade nicht geprüft werden. Bis der Server antwortet, lässt sich nichts ändern.',
  'state.not-set-up': 'Für den Schlüsselspeicher muss zuerst die Verschlüsselung eingerichtet sein (deine Identität und ein Sicherheitsschlüssel).',
  'state.on': 'Der Schlüsselspeicher ist an: Die Schlüssel zu deinen Nachrichten sind auf dem Server gesichert, verschlüsselt mit deinem Sicherheitsschlüssel, sodass du deinen Verlauf in neuen Sitzungen lesen kannst.',
  'state.off': 'Der Schlüsselspeicher ist aus: Deine Nachrichtenschlüssel werden nicht gesichert. Verlierst du alle deine Sitzungen, verlierst du deinen verschlüsselten Verlauf.',
  'state.unusable': 'Auf dem Server gibt es ein Schlüssel-Backup, aber diese Sitzung kann es nicht verwenden. Verifiziere diese Sitzung oder richte die Verschlüsselung neu ein.',
  turnedOffElsewhere: 'Du hast den Schlüsselspeicher ausgeschaltet, deshalb fragen deine Apps nicht nach einem Backup.',
  dehydratedOn: 'Dein Offline-Gerät ist an: Es empfängt die Schlüssel zu neuen Nachrichten, während alle deine Sitzungen geschlossen sind.',
  turnOff: 'Schlüsselspeicher ausschalten',
  turnOn: 'Schlüsselspeicher einschalten',
  restore: 'Verlauf aus dem Backup wiederherstellen',
  checkKey: 'Meinen Sicherheitsschlüssel prüfen',
} satisfies TranslationOf<typeof keyStorageStrings>;
