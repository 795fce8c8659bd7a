// The breakdown of `npm run bench:verify` (verify.bench.ts): per-phase times, the requests each side makes, the main
// thread's long tasks and timer lateness in the timed window, and the SDK's own progress under each run.
import type { MatrixClient } from 'matrix-js-sdk';
import { CryptoEvent, VerificationRequestEvent, VerifierEvent, type VerificationRequest } from 'matrix-js-sdk/lib/crypto-api/index.js';
import { withTimeout } from '../../src/internal/async.js';
import type { Pair } from '../support/verify-ui.js';

export const fast = { timeoutMs: 30_000, intervalMs: 5 };

/** `p`, or a rejection naming `what` after 30 s (a stuck round fails instead of hanging the run). */
export const bounded = <T>(what: string, p: Promise<T>) => withTimeout(p, fast.timeoutMs, { what });

export async function ownSigned(client: MatrixClient, deviceId: string) {
  return (await client.getCrypto()!.getDeviceVerificationStatus(client.getSafeUserId(), deviceId))?.crossSigningVerified;
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};


/** Per-phase times (ms since the request), for the breakdown. */
export const phases: Record<string, number[]> = {};
export const mark = (name: string, t0: number) => (phases[name] ??= []).push(performance.now() - t0);

/**
 * Where the time goes besides the phases: the requests each side makes during the timed window (method + path, ids
 * dropped), counted per round, and the main thread's long tasks (>50 ms) in that window.
 */
export const requests: Record<'el' | 'sdk', Record<string, number[]>> = { el: {}, sdk: {} };
let tracing: { kind: 'el' | 'sdk'; counts: Record<string, number>; pre?: true } | undefined;
export const traced = (side: string) => ({
  wrapFetch: (inner: typeof fetch): typeof fetch => (input, init) => {
    if (tracing) {
      const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
      const path = url.pathname.replace(/^\/_matrix\/client\/(v3|v1|unstable)/, '').replace(/\/(![^/]+|@[^/]+|m\.[^/]+|[A-Za-z0-9_-]{16,}|\d+)(?=\/|$)/g, '/…');
      const key = `${tracing.pre ? '(before the click) ' : ''}${side} ${init?.method ?? 'GET'} ${decodeURIComponent(path)}`;
      tracing.counts[key] = (tracing.counts[key] ?? 0) + 1;
    }
    return inner(input, init);
  },
});
export const longTasks: Record<'el' | 'sdk', number[]> = { el: [], sdk: [] };
let longTaskMs = 0;
if (typeof PerformanceObserver !== 'undefined' && PerformanceObserver.supportedEntryTypes?.includes('longtask')) {
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (tracing) longTaskMs += e.duration;
  }).observe({ type: 'longtask', buffered: false });
}
/**
 * The SDK's own progress under each run (ms since the request): when each side's request reaches a phase and when its
 * verifier shows the emoji — to tell the elements' rendering and reacting apart from the protocol itself being slower.
 */
let sdkT0 = 0;
let sdkKind: 'el' | 'sdk' | undefined;
function followRequest(req: VerificationRequest, side: string) {
  const kind = sdkKind;
  if (!kind) return;
  const seen = new Set<string>();
  const at = (what: string) => {
    if (seen.has(what) || sdkKind !== kind) return;
    seen.add(what);
    mark(`${kind} · sdk-level ${what} on ${side}`, sdkT0);
  };
  const onChange = () => {
    at(`phase ${req.phase}`);
    const v = req.verifier;
    if (v && !seen.has('verifier')) {
      seen.add('verifier');
      v.on(VerifierEvent.ShowSas, () => at('ShowSas'));
    }
  };
  req.on(VerificationRequestEvent.Change, onChange);
  onChange();
}
export function followClients(pair: Pair) {
  pair.clientA.on(CryptoEvent.VerificationRequestReceived, (r: VerificationRequest) => followRequest(r, 'A'));
  const crypto = pair.clientB.getCrypto()!;
  const orig = crypto.requestOwnUserVerification.bind(crypto);
  crypto.requestOwnUserVerification = async () => {
    const r = await orig();
    followRequest(r, 'B');
    return r;
  };
}

/** How late timers fire in the window (sum of lateness of a 4 ms timer chain): how busy the page's main thread is. */
export const lag: Record<'el' | 'sdk', number[]> = { el: [], sdk: [] };
let lagSum = 0;
let lagOn = false;
function lagProbe() {
  lagSum = 0;
  lagOn = true;
  let expected = performance.now() + 4;
  const tick = () => {
    if (!lagOn) return;
    const now = performance.now();
    lagSum += Math.max(0, now - expected);
    expected = now + 4;
    setTimeout(tick, 4);
  };
  setTimeout(tick, 4);
}

export function traceStart(kind: 'el' | 'sdk', pre = false) {
  if (pre) tracing = { kind, counts: {}, pre: true };
  else if (tracing) delete tracing.pre;
  else tracing = { kind, counts: {} };
  longTaskMs = 0;
  if (!pre) {
    sdkKind = kind;
    sdkT0 = performance.now();
    lagProbe();
  }
}
export function traceEnd() {
  if (!tracing) return;
  const { kind, counts } = tracing;
  for (const k of new Set([...Object.keys(counts), ...Object.keys(requests[kind])])) (requests[kind][k] ??= []).push(counts[k] ?? 0);
  longTasks[kind].push(longTaskMs);
  tracing = undefined;
  sdkKind = undefined;
  lagOn = false;
  lag[kind].push(lagSum);
}
