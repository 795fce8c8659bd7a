// Makes the kit's user-interactive-auth requests report 429s, 5xx and network failures to the person at
// once, instead of the SDK retrying them by itself.
//
// Why: matrix-js-sdk 43 sends the cross-signing upload (the request a reset authenticates, password
// included) through rust-crypto/OutgoingRequestProcessor.ts `requestWithRetry()`, which retries up to 4
// times on a 429 (sleeping for the server's Retry-After / retry_after_ms, however long), on 5xx and on
// connection errors (http-api/utils.ts `calculateRetryBackoff`). So a wrong password answered by 429 went
// out again without anyone asking, and a Retry-After of a day left "Checking…" on screen for a day. The
// UIA callback only ever sees the outcome, and neither it nor any request option reaches that loop.
//
// How: the one thing that loop gives up on at once is an error named "AbortError". Every kit element wraps its
// client's `fetchFn` (`client.http.opts.fetchFn`, read by the SDK at every request) with a pass-through; while a
// UiaSession request runs (`surfacingFailures`, uia-guard-armed.ts: loaded with the flows that authenticate, not
// with the elements' first render), a 429 / 5xx / network failure of a UIA endpoint (keys/device_signing/upload,
// delete_devices, devices/{id}) is thrown as a `SurfacedRequestFailure` carrying the classified failure, so the
// UiaSession shows a countdown or the network error and every re-send is the person's. The host configures
// nothing; its own fetchFn stays the inner one, and all other requests — and these endpoints outside a kit UIA —
// behave exactly as before.
import type { MatrixClient } from 'matrix-js-sdk';

type FetchFn = typeof fetch;

/** While a kit UIA request runs: what a guarded fetch does instead of passing through (set by uia-guard-armed.ts). */
export const armedGuard: { fetch?: (inner: FetchFn, input: RequestInfo | URL, init?: RequestInit) => Promise<Response> } = {};

/** Marks fetch functions installed by this copy of the kit (a second copy wraps ours, harmlessly). */
const GUARD = Symbol('xs-uia-guard');

/**
 * Wraps `client`'s fetch once (idempotent) so the kit's UIA requests surface failures instead of being
 * retried by the SDK. Called by every kit element for the client it is given.
 */
export function guardUiaRequests(client: MatrixClient | undefined): void {
  const opts = (client as unknown as { http?: { opts?: { fetchFn?: FetchFn & { [GUARD]?: true } } } } | undefined)?.http?.opts;
  if (!opts || opts.fetchFn?.[GUARD]) return;
  const inner: FetchFn = opts.fetchFn ?? ((input, init) => globalThis.fetch(input, init));
  const guarded = (async (input: RequestInfo | URL, init?: RequestInit) =>
    armedGuard.fetch ? armedGuard.fetch(inner, input, init) : inner(input, init)) as FetchFn & { [GUARD]?: true };
  guarded[GUARD] = true;
  opts.fetchFn = guarded;
}
