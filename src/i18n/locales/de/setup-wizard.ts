import type { setupStrings } from '../../../components/setup-wizard/setup-wizard.strings.js';
import type { TranslationOf } from '../../registry.js';

export default {
  notConnected: 'Noch nicht mit einem Matrix-Konto verbunden.',
  loading: 'Dein Konto wird geprüft …',
  loadFailed: 'Dein Konto konnte nicht geprüft werden.',
  retry: 'Erneut versuchen',
  continue: 'Weiter',

  explainHeading: 'Schütze deine Nachrichten',
  explainBody:
    'Du erhältst einen Sicherheitsschlüssel (oder wählst eine Sicherheitsphrase). Damit kannst du deine verschlüsselten Nachrichten auf jedem neuen Gerät lesen und beweisen, dass deine Sitzungen wirklich du bist. Bewahre ihn sicher auf: Niemand, nicht einmal dein Server, kann ihn für dich wiederherstellen.',
  askLater: 'Später fragen',
} satisfies TranslationOf<typeof setupStrings>;
