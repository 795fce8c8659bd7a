import type { newPassphraseStrengthStrings } from '../../../components/new-passphrase/new-passphrase.strength.strings.js';
import type { TranslationOf } from '../../registry.js';

export default {
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
  warnCommon: 'C’est l’un des mots de passe les plus utilisés.',
  warnSimilar: 'Cela ressemble à un mot de passe très utilisé.',
  warnUserInputs: 'La phrase secrète contient votre nom d’utilisateur ou le nom de votre serveur.',
  warnKeyboard: 'Les rangées et les motifs de touches du clavier sont faciles à deviner.',
  warnRepeat: 'Les caractères ou mots répétés sont faciles à deviner.',
  warnSequence: 'Les suites comme « abc » ou « 6543 » sont faciles à deviner.',
  warnDates: 'Les dates et les années sont faciles à deviner.',
  warnSingleWord: 'Un seul mot est facile à deviner, dans n’importe quelle langue.',
  suggestMoreWords: 'Ajoutez un ou deux mots ; les mots inhabituels sont meilleurs.',
  suggestPredictable: 'Les majuscules, les chiffres à la place des lettres et les mots à l’envers ne la rendent guère plus difficile à deviner.',
  suggestAvoidPatterns: 'Évitez les dates, les années, les suites et les motifs de clavier.',
} satisfies TranslationOf<typeof newPassphraseStrengthStrings>;
