// <xs-setup-wizard>'s flow from the moment a key exists: typing it back, the commit (with its sign-in prompt,
// stall and rate-limit states), and its outcome — plus connecting a key backup another app made. Loaded with the
// later steps (setup-wizard.steps.ts) once the first step is shown; the first step (setup-wizard.ts) does without it.
//
// One commit at a time: a Try again (or a second confirm) while this wizard's commit still runs waits for that
// commit instead of starting another; the adapter queues commits of other elements on the same client
// (commit-lock.ts). "Done" is only reached after the adapter read the end state back from the server.
import { describeFailure } from '../sdk/errors.js';
import { NotARecoveryKeyError } from '../sdk/setup-reset.js';
import { sameRecoveryKey } from '../sdk/setup-commit.js';
import { AlreadySetUpError, BackupDecisionNeededError, BackupKeyMismatchError, IdentityExistsError, SetupIncompleteError } from '../sdk/setup-errors.js';
import type { CommitStep, FinishResult, NewKey } from '../sdk/setup.js';
import type { AuthDict } from '../sdk/uia.js';
import type { SetupWizard } from './setup-wizard.js';
import type { KeyMethod } from './setup-wizard.stages.js';
import { UiaSession, type UiaStage } from './uia.js';

const PERSON_STAGES: UiaStage['kind'][] = ['password', 'fallback', 'oauth', 'rate-limited', 'failed'];

/** The commit of one SetupWizard (it owns the key, the mode and the stage; this owns the running commit). */
export class CommitPhase {
  private step: CommitStep = 'storage';
  private stallTimer?: unknown;
  private uia?: UiaSession<void>;
  /** The commit that is still running (a retry waits for it), and whether the screen follows it. */
  running?: Promise<FinishResult>;
  private following = false;
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly clearTimer: (t: unknown) => void;

  constructor(
    private readonly w: SetupWizard,
    /** On to choosing a key, or back to the commit (LaterSteps.proceed). */
    private readonly proceed: () => void,
  ) {
    this.setTimer = w.opts.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearTimer = w.opts.clearTimer ?? ((t) => clearTimeout(t as ReturnType<typeof setTimeout>));
  }

  /** The key typed back (whitespace-tolerant). A match starts the commit. */
  confirmKey(typed: string): void {
    const w = this.w;
    if (w.stage.kind !== 'confirm-key' || !w.key) return;
    if (!sameRecoveryKey(typed, w.key.generated.encodedPrivateKey ?? '')) return w.set({ kind: 'confirm-key', mismatch: true });
    void this.commit();
  }

  /** While saving, after "still saving…": never a second save beside the first — wait for the one running, and say so. */
  keepWaiting(): void {
    const s = this.w.stage;
    if (s.kind !== 'committing' || !s.stalled) return;
    this.w.set({ ...s, stalled: false, joined: true });
    this.armStall();
  }

  /**
   * Cancel during a commit. At the sign-in prompt the request is cancelled (a reset then changes nothing); while a
   * request is under way it cannot be taken back, so the wizard stops waiting and keeps the key for Try again.
   */
  cancel(): void {
    const w = this.w;
    if (w.stage.kind === 'auth') {
      this.uia?.cancel(); // the commit ends with AbortError; commit() says what it means
      return;
    }
    if (w.stage.kind !== 'committing') return;
    this.clearStall();
    this.following = false;
    w.set({ kind: 'stopped-waiting' });
  }

  /** The flow ended (close, disconnect): stop timers and the prompt. A running commit finishes unobserved. */
  end(): void {
    this.following = false;
    this.clearStall();
    this.uia?.cancel();
    this.uia = undefined;
  }

  /** Checks the typed recovery key against the existing backup and connects it; `gen` is the flow it belongs to. */
  async connectBackup(text: string, gen: number): Promise<void> {
    const w = this.w;
    try {
      await w.adapter.connectBackup(text);
      if (gen !== w.gen) return;
      w.backupPlan = 'new-if-none';
      w.restoreAfter = true;
      this.proceed();
    } catch (e) {
      if (gen !== w.gen) return;
      if (e instanceof NotARecoveryKeyError) return w.set({ kind: 'backup-key', problem: 'malformed', failure: null });
      if (e instanceof BackupKeyMismatchError) return w.set({ kind: 'backup-key', problem: 'mismatch', failure: null });
      w.set({ kind: 'backup-key', problem: null, failure: describeFailure(e) });
    }
  }

  private clearStall() {
    if (this.stallTimer !== undefined) this.clearTimer(this.stallTimer);
    this.stallTimer = undefined;
  }

  private armStall() {
    this.clearStall();
    this.stallTimer = this.setTimer(() => {
      this.stallTimer = undefined;
      if (this.w.stage.kind === 'committing') this.w.set({ ...this.w.stage, stalled: true });
    }, this.w.opts.stallMs ?? 15_000);
  }

  private onStep(step: CommitStep) {
    this.step = step;
    if (!this.following) return;
    if (this.w.stage.kind === 'committing' || this.w.stage.kind === 'auth') {
      this.w.set({ kind: 'committing', step, stalled: false, joined: false });
      this.armStall();
    }
  }

  /** The UIA callback for the SDK: renders the prompt while the wizard is alive; a closed wizard cancels. */
  private authFor() {
    const w = this.w;
    return async (makeRequest: (auth: AuthDict | null) => Promise<void>): Promise<void> => {
      if (w.ended) throw new DOMException('the setup was closed', 'AbortError');
      const uia = new UiaSession<void>({
        request: makeRequest,
        userId: w.adapter.userId,
        fallbackUrl: (stage, session) => w.adapter.fallbackUrl(stage, session),
      });
      this.uia = uia;
      const onChange = () => {
        if (w.ended) return;
        if (PERSON_STAGES.includes(uia.stage.kind)) {
          this.clearStall();
          this.following = true; // the save needs the person: show it even after "stop waiting"
          if (w.stage.kind !== 'auth') w.set({ kind: 'auth', uia, step: this.step });
        } else if (w.stage.kind === 'auth' && uia.stage.kind === 'done') {
          // While the server checks a password the prompt stays (it shows "Checking…"), so focus and errors stay in place.
          w.set({ kind: 'committing', step: this.step, stalled: false, joined: false });
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
    const w = this.w;
    const auth = this.authFor();
    if (w.mode === 'reset' && !w.resetDone) {
      await w.adapter.resetIdentity(auth);
      w.resetDone = true; // the identity WAS replaced, whether or not anyone still watches
    }
    return w.adapter.finishSetup(key, auth, {
      allowNewIdentity: w.mode === 'reset',
      backup: w.backupPlan,
      setupOnly: w.mode === 'setup',
      onStep: (s) => this.onStep(s),
    });
  }

  /** Commits with the key held (a Try again with the same key; joins a commit still running). */
  async commit(): Promise<void> {
    const w = this.w;
    const key = w.key;
    if (!key) return;
    const first: CommitStep = w.mode === 'reset' && !w.resetDone ? 'reset' : 'storage';
    this.step = first;
    this.following = true;
    w.set({ kind: 'committing', step: first, stalled: false, joined: this.running !== undefined });
    this.armStall();
    if (this.running) return; // joined: the running commit's outcome ends this wait (see below)
    // A 429 during the save: the SDK waits it out (capped, rate-limit.ts); the screen counts down instead of hanging.
    const offRateLimit = w.adapter.onRateLimited?.((until) => {
      if (w.stage.kind === 'committing') w.set({ ...w.stage, retryAt: until });
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
    if (w.ended) return;
    this.clearStall();
    // Even after "stop waiting" the screen follows the outcome: it is the truth about the account.
    if (result) return this.finished(key, result);
    this.failed(error);
  }

  private failed(e: unknown) {
    const w = this.w;
    if (e instanceof AlreadySetUpError) {
      // Set up meanwhile by another element or app: this key is not needed; show where the account stands.
      void w.start('setup');
      return;
    }
    if (e instanceof BackupDecisionNeededError) return w.set({ kind: 'existing-backup', version: e.version });
    const failure = describeFailure(e);
    if (failure.kind === 'aborted' && w.mode === 'reset' && !w.resetDone) {
      // Cancelled at the sign-in prompt of a reset: nothing was changed (setup-reset.ts asks before it changes).
      w.forgetKey();
      return w.set({ kind: 'reset-cancelled' });
    }
    w.set({
      kind: 'commit-failed',
      failure,
      gaps: e instanceof SetupIncompleteError ? e.gaps : [],
      identityExists: e instanceof IdentityExistsError,
    });
  }

  private async finished(key: NewKey, result: FinishResult) {
    const w = this.w;
    const method: KeyMethod = key.fromPassphrase ? 'phrase' : 'key';
    if (result.accepted.length) {
      // The existing backup stays unconnected by choice: the key stays for "connect it" / "replace it".
      return w.set({ kind: 'done-without-backup', mode: w.mode, version: w.snapshot?.backupVersion ?? '' });
    }
    let restored: number | null = null;
    if (w.restoreAfter) {
      w.restoreAfter = false;
      w.set({ kind: 'restoring', done: 0, total: 0 });
      try {
        const r = await w.adapter.restoreBackup((done, total) => {
          if (w.stage.kind === 'restoring') w.set({ kind: 'restoring', done, total });
        });
        restored = r.imported;
      } catch {
        restored = -1;
      }
      if (w.ended) return;
    }
    w.forgetKey();
    w.set({ kind: 'done', mode: w.mode, method, restored });
  }
}
