// The verification flow of <xs-verify-login> and <xs-verify-user> as a plain state machine: it drives a
// VerificationPort (src/sdk/verification.ts, or a fake in tests) and exposes one `stage` to render. This file
// holds the method steps — compare emoji, show or scan a QR code — on top of the request's life
// (src/state/verification-request.ts, and what can go wrong while it is open: src/state/verification-lifecycle.ts).
// No DOM, no Lit.
import { METHOD_RECIPROCATE, VerifierEndError } from '../sdk/verification.js';
import { VerificationLifecycle } from './verification-lifecycle.js';
import { isVerificationQr } from './verification-codes.js';
import type { VerificationStage } from './verification-stage.js';

export * from './verification-codes.js';
export * from './verification-stage.js';
export type { VerificationFlowOptions } from './verification-lifecycle.js';

/**
 * How long the choice of methods shows before our QR code is generated (see enterReady): a person takes longer than
 * this to read the step and lift the other device, while the other side's emoji start, when it comes, usually arrives
 * within it — on a busy machine a quarter second was too short, and the code was drawn while the emoji were starting.
 */
export const QR_DELAY_MS = 1000;

export class VerificationFlow extends VerificationLifecycle {
  /** Compare emoji. */
  async startSas(): Promise<void> {
    if (!this.port || !['choose', 'scan'].includes(this.stage.kind)) return;
    this.set({ kind: 'starting' });
    try {
      await this.port.startSas();
      this.sync();
    } catch (e) {
      this.fail(e);
    }
  }

  /** Open the scanner (camera or image) for the other device's code. */
  showScanner(): void {
    if (this.stage.kind !== 'choose') return;
    this.set({ kind: 'scan', problem: undefined, canShowQr: this.stage.qr !== undefined });
  }

  /** Leave the scanner for the method choice. */
  async backToChoice(): Promise<void> {
    if (this.stage.kind !== 'scan') return;
    this.readyHandled = false;
    await this.enterReady();
  }

  /** The scanner decoded a QR code: bytes exactly as in the code (byte mode). */
  async scanned(bytes: Uint8ClampedArray): Promise<void> {
    if (this.stage.kind !== 'scan' || !this.port) return;
    const canShowQr = this.stage.canShowQr;
    if (!isVerificationQr(bytes)) {
      this.set({ kind: 'scan', problem: 'not-verification-code', canShowQr });
      return;
    }
    this.set({ kind: 'starting' });
    try {
      await this.port.scanQrCode(bytes);
      this.weScanned = true;
      this.set({ kind: 'scanned' });
      this.sync();
    } catch {
      if (this.settled) return;
      if (this.port.view().phase === 'cancelled') return this.sync();
      // A Matrix code, but not for this verification, or its keys are not the ones we expect.
      this.set({ kind: 'scan', problem: 'wrong-code', canShowQr });
    }
  }

  /** The emoji match. */
  async confirmSas(): Promise<void> {
    if (this.stage.kind !== 'compare-emoji' || !this.sas) return;
    this.set({ kind: 'confirmed' });
    try {
      await this.sas.confirm();
    } catch (e) {
      this.fail(e);
    }
  }

  /** The emoji differ: cancels with m.mismatched_sas. */
  mismatch(): void {
    if (this.stage.kind !== 'compare-emoji' || !this.sas) return;
    this.cancelling = true;
    this.set({ kind: 'cancelled', code: 'm.mismatched_sas', byUs: true, reason: undefined });
    this.stop();
    this.sas.mismatch();
  }

  /** The other device says it verified us after scanning our code. */
  confirmReciprocate(): void {
    if (this.stage.kind !== 'reciprocate' || !this.reciprocate) return;
    this.set({ kind: 'confirmed' });
    this.reciprocate.confirm();
  }

  /** The other device does not say so. */
  denyReciprocate(): void {
    if (this.stage.kind !== 'reciprocate' || !this.reciprocate) return;
    this.cancelling = true;
    this.set({ kind: 'cancelled', code: 'm.user', byUs: true, reason: undefined });
    this.stop();
    this.reciprocate.cancel();
  }

  protected async enterReady() {
    if (!this.port) return;
    this.readyHandled = true;
    const v = this.port.view();
    // The methods show at once; our QR code joins them later (it never holds up "Compare emoji").
    const choose: VerificationStage = { kind: 'choose', deviceId: this.otherDeviceId, qr: undefined, canScan: v.otherCanShow };
    this.set(choose);
    if (!v.otherCanScan) return;
    // Nobody scans a code in its first moment on screen, while the other side often picks emoji at once: generate
    // (a crypto-store read) and draw (main thread) our code only once the choice has been shown for `qrDelayMs`, so
    // that their start, arriving meanwhile, never waits behind QR work — and on the emoji path none is done at all.
    const delay = this.opts.qrDelayMs ?? QR_DELAY_MS;
    if (delay > 0) await new Promise((r) => setTimeout(r, delay));
    if (this.stage !== choose || this.disposed || this.port?.view().phase !== 'ready') return;
    let qr: Uint8ClampedArray | undefined;
    try {
      qr = await this.port.generateQrCode();
    } catch {
      qr = undefined; // no QR then; emoji still work
    }
    if (!qr || this.settled || this.port?.view().phase !== 'ready') return;
    if (this.stage.kind === 'choose') this.set({ ...this.stage, qr });
  }

  protected runVerifier(method: string | null) {
    if (!this.port || this.verifierRunning || !this.port.hasVerifier()) return;
    this.verifierRunning = true;
    if (method === METHOD_RECIPROCATE) {
      if (this.weScanned) this.set({ kind: 'scanned' });
      else if (this.stage.kind !== 'reciprocate') this.set({ kind: 'starting' });
    } else if (this.stage.kind !== 'compare-emoji' && this.stage.kind !== 'starting') {
      this.set({ kind: 'starting' });
    }
    this.port
      .runVerifier({
        onSas: (sas) => {
          if (this.settled || this.sas) return;
          this.sas = sas;
          this.set({ kind: 'compare-emoji', emoji: sas.emoji, decimal: sas.decimal });
        },
        onReciprocate: (qr) => {
          if (this.settled || this.reciprocate) return;
          this.reciprocate = qr;
          this.set({ kind: 'reciprocate' });
        },
      })
      .then(
        () => this.protocolFinished(),
        (e) => {
          if (e instanceof VerifierEndError) this.ended(e.end);
          else this.fail(e);
        },
      );
  }
}
