// The sign-out panel of <xs-session-list>: confirm, authenticate (<xs-auth-prompt>), hand off to the account page
// (OAuth account service), signing out, the confirmed outcome or the failure. Rendered by the list for the
// current sign-out stage; every action goes to the view model or back to the list through the context.
import { html, nothing, type TemplateResult } from 'lit';
import { explainFailure } from '../../i18n/errors.strings.js';
import type { SessionRow } from '../../sdk/sessions.js';
import type { SessionListModel, SignOutStage } from '../../state/session-list.js';
import type { sessionListStrings } from './session-list.strings.js';

type Terms = typeof sessionListStrings.en;

/** What the panel needs from the list. */
export interface PanelContext {
  model: SessionListModel;
  lang: string;
  tr<K extends keyof Terms>(key: K, ...args: Parameters<Terms[K] extends (...a: never[]) => string ? Terms[K] : () => string>): string;
  name(row: { displayName: string | undefined }): TemplateResult;
  close(): void;
  openAccountPage(url: string): void;
}

export function renderSignOutPanel(st: Exclude<SignOutStage, { kind: 'idle' }>, c: PanelContext): TemplateResult {
const m = c.model;
  const n = st.targets.length;
  const current = st.scope === 'current';
  const heading = html`<h3 tabindex="-1" data-stage-heading>${current ? c.tr('confirmCurrentHeading') : c.tr('confirmHeading', n)}</h3>`;
  const targets = html`<ul class="targets">${st.targets.map((x) =>
    html`<li>${c.name(x as SessionRow)} <span class="mono">(${x.deviceId})</span></li>`)}</ul>`;
  switch (st.kind) {
    case 'confirm':
      return html`<div class="panel" part="panel" role="region" aria-label=${current ? c.tr('confirmCurrentHeading') : c.tr('confirmHeading', n)}>
        ${heading}
        <p>${current ? c.tr('confirmCurrentIntro') : c.tr('confirmIntro', n)}</p>
        ${!current && m.accountManagement ? html`<p class="hint">${c.tr('externalNote')}</p>` : nothing}
        ${targets}
        <div class="row">
          <button type="button" class="danger" part="action" @click=${() => void m.confirmSignOut()}>${c.tr('confirm')}</button>
          <button type="button" part="action" @click=${() => c.close()}>${c.tr('cancel')}</button>
        </div>
      </div>`;
    case 'auth':
      return html`<div class="panel" part="panel" role="region" aria-label=${c.tr('confirmHeading', n)}>
        ${heading}${targets}
        <xs-auth-prompt .session=${st.uia} exportparts="action,status"></xs-auth-prompt>
      </div>`;
    case 'external': {
      const host = st.url ? new URL(st.url).host : '';
      return html`<div class="panel" part="panel" role="region" aria-label=${c.tr('confirmHeading', n)}>
        ${heading}
        ${st.url ? html`<p>${c.tr('externalIntro', host, n)}</p>` : html`<p role="alert">${c.tr('externalRefused')}</p>`}
        ${st.remaining ? html`<p role="alert">${c.tr('externalRemaining', st.remaining.length)}</p>
          <ul class="targets">${st.remaining.map((x) => html`<li>${c.name(x as SessionRow)} <span class="mono">(${x.deviceId})</span></li>`)}</ul>`
          : targets}
        <p role="status" part="status">${st.checking ? c.tr('externalChecking') : st.opened && !st.remaining ? c.tr('externalWaiting') : ''}</p>
        <div class="row">
          ${st.url ? html`<button type="button" class=${st.opened ? '' : 'primary'} part="action" data-action="open-account"
            @click=${() => c.openAccountPage(st.url)}>${c.tr(st.opened ? 'externalOpenAgain' : 'externalOpen')}</button>` : nothing}
          ${st.opened ? html`<button type="button" part="action" ?disabled=${st.checking} @click=${() => void m.checkExternal()}>${c.tr('externalCheck')}</button>` : nothing}
          <button type="button" part="action" ?disabled=${st.checking} @click=${() => c.close()}>${c.tr(st.opened ? 'close' : 'cancel')}</button>
        </div>
      </div>`;
    }
    case 'checking':
      return html`<div class="panel" part="panel" role="region" aria-label=${c.tr('confirmHeading', n)}>
        ${heading}
        <p role="status" part="status">${c.tr('checkingAccountPage')}</p>
        ${targets}
        <button type="button" part="action" @click=${() => c.close()}>${c.tr('cancel')}</button>
      </div>`;
    case 'signing-out':
      return html`<div class="panel" part="panel">${heading}<p role="status" part="status">${c.tr('signingOut')}</p></div>`;
    case 'done':
      return html`<div class="panel" part="panel">
        <div role="status" part="status"><h3 tabindex="-1" data-stage-heading>${current ? c.tr('signedOutCurrent') : c.tr('signedOut', n)}</h3></div>
        ${targets}
        ${current ? nothing : html`<button type="button" part="action" @click=${() => c.close()}>${c.tr('close')}</button>`}
      </div>`;
    case 'failed':
      return html`<div class="panel" part="panel">
        ${heading}
        <p role="alert">${st.during === 'lookup' ? c.tr('lookupFailed') : c.tr('signOutFailed')} ${explainFailure(c.lang, st.failure)}</p>
        ${targets}
        <div class="row">
          <button type="button" class="primary" part="action" @click=${() => void m.confirmSignOut()}>${c.tr('retry')}</button>
          <button type="button" part="action" @click=${() => c.close()}>${c.tr('cancel')}</button>
        </div>
      </div>`;
  }
}
