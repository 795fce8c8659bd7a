// <xs-setup-wizard>'s flow as a plain state machine: set up (or repair), change the key, reset.
//
// The new secret-storage key lives in one field from the moment it is generated until the flow ends (done,
// dismissed, closed): it is never in a stage, an event or anywhere else, and `end()` zeroes it.
// A failed commit keeps the key, so "Try again" finishes with the same key the person saved.
//
// This module holds what the first step needs: where the account stands. The steps after it — the reset's typed
// confirmation, making and saving the key, an existing backup (setup-wizard.steps.ts), the commit and its outcome
// (setup-wizard.commit.ts) — load once the first step is shown; the methods for them below hand over to those
// modules.
import { withTimeout } from '../internal/async.js';
import { describeFailure } from '../sdk/errors.js';
import { dropKey, situationOf, type BackupPlan, type NewKey, type SetupAdapter, type SetupSnapshot } from '../sdk/setup.js';
import type { LaterSteps } from './setup-wizard.steps.js';
import type { KeyMethod, SavedHow, WizardMode, WizardOptions, WizardStage } from './setup-wizard.stages.js';

export type { KeyMethod, SavedHow, WizardMode, WizardOptions, WizardStage } from './setup-wizard.stages.js';

/** The intents only the later steps handle (setup-wizard.steps.ts `LaterSteps`, same names). */
const LATER = ['switchMode', 'submitBackupKey', 'cancelCommit', 'continue', 'useExistingBackup', 'keepExistingBackup', 'replaceExistingBackup', 'confirmReplaceBackup', 'confirmReset', 'choose', 'back', 'submitPhrase', 'markSaved', 'markCopyFailed', 'toConfirm', 'confirmKey'] as const satisfies readonly (keyof LaterSteps)[];

export class SetupWizard extends EventTarget {
  stage: WizardStage = { kind: 'loading' };
  mode: WizardMode;
  snapshot?: SetupSnapshot;
  // ——— shared with the later steps (setup-wizard.steps.ts, .commit.ts); not for other callers ———
  /** @internal How the person saved the key. */
  savedHow?: SavedHow;
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
  /** The later steps, once loaded (see the file comment). */
  private later?: LaterSteps;
  private laterLoad?: Promise<LaterSteps>;

  constructor(
    /** @internal */ readonly adapter: SetupAdapter,
    mode: WizardMode = 'setup',
    /** @internal */ readonly opts: WizardOptions = {},
  ) {
    super();
    this.mode = mode;
  }

  /** Loads the later steps (once; a failed load is tried again on the next call). */
  private loadLater(): Promise<LaterSteps> {
    if (!this.laterLoad) {
      this.laterLoad = import('./setup-wizard.steps.js').then(
        ({ LaterSteps }) => (this.later ??= new LaterSteps(this)),
        (e: unknown) => {
          this.laterLoad = undefined;
          throw e;
        },
      );
      this.opts.trackLoad?.(this.laterLoad.catch(() => undefined));
    }
    return this.laterLoad;
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
    return this.later?.commitRunning ?? false;
  }

  private defaultPlan(mode: WizardMode): BackupPlan {
    return mode === 'change-key' ? 'keep' : mode === 'reset' ? 'replace' : 'new-if-none';
  }

  /** Reads the account and goes to the first step of `mode`; resolves once the later steps are loaded too. */
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
    // Shown: now the steps a click on it leads to (a failed load is tried again by that click).
    await this.loadLater().catch(() => undefined);
  }

  /** The first stage of `mode` for the account as it is now. */
  private async derive(mode: WizardMode): Promise<WizardStage> {
    const snap = await withTimeout(this.adapter.read(), this.opts.readTimeoutMs ?? 30_000, { what: 'reading the account' });
    this.snapshot = snap;
    // A reset's first step is a later step: its warning (and the read of the other sessions it needs) comes with them.
    if (mode === 'reset') return (await this.loadLater()).resetWarning(snap);
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
    if (!['already-set-up', 'keys-missing', 'explain', 'load-failed', 'existing-backup'].includes(k) || this.commitRunning) return;
    if (k === 'explain' && this.mode !== 'setup') return;
    const gen = this.gen;
    try {
      const next = await this.derive(this.mode === 'change-key' ? 'setup' : this.mode);
      if (gen !== this.gen || this.stage.kind !== k) return;
      if (JSON.stringify(next) !== JSON.stringify(this.stage)) this.set(next);
    } catch {
      /* a failed re-read leaves the screen as it was; the next change reads again */
    }
  }

  // ——— the intents of the later steps: each runs at once when they are loaded (start() loads them), else when they are
  // (its promise: for `submitBackupKey`, whose answer callers wait for) — the methods are made in the static block ———

  /** From "already set up" / "keys missing": go to change-key or reset. */
  declare switchMode: (mode: 'change-key' | 'reset') => void;
  /** Checks the typed recovery key against the existing backup and connects it. */
  declare submitBackupKey: (text: string) => Promise<void>;
  /** Cancel during a commit: at the sign-in prompt the request is cancelled; while saving, stop waiting (the key stays). */
  declare cancelCommit: () => void;
  /** Continue from the explanation (or an existing backup comes first) or from the reset's warning. */
  declare continue: () => void;
  /** "Restore from it" (an existing key backup): type its recovery key. */
  declare useExistingBackup: () => void;
  /** "Keep it": set up without touching it; the end screen says the backup is not connected. */
  declare keepExistingBackup: () => void;
  /** "Replace it": asks for explicit consent first. */
  declare replaceExistingBackup: () => void;
  /** Consent given: the old backup is deleted and a new one made during the commit. */
  declare confirmReplaceBackup: () => void;
  /** Typed confirmation of a reset: `typed` must equal `word` (case- and surrounding-space-insensitive). */
  declare confirmReset: (typed: string, word: string) => void;
  /** "Generate a Security Key" or "Enter a Security Phrase". */
  declare choose: (method: KeyMethod) => void;
  /** Back one step. */
  declare back: () => void;
  /** The Security Phrase, exactly as typed. Used once to derive the key, then forgotten. */
  declare submitPhrase: (phrase: string) => void;
  /** The key was copied, downloaded or printed. */
  declare markSaved: (how: SavedHow) => void;
  /** The clipboard refused: the element selects the key for a manual copy. */
  declare markCopyFailed: () => void;
  /** From show-key (once saved) to typing the key back. */
  declare toConfirm: () => void;
  /** The key typed back (whitespace-tolerant). A match starts the commit. */
  declare confirmKey: (typed: string) => void;

  static {
    for (const name of LATER) {
      (this.prototype as unknown as Record<string, unknown>)[name] = function (this: SetupWizard, ...args: unknown[]) {
        const run = (l: LaterSteps) => (l[name] as (...a: unknown[]) => unknown).apply(l, args);
        if (this.later) return run(this.later);
        const p = this.loadLater().then(run);
        this.opts.trackLoad?.(p.catch(() => undefined));
        return p;
      };
    }
  }

  /** "Ask me later" (and Close): ends the flow; `restart()` or `start()` brings it back. */
  dismiss(): void {
    this.end();
    this.set({ kind: 'dismissed' });
  }

  /** Try again: after a failure, the same key and flow (joining a save still running); while saving, keep waiting. */
  retry(): void {
    const k = this.stage.kind;
    if (k === 'load-failed' || k === 'reset-cancelled') void this.start(this.mode);
    else this.later?.retry(); // those stages come from the later steps: they are here
  }

  /** Ends the flow (close, disconnect): drops the key and stops timers. A running commit finishes unobserved. */
  end(): void {
    this.gen++;
    this.ended = true;
    this.later?.end();
    this.forgetKey();
  }

  /** @internal */
  forgetKey() {
    dropKey(this.key);
    this.key = undefined;
    this.savedHow = undefined;
  }
}
