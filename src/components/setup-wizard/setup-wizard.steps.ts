// Every step of <xs-setup-wizard> but the first screen of a new account (that one: setup-wizard.ts): where the account
// stands otherwise and the reset's confirmation (setup-wizard.intro.ts), making and saving the key, an existing key
// backup, the commit and its outcome. Loaded after the wizard's first render (in an idle moment), with the strings
// and the embedded elements these steps use.
import { html, nothing, type TemplateResult } from 'lit';
import '../../define/xs-auth-prompt.js';
import '../../define/xs-new-passphrase.js';
import { XsRequestVerifyEvent } from '../../events/xs-request-verify.js';
import type { LocalizeController } from '../../i18n/localize.js';
import { adoptStyles } from '../../internal/lazy-styles.js';
import type { SetupWizard, WizardStage } from '../../state/setup-wizard.js';
import { renderBackupStep } from './setup-wizard.backup.js';
import { RetryCountdown } from './setup-wizard.countdown.js';
import { renderIntroStep } from './setup-wizard.intro.js';
import { renderKeyStep } from './setup-wizard.key.js';
import { announceOutcome, renderOutcomeStep } from './setup-wizard.outcome.js';
import { setupStepStrings as L } from './setup-wizard.steps.strings.js';
import { setupStepStyles } from './setup-wizard.steps.styles.js';
import type { AnyKey, LaterState, LaterView, SetupKey, StepView, WizardHost } from './setup-wizard.view.js';

/** The element as the step renderers see it (built here, not by the element: only these steps need it). */
function stepView(h: WizardHost, localize: LocalizeController): StepView {
  return {
    localize,
    t: (key) => h.t(key),
    headingText: (text, hidden) => html`<h2 tabindex="-1" data-stage-heading class=${hidden ? 'visually-hidden' : nothing}>${text}</h2>`,
    button: (label, onClick, cls = '', disabled = false) =>
      html`<button type="button" part="action" class=${cls} ?disabled=${disabled} @click=${onClick}>${label}</button>`,
    emit: (event) => h.dispatchEvent(event),
    restart: () => h.restart(),
    state: h.laterState,
    redraw: () => h.requestUpdate(),
    root: h.shadowRoot!,
    userId: h.matrixClient?.getUserId() ?? '',
    updated: () => h.updateComplete,
  };
}

/** The first screen's view with the later steps' strings, styles and intents added. */
function laterView(h: WizardHost, localize: LocalizeController): LaterView {
  const v = stepView(h, localize);
  adoptStyles(v.root, setupStepStyles);
  const t = (key: AnyKey, ...args: string[]): string =>
    key in L.en
      ? (v.localize.t as (s: typeof L, k: string, ...a: string[]) => string).call(v.localize, L, key, ...args)
      : v.t(key as SetupKey);
  const keep = (patch: LaterState) => {
    Object.assign(v.state, patch);
    v.redraw();
  };
  return {
    ...v,
    t,
    keep,
    retryAt: v.state.countdown?.retryAt ?? 0,
    heading: (key, hidden) => v.headingText(t(key), hidden),
    num: (n) => v.localize.number(n),
    submitForm: (e, fn) => {
      e.preventDefault();
      fn(e.target as HTMLFormElement);
    },
    requestVerify: () => keep({ verifyHint: v.emit(new XsRequestVerifyEvent({ subject: 'this-session', reason: 'keys-missing', ...(v.userId ? { userId: v.userId } : {}) })) }),
  };
}

/**
 * The element follows the wizard from `prev` to `s` once these steps are here (they are whenever a commit is: only
 * they lead to one): the outcome's events, the rate-limit countdown, and what a step change clears.
 */
export function follow(h: WizardHost, localize: LocalizeController, prev: WizardStage, s: WizardStage): void {
  const v = stepView(h, localize);
  announceOutcome((event) => v.emit(event), v.localize.lang, prev, s);
  const st = v.state;
  (st.countdown ??= new RetryCountdown(() => v.redraw())).follow(prev, s);
  if (s.kind !== 'phrase') st.phraseValid = false;
  st.verifyHint = false;
}

/** Whether setting the same `mode` again starts the flow again: after "Ask me later", Done, a cancelled reset. */
export function restartsOnSameMode(s: WizardStage): boolean {
  return ['dismissed', 'done', 'done-without-backup', 'reset-cancelled'].includes(s.kind);
}

/** The element's custom state for a later step: `busy` while creating the key or saving, `done` at the end. */
export function customState(s: WizardStage): 'busy' | 'done' | undefined {
  return s.kind === 'generating' || s.kind === 'committing' ? 'busy' : s.kind === 'done' ? 'done' : undefined;
}

/**
 * A later step; without a wizard (`w`), the note for a client without createSecretStorageCallbacks(): the element
 * could not hand the key to the SDK (a developer's mistake).
 */
export function renderStep(h: WizardHost, localize: LocalizeController, s: WizardStage, w: SetupWizard | undefined): TemplateResult | undefined {
  const v = laterView(h, localize);
  if (!w) return html`<p role="alert">${v.t('misconfigured')}</p>`;
  if (s.kind === 'dismissed') {
    return html`<div part="base">
      <p part="status" role="status">${v.t('dismissed')}</p>
      <div class="row">${v.button(v.t('setUpNow'), () => v.restart())}</div>
    </div>`;
  }
  return renderIntroStep(v, s, w) ?? renderKeyStep(v, s, w) ?? renderBackupStep(v, s, w) ?? renderOutcomeStep(v, s, w);
}
