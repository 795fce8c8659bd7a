// The words of `<xs-status>`: what a state means, what its action is called, the warnings, the rows of buttons;
// another person's trust.
import { html, nothing, type TemplateResult } from 'lit';
import { explainFailure } from '../../i18n/errors.strings.js';
import type { LocalizeController } from '../../i18n/localize.js';
import { isolate } from '../../internal/bidi.js';
import type { Failure } from '../../sdk/errors.js';
import type { OwnView, PrimaryAction, UserView, Warning } from '../../state/status.js';
import { statusStrings } from './status.strings.js';

export type Key = keyof typeof statusStrings.en;

export const t = (l: LocalizeController, key: Key): string => l.t(statusStrings, key as 'details');

/** What the state means for the person (not after a verification: status.details.ts `afterVerification`). */
export function explain(l: LocalizeController, v: OwnView): string {
  const p = v.primary;
  const variant =
    v.state === 'keys-missing' ? (p?.kind === 'setup' ? '.storage' : '.verify')
    : v.state !== 'no-backup' ? ''
    : p?.kind === 'retry' ? '.unknown'
    : p?.kind === 'backup' && p.reason === 'untrusted' ? '.untrusted'
    : '';
  return t(l, `explain.${v.state}${variant}` as Key);
}

/** The label of a state's one primary action (the reasons with a label of their own: fixing key storage, getting keys back). */
export function actionLabel(l: LocalizeController, a: PrimaryAction): string {
  const own = 'reason' in a && (a.reason === 'secret-storage' || a.reason === 'keys-missing') ? `.${a.reason}` : '';
  return t(l, `action.${a.kind}${own}` as Key);
}

/** The warnings: changes made elsewhere (dismissible alerts) and conditions (status). */
export function warnings(l: LocalizeController, list: Warning[], dismiss: (w: Warning) => void): TemplateResult[] {
  return list.map(
    (w) => html`<div class="warning" part="warning" data-warning=${w.code}>
      <p role=${w.dismissible ? 'alert' : 'status'}>${t(l, `warning.${w.code}`)}${w.failure ? ` ${explainFailure(l.lang, w.failure)}` : ''}</p>
      ${w.dismissible ? html`<button type="button" part="action" @click=${() => dismiss(w)}>${t(l, 'action.dismiss')}</button>` : nothing}
    </div>`,
  );
}

/** A button of a row: its label, what a press does, `primary` for the row's main one, its `data-action`. */
export type Button = [label: string, press: () => void, primary?: boolean, action?: string];

/** A row of buttons: the state's actions (`part="footer"`), or the key storage row (`data-key-storage`). */
export function row(buttons: Button[], keyStorage = false, busy = false): TemplateResult | typeof nothing {
  if (!buttons.length) return nothing;
  return html`<div class="row" part=${keyStorage ? nothing : 'footer'} ?data-key-storage=${keyStorage}>
    ${buttons.map(
      ([label, press, primary, action]) =>
        html`<button type="button" class=${primary ? 'primary' : nothing} part="action" data-action=${action ?? nothing} ?disabled=${busy} @click=${press}>${label}</button>`,
    )}
  </div>`;
}

/** Another person's trust: whose, and what it means (a live region). */
export function userHeader(l: LocalizeController, userId: string, v: UserView, failure: Failure | null): TemplateResult {
  return html`<div part="header">
    <h2 id="headline">${l.t(statusStrings, 'user.heading', isolate(userId))}</h2>
    <p class="explain" part="status" role="status">${t(l, `user.${v.state}`)}${v.state === 'error' && failure ? ` ${explainFailure(l.lang, failure)}` : ''}</p>
  </div>`;
}
