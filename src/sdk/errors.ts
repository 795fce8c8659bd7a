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
  retryAfterMs?: number;
  /** The server's or library's own text, for logs and "details" disclosures; never rendered as HTML. */
  detail?: string;
}

interface MatrixErrorLike {
  httpStatus?: number;
  errcode?: string;
  data?: { errcode?: string; error?: string; retry_after_ms?: number };
  message?: string;
  name?: string;
  getRetryAfterMs?: () => number | null;
}

/** Classifies an error thrown by the SDK, fetch or our own helpers. */
export function describeFailure(e: unknown): Failure {
  const err = (e ?? {}) as MatrixErrorLike;
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
    let retry: number | null | undefined;
    try {
      retry = err.getRetryAfterMs?.();
    } catch {
      retry = undefined;
    }
    retry ??= err.data?.retry_after_ms;
    return { kind: 'rate-limited', ...base, ...(typeof retry === 'number' ? { retryAfterMs: retry } : {}) };
  }
  if (errcode === 'M_UNKNOWN_TOKEN') return { kind: 'unknown-token', ...base };
  if (status >= 500) return { kind: 'server', ...base };
  if (status === 404) return { kind: 'not-found', ...base };
  if (status === 403 || (status === 401 && errcode === 'M_FORBIDDEN')) return { kind: 'forbidden', ...base };
  if (status >= 400) return { kind: 'bad-request', ...base };
  return { kind: 'unknown', ...base };
}
