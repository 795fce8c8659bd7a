// What <xs-session-list> loads after its first render (in the first idle moment, or when a person first needs it): a
// session's details, the rename form, the note at a row ("Name saved."), what the rows' buttons do, the selection's
// buttons, the sign-out panel with <xs-auth-prompt>, the hand-off to an OAuth account service's page, the model's
// flows after a press (session-list.flows.ts), and the rare words of a failed load. The words of these parts come
// with them (session-actions.strings.ts), their styles too (session-actions.styles.ts).
import { html, nothing, render, type TemplateResult } from 'lit';
import '../../define/xs-auth-prompt.js';
import { XsRequestVerifyEvent } from '../../events/xs-request-verify.js';
import { XsSessionRenamedEvent } from '../../events/xs-session-renamed.js';
import { XsSessionsSignedOutEvent } from '../../events/xs-sessions-signed-out.js';
import { explainFailure } from '../../i18n/errors.strings.js';
import { adoptStyles } from '../../internal/lazy-styles.js';
import type { Failure } from '../../sdk/errors.js';
import type { SessionRow } from '../../sdk/sessions.js';
import { MAX_NAME_LENGTH, RenamedEvent, type SignedOutEvent } from '../../state/session-list.js';
import { AccountPageReturn } from './account-page-return.js';
import { ta } from './action-words.js';
import { sessionActionStyles } from './session-actions.styles.js';
import type { RowRecord } from './rows.js';
import type { Note, XsSessionList } from './session-list.js';
import { setAttr } from './session-row.js';
import { formatsOf } from './session-list-format.js';

export { renderSignOutPanel } from './sign-out-panel.js';
export { updateRow } from './session-row-update.js';
export * as flows from '../../state/session-list.flows.js';
export { ta };

/** These parts arrived: their styles join the list's (before they render), and the account page's hand-off. */
export function adopt(c: XsSessionList): void {
  adoptStyles(c.renderRoot, sessionActionStyles);
  c.accountPage = new AccountPageReturn(c, () => c.sessions);
}

/**
 * An outcome of the list's model ('renamed', 'signed-out'): the list's event for it; after a rename, the note "Name
 * saved." at the session, and focus back on its Rename button.
 */
export function outcome(h: XsSessionList, e: Event): void {
  if (e instanceof RenamedEvent) {
    const { deviceId } = e;
    h.note = { deviceId, text: 'renamed' };
    h.focusLater(`[data-id="${h.keyOf(deviceId)}"] button[data-action=rename]`);
    h.fire(new XsSessionRenamedEvent(deviceId, e.displayName));
    return;
  }
  const s = e as SignedOutEvent;
  h.fire(new XsSessionsSignedOutEvent(s.deviceIds, s.includesCurrent));
}

/** A row's Rename, Verify or Sign out was pressed. */
export function act(h: XsSessionList, action: string, deviceId: string): void {
  const m = h.sessions!;
  const current = deviceId === m.snapshot?.currentDeviceId;
  switch (action) {
    case 'rename':
      h.note = undefined;
      m.startRename(deviceId);
      h.focusLater(`[data-id="${h.keyOf(deviceId)}"] input[name=session-name]`);
      return;
    case 'verify': {
      const userId = m.snapshot?.userId;
      const handled = !h.fire(new XsRequestVerifyEvent(current
        ? { subject: 'this-session', reason: 'unverified', userId, deviceId }
        : { subject: 'own-session', reason: 'requested', userId, deviceId }));
      const note: Note | undefined = handled ? undefined : { deviceId, text: current ? 'verifyCurrentUnhandled' : 'verifyUnhandled' };
      h.note = note;
      return;
    }
    case 'sign-out':
      m.requestSignOut(current ? 'current' : 'one', deviceId);
  }
}

/** The selection's count and buttons (shown once a session is selected). */
export function selectionControls(c: XsSessionList, selected: number): TemplateResult {
  const m = c.sessions!;
  return html`<span role="status">${ta(c, 'selected', selected)}</span>
    <button type="button" class="danger" part="action" data-bulk="selected" ?disabled=${m.signOut.kind !== 'idle'} @click=${() => m.requestSignOut('selected')}>${ta(c, 'signOutSelected', selected)}</button>
    <button type="button" part="action" @click=${() => m.clearSelection()}>${ta(c, 'clearSelection')}</button>`;
}

/** Why the list could not be loaded (`refresh`: brought up to date; the last good list stays), and Try again. */
export function loadFailure(c: XsSessionList, failure: Failure, refresh: boolean): TemplateResult {
  const retry = html`<button type="button" part="action" @click=${() => void c.reload()}>${ta(c, 'retry')}</button>`;
  return refresh
    ? html`<p role="alert">${ta(c, 'refreshFailed')} ${explainFailure(c.renderLang, failure)}
        ${retry}</p>`
    : html`<p role="alert">${ta(c, 'loadFailed')} ${explainFailure(c.renderLang, failure)}</p>
        ${retry}`;
}

export function details(c: XsSessionList, row: SessionRow): TemplateResult {
  return html`<dl class="details session-wide">
    <dt>${ta(c, 'deviceId')}</dt><dd>${row.deviceId}</dd>
    <dt>${ta(c, 'fingerprint')}</dt><dd>${row.fingerprint ?? ta(c, 'noFingerprint')}</dd>
    <dt>${ta(c, 'lastSeenIp')}</dt><dd>${row.lastSeenIp ?? '—'}</dd>
    <dt>${ta(c, 'lastSeen')}</dt><dd>${row.lastSeenTs !== null ? formatsOf(c.renderLang).abs.format(row.lastSeenTs) : '—'}</dd>
  </dl>`;
}

export function renameForm(c: XsSessionList, row: SessionRow): TemplateResult | typeof nothing {
  const m = c.sessions!;
  const r = m.rename;
  if (!r || r.deviceId !== row.deviceId) return nothing;
  const k = c.keyOf(row.deviceId);
  const error = r.kind === 'editing' ? r.error : undefined;
  const errorText = !error ? '' : error.kind === 'empty' ? ta(c, 'renameEmpty')
    : ta(c, 'renameRefused', error.failure.detail && error.failure.httpStatus ? error.failure.detail : explainFailure(c.renderLang, error.failure));
  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    const input = (e.target as HTMLFormElement).querySelector<HTMLInputElement>('input[name=session-name]');
    void m.saveRename(input?.value ?? '');
  };
  const key = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    m.cancelRename();
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
      <button type="button" part="action" ?disabled=${r.kind === 'saving'} @click=${() => m.cancelRename()}>${ta(c, 'cancel')}</button>
    </div>
  </form>`;
}

export function noteFor(c: XsSessionList, row: SessionRow): TemplateResult | typeof nothing {
  if (c.note?.deviceId !== row.deviceId) return nothing;
  return html`<p class="session-wide" role="status" part="status">${ta(c, c.note.text)}</p>`;
}

/** What a row (or this session's card) shows below it now: its details when open, the rename form, the note. */
export function rowExtras(c: XsSessionList, row: SessionRow, expanded: boolean): TemplateResult {
  return html`${expanded ? details(c, row) : nothing}${renameForm(c, row)}${noteFor(c, row)}`;
}

/** A built row whose own state changed after a press (selection, details, rename form, note): sets just that. */
export function rowState(c: XsSessionList, row: SessionRow, rec: RowRecord, checked: boolean, expanded: boolean): void {
  const input = rec.li.firstElementChild as HTMLInputElement;
  if (input.checked !== checked) input.checked = checked;
  setAttr(rec.li.querySelector('[data-action=details]')!, 'aria-expanded', String(expanded));
  rec.checked = checked;
  rec.expanded = expanded;
  rowExtrasIn(c, row, rec);
}

/** A row's details, rename form and note, rendered with Lit at the end of the row while it shows any of them. */
export function rowExtrasIn(c: XsSessionList, row: SessionRow, rec: RowRecord): void {
  const extras = rec.expanded || rec.rename !== undefined || rec.note !== undefined;
  if (extras || rec.extras) render(extras ? rowExtras(c, row, rec.expanded) : nothing, rec.li, { host: c });
  rec.extras = extras;
}
