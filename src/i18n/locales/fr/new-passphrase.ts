import type { newPassphraseStrings } from '../../../components/new-passphrase/new-passphrase.strings.js';
import type { TranslationOf } from '../../registry.js';

export default {
  label: 'Phrase secrète',
  confirmLabel: 'Répétez la phrase secrète',
  hint: 'Quelques mots sans rapport entre eux sont plus faciles à retenir et plus difficiles à deviner qu’un mot de passe court.',
  meterLabel: 'Robustesse de la phrase secrète',
  mismatch: 'Les deux phrases secrètes ne sont pas identiques.',
} satisfies TranslationOf<typeof newPassphraseStrings>;
