import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { MatrixClient } from 'matrix-js-sdk';
import type { VerificationRequest } from 'matrix-js-sdk/lib/crypto-api/index.js';
import { XsVerificationCancelledEvent } from '../../events/xs-verification-cancelled.js';
import { XsVerifiedEvent } from '../../events/xs-verified.js';
import { explainFailure } from '../../i18n/errors.strings.js';
import { sasEmojiName } from '../../i18n/sas-emoji.strings.js';
import { XsElement } from '../../internal/xs-element.js';
import { keysOutOfSync } from '../../sdk/recovery-key.js';
import { accountModel } from '../../sdk/account.js';
import { isDeviceCrossSigned, portFor, requestFromOtherSessions, requestToOwnDevice } from '../../sdk/verification.js';
import { VerificationFlow, type VerificationStage, type VerifyRole } from '../../state/verification.js';
import { verifyLoginStyles } from './verify-login.styles.js';
import { actionRowStyles, stageTextStyles } from '../../internal/stage.styles.js';
import { SECURITY_CODES, explainCancel, verifyStrings } from './verify-login.strings.js';
import { KeyEntry } from './verify-login-key.js';
import { keyStrings } from './verify-login-key.strings.js';

type ScanUi =
  | { kind: 'idle' }
  | { kind: 'camera' }
  | { kind: 'decoding' }
  | { kind: 'problem'; key: 'notAnImage' | 'noCodeInImage' | 'cameraDenied' | 'cameraMissing' | 'cameraInUse' | 'cameraUnsupported' | 'cameraFailed' };

const CAMERA_KEYS = {
  denied: 'cameraDenied',
  'no-camera': 'cameraMissing',
  'in-use': 'cameraInUse',
  unsupported: 'cameraUnsupported',
  failed: 'cameraFailed',
} as const;

/**
 * @summary Verifies a login: this session (asks your other sessions, or takes your Security Key or
 * Phrase), another of your sessions (`device-id`), or answers a request from another session (`.request`).
 * Compare emoji, show a QR code, or scan the other session's QR code with the camera or from a photo.
 * @tag xs-verify-login
 * @event {XsVerifiedEvent} xs-verified - The verification succeeded (`userId`, `deviceId` of the verified session).
 * @event {XsVerificationCancelledEvent} xs-verification-cancelled - It ended without success (`code`, `reason`, `byUs`).
 * @event {XsRequestResetEvent} xs-request-reset - Cancelable. "Continue to reset" on the Security Key path, after its
 * warning: the key is lost (`reason: 'cannot-verify'`) or the recovery data can't be repaired here (`'keys-missing'`).
 * Call `preventDefault()` and open your reset (e.g. `<xs-setup-wizard mode="reset">`).
 * @csspart base - The wrapper of each step.
 * @csspart action - The buttons.
 * @csspart status - Progress and outcome text.
 * @csspart emoji - The list of emoji to compare.
 * @csspart qr-code - The QR code image.
 * @csspart camera - The camera preview while scanning.
 * @cssprop [--xs-verify-login-emoji-size=2.5rem] - Size of the emoji glyphs.
 * @cssprop [--xs-verify-login-qr-size=16rem] - Size of the QR code.
 * @cssstate waiting - Waiting for the other session.
 * @cssstate comparing - Showing emoji to compare.
 * @cssstate done - Verified.
 * @cssstate cancelled - Cancelled or failed.
 */
export class XsVerifyLogin extends XsElement {
  static override styles = [...XsElement.styles, actionRowStyles, stageTextStyles, verifyLoginStyles];

  /** Verify this other session of yours (this session sends the request). Without it: verify this session. */
  @property({ attribute: 'device-id' }) deviceId?: string;

  /** An incoming request (from `CryptoEvent.VerificationRequestReceived`) to answer. */
  @property({ attribute: false }) request?: VerificationRequest;

  @state() private stage: VerificationStage | { kind: 'no-client' } = { kind: 'no-client' };
  @state() private qrUrl?: string;
  @state() private qrFailed = false;
  @state() private scanUi: ScanUi = { kind: 'idle' };
  /** The Security Key / Phrase path, while it is open (its stages render instead of the verification's). */
  @state() private keyEntry?: KeyEntry;
  /** This-session role: the session is already cross-signed, so the start step has nothing to offer. */
  @state() private alreadyVerified = false;
  /** …but its keys and the recovery data are out of sync: the start step offers the Security Key. */
  @state() private keysOutOfSync = false;
  @query('video') private video?: HTMLVideoElement;

  private flow?: VerificationFlow;
  private flowClient?: MatrixClient;
  private qrFor?: Uint8ClampedArray;
  private cameraAbort?: AbortController;
  private emittedFor?: VerificationStage;
  private unwatch?: () => void;

  private get flowRole(): VerifyRole {
    if (this.request) return 'incoming';
    return this.deviceId ? 'other-session' : 'this-session';
  }

  protected override stageKey() {
    return this.keyEntry ? this.keyEntry.stageKey() : this.stage.kind;
  }

  protected override clientChanged(client: MatrixClient | undefined) {
    this.build(client);
    return () => this.teardown();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.hasUpdated && (changed.has('deviceId') || changed.has('request')) && this.isConnected) {
      this.build(this.matrixClient);
    }
    if (changed.has('stage' as keyof XsVerifyLogin)) {
      const k = this.stage.kind;
      this.setExclusiveState(['waiting', 'comparing', 'done', 'cancelled'],
        k === 'waiting-accept' || k === 'confirmed' || k === 'starting' || k === 'scanned' ? 'waiting'
          : k === 'compare-emoji' ? 'comparing' : k === 'done' ? 'done' : k === 'cancelled' || k === 'failed' ? 'cancelled' : undefined);
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const s = this.stage;
    if (s.kind === 'choose' && s.qr && s.qr !== this.qrFor) void this.drawQr(s.qr);
    if (s.kind !== 'scan' && this.cameraAbort) this.stopCamera();
    this.keyEntry?.afterRender();
  }

  /** (Re)creates the flow for the current role and client. */
  private build(client: MatrixClient | undefined) {
    this.teardown();
    this.flowClient = client;
    if (!client) {
      this.stage = { kind: 'no-client' };
      return;
    }
    const role = this.flowRole;
    const deviceId = this.deviceId;
    const flow = new VerificationFlow(
      role === 'incoming'
        ? { role, port: portFor(client, this.request!) }
        : { role, request: () => (deviceId ? requestToOwnDevice(client, deviceId) : requestFromOtherSessions(client)) },
    );
    this.flow = flow;
    flow.addEventListener('change', () => this.onFlowChange(flow));
    this.stage = flow.stage;
    this.alreadyVerified = false;
    if (role === 'other-session') void flow.start();
    if (role === 'this-session') {
      void this.checkAlreadyVerified(client, flow);
      // Set up or verified meanwhile (e.g. by the setup wizard on the same page), or reset elsewhere: look again.
      // Through the account model every element on this client shares (src/sdk/account.ts).
      this.unwatch = accountModel(client).subscribe({ onState: () => void this.checkAlreadyVerified(client, flow) });
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
  private cancelText(s: Extract<VerificationStage, { kind: 'cancelled' }>, flow: VerificationFlow | undefined): string {
    return explainCancel(this.localize.lang, s.code, s.byUs, flow !== undefined && flow.role !== 'this-session', s.declined);
  }

  private teardown() {
    this.unwatch?.();
    this.unwatch = undefined;
    this.closeKey();
    this.stopCamera();
    this.flow?.dispose();
    this.flow = undefined;
    this.clearQr();
  }

  private onFlowChange(flow: VerificationFlow) {
    if (flow !== this.flow) return;
    const s = flow.stage;
    this.stage = s;
    if (s.kind !== 'scan') this.scanUi = { kind: 'idle' };
    if (this.emittedFor === s) return;
    if (s.kind === 'done') {
      this.emittedFor = s;
      const userId = flow.ownUserId ?? this.flowClient?.getSafeUserId() ?? '';
      const deviceId = flow.role === 'this-session' ? (flow.ownDeviceId ?? '') : (s.deviceId ?? this.deviceId ?? '');
      this.emit(new XsVerifiedEvent(userId, deviceId));
    } else if (s.kind === 'cancelled') {
      this.emittedFor = s;
      this.emit(new XsVerificationCancelledEvent(s.code, this.cancelText(s, flow), s.byUs));
    }
  }

  /** Switches to the Security Key / Phrase path (this-session role); a pending request is cancelled first. */
  private async openKey() {
    const client = this.flowClient;
    if (!client) return;
    if (this.flow && !this.flow.settled && this.stage.kind !== 'start') await this.flow.cancel();
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
        this.emit(new XsVerifiedEvent(client.getSafeUserId(), client.getDeviceId() ?? ''));
      },
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

  private async drawQr(bytes: Uint8ClampedArray) {
    this.qrFor = bytes;
    this.qrFailed = false;
    try {
      const { renderQrPng } = await import('../../internal/qr.js');
      const png = await renderQrPng(bytes);
      if (this.qrFor !== bytes) return;
      this.clearQr(false);
      this.qrUrl = URL.createObjectURL(png);
    } catch {
      if (this.qrFor === bytes) this.qrFailed = true;
    }
  }

  private clearQr(forget = true) {
    if (this.qrUrl) URL.revokeObjectURL(this.qrUrl);
    this.qrUrl = undefined;
    if (forget) this.qrFor = undefined;
  }

  private async startCamera() {
    const { scanWithCamera, cameraProblemOf } = await import('../../internal/qr.js');
    this.stopCamera();
    const abort = new AbortController();
    this.cameraAbort = abort;
    this.scanUi = { kind: 'camera' };
    await this.updateComplete;
    const video = this.video;
    if (!video) return;
    try {
      const bytes = await scanWithCamera(video, abort.signal);
      if (abort.signal.aborted) return;
      this.cameraAbort = undefined;
      this.scanUi = { kind: 'idle' };
      await this.flow?.scanned(bytes);
    } catch (e) {
      if (abort.signal.aborted) return;
      this.cameraAbort = undefined;
      this.scanUi = { kind: 'problem', key: CAMERA_KEYS[cameraProblemOf(e)] };
    }
  }

  private stopCamera() {
    this.cameraAbort?.abort();
    this.cameraAbort = undefined;
    if (this.scanUi.kind === 'camera') this.scanUi = { kind: 'idle' };
  }

  private async onFile(e: Event) {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    this.stopCamera();
    this.scanUi = { kind: 'decoding' };
    try {
      const { decodeQrImage } = await import('../../internal/qr.js');
      const bytes = await decodeQrImage(file);
      if (!bytes) {
        this.scanUi = { kind: 'problem', key: 'noCodeInImage' };
        return;
      }
      this.scanUi = { kind: 'idle' };
      await this.flow?.scanned(bytes);
    } catch {
      this.scanUi = { kind: 'problem', key: 'notAnImage' };
    }
  }

  private t(key: keyof typeof verifyStrings.en & string): string {
    return this.localize.t(verifyStrings, key as 'accept');
  }

  private heading(key: keyof typeof verifyStrings.en & string): TemplateResult {
    return html`<h2 tabindex="-1" data-stage-heading>${this.t(key)}</h2>`;
  }

  private button(label: string, onClick: () => void, cls = ''): TemplateResult {
    return html`<button type="button" part="action" class=${cls} @click=${onClick}>${label}</button>`;
  }

  private cancelButton(): TemplateResult {
    return this.button(this.t('cancel'), () => void this.flow?.cancel());
  }

  protected override render() {
    if (this.keyEntry) return this.keyEntry.render();
    const s = this.stage;
    const f = this.flow;
    const keyOption = f?.role === 'this-session' ? this.button(this.t('useKey'), () => void this.openKey()) : nothing;
    switch (s.kind) {
      case 'no-client':
        return html`<p part="status" role="status">${this.t('notConnected')}</p>`;
      case 'start':
        if (this.alreadyVerified && this.keysOutOfSync) {
          return html`<div part="base">${this.heading('alreadyHeading')}
            <p part="status" role="status">${this.localize.t(keyStrings, 'keysOutOfSync')}</p>
            <div class="row">${this.button(this.t('useKey'), () => void this.openKey(), 'primary')}</div></div>`;
        }
        if (this.alreadyVerified) {
          return html`<div part="base">${this.heading('alreadyHeading')}<p part="status" role="status">${this.t('alreadyVerified')}</p></div>`;
        }
        return html`<div part="base">
          ${this.heading('startHeading')}
          <p>${this.t('startIntro')}</p>
          <div class="row">${this.button(this.t('useOtherSession'), () => void f?.start(), 'primary')} ${keyOption}</div>
        </div>`;
      case 'requesting':
        return html`<div part="base">${this.heading('startHeading')}<p part="status" role="status">${this.t('requesting')}</p></div>`;
      case 'waiting-accept':
        return html`<div part="base">
          ${this.heading('waitingHeading')}
          <p part="status" role="status">${this.deviceId
            ? this.localize.t(verifyStrings, 'waitingDeviceIntro', this.deviceId)
            : this.t('waitingAnyIntro')}</p>
          <div class="row">${keyOption} ${this.cancelButton()}</div>
        </div>`;
      case 'incoming':
        return html`<div part="base">
          ${this.heading('incomingHeading')}
          <p>${s.deviceId ? this.localize.t(verifyStrings, 'incomingIntro', s.deviceId) : this.t('incomingIntroUnknown')}</p>
          <div class="row">
            ${this.button(this.t('accept'), () => void f?.accept(), 'primary')}
            ${this.button(this.t('decline'), () => void f?.cancel())}
          </div>
        </div>`;
      case 'accepting':
        return html`<div part="base">${this.heading('incomingHeading')}<p part="status" role="status">${this.t('accepting')}</p></div>`;
      case 'choose':
        return html`<div part="base">
          ${this.heading('chooseHeading')}
          <p>${this.t('chooseIntro')}</p>
          ${s.qr ? this.renderQr() : nothing}
          <div class="row">
            ${this.button(this.t('compareEmoji'), () => void f?.startSas(), 'primary')}
            ${s.canScan ? this.button(this.t('scanTheirCode'), () => f?.showScanner()) : nothing}
            ${this.cancelButton()}
          </div>
        </div>`;
      case 'scan':
        return this.renderScan(s.problem);
      case 'starting':
        return html`<div part="base">${this.heading('startingHeading')}<p part="status" role="status">${this.t('starting')}</p>
          <div class="row">${this.cancelButton()}</div></div>`;
      case 'compare-emoji':
        return html`<div part="base">
          ${this.heading('compareHeading')}
          <p>${this.t('compareIntro')}</p>
          <ol class="emoji" part="emoji" aria-label=${this.t('emojiListLabel')}>
            ${s.emoji.map((e) => {
              const name = sasEmojiName(this.localize.lang, e.description);
              return html`<li><span class="glyph" role="img" aria-label=${name}>${e.glyph}</span><span class="name" aria-hidden="true">${name}</span></li>`;
            })}
          </ol>
          ${s.decimal && !s.emoji.length
            ? html`<p>${this.localize.t(verifyStrings, 'decimalIntro', ...(s.decimal.map((n) => this.localize.number(n, { useGrouping: false })) as [string, string, string]))}</p>`
            : nothing}
          <div class="row">
            ${this.button(this.t('theyMatch'), () => void f?.confirmSas(), 'primary')}
            ${this.button(this.t('theyDontMatch'), () => f?.mismatch(), 'danger')}
          </div>
        </div>`;
      case 'confirmed':
        return html`<div part="base">${this.heading('confirmedHeading')}<p part="status" role="status">${this.t('confirmed')}</p>
          <div class="row">${this.cancelButton()}</div></div>`;
      case 'reciprocate':
        return html`<div part="base">
          ${this.heading('reciprocateHeading')}
          <p>${this.t('reciprocateIntro')}</p>
          <div class="row">
            ${this.button(this.t('reciprocateYes'), () => f?.confirmReciprocate(), 'primary')}
            ${this.button(this.t('reciprocateNo'), () => f?.denyReciprocate(), 'danger')}
          </div>
        </div>`;
      case 'scanned':
        return html`<div part="base">${this.heading('scannedHeading')}<p part="status" role="status">${this.t('scanned')}</p>
          <div class="row">${this.cancelButton()}</div></div>`;
      case 'done': {
        const text = f?.role === 'this-session'
          ? this.t('doneThisSession')
          : (s.deviceId ?? this.deviceId)
            ? this.localize.t(verifyStrings, 'doneOtherSession', (s.deviceId ?? this.deviceId)!)
            : this.t('doneOtherUnknown');
        return html`<div part="base">${this.heading('doneHeading')}<p part="status" role="status">${text}</p></div>`;
      }
      case 'cancelled': {
        const security = SECURITY_CODES.includes(s.code);
        const quiet = s.code === 'm.accepted';
        const canRestart = f?.role !== 'incoming';
        return html`<div part="base">
          ${this.heading(security ? 'securityHeading' : 'cancelledHeading')}
          <p part="status" role=${security ? 'alert' : 'status'} class=${security ? 'warning' : ''}>${this.cancelText(s, f)}</p>
          ${s.reason && !s.byUs && !quiet && !['m.user', 'm.accepted'].includes(s.code)
            ? html`<p class="quote">${this.localize.t(verifyStrings, 'otherReason', s.reason)}</p>`
            : nothing}
          ${canRestart && !quiet ? html`<div class="row">${this.button(this.t('startAgain'), () => void f?.start(), 'primary')} ${keyOption}</div>` : nothing}
        </div>`;
      }
      case 'failed':
        return html`<div part="base">
          ${this.heading('failedHeading')}
          <p part="status" role="alert">${s.failure.kind === 'no-identity'
            ? this.t('noIdentity')
            : s.failure.kind === 'no-other-session' ? this.t('noOtherSession') : explainFailure(this.localize.lang, s.failure)}</p>
          ${f?.role !== 'incoming' ? html`<div class="row">${this.button(this.t('startAgain'), () => void f?.start(), 'primary')} ${keyOption}</div>` : nothing}
        </div>`;
    }
  }

  private renderQr() {
    if (this.qrFailed) return html`<p role="status">${this.t('qrFailed')}</p>`;
    return html`<p>${this.t('qrShowIntro')}</p>
      ${this.qrUrl
        ? html`<img part="qr-code" src=${this.qrUrl} alt=${this.t('qrAlt')} />`
        : html`<p role="status">${this.t('qrLoading')}</p>`}`;
  }

  private renderScan(problem: 'not-verification-code' | 'wrong-code' | undefined) {
    const f = this.flow;
    const ui = this.scanUi;
    const message = ui.kind === 'problem'
      ? this.t(ui.key)
      : problem === 'wrong-code' ? this.t('wrongCode') : problem === 'not-verification-code' ? this.t('notVerificationCode') : undefined;
    const camera = typeof navigator !== 'undefined' && !!navigator.mediaDevices?.getUserMedia;
    return html`<div part="base">
      ${this.heading('scanHeading')}
      <p id="scan-intro">${this.t('scanIntro')}</p>
      ${ui.kind === 'camera'
        ? html`<video part="camera" aria-label=${this.t('cameraLabel')} muted playsinline></video>
            <p role="status">${this.t('cameraStarting')}</p>`
        : nothing}
      ${ui.kind === 'decoding' ? html`<p role="status">${this.t('decoding')}</p>` : nothing}
      ${message ? html`<p role="alert">${message}</p>` : nothing}
      <div class="row">
        ${camera
          ? ui.kind === 'camera'
            ? this.button(this.t('stopCamera'), () => this.stopCamera())
            : this.button(this.t('useCamera'), () => void this.startCamera(), 'primary')
          : nothing}
      </div>
      <div class="field">
        <label for="qr-file">${this.t('chooseImage')}</label>
        <input id="qr-file" type="file" accept="image/*" aria-describedby="scan-intro" @change=${this.onFile} />
      </div>
      <div class="row">
        ${this.button(this.t('compareEmoji'), () => void f?.startSas())}
        ${this.button(this.t('back'), () => void f?.backToChoice())}
        ${this.cancelButton()}
      </div>
    </div>`;
  }
}
