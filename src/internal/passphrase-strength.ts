/**
 * Passphrase strength. The estimator (zxcvbn-ts core with the most used passwords and keyboard layouts, and no word
 * list of any language: see passphrase-estimator.ts) is loaded lazily, with dynamic `import()`, the first time a
 * passphrase is estimated, so it stays out of the initial bundle of every element that merely *can* ask for one.
 * docs/passphrase-strength.md explains the model and its size.
 */
import { translate } from '../i18n/registry.js';
import type { StrengthVerdict } from './passphrase-estimator.js';

export type { StrengthSuggestion, StrengthVerdict, StrengthWarning } from './passphrase-estimator.js';

export type PassphraseScore = 0 | 1 | 2 | 3 | 4;

export interface PassphraseEstimate {
  /** 0 (trivially guessable) … 4 (very unguessable), zxcvbn's scale. */
  score: PassphraseScore;
  /** What makes it weak, when something does (in the language asked for, English by default). */
  warning?: string;
  /** Advice (same language). */
  suggestions: string[];
}

/**
 * Longer inputs are estimated on their first MAX_ESTIMATED characters. zxcvbn's matching is super-linear and
 * runs on the main thread: measured in Chromium, a 128-character prefix of a digit sequence blocked the page
 * for 0.3 s (1.3 s with Levenshtein matching on), a 32-character one for under 0.08 s. A prefix can only
 * under-rate a phrase (the rest adds guesses), never over-rate it, so a bounded prefix is safe.
 * `passphrase-strength.test.ts` measures the bound on 10 000-character inputs.
 */
export const MAX_ESTIMATED = 32;

let loading: Promise<typeof import('./passphrase-estimator.js')> | undefined;

function loadEstimator() {
  loading ??= import('./passphrase-estimator.js').catch((err: unknown) => {
    loading = undefined; // let a later call retry (e.g. a flaky network while loading the chunk)
    throw err;
  });
  return loading;
}

/** True once the estimator has been requested (tests use it to check the lazy loading). */
export function estimatorRequested(): boolean {
  return loading !== undefined;
}

/** The user inputs as the estimator takes them: each whole, and each of its words (`@alice:example.org` → alice, example, org). */
function userWords(userInputs: string[]): string[] {
  return userInputs.flatMap((s) => [s, ...s.split(/[^\p{L}\p{N}]+/u)]).filter((s) => s.length > 1);
}

/**
 * The verdict as keys of the element's strings (`<xs-new-passphrase>` renders them in its language). The value
 * itself is never stored or logged.
 */
export async function estimateStrength(value: string, userInputs: string[] = []): Promise<StrengthVerdict> {
  const estimator = await loadEstimator();
  return estimator.estimateStrength(value.slice(0, MAX_ESTIMATED), userWords(userInputs));
}

/**
 * Estimates how hard `value` is to guess. `userInputs` (the user id, the server name…) count as known
 * words, so a passphrase built from them scores low. `lang` picks the language of the warning and the advice
 * (registered translations of `newPassphrase.*`; English by default). The value itself is never stored or logged.
 */
export async function estimatePassphrase(value: string, userInputs: string[] = [], lang = 'en'): Promise<PassphraseEstimate> {
  // The words load like the estimator, when first needed (not with `<xs-new-passphrase>`'s first render).
  const [verdict, { newPassphraseStrengthStrings }] = await Promise.all([
    estimateStrength(value, userInputs),
    import('../components/new-passphrase/new-passphrase.strength.strings.js'),
  ]);
  const estimate: PassphraseEstimate = {
    score: verdict.score,
    suggestions: verdict.suggestions.map((s) => translate(lang, newPassphraseStrengthStrings, SUGGESTION_KEYS[s])),
  };
  if (verdict.warning) estimate.warning = translate(lang, newPassphraseStrengthStrings, WARNING_KEYS[verdict.warning]);
  return estimate;
}

/** The strings that say each warning and suggestion. */
export const WARNING_KEYS = {
  common: 'warnCommon', similar: 'warnSimilar', userInputs: 'warnUserInputs', keyboard: 'warnKeyboard',
  repeat: 'warnRepeat', sequence: 'warnSequence', dates: 'warnDates', singleWord: 'warnSingleWord',
} as const;
export const SUGGESTION_KEYS = { moreWords: 'suggestMoreWords', predictable: 'suggestPredictable', avoidPatterns: 'suggestAvoidPatterns' } as const;
