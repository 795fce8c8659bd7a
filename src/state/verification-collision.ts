// Both sides starting a verification at the same moment: rust crypto cancels both requests (the spec's
// "several attempts with one device: cancel them all"), and each side would see "cancelled on your other
// session". The flow notices that collision (its request cancelled with m.user while a request from the same
// peer just arrived) and converges on one verification: one side sends again, the other adopts that request.
import type { VerificationPort } from '../sdk/verification.js';

export interface Peer {
  userId: string;
  /** The other session, when this side targeted one. */
  deviceId?: string;
}

/** Watches incoming requests from one peer while this side's own request is out. */
export class CollisionWatch {
  private lastSeenAt = -Infinity;
  private fresh: VerificationPort[] = [];
  private seenWaiters = new Set<() => void>();
  private freshWaiters = new Set<(p: VerificationPort) => void>();
  private readonly unsubscribe: () => void;

  constructor(
    subscribe: (listener: (port: VerificationPort) => void) => () => void,
    private readonly peer: Peer,
    private readonly now: () => number,
  ) {
    this.unsubscribe = subscribe((p) => this.incoming(p));
  }

  private incoming(p: VerificationPort) {
    const v = p.view();
    if (v.initiatedByMe || v.otherUserId !== this.peer.userId) return;
    if (this.peer.deviceId && v.otherDeviceId && v.otherDeviceId !== this.peer.deviceId) return;
    this.lastSeenAt = this.now();
    this.seenWaiters.forEach((w) => w());
    this.seenWaiters.clear();
    if (v.phase !== 'requested') return; // the colliding request itself arrives already cancelled
    const waiter = this.freshWaiters.values().next().value;
    if (waiter) {
      this.freshWaiters.delete(waiter);
      waiter(p);
    } else {
      this.fresh.push(p);
    }
  }

  /** A request from the peer arrived within the last `ms`, or arrives within `waitMs`. */
  async collided(ms: number, waitMs: number): Promise<boolean> {
    if (this.now() - this.lastSeenAt <= ms) return true;
    return new Promise((resolve) => {
      const w = () => {
        clearTimeout(t);
        resolve(true);
      };
      const t = setTimeout(() => {
        this.seenWaiters.delete(w);
        resolve(false);
      }, waitMs);
      this.seenWaiters.add(w);
    });
  }

  /** The next request from the peer that is still open (its new attempt), or undefined after `ms`. */
  nextFresh(ms: number): Promise<VerificationPort | undefined> {
    const open = this.fresh.filter((p) => p.view().phase === 'requested');
    this.fresh = [];
    if (open.length) return Promise.resolve(open[open.length - 1]);
    return new Promise((resolve) => {
      const w = (p: VerificationPort) => {
        clearTimeout(t);
        resolve(p);
      };
      const t = setTimeout(() => {
        this.freshWaiters.delete(w);
        resolve(undefined);
      }, ms);
      this.freshWaiters.add(w);
    });
  }

  /** Forgets requests seen so far (before a new attempt of our own). */
  clear(): void {
    this.fresh = [];
    this.lastSeenAt = -Infinity;
  }

  dispose(): void {
    this.unsubscribe();
    this.seenWaiters.clear();
    this.freshWaiters.clear();
  }
}
