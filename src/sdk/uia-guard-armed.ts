// What the kit's fetch guard (uia-guard.ts) does while a UiaSession request runs: a 429 / 5xx / network failure of
// a UIA endpoint is thrown as a `SurfacedRequestFailure`, which the SDK's retry loop gives up on at once (see the
// file comment there). Loaded with the flows that authenticate (state/uia.ts), not with the elements' first render.
import { retryAfterOf, type Failure } from './errors.js';
import { armedGuard } from './uia-guard.js';

/** Paths whose requests carry UIA (the kit's flows): cross-signing upload and session deletion. */
const UIA_PATH = /\/_matrix\/client\/(?:v3|r0|unstable)\/(?:keys\/device_signing\/upload|delete_devices|devices\/[^/?#]+)(?:[?#]|$)/;

/** A failure of a guarded request, thrown so the SDK does not retry it (see uia-guard.ts). */
export class SurfacedRequestFailure extends Error {
  // The name stops the SDK's retry loop (calculateRetryBackoff returns -1 for it); describeFailure reads
  // `xsFailure` first, so the kit never mistakes it for a cancellation.
  override readonly name = 'AbortError';
  constructor(readonly xsFailure: Failure) {
    super(`homeserver request failed: ${xsFailure.kind}${xsFailure.httpStatus ? ` ${xsFailure.httpStatus}` : ''}`);
  }
}

let armed = 0;

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

/** A guarded request while armed: a UIA endpoint's 429 / 5xx / network failure rejects at once. */
async function surfacing(inner: typeof fetch, input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  if (!UIA_PATH.test(urlOf(input))) return inner(input, init);
  let res: Response;
  try {
    res = await inner(input, init);
  } catch (e) {
    if ((e as { name?: string } | null)?.name === 'AbortError') throw e;
    throw new SurfacedRequestFailure({ kind: 'network', detail: String((e as Error)?.message ?? e).slice(0, 300) });
  }
  if (res.status === 429 || res.status >= 500) throw new SurfacedRequestFailure(await failureOf(res));
  return res;
}

/** Runs one UIA request with the guard armed: its 429 / 5xx / network failure rejects at once. */
export async function surfacingFailures<T>(run: () => Promise<T>): Promise<T> {
  armed++;
  armedGuard.fetch = surfacing;
  try {
    return await run();
  } finally {
    if (--armed === 0) armedGuard.fetch = undefined;
  }
}
