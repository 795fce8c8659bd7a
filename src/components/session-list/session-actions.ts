// What <xs-session-list> loads after its first render (in the first idle moment, or when a person first needs it): a
// session's details, the rename form, the note at a row ("Name saved."), the sign-out panel with <xs-auth-prompt>,
// and the hand-off to an OAuth account service's page. The words of these parts come with them
// (session-actions.strings.ts).
import { html, nothing, type TemplateResult } from 'lit';
import '../../define/xs-auth-prompt.js';
import { explainFailure } from '../../i18n/errors.strings.js';
import type { SessionRow } from '../../sdk/sessions.js';
import { MAX_NAME_LENGTH } from '../../state/session-list.js';
import { ta } from './action-words.js';
import type { PartsContext } from './session-parts.js';

export { AccountPageReturn } from './account-page-return.js';
export { renderSignOutPanel } from './sign-out-panel.js';

export function details(c: PartsContext, row: SessionRow): TemplateResult {
  return html`<dl class="details session-wide">
    <dt>${ta(c, 'deviceId')}</dt><dd>${row.deviceId}</dd>
    <dt>${ta(c, 'fingerprint')}</dt><dd>${row.fingerprint ?? ta(c, 'noFingerprint')}</dd>
    <dt>${ta(c, 'lastSeenIp')}</dt><dd>${row.lastSeenIp ?? '—'}</dd>
    <dt>${ta(c, 'lastSeen')}</dt><dd>${row.lastSeenTs !== null ? c.abs.format(row.lastSeenTs) : '—'}</dd>
  </dl>`;
}

export function renameForm(c: PartsContext, row: SessionRow): TemplateResult | typeof nothing {
  const r = c.model.rename;
  if (!r || r.deviceId !== row.deviceId) return nothing;
  const k = c.keyOf(row.deviceId);
  const error = r.kind === 'editing' ? r.error : undefined;
  const errorText = !error ? '' : error.kind === 'empty' ? ta(c, 'renameEmpty')
    : ta(c, 'renameRefused', error.failure.detail && error.failure.httpStatus ? error.failure.detail : explainFailure(c.lang, error.failure));
  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    const input = (e.target as HTMLFormElement).querySelector<HTMLInputElement>('input[name=session-name]');
    void c.model.saveRename(input?.value ?? '');
  };
  const key = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    c.model.cancelRename();
    c.focusLater(`[data-id="${k}"] button[data-action=rename]`);
  };
  return html`<form class="rename session-wide" @submit=${submit} @keydown=${key}>
    <label for="rn-${k}">${ta(c, 'renameLabel')}</label>
    <input id="rn-${k}" name="session-name" type="text" autocomplete="off" spellcheck="false" maxlength=${MAX_NAME_LENGTH * 4}
      .value=${r.draft} ?disabled=${r.kind === 'saving'} aria-describedby="rnn-${k}${error ? ` rne-${k}` : ''}"
      aria-invalid=${error ? 'true' : 'false'} />
    <p class="hint" id="rnn-${k}">${ta(c, 'renameNote')}</p>
    ${error ? html`<p role="alert" id="rne-${k}">${errorText}</p>` : nothing}
    <div class="row">
      <button type="submit" class="primary" part="action" ?disabled=${r.kind === 'saving'}>${r.kind === 'saving' ? ta(c, 'saving') : ta(c, 'save')}</button>
      <button type="button" part="action" ?disabled=${r.kind === 'saving'} @click=${() => c.model.cancelRename()}>${ta(c, 'cancel')}</button>
    </div>
  </form>`;
}

export function noteFor(c: PartsContext, row: SessionRow): TemplateResult | typeof nothing {
  if (c.note?.deviceId !== row.deviceId) return nothing;
  return html`<p class="session-wide" role="status" part="status">${ta(c, c.note.text)}</p>`;
}

/** What a row (or this session's card) shows below it now: its details when open, the rename form, the note. */
export function rowExtras(c: PartsContext, row: SessionRow, expanded: boolean): TemplateResult {
  return html`${expanded ? details(c, row) : nothing}${renameForm(c, row)}${noteFor(c, row)}`;
}
