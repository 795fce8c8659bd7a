// <xs-setup-wizard>'s flow after its first step: choosing and making the key, saving it, going back, and the
// decisions about a key backup this session cannot use; the commit itself is setup-wizard.commit.ts. Loaded right
// after the first step is shown (SetupWizard.start), so a click on that step finds it ready.
import { withTimeout } from '../internal/async.js';
import { describeFailure } from '../sdk/errors.js';
import { dropKey, situationOf, type SetupSnapshot } from '../sdk/setup.js';
import { CommitPhase } from './setup-wizard.commit.js';
import type { SetupWizard } from './setup-wizard.js';
import type { KeyMethod, SavedHow, WizardStage } from './setup-wizard.stages.js';

/** The later steps of one SetupWizard (it owns the key, the mode and the stage). */
export class LaterSteps {
  private readonly commitPhase: CommitPhase;

  constructor(private readonly w: SetupWizard) {
    this.commitPhase = new CommitPhase(w, () => this.proceed());
  }

  /** Whether a commit is still running (possibly in the background after "stop waiting"). */
  get commitRunning(): boolean {
    return this.commitPhase.running !== undefined;
  }

  commit(): Promise<void> {
    return this.commitPhase.commit();
  }

  // ——— on from where the account stands ———

  /** A reset's first step: what is kept and lost, stronger when no verified session would be left. */
  async resetWarning(snap: SetupSnapshot): Promise<WizardStage> {
    const w = this.w;
    const activeSession = snap.sessionVerified || (await withTimeout(w.adapter.hasActiveVerifiedSession(), w.opts.readTimeoutMs ?? 30_000, { what: 'reading the sessions' }));
    return { kind: 'reset-warning', activeSession };
  }

  /** From "already set up" / "keys missing": go to change-key or reset. */
  switchMode(mode: 'change-key' | 'reset'): void {
    void this.w.start(mode);
  }

  continue(): void {
    const w = this.w;
    if (w.stage.kind === 'explain') this.afterExplain();
    else if (w.stage.kind === 'reset-warning') w.set({ kind: 'reset-confirm', mismatch: false });
  }

  /** After the explanation: a backup this session cannot use is shown before anything else. */
  private afterExplain() {
    const w = this.w;
    const s = w.snapshot;
    if (w.mode === 'setup' && w.backupPlan === 'new-if-none' && s?.backupVersion && !s.backupKeyCached && !s.backupReplaceable) {
      return w.set({ kind: 'existing-backup', version: s.backupVersion });
    }
    this.proceed();
  }

  /** On to choosing a key, or, when the key exists already (a commit asked about the backup), back to the commit. */
  proceed(): void {
    if (this.w.key) void this.commit();
    else this.w.set({ kind: 'choose' });
  }

  confirmReset(typed: string, word: string): void {
    const w = this.w;
    if (w.stage.kind !== 'reset-confirm') return;
    if (typed.trim().toLocaleLowerCase() === word.trim().toLocaleLowerCase()) w.set({ kind: 'choose' });
    else w.set({ kind: 'reset-confirm', mismatch: true });
  }

  // ——— an existing key backup ———

  useExistingBackup(): void {
    const w = this.w;
    if (w.stage.kind === 'existing-backup' || w.stage.kind === 'done-without-backup') w.set({ kind: 'backup-key', problem: null, failure: null });
  }

  keepExistingBackup(): void {
    if (this.w.stage.kind !== 'existing-backup') return;
    this.w.backupPlan = 'keep';
    this.proceed();
  }

  replaceExistingBackup(): void {
    const s = this.w.stage;
    if (s.kind === 'existing-backup' || s.kind === 'done-without-backup') this.w.set({ kind: 'backup-replace-confirm', version: s.version });
  }

  confirmReplaceBackup(): void {
    if (this.w.stage.kind !== 'backup-replace-confirm') return;
    this.w.backupPlan = 'replace';
    this.proceed();
  }

  async submitBackupKey(text: string): Promise<void> {
    const w = this.w;
    if (w.stage.kind !== 'backup-key') return;
    if (!text.trim()) return w.set({ kind: 'backup-key', problem: 'malformed', failure: null });
    const gen = w.gen;
    w.set({ kind: 'connecting-backup' });
    await this.commitPhase.connectBackup(text, gen);
  }

  // ——— the key ———

  choose(method: KeyMethod): void {
    if (this.w.stage.kind !== 'choose') return;
    if (method === 'phrase') this.w.set({ kind: 'phrase' });
    else void this.generate(undefined);
  }

  submitPhrase(phrase: string): void {
    if (this.w.stage.kind !== 'phrase' || phrase.length === 0) return;
    void this.generate(phrase);
  }

  private async generate(phrase: string | undefined) {
    const w = this.w;
    const gen = ++w.gen;
    w.forgetKey();
    w.set({ kind: 'generating' });
    try {
      const key = await withTimeout(w.adapter.createKey(phrase), w.opts.readTimeoutMs ?? 30_000, { what: 'creating the key' });
      if (gen !== w.gen) return dropKey(key);
      w.key = key;
      w.set({ kind: 'show-key', saved: null, copyFailed: false });
    } catch (e) {
      if (gen === w.gen) w.set({ kind: 'generate-failed', failure: describeFailure(e) });
    }
  }

  markSaved(how: SavedHow): void {
    const w = this.w;
    if (w.stage.kind !== 'show-key') return;
    w.savedHow = how;
    w.set({ ...w.stage, saved: how, copyFailed: false });
  }

  markCopyFailed(): void {
    if (this.w.stage.kind === 'show-key') this.w.set({ ...this.w.stage, copyFailed: true });
  }

  toConfirm(): void {
    const s = this.w.stage;
    if (s.kind === 'show-key' && s.saved) this.w.set({ kind: 'confirm-key', mismatch: false });
  }

  confirmKey(typed: string): void {
    this.commitPhase.confirmKey(typed);
  }

  // ——— back, retry, cancel ———

  back(): void {
    const w = this.w;
    switch (w.stage.kind) {
      case 'phrase':
      case 'generate-failed':
      case 'show-key':
        w.forgetKey();
        return w.set({ kind: 'choose' });
      case 'confirm-key':
        return w.set({ kind: 'show-key', saved: w.savedHow ?? 'copy', copyFailed: false });
      case 'backup-key':
      case 'backup-replace-confirm':
        if (w.snapshot?.backupVersion) return w.set({ kind: 'existing-backup', version: w.snapshot.backupVersion });
        return;
      case 'existing-backup':
        return w.set({ kind: 'explain', repair: situationOf(w.snapshot!) === 'incomplete' });
      case 'choose':
        if (w.mode === 'reset') return w.set({ kind: 'reset-confirm', mismatch: false });
        if (w.mode === 'setup') {
          const s = w.snapshot;
          if (s?.backupVersion && !s.backupKeyCached && w.backupPlan !== 'replace') return w.set({ kind: 'existing-backup', version: s.backupVersion });
          return w.set({ kind: 'explain', repair: situationOf(w.snapshot!) === 'incomplete' });
        }
        w.mode = 'setup';
        return w.set({ kind: 'already-set-up' });
      default:
        return;
    }
  }

  /** Try again after a failed commit (the same key; joins a save still running), while saving (keep waiting), or after a failed key. */
  retry(): void {
    const w = this.w;
    const k = w.stage.kind;
    if ((k === 'commit-failed' || k === 'stopped-waiting') && w.key) void this.commitPhase.commit();
    else if (k === 'committing') this.commitPhase.keepWaiting();
    else if (k === 'generate-failed') w.set({ kind: 'choose' });
  }

  cancelCommit(): void {
    this.commitPhase.cancel();
  }

  end(): void {
    this.commitPhase.end();
  }
}
