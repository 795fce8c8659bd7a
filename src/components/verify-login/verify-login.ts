import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { MatrixClient } from 'matrix-js-sdk';
import type { VerificationRequest } from 'matrix-js-sdk/lib/crypto-api/index.js';
import { XsVerifiedEvent } from '../../events/xs-verified.js';
import { explainCancel } from '../../i18n/verification-cancel.strings.js';
import { XsVerificationElement } from '../../internal/verification-element.js';
import { isolate } from '../../internal/bidi.js';
import { VerificationSteps } from '../../internal/verification-steps.js';
import { XsRequestResetEvent } from '../../events/xs-request-reset.js';
import { keysOutOfSync } from '../../sdk/keys-out-of-sync.js';
import { accountModel } from '../../sdk/account.js';
import { isDeviceCrossSigned, onVerificationRequest, portFor, requestFromOtherSessions, requestToOwnDevice } from '../../sdk/verification.js';
import { HistoryRestoreView } from './history-restore-view.js';
import { SECURITY_CODES, VerificationFlow, type VerificationStage, type VerifyRole } from '../../state/verification.js';
import { verifyLoginStyles } from './verify-login.styles.js';
import { explainStartFailure, verifyStrings } from './verify-login.strings.js';
// The Security Key path is loaded when the person chooses it (it would push the drop-in bundle past its size budget).
import type { KeyEntry } from './verify-login-key.js';

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
export class XsVerifyLogin extends XsVerificationElement {
  static override styles = [...XsVerificationElement.styles, verifyLoginStyles];

  /** Verify this other session of yours (this session sends the request). Without it: verify this session. */
  @property({ attribute: 'device-id' }) deviceId?: string;

  /** An incoming request (from `CryptoEvent.VerificationRequestReceived`) to answer. */
  @property({ attribute: false }) request?: VerificationRequest;

  /** The Security Key / Phrase path, while it is open (its stages render instead of the verification's). */
  @state() private keyEntry?: KeyEntry;
  /** This-session role: the session is already cross-signed, so the start step has nothing to offer. */
  @state() private alreadyVerified = false;
  /** …but its keys and the recovery data are out of sync: the start step offers the Security Key. */
  @state() private keysOutOfSync = false;
  /** After this session was verified: the secrets arriving and the history restored from the key backup. */
  private readonly restore = new HistoryRestoreView(this, () => this.localize.lang);
  /** "Can't confirm?" was not handled by the host: explain the reset here. */
  @state() private resetUnhandled = false;

  private flowClient?: MatrixClient;
  private unwatch?: () => void;
  private readonly steps = new VerificationSteps(this, verifyStrings, () => this.localize.lang, () => this.flow);

  private get flowRole(): VerifyRole {
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
    if (this.unwatch && this.stage.kind !== 'start') {
      this.unwatch();
      this.unwatch = undefined;
    }
    // After a rejected key or phrase the field takes focus (KeyEntry keeps track of which problem it focused).
    this.keyEntry?.afterRender();
  }

  protected override build(client: MatrixClient | undefined): void {
    this.flowClient = client;
    super.build(client);
  }

  /** The flow for the current role: answer `.request`, verify `device-id`, or verify this session. */
  protected override createFlow(client: MatrixClient): VerificationFlow {
    const role = this.flowRole;
    const deviceId = this.deviceId;
    const timing = { confirmTimeoutMs: this.confirmTimeout, noAnswerMs: this.noAnswerTimeout };
    this.resetUnhandled = false;
    this.alreadyVerified = false;
    return new VerificationFlow(
      role === 'incoming'
        ? { role, port: portFor(client, this.request!), ...timing }
        : {
            role,
            request: () => (deviceId ? requestToOwnDevice(client, deviceId) : requestFromOtherSessions(client)),
            ...timing,
            // Both sessions starting at once converge on one verification.
            watchIncoming: (l) => onVerificationRequest(client, (r) => l(portFor(client, r))),
            peer: { userId: client.getSafeUserId(), ...(deviceId ? { deviceId } : {}) },
          },
    );
  }

  protected override flowBuilt(client: MatrixClient, flow: VerificationFlow): void {
    if (flow.role === 'other-session') void flow.start();
    if (flow.role === 'this-session') {
      void this.checkAlreadyVerified(client, flow);
      // Set up or verified meanwhile (e.g. by the setup wizard on the same page), or reset elsewhere: look again.
      // Through the account model every element on this client shares (src/sdk/account.ts).
      // Following only: this element reads what it needs itself, so starting the model here asks no server (the
      // start step's reads would otherwise still be out when the person starts, competing with the request).
      this.unwatch = accountModel(client).subscribe({ followOnly: true, onState: () => void this.checkAlreadyVerified(client, flow) });
    }
  }

  private async checkAlreadyVerified(client: MatrixClient, flow: VerificationFlow) {
    const deviceId = client.getDeviceId();
    if (!deviceId) return;
    let verified = false;
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
    if (flow !== this.flow) return;
    this.alreadyVerified = verified;
    this.keysOutOfSync = outOfSync;
  }

  /** Why a verification ended, worded for the side this element plays. */
  protected override cancelText(s: Extract<VerificationStage, { kind: 'cancelled' }>): string {
    return explainCancel(this.localize.lang, s.code, this.flow && this.flow.role !== 'this-session' ? 'other-session' : 'this-session', s);
  }

  protected override teardownExtras(): void {
    this.unwatch?.();
    this.unwatch = undefined;
    this.restore.reset();
    this.closeKey();
    this.steps.reset();
  }

  protected override succeeded(flow: VerificationFlow, s: Extract<VerificationStage, { kind: 'done' }>): void {
    const userId = flow.ownUserId ?? this.flowClient?.getSafeUserId() ?? '';
    const deviceId = flow.role === 'this-session' ? (flow.ownDeviceId ?? '') : (s.deviceId ?? this.deviceId ?? '');
    // First the shared account model learns that keys are on their way (so <xs-status> says so), then the host.
    if (flow.role === 'this-session' && this.flowClient) this.restore.start(this.flowClient);
    this.emit(new XsVerifiedEvent(userId, deviceId));
  }

  /** Switches to the Security Key / Phrase path (this-session role); a pending request is cancelled first. */
  private async openKey() {
    const client = this.flowClient;
    if (!client) return;
    if (this.flow && !this.flow.settled && this.stage.kind !== 'start') await this.flow.cancel();
    const { KeyEntry } = await import('./verify-login-key.js');
    if (client !== this.flowClient) return; // the client changed (or the element went away) meanwhile
    this.closeKey();
    const host = this; // the getters below read the element’s live values
    const entry: KeyEntry = new KeyEntry(client, {
      get lang() {
        return host.localize.lang;
      },
      get root() {
        return host.shadowRoot;
      },
      changed: () => {
        if (entry === this.keyEntry) this.requestUpdate();
      },
      emit: (event) => this.emit(event),
      verified: () => {
        if (entry !== this.keyEntry) return;
        this.alreadyVerified = true;
        this.keysOutOfSync = false;
        // As after a verification with another session: the history from the key backup, followed on "Verified".
        this.restore.start(client);
        this.emit(new XsVerifiedEvent(client.getSafeUserId(), client.getDeviceId() ?? ''));
      },
      afterDone: () => this.restore.render(),
      back: () => this.backFromKey(),
      useOtherSession: () => {
        this.backFromKey();
        void this.flow?.start();
      },
    });
    this.keyEntry = entry;
    await entry.load();
  }

  private closeKey() {
    this.keyEntry?.dispose();
    this.keyEntry = undefined;
  }

  private backFromKey() {
    this.closeKey();
    if (this.flow?.settled && this.flow.role === 'this-session') this.build(this.flowClient);
  }

  private t(key: keyof typeof verifyStrings.en & string): string {
    return this.localize.t(verifyStrings, key as 'accept');
  }

  private heading(key: keyof typeof verifyStrings.en & string): TemplateResult {
    return this.headingOf(this.t(key));
  }

  private cancelButton(): TemplateResult {
    return this.button(this.t('cancel'), () => void this.flow?.cancel());
  }

  /** "Can't confirm?": the host opens its reset step (cancels the event), or this element explains the reset. */
  private cantConfirm() {
    if (this.flow && !this.flow.settled && !['start', 'failed'].includes(this.stage.kind)) void this.flow.cancel();
    if (!this.emit(new XsRequestResetEvent('cannot-verify'))) return;
    this.resetUnhandled = true;
  }

  protected override render() {
    if (this.keyEntry) return this.keyEntry.render();
    const s = this.stage;
    const f = this.flow;
    const thisSession = f?.role === 'this-session';
    const keyOption = thisSession ? this.button(this.t('useKey'), () => void this.openKey()) : nothing;
    const cantConfirm = thisSession ? this.button(this.t('cantConfirm'), () => this.cantConfirm(), 'link') : nothing;
    if (this.resetUnhandled && thisSession) {
      return html`<div part="base">
        ${this.heading('resetHeading')}
        <p part="status" role="status">${this.t('resetUnhandled')}</p>
        <div class="row">${this.button(this.t('back'), () => this.build(this.flowClient))}</div>
      </div>`;
    }
    switch (s.kind) {
      case 'no-client':
        return html`<p part="status" role="status">${this.t('notConnected')}</p>`;
      case 'start':
        if (this.alreadyVerified && this.keysOutOfSync) {
          return html`<div part="base">${this.heading('alreadyHeading')}
            <p part="status" role="status">${this.t('keysOutOfSync')}</p>
            <div class="row">${this.button(this.t('useKey'), () => void this.openKey(), 'primary')}</div></div>`;
        }
        if (this.alreadyVerified) {
          return html`<div part="base">${this.heading('alreadyHeading')}<p part="status" role="status">${this.t('alreadyVerified')}</p></div>`;
        }
        return html`<div part="base">
          ${this.heading('startHeading')}
          <p>${this.t('startIntro')}</p>
          <div class="row">${this.button(this.t('useOtherSession'), () => void f?.start(), 'primary')} ${keyOption} ${cantConfirm}</div>
        </div>`;
      case 'requesting':
        return html`<div part="base">${this.heading('startHeading')}<p part="status" role="status">${this.t('requesting')}</p></div>`;
      case 'waiting-accept':
        return html`<div part="base">
          ${this.heading('waitingHeading')}
          <p part="status" role="status">${this.deviceId
            ? this.localize.t(verifyStrings, 'waitingDeviceIntro', isolate(this.deviceId))
            : this.t('waitingAnyIntro')}</p>
          ${s.slow ? html`<p role="status" class="slow">${this.t(this.deviceId ? 'noAnswerDevice' : 'noAnswerAny')}</p>` : nothing}
          <div class="row">${keyOption} ${this.cancelButton()} ${cantConfirm}</div>
        </div>`;
      case 'incoming':
        return html`<div part="base">
          ${this.heading('incomingHeading')}
          <p>${s.deviceId ? this.localize.t(verifyStrings, 'incomingIntro', isolate(s.deviceId)) : this.t('incomingIntroUnknown')}</p>
          <div class="row">
            ${this.button(this.t('accept'), () => void f?.accept(), 'primary')}
            ${this.button(this.t('decline'), () => void f?.cancel())}
          </div>
        </div>`;
      case 'accepting':
        return html`<div part="base">${this.heading('incomingHeading')}<p part="status" role="status">${this.t('accepting')}</p></div>`;
      case 'choose':
      case 'scan':
      case 'starting':
      case 'compare-emoji':
      case 'confirmed':
      case 'reciprocate':
      case 'scanned':
      case 'checking':
        return this.steps.render(s);
      case 'done': {
        const text = f?.role === 'this-session'
          ? this.t('doneThisSession')
          : (s.deviceId ?? this.deviceId)
            ? this.localize.t(verifyStrings, 'doneOtherSession', isolate((s.deviceId ?? this.deviceId)!))
            : this.t('doneOtherUnknown');
        return html`<div part="base">${this.heading('doneHeading')}<p part="status" role="status">${text}</p>${this.restore.render()}</div>`;
      }
      case 'unsigned':
        // Both sides said done, but the server holds no signature: never the shield.
        return html`<div part="base">
          ${this.heading('unsignedHeading')}
          <p part="status" role="alert">${this.t(thisSession ? 'unsignedThisSession' : 'unsignedOther')}</p>
          ${f?.role !== 'incoming'
            ? html`<div class="row">${thisSession ? this.button(this.t('useKey'), () => void this.openKey(), 'primary') : nothing}
                ${this.button(this.t('startAgain'), () => void f?.start(), thisSession ? '' : 'primary')} ${cantConfirm}</div>`
            : nothing}
        </div>`;
      case 'cancelled': {
        const security = SECURITY_CODES.includes(s.code);
        const quiet = s.code === 'm.accepted';
        const canRestart = f?.role !== 'incoming';
        return html`<div part="base">
          ${this.heading(security ? 'securityHeading' : 'cancelledHeading')}
          <p part="status" role=${security ? 'alert' : 'status'} class=${security ? 'warning' : ''}>${this.cancelText(s)}</p>
          ${s.reason && !s.byUs && !quiet && !['m.user', 'm.accepted'].includes(s.code)
            ? html`<p class="quote">${this.localize.t(verifyStrings, 'otherReason', s.reason)}</p>`
            : nothing}
          ${canRestart && !quiet ? html`<div class="row">${this.button(this.t('startAgain'), () => void f?.start(), 'primary')} ${keyOption} ${cantConfirm}</div>` : nothing}
        </div>`;
      }
      case 'failed':
        return html`<div part="base">
          ${this.heading('failedHeading')}
          <p part="status" role="alert">${explainStartFailure(this.localize.lang, s.failure)}</p>
          ${f?.role !== 'incoming' ? html`<div class="row">${this.button(this.t('startAgain'), () => void f?.start(), 'primary')} ${keyOption} ${cantConfirm}</div>` : nothing}
        </div>`;
    }
  }
}
