import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { MatrixClient } from 'matrix-js-sdk';
import { XsElement } from '../../internal/xs-element.js';
import { sessionsSource, type SessionRow, type SessionsSource } from '../../sdk/sessions.js';
import { DAY_MS, SessionListModel, type RenamedEvent, type SessionFilter, type SignOutStage } from '../../state/session-list.js';
import { RowRecord, RowSlicer, type ShownRows } from './row-slices.js';
import { currentCard, listControls, summary, type PartsContext } from './session-parts.js';
import { sessionListStyles } from './session-list.styles.js';
import type { RowElement, RowValues } from './session-row.js';
import { fillRow, renderRowExtras, shownRowsOf } from './row-fill.js';
import type { AccountPageReturn } from './account-page-return.js';
import { ListWords } from './list-words.js';

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
  /** The words of the render in progress (list-words.ts). */
  private readonly words = new ListWords();
  private modelVersion = 0;
  /**
   * What the first render does not show or run (session-actions.ts): a session's details, the rename form, notes,
   * what the rows' buttons do, the selection's buttons, the sign-out panel with the password prompt, the account-page
   * hand-off, the model's flows after a press, a failed load's words. Loaded in the first idle moment after it, or
   * when a person needs one of them first.
   */
  private readonly actions = this.lazy(() => import('./session-actions.js'));
  /** Whether the later parts' styles were added (session-actions.styles.ts). */
  private adopted = false;
  /** The hand-off to the account page (MAS): opens it, and has the list check when the person comes back. */
  private accountPage?: AccountPageReturn;
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
    title: '', activity: '', ip: '', expanded: false, canVerify: false, clientKind: '', clientKindLabel: '', clientText: '' };
  private readonly keys = new Map<string, number>();
  private focusAfterRender?: string;
  private readonly onModelChange = () => {
    this.modelVersion++;
    this.requestUpdate();
  };
  /** An outcome of the model's flows ('signed-out', 'renamed'): they came with the later parts. */
  private readonly onOutcome = (e: Event) => {
    if (e.type === 'renamed') {
      const { deviceId } = e as RenamedEvent;
      this.note = { deviceId, text: 'renamed' };
      this.focusAfterRender = `[data-id="${this.keyOf(deviceId)}"] button[data-action=rename]`;
    }
    void this.actions.load().then((a) => this.emit(a.outcomeEvent(e)));
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
    // The flows after a press load with the later parts, so that `updateComplete` waits for them.
    const model = new SessionListModel(source, { loadFlows: () => this.actions.load().then((a) => a.flows) });
    model.setThresholdMs(this.inactiveDays * DAY_MS);
    this.model = model;
    this.rows.shown = undefined;
    this.rows.rowNodes.clear();
    model.addEventListener('change', this.onModelChange);
    model.addEventListener('signed-out', this.onOutcome);
    model.addEventListener('renamed', this.onOutcome);
    model.attach();
    this.requestUpdate();
    return () => {
      model.removeEventListener('change', this.onModelChange);
      model.removeEventListener('signed-out', this.onOutcome);
      model.removeEventListener('renamed', this.onOutcome);
      model.detach();
      if (this.model === model) this.model = undefined;
    };
  }

  protected override stageKey(): string | undefined {
    const so = this.model?.signOut;
    if (!so || so.kind === 'idle') return 'list';
    // The panel still loading has no heading to focus yet: its key comes with it.
    return this.actions.ready ? `signout-${so.kind}` : undefined;
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
    const actions = this.actions.ready ? this.actions.value : undefined;
    if (actions && !this.adopted) {
      this.adopted = true;
      actions.adopt(this.renderRoot);
      this.accountPage = new actions.AccountPageReturn(this, () => this.model);
    }
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
    if (action === 'details') {
      const next = new Set(this.expanded);
      if (!next.delete(deviceId)) next.add(deviceId);
      this.expanded = next;
      return;
    }
    // What the other buttons do came with the later parts (loaded by now, unless the press came first).
    const run = (a: typeof import('./session-actions.js')) => a.act({
      model: m,
      emit: (e) => this.emit(e),
      setNote: (note) => (this.note = note),
      focusLater: (selector) => (this.focusAfterRender = selector),
      keyOf: (id) => this.keyOf(id),
    }, action, deviceId);
    if (this.actions.ready) run(this.actions.value!);
    else void this.actions.load().then(run, () => undefined);
  }

  // ── rendering ────────────────────────────────────────────────────────────────────────────────

  /** A row's element (row-fill.ts), filled with this render's values. */
  private rowFor(r: SessionRow, rec: RowRecord | undefined, shown: ShownRows): RowElement {
    return fillRow({
      model: this.model!,
      expanded: this.expanded,
      note: this.note,
      values: this.rowValues,
      keyOf: (id) => this.keyOf(id),
      relative: (ts, now) => this.words.relative(ts, now),
      clientLine: (ua, cache) => this.words.clientLine(ua, cache),
      rowNodes: this.rows.rowNodes,
      renderExtras: (row, record) => renderRowExtras(this.parts(), this, row, record),
    }, r, rec, shown);
  }

  /** The context of the Lit-rendered parts (session-parts.ts), for the render in progress. */
  private parts(): PartsContext {
    return {
      model: this.model!,
      lang: this.words.lang,
      tr: (key, ...args) => this.words.tr(key, ...args),
      abs: this.words.formats().abs,
      relative: (ts) => this.words.relative(ts, this.model!.now),
      keyOf: (id) => this.keyOf(id),
      clientLine: (ua) => this.words.clientLine(ua),
      note: this.note,
      focusLater: (selector) => (this.focusAfterRender = selector),
      setFilter: (f) => this.setFilter(f),
      onSearch: (e) => this.onSearch(e),
      inactiveDays: this.inactiveDays,
      name: (row) => this.words.name(row),
      expanded: this.expanded,
      onCardClick: (e) => this.onListClick(e),
      signOutPanel: (st) => this.signOutPanel(st),
      rowExtras: (row, expanded) => this.rowExtras(row, expanded),
      later: () => this.actions.value,
    };
  }

  private rowExtras(row: SessionRow, expanded: boolean) {
    const m = this.model;
    if (!expanded && m?.rename?.deviceId !== row.deviceId && this.note?.deviceId !== row.deviceId) return nothing;
    return this.actions.value?.rowExtras(this.parts(), row, expanded);
  }

  private signOutPanel(st: Exclude<SignOutStage, { kind: 'idle' }>) {
    const actions = this.actions.value;
    if (!actions) return nothing;
    return actions.renderSignOutPanel(st, {
      model: this.model!,
      lang: this.words.lang,
      name: (row) => this.words.name(row),
      focusLater: (selector) => (this.focusAfterRender = selector),
      openAccountPage: (url) => this.accountPage?.open(url),
    });
  }

  protected override render() {
    this.words.begin(this.localize.lang);
    // A render without the list leaves no rows to show.
    this.rows.shown = undefined;
    const m = this.model;
    const header = html`<h2 part="header">${this.words.tr('heading')}</h2>`;
    if (!m || (!this.matrixClient && !this.source)) return html`<div part="base">${header}<p role="status">${this.words.tr('notConnected')}</p></div>`;
    const load = m.load;
    if (load.kind === 'idle' || load.kind === 'loading')
      return html`<div part="base">${header}<p role="status" part="status">${this.words.tr('loading')}</p></div>`;
    // A failure's words come with the later parts (the list renders again when they are here).
    if (load.kind === 'failed') return html`<div part="base">${header}
        ${this.actions.value?.loadFailure({ lang: this.words.lang, model: m }, load.failure, false)}</div>`;

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
    // The rows and what they depend on; `updated` puts them in the list (see `syncRows`).
    this.rows.shown = shownRowsOf(view.visible, m.now, m.thresholdMs, snap.canVouch, this.words.lang, (key, ...args) => this.words.tr(key, ...args),
      this.words.formats().abs);
    /* eslint-disable lit-a11y/click-events-have-key-events -- the list's clicks come from the native buttons in its rows */
    return html`<div part="base">
      ${header}
      ${m.refreshFailure ? this.actions.value?.loadFailure({ lang: this.words.lang, model: m }, m.refreshFailure, true) : nothing}
      ${snap.cryptoAvailable ? nothing : html`<p class="hint">${this.words.tr('noCrypto')}</p>`}
      ${snap.dehydratedDeviceId ? html`<p class="hint" data-dehydrated-device>${this.words.tr('dehydratedDevice')}</p>` : nothing}
      ${view.current ? currentCard(this.parts(), view.current) : nothing}
      ${counts.all > 0 ? summary(this.parts()) : nothing}
      <section aria-labelledby="others-h">
        <h3 id="others-h" tabindex="-1">${this.words.tr('othersHeading')}</h3>
        ${counts.all === 0 ? html`<p>${this.words.tr('noOthers')}</p>
          ${so.kind !== 'idle' && so.scope !== 'current' ? this.signOutPanel(so) : nothing}` : html`
          ${listControls(this.parts())}
          ${so.kind !== 'idle' && so.scope !== 'current' ? this.signOutPanel(so) : nothing}
          ${snap.canVouch || counts.unverified === 0 ? nothing : html`<p class="hint">${this.words.tr('cantVouch')}</p>`}
          ${visible.length === 0 ? html`<p>${this.actions.value?.ta(this.words, 'noMatch')}</p>` : nothing}
          <ul class="sessions" aria-label=${this.words.tr('listLabel')} @click=${(e: MouseEvent) => this.onListClick(e)} @change=${(e: Event) => this.onListChange(e)}></ul>`}
      </section>
    </div>`;
    /* eslint-enable lit-a11y/click-events-have-key-events */
  }
}
