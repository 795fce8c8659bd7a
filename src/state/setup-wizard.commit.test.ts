import { expect } from '@open-wc/testing';
import { fakeAdapter, snapshots, toCommit, until } from '../../test/support/setup-fakes.js';
import { AlreadySetUpError, IdentityExistsError, SetupIncompleteError } from '../sdk/setup-errors.js';
import type { AuthDict } from '../sdk/uia.js';
import { SetupWizard } from './setup-wizard.js';

function uiaError(body: Record<string, unknown>, status = 401) {
  return Object.assign(new Error('uia'), { httpStatus: status, data: body, errcode: body['errcode'] });
}

// The commit phase (setup-wizard.commit.ts): failures, joins, stop waiting, reset, and the sign-in prompt.
describe('SetupWizard (state machine): the commit', () => {

  it('a failed commit keeps the key; retry finishes with the same key', async () => {
    const adapter = fakeAdapter(snapshots.fresh, {
      finish: async (_auth, n) => {
        if (n === 1) throw new SetupIncompleteError(['backup-key-stored']);
      },
    });
    const w = new SetupWizard(adapter);
    await w.start();
    w.continue();
    await toCommit(w);
    const failed = await until(w, 'commit-failed');
    expect(failed).to.include({ identityExists: false });
    expect((failed as { gaps: string[] }).gaps).to.deep.equal(['backup-key-stored']);
    expect(w.holdsKey).to.equal(true);
    w.retry();
    await until(w, 'done');
    expect(adapter.finishCalls).to.have.length(2);
    expect(adapter.finishCalls[1].key).to.equal(adapter.finishCalls[0].key);
    expect(adapter.keys).to.have.length(1);
  });

  it('never overwrites an identity it cannot use', async () => {
    const w = new SetupWizard(fakeAdapter(snapshots.fresh, { finish: async () => { throw new IdentityExistsError(); } }));
    await w.start();
    w.continue();
    await toCommit(w);
    expect(await until(w, 'commit-failed')).to.include({ identityExists: true });
  });

  it('a stalled commit shows "still saving"; Keep waiting joins the running save — never a second one', async () => {
    const timers: { fn: () => void; ms: number }[] = [];
    let release!: () => void;
    const adapter = fakeAdapter(snapshots.fresh, {
      finish: (_a, n) => (n === 1 ? new Promise<void>((r) => (release = r)) : Promise.resolve()),
    });
    const w = new SetupWizard(adapter, 'setup', { stallMs: 1000, setTimer: (fn, ms) => timers.push({ fn, ms }), clearTimer: () => {} });
    await w.start();
    w.continue();
    await toCommit(w);
    await until(w, 'committing');
    expect(w.stage).to.include({ stalled: false, joined: false });
    timers.at(-1)!.fn();
    expect(w.stage).to.include({ kind: 'committing', stalled: true });
    w.retry();
    w.retry();
    expect(w.stage).to.include({ kind: 'committing', stalled: false, joined: true });
    await new Promise((r) => setTimeout(r, 20));
    expect(adapter.finishCalls, 'no second save while the first runs').to.have.length(1);
    release();
    await until(w, 'done');
    expect(adapter.finishCalls).to.have.length(1);
  });

  it('Stop waiting keeps the key; Try again waits for the save still running, and the screen follows its outcome', async () => {
    const timers: (() => void)[] = [];
    let fail!: (e: Error) => void;
    const adapter = fakeAdapter(snapshots.fresh, {
      finish: (_a, n) => (n === 1 ? new Promise<void>((_r, j) => (fail = j)) : Promise.resolve()),
    });
    const w = new SetupWizard(adapter, 'setup', { stallMs: 1000, setTimer: (fn) => timers.push(fn), clearTimer: () => {} });
    await w.start();
    w.continue();
    await toCommit(w);
    timers.at(-1)!();
    w.cancelCommit();
    expect(w.stage.kind).to.equal('stopped-waiting');
    expect(w.holdsKey).to.equal(true);
    expect(w.commitRunning).to.equal(true);
    w.retry();
    expect(w.stage).to.include({ kind: 'committing', joined: true });
    await new Promise((r) => setTimeout(r, 20));
    expect(adapter.finishCalls, 'joined, not doubled').to.have.length(1);
    fail(Object.assign(new Error('boom'), { httpStatus: 502 }));
    const failed = await until(w, 'commit-failed');
    expect((failed as { failure: { kind: string } }).failure.kind).to.equal('server');
    w.retry();
    await until(w, 'done');
    expect(adapter.finishCalls).to.have.length(2);
    expect(adapter.finishCalls[1].key).to.equal(adapter.finishCalls[0].key);
  });

  it('a save that finishes after "stop waiting" still ends on the true screen', async () => {
    const timers: (() => void)[] = [];
    let release!: () => void;
    const adapter = fakeAdapter(snapshots.fresh, { finish: () => new Promise<void>((r) => (release = r)) });
    const w = new SetupWizard(adapter, 'setup', { stallMs: 1000, setTimer: (fn) => timers.push(fn), clearTimer: () => {} });
    await w.start();
    w.continue();
    await toCommit(w);
    timers.at(-1)!();
    w.cancelCommit();
    release();
    await until(w, 'done');
  });

  it('reset cancelled at the sign-in prompt: says nothing changed, and never goes on to the set-up', async () => {
    const adapter = fakeAdapter(snapshots.complete, {
      reset: (auth) => auth(async (a) => {
        if (!a) throw uiaError({ session: 's', flows: [{ stages: ['m.login.password'] }], params: {} });
      }),
    });
    const w = new SetupWizard(adapter, 'reset');
    await w.start();
    w.continue();
    w.confirmReset('reset', 'reset');
    await toCommit(w);
    const auth = await until(w, 'auth');
    expect((auth as { uia: { stage: { kind: string } } }).uia.stage.kind).to.equal('password');
    w.cancelCommit();
    await until(w, 'reset-cancelled');
    expect(adapter.finishCalls).to.have.length(0);
    expect(w.holdsKey, 'key dropped').to.equal(false);
  });

  it('set up meanwhile by another element: the key is not used; the account is shown as set up', async () => {
    let snap = snapshots.fresh;
    const adapter = fakeAdapter(snap, { finish: async () => { throw new AlreadySetUpError(); } });
    adapter.read = async () => snap;
    const w = new SetupWizard(adapter);
    await w.start();
    w.continue();
    snap = snapshots.complete!;
    await toCommit(w);
    await until(w, 'already-set-up');
    expect(w.holdsKey).to.equal(false);
  });

  it('reset: resetIdentity once, then finishSetup allowed to make a new identity; a retry does not reset again', async () => {
    const adapter = fakeAdapter(snapshots.complete, {
      finish: async (_a, n) => {
        if (n === 1) throw Object.assign(new Error('boom'), { httpStatus: 502 });
      },
    });
    const w = new SetupWizard(adapter, 'reset');
    await w.start();
    w.continue();
    w.confirmReset('nope', 'reset');
    expect(w.stage).to.deep.equal({ kind: 'reset-confirm', mismatch: true });
    w.confirmReset(' RESET ', 'reset');
    await toCommit(w);
    const failed = await until(w, 'commit-failed');
    expect((failed as { failure: { kind: string } }).failure.kind).to.equal('server');
    w.retry();
    expect(await until(w, 'done')).to.deep.equal({ kind: 'done', mode: 'reset', method: 'key', restored: null });
    expect(adapter.resetCalls).to.equal(1);
    expect(adapter.finishCalls.map((c) => c.opts?.allowNewIdentity)).to.deep.equal([true, true]);
  });

  describe('user-interactive auth during the commit (fakes: the local Synapse only offers a password)', () => {
    async function withChallenge(make: (auth: AuthDict | null) => Promise<void>) {
      const adapter = fakeAdapter(snapshots.fresh, { finish: (auth) => auth(make) });
      const w = new SetupWizard(adapter);
      await w.start();
      w.continue();
      await toCommit(w);
      return w;
    }

    it('no challenge: no prompt at all', async () => {
      const w = await withChallenge(async () => {});
      await until(w, 'done');
    });

    it('SSO: the fallback page, then "I\'ve confirmed" completes', async () => {
      const sent: (AuthDict | null)[] = [];
      const w = await withChallenge(async (auth) => {
        sent.push(auth);
        if (!auth) throw uiaError({ session: 's1', flows: [{ stages: ['m.login.sso'] }], params: {} });
      });
      const stage = await until(w, 'auth');
      const uia = (stage as { uia: import('./uia.js').UiaSession<void> }).uia;
      expect(uia.stage).to.include({ kind: 'fallback', stage: 'm.login.sso' });
      expect((uia.stage as { url: string }).url).to.include('m.login.sso/fallback/web?session=s1');
      uia.markOpened();
      uia.confirmExternal();
      await until(w, 'done');
      expect(sent.at(-1)).to.deep.equal({ session: 's1' });
    });

    it('m.oauth: opens the account page URL and continues after approval', async () => {
      const w = await withChallenge(async (auth) => {
        if (!auth) throw uiaError({ session: 's2', flows: [{ stages: ['m.oauth'] }], params: { 'm.oauth': { url: 'https://account.example/reset' } } });
      });
      const stage = await until(w, 'auth');
      const uia = (stage as { uia: import('./uia.js').UiaSession<void> }).uia;
      expect(uia.stage).to.deep.include({ kind: 'oauth', url: 'https://account.example/reset' });
      uia.markOpened();
      uia.confirmExternal();
      await until(w, 'done');
    });

    it('an expired UIA session restarts transparently with the same password', async () => {
      let n = 0;
      const w = await withChallenge(async (auth) => {
        n++;
        if (!auth) throw uiaError({ session: n === 1 ? 'old' : 'new', flows: [{ stages: ['m.login.password'] }], params: {} });
        if ((auth as { session?: string }).session === 'old') throw uiaError({ errcode: 'M_UNKNOWN', error: 'Unknown session ID' }, 400);
      });
      const stage = await until(w, 'auth');
      const uia = (stage as { uia: import('./uia.js').UiaSession<void> }).uia;
      uia.submitPassword('pw');
      await until(w, 'done');
    });

    it('429 shows the countdown inside the prompt; cancelling the prompt ends in an explained, retryable failure', async () => {
      const w = await withChallenge(async (auth) => {
        if (!auth) throw uiaError({ session: 's', flows: [{ stages: ['m.login.password'] }], params: {} });
        throw uiaError({ errcode: 'M_LIMIT_EXCEEDED', retry_after_ms: 3000 }, 429);
      });
      const stage = await until(w, 'auth');
      const uia = (stage as { uia: import('./uia.js').UiaSession<void> }).uia;
      uia.submitPassword('pw');
      await new Promise((r) => setTimeout(r, 0));
      expect(uia.stage.kind).to.equal('rate-limited');
      expect(w.stage.kind, 'prompt stays visible').to.equal('auth');
      uia.cancel();
      const failed = await until(w, 'commit-failed');
      expect((failed as { failure: { kind: string } }).failure.kind).to.equal('aborted');
      expect(w.holdsKey).to.equal(true);
    });
  });
});
