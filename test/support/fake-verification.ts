// A small fake of the verification port (src/sdk/verification.ts) for unit tests of edge states.
// The real flows run against Synapse in test/e2e/verify-login.e2e.ts.
import {
  VerifierEndError,
  type RequestView,
  type VerificationPort,
  type VerifierEnd,
  type VerifierHandlers,
} from '../../src/sdk/verification.js';

export class FakeVerificationPort implements VerificationPort {
  readonly ownUserId = '@me:localhost';
  readonly ownDeviceId = 'THIS';
  state: RequestView = {
    phase: 'requested',
    initiatedByMe: true,
    accepting: false,
    otherDeviceId: undefined,
    otherUserId: '@me:localhost',
    chosenMethod: null,
    cancellationCode: null,
    cancelledByUs: undefined,
    otherCanScan: false,
    otherCanShow: false,
    timeoutMs: 600_000,
  };
  calls: string[] = [];
  qr: Uint8ClampedArray | undefined;
  scanError: Error | undefined;
  verifier = false;
  handlers?: VerifierHandlers;
  /** What checkTrust() answers (the signatures read back after done). */
  trusted = true;
  /** What otherDeviceExists() answers. */
  deviceExists = true;
  private listeners = new Set<() => void>();
  private trustListeners = new Set<(ownDevices: boolean) => void>();
  private settle?: { resolve: () => void; reject: (e: unknown) => void };

  constructor(init: Partial<RequestView> = {}) {
    Object.assign(this.state, init);
  }

  view(): RequestView {
    return { ...this.state };
  }
  onChange(listener: () => void) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  get listenerCount() {
    return this.listeners.size + this.trustListeners.size;
  }
  async checkTrust(refresh: boolean) {
    this.calls.push(`checkTrust:${refresh}`);
    return this.trusted;
  }
  onTrustChange(listener: (ownDevices: boolean) => void) {
    this.trustListeners.add(listener);
    return () => this.trustListeners.delete(listener);
  }
  /** What verifierEnd() answers (the verifier's own record of a cancellation). */
  end: VerifierEnd | undefined;
  async verifierEnd() {
    return this.end;
  }
  async otherDeviceExists() {
    return this.deviceExists;
  }
  /** Device lists or identities changed (CryptoEvent.DevicesUpdated …); `ownDevices`: our device list among them. */
  trustChanged(patch: { trusted?: boolean; deviceExists?: boolean } = {}, ownDevices = true) {
    Object.assign(this, patch);
    for (const l of [...this.trustListeners]) l(ownDevices);
  }
  /** Changes the request and tells the flow. */
  update(patch: Partial<RequestView>) {
    Object.assign(this.state, patch);
    for (const l of [...this.listeners]) l();
  }
  async accept() {
    this.calls.push('accept');
  }
  async cancel() {
    this.calls.push('cancel');
  }
  async startSas() {
    this.calls.push('startSas');
  }
  async generateQrCode() {
    this.calls.push('generateQrCode');
    return this.qr;
  }
  async scanQrCode(bytes: Uint8ClampedArray) {
    this.calls.push(`scanQrCode:${bytes.length}`);
    if (this.scanError) throw this.scanError;
  }
  hasVerifier() {
    return this.verifier;
  }
  runVerifier(handlers: VerifierHandlers): Promise<void> {
    this.calls.push('runVerifier');
    this.handlers = handlers;
    return new Promise((resolve, reject) => (this.settle = { resolve, reject }));
  }
  /** Shows the emoji through the verifier handlers; returns the calls the SAS callbacks record. */
  showSas(descriptions = ['Dog', 'Cat', 'Lion', 'Horse', 'Unicorn', 'Pig', 'Elephant']) {
    this.handlers!.onSas({
      emoji: descriptions.map((d) => ({ glyph: '?', description: d })),
      decimal: [1000, 2000, 3000],
      confirm: async () => void this.calls.push('sas.confirm'),
      mismatch: () => void this.calls.push('sas.mismatch'),
      cancel: () => void this.calls.push('sas.cancel'),
    });
  }
  showReciprocate() {
    this.handlers!.onReciprocate({
      confirm: () => void this.calls.push('qr.confirm'),
      cancel: () => void this.calls.push('qr.cancel'),
    });
  }
  verifierDone() {
    this.settle!.resolve();
  }
  verifierEnded(end: VerifierEnd) {
    this.settle!.reject(new VerifierEndError(end));
  }
}

/** A Matrix verification QR payload shape ("MATRIX", version 2, …) — content is not checked by the fake. */
export function fakeQrBytes(): Uint8ClampedArray {
  const bytes = new Uint8ClampedArray(90);
  bytes.set([0x4d, 0x41, 0x54, 0x52, 0x49, 0x58, 0x02, 0x01]);
  return bytes;
}
