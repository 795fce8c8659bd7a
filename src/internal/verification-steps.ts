// The method steps of a verification — choose a method, show our QR code, scan theirs (camera or picture),
// compare emoji or numbers, confirm, wait — rendered the same way by <xs-verify-login> and <xs-verify-user>.
// Each element passes its own strings (same keys, its own namespace and wording); the flow is the shared
// VerificationFlow. The controller owns what only the view needs: the drawn QR image, the camera, the file
// being decoded, and whether numbers are shown instead of emoji.
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { loadSasNames, sasEmojiName } from '../i18n/sas-emoji.strings.js';
import { translate, type Strings } from '../i18n/registry.js';
import type { VerificationFlow, VerificationStage } from '../state/verification.js';
import { filePicker } from './file-picker.js';
import { filePickerStyles } from './file-picker.styles.js';
import { adoptStyles } from './lazy-styles.js';
import { verificationStepStyles } from './verification-steps.styles.js';

/** The steps' styles, which join the host's when its later module is here (XsVerificationElement calls `adoptStepStyles`). */
export const stepStyles = [verificationStepStyles, filePickerStyles];

/** Adds the steps' styles to a host's shadow root (once). */
export const adoptStepStyles = (root: Node): void => adoptStyles(root, ...stepStyles);

/** The strings every element that renders the method steps defines (in its own namespace). */
export interface StepTerms {
  [key: string]: string | ((...args: never[]) => string);
  chooseHeading: string;
  chooseIntro: string;
  qrShowIntro: string;
  qrAlt: string;
  qrLoading: string;
  qrFailed: string;
  compareEmoji: string;
  scanTheirCode: string;
  scanHeading: string;
  scanIntro: string;
  useCamera: string;
  stopCamera: string;
  cameraLabel: string;
  cameraStarting: string;
  chooseImage: string;
  /** Under the picture button: that a picture can also be dropped there. */
  dropImage: string;
  decoding: string;
  back: string;
  notAnImage: string;
  noCodeInImage: string;
  notVerificationCode: string;
  wrongCode: string;
  cameraDenied: string;
  cameraMissing: string;
  cameraInUse: string;
  cameraUnsupported: string;
  cameraFailed: string;
  startingHeading: string;
  starting: string;
  compareHeading: string;
  compareIntro: string;
  compareNumbersIntro: string;
  emojiListLabel: string;
  numbersListLabel: string;
  showNumbers: string;
  showEmoji: string;
  theyMatch: string;
  theyDontMatch: string;
  confirmedHeading: string;
  confirmed: string;
  reciprocateHeading: string;
  reciprocateIntro: string;
  reciprocateYes: string;
  reciprocateNo: string;
  scannedHeading: string;
  scanned: string;
  checkingHeading: string;
  checking: string;
  cancel: string;
}

type StepKey = Exclude<keyof StepTerms & string, `${string}[${string}`>;
type ProblemKey = 'notAnImage' | 'noCodeInImage' | 'cameraDenied' | 'cameraMissing' | 'cameraInUse' | 'cameraUnsupported' | 'cameraFailed';

type ScanUi = { kind: 'idle' } | { kind: 'camera' } | { kind: 'decoding' } | { kind: 'problem'; key: ProblemKey };

const CAMERA_KEYS = {
  denied: 'cameraDenied',
  'no-camera': 'cameraMissing',
  'in-use': 'cameraInUse',
  unsupported: 'cameraUnsupported',
  failed: 'cameraFailed',
} as const;

// The stages this controller renders (defined beside the stage union, so the elements' first render can name them).
export { METHOD_STAGES, isMethodStage, type MethodStage } from '../state/verification-stage.js';
import type { MethodStage } from '../state/verification-stage.js';

export interface StepsHost extends ReactiveControllerHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

export class VerificationSteps implements ReactiveController {
  /** The drawn QR code as a `data:` URL (a page's CSP needs `img-src data:`, no `blob:`). */
  private qrUrl?: string;
  private qrFailed = false;
  private qrFor?: Uint8ClampedArray;
  private scanUi: ScanUi = { kind: 'idle' };
  private cameraAbort?: AbortController;
  /** Show the three numbers instead of the emoji (for people who can't tell emoji apart). */
  private numbers = false;
  private numbersFor?: VerificationStage;

  constructor(
    private readonly host: StepsHost,
    private readonly strings: Strings<StepTerms>,
    private readonly lang: () => string,
    private readonly getFlow: () => VerificationFlow | undefined,
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    // The emoji names in the element's language load as soon as there is a verification (long before its emoji
    // step); the element re-renders when they arrive. Until then, and for languages without a table, English.
    if (this.getFlow()) void loadSasNames(this.lang());
  }

  hostUpdated(): void {
    const s = this.getFlow()?.stage;
    if (s?.kind === 'choose' && s.qr && s.qr !== this.qrFor) void this.drawQr(s.qr);
    if (s?.kind !== 'scan' && this.cameraAbort) this.stopCamera();
    if (s?.kind !== 'scan' && this.scanUi.kind !== 'idle') this.scanUi = { kind: 'idle' };
  }

  hostDisconnected(): void {
    this.reset();
  }

  /** Drops the camera and the drawn code (a new flow starts). */
  reset(): void {
    this.stopCamera();
    this.clearQr();
    this.scanUi = { kind: 'idle' };
    this.numbers = false;
  }

  private t<K extends StepKey>(key: K): string {
    return translate(this.lang(), this.strings, key as 'chooseHeading');
  }

  /** Rendered right under each step's heading (e.g. who is being verified). */
  private afterHeading: unknown = nothing;

  private heading(key: StepKey): TemplateResult {
    return html`<h2 tabindex="-1" data-stage-heading>${this.t(key)}</h2>${this.afterHeading}`;
  }

  private button(label: string, onClick: () => void, cls = ''): TemplateResult {
    return html`<button type="button" part="action" class=${cls} @click=${onClick}>${label}</button>`;
  }

  private cancelButton(): TemplateResult {
    return this.button(this.t('cancel'), () => void this.getFlow()?.cancel());
  }

  /** Renders one of the method stages; `afterHeading` goes right under its heading. */
  render(s: MethodStage, afterHeading: unknown = nothing): TemplateResult {
    this.afterHeading = afterHeading;
    const f = this.getFlow();
    switch (s.kind) {
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
        return this.renderCompare(s);
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
      case 'checking':
        return html`<div part="base">${this.heading('checkingHeading')}<p part="status" role="status">${this.t('checking')}</p></div>`;
    }
  }

  private renderCompare(s: Extract<VerificationStage, { kind: 'compare-emoji' }>) {
    const f = this.getFlow();
    if (this.numbersFor !== s) {
      this.numbersFor = s;
      if (!s.emoji.length) this.numbers = true;
    }
    const lang = this.lang();
    const numbers = this.numbers && s.decimal;
    const toggle = s.decimal && s.emoji.length
      ? this.button(this.t(this.numbers ? 'showEmoji' : 'showNumbers'), () => {
          this.numbers = !this.numbers;
          this.host.requestUpdate();
        })
      : nothing;
    return html`<div part="base">
      ${this.heading('compareHeading')}
      <p>${this.t(numbers ? 'compareNumbersIntro' : 'compareIntro')}</p>
      ${numbers
        ? html`<ol class="numbers" part="numbers" aria-label=${this.t('numbersListLabel')}>
            ${s.decimal!.map((n) => html`<li>${new Intl.NumberFormat(lang, { useGrouping: false }).format(n)}</li>`)}
          </ol>`
        : html`<ol class="emoji" part="emoji" aria-label=${this.t('emojiListLabel')}>
            ${s.emoji.map((e) => {
              const name = sasEmojiName(lang, e.description);
              return html`<li><span class="glyph" role="img" aria-label=${name}>${e.glyph}</span><span class="name" aria-hidden="true">${name}</span></li>`;
            })}
          </ol>`}
      <div class="row">
        ${this.button(this.t('theyMatch'), () => void f?.confirmSas(), 'primary')}
        ${this.button(this.t('theyDontMatch'), () => f?.mismatch(), 'danger')}
        ${toggle}
      </div>
    </div>`;
  }

  private renderQr() {
    if (this.qrFailed) return html`<p role="status">${this.t('qrFailed')}</p>`;
    return html`<p>${this.t('qrShowIntro')}</p>
      ${this.qrUrl
        ? html`<img part="qr-code" src=${this.qrUrl} alt=${this.t('qrAlt')} />`
        : html`<p role="status">${this.t('qrLoading')}</p>`}`;
  }

  private renderScan(problem: 'not-verification-code' | 'wrong-code' | undefined) {
    const f = this.getFlow();
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
      ${filePicker({ id: 'qr-file', accept: 'image/*', label: this.t('chooseImage'), hint: this.t('dropImage'), describedBy: 'scan-intro', onFile: (file) => void this.onFile(file) })}
      <div class="row">
        ${this.button(this.t('compareEmoji'), () => void f?.startSas())}
        ${this.button(this.t('back'), () => void f?.backToChoice())}
        ${this.cancelButton()}
      </div>
    </div>`;
  }

  private setScanUi(ui: ScanUi) {
    this.scanUi = ui;
    this.host.requestUpdate();
  }

  private async drawQr(bytes: Uint8ClampedArray) {
    this.qrFor = bytes;
    this.qrFailed = false;
    // Drawing loads the QR library and renders on the main thread (~0.1–0.3 s), where this session's crypto runs too.
    // The flow hands over the code only after the choice has been shown a moment (src/state/verification.ts); draw it
    // in an idle moment then, and not at all once the step is left.
    await new Promise<void>((r) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(() => r(), { timeout: 300 }) : setTimeout(r, 50)));
    if (this.qrFor !== bytes || this.getFlow()?.stage.kind !== 'choose') {
      if (this.qrFor === bytes) this.qrFor = undefined;
      return;
    }
    try {
      const { renderQrDataUrl } = await import('./qr.js');
      const url = await renderQrDataUrl(bytes);
      if (this.qrFor !== bytes) return;
      this.clearQr(false);
      this.qrUrl = url;
    } catch {
      if (this.qrFor === bytes) this.qrFailed = true;
    }
    this.host.requestUpdate();
  }

  private clearQr(forget = true) {
    this.qrUrl = undefined;
    if (forget) this.qrFor = undefined;
  }

  private async startCamera() {
    const { scanWithCamera, cameraProblemOf } = await import('./qr.js');
    this.stopCamera();
    const abort = new AbortController();
    this.cameraAbort = abort;
    this.setScanUi({ kind: 'camera' });
    await this.host.updateComplete;
    const video = this.host.renderRoot.querySelector('video');
    if (!video) return;
    try {
      const bytes = await scanWithCamera(video, abort.signal);
      if (abort.signal.aborted) return;
      this.cameraAbort = undefined;
      this.setScanUi({ kind: 'idle' });
      await this.getFlow()?.scanned(bytes);
    } catch (e) {
      if (abort.signal.aborted) return;
      this.cameraAbort = undefined;
      this.setScanUi({ kind: 'problem', key: CAMERA_KEYS[cameraProblemOf(e)] });
    }
  }

  private stopCamera() {
    this.cameraAbort?.abort();
    this.cameraAbort = undefined;
    if (this.scanUi.kind === 'camera') this.setScanUi({ kind: 'idle' });
  }

  private async onFile(file: File) {
    // (The input is cleared so that choosing the same picture again is a change too.)
    const input = this.host.renderRoot.querySelector<HTMLInputElement>('#qr-file');
    if (input) input.value = '';
    this.stopCamera();
    this.setScanUi({ kind: 'decoding' });
    try {
      const { decodeQrImage } = await import('./qr.js');
      const bytes = await decodeQrImage(file);
      if (!bytes) {
        this.setScanUi({ kind: 'problem', key: 'noCodeInImage' });
        return;
      }
      this.setScanUi({ kind: 'idle' });
      await this.getFlow()?.scanned(bytes);
    } catch {
      this.setScanUi({ kind: 'problem', key: 'notAnImage' });
    }
  }
}
