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

/** Longer inputs are estimated on their first MAX_ESTIMATED characters: matching is super-linear. */
const MAX_ESTIMATED = 128;

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
        useLevenshteinDistance: true,
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
