// The life of one verification request, under the method steps (src/state/verification.ts): sending or answering
// it, following its phases, cancelling or disposing of it, and the read-back of the signatures before "done". What
// can go wrong while it is open — its lifetime, a peer signed out mid-flow, both sides starting at once, a cancel
// that doesn't say why — is handled one layer up (src/state/verification-lifecycle.ts). No DOM, no Lit.
import { describeFailure } from '../sdk/errors.js';
import { CannotSignError, KeyCollisionError, NoUserIdentityError } from '../sdk/user-verification.js';
import {
  NoIdentityError,
  NoOtherSessionError,
  type ReciprocateView,
  type SasView,
  type VerificationPort,
  type VerifierEnd,
} from '../sdk/verification.js';
import { SignatureReadback } from './verification-readback.js';
import { CollisionWatch, type Peer } from './verification-collision.js';
import { TERMINAL_STAGES } from './verification-codes.js';
import type { StartFailure, VerificationStage, VerifyRole } from './verification-stage.js';

export interface VerificationFlowOptions {
  role: VerifyRole;
  /** Sends the request (roles this-session / other-session / user). */
  request?: () => Promise<VerificationPort>;
  /** The incoming request (role incoming). */
  port?: VerificationPort;
  /** How often the request's remaining time (and, after done, the server's signatures) is checked (ms). */
  pollMs?: number;
  /** An unanswered incoming prompt is dismissed after this long (spec: 2 min after receipt). */
  promptLifetimeMs?: number;
  /** After this long without an answer to our request, say the other side may be offline (ms). */
  noAnswerMs?: number;
  /** How long the choice of methods shows before our QR code is generated (ms; default QR_DELAY_MS, 1 s). */
  qrDelayMs?: number;
  /** After done, how long to wait for the signatures to show up on the server before saying they are missing (ms). */
  confirmTimeoutMs?: number;
  /** Incoming requests (to notice both sides starting at once, and adopt the other side's new attempt). */
  watchIncoming?: (listener: (port: VerificationPort) => void) => () => void;
  /** Who our request goes to (outgoing roles), for the collision rule. */
  peer?: Peer;
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (t: unknown) => void;
}

export abstract class VerificationRequestLife extends EventTarget {
  stage: VerificationStage;
  readonly role: VerifyRole;
  protected port?: VerificationPort;
  protected detach?: () => void;
  protected sas?: SasView;
  protected reciprocate?: ReciprocateView;
  protected verifierRunning = false;
  protected weScanned = false;
  protected cancelling = false;
  protected disposed = false;
  protected readyHandled = false;
  protected knownOtherDevice?: string;
  protected timer?: unknown;
  protected readonly now: () => number;
  protected receivedAt = 0;
  protected sentAt?: number;
  /** Both sides said done: no cancel goes out any more. */
  protected protocolDone = false;
  protected readback?: SignatureReadback;
  protected lookingForDevice = false;
  protected resolvingCancel = false;
  protected collisions?: CollisionWatch;
  protected collisionCount = 0;
  protected handlingCollision = false;
  protected detachTrust?: () => void;
  protected readonly setTimer: (fn: () => void, ms: number) => unknown;
  protected readonly clearTimer: (t: unknown) => void;

  constructor(protected readonly opts: VerificationFlowOptions) {
    super();
    this.role = opts.role;
    this.setTimer = opts.setTimer ?? ((fn, ms) => setInterval(fn, ms));
    this.clearTimer = opts.clearTimer ?? ((t) => clearInterval(t as ReturnType<typeof setInterval>));
    this.now = opts.now ?? (() => Date.now());
    this.receivedAt = this.now();
    this.stage = opts.role === 'this-session' || opts.role === 'user' ? { kind: 'start' } : { kind: 'requesting' };
    if (opts.role === 'incoming') {
      if (!opts.port) throw new Error('role incoming needs the request');
      this.attach(opts.port);
      // A request this session sent (handed over by the host) waits for the other side instead.
      const v = opts.port.view();
      this.stage = v.initiatedByMe
        ? { kind: 'waiting-accept', deviceId: this.otherDeviceId }
        : v.accepting ? { kind: 'accepting' } : { kind: 'incoming', deviceId: this.otherDeviceId };
      // Handed over late (already answered, started or cancelled): catch up.
      if (opts.port.view().phase !== 'requested') this.sync();
    }
  }

  get settled(): boolean {
    return TERMINAL_STAGES.includes(this.stage.kind);
  }

  /** The other user (another person, or our own user for a self-verification), once a request exists. */
  get otherUserId(): string | undefined {
    return this.port?.view().otherUserId;
  }

  /** The other device, once known (remembered: the SDK may forget it once the request is over). */
  get otherDeviceId(): string | undefined {
    const now = this.port?.view().otherDeviceId;
    if (now) this.knownOtherDevice = now;
    return this.knownOtherDevice;
  }

  get ownUserId(): string | undefined {
    return this.port?.ownUserId;
  }

  get ownDeviceId(): string | undefined {
    return this.port?.ownDeviceId;
  }

  /** Sends the request (this-session / other-session roles); also "start again" after a cancellation. */
  async start(): Promise<void> {
    if (this.role === 'incoming' || !this.opts.request) return;
    this.reset();
    if (this.opts.watchIncoming && this.opts.peer) this.collisions ??= new CollisionWatch(this.opts.watchIncoming, this.opts.peer, this.now);
    this.collisions?.clear();
    this.set({ kind: 'requesting' });
    try {
      const port = await this.opts.request();
      if (this.disposed) {
        void port.cancel().catch(() => undefined);
        return;
      }
      this.sentAt = this.now();
      this.attach(port);
      this.sync();
    } catch (e) {
      if (this.disposed) return;
      this.set({ kind: 'failed', failure: startFailureOf(e) });
    }
  }

  async accept(): Promise<void> {
    if (this.stage.kind !== 'incoming' || !this.port) return;
    this.set({ kind: 'accepting' });
    try {
      await this.port.accept();
      this.sync();
    } catch (e) {
      this.fail(e);
    }
  }

  /** Declines an incoming request, or cancels whatever is going on. The other side is told (m.user). */
  async cancel(): Promise<void> {
    if (this.settled || this.protocolDone) return;
    this.cancelling = true;
    const sas = this.sas;
    const declined = this.stage.kind === 'incoming' ? { declined: true as const } : {};
    this.set({ kind: 'cancelled', code: 'm.user', byUs: true, reason: undefined, ...declined });
    this.stop();
    try {
      if (sas) sas.cancel();
      else await this.port?.cancel();
    } catch {
      /* the other side will time out; we already show the cancellation */
    }
  }

  /** The element went away mid-flow: tell the other side, drop listeners. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (!this.settled && !this.protocolDone && this.port) {
      this.cancelling = true;
      const sas = this.sas;
      try {
        if (sas) sas.cancel();
        else void this.port.cancel().catch(() => undefined);
      } catch {
        /* nothing more we can do */
      }
    }
    this.stop();
    this.collisions?.dispose();
  }

  protected reset() {
    this.stop();
    this.port = undefined;
    this.sas = undefined;
    this.reciprocate = undefined;
    this.verifierRunning = false;
    this.weScanned = false;
    this.cancelling = false;
    this.readyHandled = false;
    this.knownOtherDevice = undefined;
    this.protocolDone = false;
    this.readback?.stop();
    this.readback = undefined;
    this.resolvingCancel = false;
  }

  protected stop() {
    this.detach?.();
    this.detach = undefined;
    this.detachTrust?.();
    this.detachTrust = undefined;
    if (this.timer !== undefined) this.clearTimer(this.timer);
    this.timer = undefined;
    this.readback?.stop();
  }

  protected attach(port: VerificationPort) {
    this.port = port;
    this.detach = port.onChange(() => this.sync());
    this.detachTrust = port.onTrustChange((ownDevices) => this.trustChanged(ownDevices));
    this.timer = this.setTimer(() => this.tick(), this.opts.pollMs ?? 1000);
  }

  /** Both sides said done: read back the signatures before claiming anything. */
  protected protocolFinished() {
    if (this.settled || this.protocolDone || !this.port) return;
    this.protocolDone = true;
    this.detach?.();
    this.detach = undefined;
    this.set({ kind: 'checking' });
    const timers = { setTimer: this.setTimer, clearTimer: this.clearTimer };
    const readback = new SignatureReadback(this.port, this.now, this.opts.confirmTimeoutMs ?? 20_000, (r) => {
      if (readback !== this.readback || this.stage.kind !== 'checking') return;
      this.set({ kind: r === 'signed' ? 'done' : 'unsigned', deviceId: this.otherDeviceId });
      this.stop();
    }, timers);
    this.readback = readback;
    void readback.check(true);
  }

  protected set(stage: VerificationStage) {
    this.stage = stage;
    this.dispatchEvent(new Event('change'));
  }

  protected fail(e: unknown) {
    if (this.settled || this.protocolDone) return;
    if (this.port?.view().phase === 'cancelled') return this.sync();
    this.set({ kind: 'failed', failure: describeFailure(e) });
    this.stop();
  }

  protected ended(end: VerifierEnd) {
    if (this.settled || this.protocolDone) return;
    this.set({
      kind: 'cancelled',
      code: end.code ?? this.port?.view().cancellationCode ?? 'm.user',
      byUs: end.byUs ?? this.cancelling,
      reason: end.reason,
    });
    this.stop();
  }

  protected sync() {
    if (this.settled || this.protocolDone || !this.port || this.disposed) return;
    const v = this.port.view();
    if (v.otherDeviceId) this.knownOtherDevice = v.otherDeviceId; // remember it while the SDK knows it
    switch (v.phase) {
      case 'cancelled':
        if (v.cancellationCode === 'm.user' && v.initiatedByMe && !this.cancelling && this.collisions && ['requesting', 'waiting-accept'].includes(this.stage.kind)) {
          void this.afterPossibleCollision();
          return;
        }
        if (!v.cancellationCode && !this.cancelling) {
          void this.cancelledWithoutCode();
          return;
        }
        this.set({ kind: 'cancelled', code: v.cancellationCode ?? 'm.user', byUs: v.cancelledByUs ?? this.cancelling, reason: undefined });
        this.stop();
        return;
      case 'done':
        this.protocolFinished();
        return;
      case 'requested':
        if (v.initiatedByMe && this.stage.kind === 'requesting') this.set({ kind: 'waiting-accept', deviceId: this.otherDeviceId });
        return;
      case 'ready':
        if (!this.readyHandled && !['starting', 'scan'].includes(this.stage.kind)) void this.enterReady();
        return;
      case 'started':
        this.runVerifier(v.chosenMethod);
        return;
    }
  }


  /** The flow's poll: the request's lifetime, or (after done) the server's signatures. */
  protected abstract tick(): void;

  /** Device lists or identities changed (`ownDevices`: our own user's device list among them). */
  protected abstract trustChanged(ownDevices: boolean): void;

  /** Our request was cancelled (m.user) before anyone answered: maybe both sides started at once. */
  protected abstract afterPossibleCollision(): Promise<void>;

  /** The request says cancelled but not why. */
  protected abstract cancelledWithoutCode(): Promise<void>;

  /** Both sides are ready: offer the methods (the method steps). */
  protected abstract enterReady(): Promise<void>;

  /** A method started: run its verifier (the method steps). */
  protected abstract runVerifier(method: string | null): void;
}

function startFailureOf(e: unknown): StartFailure {
  if (e instanceof NoIdentityError) return { kind: 'no-identity' };
  if (e instanceof NoOtherSessionError) return { kind: 'no-other-session' };
  if (e instanceof NoUserIdentityError) return { kind: 'no-user-identity' };
  if (e instanceof KeyCollisionError) return { kind: 'key-collision' };
  if (e instanceof CannotSignError) return { kind: 'cannot-sign' };
  return describeFailure(e);
}
