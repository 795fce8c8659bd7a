// <xs-setup-wizard>'s flow as a plain state machine: set up (or repair), change the key, reset.
//
// The new secret-storage key lives in one private field from the moment it is generated until the flow ends
// (done, dismissed, closed): it is never in a stage, an event or anywhere else, and `end()` zeroes it.
// A failed commit keeps the key, so "Try again" finishes with the same key the person saved.
//
// One commit at a time: a Try again (or a second confirm) while this wizard's commit still runs waits for that
// commit instead of starting another; the adapter queues commits of other elements on the same client
// (commit-lock.ts). "Done" is only reached after the adapter read the end state back from the server.
import { withTimeout } from '../internal/async.js';
import { describeFailure } from '../sdk/errors.js';
import { NotARecoveryKeyError } from '../sdk/setup-reset.js';
import {
  AlreadySetUpError,
  BackupDecisionNeededError,
  BackupKeyMismatchError,
  IdentityExistsError,
  SetupIncompleteError,
  type BackupPlan,
  type FinishResult,
  dropKey,
  situationOf,
  type CommitStep,
  type NewKey,
  type SetupAdapter,
  type SetupSnapshot,
} from '../sdk/setup.js';
import { sameRecoveryKey } from '../sdk/setup-commit.js';
import type { AuthDict } from '../sdk/uia.js';
import type { KeyMethod, SavedHow, WizardMode, WizardOptions, WizardStage } from './setup-wizard.stages.js';
import { UiaSession, type UiaStage } from './uia.js';

export type { KeyMethod, SavedHow, WizardMode, WizardOptions, WizardStage } from './setup-wizard.stages.js';

const PERSON_STAGES: UiaStage['kind'][] = ['password', 'fallback', 'oauth', 'rate-limited', 'failed'];

export class SetupWizard extends EventTarget {
  stage: WizardStage = { kind: 'loading' };
  mode: WizardMode;
  snapshot?: SetupSnapshot;
  /** True once a reset of this run replaced the identity: a retry then only finishes the setup. */
  private resetDone = false;
  private key?: NewKey;
  private savedHow?: SavedHow;
  private gen = 0;
  private step: CommitStep = 'storage';
  private stallTimer?: unknown;
  private uia?: UiaSession<void>;
  /** What the commit does with the key backup (by mode, or the person's answer on the existing-backup step). */
  private backupPlan: BackupPlan = 'new-if-none';
  /** The person connected the existing backup with its key: restore from it after the commit. */
  private restoreAfter = false;
  /** The commit of this wizard that is still running (a retry waits for it), and whether the screen follows it. */
  private running?: Promise<FinishResult>;
  private following = false;
  private ended = false;
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly clearTimer: (t: unknown) => void;

  constructor(
    private readonly adapter: SetupAdapter,
    mode: WizardMode = 'setup',
    private readonly opts: WizardOptions = {},
  ) {
    super();
    this.mode = mode;
    this.setTimer = opts.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearTimer = opts.clearTimer ?? ((t) => clearTimeout(t as ReturnType<typeof setTimeout>));
  }

  private set(stage: WizardStage) {
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
    return this.running !== undefined;
  }

  private defaultPlan(mode: WizardMode): BackupPlan {
    return mode === 'change-key' ? 'keep' : mode === 'reset' ? 'replace' : 'new-if-none';
  }

  /** Reads the account and goes to the first step of `mode`. */
  async start(mode: WizardMode = this.mode): Promise<void> {
    if (this.running) return; // a commit is running: its outcome decides the screen
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
    if (!['already-set-up', 'keys-missing', 'explain', 'load-failed', 'dismissed', 'existing-backup'].includes(k) || this.running) return;
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

  /** On to choosing a key, or, when the key exists already (a commit asked about the backup), back to the commit. */
  private proceed() {
    if (this.key) void this.commit();
    else this.set({ kind: 'choose' });
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
    try {
      await this.adapter.connectBackup(text);
      if (gen !== this.gen) return;
      this.backupPlan = 'new-if-none';
      this.restoreAfter = true;
      this.proceed();
    } catch (e) {
      if (gen !== this.gen) return;
      if (e instanceof NotARecoveryKeyError) return this.set({ kind: 'backup-key', problem: 'malformed', failure: null });
      if (e instanceof BackupKeyMismatchError) return this.set({ kind: 'backup-key', problem: 'mismatch', failure: null });
      this.set({ kind: 'backup-key', problem: null, failure: describeFailure(e) });
    }
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
    try {
      const key = await withTimeout(this.adapter.createKey(phrase), this.opts.readTimeoutMs ?? 30_000, { what: 'creating the key' });
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
    if (this.stage.kind !== 'confirm-key' || !this.key) return;
    if (!sameRecoveryKey(typed, this.key.generated.encodedPrivateKey ?? '')) return this.set({ kind: 'confirm-key', mismatch: true });
    void this.commit();
  }

  /** Try again: after a failure, the same key and flow (joining a save still running); while saving, keep waiting. */
  retry(): void {
    const k = this.stage.kind;
    if ((k === 'commit-failed' || k === 'stopped-waiting') && this.key) void this.commit();
    else if (k === 'committing' && this.stage.kind === 'committing' && this.stage.stalled) {
      // Never a second save beside the first: wait for the one running, and say so.
      this.set({ ...this.stage, stalled: false, joined: true });
      this.armStall();
    } else if (k === 'load-failed' || k === 'reset-cancelled') void this.start(this.mode);
    else if (k === 'generate-failed') this.set({ kind: 'choose' });
  }

  /**
   * Cancel during a commit. At the sign-in prompt the request is cancelled (a reset then changes nothing); while a
   * request is under way it cannot be taken back, so the wizard stops waiting and keeps the key for Try again.
   */
  cancelCommit(): void {
    if (this.stage.kind === 'auth') {
      this.uia?.cancel(); // the commit ends with AbortError; commit() says what it means
      return;
    }
    if (this.stage.kind !== 'committing') return;
    this.clearStall();
    this.following = false;
    this.set({ kind: 'stopped-waiting' });
  }

  /** Ends the flow (close, disconnect): drops the key and stops timers. A running commit finishes unobserved. */
  end(): void {
    this.gen++;
    this.ended = true;
    this.following = false;
    this.clearStall();
    this.uia?.cancel();
    this.uia = undefined;
    this.forgetKey();
  }

  private forgetKey() {
    dropKey(this.key);
    this.key = undefined;
    this.savedHow = undefined;
  }

  private clearStall() {
    if (this.stallTimer !== undefined) this.clearTimer(this.stallTimer);
    this.stallTimer = undefined;
  }

  private armStall() {
    this.clearStall();
    this.stallTimer = this.setTimer(() => {
      this.stallTimer = undefined;
      if (this.stage.kind === 'committing') this.set({ ...this.stage, stalled: true });
    }, this.opts.stallMs ?? 15_000);
  }

  private onStep(step: CommitStep) {
    this.step = step;
    if (!this.following) return;
    if (this.stage.kind === 'committing' || this.stage.kind === 'auth') {
      this.set({ kind: 'committing', step, stalled: false, joined: false });
      this.armStall();
    }
  }

  /** The UIA callback for the SDK: renders the prompt while the wizard is alive; a closed wizard cancels. */
  private authFor() {
    return async (makeRequest: (auth: AuthDict | null) => Promise<void>): Promise<void> => {
      if (this.ended) throw new DOMException('the setup was closed', 'AbortError');
      const uia = new UiaSession<void>({
        request: makeRequest,
        userId: this.adapter.userId,
        fallbackUrl: (stage, session) => this.adapter.fallbackUrl(stage, session),
      });
      this.uia = uia;
      const onChange = () => {
        if (this.ended) return;
        if (PERSON_STAGES.includes(uia.stage.kind)) {
          this.clearStall();
          this.following = true; // the save needs the person: show it even after "stop waiting"
          if (this.stage.kind !== 'auth') this.set({ kind: 'auth', uia, step: this.step });
        } else if (this.stage.kind === 'auth' && uia.stage.kind === 'done') {
          // While the server checks a password the prompt stays (it shows "Checking…"), so focus and errors stay in place.
          this.set({ kind: 'committing', step: this.step, stalled: false, joined: false });
          this.armStall();
        }
      };
      uia.addEventListener('change', onChange);
      try {
        return await uia.run();
      } finally {
        uia.removeEventListener('change', onChange);
        if (this.uia === uia) this.uia = undefined;
      }
    };
  }

  /** The adapter's work for one commit: the reset (once per flow), then the set-up with its read-back. */
  private async work(key: NewKey): Promise<FinishResult> {
    const auth = this.authFor();
    if (this.mode === 'reset' && !this.resetDone) {
      await this.adapter.resetIdentity(auth);
      this.resetDone = true; // the identity WAS replaced, whether or not anyone still watches
    }
    return this.adapter.finishSetup(key, auth, {
      allowNewIdentity: this.mode === 'reset',
      backup: this.backupPlan,
      setupOnly: this.mode === 'setup',
      onStep: (s) => this.onStep(s),
    });
  }

  private async commit(): Promise<void> {
    const key = this.key;
    if (!key) return;
    const first: CommitStep = this.mode === 'reset' && !this.resetDone ? 'reset' : 'storage';
    this.step = first;
    this.following = true;
    this.set({ kind: 'committing', step: first, stalled: false, joined: this.running !== undefined });
    this.armStall();
    if (this.running) return; // joined: the running commit's outcome ends this wait (see below)
    // A 429 during the save: the SDK waits it out (capped, rate-limit.ts); the screen counts down instead of hanging.
    const offRateLimit = this.adapter.onRateLimited?.((until) => {
      if (this.stage.kind === 'committing') this.set({ ...this.stage, retryAt: until });
    });
    const run = this.work(key);
    this.running = run;
    let result: FinishResult | undefined;
    let error: unknown;
    try {
      result = await run;
    } catch (e) {
      error = e;
    } finally {
      this.running = undefined;
      offRateLimit?.();
    }
    if (this.ended) return;
    this.clearStall();
    // Even after "stop waiting" the screen follows the outcome: it is the truth about the account.
    if (result) return this.finished(key, result);
    this.failed(error);
  }

  private failed(e: unknown) {
    if (e instanceof AlreadySetUpError) {
      // Set up meanwhile by another element or app: this key is not needed; show where the account stands.
      void this.start('setup');
      return;
    }
    if (e instanceof BackupDecisionNeededError) return this.set({ kind: 'existing-backup', version: e.version });
    const failure = describeFailure(e);
    if (failure.kind === 'aborted' && this.mode === 'reset' && !this.resetDone) {
      // Cancelled at the sign-in prompt of a reset: nothing was changed (setup-reset.ts asks before it changes).
      this.forgetKey();
      return this.set({ kind: 'reset-cancelled' });
    }
    this.set({
      kind: 'commit-failed',
      failure,
      gaps: e instanceof SetupIncompleteError ? e.gaps : [],
      identityExists: e instanceof IdentityExistsError,
    });
  }

  private async finished(key: NewKey, result: FinishResult) {
    const method: KeyMethod = key.fromPassphrase ? 'phrase' : 'key';
    if (result.accepted.length) {
      // The existing backup stays unconnected by choice: the key stays for "connect it" / "replace it".
      return this.set({ kind: 'done-without-backup', mode: this.mode, version: this.snapshot?.backupVersion ?? '' });
    }
    let restored: number | null = null;
    if (this.restoreAfter) {
      this.restoreAfter = false;
      this.set({ kind: 'restoring', done: 0, total: 0 });
      try {
        const r = await this.adapter.restoreBackup((done, total) => {
          if (this.stage.kind === 'restoring') this.set({ kind: 'restoring', done, total });
        });
        restored = r.imported;
      } catch {
        restored = -1;
      }
      if (this.ended) return;
    }
    this.forgetKey();
    this.set({ kind: 'done', mode: this.mode, method, restored });
  }
}
