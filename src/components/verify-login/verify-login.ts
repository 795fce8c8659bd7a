import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { MatrixClient } from 'matrix-js-sdk';
import type { VerificationRequest } from 'matrix-js-sdk/lib/crypto-api/index.js';
import { isolate } from '../../internal/bidi.js';
import { sharedImport } from '../../internal/shared-import.js';
import { XsVerificationElement, incomingStage, type FirstStep } from '../../internal/verification-element.js';
import { accountModel } from '../../sdk/account.js';
import { keysOutOfSync } from '../../sdk/keys-out-of-sync.js';
import { isDeviceCrossSigned } from '../../sdk/verification-trust.js';
import type { VerifyRole } from '../../state/verification.js';
import { verifyLoginStyles } from './verify-login.styles.js';
import { verifyStrings } from './verify-login.strings.js';
// The Security Key path is loaded when the person chooses it (it would push the drop-in bundle past its size budget).
import type { KeyEntry } from './verify-login-key.js';
import type { LoginSteps } from './verify-login.steps.js';

/**
 * Everything after the first render: the flow, the later steps, what the start step's buttons do, the history restore
 * (src/internal/verification-element.ts).
 */
export const verifyLoginSteps = sharedImport(() => import('./verify-login.steps.js'));
type Later = typeof import('./verify-login.steps.js');

/**
 * @summary Verifies a login: this session (asks your other sessions, or takes your Security Key or
 * Phrase), another of your sessions (`device-id`), or answers a request from another session (`.request`).
 * Compare emoji, show a QR code, or scan the other session's QR code with the camera or from a photo.
 * @tag xs-verify-login
 * @event {XsVerifiedEvent} xs-verified - The verification succeeded (`userId`, `deviceId` of the verified session).
 * @event {XsVerificationCancelledEvent} xs-verification-cancelled - It ended without success (`code`, `reason`, `byUs`);
 * `code` is the Matrix cancellation code, or `xs.session_signed_out` when the other session was signed out mid-flow.
 * @event {XsRequestResetEvent} xs-request-reset - Cancelable. This session can't be verified: "Can't confirm?"
 * (`reason: 'cannot-verify'`), or "Continue to reset" on the Security Key path after its warning: the key is lost
 * (`'cannot-verify'`) or the recovery data can't be repaired here (`'keys-missing'`). Call `preventDefault()` and open
 * your reset (e.g. `<xs-setup-wizard mode="reset">`).
 * @csspart base - The wrapper of each step.
 * @csspart action - The buttons.
 * @csspart status - Progress and outcome text.
 * @csspart emoji - The list of emoji to compare.
 * @csspart numbers - The three numbers to compare (instead of the emoji, on request).
 * @csspart qr-code - The QR code image.
 * @csspart camera - The camera preview while scanning.
 * @csspart restore - After this session is verified: the history restored from the key backup (progress, result).
 * @cssprop [--xs-verify-login-emoji-size=2.5rem] - Size of the emoji glyphs.
 * @cssprop [--xs-verify-login-qr-size=16rem] - Size of the QR code.
 * @cssstate waiting - Waiting for the other session.
 * @cssstate comparing - Showing emoji to compare.
 * @cssstate done - Verified.
 * @cssstate cancelled - Cancelled or failed.
 */
export class XsVerifyLogin extends XsVerificationElement<Later> {
  static override styles = [...XsVerificationElement.styles, verifyLoginStyles];

  /** Verify this other session of yours (this session sends the request). Without it: verify this session. */
  @property({ attribute: 'device-id' }) deviceId?: string;

  /** An incoming request (from `CryptoEvent.VerificationRequestReceived`) to answer. */
  @property({ attribute: false }) request?: VerificationRequest;

  /** @internal The Security Key / Phrase path, while it is open (its stages render instead of the verification's). */
  @state() keyEntry?: KeyEntry;
  /** @internal This-session role: the session is already cross-signed, so the start step has nothing to offer. */
  @state() alreadyVerified = false;
  /** @internal …but its keys and the recovery data are out of sync: the start step offers the Security Key. */
  @state() keysOutOfSync = false;
  /** @internal "Can't confirm?" was not handled by the host: explain the reset here. */
  @state() resetUnhandled = false;

  protected readonly later = verifyLoginSteps;
  /** @internal The client the flow is built for. */
  flowClient?: MatrixClient;
  #unwatch?: () => void;
  /** Counts builds: an "already verified?" answer for an earlier build is dropped. */
  #checks = 0;
  /** @internal The later steps, once their module is here. */
  stepsView?: LoginSteps;

  /** @internal */
  get flowRole(): VerifyRole {
    if (this.request) return 'incoming';
    return this.deviceId ? 'other-session' : 'this-session';
  }

  protected override stageKey() {
    if (this.keyEntry) return this.keyEntry.stageKey();
    return this.resetUnhandled ? 'reset' : this.stage.kind;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.hasUpdated && (changed.has('deviceId') || changed.has('request')) && this.isConnected) {
      this.build(this.matrixClient);
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // "Already verified?" matters on the start step only: once a verification runs, stop following the account
    // (its reads would compete with the verification for the crypto store and the network).
    if (this.#unwatch && this.stage.kind !== 'start') {
      this.#unwatch();
      this.#unwatch = undefined;
    }
    // After a rejected key or phrase the field takes focus (KeyEntry keeps track of which problem it focused).
    this.keyEntry?.afterRender();
  }

  /** @internal */
  override build(client: MatrixClient | undefined): void {
    this.flowClient = client;
    super.build(client);
  }

  protected override firstStep(): FirstStep<never> {
    this.resetUnhandled = false;
    this.alreadyVerified = false;
    const role = this.flowRole;
    if (role === 'incoming') return { stage: incomingStage(this.request!), run: 'now' };
    // Another session of ours: the request goes out at once (verification-wiring.ts).
    if (role === 'other-session') return { stage: { kind: 'requesting' }, run: 'now' };
    return { stage: { kind: 'start' }, run: 'on-demand' };
  }

  protected override firstBuilt(client: MatrixClient): void {
    if (this.flowRole !== 'this-session') return;
    const check = ++this.#checks;
    void this.#checkAlreadyVerified(client, check);
    // Set up or verified meanwhile (e.g. by the setup wizard on the same page), or reset elsewhere: look again.
    // Through the account model every element on this client shares (src/sdk/account.ts).
    // Following only: this element reads what it needs itself, so starting the model here asks no server (the
    // start step's reads would otherwise still be out when the person starts, competing with the request).
    this.#unwatch = accountModel(client).subscribe({ followOnly: true, onState: () => void this.#checkAlreadyVerified(client, check) });
  }

  async #checkAlreadyVerified(client: MatrixClient, check: number) {
    const deviceId = client.getDeviceId();
    if (!deviceId) return;
    let verified: boolean;
    let outOfSync = false;
    try {
      verified = await isDeviceCrossSigned(client, deviceId);
    } catch {
      return; // No crypto (yet): the start step explains what happens when the person tries.
    }
    try {
      outOfSync = verified && (await keysOutOfSync(client));
    } catch {
      /* can't tell: say it's verified (the status element reports what it can't read) */
    }
    if (check !== this.#checks) return;
    this.alreadyVerified = verified;
    this.keysOutOfSync = outOfSync;
  }

  protected override teardownExtras(): void {
    this.#checks++;
    this.#unwatch?.();
    this.#unwatch = undefined;
    this.stepsView?.reset();
    this.closeKey();
  }

  /** @internal Switches to the Security Key / Phrase path (this-session role); a pending request is cancelled first. */
  openKey(): void {
    this.withLater((m) => m.openKey(this));
  }

  /** @internal */
  closeKey() {
    this.keyEntry?.dispose();
    this.keyEntry = undefined;
  }

  #t(key: keyof typeof verifyStrings.en): string {
    return this.localize.t(verifyStrings, key as 'accept');
  }

  #heading(key: keyof typeof verifyStrings.en): TemplateResult {
    return this.headingOf(this.#t(key));
  }

  get #thisSession(): boolean {
    return this.flowRole === 'this-session';
  }

  /** @internal "Use your Security Key or Phrase" (this-session role). */
  keyOption(cls?: string): unknown {
    return this.#thisSession ? this.button(this.#t('useKey'), () => this.openKey(), cls) : nothing;
  }

  /** @internal "Can't confirm?" (this-session role): the host opens its reset step, or this element explains it. */
  cantConfirmButton(): unknown {
    return this.#thisSession ? this.button(this.#t('cantConfirm'), () => this.withLater((m) => m.cantConfirm(this)), 'link') : nothing;
  }

  protected override render() {
    if (this.keyEntry) return this.keyEntry.render();
    const s = this.stage;
    if (this.resetUnhandled && this.#thisSession) return this.later$((m) => m.viewOf(this).renderReset());
    switch (s.kind) {
      case 'no-client':
        return html`<p part="status" role="status">${this.#t('notConnected')}</p>`;
      case 'start':
        if (this.alreadyVerified) {
          return html`<div part="base">${this.#heading('alreadyHeading')}
            <p part="status" role="status">${this.#t(this.keysOutOfSync ? 'keysOutOfSync' : 'alreadyVerified')}</p>
            ${this.keysOutOfSync ? html`<div class="row">${this.keyOption('primary')}</div>` : nothing}</div>`;
        }
        return html`<div part="base">
          ${this.#heading('startHeading')}
          <p>${this.#t('startIntro')}</p>
          <div class="row">${this.button(this.#t('useOtherSession'), () => this.withFlow((f) => f.start()), 'primary')} ${this.keyOption()} ${this.cantConfirmButton()}</div>
        </div>`;
      case 'requesting':
        return html`<div part="base">${this.#heading('startHeading')}<p part="status" role="status">${this.#t('requesting')}</p></div>`;
      case 'incoming':
        return html`<div part="base">
          ${this.#heading('incomingHeading')}
          <p>${s.deviceId ? this.localize.t(verifyStrings, 'incomingIntro', isolate(s.deviceId)) : this.#t('incomingIntroUnknown')}</p>
          <div class="row">
            ${this.button(this.#t('accept'), () => this.accept(), 'primary')}
            ${this.button(this.#t('decline'), () => this.withFlow((f) => f.cancel()))}
          </div>
        </div>`;
      case 'loading':
        return html`<div part="base"></div>`;
      default:
        return this.later$((m) => m.viewOf(this).render(s));
    }
  }
}
