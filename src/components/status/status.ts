import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { MatrixClient } from 'matrix-js-sdk';
import { XsStatusChangeEvent } from '../../events/xs-status-change.js';
import { explainFailure } from '../../i18n/errors.strings.js';
import { XsElement } from '../../internal/xs-element.js';
import { accountModel, type AccountModel, type AccountState, type AccountSubscription } from '../../sdk/account.js';
import { describeFailure, type Failure } from '../../sdk/errors.js';
import {
  applyDeviceIsolation,
  readUserTrust,
  STATUS_READ_TIMEOUT_MS,
  type DeviceIsolation,
  type OwnStatusSnapshot,
  type UserTrustSnapshot,
} from '../../sdk/status.js';
import {
  Coalescer,
  OVERALL_STATES,
  StatusWarnings,
  deriveOwnView,
  deriveUserView,
  type OverallState,
  type OwnView,
  type PrimaryAction,
  type StatusDetails,
  type UserAction,
  type UserTrustState,
  type UserView,
} from '../../state/status.js';
import { statusStyles } from './status.styles.js';
import { actionRowStyles } from '../../internal/stage.styles.js';
import { cardStyles } from '../../internal/card.styles.js';
import { actionLabel, explain, row, t, userHeader, warnings, type Button } from './status.words.js';
import type { Ask, AskHost, Unhandled, UserResult } from './status.details.js';

const USER_STATES: readonly UserTrustState[] = ['checking', 'error', 'unknown', 'verified', 'was-verified', 'identity-changed', 'not-verified'];
const ALL_STATES = [...new Set<string>([...OVERALL_STATES, ...USER_STATES])];

type StatusMore = typeof import('./status.details.js');

/**
 * @summary Where this account and this session stand with encryption — one overall state worded for people,
 * its one fixing action, warnings when something changed elsewhere, and the detail behind it. Live.
 * With `user-id`, shows another person's trust instead (verified, changed, needs acknowledging).
 * @tag xs-status
 * @event xs-status-change - The state, details or warnings changed (`XsStatusChangeEvent`: `state`, `details`, no secrets).
 * @event xs-request-setup - Cancelable. "Set up encryption" / "Fix key storage" was pressed (`reason`).
 * @event xs-request-verify - Cancelable. "Verify this session" (`subject: 'this-session'`) or verify another user (`subject: 'user'`).
 * @event xs-request-backup - Cancelable. "Set up backup" was pressed (`reason`).
 * @event xs-request-reset - Cancelable. "Reset your identity" was pressed (`reason`); the host must confirm first.
 * @event xs-request-key-storage - Cancelable. "Key storage" (`action: 'manage'`) or "Check my Security Key" (`'check-key'`) was pressed: open `<xs-key-storage>`.
 * @event xs-identity-accepted - Another user's changed identity was acknowledged or their requirement withdrawn.
 * @event xs-error - An action (acknowledge, withdraw) failed; the element shows why.
 * @csspart base - The wrapper.
 * @csspart header - Headline and explanation.
 * @csspart status - The live headline.
 * @csspart action - The action buttons.
 * @csspart warning - A warning.
 * @csspart details - The details disclosure.
 * @cssprop [--xs-status-ok-color=var(--xs-color-success)] - Indicator of a healthy state.
 * @cssprop [--xs-status-warn-color=var(--xs-color-warning)] - Indicator of a state that needs an action.
 * @cssprop [--xs-status-bad-color=var(--xs-color-danger)] - Indicator of an unverified or changed identity.
 * @cssprop [--xs-status-warning-background=var(--xs-color-warning-surface)] - Background of warnings.
 * @cssstate no-client - No client. Also mirrored as the `state` attribute for browsers without CustomStateSet.
 * @cssstate crypto-off - The client has no crypto.
 * @cssstate checking - The first read is running.
 * @cssstate error - The status could not be read.
 * @cssstate not-set-up - The account has no cross-signing keys.
 * @cssstate unverified - This session is not cross-signed.
 * @cssstate receiving-keys - This session was just verified; its keys are arriving from the other session.
 * @cssstate keys-missing - Keys are missing here or from secret storage.
 * @cssstate no-backup - No (trusted) key backup.
 * @cssstate ready - All good.
 * @cssstate verified - (user-id) The person is verified.
 * @cssstate was-verified - (user-id) A verified person's identity changed.
 * @cssstate identity-changed - (user-id) The person's identity changed and needs acknowledging.
 * @cssstate not-verified - (user-id) The person is not verified.
 * @cssstate unknown - (user-id) The person's identity is not known.
 */
export class XsStatus extends XsElement {
  static override styles = [...XsElement.styles, actionRowStyles, cardStyles, statusStyles];

  /** Show another user's trust instead of the own account's status. */
  @property({ attribute: 'user-id' }) userId?: string;

  /**
   * How often (ms) to ask the homeserver again for things it does not push, such as a key backup deleted from
   * another session. Also re-checked on window focus and when sync recovers. 0 turns the timer off.
   */
  @property({ type: Number, attribute: 'recheck-interval' }) recheckInterval = 60_000;

  /**
   * Device isolation for the client: `all` (default, the SDK's default: share room keys with every device of
   * a user) or `only-signed` ("never send keys to unverified sessions": only cross-signed devices get keys,
   * and only their messages decrypt). Applied to the client whenever this or the client changes (the SDK does
   * not persist it). The own view offers it as a checkbox.
   */
  @property({ attribute: 'device-isolation' }) deviceIsolation: DeviceIsolation = 'all';

  /** How long (ms) one status read may take before the element shows a timeout instead of "Checking…". */
  @property({ type: Number, attribute: 'read-timeout' }) readTimeout = STATUS_READ_TIMEOUT_MS;

  @state() private own: OwnStatusSnapshot | null = null;
  @state() private trust: UserTrustSnapshot | null = null;
  @state() private failure: Failure | null = null;
  /** From the account model: keys arriving after this session was verified (or not in time). */
  @state() private receivingKeys: AccountState['receivingKeys'] = null;
  @state() private hasCrypto = false;
  @state() private unhandled: Unhandled | null = null;
  @state() private userBusy = false;
  @state() private userResult: UserResult | null = null;
  @state() private warningsVersion = 0;

  /** The details' facts, what a press asks or does, the notes after it, an action's outcome (status.details.ts). */
  readonly #more = this.lazy(() => import('./status.details.js').then((m) => (m.adopt(this.renderRoot), m)));
  #warnings = new StatusWarnings();
  #coalescer?: Coalescer;
  #model?: AccountModel;
  #subscription?: AccountSubscription;
  #timer?: ReturnType<typeof setInterval>;
  #lastEmitted?: string;

  /** The overall state (own view) or the trust state (with `user-id`). */
  get state(): OverallState | UserTrustState {
    return this.#userView()?.state ?? this.#ownView().state;
  }

  /** Asks the homeserver again now (the periodic re-check does the same). */
  refresh(): void {
    this.#read(true);
  }

  #isUser(): boolean {
    const c = this.matrixClient;
    return !!this.userId && (!c || this.userId !== c.getUserId());
  }

  #ownView(): OwnView {
    return deriveOwnView({ hasClient: !!this.matrixClient, hasCrypto: this.hasCrypto, snapshot: this.own, failure: this.failure, receivingKeys: this.receivingKeys });
  }

  /** Another person's view (with `user-id`); undefined in the own view. */
  #userView(): UserView | undefined {
    if (!this.#isUser()) return undefined;
    if (!this.matrixClient || !this.hasCrypto) return { state: 'unknown', actions: [] };
    return deriveUserView(this.trust, this.failure);
  }

  /** Crypto may come after the client (initRustCrypto later): the isolation mode is applied when it does. */
  #cryptoCheck(client: MatrixClient): boolean {
    const had = this.hasCrypto;
    this.hasCrypto = !!client.getCrypto();
    if (this.hasCrypto && !had) applyDeviceIsolation(client, this.deviceIsolation);
    return this.hasCrypto;
  }

  protected override clientChanged(client: MatrixClient | undefined): void | (() => void) {
    this.own = this.trust = this.failure = this.receivingKeys = this.unhandled = this.userResult = null;
    this.#warnings = new StatusWarnings();
    this.hasCrypto = false;
    if (!client) return;
    this.#cryptoCheck(client);
    const abort = new AbortController();
    // The own account comes from the one model every element on this client shares (src/sdk/account.ts);
    // only another user's trust is read here.
    const model = (this.#model = accountModel(client));
    const coalescer = (this.#coalescer = new Coalescer(() => this.#readUser(client, abort.signal)));
    const sub: AccountSubscription = (this.#subscription = {
      readTimeoutMs: this.readTimeout,
      onState: (st: AccountState) => {
        this.#cryptoCheck(client);
        if (st.snapshot && st.snapshot !== this.own) this.#warnings.observe(st.snapshot);
        this.own = st.snapshot;
        this.receivingKeys = st.receivingKeys ?? null;
        if (!this.#isUser()) this.failure = st.failure;
      },
      onUserChanged: (u: string) => {
        if (this.#isUser() && u === this.userId) coalescer.request(false);
      },
    });
    const unsubscribe = model.subscribe(sub);
    this.#restartTimer();
    if (this.#isUser()) coalescer.request(true);
    return () => {
      unsubscribe();
      clearInterval(this.#timer);
      this.#timer = undefined;
      coalescer.dispose();
      abort.abort();
      if (this.#coalescer === coalescer) this.#coalescer = undefined;
      if (this.#model === model) this.#model = undefined;
    };
  }

  /** Reads again (the own account through the shared model; another user's trust here). */
  #read(server: boolean) {
    if (this.#isUser()) this.#coalescer?.request(server);
    else this.#model?.refresh(server);
  }

  #restartTimer() {
    clearInterval(this.#timer);
    this.#timer = undefined;
    if (this.recheckInterval > 0 && this.matrixClient) {
      this.#timer = setInterval(() => this.#read(true), Math.max(250, this.recheckInterval));
    }
  }

  /** Another user's trust (the user view). */
  async #readUser(client: MatrixClient, signal: AbortSignal): Promise<void> {
    if (signal.aborted || !this.#isUser() || !this.#cryptoCheck(client)) return;
    try {
      const userId = this.userId!;
      const trust = await readUserTrust(client, userId, { signal, timeoutMs: this.readTimeout });
      // The user-id may have changed while reading: that change asked for its own read.
      if (userId === this.userId) this.trust = trust;
      if (!signal.aborted) this.failure = null;
    } catch (e) {
      if (!signal.aborted) this.failure = describeFailure(e);
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.hasUpdated && changed.has('userId')) {
      this.trust = this.failure = this.userResult = null;
      this.#read(true);
    }
    if (changed.has('readTimeout') && this.#subscription) this.#subscription.readTimeoutMs = this.readTimeout;
    if (changed.has('recheckInterval')) this.#restartTimer();
    if (changed.has('deviceIsolation') && this.matrixClient && this.hasCrypto) applyDeviceIsolation(this.matrixClient, this.deviceIsolation);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const s = this.state;
    this.setExclusiveState(ALL_STATES, s);
    if (this.getAttribute('state') !== s) this.setAttribute('state', s);
    const details = this.#details();
    const key = JSON.stringify(details);
    if (key !== this.#lastEmitted) {
      this.#lastEmitted = key;
      this.emit(new XsStatusChangeEvent(details));
    }
  }

  #details(): StatusDetails {
    const u = this.#userView();
    if (u) return { subject: 'user', state: u.state, userId: this.userId!, trust: this.trust };
    const v = this.#ownView();
    return { subject: 'own', state: v.state, missing: v.missing, warnings: this.#warnings.list(this.own).map((w) => w.code), snapshot: this.own };
  }

  // ——— actions ———

  /** "Check again": stays here, it must work while the network (and so a module load) fails. */
  #retry() {
    this.unhandled = this.userResult = null;
    this.#read(true);
  }

  /**
   * A press: what it asks of the host (the request events) or does (a decision on another person's identity) comes
   * with status.details.ts — here since the first idle moment, normally; else the press waits for it.
   */
  #ask(a: Ask) {
    const client = this.matrixClient;
    if (!client || this.userBusy) return;
    this.unhandled = this.userResult = null;
    if (a.kind === 'acknowledge' || a.kind === 'withdraw') this.userBusy = true;
    const host: AskHost = {
      client,
      userId: this.userId ?? '',
      lang: this.localize.lang,
      emit: (e) => this.emit(e),
      unhandled: (kind) => (this.unhandled = kind),
      done: (r) => {
        this.userResult = r;
        this.userBusy = false;
        this.#coalescer?.request(false);
      },
    };
    const more = this.#more.value;
    if (more) more.ask(host, a);
    else this.trackLoad(this.#more.load().then((m) => m.ask(host, a), (e: unknown) => host.done({ ok: false, failure: describeFailure(e) })));
  }

  #primary(a: PrimaryAction) {
    if (a.kind === 'retry') this.#retry();
    else this.#ask(a);
  }

  #userAction(a: UserAction) {
    if (a === 'retry') this.#retry();
    else if (a === 'verify' || a === 'verify-again') this.#ask({ kind: 'verify-user', reason: a === 'verify' ? 'requested' : 'identity-changed' });
    else this.#ask({ kind: a });
  }

  readonly #onIsolation = (e: Event) => {
    this.deviceIsolation = (e.target as HTMLInputElement).checked ? 'only-signed' : 'all';
  };

  // ——— rendering ———

  /** The note after a request nobody handled (its text loads with the details, after the press). */
  #unhandledNote() {
    return this.unhandled ? (this.#more.value?.unhandledNote(this.localize, this.unhandled) ?? nothing) : nothing;
  }

  /**
   * The details disclosure: its summary is part of the first screen; what it holds comes with status.details.ts,
   * loaded in an idle moment after the first render, or when the summary is pressed.
   */
  #renderDetails(body: (m: StatusMore) => TemplateResult) {
    const more = this.#more.ready ? this.#more.value : undefined;
    return html`<details part="details">
      <summary @click=${() => void this.#more.load().catch(() => undefined)}>${t(this.localize, 'details')}</summary>
      ${more ? body(more) : nothing}
    </details>`;
  }

  protected override render() {
    const u = this.#userView();
    return u ? this.#renderUser(u) : this.#renderOwn();
  }

  #renderOwn() {
    const l = this.localize;
    const v = this.#ownView();
    const s = this.own;
    const failureText = v.state === 'error' && v.failure ? ` ${explainFailure(l.lang, v.failure)}` : '';
    // A later state, after a verification (keys arriving, or not all in time): its words come with status.details.ts.
    const later = v.state === 'receiving-keys' || v.keysTimedOut ? (this.#more.value?.afterVerification(l, v) ?? { explain: '' }) : undefined;
    const actions: Button[] = [];
    if (v.primary) actions.push([actionLabel(l, v.primary), () => this.#primary(v.primary!), true]);
    if (v.offerReset) {
      const reason = v.state === 'keys-missing' ? 'keys-missing' : 'cannot-verify';
      actions.push([t(l, reason === 'keys-missing' ? 'action.reset.keys-missing' : 'action.reset'), () => this.#ask({ kind: 'reset', reason })]);
    }
    // "Key storage" and "Check my Security Key", for a verified session of a set-up account — not while its keys
    // are still arriving (nothing to decide yet).
    const keyStorage: Button[] =
      s?.crossSigning.published && s.device.crossSigningVerified && v.state !== 'receiving-keys'
        ? (['manage', 'check-key'] as const).map((reason) => [t(l, reason === 'manage' ? 'action.key-storage' : 'action.check-key'), () => this.#ask({ kind: 'key-storage', reason })])
        : [];
    return html`<section part="base" aria-labelledby="headline">
      <div part="header">
        <div part="status" role="status"><h2 id="headline">${v.state === 'receiving-keys' ? later?.headline : t(l, `headline.${v.state}`)}</h2></div>
        <p class="explain">${later ? later.explain : explain(l, v)}${failureText}</p>
      </div>
      ${warnings(l, this.#warnings.list(s), (w) => {
        this.#warnings.dismiss(w.code);
        this.warningsVersion++;
      })}
      ${row(actions)} ${row(keyStorage, true)} ${this.#unhandledNote()}
      ${s ? this.#renderDetails((m) => m.ownDetails({ deviceIsolation: this.deviceIsolation, onIsolation: this.#onIsolation }, l, s)) : nothing}
    </section>`;
  }

  #renderUser(v: UserView) {
    const l = this.localize;
    const masterKey = this.trust?.masterKey;
    return html`<section part="base" aria-labelledby="headline">
      ${userHeader(l, this.userId ?? '', v, this.failure)}
      ${row(v.actions.map((a, i) => [t(l, `user.action.${a}`), () => this.#userAction(a), i === 0, a]), false, this.userBusy)}
      ${this.userBusy || this.userResult ? this.#more.value?.userOutcome(l, this.userBusy, this.userResult) : nothing}
      ${this.#unhandledNote()}
      ${masterKey ? this.#renderDetails((m) => m.userDetails(l, masterKey)) : nothing}
    </section>`;
  }
}
