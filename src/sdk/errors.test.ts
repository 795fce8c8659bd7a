import { expect } from '@open-wc/testing';
import { explainFailure } from '../i18n/errors.strings.js';
import { TimeoutError, withTimeout } from '../internal/async.js';
import { describeFailure, type FailureKind, MAX_RETRY_AFTER_MS, maxRetryAfterMs, parseRetryAfter, retryAfterOf, setMaxRetryAfterMs } from './errors.js';
import { SurfacedRequestFailure } from './uia-guard-armed.js';

const matrixError = (httpStatus: number, errcode?: string, extra: Record<string, unknown> = {}) =>
  Object.assign(new Error(`M ${httpStatus}`), { name: 'MatrixError', httpStatus, errcode, data: { errcode, ...extra } });

describe('describeFailure', () => {
  it('classifies HTTP failures', () => {
    expect(describeFailure(matrixError(429, 'M_LIMIT_EXCEEDED', { retry_after_ms: 1500 }))).to.include({ kind: 'rate-limited', retryAfterMs: 1500 });
    expect(describeFailure(matrixError(502)).kind).to.equal('server');
    expect(describeFailure(matrixError(401, 'M_UNKNOWN_TOKEN')).kind).to.equal('unknown-token');
    expect(describeFailure(matrixError(403, 'M_FORBIDDEN')).kind).to.equal('forbidden');
    expect(describeFailure(matrixError(404, 'M_NOT_FOUND')).kind).to.equal('not-found');
    expect(describeFailure(matrixError(400, 'M_INVALID_PARAM')).kind).to.equal('bad-request');
  });

  it('classifies network, timeout, abort and stopped clients', () => {
    expect(describeFailure(Object.assign(new Error('x'), { name: 'ConnectionError' })).kind).to.equal('network');
    expect(describeFailure(new TypeError('Failed to fetch')).kind).to.equal('network');
    expect(describeFailure(new TimeoutError(10)).kind).to.equal('timeout');
    expect(describeFailure(new DOMException('stop', 'AbortError')).kind).to.equal('aborted');
    expect(describeFailure(new Error('MatrixClient has been stopped')).kind).to.equal('client-stopped');
  });

  it('reads Retry-After (seconds or HTTP-date) before retry_after_ms, refuses garbage, caps absurd waits', () => {
    const now = Date.parse('Sun, 06 Dec 2026 08:00:00 GMT');
    expect(parseRetryAfter('12', undefined, now)).to.equal(12_000);
    expect(parseRetryAfter(' 7 ', 999, now)).to.equal(7000);
    expect(parseRetryAfter('Sun, 06 Dec 2026 08:00:20 GMT', undefined, now)).to.equal(20_000);
    expect(parseRetryAfter('Sun, 06 Dec 2026 07:59:00 GMT', undefined, now), 'a past date').to.equal(undefined);
    expect(parseRetryAfter('2026-12-06T08:00:20Z', undefined, now), 'not an HTTP-date').to.equal(undefined);
    expect(parseRetryAfter('-5', undefined, now)).to.equal(undefined);
    expect(parseRetryAfter('1.5', undefined, now)).to.equal(undefined);
    expect(parseRetryAfter('lots', 2500, now)).to.equal(2500);
    expect(parseRetryAfter(null, 'x', now)).to.equal(undefined);
    expect(parseRetryAfter(null, Number.POSITIVE_INFINITY, now)).to.equal(undefined);
    expect(parseRetryAfter(null, 0, now)).to.equal(undefined);
    expect(retryAfterOf('86400', undefined, now)).to.deep.equal({ retryAfterMs: MAX_RETRY_AFTER_MS, retryAfterCapped: true });
    expect(retryAfterOf('9'.repeat(400), undefined, now)).to.deep.equal({ retryAfterMs: MAX_RETRY_AFTER_MS, retryAfterCapped: true });
    expect(retryAfterOf(null, 1e15, now)).to.deep.equal({ retryAfterMs: MAX_RETRY_AFTER_MS, retryAfterCapped: true });
    expect(retryAfterOf('30', undefined, now)).to.deep.equal({ retryAfterMs: 30_000 });
    expect(retryAfterOf(null, 10, now)).to.deep.equal({ retryAfterMs: 1000 });
    expect(retryAfterOf('garbage', undefined, now)).to.deep.equal({});
  });

  it('the cap is 30 s by default; a host may set another (at least 1 s) and go back to the default', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(MAX_RETRY_AFTER_MS).to.equal(30_000);
    expect(maxRetryAfterMs()).to.equal(30_000);
    try {
      setMaxRetryAfterMs(6_000);
      expect(retryAfterOf('86400', undefined, now)).to.deep.equal({ retryAfterMs: 6_000, retryAfterCapped: true });
      expect(retryAfterOf('5', undefined, now)).to.deep.equal({ retryAfterMs: 5_000 });
      setMaxRetryAfterMs(10);
      expect(maxRetryAfterMs()).to.equal(1_000);
      setMaxRetryAfterMs(Number.NaN);
      expect(maxRetryAfterMs()).to.equal(30_000);
      setMaxRetryAfterMs(120_000);
      expect(retryAfterOf('90', undefined, now)).to.deep.equal({ retryAfterMs: 90_000 });
    } finally {
      setMaxRetryAfterMs();
    }
    expect(maxRetryAfterMs()).to.equal(30_000);
    expect(retryAfterOf('86400', undefined, now)).to.deep.equal({ retryAfterMs: 30_000, retryAfterCapped: true });
  });

  it('a 429 MatrixError: the header the SDK would throw on is read safely and capped', () => {
    const e = Object.assign(matrixError(429, 'M_LIMIT_EXCEEDED', { retry_after_ms: 86_400_000 }), {
      httpHeaders: new Headers({ 'Retry-After': 'Tomorrow-ish' }),
      getRetryAfterMs: () => { throw new Error('Retry-After header value is not a valid HTTP-date'); },
    });
    expect(describeFailure(e)).to.include({ kind: 'rate-limited', retryAfterMs: MAX_RETRY_AFTER_MS, retryAfterCapped: true });
  });

  it('a failure surfaced by the UIA guard keeps its own kind (its AbortError name only stops the SDK retrying)', () => {
    const f = new SurfacedRequestFailure({ kind: 'network', detail: 'Failed to fetch' });
    expect(f.name).to.equal('AbortError');
    expect(describeFailure(f)).to.deep.equal({ kind: 'network', detail: 'Failed to fetch' });
  });

  it('words every failure for people', () => {
    expect(explainFailure('en', { kind: 'rate-limited', retryAfterMs: 2100 })).to.contain('3 s');
    expect(explainFailure('en', { kind: 'server', httpStatus: 503 })).to.contain('503');
    const words: Record<FailureKind, string> = {
      network: 'could not be reached',
      'rate-limited': 'Try again in a moment',
      server: 'error 500',
      'unknown-token': 'has been signed out',
      forbidden: 'refused this',
      'not-found': 'could not find',
      'bad-request': 'rejected the request (error 400)',
      timeout: 'taking too long',
      aborted: 'Cancelled.',
      'client-stopped': 'client was stopped',
      unknown: 'Something went wrong.',
    };
    for (const [kind, text] of Object.entries(words)) expect(explainFailure('en', { kind: kind as FailureKind }), kind).to.contain(text);
  });

  it('bounds a promise with withTimeout', async () => {
    let caught: unknown;
    await withTimeout(new Promise(() => {}), 20).catch((e: unknown) => (caught = e));
    expect(caught).to.be.instanceOf(TimeoutError);
    expect(await withTimeout(Promise.resolve(5), 20)).to.equal(5);
  });
});
