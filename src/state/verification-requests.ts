// The queue of incoming verification requests shown by <xs-verification-requests>, as a plain model: each
// request waits with a countdown until it is accepted here (then it is handed to a verification element),
// ignored, accepted on another session, cancelled or expired. No DOM, no Lit.
import type { IncomingRequestHandle, IncomingRequestsPort, Requester } from '../sdk/verification-requests.js';

export interface RequestEntry {
  readonly key: string;
  readonly handle: IncomingRequestHandle;
  /** Who and which session, once read (undefined while reading). */
  requester: Requester | undefined;
  /** When the prompt goes away (epoch ms): the earlier of the request's own expiry and 2 min after receipt. */
  expiresAt: number;
  /** 'waiting': shown with Accept / Ignore. 'accepted': handed to a verification element (inline or host). */
  state: 'waiting' | 'accepted';
}

export interface RequestsModelOptions {
  /** The spec's prompt lifetime: dismiss an unanswered prompt 2 minutes after receipt. */
  promptLifetimeMs?: number;
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (t: unknown) => void;
}

export class VerificationRequestsModel extends EventTarget {
  entries: RequestEntry[] = [];
  private readonly detach: (() => void)[] = [];
  private readonly perEntry = new Map<string, () => void>();
  private timer?: unknown;
  private readonly now: () => number;
  private readonly clearTimer: (t: unknown) => void;
  private disposed = false;

  constructor(port: IncomingRequestsPort, private readonly opts: RequestsModelOptions = {}) {
    super();
    this.now = opts.now ?? (() => Date.now());
    this.clearTimer = opts.clearTimer ?? ((t) => clearInterval(t as ReturnType<typeof setInterval>));
    for (const h of port.existing()) this.add(h);
    this.detach.push(port.subscribe((h) => this.add(h)));
    this.timer = (opts.setTimer ?? ((fn, ms) => setInterval(fn, ms)))(() => this.tick(), 1000);
  }

  /** Seconds left for an entry (for the countdown), never negative. */
  secondsLeft(entry: RequestEntry): number {
    return Math.max(0, Math.ceil((entry.expiresAt - this.now()) / 1000));
  }

  /** Marks the entry accepted here and sends the answer; the caller shows the verification element. */
  async accept(key: string, send = true): Promise<void> {
    const e = this.entries.find((x) => x.key === key);
    if (!e || e.state !== 'waiting') return;
    e.state = 'accepted';
    this.stopWatching(key);
    this.changed();
    if (send) await e.handle.accept();
  }

  /** Hides the request here (not cancelled: another of the user's sessions may still answer it). */
  ignore(key: string): void {
    this.remove(key);
  }

  /** Forgets an accepted entry (its verification element is gone). */
  finish(key: string): void {
    this.remove(key);
  }

  dispose(): void {
    this.disposed = true;
    this.detach.forEach((d) => d());
    this.detach.length = 0;
    for (const k of [...this.perEntry.keys()]) this.stopWatching(k);
    if (this.timer !== undefined) this.clearTimer(this.timer);
    this.timer = undefined;
  }

  private add(handle: IncomingRequestHandle) {
    if (this.disposed || this.entries.some((e) => e.key === handle.key)) return;
    const v = handle.view();
    // Stale or expired on arrival (or already answered elsewhere): never shown.
    if (!v.open || v.timeoutMs === 0) return;
    const lifetime = this.opts.promptLifetimeMs ?? 120_000;
    const now = this.now();
    const entry: RequestEntry = {
      key: handle.key,
      handle,
      requester: undefined,
      expiresAt: now + Math.min(lifetime, v.timeoutMs ?? lifetime),
      state: 'waiting',
    };
    this.entries = [...this.entries, entry];
    this.perEntry.set(entry.key, handle.onChange(() => this.check(entry)));
    this.changed();
    void handle.describe().then(
      (r) => {
        entry.requester = r;
        this.changed();
      },
      () => {
        entry.requester = { userId: '', own: false, displayName: undefined, deviceId: undefined, deviceName: undefined, lastSeenTs: undefined, lastSeenIp: undefined };
        this.changed();
      },
    );
  }

  /** Accepted elsewhere, cancelled, done: the prompt disappears quietly. */
  private check(entry: RequestEntry) {
    if (entry.state !== 'waiting') return;
    if (!entry.handle.view().open) this.remove(entry.key);
  }

  private tick() {
    const now = this.now();
    let any = false;
    for (const e of this.entries) {
      if (e.state !== 'waiting') continue;
      any = true;
      if (now >= e.expiresAt || e.handle.view().timeoutMs === 0) this.remove(e.key);
    }
    if (any) this.changed(); // the countdowns moved
  }

  private stopWatching(key: string) {
    this.perEntry.get(key)?.();
    this.perEntry.delete(key);
  }

  private remove(key: string) {
    if (!this.entries.some((e) => e.key === key)) return;
    this.stopWatching(key);
    this.entries = this.entries.filter((e) => e.key !== key);
    this.changed();
  }

  private changed() {
    if (!this.disposed) this.dispatchEvent(new Event('change'));
  }
}
