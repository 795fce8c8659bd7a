// The session list as a plain-TS view model: filters and counts, the inactivity threshold, selection
// keyed by device id, inline rename, and the sign-out stages (confirm → user-interactive auth → done). What runs
// after a press (saving a name, signing out) is in session-list.flows.ts, loaded then (or prefetched when a sign-out
// is asked for).
import { describeFailure, type Failure } from '../sdk/errors.js';
import { sharedImport } from '../internal/shared-import.js';
import type { AccountManagement } from '../sdk/account-management.js';
import type { SessionRow, SessionsSnapshot, SessionsSource } from '../sdk/sessions.js';
import { DAY_MS, deriveView, type SessionFilter, type SessionView } from './session-view.js';
import type { ModelPort } from './session-sign-out.js';
import type { LoadStage, RenameState, SignOutScope, SignOutStage } from './session-list.stages.js';

type Flows = typeof import('./session-list.flows.js');
/** The flows' module, shared by every list (a failed load is tried again next time). */
const flowsModule = sharedImport(() => import('./session-list.flows.js'));

// The view derivation (filters, counts, order) lives in session-view.ts, the stages and events in
// session-list.stages.ts; both re-exported here for existing imports.
export * from './session-view.js';
export * from './session-list.stages.js';
/** Longest device name accepted before asking the server (Synapse refuses more than 100 characters). */
export const MAX_NAME_LENGTH = 100;

export interface SessionListOptions {
  now?: () => number;
  /** Coalesces bursts of device/trust events into one reload. */
  refreshDelayMs?: number;
  /**
   * Loads the flows that run after a press (session-list.flows.ts); default: a plain `import()`. <xs-session-list>
   * loads them with its later parts, so that its `updateComplete` waits for them.
   */
  loadFlows?: () => Promise<Flows>;
}

/**
 * The session list. Listen to 'change' to re-render; 'signed-out' and 'renamed' report outcomes.
 * `attach()` loads and follows the source; `detach()` stops following and cancels a pending sign-out.
 */
export class SessionListModel extends EventTarget {
  load: LoadStage = { kind: 'idle' };
  filter: SessionFilter = 'all';
  query = '';
  thresholdMs = 90 * DAY_MS;
  /** Selected other sessions, by device id. */
  readonly selection = new Set<string>();
  signOut: SignOutStage = { kind: 'idle' };
  rename: RenameState | undefined;
  /** Set while a background reload after a change failed; the last good list stays shown. */
  refreshFailure: Failure | undefined;
  /** Time the view was derived at (relative times and "inactive" are computed against it). */
  now: number;

  /** The account-management page (MAS), once known; undefined for password accounts (and until known). */
  accountManagement: AccountManagement | undefined;
  /** Whether the homeserver answered whether it has an account page (`accountManagement` is that answer). */
  #accountManagementKnown = false;
  #accountManagementFailure: Failure | undefined;
  /** The lookup in flight, joined by every caller. */
  #accountManagementLookup: Promise<void> | undefined;
  /** Counts detaches: an answer that arrives after one belongs to no one. */
  #attachGen = 0;

  #cachedView: SessionView | undefined;
  #unsubscribe: (() => void) | undefined;
  #loadSeq = 0;
  #refreshTimer: ReturnType<typeof setTimeout> | undefined;
  readonly #clock: () => number;
  readonly #refreshDelayMs: number;
  readonly #loadFlows: () => Promise<Flows>;
  /** The flows once loaded: a press then runs them at once (as if they were part of this module). */
  #loadedFlows?: Flows;

  readonly #source: SessionsSource | undefined;

  constructor(source: SessionsSource | undefined, opts: SessionListOptions = {}) {
    super();
    this.#source = source;
    this.#clock = opts.now ?? (() => Date.now());
    this.#refreshDelayMs = opts.refreshDelayMs ?? 150;
    this.#loadFlows = opts.loadFlows ?? (() => flowsModule.load());
    this.now = this.#clock();
  }

  /**
   * Keeps the previous row objects for sessions whose data did not change, so a long list doesn't
   * re-render every row on each device event.
   */
  #shareRows(next: SessionsSnapshot): SessionsSnapshot {
    const prev = this.snapshot;
    if (!prev) return next;
    const old = new Map(prev.sessions.map((r) => [r.deviceId, r]));
    // Same fields, same values (a row is flat: strings, numbers, booleans).
    const same = (a: SessionRow, b: SessionRow) =>
      (Object.keys({ ...a, ...b }) as (keyof SessionRow)[]).every((k) => a[k] === b[k]);
    return { ...next, sessions: next.sessions.map((r) => { const o = old.get(r.deviceId); return o && same(o, r) ? o : r; }) };
  }

  get snapshot(): SessionsSnapshot | undefined {
    return this.load.kind === 'ready' ? this.load.snapshot : undefined;
  }

  get view(): SessionView {
    if (!this.#cachedView) {
      this.#cachedView = deriveView(this.snapshot?.sessions ?? [], this.filter, this.query, this.now, this.thresholdMs);
    }
    return this.#cachedView;
  }

  /** Starts following `source` (the first load shows a loading stage; later reloads keep the list). */
  attach(): void {
    if (!this.#source || this.#unsubscribe) return;
    this.#unsubscribe = this.#source.subscribe(() => this.#scheduleRefresh());
    void this.reload();
    void this.#lookUpAccountManagement();
  }

  /**
   * Asks the homeserver whether an account service (MAS) manages the account, unless it answered already. One
   * lookup at a time: callers join the one in flight. A failure leaves it unknown (asked again at sign-out).
   */
  #lookUpAccountManagement(): Promise<void> {
    const source = this.#source;
    if (this.#accountManagementKnown) return Promise.resolve();
    if (!source?.accountManagement) {
      this.#accountManagementKnown = true;
      return Promise.resolve();
    }
    const gen = this.#attachGen;
    return (this.#accountManagementLookup ??= source.accountManagement().then(
      (am) => {
        if (gen !== this.#attachGen) return; // detached meanwhile
        this.#accountManagementLookup = undefined;
        this.accountManagement = am;
        this.#accountManagementKnown = true;
        this.#accountManagementFailure = undefined;
        this.#changed();
      },
      (e) => {
        if (gen !== this.#attachGen) return;
        this.#accountManagementLookup = undefined;
        this.#accountManagementFailure = describeFailure(e);
      },
    ));
  }

  detach(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    clearTimeout(this.#refreshTimer);
    this.#loadSeq++;
    if (this.signOut.kind === 'auth') this.signOut.uia.cancel();
    this.accountManagement = undefined;
    this.#accountManagementKnown = false;
    this.#accountManagementLookup = undefined;
    this.#attachGen++;
  }

  /** Reloads from the server. Resolves when done (never rejects: failures land in the stage). */
  async reload(): Promise<void> {
    const source = this.#source;
    if (!source) return;
    const seq = ++this.#loadSeq;
    if (this.load.kind !== 'ready') this.#setLoad({ kind: 'loading' });
    try {
      const fresh = await source.load();
      if (seq !== this.#loadSeq) return;
      const snapshot = this.#shareRows(fresh);
      this.refreshFailure = undefined;
      const present = new Set(snapshot.sessions.filter((s) => !s.isCurrent).map((s) => s.deviceId));
      for (const id of [...this.selection]) if (!present.has(id)) this.selection.delete(id);
      if (this.rename && !snapshot.sessions.some((s) => s.deviceId === this.rename!.deviceId)) this.rename = undefined;
      this.now = this.#clock();
      this.#setLoad({ kind: 'ready', snapshot });
    } catch (e) {
      if (seq !== this.#loadSeq) return;
      const failure = describeFailure(e);
      if (this.load.kind === 'ready') {
        this.refreshFailure = failure;
        this.#changed();
      } else this.#setLoad({ kind: 'failed', failure });
    }
  }

  #scheduleRefresh() {
    clearTimeout(this.#refreshTimer);
    this.#refreshTimer = setTimeout(() => void this.reload(), this.#refreshDelayMs);
  }

  setFilter(filter: SessionFilter): void {
    if (filter === this.filter) return;
    this.filter = filter;
    this.#changed();
  }

  setQuery(query: string): void {
    if (query === this.query) return;
    this.query = query;
    this.#changed();
  }

  setThresholdMs(ms: number): void {
    if (!(ms > 0) || ms === this.thresholdMs) return;
    this.thresholdMs = ms;
    this.now = this.#clock();
    this.#changed();
  }

  // ── selection ────────────────────────────────────────────────────────────────────────────────

  toggle(deviceId: string, on = !this.selection.has(deviceId)): void {
    if (!this.view.others.some((r) => r.deviceId === deviceId)) return;
    if (on) this.selection.add(deviceId);
    else this.selection.delete(deviceId);
    this.#changed();
  }

  /** Selects (or clears) every session shown now. */
  selectVisible(on: boolean): void {
    for (const r of this.view.visible) {
      if (on) this.selection.add(r.deviceId);
      else this.selection.delete(r.deviceId);
    }
    this.#changed();
  }

  clearSelection(): void {
    this.selection.clear();
    this.#changed();
  }

  // ── rename ───────────────────────────────────────────────────────────────────────────────────

  startRename(deviceId: string): void {
    const row = this.snapshot?.sessions.find((s) => s.deviceId === deviceId);
    if (!row || this.rename?.kind === 'saving') return;
    this.rename = { kind: 'editing', deviceId, draft: row.displayName ?? '' };
    this.#changed();
  }

  editRename(draft: string): void {
    if (this.rename?.kind !== 'editing') return;
    this.rename = { kind: 'editing', deviceId: this.rename.deviceId, draft };
    this.#changed();
  }

  cancelRename(): void {
    if (!this.rename || this.rename.kind === 'saving') return;
    this.rename = undefined;
    this.#changed();
  }

  /** Saves the draft. Empty names are refused here; the server's refusal keeps the edit open with its reason. */
  async saveRename(draft = this.rename?.draft ?? ''): Promise<boolean> {
    if (this.rename?.kind !== 'editing') return false;
    const [flows, port] = this.#flows() ?? (await this.#loadAndGetFlows());
    return port ? flows.saveRename(port, draft) : false;
  }

  // ── sign out ─────────────────────────────────────────────────────────────────────────────────

  /** Asks to confirm signing out `scope`: one session, the selection, all other sessions, or this one. */
  requestSignOut(scope: SignOutScope, deviceId?: string): void {
    if (['auth', 'signing-out', 'external', 'checking'].includes(this.signOut.kind)) return;
    const snap = this.snapshot;
    if (!snap) return;
    let rows: SessionRow[];
    if (scope === 'one') rows = snap.sessions.filter((s) => s.deviceId === deviceId && !s.isCurrent);
    else if (scope === 'selected') rows = this.view.others.filter((s) => this.selection.has(s.deviceId));
    else if (scope === 'all-others') rows = this.view.others;
    else rows = snap.sessions.filter((s) => s.isCurrent);
    if (rows.length === 0) return;
    this.signOut = { kind: 'confirm', scope, targets: rows.map((r) => ({ deviceId: r.deviceId, displayName: r.displayName })) };
    this.#changed();
    // While the person reads the confirmation, the flow that runs after it loads.
    void this.#loadAndGetFlows().catch(() => undefined);
  }

  cancelSignOut(): void {
    if (this.signOut.kind === 'external' && this.signOut.checking) return;
    // ('checking': the lookup goes on in the background; it changes nothing on the server.)
    if (this.signOut.kind === 'auth') {
      this.signOut.uia.cancel();
      return; // the rejection handler moves back to idle
    }
    if (this.signOut.kind === 'signing-out') return;
    this.signOut = { kind: 'idle' };
    this.#changed();
  }

  /**
   * The person confirmed: sign out (with user-interactive auth for other sessions). A second call while one runs
   * changes nothing (it finds the stage moved on).
   */
  async confirmSignOut(): Promise<void> {
    const st = this.signOut;
    if (st.kind !== 'confirm' && st.kind !== 'failed') return;
    let flows: [Flows, ModelPort | undefined];
    try {
      flows = this.#flows() ?? (await this.#loadAndGetFlows());
    } catch (e) {
      const now = this.signOut;
      if (now.kind === 'confirm' || now.kind === 'failed') this.#setSignOut({ kind: 'failed', scope: now.scope, targets: now.targets, failure: describeFailure(e) });
      return;
    }
    if (flows[1]) await flows[0].confirmSignOut(flows[1]);
  }

  /** The account page was opened (by the element). */
  markExternalOpened(): void {
    if (this.signOut.kind === 'external') this.#setSignOut({ ...this.signOut, opened: true });
  }

  /**
   * The person is back from the account page (the page became visible or got focus again): reload, and confirm
   * the outcome by what the server lists. Every target gone: done; some still there: say which, stay.
   */
  async checkExternal(): Promise<void> {
    const st = this.signOut;
    if (st.kind !== 'external' || !st.opened || st.checking) return;
    // Loaded: the external stage was reached through it.
    const [flows, port] = this.#flows() ?? (await this.#loadAndGetFlows());
    if (port) await flows.checkExternal(port);
  }

  /** Loads the flows (or joins the load), then as `flows()`. */
  async #loadAndGetFlows(): Promise<[Flows, ModelPort | undefined]> {
    this.#loadedFlows = await this.#loadFlows();
    return this.#flows()!;
  }

  /** The flows' module once loaded, and what they change here (session-list.flows.ts). */
  #flows(): [Flows, ModelPort | undefined] | undefined {
    const flows = this.#loadedFlows;
    const source = this.#source;
    return flows && [flows, source && {
      model: this,
      source,
      changed: () => this.#changed(),
      lookUpAccountManagement: () => this.#lookUpAccountManagement(),
      accountManagement: () => ({ known: this.#accountManagementKnown, value: this.accountManagement, failure: this.#accountManagementFailure }),
    }];
  }

  /** Leaves the "done" or "failed" outcome. */
  dismissSignOut(): void {
    if (this.signOut.kind !== 'done' && this.signOut.kind !== 'failed') return;
    this.signOut = { kind: 'idle' };
    this.#changed();
  }

  #setSignOut(s: SignOutStage) {
    this.signOut = s;
    this.#changed();
  }

  #setLoad(load: LoadStage) {
    this.load = load;
    this.#changed();
  }

  #changed() {
    this.#cachedView = undefined;
    this.dispatchEvent(new Event('change'));
  }
}
