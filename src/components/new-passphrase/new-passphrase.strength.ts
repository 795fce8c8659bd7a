// The strength of `<xs-new-passphrase>` in words, and the estimate behind it: loaded with the first keystroke (or in
// an idle moment before it), not with the element — its first render is two empty fields (issue 17). The estimator
// itself is loaded later still, by passphrase-strength.ts, on the first estimate.
import { html, nothing, type TemplateResult } from 'lit';
import type { LocalizeController } from '../../i18n/localize.js';
import { estimateStrength, SUGGESTION_KEYS, WARNING_KEYS, type PassphraseScore, type StrengthVerdict } from '../../internal/passphrase-strength.js';
import { newPassphraseStrengthStrings as S } from './new-passphrase.strength.strings.js';

const SCORE_KEYS = ['score0', 'score1', 'score2', 'score3', 'score4'] as const;

export type Strength =
  | { kind: 'empty' }
  | { kind: 'checking' }
  | { kind: 'scored'; estimate: StrengthVerdict }
  | { kind: 'unavailable' };

/** The strength of `value` (scored, or unavailable when the estimator could not be loaded). */
export async function strengthOf(value: string, userInputs: string[]): Promise<Strength> {
  try {
    return { kind: 'scored', estimate: await estimateStrength(value, userInputs) };
  } catch {
    return { kind: 'unavailable' };
  }
}

/** The name of a score (0–4), e.g. for the meter's `aria-valuetext`. */
export function scoreName(l: LocalizeController, score: PassphraseScore): string {
  return l.t(S, SCORE_KEYS[score]);
}

/** The live region's text: checking, unavailable, or the strength with the verdict, the finding and the advice. */
export function renderStrength(l: LocalizeController, s: Strength, minScore: number): TemplateResult | string | typeof nothing {
  switch (s.kind) {
    case 'empty':
      return nothing;
    case 'checking':
      return l.t(S, 'checking');
    case 'unavailable':
      return l.t(S, 'unavailable');
    case 'scored': {
      const { score, warning, suggestions } = s.estimate;
      const verdict =
        score >= minScore
          ? l.t(S, 'strongEnough')
          : l.t(S, 'tooWeak', scoreName(l, Math.min(Math.max(minScore, 0), 4) as PassphraseScore));
      return html`${l.t(S, 'strength', scoreName(l, score))}. ${verdict}
        ${warning ? html`<br />${l.t(S, WARNING_KEYS[warning])}` : nothing}
        ${suggestions.length ? html`<ul>${suggestions.map((t) => html`<li>${l.t(S, SUGGESTION_KEYS[t])}</li>`)}</ul>` : nothing}`;
    }
  }
}
