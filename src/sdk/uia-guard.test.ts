import { expect, fixture, html } from '@open-wc/testing';
import '../define/xs-auth-prompt.js';
import type { MatrixClient } from 'matrix-js-sdk';
import { calculateRetryBackoff } from 'matrix-js-sdk/lib/http-api/utils.js';
import { MAX_RETRY_AFTER_MS } from './errors.js';
import { SurfacedRequestFailure, surfacingFailures } from './uia-guard-armed.js';
import { guardUiaRequests } from './uia-guard.js';

const HS = 'https://hs.example/_matrix/client/v3';

/** A client-shaped object with the one field the guard touches, and a scripted fetch. */
function fakeClient(answer: (url: string) => Response | Promise<Response>) {
  const calls: string[] = [];
  const opts: { fetchFn?: typeof fetch } = {
    fetchFn: async (input) => {
      const url = String(input instanceof Request ? input.url : input);
      calls.push(url);
      return answer(url);
    },
  };
  return { client: { http: { opts } } as unknown as MatrixClient, opts, calls };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

const limited = () => json(429, { errcode: 'M_LIMIT_EXCEEDED', error: 'Too Many Requests', retry_after_ms: 86_400_000 }, { 'Retry-After': '86400' });

describe('UIA request guard', () => {
  it('wraps the client fetch once and passes everything through while no kit UIA runs', async () => {
    const { client, opts, calls } = fakeClient(() => limited());
    const original = opts.fetchFn;
    guardUiaRequests(client);
    const wrapped = opts.fetchFn;
    expect(wrapped).to.not.equal(original);
    guardUiaRequests(client);
    expect(opts.fetchFn, 'idempotent').to.equal(wrapped);
    const res = await opts.fetchFn!(`${HS}/keys/device_signing/upload`, { method: 'POST' });
    expect(res.status, 'not armed: the 429 reaches the SDK as before').to.equal(429);
    expect(calls).to.have.length(1);
  });

  it('while armed, a 429 of a UIA endpoint rejects at once with the capped wait; other paths pass', async () => {
    const { client, opts } = fakeClient(() => limited());
    guardUiaRequests(client);
    for (const path of ['/keys/device_signing/upload', '/delete_devices', '/devices/ABCDEF']) {
      const err = await surfacingFailures(() => opts.fetchFn!(`${HS}${path}`, { method: 'POST' })).catch((e: unknown) => e);
      expect(err, path).to.be.instanceOf(SurfacedRequestFailure);
      expect((err as SurfacedRequestFailure).xsFailure).to.deep.include({ kind: 'rate-limited', httpStatus: 429, retryAfterMs: MAX_RETRY_AFTER_MS, retryAfterCapped: true });
    }
    const other = await surfacingFailures(() => opts.fetchFn!(`${HS}/keys/query`, { method: 'POST' }));
    expect(other.status).to.equal(429);
  });

  it('while armed: 5xx and network failures reject at once; an abort stays an abort; 401 (the UIA challenge) passes', async () => {
    let next: () => Response | Promise<Response> = () => json(502, { errcode: 'M_UNKNOWN' });
    const { client, opts } = fakeClient(() => next());
    guardUiaRequests(client);
    const call = () => surfacingFailures(() => opts.fetchFn!(`${HS}/keys/device_signing/upload`, { method: 'POST' }));
    expect(((await call().catch((e: unknown) => e)) as SurfacedRequestFailure).xsFailure).to.deep.include({ kind: 'server', httpStatus: 502 });
    next = () => Promise.reject(new TypeError('Failed to fetch'));
    expect(((await call().catch((e: unknown) => e)) as SurfacedRequestFailure).xsFailure).to.deep.include({ kind: 'network' });
    next = () => Promise.reject(new DOMException('stop', 'AbortError'));
    const aborted = await call().catch((e: unknown) => e);
    expect(aborted).to.be.instanceOf(DOMException);
    next = () => json(401, { flows: [{ stages: ['m.login.password'] }], session: 'S' });
    expect((await call()).status).to.equal(401);
  });

  it('the SDK retry loop gives up on the surfaced failure at once, where it would wait out a real 429', () => {
    const surfaced = new SurfacedRequestFailure({ kind: 'rate-limited', httpStatus: 429, retryAfterMs: 30_000 });
    expect(calculateRetryBackoff(surfaced, 1, true)).to.equal(-1);
    const sdk429 = Object.assign(new Error('429'), { httpStatus: 429, errcode: 'M_LIMIT_EXCEEDED', data: { retry_after_ms: 86_400_000 } });
    expect(calculateRetryBackoff(sdk429, 1, true), 'without the guard: 2 s backoff, or the server’s day').to.be.greaterThan(0);
  });

  it('a kit element given a client installs the guard (the host configures nothing)', async () => {
    const { client, opts } = fakeClient(() => limited());
    const original = opts.fetchFn;
    await fixture(html`<xs-auth-prompt .client=${client}></xs-auth-prompt>`);
    expect(opts.fetchFn).to.not.equal(original);
    const err = await surfacingFailures(() => opts.fetchFn!(`${HS}/delete_devices`, { method: 'POST' })).catch((e: unknown) => e);
    expect(err).to.be.instanceOf(SurfacedRequestFailure);
  });

  it('leaves a client without http options alone', () => {
    expect(() => guardUiaRequests({} as MatrixClient)).to.not.throw();
    expect(() => guardUiaRequests(undefined)).to.not.throw();
  });
});
