// The words of `<xs-status>`: what a state means, what its action is called, the warnings; another person's trust.
import { html, nothing, type TemplateResult } from 'lit';
import { explainFailure } from '../../i18n/errors.strings.js';
import type { KeyStorageRequest } from '../../events/xs-request-key-storage.js';
import type { LocalizeController } from '../../i18n/localize.js';
import { isolate } from '../../internal/bidi.js';
import type { Failure } from '../../sdk/errors.js';
import type { OwnStatusSnapshot } from '../../sdk/status.js';
import type { OwnView, UserAction, UserView, Warning } from '../../state/status.js';
import { statusStrings } from './status.strings.js';

type Key = keyof typeof statusStrings.en;

const t = (l: LocalizeController, key: Key): string => l.t(statusStrings, key as 'details');

/** What the state means for the person (not after a verification: status.details.ts `afterVerification`). */
export function explain(l: LocalizeController, v: OwnView): string {
  switch (v.state) {
    case 'keys-missing':
      return t(l, v.primary?.kind === 'setup' ? 'explain.keys-missing.storage' : 'explain.keys-missing.verify');
    case 'no-backup':
      if (v.primary?.kind === 'retry') return t(l, 'explain.no-backup.unknown');
      return t(l, v.primary?.kind === 'backup' && v.primary.reason === 'untrusted' ? 'explain.no-backup.untrusted' : 'explain.no-backup');
    default:
      return t(l, `explain.${v.state as Exclude<typeof v.state, 'receiving-keys'>}`);
  }
}

/** The label of the state's one primary action. */
export function actionLabel(l: LocalizeController, v: OwnView): string {
  const a = v.primary!;
  switch (a.kind) {
    case 'setup':
      return t(l, a.reason === 'secret-storage' ? 'action.setup.secret-storage' : 'action.setup');
    case 'verify':
      return t(l, a.reason === 'keys-missing' ? 'action.verify.keys-missing' : 'action.verify');
    case 'backup':
      return t(l, 'action.backup');
    case 'retry':
      return t(l, 'action.retry');
  }
}

/** The warnings: changes made elsewhere (dismissible alerts) and conditions (status). */
export function warnings(l: LocalizeController, list: Warning[], dismiss: (w: Warning) => void): TemplateResult[] | typeof nothing {
  if (!list.length) return nothing;
  return list.map(
    (w) => html`<div class="warning" part="warning" data-warning=${w.code}>
      <p role=${w.dismissible ? 'alert' : 'status'}>
        ${t(l, `warning.${w.code}`)}${w.failure ? html` ${explainFailure(l.lang, w.failure)}` : nothing}
      </p>
      ${w.dismissible ? html`<button type="button" part="action" @click=${() => dismiss(w)}>${t(l, 'action.dismiss')}</button>` : nothing}
    </div>`,
  );
}

/**
 * "Key storage" and "Check my Security Key", for a verified session of a set-up account — not while its keys are
 * still arriving (nothing to decide yet).
 */
export function keyStorageActions(l: LocalizeController, s: OwnStatusSnapshot | null, v: OwnView, ask: (action: KeyStorageRequest) => void): TemplateResult | typeof nothing {
  if (!s?.crossSigning.published || !s.device.crossSigningVerified || v.state === 'receiving-keys') return nothing;
  return html`<div class="row" data-key-storage>
    <button type="button" part="action" @click=${() => ask('manage')}>${t(l, 'action.key-storage')}</button>
    <button type="button" part="action" @click=${() => ask('check-key')}>${t(l, 'action.check-key')}</button>
  </div>`;
}

/** Another person's trust: whose, and what it means (a live region). */
export function userHeader(l: LocalizeController, userId: string, v: UserView, failure: Failure | null): TemplateResult {
  return html`<div part="header">
    <h2 id="headline">${l.t(statusStrings, 'user.heading', isolate(userId))}</h2>
    <p class="explain" part="status" role="status">${t(l, `user.${v.state}`)}${v.state === 'error' && failure ? ` ${explainFailure(l.lang, failure)}` : ''}</p>
  </div>`;
}

/** The actions on another person's identity, the first one primary. */
export function userActions(l: LocalizeController, v: UserView, busy: boolean, act: (a: UserAction) => void): TemplateResult | typeof nothing {
  if (!v.actions.length) return nothing;
  return html`<div class="row" part="footer">
    ${v.actions.map(
      (a, i) => html`<button type="button" class=${i === 0 ? 'primary' : ''} part="action" data-action=${a} ?disabled=${busy} @click=${() => act(a)}>${t(l, `user.action.${a}`)}</button>`,
    )}
  </div>`;
}
