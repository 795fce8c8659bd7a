import { expect } from '@open-wc/testing';
import { explainFailure } from '../i18n/errors.strings.js';
import { TimeoutError, withTimeout } from '../internal/async.js';
import { describeFailure } from './errors.js';

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

  it('words every failure for people', () => {
    expect(explainFailure('en', { kind: 'rate-limited', retryAfterMs: 2100 })).to.contain('3 s');
    expect(explainFailure('en', { kind: 'server', httpStatus: 503 })).to.contain('503');
  });

  it('bounds a promise with withTimeout', async () => {
    let caught: unknown;
    await withTimeout(new Promise(() => {}), 20).catch((e) => (caught = e));
    expect(caught).to.be.instanceOf(TimeoutError);
    expect(await withTimeout(Promise.resolve(5), 20)).to.equal(5);
  });
});
