// A user-interactive-auth session as a small state machine, shared by every flow that needs the
// account password (cross-signing reset, signing out sessions). The password lives only inside
// submitPassword()'s call; it is never stored in the stage or anywhere else.
import { checkServerUrl, type UrlRefusal } from '../internal/safe-url.js';
import { describeFailure, type Failure } from '../sdk/errors.js';
import { surfacingFailures } from '../sdk/uia-guard-armed.js';
import { isUnknownUiaSession, uiaChallengeOf, type AuthDict, type UiaChallenge } from '../sdk/uia.js';

export const PASSWORD = 'm.login.password';
export const DUMMY = 'm.login.dummy';
/** Stages approved on the homeserver's account page (MSC4312 stable, MAS unstable). */
export const OAUTH_STAGES = ['m.oauth', 'org.matrix.cross_signing_reset'];

export type UiaStage =
  | { kind: 'idle' }
  | { kind: 'working' }
  | { kind: 'password'; wrongPassword: boolean }
  /**
   * Complete a stage on the homeserver's own page (SSO, or a stage the kit can't do inline), then confirm.
   * `url` passed checkServerUrl() (https:, or http: on loopback); when it did not, `url` is '' and
   * `refusal` says why — the page is never opened.
   */
  | { kind: 'fallback'; stage: string; url: string; refusal?: UrlRefusal; opened: boolean; notYet: boolean }
  /** Approve on the account-management page (m.oauth), then confirm. `url` / `refusal` as for fallback. */
  | { kind: 'oauth'; url: string; refusal?: UrlRefusal; opened: boolean; notYet: boolean }
  /**
   * The server answered 429. Count down to `until` (`waitMs` after the answer: the server's wait, cut to
   * MAX_RETRY_AFTER_MS — `capped` when it asked for more — or defaultRetryMs when it gave no usable value).
   * Nothing is re-sent by itself: once `ready`, the person may retry().
   */
  | { kind: 'rate-limited'; until: number; waitMs: number; capped: boolean; ready: boolean }
  | { kind: 'done' }
  | { kind: 'failed'; failure: Failure }
  | { kind: 'cancelled' };

export class UiaCancelledError extends Error {
  override readonly name = 'AbortError';
  constructor() {
    super('authentication cancelled');
  }
}

export interface UiaOptions<T> {
  /** The request to authorise; `auth` null means "without auth" (the first try). */
  request: (auth: AuthDict | null) => Promise<T>;
  userId: string;
  /** URL of the homeserver's fallback page for `stage` and `session`. */
  fallbackUrl: (stage: string, session: string) => string;
  /** Wait after a 429 without a usable Retry-After / retry_after_ms (default 5 s). */
  defaultRetryMs?: number;
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (t: unknown) => void;
}

/**
 * Runs one request through UIA. `run()` resolves with the request's result once the server accepts,
 * or rejects (UiaCancelledError when cancelled, the original error when it is not an auth problem).
 * Listen to 'change' to render `stage`.
 */
export class UiaSession<T> extends EventTarget {
  stage: UiaStage = { kind: 'idle' };
  private challenge?: UiaChallenge;
  private resolve?: (v: T) => void;
  private reject?: (e: unknown) => void;
  private timer?: unknown;
  /** What retry() does after a 429: ask for the password again, go back to the external page, or re-send a request that holds no secret. */
  private afterLimit?: { to: 'password' } | { to: 'external'; stage: UiaStage } | { to: 'request'; auth: AuthDict | null };
  private readonly now: () => number;
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly clearTimer: (t: unknown) => void;

  constructor(private readonly opts: UiaOptions<T>) {
    super();
    this.now = opts.now ?? (() => Date.now());
    this.setTimer = opts.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearTimer = opts.clearTimer ?? ((t) => clearTimeout(t as ReturnType<typeof setTimeout>));
  }

  /** Starts: tries without auth, then asks for what the server wants. */
  run(): Promise<T> {
    const p = new Promise<T>((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
    void this.attempt(null);
    return p;
  }

  /** run() has resolved or rejected. Not after a failure: that stage waits for the person's retry or cancel. */
  get settled(): boolean {
    return this.stage.kind === 'done' || this.stage.kind === 'cancelled';
  }

  /** Answers the password stage. */
  submitPassword(password: string): void {
    if (this.stage.kind !== 'password' || !this.challenge) return;
    const session = this.challenge.session;
    void this.attempt({ type: PASSWORD, identifier: { type: 'm.id.user', user: this.opts.userId }, password, ...(session ? { session } : {}) }, password);
  }

  /** The fallback/OAuth page was opened by the element. */
  markOpened(): void {
    if (this.stage.kind === 'fallback' || this.stage.kind === 'oauth') this.set({ ...this.stage, opened: true, notYet: false });
  }

  /** The person says they completed the stage on the homeserver's page: re-submit with the session only. */
  confirmExternal(): void {
    if ((this.stage.kind !== 'fallback' && this.stage.kind !== 'oauth') || !this.challenge?.session) return;
    void this.attempt({ session: this.challenge.session });
  }

  /**
   * The person's retry. After a failure: starts over with a fresh UIA session. After a 429 once the
   * countdown is over: back to the password field (the password is never kept, so never re-sent), back to
   * the external page, or the same password-less request again.
   */
  retry(): void {
    if (this.stage.kind === 'rate-limited') {
      if (!this.stage.ready) return;
      const next = this.afterLimit;
      this.afterLimit = undefined;
      if (next?.to === 'password') this.set({ kind: 'password', wrongPassword: false });
      else if (next?.to === 'external') this.set(next.stage);
      else void this.attempt(next?.auth ?? null);
      return;
    }
    if (this.stage.kind !== 'failed') return;
    this.challenge = undefined;
    void this.attempt(null);
  }

  /** Cancels; also from the failed stage, whose promise is still pending (the person could have retried). */
  cancel(): void {
    if (this.stage.kind === 'done' || this.stage.kind === 'cancelled') return;
    if (this.timer !== undefined) this.clearTimer(this.timer);
    this.timer = undefined;
    this.afterLimit = undefined;
    this.set({ kind: 'cancelled' });
    this.reject?.(new UiaCancelledError());
  }

  private set(stage: UiaStage) {
    this.stage = stage;
    this.dispatchEvent(new Event('change'));
  }

  /** One request, with the kit's guard armed: a 429 / network failure comes back here instead of being re-sent by the SDK. */
  private send(auth: AuthDict | null): Promise<T> {
    return surfacingFailures(() => this.opts.request(auth));
  }

  private async attempt(auth: AuthDict | null, password?: string, restarted = false): Promise<void> {
    const before = this.stage;
    this.set({ kind: 'working' });
    try {
      const result = await this.send(auth);
      if (this.stage.kind === 'cancelled') return;
      this.set({ kind: 'done' });
      this.resolve?.(result);
    } catch (e) {
      if (this.stage.kind === 'cancelled') return;
      const challenge = uiaChallengeOf(e);
      if (challenge) return this.onChallenge(challenge, auth, before);
      if (auth && !restarted && isUnknownUiaSession(e)) return this.restart(auth, password, before);
      const failure = describeFailure(e);
      if (failure.kind === 'rate-limited') {
        const waitMs = failure.retryAfterMs ?? this.opts.defaultRetryMs ?? 5000;
        // A request that carried the password is never kept for a re-send: the person types it again.
        this.afterLimit =
          password !== undefined || before.kind === 'password' ? { to: 'password' }
          : before.kind === 'fallback' || before.kind === 'oauth' ? { to: 'external', stage: { ...before, notYet: false } }
          : { to: 'request', auth };
        this.set({ kind: 'rate-limited', until: this.now() + waitMs, waitMs, capped: !!failure.retryAfterCapped, ready: false });
        this.timer = this.setTimer(() => {
          this.timer = undefined;
          if (this.stage.kind === 'rate-limited') this.set({ ...this.stage, ready: true });
        }, waitMs);
        return;
      }
      this.fail(e);
    }
  }

  /** The server forgot the UIA session (it expired): get a fresh one and re-submit the password if we had it. */
  private async restart(auth: AuthDict, password: string | undefined, before: UiaStage): Promise<void> {
    this.challenge = undefined;
    let fresh: UiaChallenge | null;
    try {
      const result = await this.send(null);
      if (this.stage.kind === 'cancelled') return;
      this.set({ kind: 'done' });
      this.resolve?.(result);
      return;
    } catch (e) {
      if (this.stage.kind === 'cancelled') return;
      fresh = uiaChallengeOf(e);
      if (!fresh) return this.fail(e);
    }
    this.challenge = fresh;
    if (password !== undefined && fresh.session) {
      return this.attempt({ ...auth, session: fresh.session }, password, true);
    }
    return this.onChallenge(fresh, null, before);
  }

  private fail(e: unknown) {
    this.set({ kind: 'failed', failure: describeFailure(e) });
    // The promise stays pending: the person may retry from the failed stage or cancel.
  }

  private onChallenge(c: UiaChallenge, sent: AuthDict | null, before: UiaStage) {
    this.challenge = c;
    const flow = this.chooseFlow(c);
    if (!flow) {
      this.set({ kind: 'failed', failure: { kind: 'forbidden', detail: `unsupported authentication: ${c.flows.map((f) => f.stages.join('+')).join(', ')}` } });
      return;
    }
    const next = flow.find((s) => !c.completed.includes(s));
    if (!next) {
      // Everything completed but the server still says 401: try once more with the session.
      void this.attempt(c.session ? { session: c.session } : null);
      return;
    }
    const sentType = (sent as { type?: string } | null)?.type;
    if (next === PASSWORD) {
      this.set({ kind: 'password', wrongPassword: sentType === PASSWORD && !!c.errcode });
    } else if (next === DUMMY) {
      void this.attempt({ type: DUMMY, ...(c.session ? { session: c.session } : {}) });
    } else if (OAUTH_STAGES.includes(next)) {
      // The approval URL comes straight from the server's JSON: untrusted.
      const wasExternal = before.kind === 'oauth';
      this.set({ kind: 'oauth', ...safeUrl(c.params[next]?.['url']), opened: wasExternal, notYet: wasExternal });
    } else {
      // Built by the SDK from the client's base URL, but checked all the same (an http: homeserver elsewhere is refused).
      const wasExternal = before.kind === 'fallback';
      this.set({ kind: 'fallback', stage: next, ...safeUrl(c.session ? this.opts.fallbackUrl(next, c.session) : undefined), opened: wasExternal, notYet: wasExternal });
    }
  }

  /** Prefers a flow the kit can do inline (password, dummy), then OAuth approval, then fallback pages. */
  private chooseFlow(c: UiaChallenge): string[] | undefined {
    const score = (stages: string[]) =>
      stages.every((s) => s === PASSWORD || s === DUMMY) ? 0 : stages.some((s) => OAUTH_STAGES.includes(s)) ? 1 : 2;
    const viable = c.flows.filter((f) => f.stages.length > 0 && f.stages.every((s) => s !== 'm.login.email.identity' && s !== 'm.login.msisdn'));
    const pool = viable.length ? viable : c.flows;
    return [...pool].sort((a, b) => score(a.stages) - score(b.stages))[0]?.stages;
  }
}

/** A server URL as the stage holds it: the checked, normalised URL, or '' and why it was refused. */
function safeUrl(raw: unknown): { url: string; refusal?: UrlRefusal } {
  const check = checkServerUrl(raw);
  return check.ok ? { url: check.url } : { url: '', refusal: check.refusal };
}
