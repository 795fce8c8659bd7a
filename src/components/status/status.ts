import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { MatrixClient } from 'matrix-js-sdk';
import { XsErrorEvent } from '../../events/xs-error.js';
import { XsIdentityAcceptedEvent } from '../../events/xs-identity-accepted.js';
import { XsRequestBackupEvent } from '../../events/xs-request-backup.js';
import { XsRequestKeyStorageEvent, type KeyStorageRequest } from '../../events/xs-request-key-storage.js';
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
  groupKey,
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
import { isolate } from '../../internal/bidi.js';
import { statusStrings } from './status.strings.js';

const USER_STATES: readonly UserTrustState[] = ['checking', 'error', 'unknown', 'verified', 'was-verified', 'identity-changed', 'not-verified'];
const ALL_STATES = [...new Set<string>([...OVERALL_STATES, ...USER_STATES])];

type Unhandled = 'setup' | 'verify' | 'backup' | 'reset' | 'verify-user' | 'key-storage';

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

  private toggleIsolation(e: Event) {
    this.deviceIsolation = (e.target as HTMLInputElement).checked ? 'only-signed' : 'all';
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

  private yesNo(v: boolean | null | undefined): string {
    return v === null || v === undefined ? this.t('unknown') : this.t(v ? 'yes' : 'no');
  }

  private unhandledNote() {
    return this.unhandled ? html`<p class="note" role="status">${this.t(`unhandled.${this.unhandled}`)}</p>` : nothing;
  }

  protected override render() {
    return this.isUserView() ? this.renderUser() : this.renderOwn();
  }

  private explain(v: OwnView): string {
    switch (v.state) {
      case 'keys-missing':
        if (v.keysTimedOut) return this.localize.t(statusStrings, 'explain.keys-missing.timed-out', v.missing.filter((m) => m !== 'secret-storage').map((m) => this.t(`missing.${m}`)).join(', '));
        return this.t(v.primary?.kind === 'setup' ? 'explain.keys-missing.storage' : 'explain.keys-missing.verify');
      case 'no-backup':
        if (v.primary?.kind === 'retry') return this.t('explain.no-backup.unknown');
        return this.t(v.primary?.kind === 'backup' && v.primary.reason === 'untrusted' ? 'explain.no-backup.untrusted' : 'explain.no-backup');
      default:
        return this.t(`explain.${v.state}`);
    }
  }

  private actionLabel(v: OwnView): string {
    const a = v.primary!;
    switch (a.kind) {
      case 'setup':
        return this.t(a.reason === 'secret-storage' ? 'action.setup.secret-storage' : 'action.setup');
      case 'verify':
        return this.t(a.reason === 'keys-missing' ? 'action.verify.keys-missing' : 'action.verify');
      case 'backup':
        return this.t('action.backup');
      case 'retry':
        return this.t('action.retry');
    }
  }

  private renderOwn() {
    const v = this.ownView();
    const failureText = v.state === 'error' && v.failure ? html` ${explainFailure(this.localize.lang, v.failure)}` : nothing;
    return html`<section part="base" aria-labelledby="headline">
      <div part="header">
        <div part="status" role="status"><h2 id="headline">${this.t(`headline.${v.state}`)}</h2></div>
        <p class="explain">${this.explain(v)}${failureText}</p>
      </div>
      ${this.renderWarnings()}
      ${v.primary || v.offerReset
        ? html`<div class="row" part="footer">
            ${v.primary ? html`<button type="button" class="primary" part="action" @click=${() => this.primary(v)}>${this.actionLabel(v)}</button>` : nothing}
            ${v.offerReset
              ? html`<button type="button" part="action" @click=${() => this.reset(v)}>${this.t(v.state === 'keys-missing' ? 'action.reset.keys-missing' : 'action.reset')}</button>`
              : nothing}
          </div>`
        : nothing}
      ${this.renderKeyStorageActions()} ${this.unhandledNote()} ${this.own ? this.renderDetails(this.own) : nothing}
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
    const ask = (action: KeyStorageRequest) => this.request('key-storage', new XsRequestKeyStorageEvent(action));
    return html`<div class="row" data-key-storage>
      <button type="button" part="action" @click=${() => ask('manage')}>${this.t('action.key-storage')}</button>
      <button type="button" part="action" @click=${() => ask('check-key')}>${this.t('action.check-key')}</button>
    </div>`;
  }

  private renderWarnings() {
    const list = this.currentWarnings();
    if (!list.length) return nothing;
    return list.map(
      (w) => html`<div class="warning" part="warning" data-warning=${w.code}>
        <p role=${w.dismissible ? 'alert' : 'status'}>
          ${this.t(`warning.${w.code}`)}${w.failure ? html` ${explainFailure(this.localize.lang, w.failure)}` : nothing}
        </p>
        ${w.dismissible ? html`<button type="button" part="action" @click=${() => this.dismiss(w)}>${this.t('action.dismiss')}</button>` : nothing}
      </div>`,
    );
  }

  private row(label: string, value: string | TemplateResult, key?: string) {
    return html`<dt>${label}</dt><dd data-detail=${key ?? nothing}>${value}</dd>`;
  }

  private renderDetails(s: OwnStatusSnapshot) {
    const b = s.backup;
    return html`<details part="details">
      <summary>${this.t('details')}</summary>
      <h3>${this.t('details.crossSigning')}</h3>
      <dl>
        ${this.row(this.t('details.published'), this.yesNo(s.crossSigning.published), 'published')}
        ${this.row(this.t('details.trusted'), this.yesNo(s.crossSigning.trusted), 'trusted')}
        ${this.row(this.t('details.masterKey'), s.crossSigning.masterKey ? html`<code>${groupKey(s.crossSigning.masterKey)}</code>` : this.t('none'), 'master-key')}
        ${this.row(this.t('details.cachedMaster'), this.yesNo(s.crossSigning.cached.master), 'cached-master')}
        ${this.row(this.t('details.cachedSelfSigning'), this.yesNo(s.crossSigning.cached.selfSigning), 'cached-self-signing')}
        ${this.row(this.t('details.cachedUserSigning'), this.yesNo(s.crossSigning.cached.userSigning), 'cached-user-signing')}
        ${this.row(this.t('details.inSecretStorage'), this.yesNo(s.crossSigning.inSecretStorage), 'in-secret-storage')}
      </dl>
      <h3>${this.t('details.secretStorage')}</h3>
      <dl>
        ${this.row(this.t('details.ssReady'), this.yesNo(s.secretStorage.ready), 'secret-storage-ready')}
        ${this.row(this.t('details.defaultKey'), s.secretStorage.defaultKeyId ? html`<code>${s.secretStorage.defaultKeyId}</code>` : this.t('none'), 'default-key')}
        ${s.dehydratedDevice ? this.row(this.t('details.dehydrated'), html`<code>${s.dehydratedDevice}</code>`, 'dehydrated-device') : nothing}
      </dl>
      <h3>${this.t('details.backup')}</h3>
      ${b
        ? html`<dl>
            ${this.row(this.t('details.version'), b.version, 'backup-version')}
            ${this.row(this.t('details.algorithm'), html`<code>${b.algorithm}</code>`, 'backup-algorithm')}
            ${this.row(this.t('details.backupTrusted'), this.yesNo(b.trusted), 'backup-trusted')}
            ${this.row(this.t('details.active'), this.yesNo(b.active), 'backup-active')}
            ${this.row(this.t('details.keyCached'), this.yesNo(b.decryptionKeyCached), 'backup-key-cached')}
            ${this.row(this.t('details.backupKeyStored'), this.yesNo(s.secretStorage.backupKeyStored), 'backup-key-stored')}
            ${this.row(this.t('details.waiting'), html`<span aria-live="polite">${s.keysToUpload === null ? this.t('unknown') : this.localize.number(s.keysToUpload)}</span>`, 'keys-waiting')}
          </dl>`
        : html`<p data-detail="backup-version">${this.t(s.backupFailure ? 'details.backupUnknown' : 'details.noBackup')}</p>`}
      <h3>${this.t('details.session')}</h3>
      <dl>
        ${this.row(this.t('details.deviceId'), html`<code>${s.device.deviceId}</code>`, 'device-id')}
        ${this.row(this.t('details.fingerprint'), html`<code>${groupKey(s.device.ed25519) || this.t('unknown')}</code>`, 'fingerprint')}
        ${this.row(this.t('details.sessionVerified'), this.yesNo(s.device.crossSigningVerified), 'session-verified')}
      </dl>
      <label class="toggle">
        <input type="checkbox" .checked=${this.deviceIsolation === 'only-signed'} @change=${(e: Event) => this.toggleIsolation(e)} aria-describedby="isolation-hint" />
        <span>${this.t('details.isolation')}</span>
      </label>
      <p id="isolation-hint" class="note">${this.t('details.isolationHint')}</p>
    </details>`;
  }

  private renderUser() {
    const v = this.userView();
    const label = (a: UserAction) => this.t(`user.action.${a}`);
    return html`<section part="base" aria-labelledby="headline">
      <div part="header">
        <h2 id="headline">${this.localize.t(statusStrings, 'user.heading', isolate(this.userId ?? ''))}</h2>
        <p class="explain" part="status" role="status">${this.t(`user.${v.state}`)}${v.state === 'error' && this.failure ? ` ${explainFailure(this.localize.lang, this.failure)}` : ''}</p>
      </div>
      ${v.actions.length
        ? html`<div class="row" part="footer">
            ${v.actions.map(
              (a, i) => html`<button type="button" class=${i === 0 ? 'primary' : ''} part="action" data-action=${a} ?disabled=${this.userBusy} @click=${() => this.userAction(a)}>${label(a)}</button>`,
            )}
          </div>`
        : nothing}
      ${this.userBusy ? html`<p class="note" role="status">${this.t('user.working')}</p>` : nothing}
      ${this.userResult?.ok === false ? html`<p role="alert">${this.t('user.failed')} ${explainFailure(this.localize.lang, this.userResult.failure)}</p>` : nothing}
      ${this.userResult?.ok ? html`<p class="note" role="status">${this.t('user.accepted')}</p>` : nothing}
      ${this.unhandledNote()}
      ${this.trust?.masterKey
        ? html`<details part="details"><summary>${this.t('details')}</summary>
            <dl>${this.row(this.t('details.masterKey'), html`<code>${groupKey(this.trust.masterKey)}</code>`, 'master-key')}</dl>
          </details>`
        : nothing}
    </section>`;
  }
}
