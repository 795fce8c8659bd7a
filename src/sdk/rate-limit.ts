// Rate limits (429) as the kit's flows need them. The SDK waits out a 429 by itself and re-sends the request after
// the server's `Retry-After` / `retry_after_ms` — whatever its value: a Retry-After of a day keeps a set-up pending
// for a day. For the clients the kit works on, `guardRateLimits` wraps the client's fetch once:
//   - every 429 is reported (`onRateLimited`), so a flow can show "try again in N s" with a countdown;
//   - a wait that is absurd (over maxRetryAfterMs(), negative, a past date, garbage) is capped in the response the
//     SDK reads, so its automatic retry comes after at most maxRetryAfterMs().
// Nothing else about the request or the response changes. What a 429 does (rate-limit-429.ts) loads with the first
// one: a client that is never rate-limited never needs it.
import type { MatrixClient } from 'matrix-js-sdk';

/** The wait when the server names none (or nothing usable). */
export const DEFAULT_RETRY_WAIT_MS = 5_000;

type Listener = (untilMs: number) => void;
const guarded = new WeakMap<object, Set<Listener>>();

/** Wraps `client`'s fetch once (idempotent): 429 waits are reported and capped (see the file comment). */
export function guardRateLimits(client: MatrixClient): void {
  if (guarded.has(client)) return;
  const listeners = new Set<Listener>();
  guarded.set(client, listeners);
  const http = client.http as unknown as { opts: { fetchFn?: typeof fetch } };
  const inner: typeof fetch = http.opts.fetchFn ?? ((input, init) => globalThis.fetch(input, init));
  http.opts.fetchFn = async (input, init) => {
    const res = await inner(input, init);
    if (res.status !== 429) return res;
    // The 429's handling could not be loaded (the page's server went away): the SDK gets the answer as it came.
    return import('./rate-limit-429.js').then((m) => m.reportAndCap(res, listeners), () => res);
  };
}

/** Calls `listener` with the time (ms epoch) the server lets the client try again, on every 429 of `client`. */
export function onRateLimited(client: MatrixClient, listener: Listener): () => void {
  guardRateLimits(client);
  const set = guarded.get(client)!;
  set.add(listener);
  return () => void set.delete(listener);
}
