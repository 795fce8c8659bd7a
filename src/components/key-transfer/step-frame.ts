// What every export and import step of <xs-key-transfer> is made of: its focused heading, the progress bar, a
// percentage in the element's language, and Back (to the choice, when the element offers both).
import { html, nothing, type TemplateResult } from 'lit';
import type { LocalizeController } from '../../i18n/localize.js';
import { keyTransferStepStrings as S } from './key-transfer-steps.strings.js';

type Terms = typeof S.en;
export type PlainKey = { [K in keyof Terms]: Terms[K] extends string ? K : never }[keyof Terms];

/** What a step needs from the element for its frame. */
export interface FrameContext {
  t: LocalizeController;
  /** Back to the choice; undefined when the element shows only one of export and import (`mode`). */
  back: (() => void) | undefined;
}

/** The step's heading, focused when the step changes (`data-stage-heading`). */
export function heading(c: FrameContext, key: PlainKey): TemplateResult {
  return html`<h3 tabindex="-1" data-stage-heading>${c.t.t(S, key)}</h3>`;
}

export function backButton(c: FrameContext): TemplateResult | typeof nothing {
  const back = c.back;
  return back ? html`<button type="button" part="action" @click=${() => back()}>${c.t.t(S, 'back')}</button>` : nothing;
}

export function percent(c: FrameContext, f: number): string {
  return c.t.number(Math.min(1, Math.max(0, f)), { style: 'percent' });
}

/** A determinate bar for `value` (0…1), an indeterminate one without. */
export function progress(c: FrameContext, value?: number): TemplateResult {
  return value === undefined
    ? html`<progress part="progress" aria-label=${c.t.t(S, 'progressLabel')}></progress>`
    : html`<progress part="progress" max="1" .value=${value} aria-label=${c.t.t(S, 'progressLabel')}></progress>`;
}
