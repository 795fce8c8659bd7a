import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { MatrixClient } from 'matrix-js-sdk';
import { XsErrorEvent } from '../../events/xs-error.js';
import { XsIdentityAcceptedEvent } from '../../events/xs-identity-accepted.js';
import { XsRequestBackupEvent } from '../../events/xs-request-backup.js';
import { XsRequestKeyStorageEvent } from '../../events/xs-request-key-storage.js';
import { XsRequestResetEvent } from '../../events/xs-request-reset.js';
import { XsRequestSetupEvent } from '../../events/xs-request-setup.js';
import { XsRequestVerifyEvent } from '../../events/xs-request-verify.js';
import { XsStatusChangeEvent } from '../../events/xs-status-change.js';
import { explainFailure } from '../../i18n/errors.strings.js';
import { XsElement } from '../../internal/xs-element.js';
import { accountModel, type AccountModel, type AccountState } from '../../sdk/account.js';
import { describeFailure, type Failure } from '../../sdk/errors.js';
import {
  acknowledgeIdentity,
  applyDeviceIsolation,
  readUserTrust,
  STATUS_READ_TIMEOUT_MS,
  withdrawVerification,
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
  type StatusDetails,
  type UserAction,
  type UserTrustState,
  type UserView,
  type Warning,
} from '../../state/status.js';
import { statusStyles } from './status.styles.js';
import { actionRowStyles } from '../../internal/stage.styles.js';
import { statusStrings } from './status.strings.js';
import { actionLabel, explain, keyStorageActions, userActions, userHeader, warnings } from './status.words.js';
import type { Unhandled } from './status.details.js';

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
  static override styles = [...XsElement.styles, actionRowStyles, statusStyles];

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
  @state() private userResult: { ok: true } | { ok: false; failure: Failure } | null = null;
  @state() private warningsVersion = 0;

  /** The details' facts, the notes after a press, an action's outcome (status.details.ts). */
  private readonly more = this.lazy(() => import('./status.details.js').then((m) => (m.adopt(this.renderRoot), m)));
  private warnings = new StatusWarnings();
  private coalescer?: Coalescer;
  private model?: AccountModel;
  private subscription?: { readTimeoutMs?: number };
  private timer?: ReturnType<typeof setInterval>;
  private lastEmitted?: string;

  /** The overall state (own view) or the trust state (with `user-id`). */
  get state(): OverallState | UserTrustState {
    return this.isUserView() ? this.userView().state : this.ownView().state;
  }

  /** Asks the homeserver again now (the periodic re-check does the same). */
  refresh(): void {
    this.requestRead(true);
  }

  private isUserView(): boolean {
    const c = this.matrixClient;
    return !!this.userId && (!c || this.userId !== c.getUserId());
  }

  private ownView(): OwnView {
    return deriveOwnView({ hasClient: !!this.matrixClient, hasCrypto: this.hasCrypto, snapshot: this.own, failure: this.failure, receivingKeys: this.receivingKeys });
  }

  private userView(): UserView {
    if (!this.matrixClient || !this.hasCrypto) return { state: 'unknown', actions: [] };
    return deriveUserView(this.trust, this.failure);
  }

  private currentWarnings(): Warning[] {
    return this.warnings.list(this.own);
  }

  protected override clientChanged(client: MatrixClient | undefined): void | (() => void) {
    this.own = null;
    this.trust = null;
    this.failure = null;
    this.receivingKeys = null;
    this.unhandled = null;
    this.userResult = null;
    this.warnings = new StatusWarnings();
    this.hasCrypto = !!client?.getCrypto();
    if (!client) return;
    const abort = new AbortController();
    // The own account comes from the one model every element on this client shares (src/sdk/account.ts);
    // only another user's trust is read here.
    const model = accountModel(client);
    this.model = model;
    const coalescer = new Coalescer((refresh) => this.read(client, refresh, abort.signal));
    this.coalescer = coalescer;
    const sub = {
      readTimeoutMs: this.readTimeout,
      onState: (st: AccountState) => {
        const hadCrypto = this.hasCrypto;
        this.hasCrypto = !!client.getCrypto();
        if (this.hasCrypto && !hadCrypto) applyDeviceIsolation(client, this.deviceIsolation);
        if (st.snapshot && st.snapshot !== this.own) this.warnings.observe(st.snapshot);
        this.own = st.snapshot;
        this.receivingKeys = st.receivingKeys ?? null;
        if (!this.isUserView()) this.failure = st.failure;
      },
      onUserChanged: (u: string) => {
        if (this.isUserView() && u === this.userId) coalescer.request(false);
      },
    };
    this.subscription = sub;
    const unsubscribe = model.subscribe(sub);
    this.restartTimer();
    if (this.hasCrypto) applyDeviceIsolation(client, this.deviceIsolation);
    if (this.isUserView()) coalescer.request(true);
    return () => {
      unsubscribe();
      clearInterval(this.timer);
      this.timer = undefined;
      coalescer.dispose();
      abort.abort();
      if (this.coalescer === coalescer) this.coalescer = undefined;
      if (this.model === model) this.model = undefined;
    };
  }

  /** Reads again (the own account through the shared model; another user's trust here). */
  private requestRead(server: boolean) {
    if (this.isUserView()) this.coalescer?.request(server);
    else this.model?.refresh(server);
  }

  private restartTimer() {
    clearInterval(this.timer);
    this.timer = undefined;
    if (this.recheckInterval > 0 && this.matrixClient) {
      this.timer = setInterval(() => this.requestRead(true), Math.max(250, this.recheckInterval));
    }
  }

  /** Another user's trust (the user view). */
  private async read(client: MatrixClient, _refresh: boolean, signal: AbortSignal): Promise<void> {
    if (signal.aborted || !this.isUserView()) return;
    const hadCrypto = this.hasCrypto;
    this.hasCrypto = !!client.getCrypto();
    if (!this.hasCrypto) return;
    if (!hadCrypto) applyDeviceIsolation(client, this.deviceIsolation);
    try {
      const userId = this.userId!;
      const trust = await readUserTrust(client, userId, { signal, timeoutMs: this.readTimeout });
      // The user-id may have changed while reading: that change asked for its own read.
      if (userId === this.userId) this.trust = trust;
      if (!signal.aborted) this.failure = null;
    } catch (e) {
      if (signal.aborted) return;
      this.failure = describeFailure(e);
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.hasUpdated && changed.has('userId')) {
      this.trust = null;
      this.failure = null;
      this.userResult = null;
      this.failure = null;
      this.requestRead(true);
    }
    if (changed.has('readTimeout') && this.subscription) this.subscription.readTimeoutMs = this.readTimeout;
    if (changed.has('recheckInterval')) this.restartTimer();
    if (changed.has('deviceIsolation') && this.matrixClient && this.hasCrypto) applyDeviceIsolation(this.matrixClient, this.deviceIsolation);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const s = this.state;
    this.setExclusiveState(ALL_STATES, s);
    if (this.getAttribute('state') !== s) this.setAttribute('state', s);
    const details = this.details();
    const key = JSON.stringify(details);
    if (key !== this.lastEmitted) {
      this.lastEmitted = key;
      this.emit(new XsStatusChangeEvent(details));
    }
  }

  private details(): StatusDetails {
    if (this.isUserView()) return { subject: 'user', state: this.userView().state, userId: this.userId!, trust: this.trust };
    const v = this.ownView();
    return { subject: 'own', state: v.state, missing: v.missing, warnings: this.currentWarnings().map((w) => w.code), snapshot: this.own };
  }

  // ——— actions ———

  private request(kind: Unhandled, event: Event) {
    this.unhandled = null;
    const handled = !this.emit(event);
    if (!handled) this.unhandled = kind;
  }

  private primary(v: OwnView) {
    const a = v.primary;
    if (!a) return;
    switch (a.kind) {
      case 'setup':
        return this.request('setup', new XsRequestSetupEvent(a.reason));
      case 'verify':
        return this.request('verify', new XsRequestVerifyEvent({ subject: 'this-session', reason: a.reason, ...this.ids() }));
      case 'backup':
        return this.request('backup', new XsRequestBackupEvent(a.reason));
      case 'retry':
        this.unhandled = null;
        return this.requestRead(true);
    }
  }

  private ids() {
    const c = this.matrixClient;
    return { userId: c?.getUserId() ?? undefined, deviceId: c?.getDeviceId() ?? undefined };
  }

  private reset(v: OwnView) {
    this.request('reset', new XsRequestResetEvent(v.state === 'keys-missing' ? 'keys-missing' : 'cannot-verify'));
  }

  private dismiss(w: Warning) {
    this.warnings.dismiss(w.code);
    this.warningsVersion++;
  }

  private readonly onIsolation = (e: Event) => {
    this.deviceIsolation = (e.target as HTMLInputElement).checked ? 'only-signed' : 'all';
  };

  private ownDetails(s: OwnStatusSnapshot) {
    return this.renderDetails((m) => m.ownDetails({ deviceIsolation: this.deviceIsolation, onIsolation: this.onIsolation }, this.localize, s));
  }

  private async userAction(a: UserAction) {
    const client = this.matrixClient;
    const userId = this.userId;
    if (!client || !userId) return;
    this.unhandled = null;
    this.userResult = null;
    if (a === 'retry') return this.requestRead(true);
    if (a === 'verify' || a === 'verify-again') {
      return this.request('verify-user', new XsRequestVerifyEvent({ subject: 'user', reason: a === 'verify-again' ? 'identity-changed' : 'requested', userId }));
    }
    this.userBusy = true;
    try {
      if (a === 'acknowledge') await acknowledgeIdentity(client, userId);
      else await withdrawVerification(client, userId);
      this.userResult = { ok: true };
      this.emit(new XsIdentityAcceptedEvent(userId, a === 'acknowledge' ? 'pinned' : 'withdrawn'));
    } catch (e) {
      const failure = describeFailure(e);
      this.userResult = { ok: false, failure };
      this.emit(new XsErrorEvent(`status.${a}-failed`, explainFailure(this.localize.lang, failure), failure.httpStatus));
    } finally {
      this.userBusy = false;
      this.coalescer?.request(false);
    }
  }

  // ——— rendering ———

  private t(key: keyof typeof statusStrings.en): string {
    return (this.localize.t as (s: typeof statusStrings, k: string) => string).call(this.localize, statusStrings, key);
  }

  /** The note after a request nobody handled (its text loads with the details, after the press). */
  private unhandledNote() {
    if (!this.unhandled) return nothing;
    const more = this.more.value;
    return more ? more.unhandledNote(this.localize, this.unhandled) : nothing;
  }

  /**
   * The details disclosure: its summary is part of the first screen; what it holds comes with status.details.ts,
   * loaded in an idle moment after the first render, or when the summary is pressed.
   */
  private renderDetails(body: (m: StatusMore) => TemplateResult) {
    const more = this.more.ready ? this.more.value : undefined;
    return html`<details part="details">
      <summary @click=${() => void this.more.load().catch(() => undefined)}>${this.t('details')}</summary>
      ${more ? body(more) : nothing}
    </details>`;
  }

  protected override render() {
    return this.isUserView() ? this.renderUser() : this.renderOwn();
  }

  private renderOwn() {
    const v = this.ownView();
    const failureText = v.state === 'error' && v.failure ? html` ${explainFailure(this.localize.lang, v.failure)}` : nothing;
    return html`<section part="base" aria-labelledby="headline">
      <div part="header">
        <div part="status" role="status"><h2 id="headline">${this.t(`headline.${v.state}`)}</h2></div>
        <p class="explain">${explain(this.localize, v)}${failureText}</p>
      </div>
      ${warnings(this.localize, this.currentWarnings(), (w) => this.dismiss(w))}
      ${v.primary || v.offerReset
        ? html`<div class="row" part="footer">
            ${v.primary ? html`<button type="button" class="primary" part="action" @click=${() => this.primary(v)}>${actionLabel(this.localize, v)}</button>` : nothing}
            ${v.offerReset
              ? html`<button type="button" part="action" @click=${() => this.reset(v)}>${this.t(v.state === 'keys-missing' ? 'action.reset.keys-missing' : 'action.reset')}</button>`
              : nothing}
          </div>`
        : nothing}
      ${this.renderKeyStorageActions()} ${this.unhandledNote()} ${this.own ? this.ownDetails(this.own) : nothing}
    </section>`;
  }

  /**
   * Key storage (backup on/off, restore) and the Security Key check, for a verified session of a set-up account —
   * not while its keys are still arriving (nothing to decide yet).
   */
  private renderKeyStorageActions() {
    const s = this.own;
    if (!s || !s.crossSigning.published || !s.device.crossSigningVerified) return nothing;
    if (this.ownView().state === 'receiving-keys') return nothing;
    return keyStorageActions(this.localize, (action) => this.request('key-storage', new XsRequestKeyStorageEvent(action)));
  }

  private renderUser() {
    const v = this.userView();
    return html`<section part="base" aria-labelledby="headline">
      ${userHeader(this.localize, this.userId ?? '', v, this.failure)}
      ${userActions(this.localize, v, this.userBusy, (a) => void this.userAction(a))}
      ${this.userBusy || this.userResult ? this.more.value?.userOutcome(this.localize, this.userBusy, this.userResult) : nothing}
      ${this.unhandledNote()}
      ${this.trust?.masterKey ? this.renderDetails((m) => m.userDetails(this.localize, this.trust!.masterKey!)) : nothing}
    </section>`;
  }
}
