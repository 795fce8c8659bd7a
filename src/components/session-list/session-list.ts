import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { MatrixClient } from 'matrix-js-sdk';
import { XsRequestVerifyEvent } from '../../events/xs-request-verify.js';
import { XsSessionRenamedEvent } from '../../events/xs-session-renamed.js';
import { XsSessionsSignedOutEvent } from '../../events/xs-sessions-signed-out.js';
import { explainFailure } from '../../i18n/errors.strings.js';
import { XsElement } from '../../internal/xs-element.js';
import { splitUntrusted } from '../../internal/untrusted-text.js';
import { sessionsSource, type SessionRow, type SessionsSource } from '../../sdk/sessions.js';
import {
  DAY_MS,
  MAX_NAME_LENGTH,
  RenamedEvent,
  SessionListModel,
  SignedOutEvent,
  isInactive,
  summaryFilter,
  type SessionFilter,
  type SignOutStage,
} from '../../state/session-list.js';
import { XsAuthPrompt } from '../auth-prompt/auth-prompt.js';
import { sessionListStrings as S } from './session-list.strings.js';
import { sessionListStyles } from './session-list.styles.js';

XsAuthPrompt.define('xs-auth-prompt');

/** Rows rendered in the first task; the rest follow in chunks so no task blocks the page for long. */
const FIRST_CHUNK = 60;
const NEXT_CHUNK = 120;

const FILTER_KEYS = { all: 'filterAll', verified: 'filterVerified', unverified: 'filterUnverified', inactive: 'filterInactive' } as const;

/**
 * @summary The user's sessions: review them (verified, unverified, inactive, without encryption), rename,
 * ask to verify, and sign out one, several or all others, with the account password asked inline.
 * @tag xs-session-list
 *
 * ```html
 * <xs-session-list inactive-days="90"></xs-session-list>
 * <script type="module">
 *   import 'xs-kit/define/xs-session-list.js';
 *   const list = document.querySelector('xs-session-list');
 *   list.client = matrixClient; // or wrap it in <xs-client-provider>
 *   list.addEventListener('xs-request-verify', (e) => {
 *     e.preventDefault(); // "I handle it": e.g. open <xs-verify-login device-id=${e.deviceId}>
 *   });
 * </script>
 * ```
 *
 * Session names come from the homeserver and anyone can set them: they are rendered as text, isolated
 * for bidi (`<bdi>`), with invisible characters (bidi overrides, zero-width characters, controls) shown by
 * their code point.
 *
 * @event xs-request-verify - Cancelable. "Verify" was pressed on a session (`subject: 'own-session'`,
 * `deviceId`) or on this unverified session (`subject: 'this-session'`). Call `preventDefault()` when you
 * handle it; otherwise the element tells the person what to do instead.
 * @event xs-sessions-signed-out - Sessions were signed out: `deviceIds`, `includesCurrent`.
 * @event xs-session-renamed - A session was renamed: `deviceId`, `displayName`.
 * @csspart base - The wrapper.
 * @csspart header - The heading row.
 * @csspart current - The card of this session.
 * @csspart summary - The security recommendations.
 * @csspart filters - The filter buttons.
 * @csspart session - One row of the list.
 * @csspart action - Buttons.
 * @csspart status - Progress and outcome text.
 * @csspart panel - The sign-out confirmation and authentication panel.
 * @cssprop [--xs-session-list-gap=var(--xs-space-s)] - Space between parts of a row.
 * @cssprop [--xs-session-list-row-border=var(--xs-color-border)] - Border between rows.
 * @cssstate loading - The first load is running.
 * @cssstate ready - The list is shown.
 * @cssstate failed - The list could not be loaded.
 * @cssstate busy - Signing out.
 */
export class XsSessionList extends XsElement {
  static override styles = [...XsElement.styles, sessionListStyles];

  /** Sessions not seen for longer than this many days are marked inactive. */
  @property({ type: Number, attribute: 'inactive-days' }) inactiveDays = 90;

  /** A source of sessions other than the client (tests and custom hosts); wins over the client. */
  @property({ attribute: false }) source?: SessionsSource;

  @state() private renderLimit = FIRST_CHUNK;
  @state() private expanded = new Set<string>();
  @state() private note: { deviceId: string; text: 'verifyUnhandled' | 'verifyCurrentUnhandled' | 'renamed' } | undefined;

  private model?: SessionListModel;
  private modelVersion = 0;
  private readonly keys = new Map<string, number>();
  private chunkTimer?: ReturnType<typeof setTimeout>;
  private chunkWaiters: (() => void)[] = [];
  private focusAfterRender?: string;
  private readonly onModelChange = () => {
    this.modelVersion++;
    this.requestUpdate();
  };
  private readonly onSignedOut = (e: Event) => {
    const ev = e as SignedOutEvent;
    this.emit(new XsSessionsSignedOutEvent(ev.deviceIds, ev.includesCurrent));
  };
  private readonly onRenamed = (e: Event) => {
    const ev = e as RenamedEvent;
    this.note = { deviceId: ev.deviceId, text: 'renamed' };
    this.focusAfterRender = `[data-id="${this.keyOf(ev.deviceId)}"] button[data-action=rename]`;
    this.emit(new XsSessionRenamedEvent(ev.deviceId, ev.displayName));
  };

  /** The view model (for hosts that want to drive it, e.g. reload after their own action). */
  get sessions(): SessionListModel | undefined {
    return this.model;
  }

  /** Loads the list again from the homeserver. */
  reload(): Promise<void> {
    return this.model?.reload() ?? Promise.resolve();
  }

  private detachCurrent?: () => void;

  protected override clientChanged(client: MatrixClient | undefined): () => void {
    this.reattach(client);
    return () => {
      this.detachCurrent?.();
      this.detachCurrent = undefined;
    };
  }

  private reattach(client: MatrixClient | undefined) {
    this.detachCurrent?.();
    this.detachCurrent = this.attachSource(this.source ?? (client ? sessionsSource(client) : undefined));
  }

  private attachSource(source: SessionsSource | undefined): () => void {
    const model = new SessionListModel(source);
    model.setThresholdMs(this.inactiveDays * DAY_MS);
    this.model = model;
    this.renderLimit = FIRST_CHUNK;
    model.addEventListener('change', this.onModelChange);
    model.addEventListener('signed-out', this.onSignedOut);
    model.addEventListener('renamed', this.onRenamed);
    model.attach();
    this.requestUpdate();
    return () => {
      model.removeEventListener('change', this.onModelChange);
      model.removeEventListener('signed-out', this.onSignedOut);
      model.removeEventListener('renamed', this.onRenamed);
      model.detach();
      if (this.model === model) this.model = undefined;
    };
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // A new source is a new client as far as the list is concerned.
    if (changed.has('source') && this.hasUpdated && this.isConnected) this.reattach(this.matrixClient);
    if (changed.has('inactiveDays')) this.model?.setThresholdMs(this.inactiveDays * DAY_MS);
    const load = this.model?.load.kind;
    this.setExclusiveState(['loading', 'ready', 'failed'], load === 'idle' ? 'loading' : load);
    const so = this.model?.signOut.kind;
    this.setCustomState('busy', so === 'auth' || so === 'signing-out');
  }

  protected override stageKey(): string | undefined {
    const so = this.model?.signOut;
    if (!so || so.kind === 'idle') return 'list';
    return `signout-${so.kind}`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const total = this.model?.view.visible.length ?? 0;
    if (this.renderLimit < total) this.scheduleChunk();
    else this.flushChunkWaiters();
    if (this.focusAfterRender) {
      const target = this.shadowRoot?.querySelector<HTMLElement>(this.focusAfterRender);
      if (target) {
        this.focusAfterRender = undefined;
        target.focus();
      }
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.chunkTimer);
    this.chunkTimer = undefined;
    this.flushChunkWaiters();
  }

  /** Resolves once every row of the current view is in the DOM (rows render in chunks). */
  protected override async getUpdateComplete(): Promise<boolean> {
    let result = await super.getUpdateComplete();
    while (this.isConnected && this.model && this.renderLimit < this.model.view.visible.length) {
      await new Promise<void>((r) => this.chunkWaiters.push(r));
      result = await super.getUpdateComplete();
    }
    return result;
  }

  private scheduleChunk() {
    if (this.chunkTimer !== undefined) return;
    this.chunkTimer = setTimeout(() => {
      this.chunkTimer = undefined;
      this.renderLimit += NEXT_CHUNK;
      const waiters = this.chunkWaiters;
      this.chunkWaiters = [];
      void this.updateComplete.then(() => waiters.forEach((w) => w()));
    }, 0);
  }

  private flushChunkWaiters() {
    const waiters = this.chunkWaiters;
    this.chunkWaiters = [];
    waiters.forEach((w) => w());
  }

  /** A stable short key per device id, for element ids and selectors (device ids are server-chosen text). */
  private keyOf(deviceId: string): number {
    let k = this.keys.get(deviceId);
    if (k === undefined) this.keys.set(deviceId, (k = this.keys.size + 1));
    return k;
  }

  // ── intent ───────────────────────────────────────────────────────────────────────────────────

  private setFilter(f: SessionFilter) {
    this.renderLimit = FIRST_CHUNK;
    this.model?.setFilter(f);
  }

  private onSearch(e: InputEvent) {
    this.renderLimit = FIRST_CHUNK;
    this.model?.setQuery((e.target as HTMLInputElement).value);
  }

  private rowOf(e: Event): string | undefined {
    const li = (e.target as HTMLElement).closest<HTMLElement>('[data-device]');
    return li ? (li as HTMLElement & { deviceId?: string }).deviceId : undefined;
  }

  private onListClick(e: MouseEvent) {
    const button = (e.target as HTMLElement).closest<HTMLButtonElement>('button[data-action]');
    if (!button) return;
    const id = this.rowOf(e);
    if (id === undefined) return;
    this.act(button.dataset['action']!, id);
  }

  private onListChange(e: Event) {
    const input = e.target as HTMLInputElement;
    if (input.type !== 'checkbox') return;
    const id = this.rowOf(e);
    if (id !== undefined) this.model?.toggle(id, input.checked);
  }

  private act(action: string, deviceId: string) {
    const m = this.model;
    if (!m) return;
    switch (action) {
      case 'details': {
        const next = new Set(this.expanded);
        if (next.has(deviceId)) next.delete(deviceId);
        else next.add(deviceId);
        this.expanded = next;
        return;
      }
      case 'rename':
        this.note = undefined;
        m.startRename(deviceId);
        this.focusAfterRender = `[data-id="${this.keyOf(deviceId)}"] input[name=session-name]`;
        return;
      case 'verify': {
        const current = deviceId === m.snapshot?.currentDeviceId;
        const handled = !this.emit(new XsRequestVerifyEvent(current
          ? { subject: 'this-session', reason: 'unverified', userId: m.snapshot?.userId, deviceId }
          : { subject: 'own-session', reason: 'requested', userId: m.snapshot?.userId, deviceId }));
        this.note = handled ? undefined : { deviceId, text: current ? 'verifyCurrentUnhandled' : 'verifyUnhandled' };
        return;
      }
      case 'sign-out':
        m.requestSignOut(deviceId === m.snapshot?.currentDeviceId ? 'current' : 'one', deviceId);
        return;
    }
  }

  private onRenameSubmit(e: SubmitEvent) {
    e.preventDefault();
    const input = (e.target as HTMLFormElement).querySelector<HTMLInputElement>('input[name=session-name]');
    void this.model?.saveRename(input?.value ?? '');
  }

  private onRenameKey(e: KeyboardEvent) {
    if (e.key === 'Escape') {
      e.preventDefault();
      const id = this.model?.rename?.deviceId;
      this.model?.cancelRename();
      if (id !== undefined) this.focusAfterRender = `[data-id="${this.keyOf(id)}"] button[data-action=rename]`;
    }
  }

  // ── rendering ────────────────────────────────────────────────────────────────────────────────

  private name(row: SessionRow): TemplateResult {
    const t = this.localize;
    if (!row.displayName) return html`<bdi class="unnamed">${t.t(S, 'unnamed')}</bdi>`;
    const parts = splitUntrusted(row.displayName);
    if (parts.length === 1 && 'text' in parts[0]!) return html`<bdi>${row.displayName}</bdi>`;
    return html`<bdi>${parts.map((p) =>
      'text' in p ? p.text : html`<span class="hidden-char" title=${t.t(S, 'invisibleChars')}>${p.codePoint}</span>`)}</bdi>`;
  }

  /** The name as plain text for labels (invisible characters replaced by their code). */
  private nameText(row: { displayName: string | undefined; deviceId: string }): string {
    if (!row.displayName) return `${this.localize.t(S, 'unnamed')} ${row.deviceId}`;
    return splitUntrusted(row.displayName).map((p) => ('text' in p ? p.text : `[${p.codePoint}]`)).join('');
  }

  private fmt?: { lang: string; rel: Intl.RelativeTimeFormat; abs: Intl.DateTimeFormat };
  private formats() {
    const lang = this.localize.lang;
    if (this.fmt?.lang !== lang) {
      this.fmt = {
        lang,
        rel: new Intl.RelativeTimeFormat(lang, { numeric: 'auto' }),
        abs: new Intl.DateTimeFormat(lang, { dateStyle: 'full', timeStyle: 'long' }),
      };
    }
    return this.fmt;
  }

  private relative(ts: number, now: number): string {
    const rel = this.formats().rel;
    const s = Math.round((ts - now) / 1000);
    const a = Math.abs(s);
    if (a < 60) return rel.format(s, 'second');
    if (a < 3600) return rel.format(Math.round(s / 60), 'minute');
    if (a < 86_400) return rel.format(Math.round(s / 3600), 'hour');
    if (a < 30 * 86_400) return rel.format(Math.round(s / 86_400), 'day');
    if (a < 365 * 86_400) return rel.format(Math.round(s / (30 * 86_400)), 'month');
    return rel.format(Math.round(s / (365 * 86_400)), 'year');
  }

  private badges(row: SessionRow, inactive: boolean): TemplateResult {
    const t = this.localize;
    const trust =
      row.trust === 'verified' ? html`<span class="badge verified">${t.t(S, 'verified')}</span>`
      : row.trust === 'unverified' ? html`<span class="badge unverified">${t.t(S, 'unverified')}</span>`
      : row.trust === 'no-keys' ? html`<span class="badge no-keys">${t.t(S, 'noKeys')}</span>`
      : html`<span class="badge unknown">${t.t(S, 'trustUnknown')}</span>`;
    return html`${trust}${inactive ? html`<span class="badge inactive">${t.t(S, 'inactive')}</span>` : nothing}`;
  }

  private meta(row: SessionRow): TemplateResult {
    const t = this.localize;
    const now = this.model!.now;
    return html`<span class="meta">${row.lastSeenTs !== null
      ? html`<span title=${this.formats().abs.format(row.lastSeenTs)}>${t.t(S, 'lastActivity', this.relative(row.lastSeenTs, now))}</span>`
      : html`<span>${t.t(S, 'lastActivityUnknown')}</span>`}${row.lastSeenIp ? html`<span>${t.t(S, 'ip', row.lastSeenIp)}</span>` : nothing}<span class="mono">${row.deviceId}</span></span>`;
  }

  private details(row: SessionRow): TemplateResult {
    const t = this.localize;
    return html`<dl class="details session-wide">
      <dt>${t.t(S, 'deviceId')}</dt><dd>${row.deviceId}</dd>
      <dt>${t.t(S, 'fingerprint')}</dt><dd>${row.fingerprint ?? t.t(S, 'noFingerprint')}</dd>
      <dt>${t.t(S, 'lastSeenIp')}</dt><dd>${row.lastSeenIp ?? '—'}</dd>
      <dt>${t.t(S, 'lastSeen')}</dt><dd>${row.lastSeenTs !== null ? this.formats().abs.format(row.lastSeenTs) : '—'}</dd>
    </dl>`;
  }

  private renameForm(row: SessionRow): TemplateResult | typeof nothing {
    const r = this.model?.rename;
    if (!r || r.deviceId !== row.deviceId) return nothing;
    const t = this.localize;
    const k = this.keyOf(row.deviceId);
    const error = r.kind === 'editing' ? r.error : undefined;
    const errorText = !error ? '' : error.kind === 'empty' ? t.t(S, 'renameEmpty')
      : t.t(S, 'renameRefused', error.failure.detail && error.failure.httpStatus ? error.failure.detail : explainFailure(t.lang, error.failure));
    return html`<form class="rename session-wide" @submit=${this.onRenameSubmit} @keydown=${this.onRenameKey}>
      <label for="rn-${k}">${t.t(S, 'renameLabel')}</label>
      <input id="rn-${k}" name="session-name" type="text" autocomplete="off" spellcheck="false" maxlength=${MAX_NAME_LENGTH * 4}
        .value=${r.draft} ?disabled=${r.kind === 'saving'} aria-describedby="rnn-${k}${error ? ` rne-${k}` : ''}"
        aria-invalid=${error ? 'true' : 'false'} />
      <p class="hint" id="rnn-${k}">${t.t(S, 'renameNote')}</p>
      ${error ? html`<p role="alert" id="rne-${k}">${errorText}</p>` : nothing}
      <div class="row">
        <button type="submit" class="primary" part="action" ?disabled=${r.kind === 'saving'}>${r.kind === 'saving' ? t.t(S, 'saving') : t.t(S, 'save')}</button>
        <button type="button" part="action" ?disabled=${r.kind === 'saving'} @click=${() => this.model?.cancelRename()}>${t.t(S, 'cancel')}</button>
      </div>
    </form>`;
  }

  private noteFor(row: SessionRow): TemplateResult | typeof nothing {
    if (this.note?.deviceId !== row.deviceId) return nothing;
    return html`<p class="session-wide" role="status" part="status">${this.localize.t(S, this.note.text)}</p>`;
  }

  private row(row: SessionRow, canVouch: boolean, now: number, threshold: number): TemplateResult {
    const t = this.localize;
    const m = this.model!;
    const k = this.keyOf(row.deviceId);
    const nameText = this.nameText(row);
    const expanded = this.expanded.has(row.deviceId);
    return html`<li part="session" class="session" data-device data-id=${k} .deviceId=${row.deviceId}>
      <input type="checkbox" .checked=${m.selection.has(row.deviceId)} aria-label=${t.t(S, 'select', nameText)} />
      <div>
        <span class="name" id="n-${k}">${this.name(row)}</span>${this.badges(row, isInactive(row, now, threshold))}
        <div>${this.meta(row)}</div>
        <div class="actions" role="group" aria-labelledby="n-${k}">
          <button type="button" part="action" data-action="details" aria-expanded=${expanded ? 'true' : 'false'}>${t.t(S, 'details')}</button>
          <button type="button" part="action" data-action="rename">${t.t(S, 'rename')}</button>
          ${row.trust === 'unverified' && canVouch ? html`<button type="button" part="action" data-action="verify">${t.t(S, 'verify')}</button>` : nothing}
          <button type="button" part="action" data-action="sign-out">${t.t(S, 'signOut')}</button>
        </div>
      </div>
      ${expanded ? this.details(row) : nothing}${this.renameForm(row)}${this.noteFor(row)}
    </li>`;
  }

  private currentCard(row: SessionRow): TemplateResult {
    const t = this.localize;
    const m = this.model!;
    const k = this.keyOf(row.deviceId);
    const expanded = this.expanded.has(row.deviceId);
    const hint = row.trust === 'unverified' ? 'currentUnverifiedHint' : row.trust === 'no-keys' ? 'noKeysHint' : row.trust === 'verified' ? 'verifiedHint' : undefined;
    return html`<section class="card" part="current" aria-labelledby="cur-h" data-device data-id=${k} .deviceId=${row.deviceId}
        @click=${this.onListClick}>
      <h3 id="cur-h">${t.t(S, 'currentHeading')}</h3>
      <div><span class="name" id="n-${k}">${this.name(row)}</span>${this.badges(row, false)}</div>
      <div>${this.meta(row)}</div>
      ${hint ? html`<p class="hint">${t.t(S, hint)}</p>` : nothing}
      <div class="actions" role="group" aria-labelledby="n-${k}">
        <button type="button" part="action" data-action="details" aria-expanded=${expanded ? 'true' : 'false'}>${t.t(S, 'details')}</button>
        <button type="button" part="action" data-action="rename">${t.t(S, 'rename')}</button>
        ${row.trust === 'unverified' ? html`<button type="button" class="primary" part="action" data-action="verify">${t.t(S, 'verifyCurrent')}</button>` : nothing}
        <button type="button" class="danger" part="action" data-action="sign-out">${t.t(S, 'signOutCurrent')}</button>
      </div>
      ${expanded ? this.details(row) : nothing}${this.renameForm(row)}${this.noteFor(row)}
      ${m.view.current === row && m.signOut.kind !== 'idle' && m.signOut.scope === 'current' ? this.signOutPanel(m.signOut) : nothing}
    </section>`;
  }

  private summary(): TemplateResult {
    const t = this.localize;
    const m = this.model!;
    const { counts } = m.view;
    const target = summaryFilter(counts);
    return html`<section class="card" part="summary" aria-labelledby="sum-h">
      <h3 id="sum-h">${t.t(S, 'summaryHeading')}</h3>
      ${target
        ? html`<p class="row"><span>${t.t(S, 'summary', counts.unverified, counts.inactive)}</span>
            <button type="button" part="action" @click=${() => this.setFilter(target)}>${t.t(S, 'review')}</button></p>
            ${counts.unverified ? html`<p class="hint">${t.t(S, 'unverifiedHint')}</p>` : nothing}
            ${counts.inactive ? html`<p class="hint">${t.t(S, 'inactiveHint')} ${t.t(S, 'inactiveFor', this.inactiveDays)}</p>` : nothing}`
        : html`<p>${t.t(S, 'allGood')}</p>`}
    </section>`;
  }

  private signOutPanel(st: Exclude<SignOutStage, { kind: 'idle' }>): TemplateResult {
    const t = this.localize;
    const m = this.model!;
    const n = st.targets.length;
    const current = st.scope === 'current';
    const heading = html`<h3 tabindex="-1" data-stage-heading>${current ? t.t(S, 'confirmCurrentHeading') : t.t(S, 'confirmHeading', n)}</h3>`;
    const targets = html`<ul class="targets">${st.targets.map((x) =>
      html`<li>${this.name(x as SessionRow)} <span class="mono">(${x.deviceId})</span></li>`)}</ul>`;
    switch (st.kind) {
      case 'confirm':
        return html`<div class="panel" part="panel" role="region" aria-label=${current ? t.t(S, 'confirmCurrentHeading') : t.t(S, 'confirmHeading', n)}>
          ${heading}
          <p>${current ? t.t(S, 'confirmCurrentIntro') : t.t(S, 'confirmIntro')}</p>
          ${targets}
          <div class="row">
            <button type="button" class="danger" part="action" @click=${() => void m.confirmSignOut()}>${t.t(S, 'confirm')}</button>
            <button type="button" part="action" @click=${() => this.closePanel()}>${t.t(S, 'cancel')}</button>
          </div>
        </div>`;
      case 'auth':
        return html`<div class="panel" part="panel" role="region" aria-label=${t.t(S, 'confirmHeading', n)}>
          ${heading}${targets}
          <xs-auth-prompt .session=${st.uia} exportparts="action,status"></xs-auth-prompt>
        </div>`;
      case 'signing-out':
        return html`<div class="panel" part="panel">${heading}<p role="status" part="status">${t.t(S, 'signingOut')}</p></div>`;
      case 'done':
        return html`<div class="panel" part="panel">
          <div role="status" part="status"><h3 tabindex="-1" data-stage-heading>${current ? t.t(S, 'signedOutCurrent') : t.t(S, 'signedOut', n)}</h3></div>
          ${targets}
          ${current ? nothing : html`<button type="button" part="action" @click=${() => this.closePanel()}>${t.t(S, 'close')}</button>`}
        </div>`;
      case 'failed':
        return html`<div class="panel" part="panel">
          ${heading}
          <p role="alert">${t.t(S, 'signOutFailed')} ${explainFailure(t.lang, st.failure)}</p>
          ${targets}
          <div class="row">
            <button type="button" class="primary" part="action" @click=${() => void m.confirmSignOut()}>${t.t(S, 'retry')}</button>
            <button type="button" part="action" @click=${() => this.closePanel()}>${t.t(S, 'cancel')}</button>
          </div>
        </div>`;
    }
  }

  private closePanel() {
    const m = this.model;
    if (!m) return;
    if (m.signOut.kind === 'done' || m.signOut.kind === 'failed') m.dismissSignOut();
    else m.cancelSignOut();
    this.focusAfterRender = '#others-h';
  }

  protected override render() {
    const t = this.localize;
    const m = this.model;
    const header = html`<h2 part="header">${t.t(S, 'heading')}</h2>`;
    if (!m || (!this.matrixClient && !this.source)) return html`<div part="base">${header}<p role="status">${t.t(S, 'notConnected')}</p></div>`;
    const load = m.load;
    if (load.kind === 'idle' || load.kind === 'loading')
      return html`<div part="base">${header}<p role="status" part="status">${t.t(S, 'loading')}</p></div>`;
    if (load.kind === 'failed')
      return html`<div part="base">${header}
        <p role="alert">${t.t(S, 'loadFailed')} ${explainFailure(t.lang, load.failure)}</p>
        <button type="button" part="action" @click=${() => void m.reload()}>${t.t(S, 'retry')}</button></div>`;

    const snap = load.snapshot;
    const view = m.view;
    const { counts, visible } = view;
    const so = m.signOut;
    const selected = m.selection.size;
    const allShownSelected = visible.length > 0 && visible.every((r) => m.selection.has(r.deviceId));
    const shown = visible.length > this.renderLimit ? visible.slice(0, this.renderLimit) : visible;
    const now = m.now;
    const threshold = m.thresholdMs;
    return html`<div part="base">
      ${header}
      ${m.refreshFailure ? html`<p role="alert">${t.t(S, 'refreshFailed')} ${explainFailure(t.lang, m.refreshFailure)}
        <button type="button" part="action" @click=${() => void m.reload()}>${t.t(S, 'retry')}</button></p>` : nothing}
      ${snap.cryptoAvailable ? nothing : html`<p class="hint">${t.t(S, 'noCrypto')}</p>`}
      ${view.current ? this.currentCard(view.current) : nothing}
      ${counts.all > 0 ? this.summary() : nothing}
      <section aria-labelledby="others-h">
        <h3 id="others-h" tabindex="-1">${t.t(S, 'othersHeading')}</h3>
        ${counts.all === 0 ? html`<p>${t.t(S, 'noOthers')}</p>` : html`
          <fieldset class="filters" part="filters">
            <legend>${t.t(S, 'filterLabel')}</legend>
            <div class="row">${(['all', 'verified', 'unverified', 'inactive'] as const).map((f) => html`<button type="button" part="action"
              aria-pressed=${m.filter === f ? 'true' : 'false'} data-filter=${f} @click=${() => this.setFilter(f)}>${t.t(S, FILTER_KEYS[f], counts[f])}</button>`)}</div>
          </fieldset>
          <div class="search">
            <label for="q">${t.t(S, 'search')}</label>
            <input id="q" type="search" autocomplete="off" spellcheck="false" placeholder=${t.t(S, 'searchPlaceholder')} .value=${m.query} @input=${this.onSearch} />
          </div>
          <p class="visually-hidden" role="status">${t.t(S, 'shown', visible.length, counts.all)}</p>
          <div class="row bulk">
            <label class="row"><input type="checkbox" .checked=${allShownSelected} ?disabled=${visible.length === 0}
              @change=${(e: Event) => m.selectVisible((e.target as HTMLInputElement).checked)} />${t.t(S, 'selectShown')}</label>
            ${selected ? html`<span role="status">${t.t(S, 'selected', selected)}</span>
              <button type="button" class="danger" part="action" data-bulk="selected" ?disabled=${so.kind !== 'idle'} @click=${() => m.requestSignOut('selected')}>${t.t(S, 'signOutSelected', selected)}</button>
              <button type="button" part="action" @click=${() => m.clearSelection()}>${t.t(S, 'clearSelection')}</button>` : nothing}
            <button type="button" part="action" data-bulk="all-others" ?disabled=${so.kind !== 'idle'} @click=${() => m.requestSignOut('all-others')}>${t.t(S, 'signOutAllOthers')}</button>
          </div>
          ${so.kind !== 'idle' && so.scope !== 'current' ? this.signOutPanel(so) : nothing}
          ${snap.canVouch || counts.unverified === 0 ? nothing : html`<p class="hint">${t.t(S, 'cantVouch')}</p>`}
          ${visible.length === 0 ? html`<p>${t.t(S, 'noMatch')}</p>` : nothing}
          <ul class="sessions" aria-label=${t.t(S, 'listLabel')} @click=${this.onListClick} @change=${this.onListChange}>
            ${repeat(shown, (r) => r.deviceId, (r) => this.row(r, snap.canVouch, now, threshold))}
          </ul>`}
      </section>
    </div>`;
  }
}
