import { expect } from '@open-wc/testing';
import type { AuthDict } from '../sdk/uia.js';
import { UiaCancelledError, UiaSession } from './uia.js';

/** A MatrixError-shaped 401 challenge. */
const challenge = (data: Record<string, unknown>) => Object.assign(new Error('401'), { httpStatus: 401, data });
const httpError = (httpStatus: number, data: Record<string, unknown> = {}) =>
  Object.assign(new Error(String(httpStatus)), { httpStatus, errcode: data['errcode'], data });

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

  it('counts down after a 429 and returns to the password stage', async () => {
    let now = 1000;
    let fire: (() => void) | undefined;
    let calls = 0;
    const s = session(async (auth) => {
      calls++;
      if (!auth) throw challenge(passwordFlow);
      if (calls === 2) throw httpError(429, { errcode: 'M_LIMIT_EXCEEDED', retry_after_ms: 3000 });
      return 'ok';
    }, { now: () => now, setTimer: (fn) => { fire = fn; return 1; }, clearTimer: () => {} });
    const result = s.run();
    await settle();
    s.submitPassword('pw');
    await settle();
    expect(s.stage.kind).to.equal('rate-limited');
    expect((s.stage as { until: number }).until).to.equal(4000);
    now = 4000;
    fire!();
    expect(s.stage).to.deep.equal({ kind: 'password', wrongPassword: false });
    s.submitPassword('pw');
    expect(await result).to.equal('ok');
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
    await r2.catch((e) => (err = e));
    expect(err).to.be.instanceOf(UiaCancelledError);
    expect(s2.stage.kind).to.equal('cancelled');
  });
});
