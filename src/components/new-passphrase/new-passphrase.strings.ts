import { defineStrings } from '../../i18n/registry.js';

export const newPassphraseStrings = defineStrings('newPassphrase', {
  label: 'Passphrase',
  confirmLabel: 'Repeat the passphrase',
  hint: 'A few unrelated words are easier to remember and harder to guess than a short password.',
  meterLabel: 'Passphrase strength',
  score0: 'Very weak',
  score1: 'Weak',
  score2: 'Fair',
  score3: 'Strong',
  score4: 'Very strong',
  strength: (name: string) => `Strength: ${name}`,
  checking: 'Checking strength…',
  unavailable: 'The strength check could not be loaded.',
  tooWeak: (needed: string) => `Not strong enough yet: it needs to be at least “${needed}”.`,
  strongEnough: 'Strong enough.',
  mismatch: 'The two passphrases are not the same.',
});
