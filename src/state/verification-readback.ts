// After both sides of a verification said done: read back from the server that the signatures exist before
// anything claims "verified". Re-checks on every trust change and poll until a deadline; then it is "unsigned".
import type { VerificationPort } from '../sdk/verification.js';

export type ReadbackResult = 'signed' | 'unsigned';

export class SignatureReadback {
  private deadline: number;
  private busy = false;
  private settled = false;

  constructor(
    private readonly port: VerificationPort,
    private readonly now: () => number,
    timeoutMs: number,
    private readonly onResult: (r: ReadbackResult) => void,
  ) {
    this.deadline = now() + timeoutMs;
  }

  /** Reads once (`refresh`: ask the server for the latest keys first); reports when signed or past the deadline. */
  async check(refresh: boolean): Promise<void> {
    if (this.busy || this.settled) return;
    this.busy = true;
    let ok = false;
    try {
      ok = await this.port.checkTrust(refresh);
    } catch {
      ok = false; // a failed read proves nothing; the deadline decides
    } finally {
      this.busy = false;
    }
    if (this.settled) return;
    if (ok || this.now() >= this.deadline) {
      this.settled = true;
      this.onResult(ok ? 'signed' : 'unsigned');
    }
  }

  /** Stops reporting (the flow was cancelled or disposed meanwhile). */
  stop(): void {
    this.settled = true;
  }
}
