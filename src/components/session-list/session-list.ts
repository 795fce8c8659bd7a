import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { MatrixClient } from 'matrix-js-sdk';
import type { XsEvent } from '../../events/xs-event.js';
import { translate } from '../../i18n/registry.js';
import { XsElement } from '../../internal/xs-element.js';
import { sessionsSource, type SessionRow, type SessionsSource } from '../../sdk/sessions.js';
import { DAY_MS, SessionListModel, type SignOutStage } from '../../state/session-list.js';
import { Rows } from './rows.js';
import { currentCard, listControls, summary } from './session-parts.js';
import { sessionListStyles } from './session-list.styles.js';
import { sessionListStrings as S } from './session-list.strings.js';
import type { AccountPageReturn } from './account-page-return.js';

type Terms = typeof S.en;
type Args<K extends keyof Terms> = Terms[K] extends (...a: infer P) => string ? P : [];

/** A note at a session's row or card (after Verify nobody handled, after a rename). */
export interface Note {
  deviceId: string;
  text: 'verifyUnhandled' | 'verifyCurrentUnhandled' | 'renamed';
}

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
  static override styles = [...XsElement.styles, ...sessionListStyles];

  /** Sessions not seen for longer than this many days are marked inactive. */
  @property({ type: Number, attribute: 'inactive-days' }) inactiveDays = 90;

  /** A source of sessions other than the client (tests and custom hosts); wins over the client. */
  @property({ attribute: false }) source?: SessionsSource;

  /** @internal Sessions whose details are open. */
  @state() expanded = new Set<string>();
  /** @internal The note shown at a session. */
  @state() note: Note | undefined;

  // The members marked internal are what the list's parts (session-parts.ts, rows.ts, and the later parts in
  // session-actions.ts) read from the list: the list is their context.

  /** @internal Language of the render in progress (looked up once per render, not per row). */
  renderLang = 'en';
  /**
   * @internal What the first render does not show or run (session-actions.ts): a session's details, the rename form,
   * notes, what the rows' buttons do, the selection's buttons, the sign-out panel with the password prompt, the
   * account-page hand-off, the model's flows after a press, a failed load's words. Loaded in the first idle moment
   * after it, or when a person needs one of them first.
   */
  readonly later = this.lazy(() => import('./session-actions.js'));
  /** @internal The hand-off to the account page (MAS): opens it, and has the list check when the person comes back. */
  accountPage?: AccountPageReturn;
  /** @internal The rows of the last render, put in the list in slices (rows.ts). */
  readonly rows = new Rows(this);

  #model?: SessionListModel;
  /** Terms without arguments of the render in progress. */
  readonly #texts = new Map<string, string>();
  /** Whether the later parts joined the list (their styles, the account-page hand-off: session-actions.ts `adopt`). */
  #adopted = false;
  /** When the update in progress started (its slice of rows is bounded by the clock from there). */
  #updateStart = 0;
  #rowNodesOf?: unknown;
  readonly #keys = new Map<string, number>();
  #focusAfterRender?: string;
  #detachCurrent?: () => void;
  readonly #onModelChange = () => this.requestUpdate();
  /** An outcome of the model's flows ('signed-out', 'renamed'): the flows came with the later parts, which handle it. */
  readonly #onOutcome = (e: Event) => this.later.value?.outcome(this, e);

  /** The view model (for hosts that want to drive it, e.g. reload after their own action). */
  get sessions(): SessionListModel | undefined {
    return this.#model;
  }

  /** Loads the list again from the homeserver. */
  reload(): Promise<void> {
    return this.#model?.reload() ?? Promise.resolve();
  }

  protected override clientChanged(client: MatrixClient | undefined): () => void {
    this.#reattach(client);
    return () => {
      this.#detachCurrent?.();
      this.#detachCurrent = undefined;
    };
  }

  #reattach(client: MatrixClient | undefined) {
    this.#detachCurrent?.();
    const source = this.source ?? (client ? sessionsSource(client) : undefined);
    // The flows after a press load with the later parts, so that `updateComplete` waits for them.
    const model = new SessionListModel(source, { loadFlows: () => this.later.load().then((a) => a.flows) });
    model.setThresholdMs(this.inactiveDays * DAY_MS);
    this.#model = model;
    this.rows.shown = undefined;
    this.rows.rowNodes.clear();
    const on = (add: boolean) => {
      for (const [type, f] of [['change', this.#onModelChange], ['signed-out', this.#onOutcome], ['renamed', this.#onOutcome]] as const) {
        if (add) model.addEventListener(type, f);
        else model.removeEventListener(type, f);
      }
    };
    on(true);
    model.attach();
    this.requestUpdate();
    this.#detachCurrent = () => {
      on(false);
      model.detach();
      if (this.#model === model) this.#model = undefined;
    };
  }

  protected override stageKey(): string | undefined {
    const so = this.#model?.signOut;
    if (!so || so.kind === 'idle') return 'list';
    // The panel still loading has no heading to focus yet: its key comes with it.
    return this.later.ready ? `signout-${so.kind}` : undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.#updateStart = performance.now();
    super.willUpdate(changed);
    // A new source is a new client as far as the list is concerned.
    if (changed.has('source') && this.hasUpdated && this.isConnected) this.#reattach(this.matrixClient);
    if (changed.has('inactiveDays')) this.#model?.setThresholdMs(this.inactiveDays * DAY_MS);
    const load = this.#model?.load.kind;
    this.setExclusiveState(['loading', 'ready', 'failed'], load === 'idle' ? 'loading' : load);
    const so = this.#model?.signOut.kind;
    this.setCustomState('busy', so === 'auth' || so === 'signing-out' || so === 'checking');
    if (this.later.ready && !this.#adopted) {
      this.#adopted = true;
      this.later.value!.adopt(this);
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    this.rows.sync(this.#updateStart, true);
    super.updated(changed);
    this.applyFocus();
  }

  /** @internal Focuses what `focusLater` asked for, once it is in the DOM. */
  applyFocus() {
    const target = this.#focusAfterRender && this.shadowRoot?.querySelector<HTMLElement>(this.#focusAfterRender);
    if (target) {
      this.#focusAfterRender = undefined;
      target.focus();
    }
  }

  /** @internal Focuses the element `selector` finds once it is rendered. */
  focusLater(selector: string) {
    this.#focusAfterRender = selector;
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
    while (this.isConnected && this.#model && !this.rows.complete) {
      await this.rows.nextSlice();
      result = await super.getUpdateComplete();
    }
    return result;
  }

  /** @internal A stable short key per device id, for element ids and selectors (device ids are server-chosen text). */
  keyOf(deviceId: string): number {
    let k = this.#keys.get(deviceId);
    if (k === undefined) this.#keys.set(deviceId, (k = this.#keys.size + 1));
    return k;
  }

  /** @internal A term in the render's language; terms without arguments are looked up once per render. */
  tr<K extends keyof Terms>(key: K, ...args: Args<K>): string {
    const t = translate as (l: string, s: typeof S, k: string, ...a: unknown[]) => string;
    if (args.length) return t(this.renderLang, S, key, ...args);
    let v = this.#texts.get(key);
    if (v === undefined) this.#texts.set(key, (v = t(this.renderLang, S, key)));
    return v;
  }

  /** @internal Emits an event of the list (for the later parts). */
  fire(e: XsEvent): boolean {
    return this.emit(e);
  }

  // ── intent ───────────────────────────────────────────────────────────────────────────────────

  /** @internal A click in the list or on this session's card: a row's button. */
  onListClick(e: MouseEvent) {
    const button = (e.target as HTMLElement).closest<HTMLButtonElement>('button[data-action]');
    const id = button && this.#rowOf(e);
    const m = this.#model;
    if (id === undefined || id === null || !m) return;
    const action = button!.dataset['action']!;
    if (action === 'details') {
      const next = new Set(this.expanded);
      if (!next.delete(id)) next.add(id);
      this.expanded = next;
      return;
    }
    // What the other buttons do came with the later parts (loaded by now, unless the press came first).
    const run = (a: typeof import('./session-actions.js')) => a.act(this, action, id);
    if (this.later.ready) run(this.later.value!);
    else void this.later.load().then(run, () => undefined);
  }

  #rowOf(e: Event): string | undefined {
    return (e.target as HTMLElement).closest<HTMLElement & { deviceId?: string }>('[data-device]')?.deviceId;
  }

  #onListChange(e: Event) {
    const input = e.target as HTMLInputElement;
    const id = this.#rowOf(e);
    if (input.type === 'checkbox' && id !== undefined) this.#model?.toggle(id, input.checked);
  }

  // ── rendering ────────────────────────────────────────────────────────────────────────────────

  /**
   * @internal A session's details, rename form and note, those it shows now (session-actions.ts); undefined while
   * that module loads (the list renders again when it is here).
   */
  rowExtras(row: SessionRow, expanded: boolean) {
    const m = this.#model;
    if (!expanded && m?.rename?.deviceId !== row.deviceId && this.note?.deviceId !== row.deviceId) return nothing;
    return this.later.value?.rowExtras(this, row, expanded);
  }

  /** @internal The sign-out panel (nothing while its module loads: session-actions.ts). */
  signOutPanel(st: Exclude<SignOutStage, { kind: 'idle' }>) {
    return this.later.value?.renderSignOutPanel(st, this) ?? nothing;
  }

  protected override render() {
    this.renderLang = this.localize.lang;
    this.#texts.clear();
    // A render without the list leaves no rows to show.
    this.rows.shown = undefined;
    const m = this.#model;
    const header = html`<h2 part="header">${this.tr('heading')}</h2>`;
    if (!m || (!this.matrixClient && !this.source)) return html`<div part="base">${header}<p role="status">${this.tr('notConnected')}</p></div>`;
    const load = m.load;
    if (load.kind === 'idle' || load.kind === 'loading')
      return html`<div part="base">${header}<p role="status" part="status">${this.tr('loading')}</p></div>`;
    // A failure's words come with the later parts (the list renders again when they are here).
    if (load.kind === 'failed') return html`<div part="base">${header}${this.later.value?.loadFailure(this, load.failure, false)}</div>`;

    const snap = load.snapshot;
    const view = m.view;
    if (this.#rowNodesOf !== snap) {
      // Sessions changed: forget the elements of rows that are gone.
      this.#rowNodesOf = snap;
      const ids = new Set(view.others.map((r) => r.deviceId));
      for (const id of [...this.rows.rowNodes.keys()]) if (!ids.has(id)) this.rows.rowNodes.delete(id);
    }
    const { counts, visible } = view;
    const so = m.signOut;
    // The rows and what they depend on; `updated` puts them in the list (rows.ts).
    this.rows.show(visible, m, snap);
    const panel = so.kind !== 'idle' && so.scope !== 'current' ? this.signOutPanel(so) : nothing;
    /* eslint-disable lit-a11y/click-events-have-key-events -- the list's clicks come from the native buttons in its rows */
    return html`<div part="base">${header}
${m.refreshFailure ? this.later.value?.loadFailure(this, m.refreshFailure, true) : nothing}
${snap.cryptoAvailable ? nothing : html`<p class="hint">${this.tr('noCrypto')}</p>`}
${snap.dehydratedDeviceId ? html`<p class="hint" data-dehydrated-device>${this.tr('dehydratedDevice')}</p>` : nothing}
${view.current ? currentCard(this, view.current) : nothing}
${counts.all > 0 ? summary(this) : nothing}
<section aria-labelledby="others-h">
<h3 id="others-h" tabindex="-1">${this.tr('othersHeading')}</h3>
${counts.all === 0 ? html`<p>${this.tr('noOthers')}</p>${panel}` : html`${listControls(this)}
${panel}
${snap.canVouch || counts.unverified === 0 ? nothing : html`<p class="hint">${this.tr('cantVouch')}</p>`}
${visible.length === 0 ? html`<p>${this.later.value?.ta(this, 'noMatch')}</p>` : nothing}
<ul class="sessions" aria-label=${this.tr('listLabel')} @click=${(e: MouseEvent) => this.onListClick(e)} @change=${(e: Event) => this.#onListChange(e)}></ul>`}
</section>
</div>`;
    /* eslint-enable lit-a11y/click-events-have-key-events */
  }
}
