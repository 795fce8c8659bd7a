import { html, nothing, render, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { MatrixClient } from 'matrix-js-sdk';
import { XsRequestVerifyEvent } from '../../events/xs-request-verify.js';
import { XsSessionRenamedEvent } from '../../events/xs-session-renamed.js';
import { XsSessionsSignedOutEvent } from '../../events/xs-sessions-signed-out.js';
import { explainFailure } from '../../i18n/errors.strings.js';
import { formatterOf, translate } from '../../i18n/registry.js';
import { XsElement } from '../../internal/xs-element.js';
import { checkServerUrl } from '../../internal/safe-url.js';
import { splitUntrusted } from '../../internal/untrusted-text.js';
import { sessionsSource, type SessionRow, type SessionsSource } from '../../sdk/sessions.js';
import {
  DAY_MS,
  RenamedEvent,
  SessionListModel,
  SignedOutEvent,
  isInactive,
  type SessionFilter,
  type SignOutStage,
} from '../../state/session-list.js';
import { sessionListStrings as S } from './session-list.strings.js';
import { renderSignOutPanel } from './sign-out-panel.js';
import { RowRecord, RowSlicer, type ShownRows } from './row-slices.js';
import { badgesAndMeta, details, noteFor, renameForm, summary, type PartsContext } from './session-parts.js';
import { clientLineOf, formatsOf, relativeTime, type ClientLine, type Formats } from './session-list-format.js';
import { sessionListStyles } from './session-list.styles.js';
import { createRow, extrasAnchor, setRowChecked, setRowExpanded, updateRow, type RowElement, type RowTexts, type RowValues } from './session-row.js';

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

  @state() private expanded = new Set<string>();
  @state() private note: { deviceId: string; text: 'verifyUnhandled' | 'verifyCurrentUnhandled' | 'renamed' } | undefined;

  private model?: SessionListModel;
  private modelVersion = 0;
  /** Puts the rows of the last render in the list, in slices (row-slices.ts). */
  private readonly rows = new RowSlicer({
    list: () => this.shadowRoot?.querySelector<HTMLUListElement>('ul.sessions') ?? null,
    rowFor: (r, rec, shown) => this.rowFor(r, rec, shown),
    applyFocus: () => this.applyFocus(),
    connected: () => this.isConnected,
  });
  /** When the update in progress started (its slice of rows is bounded by the clock from there). */
  private updateStart = 0;
  private rowNodesOf?: unknown;
  /** The values of the row being filled (one object for all rows: a long list makes no garbage per row). */
  private readonly rowValues: RowValues = {
    key: 0, deviceId: '', name: '', unnamed: false, selectLabel: '', checked: false, trustClass: '', trustLabel: '', inactive: false,
    title: '', activity: '', ip: '', expanded: false, canVerify: false, clientKind: '', clientKindLabel: '', clientText: '',
  };
  private readonly keys = new Map<string, number>();
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
    this.rows.shown = undefined;
    this.rows.rowNodes.clear();
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

  protected override stageKey(): string | undefined {
    const so = this.model?.signOut;
    if (!so || so.kind === 'idle') return 'list';
    return `signout-${so.kind}`;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.updateStart = performance.now();
    super.willUpdate(changed);
    // A new source is a new client as far as the list is concerned.
    if (changed.has('source') && this.hasUpdated && this.isConnected) this.reattach(this.matrixClient);
    if (changed.has('inactiveDays')) this.model?.setThresholdMs(this.inactiveDays * DAY_MS);
    const load = this.model?.load.kind;
    this.setExclusiveState(['loading', 'ready', 'failed'], load === 'idle' ? 'loading' : load);
    const so = this.model?.signOut.kind;
    this.setCustomState('busy', so === 'auth' || so === 'signing-out' || so === 'checking');
  }

  protected override updated(changed: PropertyValues<this>): void {
    this.rows.sync(this.updateStart, true);
    super.updated(changed);
    this.applyFocus();
  }

  private applyFocus() {
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
    document.removeEventListener('visibilitychange', this.onReturn);
    window.removeEventListener('focus', this.onReturn);
    // A list out of the document lets its rows go: a reconnect loads and builds them again anyway (a new model),
    // and a removed element that something still references should not keep a thousand rows alive.
    this.rows.release();
  }

  /** Resolves once every row of the current view is in the DOM (rows render in slices). */
  protected override async getUpdateComplete(): Promise<boolean> {
    let result = await super.getUpdateComplete();
    while (this.isConnected && this.model && !this.rows.complete) {
      await this.rows.nextSlice();
      result = await super.getUpdateComplete();
    }
    return result;
  }

  /** A stable short key per device id, for element ids and selectors (device ids are server-chosen text). */
  private keyOf(deviceId: string): number {
    let k = this.keys.get(deviceId);
    if (k === undefined) this.keys.set(deviceId, (k = this.keys.size + 1));
    return k;
  }

  // ── intent ───────────────────────────────────────────────────────────────────────────────────

  private setFilter(f: SessionFilter) {
    this.model?.setFilter(f);
  }

  private onSearch(e: InputEvent) {
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

  /** Language of the render in progress (looked up once per render, not per row). */
  private renderLang = 'en';
  private textCache = new Map<string, string>();

  /** A term in the render's language; terms without arguments are looked up once per render. */
  private tr<K extends keyof typeof S.en & string>(key: K, ...args: Parameters<typeof S.en[K] extends (...a: never[]) => string ? typeof S.en[K] : () => string>): string {
    if (args.length) return (translate as (l: string, s: typeof S, k: string, ...a: unknown[]) => string)(this.renderLang, S, key, ...args);
    let v = this.textCache.get(key);
    if (v === undefined) this.textCache.set(key, (v = (translate as (l: string, s: typeof S, k: string) => string)(this.renderLang, S, key)));
    return v;
  }

  /** The name's content for a `<bdi>`: plain text, or text with invisible characters shown by code point. */
  private nameContent(row: { displayName: string | undefined }): string | unknown[] {
    if (!row.displayName) return this.tr('unnamed');
    const parts = splitUntrusted(row.displayName);
    if (parts.length === 1 && 'text' in parts[0]!) return row.displayName;
    return parts.map((p) =>
      'text' in p ? p.text : html`<span class="hidden-char" title=${this.tr('invisibleChars')}>${p.codePoint}</span>`);
  }

  private name(row: { displayName: string | undefined }): TemplateResult {
    return html`<bdi class=${row.displayName ? '' : 'unnamed'}>${this.nameContent(row)}</bdi>`;
  }

  /** The Intl formatters of the render's language (see `formatsOf`). */
  private formats(): Formats {
    return formatsOf(this.renderLang);
  }

  /** Relative time of `ts` at `now` ("3 days ago"). */
  private relative(ts: number, now: number): string {
    return relativeTime(this.formats(), ts, now);
  }

  /** The device kind and client of a user agent, in the render's language (memoised per agent in `cache`). */
  private clientLine(ua: string | null, cache?: Map<string, ClientLine>): ClientLine {
    const key = ua ?? '';
    let line = cache?.get(key);
    if (line) return line;
    line = clientLineOf(ua, (key, ...args) => (key === 'clientOn' ? this.tr('clientOn', args[0]!, args[1]!) : this.tr(key)));
    cache?.set(key, line);
    return line;
  }

  /**
   * The element of a row, filled again only when something it shows changed. A row that leaves the list
   * (filter, search) keeps its element here, so showing it again costs an insertion, not a new row.
   */
  private rowFor(r: SessionRow, rec: RowRecord | undefined, shown: ShownRows): RowElement {
    const m = this.model!;
    const id = r.deviceId;
    const checked = m.selection.has(id);
    const expanded = this.expanded.has(id);
    const rename = m.rename?.deviceId === id ? m.rename : undefined;
    const note = this.note?.deviceId === id ? this.note : undefined;
    const seen = r.lastSeenTs;
    // Time enters a row only as its relative text and inactive flag, so a newer clock alone changes nothing.
    const when = seen !== null ? this.relative(seen, shown.now) : '';
    const inactive = isInactive(r, shown.now, shown.threshold);
    if (rec !== undefined && rec.row === r && rec.when === when && rec.inactive === inactive && rec.canVouch === shown.canVouch &&
        rec.textsKey === shown.textsKey) {
      if (rec.checked === checked && rec.expanded === expanded && rec.rename === rename && rec.note === note) return rec.li;
      // Only the row's own state changed (selection, details, rename, note): touch just that ("select all"
      // on a long list updates one checkbox per row).
      if (rec.checked !== checked) setRowChecked(rec.li, (rec.checked = checked));
      if (rec.expanded !== expanded) setRowExpanded(rec.li, (rec.expanded = expanded));
      rec.rename = rename;
      rec.note = note;
      this.renderExtras(r, rec);
      return rec.li;
    }
    const v = this.rowValues;
    v.key = this.keyOf(id);
    v.deviceId = id;
    v.unnamed = !r.displayName;
    if (!r.displayName) {
      v.name = shown.unnamed;
      v.selectLabel = shown.select(`${shown.unnamed} ${id}`);
    } else {
      const parts = splitUntrusted(r.displayName);
      if (parts.length === 1 && 'text' in parts[0]!) {
        v.name = r.displayName;
        v.selectLabel = shown.select(r.displayName);
      } else {
        v.name = parts;
        v.selectLabel = shown.select(parts.map((p) => ('text' in p ? p.text : `[${p.codePoint}]`)).join(''));
      }
    }
    v.checked = checked;
    const badge = shown.badges[r.trust] ?? shown.badges.unknown;
    v.trustClass = badge[0];
    v.trustLabel = badge[1];
    v.inactive = inactive;
    if (seen !== null) {
      v.title = shown.abs.format(seen);
      let activity = shown.activity.get(when);
      if (activity === undefined) shown.activity.set(when, (activity = shown.lastActivity(when)));
      v.activity = activity;
    } else {
      v.title = '';
      v.activity = shown.lastActivityUnknown;
    }
    v.ip = r.lastSeenIp ? ` · ${shown.ip(r.lastSeenIp)}` : '';
    v.expanded = expanded;
    v.canVerify = r.trust === 'unverified' && shown.canVouch;
    const client = this.clientLine(r.userAgent ?? null, shown.clients);
    v.clientKind = client.kind;
    v.clientKindLabel = client.kindLabel;
    v.clientText = client.text;
    if (rec === undefined) this.rows.rowNodes.set(id, (rec = new RowRecord(createRow(document, v, shown.texts))));
    else updateRow(rec.li, v, shown.texts);
    rec.row = r;
    rec.checked = checked;
    rec.expanded = expanded;
    rec.rename = rename;
    rec.note = note;
    rec.when = when;
    rec.inactive = inactive;
    rec.canVouch = shown.canVouch;
    rec.textsKey = shown.textsKey;
    this.renderExtras(r, rec);
    return rec.li;
  }

  /** A row's details, rename form and note, rendered with Lit into the row while it shows any of them. */
  private renderExtras(r: SessionRow, rec: RowRecord) {
    const extras = rec.expanded || rec.rename !== undefined || rec.note !== undefined;
    if (extras || rec.extras) {
      render(extras ? html`${rec.expanded ? details(this.parts(), r) : nothing}${renameForm(this.parts(), r)}${noteFor(this.parts(), r)}` : nothing, rec.li,
        { host: this, renderBefore: extrasAnchor(rec.li) });
      rec.extras = extras;
    }
  }

  private currentCard(row: SessionRow): TemplateResult {
    const m = this.model!;
    const k = this.keyOf(row.deviceId);
    const expanded = this.expanded.has(row.deviceId);
    const hint = row.trust === 'unverified' ? 'currentUnverifiedHint' : row.trust === 'no-keys' ? 'noKeysHint' : row.trust === 'verified' ? 'verifiedHint' : undefined;
    return html`<section class="card" part="current" aria-labelledby="cur-h" data-device data-id=${k} .deviceId=${row.deviceId}
        @click=${this.onListClick}>
      <h3 id="cur-h">${this.tr('currentHeading')}</h3>
      <div><span class="name" id="n-${k}">${this.name(row)}</span>${badgesAndMeta(this.parts(), row, false)}</div>
      ${hint ? html`<p class="hint">${this.tr(hint)}</p>` : nothing}
      <div class="actions" role="group" aria-labelledby="n-${k}">
        <button type="button" part="action" data-action="details" aria-expanded=${expanded ? 'true' : 'false'}>${this.tr('details')}</button>
        <button type="button" part="action" data-action="rename">${this.tr('rename')}</button>
        ${row.trust === 'unverified' ? html`<button type="button" class="primary" part="action" data-action="verify">${this.tr('verifyCurrent')}</button>` : nothing}
        <button type="button" part="action" data-action="sign-out">${this.tr('signOutCurrent')}</button>
      </div>
      ${expanded ? details(this.parts(), row) : nothing}${renameForm(this.parts(), row)}${noteFor(this.parts(), row)}
      ${m.view.current === row && m.signOut.kind !== 'idle' && m.signOut.scope === 'current' ? this.signOutPanel(m.signOut) : nothing}
    </section>`;
  }

  /** The context of the Lit-rendered parts (session-parts.ts), for the render in progress. */
  private parts(): PartsContext {
    return {
      model: this.model!,
      lang: this.renderLang,
      tr: (key, ...args) => this.tr(key, ...args),
      abs: this.formats().abs,
      relative: (ts) => this.relative(ts, this.model!.now),
      keyOf: (id) => this.keyOf(id),
      clientLine: (ua) => this.clientLine(ua),
      note: this.note,
      onRenameSubmit: (e) => this.onRenameSubmit(e),
      onRenameKey: (e) => this.onRenameKey(e),
      setFilter: (f) => this.setFilter(f),
      inactiveDays: this.inactiveDays,
    };
  }

  private signOutPanel(st: Exclude<SignOutStage, { kind: 'idle' }>): TemplateResult {
    return renderSignOutPanel(st, {
      model: this.model!,
      lang: this.renderLang,
      tr: (key, ...args) => this.tr(key, ...args),
      name: (row) => this.name(row),
      close: () => this.closePanel(),
      openAccountPage: (url) => this.openAccountPage(url),
    });
  }

  /** Opens the account page (MAS) in a new tab: only a URL that passes the one server-URL check, without opener. */
  private openAccountPage(url: string) {
    const check = checkServerUrl(url);
    if (!check.ok) return;
    window.open(check.url, '_blank', 'noopener');
    this.model?.markExternalOpened();
  }

  /** Back from the account page (this page visible or focused again): the list checks what happened there. */
  private readonly onReturn = () => {
    if (document.visibilityState !== 'visible') return;
    const so = this.model?.signOut;
    if (so?.kind === 'external' && so.opened) void this.model!.checkExternal();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('visibilitychange', this.onReturn);
    window.addEventListener('focus', this.onReturn);
  }

  private closePanel() {
    const m = this.model;
    if (!m) return;
    if (m.signOut.kind === 'done' || m.signOut.kind === 'failed') m.dismissSignOut();
    else m.cancelSignOut();
    this.focusAfterRender = '#others-h';
  }

  protected override render() {
    this.renderLang = this.localize.lang;
    this.textCache.clear();
    // A render without the list leaves no rows to show.
    this.rows.shown = undefined;
    const m = this.model;
    const header = html`<h2 part="header">${this.tr('heading')}</h2>`;
    if (!m || (!this.matrixClient && !this.source)) return html`<div part="base">${header}<p role="status">${this.tr('notConnected')}</p></div>`;
    const load = m.load;
    if (load.kind === 'idle' || load.kind === 'loading')
      return html`<div part="base">${header}<p role="status" part="status">${this.tr('loading')}</p></div>`;
    if (load.kind === 'failed')
      return html`<div part="base">${header}
        <p role="alert">${this.tr('loadFailed')} ${explainFailure(this.renderLang, load.failure)}</p>
        <button type="button" part="action" @click=${() => void m.reload()}>${this.tr('retry')}</button></div>`;

    const snap = load.snapshot;
    if (this.rowNodesOf !== snap) {
      // Sessions changed: forget the elements of rows that are gone.
      this.rowNodesOf = snap;
      const ids = new Set(m.view.others.map((r) => r.deviceId));
      for (const id of [...this.rows.rowNodes.keys()]) if (!ids.has(id)) this.rows.rowNodes.delete(id);
    }
    const view = m.view;
    const { counts, visible } = view;
    const so = m.signOut;
    const selected = m.selection.size;
    const allShownSelected = visible.length > 0 && m.selection.size >= visible.length && visible.every((r) => m.selection.has(r.deviceId));
    // The rows and what they depend on; `updated` puts them in the list (see `syncRows`).
    const lang = this.renderLang;
    const texts: RowTexts = {
      details: this.tr('details'), rename: this.tr('rename'), verify: this.tr('verify'), signOut: this.tr('signOut'),
      inactive: this.tr('inactive'), invisibleChars: this.tr('invisibleChars'),
    };
    const select = formatterOf(lang, S, 'select');
    const ip = formatterOf(lang, S, 'ip');
    const lastActivity = formatterOf(lang, S, 'lastActivity');
    const badges = {
      verified: ['badge verified', this.tr('verified')],
      unverified: ['badge unverified', this.tr('unverified')],
      'no-keys': ['badge no-keys', this.tr('noKeys')],
      unknown: ['badge unknown', this.tr('trustUnknown')],
    } as const;
    this.rows.shown = {
      rows: visible, now: m.now, threshold: m.thresholdMs, canVouch: snap.canVouch, texts, select, ip, lastActivity,
      lastActivityUnknown: this.tr('lastActivityUnknown'), unnamed: this.tr('unnamed'), badges, abs: this.formats().abs, activity: new Map(),
      clients: new Map(),
      textsKey: [lang, ...Object.values(texts), ...Object.values(badges).map((b) => b[1]), this.tr('lastActivityUnknown'), this.tr('unnamed'),
        select('\u0001'), ip('\u0001'), lastActivity('\u0001'), this.tr('clientOn', '\u0001', '\u0002'), this.tr('kindBrowser'),
        this.tr('kindDesktop'), this.tr('kindMobile')].join('\u0000'),
    };
    return html`<div part="base">
      ${header}
      ${m.refreshFailure ? html`<p role="alert">${this.tr('refreshFailed')} ${explainFailure(this.renderLang, m.refreshFailure)}
        <button type="button" part="action" @click=${() => void m.reload()}>${this.tr('retry')}</button></p>` : nothing}
      ${snap.cryptoAvailable ? nothing : html`<p class="hint">${this.tr('noCrypto')}</p>`}
      ${snap.dehydratedDeviceId ? html`<p class="hint" data-dehydrated-device>${this.tr('dehydratedDevice')}</p>` : nothing}
      ${view.current ? this.currentCard(view.current) : nothing}
      ${counts.all > 0 ? summary(this.parts()) : nothing}
      <section aria-labelledby="others-h">
        <h3 id="others-h" tabindex="-1">${this.tr('othersHeading')}</h3>
        ${counts.all === 0 ? html`<p>${this.tr('noOthers')}</p>
          ${so.kind !== 'idle' && so.scope !== 'current' ? this.signOutPanel(so) : nothing}` : html`
          <fieldset class="filters" part="filters">
            <legend>${this.tr('filterLabel')}</legend>
            <div class="row">${(['all', 'verified', 'unverified', 'inactive'] as const).map((f) => html`<button type="button" part="action"
              aria-pressed=${m.filter === f ? 'true' : 'false'} data-filter=${f} @click=${() => this.setFilter(f)}>${this.tr(FILTER_KEYS[f], counts[f])}</button>`)}</div>
          </fieldset>
          <div class="search">
            <label for="q">${this.tr('search')}</label>
            <input id="q" type="search" autocomplete="off" spellcheck="false" placeholder=${this.tr('searchPlaceholder')} .value=${m.query} @input=${this.onSearch} />
          </div>
          <p class="visually-hidden" role="status">${this.tr('shown', visible.length, counts.all)}</p>
          <div class="row bulk">
            <label class="row"><input type="checkbox" .checked=${allShownSelected} ?disabled=${visible.length === 0}
              @change=${(e: Event) => m.selectVisible((e.target as HTMLInputElement).checked)} />${this.tr('selectShown')}</label>
            ${selected ? html`<span role="status">${this.tr('selected', selected)}</span>
              <button type="button" class="danger" part="action" data-bulk="selected" ?disabled=${so.kind !== 'idle'} @click=${() => m.requestSignOut('selected')}>${this.tr('signOutSelected', selected)}</button>
              <button type="button" part="action" @click=${() => m.clearSelection()}>${this.tr('clearSelection')}</button>` : nothing}
            <button type="button" part="action" data-bulk="all-others" ?disabled=${so.kind !== 'idle'} @click=${() => m.requestSignOut('all-others')}>${this.tr('signOutAllOthers')}</button>
          </div>
          ${so.kind !== 'idle' && so.scope !== 'current' ? this.signOutPanel(so) : nothing}
          ${snap.canVouch || counts.unverified === 0 ? nothing : html`<p class="hint">${this.tr('cantVouch')}</p>`}
          ${visible.length === 0 ? html`<p>${this.tr('noMatch')}</p>` : nothing}
          <ul class="sessions" aria-label=${this.tr('listLabel')} @click=${this.onListClick} @change=${this.onListChange}></ul>`}
      </section>
    </div>`;
  }
}
