// After both sides of a verification said done: read back from the server that the signatures exist before
// anything claims "verified". Re-checks on every trust change and poll until a deadline; then it is "unsigned".
import type { VerificationPort } from '../sdk/verification.js';

export type ReadbackResult = 'signed' | 'unsigned';

export interface ReadbackTimers {
  setTimer: (fn: () => void, ms: number) => unknown;
  clearTimer: (t: unknown) => void;
  /** How often the local store is read meanwhile (ms); the server is asked on the flow's slower poll. */
  fastMs?: number;
}

export class SignatureReadback {
  private deadline: number;
  private busy = false;
  private again = false;
  private settled = false;
  private fast: unknown;

  constructor(
    private readonly port: VerificationPort,
    private readonly now: () => number,
    timeoutMs: number,
    private readonly onResult: (r: ReadbackResult) => void,
    private readonly timers?: ReadbackTimers,
  ) {
    this.deadline = now() + timeoutMs;
    // The signatures usually land within a sync or two: read the store often, so "Verified" follows at once.
    if (timers) this.fast = timers.setTimer(() => void this.check(false), timers.fastMs ?? 150);
  }

  /** Reads once (`refresh`: ask the server for the latest keys first); reports when signed or past the deadline. */
  async check(refresh: boolean): Promise<void> {
    if (this.settled) return;
    if (this.busy) {
      // A read that hangs (a request the network never answers) must not hold "Checking…" past the deadline.
      if (this.now() >= this.deadline) {
        this.stop();
        this.onResult('unsigned');
        return;
      }
      // Something changed while a read is running (e.g. the signature arrived during a server query): read the
      // store once more right after it, rather than wait for the next poll.
      this.again = true;
      return;
    }
    this.busy = true;
    let ok: boolean;
    try {
      ok = await this.port.checkTrust(refresh);
    } catch {
      ok = false; // a failed read proves nothing; the deadline decides
    } finally {
      this.busy = false;
    }
    if (this.settled) return;
    if (ok || this.now() >= this.deadline) {
      this.stop();
      this.onResult(ok ? 'signed' : 'unsigned');
      return;
    }
    if (this.again) {
      this.again = false;
      await this.check(false);
    }
  }

  /** Stops reading and reporting (settled, or the flow was cancelled or disposed meanwhile). */
  stop(): void {
    this.settled = true;
    if (this.fast !== undefined) this.timers?.clearTimer(this.fast);
    this.fast = undefined;
  }
}
