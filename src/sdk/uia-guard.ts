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
// How: the one thing that loop gives up on at once is an error named "AbortError". The kit wraps the
// client's `fetchFn` (`client.http.opts.fetchFn`, read by the SDK at every request) with a pass-through;
// while a UiaSession request runs (`surfacingFailures`), a 429 / 5xx / network failure of a UIA endpoint
// (keys/device_signing/upload, delete_devices, devices/{id}) is thrown as a `SurfacedRequestFailure`
// carrying the classified failure, so the UiaSession shows a countdown or the network error and every
// re-send is the person's. The host configures nothing; its own fetchFn stays the inner one, and all other
// requests — and these endpoints outside a kit UIA — behave exactly as before.
import type { MatrixClient } from 'matrix-js-sdk';
import { retryAfterOf, type Failure } from './errors.js';

/** Paths whose requests carry UIA (the kit's flows): cross-signing upload and session deletion. */
const UIA_PATH = /\/_matrix\/client\/(?:v3|r0|unstable)\/(?:keys\/device_signing\/upload|delete_devices|devices\/[^/?#]+)(?:[?#]|$)/;

/** A failure of a guarded request, thrown so the SDK does not retry it (see the file comment). */
export class SurfacedRequestFailure extends Error {
  // The name stops the SDK's retry loop (calculateRetryBackoff returns -1 for it); describeFailure reads
  // `xsFailure` first, so the kit never mistakes it for a cancellation.
  override readonly name = 'AbortError';
  constructor(readonly xsFailure: Failure) {
    super(`homeserver request failed: ${xsFailure.kind}${xsFailure.httpStatus ? ` ${xsFailure.httpStatus}` : ''}`);
  }
}

/** Marks fetch functions installed by this copy of the kit (a second copy wraps ours, harmlessly). */
const GUARD = Symbol('xs-uia-guard');
let armed = 0;

type FetchFn = typeof fetch;
interface HttpOptsLike {
  fetchFn?: FetchFn & { [GUARD]?: true };
}

function urlOf(input: RequestInfo | URL): string {
  return typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
}

async function failureOf(res: Response): Promise<Failure> {
  let data: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(await res.clone().text());
    if (parsed && typeof parsed === 'object') data = parsed as Record<string, unknown>;
  } catch {
    /* not JSON: the status says enough */
  }
  const errcode = typeof data['errcode'] === 'string' ? data['errcode'] : undefined;
  const detail = typeof data['error'] === 'string' ? data['error'].slice(0, 300) : `HTTP ${res.status}`;
  const base = { httpStatus: res.status, ...(errcode ? { errcode } : {}), detail };
  if (res.status === 429) return { kind: 'rate-limited', ...base, ...retryAfterOf(res.headers.get('Retry-After'), data['retry_after_ms']) };
  return { kind: 'server', ...base };
}

/**
 * Wraps `client`'s fetch once (idempotent) so the kit's UIA requests surface failures instead of being
 * retried by the SDK. Called by every kit element for the client it is given.
 */
export function guardUiaRequests(client: MatrixClient | undefined): void {
  const opts = (client as unknown as { http?: { opts?: HttpOptsLike } } | undefined)?.http?.opts;
  if (!opts || opts.fetchFn?.[GUARD]) return;
  const inner: FetchFn = opts.fetchFn ?? ((input, init) => globalThis.fetch(input, init));
  const guarded = (async (input: RequestInfo | URL, init?: RequestInit) => {
    if (armed === 0 || !UIA_PATH.test(urlOf(input))) return inner(input, init);
    let res: Response;
    try {
      res = await inner(input, init);
    } catch (e) {
      if ((e as { name?: string } | null)?.name === 'AbortError') throw e;
      throw new SurfacedRequestFailure({ kind: 'network', detail: String((e as Error)?.message ?? e).slice(0, 300) });
    }
    if (res.status === 429 || res.status >= 500) throw new SurfacedRequestFailure(await failureOf(res));
    return res;
  }) as FetchFn & { [GUARD]?: true };
  guarded[GUARD] = true;
  opts.fetchFn = guarded;
}

/** Runs one UIA request with the guard armed: its 429 / 5xx / network failure rejects at once. */
export async function surfacingFailures<T>(run: () => Promise<T>): Promise<T> {
  armed++;
  try {
    return await run();
  } finally {
    armed--;
  }
}
