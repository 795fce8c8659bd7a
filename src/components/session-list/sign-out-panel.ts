// The sign-out panel of <xs-session-list>: confirm, authenticate (<xs-auth-prompt>), hand off to the account page
// (OAuth account service), signing out, the confirmed outcome or the failure. Rendered by the list for the
// current sign-out stage; every action goes to the view model or back to the list through the context.
import { html, nothing, type TemplateResult } from 'lit';
import { explainFailure } from '../../i18n/errors.strings.js';
import { splitUntrusted } from '../../internal/untrusted-text.js';
import type { SignOutStage, SignOutTarget } from '../../state/session-list.js';
import { ta } from './action-words.js';
import type { XsSessionList } from './session-list.js';

type PanelContext = XsSessionList;

/** A session's name as isolated text, with invisible characters shown by their code point (as in its row). */
function name(c: PanelContext, { displayName }: SignOutTarget): TemplateResult {
  return html`<bdi class=${displayName ? '' : 'unnamed'}>${!displayName ? c.tr('unnamed') : splitUntrusted(displayName).map((p) =>
    'text' in p ? p.text : html`<span class="hidden-char" title=${c.tr('invisibleChars')}>${p.codePoint}</span>`)}</bdi>`;
}

/** Closes the panel: leaves an outcome, or cancels (a running authentication too); focus goes back to the list. */
function close(c: PanelContext) {
  const m = c.sessions!;
  if (m.signOut.kind === 'done' || m.signOut.kind === 'failed') m.dismissSignOut();
  else m.cancelSignOut();
  c.focusLater('#others-h');
}

export function renderSignOutPanel(st: Exclude<SignOutStage, { kind: 'idle' }>, c: PanelContext): TemplateResult {
  const m = c.sessions!;
  const n = st.targets.length;
  const current = st.scope === 'current';
  const heading = html`<h3 tabindex="-1" data-stage-heading>${current ? ta(c, 'confirmCurrentHeading') : ta(c, 'confirmHeading', n)}</h3>`;
  const targets = html`<ul class="targets">${st.targets.map((x) =>
    html`<li>${name(c, x)} <span class="mono">(${x.deviceId})</span></li>`)}</ul>`;
  switch (st.kind) {
    case 'confirm':
      return html`<div class="panel" part="panel" role="region" aria-label=${current ? ta(c, 'confirmCurrentHeading') : ta(c, 'confirmHeading', n)}>
        ${heading}
        <p>${current ? ta(c, 'confirmCurrentIntro') : ta(c, 'confirmIntro', n)}</p>
        ${!current && m.accountManagement ? html`<p class="hint">${ta(c, 'externalNote')}</p>` : nothing}
        ${targets}
        <div class="row">
          <button type="button" class="danger" part="action" @click=${() => void m.confirmSignOut()}>${ta(c, 'confirm')}</button>
          <button type="button" part="action" @click=${() => close(c)}>${ta(c, 'cancel')}</button>
        </div>
      </div>`;
    case 'auth':
      return html`<div class="panel" part="panel" role="region" aria-label=${ta(c, 'confirmHeading', n)}>
        ${heading}${targets}
        <xs-auth-prompt .session=${st.uia} exportparts="action,status"></xs-auth-prompt>
      </div>`;
    case 'external': {
      const host = st.url ? new URL(st.url).host : '';
      return html`<div class="panel" part="panel" role="region" aria-label=${ta(c, 'confirmHeading', n)}>
        ${heading}
        ${st.url ? html`<p>${ta(c, 'externalIntro', host, n)}</p>` : html`<p role="alert">${ta(c, 'externalRefused')}</p>`}
        ${st.remaining ? html`<p role="alert">${ta(c, 'externalRemaining', st.remaining.length)}</p>
          <ul class="targets">${st.remaining.map((x) => html`<li>${name(c, x)} <span class="mono">(${x.deviceId})</span></li>`)}</ul>`
          : targets}
        <p role="status" part="status">${st.checking ? ta(c, 'externalChecking') : st.opened && !st.remaining ? ta(c, 'externalWaiting') : ''}</p>
        <div class="row">
          ${st.url ? html`<button type="button" class=${st.opened ? '' : 'primary'} part="action" data-action="open-account"
            @click=${() => c.accountPage?.open(st.url)}>${ta(c, st.opened ? 'externalOpenAgain' : 'externalOpen')}</button>` : nothing}
          ${st.opened ? html`<button type="button" part="action" ?disabled=${st.checking} @click=${() => void m.checkExternal()}>${ta(c, 'externalCheck')}</button>` : nothing}
          <button type="button" part="action" ?disabled=${st.checking} @click=${() => close(c)}>${ta(c, st.opened ? 'close' : 'cancel')}</button>
        </div>
      </div>`;
    }
    case 'checking':
      return html`<div class="panel" part="panel" role="region" aria-label=${ta(c, 'confirmHeading', n)}>
        ${heading}
        <p role="status" part="status">${ta(c, 'checkingAccountPage')}</p>
        ${targets}
        <button type="button" part="action" @click=${() => close(c)}>${ta(c, 'cancel')}</button>
      </div>`;
    case 'signing-out':
      return html`<div class="panel" part="panel">${heading}<p role="status" part="status">${ta(c, 'signingOut')}</p></div>`;
    case 'done':
      return html`<div class="panel" part="panel">
        <div role="status" part="status"><h3 tabindex="-1" data-stage-heading>${current ? ta(c, 'signedOutCurrent') : ta(c, 'signedOut', n)}</h3></div>
        ${targets}
        ${current ? nothing : html`<button type="button" part="action" @click=${() => close(c)}>${ta(c, 'close')}</button>`}
      </div>`;
    case 'failed':
      return html`<div class="panel" part="panel">
        ${heading}
        <p role="alert">${st.during === 'lookup' ? ta(c, 'lookupFailed') : ta(c, 'signOutFailed')} ${explainFailure(c.renderLang, st.failure)}</p>
        ${targets}
        <div class="row">
          <button type="button" class="primary" part="action" @click=${() => void m.confirmSignOut()}>${ta(c, 'retry')}</button>
          <button type="button" part="action" @click=${() => close(c)}>${ta(c, 'cancel')}</button>
        </div>
      </div>`;
  }
}
