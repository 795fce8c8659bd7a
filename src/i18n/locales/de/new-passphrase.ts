import type { newPassphraseStrings } from '../../../components/new-passphrase/new-passphrase.strings.js';
import type { TranslationOf } from '../../registry.js';

export default {
  label: 'Passphrase',
  confirmLabel: 'Passphrase wiederholen',
  hint: 'Ein paar Wörter, die nichts miteinander zu tun haben, sind leichter zu merken und schwerer zu erraten als ein kurzes Passwort.',
  meterLabel: 'Stärke der Passphrase',
  mismatch: 'Die beiden Passphrasen stimmen nicht überein.',
} satisfies TranslationOf<typeof newPassphraseStrings>;
