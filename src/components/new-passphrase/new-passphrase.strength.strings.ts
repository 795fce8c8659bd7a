import { defineStrings } from '../../i18n/registry.js';

/**
 * The strength in words (new-passphrase.strength.ts, loaded with the first keystroke or in an idle moment before):
 * the meter's names, the verdict, the estimator's findings and advice. Same namespace as new-passphrase.strings.ts.
 */
export const newPassphraseStrengthStrings = defineStrings('newPassphrase', {
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
  // What makes a passphrase weak (the estimator's findings; any language's words are rated alike).
  warnCommon: 'This is one of the most used passwords.',
  warnSimilar: 'This is close to a much used password.',
  warnUserInputs: 'It contains your user name or your server’s name.',
  warnKeyboard: 'Rows and shapes of keys on a keyboard are easy to guess.',
  warnRepeat: 'Repeated characters or words are easy to guess.',
  warnSequence: 'Sequences such as “abc” or “6543” are easy to guess.',
  warnDates: 'Dates and years are easy to guess.',
  warnSingleWord: 'A single word is easy to guess, in any language.',
  suggestMoreWords: 'Add another word or two; unusual words are better.',
  suggestPredictable: 'Capitals, digits for letters and reversed words don’t make it much harder to guess.',
  suggestAvoidPatterns: 'Avoid dates, years, sequences and keyboard patterns.',
});
