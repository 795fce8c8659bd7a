// <xs-setup-wizard>'s flow as a plain state machine: set up (or repair), change the key, reset.
//
// The new secret-storage key lives in one field from the moment it is generated until the flow ends (done,
// dismissed, closed): it is never in a stage, an event or anywhere else, and `end()` zeroes it.
// A failed commit keeps the key, so "Try again" finishes with the same key the person saved.
//
// This module holds what the first steps need (where the account stands, choosing and making a key). Everything
// from "type the key back" on — the commit, its sign-in prompt and outcome — is the commit phase
// (setup-wizard.commit.ts), loaded while the key is being made.
import { withTimeout } from '../internal/async.js';
import { describeFailure } from '../sdk/errors.js';
import { dropKey, situationOf, type BackupPlan, type NewKey, type SetupAdapter, type SetupSnapshot } from '../sdk/setup.js';
import type { CommitPhase } from './setup-wizard.commit.js';
import type { KeyMethod, SavedHow, WizardMode, WizardOptions, WizardStage } from './setup-wizard.stages.js';

export type { KeyMethod, SavedHow, WizardMode, WizardOptions, WizardStage } from './setup-wizard.stages.js';

export class SetupWizard extends EventTarget {
  stage: WizardStage = { kind: 'loading' };
  mode: WizardMode;
  snapshot?: SetupSnapshot;
  private savedHow?: SavedHow;
  // ——— shared with the commit phase (setup-wizard.commit.ts); not for other callers ———
  /** @internal The new key, from generation until the flow ends. */
  key?: NewKey;
  /** @internal True once a reset of this run replaced the identity: a retry then only finishes the setup. */
  resetDone = false;
  /** @internal Which flow a pending answer belongs to (bumped by start, generate and end). */
  gen = 0;
  /** @internal What the commit does with the key backup (by mode, or the person's answer on the existing-backup step). */
  backupPlan: BackupPlan = 'new-if-none';
  /** @internal The person connected the existing backup with its key: restore from it after the commit. */
  restoreAfter = false;
  /** @internal The flow ended (closed, dismissed): a running commit finishes unobserved. */
  ended = false;
  /** The commit phase, once loaded (see the file comment). */
  private commitPhase?: CommitPhase;
  private phaseLoad?: Promise<CommitPhase>;

  constructor(
    /** @internal */ readonly adapter: SetupAdapter,
    mode: WizardMode = 'setup',
    /** @internal */ readonly opts: WizardOptions = {},
  ) {
    super();
    this.mode = mode;
  }

  /** Loads the commit phase (once; a failed load is tried again on the next call). */
  private loadPhase(): Promise<CommitPhase> {
    this.phaseLoad ??= import('./setup-wizard.commit.js').then(
      ({ CommitPhase }) => (this.commitPhase ??= new CommitPhase(this)),
      (e: unknown) => {
        this.phaseLoad = undefined;
        throw e;
      },
    );
    return this.phaseLoad;
  }

  /** @internal */
  set(stage: WizardStage) {
    this.stage = stage;
    this.dispatchEvent(new Event('change'));
  }

  /** The key's printable form while the person is saving it; undefined otherwise. */
  displayKey(): string | undefined {
    return this.stage.kind === 'show-key' ? this.key?.generated.encodedPrivateKey : undefined;
  }

  /** Whether a key is held in memory (for tests and the element's "key dropped" check). */
  get holdsKey(): boolean {
    return this.key !== undefined;
  }

  /** Whether a commit of this wizard is still running (possibly in the background after "stop waiting"). */
  get commitRunning(): boolean {
    return this.commitPhase?.running !== undefined;
  }

  private defaultPlan(mode: WizardMode): BackupPlan {
    return mode === 'change-key' ? 'keep' : mode === 'reset' ? 'replace' : 'new-if-none';
  }

  /** Reads the account and goes to the first step of `mode`. */
  async start(mode: WizardMode = this.mode): Promise<void> {
    if (this.commitRunning) return; // a commit is running: its outcome decides the screen
    const gen = ++this.gen;
    this.ended = false;
    this.mode = mode;
    this.forgetKey();
    this.resetDone = false;
    this.restoreAfter = false;
    this.backupPlan = this.defaultPlan(mode);
    this.set({ kind: 'loading' });
    try {
      const next = await this.derive(mode);
      if (gen === this.gen) this.set(next);
    } catch (e) {
      if (gen === this.gen) this.set({ kind: 'load-failed', failure: describeFailure(e) });
    }
  }

  /** The first stage of `mode` for the account as it is now. */
  private async derive(mode: WizardMode): Promise<WizardStage> {
    const snap = await withTimeout(this.adapter.read(), this.opts.readTimeoutMs ?? 30_000, { what: 'reading the account' });
    this.snapshot = snap;
    if (mode === 'reset') {
      const activeSession = snap.sessionVerified || (await withTimeout(this.adapter.hasActiveVerifiedSession(), this.opts.readTimeoutMs ?? 30_000, { what: 'reading the sessions' }));
      return { kind: 'reset-warning', activeSession };
    }
    switch (situationOf(snap)) {
      case 'keys-missing':
        return { kind: 'keys-missing' };
      case 'complete':
        return mode === 'change-key' ? { kind: 'choose' } : { kind: 'already-set-up' };
      case 'incomplete':
        this.mode = 'setup';
        return { kind: 'explain', repair: true };
      case 'not-set-up':
        this.mode = 'setup';
        return { kind: 'explain', repair: false };
    }
  }

  /**
   * The account changed elsewhere (another element, another session, another app). Stages that only describe
   * where the account stands are derived again; a flow in progress (a key shown, a commit) is left alone — its
   * commit re-reads the account before it writes anything.
   */
  async accountChanged(): Promise<void> {
    const k = this.stage.kind;
    if (!['already-set-up', 'keys-missing', 'explain', 'load-failed', 'dismissed', 'existing-backup'].includes(k) || this.commitRunning) return;
    if (k === 'dismissed' || (k === 'explain' && this.mode !== 'setup')) return;
    const gen = this.gen;
    try {
      const next = await this.derive(this.mode === 'change-key' ? 'setup' : this.mode);
      if (gen !== this.gen || this.stage.kind !== k) return;
      if (JSON.stringify(next) !== JSON.stringify(this.stage)) this.set(next);
    } catch {
      /* a failed re-read leaves the screen as it was; the next change reads again */
    }
  }

  /** From "already set up" / "keys missing": go to change-key or reset. */
  switchMode(mode: 'change-key' | 'reset'): void {
    void this.start(mode);
  }

  continue(): void {
    if (this.stage.kind === 'explain') this.afterExplain();
    else if (this.stage.kind === 'reset-warning') this.set({ kind: 'reset-confirm', mismatch: false });
  }

  /** After the explanation: a backup this session cannot use is shown before anything else. */
  private afterExplain() {
    const s = this.snapshot;
    if (this.mode === 'setup' && this.backupPlan === 'new-if-none' && s?.backupVersion && !s.backupKeyCached && !s.backupReplaceable) {
      return this.set({ kind: 'existing-backup', version: s.backupVersion });
    }
    this.proceed();
  }

  /** @internal On to choosing a key, or, when the key exists already (a commit asked about the backup), back to the commit. */
  proceed() {
    if (this.key) void this.commit();
    else this.set({ kind: 'choose' });
  }

  /** The commit with the key held; the phase is loaded with the key, so this normally runs at once. */
  private commit(): Promise<void> {
    if (this.commitPhase) return this.commitPhase.commit();
    return this.loadPhase().then((p) => p.commit());
  }

  // ——— an existing key backup ———

  /** "Restore from it": type its recovery key. */
  useExistingBackup(): void {
    if (this.stage.kind === 'existing-backup' || this.stage.kind === 'done-without-backup') this.set({ kind: 'backup-key', problem: null, failure: null });
  }

  /** "Keep it": set up without touching it; the end screen says the backup is not connected. */
  keepExistingBackup(): void {
    if (this.stage.kind !== 'existing-backup') return;
    this.backupPlan = 'keep';
    this.proceed();
  }

  /** "Replace it": asks for explicit consent first. */
  replaceExistingBackup(): void {
    const s = this.stage;
    if (s.kind === 'existing-backup' || s.kind === 'done-without-backup') this.set({ kind: 'backup-replace-confirm', version: s.version });
  }

  /** Consent given: the old backup is deleted and a new one made during the commit. */
  confirmReplaceBackup(): void {
    if (this.stage.kind !== 'backup-replace-confirm') return;
    this.backupPlan = 'replace';
    this.proceed();
  }

  /** Checks the typed recovery key against the existing backup and connects it. */
  async submitBackupKey(text: string): Promise<void> {
    if (this.stage.kind !== 'backup-key') return;
    if (!text.trim()) return this.set({ kind: 'backup-key', problem: 'malformed', failure: null });
    const gen = this.gen;
    this.set({ kind: 'connecting-backup' });
    let phase: CommitPhase;
    try {
      phase = await this.loadPhase();
    } catch (e) {
      if (gen === this.gen) this.set({ kind: 'backup-key', problem: null, failure: describeFailure(e) });
      return;
    }
    await phase.connectBackup(text, gen);
  }

  /** "Ask me later" (and Close): ends the flow; `restart()` or `start()` brings it back. */
  dismiss(): void {
    this.end();
    this.set({ kind: 'dismissed' });
  }

  /** Typed confirmation of a reset: `typed` must equal `word` (case- and surrounding-space-insensitive). */
  confirmReset(typed: string, word: string): void {
    if (this.stage.kind !== 'reset-confirm') return;
    if (typed.trim().toLocaleLowerCase() === word.trim().toLocaleLowerCase()) this.set({ kind: 'choose' });
    else this.set({ kind: 'reset-confirm', mismatch: true });
  }

  choose(method: KeyMethod): void {
    if (this.stage.kind !== 'choose') return;
    if (method === 'phrase') this.set({ kind: 'phrase' });
    else void this.generate(undefined);
  }

  /** Back one step. */
  back(): void {
    switch (this.stage.kind) {
      case 'phrase':
      case 'generate-failed':
      case 'show-key':
        this.forgetKey();
        return this.set({ kind: 'choose' });
      case 'confirm-key':
        return this.set({ kind: 'show-key', saved: this.savedHow ?? 'copy', copyFailed: false });
      case 'backup-key':
      case 'backup-replace-confirm':
        if (this.snapshot?.backupVersion) return this.set({ kind: 'existing-backup', version: this.snapshot.backupVersion });
        return;
      case 'existing-backup':
        return this.set({ kind: 'explain', repair: situationOf(this.snapshot!) === 'incomplete' });
      case 'choose':
        if (this.mode === 'reset') return this.set({ kind: 'reset-confirm', mismatch: false });
        if (this.mode === 'setup') {
          const s = this.snapshot;
          if (s?.backupVersion && !s.backupKeyCached && this.backupPlan !== 'replace') return this.set({ kind: 'existing-backup', version: s.backupVersion });
          return this.set({ kind: 'explain', repair: situationOf(this.snapshot!) === 'incomplete' });
        }
        this.mode = 'setup';
        return this.set({ kind: 'already-set-up' });
      default:
        return;
    }
  }

  /** The Security Phrase, exactly as typed. Used once to derive the key, then forgotten. */
  submitPhrase(phrase: string): void {
    if (this.stage.kind !== 'phrase' || phrase.length === 0) return;
    void this.generate(phrase);
  }

  private async generate(phrase: string | undefined) {
    const gen = ++this.gen;
    this.forgetKey();
    this.set({ kind: 'generating' });
    // Every step after this one is the commit phase: it loads while the key is made.
    const phase = this.loadPhase();
    phase.catch(() => undefined);
    try {
      const key = await withTimeout(this.adapter.createKey(phrase), this.opts.readTimeoutMs ?? 30_000, { what: 'creating the key' });
      if (gen !== this.gen) return dropKey(key);
      try {
        await phase;
      } catch (e) {
        dropKey(key);
        throw e;
      }
      if (gen !== this.gen) return dropKey(key);
      this.key = key;
      this.set({ kind: 'show-key', saved: null, copyFailed: false });
    } catch (e) {
      if (gen === this.gen) this.set({ kind: 'generate-failed', failure: describeFailure(e) });
    }
  }

  /** The key was copied, downloaded or printed. */
  markSaved(how: SavedHow): void {
    if (this.stage.kind !== 'show-key') return;
    this.savedHow = how;
    this.set({ ...this.stage, saved: how, copyFailed: false });
  }

  /** The clipboard refused: the element selects the key for a manual copy. */
  markCopyFailed(): void {
    if (this.stage.kind === 'show-key') this.set({ ...this.stage, copyFailed: true });
  }

  /** From show-key (once saved) to typing the key back. */
  toConfirm(): void {
    if (this.stage.kind === 'show-key' && this.stage.saved) this.set({ kind: 'confirm-key', mismatch: false });
  }

  /** The key typed back (whitespace-tolerant). A match starts the commit. */
  confirmKey(typed: string): void {
    this.commitPhase?.confirmKey(typed); // a key exists only once the phase is loaded (generate)
  }

  /** Try again: after a failure, the same key and flow (joining a save still running); while saving, keep waiting. */
  retry(): void {
    const k = this.stage.kind;
    if ((k === 'commit-failed' || k === 'stopped-waiting') && this.key) void this.commit();
    else if (k === 'committing') this.commitPhase?.keepWaiting();
    else if (k === 'load-failed' || k === 'reset-cancelled') void this.start(this.mode);
    else if (k === 'generate-failed') this.set({ kind: 'choose' });
  }

  /** Cancel during a commit: at the sign-in prompt the request is cancelled; while saving, stop waiting (the key stays). */
  cancelCommit(): void {
    this.commitPhase?.cancel();
  }

  /** Ends the flow (close, disconnect): drops the key and stops timers. A running commit finishes unobserved. */
  end(): void {
    this.gen++;
    this.ended = true;
    this.commitPhase?.end();
    this.forgetKey();
  }

  /** @internal */
  forgetKey() {
    dropKey(this.key);
    this.key = undefined;
    this.savedHow = undefined;
  }
}
