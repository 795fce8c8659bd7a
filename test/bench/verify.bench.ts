// Benchmark (`npm run bench:verify`, against the real Synapse): a new session verified by emoji, request to
// verified, through the elements (<xs-verify-login> on both sides, their buttons clicked as a person would,
// "Verified" shown only after the signatures are read back) against the same flow by bare SDK calls (request,
// accept, start SAS, confirm, done, then the same read-back of crossSigningVerified on both sides). Both are paced
// alike: each side confirms as soon as its own side shows the emoji. The rounds are interleaved so machine load
// hits both alike; the account set-up is outside the timing.
// Targets (issue 12): the elements add at most 10 %; <xs-status> on the new session shows "ready" within 200 ms of
// the secrets arriving (the last m.secret.send / backup key cached on that client → its `state` turns ready).
import { expect, fixture, html } from '@open-wc/testing';
import type { MatrixClient } from 'matrix-js-sdk';
import { CryptoEvent, VerificationPhase, VerificationRequestEvent, VerifierEvent, type ShowSasCallbacks, type VerificationRequest } from 'matrix-js-sdk/lib/crypto-api/index.js';
import '../../src/define/xs-status.js';
import '../../src/define/xs-verify-login.js';
import type { XsStatus } from '../../src/components/status/status.js';
import type { XsVerifyLogin } from '../../src/components/verify-login/verify-login.js';
import { withTimeout } from '../../src/internal/async.js';
import { onVerificationRequest } from '../../src/sdk/verification.js';
import { stopAllClients } from '../support/clients.js';
import { sendVerificationRequest } from '../support/sas.js';
import { waitFor } from '../support/wait.js';
import { click, headingText, setUpPair, type Pair } from '../support/verify-ui.js';

const ROUNDS = 20;
const STATUS_ROUNDS = 5;
const fast = { timeoutMs: 30_000, intervalMs: 5 };

/**
 * Resolves as soon as `el` renders the step `heading` — on the render itself (a MutationObserver on its shadow root),
 * as the bare SDK run reacts to the SDK's events, not on a polling tick.
 */
const at = (el: XsVerifyLogin, heading: string | string[]) =>
  new Promise<void>((resolve, reject) => {
    const check = () => {
      if (![heading].flat().includes(headingText(el))) return false;
      obs.disconnect();
      clearTimeout(t);
      resolve();
      return true;
    };
    const obs = new MutationObserver(() => void check());
    obs.observe(el.shadowRoot!, { subtree: true, childList: true, characterData: true });
    const t = setTimeout(() => {
      obs.disconnect();
      reject(new Error(`"${String(heading)}" not shown (now "${String(headingText(el))}")`));
    }, fast.timeoutMs);
    check();
  });

async function ownSigned(client: MatrixClient, deviceId: string) {
  return (await client.getCrypto()!.getDeviceVerificationStatus(client.getSafeUserId(), deviceId))?.crossSigningVerified;
}

/** Per-phase times (ms since the request), for the breakdown. */
const phases: Record<string, number[]> = {};
const mark = (name: string, t0: number) => (phases[name] ??= []).push(performance.now() - t0);

/**
 * Where the time goes besides the phases: the requests each side makes during the timed window (method + path, ids
 * dropped), counted per round, and the main thread's long tasks (>50 ms) in that window.
 */
const requests: Record<'el' | 'sdk', Record<string, number[]>> = { el: {}, sdk: {} };
let tracing: { kind: 'el' | 'sdk'; counts: Record<string, number>; pre?: true } | undefined;
const traced = (side: string) => ({
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
const longTasks: Record<'el' | 'sdk', number[]> = { el: [], sdk: [] };
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
function followClients(pair: Pair) {
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
const lag: Record<'el' | 'sdk', number[]> = { el: [], sdk: [] };
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

function traceStart(kind: 'el' | 'sdk', pre = false) {
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
function traceEnd() {
  if (!tracing) return;
  const { kind, counts } = tracing;
  for (const k of new Set([...Object.keys(counts), ...Object.keys(requests[kind])])) (requests[kind][k] ??= []).push(counts[k] ?? 0);
  longTasks[kind].push(longTaskMs);
  tracing = undefined;
  sdkKind = undefined;
  lagOn = false;
  lag[kind].push(lagSum);
}

/** A new session verified by emoji through <xs-verify-login> on both sides, each confirming once it shows the emoji. */
async function emojiThroughElements(pair: Pair, record = false) {
  const at0 = (name: string) => record && mark(name, t0);
  if (record) traceStart('el', true);
  const newSide = await fixture<XsVerifyLogin>(html`<xs-verify-login .client=${pair.clientB}></xs-verify-login>`);
  const answered = bounded('A: the request', new Promise<XsVerifyLogin>((resolve, reject) => {
    const off = onVerificationRequest(pair.clientA, (request) => {
      off();
      fixture<XsVerifyLogin>(html`<xs-verify-login .client=${pair.clientA} .request=${request}></xs-verify-login>`).then(resolve, reject);
    });
  }));
  await at(newSide, 'Verify this session');
  const t0 = performance.now();
  if (record) traceStart('el');
  click(newSide, 'Verify with another session');
  const oldSide = await answered;
  await at(oldSide, 'Verification request');
  at0('el 1 request shown on A');
  click(oldSide, 'Accept');
  await at(newSide, 'Choose how to verify');
  at0('el 2 choose on B');
  click(newSide, 'Compare emoji');
  // Each side confirms as soon as it shows the emoji (as the bare SDK run does).
  const side = async (el: XsVerifyLogin, name: string) => {
    await at(el, 'Compare the emoji');
    at0(`el 3 emoji on ${name}`);
    click(el, 'They match');
    await at(el, ['Checking…', 'Verified']);
    at0(`el 4 done on ${name}`);
    await at(el, 'Verified');
    at0(`el 5 verified on ${name}`);
  };
  await Promise.all([side(newSide, 'B'), side(oldSide, 'A')]);
  const ms = performance.now() - t0;
  if (record) traceEnd();
  return { ms, newSide, oldSide, t0 };
}

async function throughElements(): Promise<number> {
  const pair = await setUpPair({ prefix: 'bench-el', a: traced('A'), b: traced('B') });
  followClients(pair);
  const r = await emojiThroughElements(pair, true);
  expect(await ownSigned(pair.clientB, pair.b.deviceId)).to.equal(true);
  r.newSide.remove();
  r.oldSide.remove();
  await stopAllClients();
  return r.ms;
}

/** `p`, or a rejection naming `what` after 30 s (a stuck round fails instead of hanging the run). */
const bounded = <T>(what: string, p: Promise<T>) => withTimeout(p, fast.timeoutMs, { what });

/** Bare SDK: one side of the SAS — confirm as soon as it is shown, until done. */
async function sdkSide(req: VerificationRequest, start: boolean, name: string, t0: number) {
  if (start) {
    await bounded(`${name}: ready`, new Promise<void>((resolve, reject) => {
      const check = () => {
        if (req.phase === VerificationPhase.Ready) resolve();
        else if (req.phase === VerificationPhase.Cancelled) reject(new Error('cancelled'));
        else return;
        req.off(VerificationRequestEvent.Change, check);
      };
      req.on(VerificationRequestEvent.Change, check);
      check();
    }));
    mark('sdk 2 ready on B', t0);
    await req.startVerification('m.sas.v1');
  }
  // The verifier exists once the request is started (on its Change event, as the elements react to it).
  const verifier = await new Promise<NonNullable<VerificationRequest['verifier']>>((resolve, reject) => {
    const bound = setTimeout(() => reject(new Error(`${name}: no verifier within 30 s`)), fast.timeoutMs);
    const check = () => {
      if (!req.verifier) return;
      req.off(VerificationRequestEvent.Change, check);
      clearTimeout(bound);
      resolve(req.verifier);
    };
    req.on(VerificationRequestEvent.Change, check);
    check();
  });
  const shown = new Promise<ShowSasCallbacks>((resolve) => {
    verifier.on(VerifierEvent.ShowSas, resolve);
    const now = verifier.getShowSasCallbacks();
    if (now) resolve(now);
  });
  const done = verifier.verify();
  done.catch(() => undefined);
  const sas = await bounded(`${name}: emoji`, Promise.race([shown, done.then(() => Promise.reject(new Error('ended before the emoji')))]));
  mark(`sdk 3 emoji on ${name}`, t0);
  await sas.confirm();
  await bounded(`${name}: verifier done`, done);
  await waitFor('done', () => req.phase === VerificationPhase.Done, fast);
  mark(`sdk 4 done on ${name}`, t0);
}

async function bareSdk(): Promise<number> {
  const pair = await setUpPair({ prefix: 'bench-sdk', a: traced('A'), b: traced('B') });
  followClients(pair);
  const t0 = performance.now();
  traceStart('sdk');
  const { sent, received } = await sendVerificationRequest(pair.clientA, () => pair.clientB.getCrypto()!.requestOwnUserVerification());
  mark('sdk 1 request received by A', t0);
  await received.accept();
  // The same read-back the elements do before "Verified" (src/state/verification-readback.ts), by SDK calls: both
  // sessions cross-signed, first as the server says (a /keys/query), then from the store on each trust event and every
  // 150 ms, and from the server again every second; a change during a read is read again right after it.
  const signed = (client: MatrixClient, name: string) =>
    new Promise<void>((resolve, reject) => {
      let busy = false;
      let again = false;
      let over = false;
      const check = async (refresh: boolean) => {
        if (over) return;
        if (busy) {
          again = true;
          return;
        }
        busy = true;
        let ok: boolean;
        try {
          if (refresh) await client.getCrypto()!.userHasCrossSigningKeys(undefined, true);
          ok = !!(await ownSigned(client, pair.a.deviceId)) && !!(await ownSigned(client, pair.b.deviceId));
        } catch {
          ok = false;
        } finally {
          busy = false;
        }
        if (over) return;
        if (ok) {
          end();
          mark(`sdk 5 verified on ${name}`, t0);
          resolve();
        } else if (again) {
          again = false;
          void check(false);
        }
      };
      const onEvent = () => void check(false);
      const events = [CryptoEvent.DevicesUpdated, CryptoEvent.UserTrustStatusChanged, CryptoEvent.KeysChanged];
      for (const e of events) client.on(e as never, onEvent as never);
      const fastPoll = setInterval(() => void check(false), 150);
      const slowPoll = setInterval(() => void check(true), 1000);
      const bound = setTimeout(() => {
        end();
        reject(new Error(`${name}: not read back as cross-signed within 30 s`));
      }, fast.timeoutMs);
      const end = () => {
        over = true;
        for (const e of events) client.off(e as never, onEvent as never);
        clearInterval(fastPoll);
        clearInterval(slowPoll);
        clearTimeout(bound);
      };
      void check(true);
    });
  // The elements restore the history from the backup once the new session is verified (its keys arriving a moment
  // later), while the other side is still reading back: the same work here, by SDK calls, not awaited either.
  const restoreOnB = async () => {
    const crypto = pair.clientB.getCrypto()!;
    await waitFor('secrets on B', async () => {
      const k = (await crypto.getCrossSigningStatus()).privateKeysCachedLocally;
      return k.masterKey && k.selfSigningKey && k.userSigningKey && (await crypto.getSessionBackupPrivateKey()) !== null;
    }, { timeoutMs: 30_000, intervalMs: 100 });
    await crypto.checkKeyBackupAndEnable();
    await crypto.restoreKeyBackup();
  };
  await Promise.all([
    sdkSide(sent, true, 'B', t0).then(() => signed(pair.clientB, 'B')).then(() => void restoreOnB().catch(() => undefined)),
    sdkSide(received, false, 'A', t0).then(() => signed(pair.clientA, 'A')),
  ]);
  const ms = performance.now() - t0;
  traceEnd();
  await stopAllClients();
  return ms;
}

/** One verification through the elements with <xs-status> on the new session: secrets arrived → status ready (ms). */
async function statusLatency(): Promise<{ ms: number; seen: string[] }> {
  const pair = await setUpPair({ prefix: 'bench-st' });
  const status = await fixture<XsStatus>(html`<xs-status .client=${pair.clientB}></xs-status>`);
  await waitFor('status unverified', () => status.getAttribute('state') === 'unverified', fast);
  let secretAt = 0;
  pair.clientB.on('receivedToDeviceMessage' as never, ((p: { message?: { type?: string } }) => {
    if (p.message?.type === 'm.secret.send') secretAt = performance.now();
  }) as never);
  pair.clientB.on(CryptoEvent.KeyBackupDecryptionKeyCached as never, (() => (secretAt = performance.now())) as never);
  const seen: string[] = [];
  let readyAt = 0;
  new MutationObserver(() => {
    const s = status.getAttribute('state') ?? '';
    if (seen[seen.length - 1] !== s) seen.push(s);
    if (s === 'ready' && !readyAt) readyAt = performance.now();
  }).observe(status, { attributes: true, attributeFilter: ['state'] });
  const { newSide, oldSide } = await emojiThroughElements(pair);
  await waitFor(`status ready (${seen.join(' → ')})`, () => readyAt > 0, fast);
  expect(secretAt, 'the secrets arrived').to.be.greaterThan(0);
  const ms = readyAt - secretAt;
  status.remove();
  newSide.remove();
  oldSide.remove();
  await stopAllClients();
  return { ms, seen };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

describe('bench: verification request → verified, elements vs bare SDK (Synapse)', () => {
  it(`${ROUNDS} interleaved rounds each`, async () => {
    const el: number[] = [];
    const sdk: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      // Alternate which goes first, so warm-up and drift don't favour one.
      if (i % 2 === 0) {
        el.push(await throughElements());
        sdk.push(await bareSdk());
      } else {
        sdk.push(await bareSdk());
        el.push(await throughElements());
      }
      console.log(`[bench] round ${i + 1}: elements ${el[i].toFixed(0)} ms, bare SDK ${sdk[i].toFixed(0)} ms`);
    }
    const mEl = median(el);
    const mSdk = median(sdk);
    const overhead = (mEl / mSdk - 1) * 100;
    for (const [name, xs] of Object.entries(phases).sort()) console.log(`[bench]   ${name}: median ${median(xs).toFixed(0)} ms`);
    for (const kind of ['el', 'sdk'] as const) {
      console.log(`[bench]   ${kind}: long tasks in the window: median ${median(longTasks[kind]).toFixed(0)} ms; timer lateness (main thread busy): median ${median(lag[kind]).toFixed(0)} ms`);
      for (const [k, xs] of Object.entries(requests[kind]).sort()) console.log(`[bench]   ${kind} requests ${k}: median ${median(xs)} (${xs.join(' ')})`);
    }
    const paired = median(el.map((x, i) => x / sdk[i]));
    console.log(`[bench]   (informational) median of the per-round ratios: elements add ${((paired - 1) * 100).toFixed(1)} %`);
    console.log(`[bench] median elements ${mEl.toFixed(0)} ms, bare SDK ${mSdk.toFixed(0)} ms, overhead ${overhead.toFixed(1)} % (target ≤ 10 %)`);
    expect(overhead, 'the elements add at most 10 %').to.be.at.most(10);
  });

  it(`<xs-status>: secrets arrived → ready, ${STATUS_ROUNDS} rounds`, async () => {
    const ms: number[] = [];
    for (let i = 0; i < STATUS_ROUNDS; i++) {
      const r = await statusLatency();
      ms.push(r.ms);
      console.log(`[bench] status round ${i + 1}: secrets → ready ${r.ms.toFixed(0)} ms (states: ${r.seen.join(' → ')})`);
      expect(r.seen, 'never "out of sync" while the keys arrive').to.not.include('keys-missing');
    }
    console.log(`[bench] <xs-status> secrets → ready: median ${median(ms).toFixed(0)} ms, max ${Math.max(...ms).toFixed(0)} ms (target ≤ 200 ms)`);
    expect(median(ms), 'ready within 200 ms of the secrets arriving').to.be.at.most(200);
  });
});
