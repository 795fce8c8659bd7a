import type { newPassphraseStrings } from '../../../components/new-passphrase/new-passphrase.strings.js';
import type { TranslationOf } from '../../registry.js';

export default {
  label: 'Phrase secrète',
  confirmLabel: 'Répétez la phrase secrète',
  hint: 'Quelques mots sans rapport entre eux sont plus faciles à retenir et plus difficiles à deviner qu’un mot de passe court.',
  meterLabel: 'Robustesse de la phrase secrète',
  score0: 'Très faible',
  score1: 'Faible',
  score2: 'Moyenne',
  score3: 'Forte',
  score4: 'Très forte',
  strength: (name: string) => `Robustesse : ${name}`,
  checking: 'Évaluation de la robustesse…',
  unavailable: 'L’évaluation de la robustesse n’a pas pu être chargée.',
  tooWeak: (needed: string) => `Pas encore assez robuste : elle doit être au moins « ${needed} ».`,
  strongEnough: 'Assez robuste.',
  mismatch: 'Les deux phrases secrètes ne sont pas identiques.',
} satisfies TranslationOf<typeof newPassphraseStrings>;
