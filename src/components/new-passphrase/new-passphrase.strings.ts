import { defineStrings } from '../../i18n/registry.js';

export const newPassphraseStrings = defineStrings('newPassphrase', {
  label: 'Passphrase',
  confirmLabel: 'Repeat the passphrase',
  hint: 'A few unrelated words are easier to remember and harder to guess than a short password.',
  meterLabel: 'Passphrase strength',
  mismatch: 'The two passphrases are not the same.',
});
