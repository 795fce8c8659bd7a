import type { newPassphraseStrings } from '../../../components/new-passphrase/new-passphrase.strings.js';
import type { TranslationOf } from '../../registry.js';

export default {
  label: 'Passphrase',
  confirmLabel: 'Passphrase wiederholen',
  hint: 'Ein paar Wörter, die nichts miteinander zu tun haben, sind leichter zu merken und schwerer zu erraten als ein kurzes Passwort.',
  meterLabel: 'Stärke der Passphrase',
  score0: 'Sehr schwach',
  score1: 'Schwach',
  score2: 'Mittel',
  score3: 'Stark',
  score4: 'Sehr stark',
  strength: (name: string) => `Stärke: ${name}`,
  checking: 'Stärke wird geprüft …',
  unavailable: 'Die Stärkeprüfung konnte nicht geladen werden.',
  tooWeak: (needed: string) => `Noch nicht stark genug: Sie muss mindestens „${needed}“ sein.`,
  strongEnough: 'Stark genug.',
  mismatch: 'Die beiden Passphrasen stimmen nicht überein.',
} satisfies TranslationOf<typeof newPassphraseStrings>;
