// What can go wrong while a verification request is open, and what the flow does about it (on top of the request's
// life, src/state/verification-request.ts): the request's lifetime and a peer that doesn't answer, the other session
// signed out mid-flow, both sides starting at once (converging on one verification), and a cancellation the request
// doesn't explain (a QR mismatch is only recorded on the verifier). No DOM, no Lit.
import type { VerificationPort, VerifierEnd } from '../sdk/verification.js';
import { VerificationRequestLife } from './verification-request.js';
import { CODE_SESSION_SIGNED_OUT } from './verification-codes.js';

export type { VerificationFlowOptions } from './verification-request.js';

export abstract class VerificationLifecycle extends VerificationRequestLife {
  protected tick() {
    if (this.stage.kind === 'checking') void this.readback?.check(true);
    else this.checkExpiry();
  }

  /**
   * Device lists or identities changed: after done, look for the signatures; before, for a vanished session (only
   * when our own device list changed — a sign-out changes nothing else, and each look reads the crypto store).
   */
  protected trustChanged(ownDevices: boolean) {
    if (this.settled || !this.port) return;
    if (this.stage.kind === 'checking') {
      void this.readback?.check(false);
      return;
    }
    if (ownDevices) void this.checkOtherDevice();
  }

  /** The other session was signed out (removed from the device list) mid-flow: say so, and stop. */
  protected async checkOtherDevice() {
    const port = this.port;
    if (!port || this.lookingForDevice || this.protocolDone || !this.otherDeviceId) return;
    this.lookingForDevice = true;
    try {
      if (await port.otherDeviceExists()) return;
    } catch {
      return;
    } finally {
      this.lookingForDevice = false;
    }
    if (this.settled || this.protocolDone || port !== this.port) return;
    this.cancelling = true;
    this.set({ kind: 'cancelled', code: CODE_SESSION_SIGNED_OUT, byUs: false, reason: undefined });
    this.stop();
    void port.cancel().catch(() => undefined);
  }

  /**
   * Our request was cancelled (m.user) before anyone answered. If the peer's own request arrived at the same
   * moment, both sides started at once: the session that broadcast ("verify this session"), or else the smaller
   * device (or user) id, sends again; the other adopts that new request and accepts it (its person asked too).
   */
  protected async afterPossibleCollision() {
    const w = this.collisions;
    if (!w || this.handlingCollision) return;
    this.handlingCollision = true;
    const collided = this.collisionCount < 2 && (await w.collided(3_000, 1_500));
    this.handlingCollision = false;
    if (this.disposed || this.settled) return;
    if (!collided) {
      this.set({ kind: 'cancelled', code: 'm.user', byUs: false, reason: undefined });
      this.stop();
      return;
    }
    this.collisionCount++;
    const deviceId = this.otherDeviceId;
    this.stop();
    const peer = this.opts.peer!;
    const mine = peer.userId === this.port?.ownUserId ? this.port?.ownDeviceId : this.port?.ownUserId;
    const theirs = peer.userId === this.port?.ownUserId ? peer.deviceId : peer.userId;
    const resend = this.role === 'this-session' || (mine !== undefined && theirs !== undefined && mine < theirs);
    if (this.role === 'this-session') return this.start();
    this.set({ kind: 'waiting-accept', deviceId });
    const theirsAgain = await w.nextFresh(resend ? 2_000 : 20_000);
    if (this.disposed || this.settled) return;
    if (theirsAgain) return this.adopt(theirsAgain);
    if (resend) return this.start();
    this.set({ kind: 'cancelled', code: 'm.user', byUs: false, reason: undefined });
  }

  /** Takes over the peer's request (after a collision) and accepts it. */
  protected async adopt(port: VerificationPort) {
    this.reset();
    this.attach(port);
    this.set({ kind: 'accepting' });
    try {
      await port.accept();
      this.sync();
    } catch (e) {
      this.fail(e);
    }
  }

  /** The request says cancelled but not why: ask the verifier (a QR mismatch is only recorded there). */
  protected async cancelledWithoutCode() {
    if (this.resolvingCancel || !this.port) return;
    this.resolvingCancel = true;
    let end: VerifierEnd | undefined;
    try {
      end = await this.port.verifierEnd();
    } catch {
      end = undefined;
    }
    if (this.settled || this.disposed) return;
    this.set({ kind: 'cancelled', code: end?.code ?? 'm.user', byUs: end?.byUs ?? this.cancelling, reason: end?.reason });
    this.stop();
  }


  protected checkExpiry() {
    if (this.settled || !this.port) return;
    const v = this.port.view();
    if (this.stage.kind === 'waiting-accept' && !this.stage.slow && this.sentAt !== undefined && this.now() - this.sentAt >= (this.opts.noAnswerMs ?? 30_000)) {
      this.set({ ...this.stage, slow: true });
    }
    if (this.stage.kind === 'incoming' && this.now() - this.receivedAt >= (this.opts.promptLifetimeMs ?? 120_000)) {
      // Dismiss the prompt without cancelling: another of the user's sessions may still answer.
      this.set({ kind: 'cancelled', code: 'm.timeout', byUs: false, reason: undefined });
      this.stop();
      return;
    }
    // Only the request's own lifetime: once started, the verifier enforces its timeouts (and cancels with m.timeout).
    if (v.timeoutMs === 0 && (v.phase === 'requested' || v.phase === 'ready')) {
      this.set({ kind: 'cancelled', code: 'm.timeout', byUs: false, reason: undefined });
      this.stop();
      void this.port.cancel().catch(() => undefined);
    }
  }
}
