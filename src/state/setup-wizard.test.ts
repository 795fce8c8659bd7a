import { expect } from '@open-wc/testing';
import { ENCODED, fakeAdapter, snapshots, until } from '../../test/support/setup-fakes.js';
import type { SetupSnapshot } from '../sdk/setup.js';
import { AlreadySetUpError, BackupDecisionNeededError, BackupKeyMismatchError, IdentityExistsError, SetupIncompleteError } from '../sdk/setup.js';
import { NotARecoveryKeyError } from '../sdk/setup-reset.js';
import type { AuthDict } from '../sdk/uia.js';
import { SetupWizard, type WizardStage } from './setup-wizard.js';

/** Walks from "choose" to the commit with a generated key. */
async function toCommit(w: SetupWizard) {
  await until(w, 'choose');
  w.choose('key');
  await until(w, 'show-key');
  w.markSaved('download');
  w.toConfirm();
  w.confirmKey(ENCODED.replace(/ /g, ''));
}

function uiaError(body: Record<string, unknown>, status = 401) {
  return Object.assign(new Error('uia'), { httpStatus: status, data: body, errcode: body['errcode'] });
}

describe('SetupWizard (state machine)', () => {
  it('routes by where the account stands', async () => {
    const cases: [SetupSnapshot, WizardStage][] = [
      [snapshots.fresh, { kind: 'explain', repair: false }],
      [snapshots.incomplete, { kind: 'explain', repair: true }],
      [snapshots.complete, { kind: 'already-set-up' }],
      [snapshots.keysMissing, { kind: 'keys-missing' }],
    ];
    for (const [snap, stage] of cases) {
      const w = new SetupWizard(fakeAdapter(snap));
      await w.start();
      expect(w.stage).to.deep.equal(stage);
    }
    const change = new SetupWizard(fakeAdapter(snapshots.complete), 'change-key');
    await change.start();
    expect(change.stage.kind).to.equal('choose');
    const reset = new SetupWizard(fakeAdapter(snapshots.keysMissing, { active: false }), 'reset');
    await reset.start();
    expect(reset.stage).to.deep.equal({ kind: 'reset-warning', activeSession: false });
    const resetActive = new SetupWizard(fakeAdapter(snapshots.keysMissing, { active: true }), 'reset');
    await resetActive.start();
    expect(resetActive.stage).to.deep.equal({ kind: 'reset-warning', activeSession: true });
  });

  it('shows the key until saved, checks it typed back (whitespace-tolerant), commits and drops the key', async () => {
    const adapter = fakeAdapter(snapshots.fresh);
    const w = new SetupWizard(adapter);
    await w.start();
    w.continue();
    w.choose('key');
    await until(w, 'show-key');
    expect(w.displayKey()).to.equal(ENCODED);
    w.toConfirm();
    expect(w.stage.kind, 'cannot continue before saving').to.equal('show-key');
    w.markSaved('copy');
    w.toConfirm();
    expect(w.displayKey(), 'key not readable after the show step').to.equal(undefined);
    w.confirmKey('EsTa bcde wrong');
    expect(w.stage).to.deep.equal({ kind: 'confirm-key', mismatch: true });
    w.confirmKey(`  ${ENCODED.replace(/ /g, '\n')}  `);
    const done = await until(w, 'done');
    expect(done).to.deep.equal({ kind: 'done', mode: 'setup', method: 'key', restored: null });
    expect(w.holdsKey).to.equal(false);
    expect([...adapter.keys[0].generated.privateKey].every((b) => b === 0), 'key bytes zeroed').to.equal(true);
    expect(JSON.stringify(w.stage)).to.not.include('EsTa');
  });

  it('passes the phrase once and marks the method', async () => {
    let seen: string | undefined;
    const adapter = fakeAdapter(snapshots.fresh);
    const create = adapter.createKey.bind(adapter);
    adapter.createKey = async (p) => ((seen = p), create(p));
    const w = new SetupWizard(adapter);
    await w.start();
    w.continue();
    w.choose('phrase');
    expect(w.stage.kind).to.equal('phrase');
    w.submitPhrase('  Exactly As Typed ');
    await until(w, 'show-key');
    expect(seen).to.equal('  Exactly As Typed ');
    w.markSaved('print');
    w.toConfirm();
    w.confirmKey(ENCODED);
    expect(await until(w, 'done')).to.deep.equal({ kind: 'done', mode: 'setup', method: 'phrase', restored: null });
  });

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

  it('re-derives where the account stands when it changes elsewhere (passive stages only)', async () => {
    let snap = snapshots.fresh;
    const adapter = fakeAdapter(snap);
    adapter.read = async () => snap;
    const w = new SetupWizard(adapter);
    await w.start();
    expect(w.stage.kind).to.equal('explain');
    snap = snapshots.keysMissing!; // another session set up meanwhile
    await w.accountChanged();
    expect(w.stage.kind).to.equal('keys-missing');
    snap = snapshots.fresh!;
    await w.accountChanged();
    w.continue();
    w.choose('key');
    await until(w, 'show-key');
    snap = snapshots.complete!;
    await w.accountChanged();
    expect(w.stage.kind, 'a key being shown is not taken away').to.equal('show-key');
  });

  describe('a key backup this session cannot use (another app made it)', () => {
    const foreign = { ...snapshots.fresh, backupVersion: '7', backupTrusted: false, backupKeyCached: false };

    it('is shown before anything else and never replaced silently', async () => {
      const adapter = fakeAdapter(foreign);
      const w = new SetupWizard(adapter);
      await w.start();
      w.continue();
      expect(w.stage).to.deep.equal({ kind: 'existing-backup', version: '7' });
      w.replaceExistingBackup();
      expect(w.stage).to.deep.equal({ kind: 'backup-replace-confirm', version: '7' });
      w.back();
      w.keepExistingBackup();
      await toCommit(w);
      await until(w, 'done');
      expect(adapter.finishCalls[0].opts?.backup).to.equal('keep');
    });

    it('kept: the end screen says the backup is not connected (no "all set")', async () => {
      const adapter = fakeAdapter(foreign);
      adapter.finishSetup = async (key, _auth, opts) => {
        adapter.finishCalls.push({ key, opts });
        return { accepted: ['backup', 'backup-key-stored'] };
      };
      const w = new SetupWizard(adapter);
      await w.start();
      w.continue();
      w.keepExistingBackup();
      await toCommit(w);
      expect(await until(w, 'done-without-backup')).to.deep.equal({ kind: 'done-without-backup', mode: 'setup', version: '7' });
      expect(w.holdsKey, 'key kept to connect or replace the backup').to.equal(true);
    });

    it('replaced only after explicit consent', async () => {
      const adapter = fakeAdapter(foreign);
      const w = new SetupWizard(adapter);
      await w.start();
      w.continue();
      w.replaceExistingBackup();
      w.confirmReplaceBackup();
      await toCommit(w);
      await until(w, 'done');
      expect(adapter.finishCalls[0].opts?.backup).to.equal('replace');
    });

    it('restored with its key: wrong keys are explained, the right one connects it and history is restored', async () => {
      const adapter = fakeAdapter(foreign);
      adapter.connectBackup = async (text) => {
        if (text.startsWith('x')) throw new NotARecoveryKeyError('no');
        if (text.startsWith('wrong')) throw new BackupKeyMismatchError();
      };
      adapter.restoreBackup = async (progress) => (progress?.(3, 3), { imported: 3, total: 3 });
      const w = new SetupWizard(adapter);
      await w.start();
      w.continue();
      w.useExistingBackup();
      await w.submitBackupKey('xyz');
      expect(w.stage).to.deep.equal({ kind: 'backup-key', problem: 'malformed', failure: null });
      await w.submitBackupKey('wrong key');
      expect(w.stage).to.deep.equal({ kind: 'backup-key', problem: 'mismatch', failure: null });
      await w.submitBackupKey('EsTa right');
      expect(w.stage.kind).to.equal('choose');
      await toCommit(w);
      expect(await until(w, 'done')).to.deep.equal({ kind: 'done', mode: 'setup', method: 'key', restored: 3 });
      expect(adapter.finishCalls[0].opts?.backup).to.equal('new-if-none');
    });

    it('a backup that appears during the commit stops it and asks (the key stays)', async () => {
      const adapter = fakeAdapter(snapshots.fresh, { finish: async (_a, n) => { if (n === 1) throw new BackupDecisionNeededError('9'); } });
      const w = new SetupWizard(adapter);
      await w.start();
      w.continue();
      await toCommit(w);
      expect(await until(w, 'existing-backup')).to.deep.equal({ kind: 'existing-backup', version: '9' });
      expect(w.holdsKey).to.equal(true);
      w.keepExistingBackup();
      await until(w, 'done');
      expect(adapter.finishCalls.map((c) => c.opts?.backup)).to.deep.equal(['new-if-none', 'keep']);
    });
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

  it('reading the account is bounded: a hang ends in an explained, retryable failure', async () => {
    const adapter = fakeAdapter(snapshots.fresh);
    let calls = 0;
    const read = adapter.read.bind(adapter);
    adapter.read = () => (++calls === 1 ? new Promise(() => {}) : read());
    const w = new SetupWizard(adapter, 'setup', { readTimeoutMs: 20 });
    await w.start();
    expect(w.stage.kind).to.equal('load-failed');
    expect((w.stage as { failure: { kind: string } }).failure.kind).to.equal('timeout');
    w.retry();
    await until(w, 'explain');
  });

  it('"Ask me later" drops the key and ends the flow', async () => {
    const adapter = fakeAdapter(snapshots.fresh);
    const w = new SetupWizard(adapter);
    await w.start();
    w.continue();
    w.choose('key');
    await until(w, 'show-key');
    w.dismiss();
    expect(w.stage.kind).to.equal('dismissed');
    expect(w.holdsKey).to.equal(false);
    expect([...adapter.keys[0].generated.privateKey].every((b) => b === 0)).to.equal(true);
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
