// What the kit's rate-limit guard (rate-limit.ts) does with a 429: reports the time the server lets the client try
// again, and caps an absurd wait in the response the SDK reads. Loaded with the first 429.
import { retryAfterOf } from './errors.js';
import { DEFAULT_RETRY_WAIT_MS } from './rate-limit.js';

/** The server's wait in ms, made sane (errors.ts `retryAfterOf`): capped at maxRetryAfterMs(), DEFAULT_RETRY_WAIT_MS when unusable. */
export function saneRetryWait(header: string | null | undefined, bodyMs: unknown, now = Date.now()): { ms: number; capped: boolean } {
  const r = retryAfterOf(header, bodyMs, now);
  return { ms: r.retryAfterMs ?? DEFAULT_RETRY_WAIT_MS, capped: !!r.retryAfterCapped };
}

/** Tells `listeners` when the client may try again, and gives the SDK the 429 with that (sane) wait. */
export async function reportAndCap(res: Response, listeners: Set<(untilMs: number) => void>): Promise<Response> {
  let body: unknown;
  try {
    body = await res.clone().json();
  } catch {
    body = null;
  }
  const obj = body && typeof body === 'object' ? (body as Record<string, unknown>) : null;
  const { ms } = saneRetryWait(res.headers.get('Retry-After'), obj?.['retry_after_ms']);
  const until = Date.now() + ms;
  for (const l of [...listeners]) l(until);
  const headers = new Headers(res.headers);
  headers.set('Retry-After', String(Math.ceil(ms / 1000)));
  const text = obj ? JSON.stringify({ ...obj, ...('retry_after_ms' in obj ? { retry_after_ms: ms } : {}) }) : await res.text();
  return new Response(text, { status: 429, statusText: res.statusText, headers });
}
