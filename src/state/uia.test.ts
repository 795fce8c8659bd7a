import { expect } from '@open-wc/testing';
import type { AuthDict } from '../sdk/uia.js';
import { MAX_RETRY_AFTER_MS } from '../sdk/errors.js';
import { UiaCancelledError, UiaSession } from './uia.js';

/** A MatrixError-shaped 401 challenge. */
const challenge = (data: Record<string, unknown>) => Object.assign(new Error('401'), { httpStatus: 401, data });
const httpError = (httpStatus: number, data: Record<string, unknown> = {}) =>
  Object.assign(new Error(String(httpStatus)), { httpStatus, errcode: data['errcode'], data });

/** A MatrixError-shaped 429 with a Retry-After header and/or retry_after_ms. */
const rateLimited = ({ header, bodyMs }: { header?: string; bodyMs?: unknown }) =>
  Object.assign(new Error('429'), {
    httpStatus: 429,
    errcode: 'M_LIMIT_EXCEEDED',
    data: { errcode: 'M_LIMIT_EXCEEDED', error: 'Too many requests', ...(bodyMs !== undefined ? { retry_after_ms: bodyMs } : {}) },
    httpHeaders: new Headers(header !== undefined ? { 'Retry-After': header } : {}),
  });

const passwordFlow = { flows: [{ stages: ['m.login.password'] }], params: {}, session: 'S1' };

function session(request: (auth: AuthDict | null) => Promise<string>, extra: Partial<ConstructorParameters<typeof UiaSession<string>>[0]> = {}) {
  return new UiaSession<string>({ request, userId: '@me:x', fallbackUrl: (stage, s) => `https://hs/fallback/${stage}?session=${s}`, ...extra });
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('UiaSession', () => {
  it('succeeds at once when the server needs no auth', async () => {
    const s = session(async () => 'ok');
    expect(await s.run()).to.equal('ok');
    expect(s.stage.kind).to.equal('done');
  });

  it('asks for the password, says "wrong" on M_FORBIDDEN, succeeds with the right one', async () => {
    const sent: (AuthDict | null)[] = [];
    const s = session(async (auth) => {
      sent.push(auth);
      if (!auth) throw challenge(passwordFlow);
      if ((auth as { password?: string }).password !== 'right') throw challenge({ ...passwordFlow, errcode: 'M_FORBIDDEN', error: 'Invalid password' });
      return 'deleted';
    });
    const result = s.run();
    await settle();
    expect(s.stage).to.deep.equal({ kind: 'password', wrongPassword: false });
    s.submitPassword('wrong');
    await settle();
    expect(s.stage).to.deep.equal({ kind: 'password', wrongPassword: true });
    s.submitPassword('right');
    expect(await result).to.equal('deleted');
    expect(sent[2]).to.deep.equal({ type: 'm.login.password', identifier: { type: 'm.id.user', user: '@me:x' }, password: 'right', session: 'S1' });
    expect(JSON.stringify(s.stage)).not.to.contain('right');
  });

  it('after a 429 to the password: counts down (capped), never re-sends, asks for the password again', async () => {
    let now = 1000;
    let fire: (() => void) | undefined;
    const sent: (AuthDict | null)[] = [];
    const s = session(async (auth) => {
      sent.push(auth);
      if (!auth) throw challenge(passwordFlow);
      if (sent.length === 2) throw rateLimited({ header: '86400' });
      return 'ok';
    }, { now: () => now, setTimer: (fn) => { fire = fn; return 1; }, clearTimer: () => {} });
    const result = s.run();
    await settle();
    s.submitPassword('wrong-or-right');
    await settle();
    expect(s.stage).to.deep.equal({ kind: 'rate-limited', until: 1000 + MAX_RETRY_AFTER_MS, waitMs: MAX_RETRY_AFTER_MS, capped: true, ready: false });
    s.retry(); // too early: ignored
    s.submitPassword('again'); // not the password stage: ignored
    await settle();
    expect(sent).to.have.length(2);
    now += MAX_RETRY_AFTER_MS;
    fire!();
    expect(s.stage).to.deep.include({ kind: 'rate-limited', ready: true });
    expect(sent, 'nothing re-sent when the countdown ends').to.have.length(2);
    s.retry();
    expect(s.stage).to.deep.equal({ kind: 'password', wrongPassword: false });
    expect(sent).to.have.length(2);
    s.submitPassword('pw');
    expect(await result).to.equal('ok');
    expect(sent).to.have.length(3);
    expect(JSON.stringify(s.stage)).not.to.contain('wrong-or-right');
  });

  // What the server sends with its 429 → the countdown shown (cap MAX_RETRY_AFTER_MS = 30 s, default 5 s).
  const waits: [label: string, given: { header?: string; bodyMs?: unknown }, waitMs: number, capped: boolean][] = [
    ['Retry-After: 86400 (a day)', { header: '86400' }, 30_000, true],
    ['Retry-After: 12', { header: '12' }, 12_000, false],
    ['Retry-After: garbage', { header: 'soon-ish' }, 5000, false],
    ['Retry-After: negative', { header: '-5' }, 5000, false],
    ['Retry-After: 0', { header: '0' }, 5000, false],
    ['Retry-After: a past HTTP date', { header: new Date(1_000_000 - 60_000).toUTCString() }, 5000, false],
    ['Retry-After: an HTTP date 10 s ahead', { header: new Date(1_000_000 + 10_000).toUTCString() }, 10_000, false],
    ['Retry-After: an HTTP date a year ahead', { header: new Date(1_000_000 + 365 * 86_400_000).toUTCString() }, 30_000, true],
    ['retry_after_ms: 1e15', { bodyMs: 1e15 }, 30_000, true],
    ['retry_after_ms: Infinity-like string', { bodyMs: '9'.repeat(400) }, 5000, false],
    ['retry_after_ms: negative', { bodyMs: -3000 }, 5000, false],
    ['retry_after_ms: 2500', { bodyMs: 2500 }, 2500, false],
    ['retry_after_ms: 20 (too short to show)', { bodyMs: 20 }, 1000, false],
    ['garbage header, usable body', { header: 'later', bodyMs: 7000 }, 7000, false],
    ['nothing at all', {}, 5000, false],
  ];
  for (const [label, given, waitMs, capped] of waits) {
    it(`429 with ${label} → ${waitMs / 1000} s${capped ? ' (capped)' : ''}`, async () => {
      const realNow = Date.now;
      Date.now = () => 1_000_000; // the HTTP dates above are relative to this
      try {
        const s = session(async () => { throw rateLimited(given); }, { now: () => 1_000_000, setTimer: () => 1, clearTimer: () => {} });
        void s.run().catch(() => {});
        await settle();
        expect(s.stage).to.deep.include({ kind: 'rate-limited', waitMs, capped, ready: false });
        s.cancel();
      } finally {
        Date.now = realNow;
      }
    });
  }

  it('a 429 to a request without a password: "Try again" re-sends that request, only when the person asks', async () => {
    let fire: (() => void) | undefined;
    const sent: (AuthDict | null)[] = [];
    const s = session(async (auth) => {
      sent.push(auth);
      if (sent.length === 1) throw rateLimited({ bodyMs: 3000 });
      return 'ok';
    }, { setTimer: (fn) => { fire = fn; return 1; }, clearTimer: () => {} });
    const result = s.run();
    await settle();
    expect(s.stage).to.deep.include({ kind: 'rate-limited', waitMs: 3000 });
    fire!();
    await settle();
    expect(sent).to.deep.equal([null]);
    s.retry();
    expect(await result).to.equal('ok');
    expect(sent).to.deep.equal([null, null]);
  });

  it('a 429 to "I’ve confirmed" returns to the homeserver page step', async () => {
    let fire: (() => void) | undefined;
    let n = 0;
    const s = session(async (auth) => {
      n++;
      if (auth && n === 2) throw rateLimited({ header: '2' });
      throw challenge({ flows: [{ stages: ['m.login.sso'] }], params: {}, session: 'S9' });
    }, { setTimer: (fn) => { fire = fn; return 1; }, clearTimer: () => {} });
    void s.run().catch(() => {});
    await settle();
    s.markOpened();
    s.confirmExternal();
    await settle();
    expect(s.stage).to.deep.include({ kind: 'rate-limited', waitMs: 2000 });
    fire!();
    s.retry();
    expect(s.stage).to.deep.include({ kind: 'fallback', opened: true, notYet: false });
    s.cancel();
  });

  it('a network failure at the password submit is a network failure, not a wrong password; retry asks again', async () => {
    const sent: (AuthDict | null)[] = [];
    const s = session(async (auth) => {
      sent.push(auth);
      if (!auth) throw challenge(passwordFlow);
      if (sent.length === 2) throw Object.assign(new Error('fetch failed'), { name: 'ConnectionError' });
      return 'ok';
    });
    const result = s.run();
    await settle();
    s.submitPassword('pw');
    await settle();
    expect(s.stage).to.deep.include({ kind: 'failed' });
    expect((s.stage as { failure: { kind: string } }).failure.kind).to.equal('network');
    expect(sent).to.have.length(2);
    s.retry();
    await settle();
    expect(s.stage).to.deep.equal({ kind: 'password', wrongPassword: false });
    s.submitPassword('pw');
    expect(await result).to.equal('ok');
  });

  it('refuses approval and fallback URLs that are not https: (or http: on loopback) and says why', async () => {
    const oauth = (url: unknown) => session(async () => {
      throw challenge({ flows: [{ stages: ['m.oauth'] }], params: { 'm.oauth': { url } }, session: 'S3' });
    });
    const cases: [unknown, string][] = [['javascript:alert(1)', 'scheme'], ['data:text/html,hi', 'scheme'], ['/account', 'relative'],
      ['http://account.example/', 'insecure'], ['https://u:p@account.example/', 'credentials'], [undefined, 'missing'], [42, 'missing']];
    for (const [url, refusal] of cases) {
      const s = oauth(url);
      void s.run().catch(() => {});
      await settle();
      expect(s.stage, String(url)).to.deep.equal({ kind: 'oauth', url: '', refusal, opened: false, notYet: false });
      s.cancel();
    }
    const ok = oauth('http://127.0.0.1:8080/approve');
    void ok.run().catch(() => {});
    await settle();
    expect(ok.stage).to.deep.include({ kind: 'oauth', url: 'http://127.0.0.1:8080/approve' });
    ok.cancel();

    const fb = session(async () => { throw challenge({ flows: [{ stages: ['m.login.sso'] }], params: {}, session: 'S4' }); },
      { fallbackUrl: () => 'javascript:alert(1)' });
    void fb.run().catch(() => {});
    await settle();
    expect(fb.stage).to.deep.include({ kind: 'fallback', url: '', refusal: 'scheme' });
    fb.cancel();
  });

  it('cancel after a failure (e.g. network down) rejects run() with an AbortError instead of leaving it pending', async () => {
    const s = session(async () => { throw new TypeError('Failed to fetch'); });
    const r = s.run();
    await settle();
    expect(s.stage.kind).to.equal('failed');
    expect(s.settled).to.equal(false);
    s.cancel();
    const err = await r.catch((e: unknown) => e);
    expect(err).to.be.instanceOf(UiaCancelledError);
    expect(s.stage.kind).to.equal('cancelled');
    expect(s.settled).to.equal(true);
  });

  it('cancel during a countdown rejects with an AbortError and stops the timer', async () => {
    let cleared = 0;
    const s = session(async () => { throw rateLimited({ header: '10' }); }, { setTimer: () => 7, clearTimer: (t) => { if (t === 7) cleared++; } });
    const r = s.run();
    await settle();
    s.cancel();
    const err = await r.catch((e: unknown) => e);
    expect(err).to.be.instanceOf(UiaCancelledError);
    expect((err as Error).name).to.equal('AbortError');
    expect(cleared).to.equal(1);
  });

  it('restarts transparently when the server forgot the UIA session', async () => {
    let n = 0;
    const s = session(async (auth) => {
      n++;
      if (!auth) throw challenge({ ...passwordFlow, session: n === 1 ? 'OLD' : 'NEW' });
      if ((auth as { session?: string }).session === 'OLD') throw httpError(400, { errcode: 'M_UNKNOWN', error: 'Unknown session ID' });
      return `ok with ${(auth as { session: string }).session}`;
    });
    const result = s.run();
    await settle();
    s.submitPassword('pw');
    expect(await result).to.equal('ok with NEW');
  });

  it('offers the homeserver fallback page for SSO and re-submits the session after confirmation', async () => {
    let confirmed = false;
    const s = session(async (auth) => {
      if (auth && (auth as { session?: string }).session === 'S2' && confirmed) return 'ok';
      throw challenge({ flows: [{ stages: ['m.login.sso'] }], params: {}, session: 'S2' });
    });
    const result = s.run();
    await settle();
    expect(s.stage).to.deep.include({ kind: 'fallback', stage: 'm.login.sso', url: 'https://hs/fallback/m.login.sso?session=S2', opened: false });
    s.markOpened();
    s.confirmExternal(); // too early: the server still wants it
    await settle();
    expect(s.stage).to.deep.include({ kind: 'fallback', notYet: true });
    confirmed = true;
    s.confirmExternal();
    expect(await result).to.equal('ok');
  });

  it('uses the approval URL of an m.oauth stage', async () => {
    const s = session(async () => {
      throw challenge({ flows: [{ stages: ['m.oauth'] }], params: { 'm.oauth': { url: 'https://account/reset' } }, session: 'S3' });
    });
    void s.run();
    await settle();
    expect(s.stage).to.deep.include({ kind: 'oauth', url: 'https://account/reset' });
  });

  it('prefers the password flow over SSO when both are offered, and skips m.login.dummy by itself', async () => {
    const s = session(async (auth) => {
      if ((auth as { type?: string } | null)?.type === 'm.login.dummy') return 'dummy done';
      throw challenge({ flows: [{ stages: ['m.login.sso'] }, { stages: ['m.login.dummy'] }], params: {}, session: 'S4' });
    });
    expect(await s.run()).to.equal('dummy done');
  });

  it('explains server errors and can retry or be cancelled', async () => {
    let fail = true;
    const s = session(async () => {
      if (fail) throw httpError(502);
      return 'ok';
    });
    const result = s.run();
    await settle();
    expect(s.stage).to.deep.include({ kind: 'failed' });
    expect((s.stage as { failure: { kind: string } }).failure.kind).to.equal('server');
    fail = false;
    s.retry();
    expect(await result).to.equal('ok');

    const s2 = session(async () => { throw challenge(passwordFlow); });
    const r2 = s2.run();
    await settle();
    s2.cancel();
    let err: unknown;
    await r2.catch((e: unknown) => (err = e));
    expect(err).to.be.instanceOf(UiaCancelledError);
    expect(s2.stage.kind).to.equal('cancelled');
  });
});
