import { expect } from '@open-wc/testing';
import { ENCODED, fakeAdapter, snapshots, toCommit, until } from '../../test/support/setup-fakes.js';
import type { SetupSnapshot } from '../sdk/setup.js';
import { BackupDecisionNeededError, BackupKeyMismatchError } from '../sdk/setup-errors.js';
import { NotARecoveryKeyError } from '../sdk/setup-reset.js';
import { SetupWizard, type WizardStage } from './setup-wizard.js';

// The flow up to a key and the existing-backup decisions; the commit and its sign-in prompt: setup-wizard.commit.test.ts.
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

});
