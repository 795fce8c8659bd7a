import type { setupStrings } from '../../../components/setup-wizard/setup-wizard.strings.js';
import type { TranslationOf } from '../../registry.js';

export default {
  notConnected: 'Noch nicht mit einem Matrix-Konto verbunden.',
  misconfigured:
    'Sichere Nachrichten lassen sich hier nicht einrichten: Diese App hat der Einrichtung keinen Zugriff auf den geheimen Speicher gegeben. (Für Entwickler: Erstelle den MatrixClient mit cryptoCallbacks: createSecretStorageCallbacks().)',
  loading: 'Dein Konto wird geprüft …',
  loadFailed: 'Dein Konto konnte nicht geprüft werden.',
  retry: 'Erneut versuchen',
  back: 'Zurück',
  close: 'Schließen',
  cancel: 'Abbrechen',
  continue: 'Weiter',

  explainHeading: 'Schütze deine Nachrichten',
  explainRepairHeading: 'Einrichtung sicherer Nachrichten abschließen',
  explainBody:
    'Du erhältst einen Sicherheitsschlüssel (oder wählst eine Sicherheitsphrase). Damit kannst du deine verschlüsselten Nachrichten auf jedem neuen Gerät lesen und beweisen, dass deine Sitzungen wirklich du bist. Bewahre ihn sicher auf: Niemand, nicht einmal dein Server, kann ihn für dich wiederherstellen.',
  explainRepairBody:
    'Eine frühere Einrichtung oder Zurücksetzung wurde nicht abgeschlossen. Diese Sitzung hat deine Identität noch, deshalb speichern wir sie erneut unter einem neuen Sicherheitsschlüssel. Es wird nichts gelöscht.',
  askLater: 'Später fragen',

  alreadyHeading: 'Sichere Nachrichten sind eingerichtet',
  alreadyBody: 'Deine Identität, dein Sicherheitsschlüssel und dein Schlüssel-Backup sind vorhanden. Du kannst deinen Sicherheitsschlüssel ändern oder alles zurücksetzen, falls du ihn verloren hast.',
  changeKey: 'Sicherheitsschlüssel ändern',
  reset: 'Verschlüsselung zurücksetzen',

  keysMissingHeading: 'Diese Sitzung verifizieren',
  keysMissingBody:
    'Dein Konto hat bereits eine sichere Identität, aber diese Sitzung hat ihre Schlüssel nicht. Verifiziere diese Sitzung mit einer anderen angemeldeten Sitzung oder deinem Sicherheitsschlüssel, statt alles neu einzurichten – eine neue Einrichtung würde deine Identität ersetzen.',
  verifyThisSession: 'Diese Sitzung verifizieren',
  verifyHint: 'Öffne eine deiner anderen angemeldeten Sitzungen oder verwende deinen Sicherheitsschlüssel, um diese Sitzung zu verifizieren.',
  resetInstead: 'Ich habe meinen Schlüssel verloren: stattdessen zurücksetzen',

  resetHeading: 'Verschlüsselung zurücksetzen',
  resetIntro: 'Tu das nur, wenn du deinen Sicherheitsschlüssel verloren hast und keine andere verifizierte Sitzung hast.',
  keptHeading: 'Du behältst',
  kept1: 'Dein Konto und dein Profil',
  kept2: 'Deine Kontakte und deine Räume',
  kept3: 'Auf diesem Gerät gespeicherte Nachrichten',
  lostHeading: 'Du verlierst',
  lost1: 'Verschlüsselten Verlauf, der nur auf dem Server gespeichert ist',
  lost2: 'Die Verifizierung deiner anderen Sitzungen',
  lost3: 'Die Verifizierung durch andere Personen: Sie sehen, dass sich deine Identität geändert hat',
  exportFirst: 'Exportiere zuerst deine Raumschlüssel',
  exportHint: 'Verwende die Funktion „Raumschlüssel exportieren“ deiner App, bevor du fortfährst.',
  noSessionWarning:
    'Keine deiner Sitzungen ist verifiziert. Nach dem Zurücksetzen bleibt der Verlauf, den du jetzt nicht lesen kannst, unlesbar. Wenn eine alte Sitzung später anbietet, ein Schlüssel-Backup zu teilen oder sich zu verifizieren, nimm das nur an, wenn du sicher bist, dass sie dir gehört.',
  resetContinue: 'Weiter zum Zurücksetzen',
  resetConfirmHeading: 'Zurücksetzen bestätigen',
  resetWord: 'zurücksetzen',
  resetConfirmLabel: (word: string) => `Gib „${word}“ ein, um zu bestätigen`,
  resetConfirmMismatch: (word: string) => `Gib genau „${word}“ ein, um fortzufahren.`,
  resetConfirmButton: 'Verschlüsselung zurücksetzen',

  chooseHeading: 'Wähle, wie du deine Nachrichten entsperrst',
  chooseChangeHeading: 'Wähle deinen neuen Sicherheitsschlüssel',
  chooseBody: 'Ein Sicherheitsschlüssel wird für dich erzeugt und ist sehr stark. Eine Sicherheitsphrase lässt sich leichter eingeben; einen Schlüssel bekommst du trotzdem als Reserve.',
  chooseKey: 'Sicherheitsschlüssel erzeugen',
  choosePhrase: 'Sicherheitsphrase eingeben',
} satisfies TranslationOf<typeof setupStrings>;
