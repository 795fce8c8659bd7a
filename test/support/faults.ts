// Fault injection for e2e tests: wraps a client's fetch and applies one fault to the first request that matches.
//   fail     — the homeserver answers 503 (even cases) or the network is down (odd cases: fetch throws); nothing applied
//   lost     — the request reaches the homeserver and is applied; the response never reaches the client
//   slow     — the request is held for `slowMs` before it goes out
//   429      — rate-limited, with an odd wait: Retry-After of a day, garbage, a past HTTP date, or an absurd retry_after_ms
export type Fault = 'fail' | 'lost' | 'slow' | '429';
export const FAULTS: Fault[] = ['fail', 'lost', 'slow', '429'];

export interface FaultPlan {
  fault: Fault;
  /** Picks variants (5xx or network down; which odd Retry-After). */
  variant?: number;
  slowMs?: number;
}

export function urlOf(input: RequestInfo | URL): string {
  return typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
}

// Odd first, usable second where the spec allows a fallback (Retry-After wins over the body's retry_after_ms), so
// that most cases wait about a second; the day-long one waits the kit's cap (maxRetryAfterMs(): 30 s by default).
const ODD_WAITS: { header?: string; body?: number; what: string }[] = [
  { header: 'garbage-not-a-number', body: 1000, what: 'Retry-After garbage (retry_after_ms 1 s)' },
  { header: new Date(Date.now() - 3_600_000).toUTCString(), body: 1000, what: 'Retry-After in the past (retry_after_ms 1 s)' },
  { header: '-3', body: 1000, what: 'Retry-After negative (retry_after_ms 1 s)' },
  { header: '86400', what: 'Retry-After a day' },
];

export function oddWaitOf(variant = 0) {
  return ODD_WAITS[variant % ODD_WAITS.length];
}

export function faultOnce(match: (url: string, init?: RequestInit) => boolean, plan: FaultPlan) {
  let armed = false;
  let fired = false;
  const seen: { url: string; body: string }[] = [];
  return {
    /** Starts matching; with a new plan, applies that fault to the next match (one account, several flows). */
    arm(next?: FaultPlan) {
      if (next) {
        plan = next;
        fired = false;
      }
      armed = true;
    },
    get fired() {
      return fired;
    },
    /** Every request (URL and body) this client sent, for the secrets scan. */
    seen,
    wrap: (inner: typeof fetch): typeof fetch => async (input, init) => {
      const url = urlOf(input);
      seen.push({ url, body: typeof init?.body === 'string' ? init.body : '' });
      if (!armed || fired || !match(url, init)) return inner(input, init);
      fired = true;
      const v = plan.variant ?? 0;
      switch (plan.fault) {
        case 'fail':
          if (v % 2 === 1) throw new TypeError('Failed to fetch (injected: network down)');
          return new Response(JSON.stringify({ errcode: 'M_UNKNOWN', error: 'injected: service unavailable' }), { status: 503, headers: { 'content-type': 'application/json' } });
        case 'lost':
          await inner(input, init);
          throw new TypeError('Failed to fetch (injected: response lost after the server applied the request)');
        case 'slow':
          await new Promise((r) => setTimeout(r, plan.slowMs ?? 2500));
          return inner(input, init);
        case '429': {
          const w = oddWaitOf(v);
          const headers = new Headers({ 'content-type': 'application/json' });
          if (w.header) headers.set('Retry-After', w.header);
          const body = { errcode: 'M_LIMIT_EXCEEDED', error: 'injected: too many requests', ...(w.body !== undefined ? { retry_after_ms: w.body } : {}) };
          return new Response(JSON.stringify(body), { status: 429, headers });
        }
      }
    },
  };
}
