import { maxRetryAfterMs } from '../../sdk/errors.js';
import { DEFAULT_RETRY_WAIT_MS } from '../../sdk/rate-limit.js';
import type { WizardStage } from '../../state/setup-wizard.js';

/**
 * The countdown of a rate-limited save (loaded with the commit's steps): a failed save's Try again stays disabled
 * until the server's wait is over; a save the SDK is waiting out shows the seconds left. Ticks once a second.
 */
export class RetryCountdown {
  /** When a rate-limited failure may be retried (ms epoch; 0 = now). */
  retryAt = 0;
  private tick?: ReturnType<typeof setInterval>;

  constructor(private readonly redraw: () => void) {}

  /** Follows the wizard from `prev` to `s`: arms on a rate-limited failure or wait, stops on any other step. */
  follow(prev: WizardStage, s: WizardStage): void {
    if (s.kind === 'commit-failed' && s.failure.kind === 'rate-limited' && prev.kind !== 'commit-failed') this.arm(s.failure.retryAfterMs);
    else if (s.kind === 'committing' && s.retryAt && (prev.kind !== 'committing' || prev.retryAt !== s.retryAt)) this.arm(s.retryAt - Date.now(), false);
    else if (s.kind !== 'commit-failed' && s.kind !== 'committing') this.stop();
  }

  stop(): void {
    clearInterval(this.tick);
    this.tick = undefined;
    this.retryAt = 0;
  }

  /** Ticks once a second until the wait is over; `gate` disables Try again meanwhile (a failed save), else it only redraws. */
  private arm(retryAfterMs: number | undefined, gate = true) {
    this.stop();
    const wait = retryAfterMs !== undefined && Number.isFinite(retryAfterMs) && retryAfterMs > 0 ? Math.min(retryAfterMs, maxRetryAfterMs()) : DEFAULT_RETRY_WAIT_MS;
    const until = Date.now() + wait;
    this.retryAt = gate ? until : 0;
    this.tick = setInterval(() => {
      if (Date.now() >= until) {
        clearInterval(this.tick);
        this.tick = undefined;
        this.retryAt = 0;
      }
      this.redraw();
    }, 1000);
  }
}
