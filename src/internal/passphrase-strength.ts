/**
 * Passphrase strength estimate with zxcvbn-ts. The estimator and its dictionaries (~1.5 MB of source) are
 * loaded lazily, with dynamic `import()`, the first time a passphrase is estimated, so they stay out of the
 * initial bundle of every element that merely *can* ask for a passphrase.
 */
import type { ZxcvbnFactory } from '@zxcvbn-ts/core';

export type PassphraseScore = 0 | 1 | 2 | 3 | 4;

export interface PassphraseEstimate {
  /** 0 (trivially guessable) … 4 (very unguessable), zxcvbn's scale. */
  score: PassphraseScore;
  /** zxcvbn's main warning (English), when it has one. */
  warning?: string;
  /** zxcvbn's suggestions (English). */
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

let loading: Promise<ZxcvbnFactory> | undefined;

function loadEstimator(): Promise<ZxcvbnFactory> {
  loading ??= Promise.all([
    import('@zxcvbn-ts/core'),
    import('@zxcvbn-ts/language-common'),
    import('@zxcvbn-ts/language-en'),
  ]).then(
    ([core, common, en]) =>
      new core.ZxcvbnFactory({
        translations: en.translations,
        graphs: common.adjacencyGraphs,
        dictionary: { ...common.dictionary, ...en.dictionary },
        // Off: it compares the whole input with every dictionary word, which took 0.1–3.4 s per estimate
        // (on inputs of 16–24 characters) on the main thread. The l33t and dictionary matchers still run.
        useLevenshteinDistance: false,
      }),
    (err: unknown) => {
      loading = undefined; // let a later call retry (e.g. a flaky network while loading the chunk)
      throw err;
    },
  );
  return loading;
}

/** True once the estimator has been requested (tests use it to check the lazy loading). */
export function estimatorRequested(): boolean {
  return loading !== undefined;
}

/**
 * Estimates how hard `value` is to guess. `userInputs` (the user id, the server name…) count as known
 * words, so a passphrase built from them scores low. The value itself is never stored or logged.
 */
export async function estimatePassphrase(value: string, userInputs: string[] = []): Promise<PassphraseEstimate> {
  const zxcvbn = await loadEstimator();
  const inputs = userInputs.flatMap((s) => [s, ...s.split(/[^\p{L}\p{N}]+/u)]).filter((s) => s.length > 1);
  const result = await zxcvbn.checkAsync(value.slice(0, MAX_ESTIMATED), inputs);
  const estimate: PassphraseEstimate = {
    score: result.score as PassphraseScore,
    suggestions: [...result.feedback.suggestions],
  };
  if (result.feedback.warning) estimate.warning = result.feedback.warning;
  return estimate;
}
