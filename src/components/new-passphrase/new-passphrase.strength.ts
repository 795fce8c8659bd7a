// What typing in `<xs-new-passphrase>` does — compare the fields, ask for the estimate, tell whether the passphrase is
// valid — and its strength in words: loaded with the first keystroke (or in an idle moment before it), not with the
// element — its first render is two empty fields (issue 17). The estimator itself is loaded later still, by
// passphrase-strength.ts, on the first estimate.
import { css, html, nothing, type TemplateResult } from 'lit';
import { XsPassphraseValidityEvent } from '../../events/xs-passphrase-validity.js';
import { adoptStyles } from '../../internal/lazy-styles.js';
import type { LocalizeController } from '../../i18n/localize.js';
import { estimateStrength, SUGGESTION_KEYS, WARNING_KEYS, type PassphraseScore, type StrengthVerdict } from '../../internal/passphrase-strength.js';
import { newPassphraseStrengthStrings as S } from './new-passphrase.strength.strings.js';

const SCORE_KEYS = ['score0', 'score1', 'score2', 'score3', 'score4'] as const;

export type Strength =
  | { kind: 'empty' }
  | { kind: 'checking' }
  | { kind: 'scored'; estimate: StrengthVerdict }
  | { kind: 'unavailable' };

/** The estimator's advice (a list under the strength), adopted with the first estimate. */
export const strengthStyles = css`
  @layer xs-component {
    .strength ul {
      margin: var(--xs-space-xs, 0.25rem) 0 0;
      padding-inline-start: 1.25rem;
    }
  }
`;

/** What this module reads and sets on `<xs-new-passphrase>` (its `@internal` members). */
export interface PassphraseHost extends HTMLElement {
  readonly passInput?: HTMLInputElement | undefined;
  readonly confirmInput?: HTMLInputElement | undefined;
  readonly minScore: number;
  readonly userInputs: string[];
  strength: Strength;
  confirmTouched: boolean;
  confirmMatches: boolean;
  estimateSeq: number;
  lastValid: boolean;
}

const pass = (h: PassphraseHost) => h.passInput?.value ?? '';
const confirmation = (h: PassphraseHost) => h.confirmInput?.value ?? '';

/** Strong enough (score ≥ `minScore`) and the confirmation equals the passphrase. */
export function isValid(h: PassphraseHost): boolean {
  const p = pass(h);
  return p.length > 0 && h.strength.kind === 'scored' && h.strength.estimate.score >= h.minScore && p === confirmation(h);
}

/** Sets the custom states and tells a change of validity (xs-passphrase-validity, `valid` only). */
export function checkValidity(h: PassphraseHost, setState: (name: string, on: boolean) => void): void {
  const valid = isValid(h);
  setState('valid', valid);
  setState('mismatch', h.confirmTouched && !h.confirmMatches);
  if (valid !== h.lastValid) {
    h.lastValid = valid;
    h.dispatchEvent(new XsPassphraseValidityEvent(valid));
  }
}

/** What `clear()` resets besides the fields: the estimate (a running one is dropped), the match, the touch. */
export function reset(h: PassphraseHost): void {
  h.estimateSeq++;
  h.strength = { kind: 'empty' };
  h.confirmTouched = false;
  h.confirmMatches = true;
}

/** Asks for the estimate of the passphrase as it is now; a later request wins. */
export async function estimate(h: PassphraseHost): Promise<void> {
  adoptStyles(h.shadowRoot, strengthStyles);
  const value = pass(h);
  const seq = ++h.estimateSeq;
  if (!value) {
    h.strength = { kind: 'empty' };
    return;
  }
  if (h.strength.kind !== 'scored') h.strength = { kind: 'checking' };
  const next = await strengthOf(value, h.userInputs);
  if (seq === h.estimateSeq) h.strength = next;
}

/**
 * Typing in either field (`blur`: leaving the confirmation). The confirmation counts as touched once it is as long as
 * the passphrase, or left with text in it: a difference is shown from then on, not while someone is still typing.
 */
export function onField(h: PassphraseHost, blur: boolean, inConfirm: boolean): void {
  const c = confirmation(h);
  if (inConfirm && c && (blur || c.length >= pass(h).length)) h.confirmTouched = true;
  h.confirmMatches = pass(h) === c;
  if (!inConfirm) void estimate(h);
}

/** Enter submits the surrounding form: the inputs live in the element's shadow root, so it wouldn't by itself. */
export function onKeyDown(h: PassphraseHost, e: KeyboardEvent): void {
  if (e.key !== 'Enter' || e.isComposing) return;
  const form = h.closest('form');
  if (form) {
    e.preventDefault();
    form.requestSubmit();
  }
}

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

/** The meter's `aria-valuetext`: the score's name once scored. */
export function scoreText(l: LocalizeController, s: Strength): string {
  return s.kind === 'scored' ? scoreName(l, s.estimate.score) : '';
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
