// Turns whatever the SDK or fetch threw into plain data the state machines and elements can explain.
// Duck-typed on MatrixError's shape (httpStatus, errcode, data) so the SDK root is never imported.

export type FailureKind =
  | 'network' // no answer from the homeserver (offline, DNS, connection refused, CORS)
  | 'rate-limited' // 429 M_LIMIT_EXCEEDED; retryAfterMs when the server said
  | 'server' // 5xx
  | 'unknown-token' // 401 M_UNKNOWN_TOKEN: this session was signed out
  | 'forbidden' // 403, or 401 M_FORBIDDEN outside UIA
  | 'not-found' // 404
  | 'bad-request' // other 4xx
  | 'timeout' // our own bound passed
  | 'aborted' // the user or the element cancelled
  | 'client-stopped' // the MatrixClient was stopped
  | 'unknown';

export interface Failure {
  kind: FailureKind;
  httpStatus?: number;
  errcode?: string;
  /** How long to wait after a 429, as the server asked but at most maxRetryAfterMs(); absent when it gave no usable value. */
  retryAfterMs?: number;
  /** The server asked for a longer wait than maxRetryAfterMs() (e.g. a day): retryAfterMs was cut to the cap. */
  retryAfterCapped?: boolean;
  /** The server's or library's own text, for logs and "details" disclosures; never rendered as HTML. */
  detail?: string;
}

interface MatrixErrorLike {
  httpStatus?: number;
  errcode?: string;
  data?: { errcode?: string; error?: string; retry_after_ms?: unknown };
  httpHeaders?: { get(name: string): string | null };
  message?: string;
  name?: string;
  /** Set by the kit's own request guard (src/sdk/uia-guard.ts): the failure, already classified. */
  xsFailure?: Failure;
}

/**
 * The longest wait the kit asks of a person after a 429 (30 s). Servers send absurd values too — a day, a
 * date in the past, garbage: a longer wait is cut to this, and then the person may try again by hand (a
 * server that still wants them to wait answers with another 429 and a new countdown). Rate limits on password
 * checks are seconds in practice (Synapse: a few attempts, then one per ~6 s).
 */
export const MAX_RETRY_AFTER_MS = 30_000;

let maxRetryAfter = MAX_RETRY_AFTER_MS;

/** The longest wait the kit now asks of a person after a 429 (MAX_RETRY_AFTER_MS unless a host set another). */
export function maxRetryAfterMs(): number {
  return maxRetryAfter;
}

/**
 * Sets the longest wait after a 429 for every flow of the kit (at least 1 s); without an argument back to
 * MAX_RETRY_AFTER_MS. A host with a stricter or more patient policy sets it once at start-up.
 */
export function setMaxRetryAfterMs(ms?: number): void {
  maxRetryAfter = ms === undefined || !Number.isFinite(ms) ? MAX_RETRY_AFTER_MS : Math.max(1000, Math.round(ms));
}

/**
 * The server's wait hint in ms: `Retry-After` (delay-seconds or an HTTP-date) wins over the body's
 * deprecated `retry_after_ms`. Undefined when neither is usable: missing, garbage, zero, negative, a date
 * in the past. Not capped (see retryAfterOf).
 */
export function parseRetryAfter(header: string | null | undefined, bodyMs: unknown, now = Date.now()): number | undefined {
  const h = typeof header === 'string' ? header.trim() : '';
  if (/^\d+$/.test(h)) {
    const ms = Number(h) * 1000;
    if (ms > 0) return ms;
  } else if (/^[A-Za-z]{3}, \d{2} [A-Za-z]{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/.test(h)) {
    const ms = Date.parse(h) - now;
    if (ms > 0) return ms;
  }
  if (typeof bodyMs === 'number' && Number.isFinite(bodyMs) && bodyMs > 0) return bodyMs;
  return undefined;
}

/** The wait to show after a 429: the server's hint cut to maxRetryAfterMs() (and at least 1 s). */
export function retryAfterOf(header: string | null | undefined, bodyMs: unknown, now = Date.now()): Pick<Failure, 'retryAfterMs' | 'retryAfterCapped'> {
  const ms = parseRetryAfter(header, bodyMs, now);
  if (ms === undefined) return {};
  const cap = maxRetryAfterMs();
  if (ms > cap) return { retryAfterMs: cap, retryAfterCapped: true };
  return { retryAfterMs: Math.max(1000, Math.ceil(ms)) };
}

/** Classifies an error thrown by the SDK, fetch or our own helpers. */
export function describeFailure(e: unknown): Failure {
  const err = (e ?? {}) as MatrixErrorLike;
  if (err.xsFailure) return err.xsFailure;
  const detail = typeof err.message === 'string' ? err.message.slice(0, 300) : String(e).slice(0, 300);
  if (err.name === 'AbortError') return { kind: 'aborted', detail };
  if (err.name === 'TimeoutError') return { kind: 'timeout', detail };
  if (err.name === 'ClientStoppedError' || /MatrixClient has been stopped/.test(detail)) return { kind: 'client-stopped', detail };
  const status = typeof err.httpStatus === 'number' ? err.httpStatus : undefined;
  const errcode = err.errcode ?? err.data?.errcode;
  if (status === undefined) {
    if (err.name === 'ConnectionError' || (e instanceof TypeError && /fetch|network|Load failed/i.test(detail)))
      return { kind: 'network', detail };
    return { kind: 'unknown', detail };
  }
  const base = { httpStatus: status, ...(errcode ? { errcode } : {}), detail: err.data?.error ?? detail };
  if (status === 429 || errcode === 'M_LIMIT_EXCEEDED') {
    // Parsed here, not with the SDK's getRetryAfterMs(): that throws on garbage and trusts a day.
    let header: string | null;
    try {
      header = err.httpHeaders?.get('Retry-After') ?? null;
    } catch {
      header = null;
    }
    return { kind: 'rate-limited', ...base, ...retryAfterOf(header, err.data?.retry_after_ms) };
  }
  if (errcode === 'M_UNKNOWN_TOKEN') return { kind: 'unknown-token', ...base };
  if (status >= 500) return { kind: 'server', ...base };
  if (status === 404) return { kind: 'not-found', ...base };
  if (status === 403 || (status === 401 && errcode === 'M_FORBIDDEN')) return { kind: 'forbidden', ...base };
  if (status >= 400) return { kind: 'bad-request', ...base };
  return { kind: 'unknown', ...base };
}
