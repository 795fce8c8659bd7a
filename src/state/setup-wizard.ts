// <xs-setup-wizard>'s flow as a plain state machine: set up (or repair), change the key, reset.
//
// The new secret-storage key lives in one private field from the moment it is generated until the flow ends
// (done, dismissed, closed): it is never in a stage, an event or anywhere else, and `end()` zeroes it.
// A failed commit keeps the key, so "Try again" finishes with the same key the person saved.
import { withTimeout } from '../internal/async.js';
import { describeFailure, type Failure } from '../sdk/errors.js';
import {
  IdentityExistsError,
  SetupIncompleteError,
  dropKey,
  sameRecoveryKey,
  situationOf,
  type CommitStep,
  type NewKey,
  type SetupAdapter,
  type SetupGap,
  type SetupSnapshot,
} from '../sdk/setup.js';
import type { AuthDict } from '../sdk/uia.js';
import { UiaSession, type UiaStage } from './uia.js';

export type WizardMode = 'setup' | 'change-key' | 'reset';
export type KeyMethod = 'key' | 'phrase';
/** How the person saved the key. */
export type SavedHow = 'copy' | 'download' | 'print';

export type WizardStage =
  | { kind: 'loading' }
  | { kind: 'load-failed'; failure: Failure }
  /** Everything is in place: offer change-key or reset, never overwrite. */
  | { kind: 'already-set-up' }
  /** An identity exists but this session lacks its keys: verify this session (or reset). */
  | { kind: 'keys-missing' }
  /** What will happen; `repair` when a previous run was interrupted. */
  | { kind: 'explain'; repair: boolean }
  /** Reset: what is kept and lost; `activeSession` false = no verified session left (stronger warning). */
  | { kind: 'reset-warning'; activeSession: boolean }
  | { kind: 'reset-confirm'; mismatch: boolean }
  | { kind: 'choose' }
  | { kind: 'phrase' }
  | { kind: 'generating' }
  | { kind: 'generate-failed'; failure: Failure }
  /** The key is shown (read it with `displayKey()`); `saved` once copied, downloaded or printed. */
  | { kind: 'show-key'; saved: SavedHow | null; copyFailed: boolean }
  | { kind: 'confirm-key'; mismatch: boolean }
  | { kind: 'committing'; step: CommitStep; stalled: boolean }
  /** The homeserver wants the person to confirm (render `uia` with <xs-auth-prompt>). */
  | { kind: 'auth'; uia: UiaSession<void>; step: CommitStep }
  | { kind: 'commit-failed'; failure: Failure; gaps: SetupGap[]; identityExists: boolean }
  | { kind: 'done'; mode: WizardMode; method: KeyMethod }
  | { kind: 'dismissed' };

export interface WizardOptions {
  /** After this long without progress the commit shows "still saving…" with Cancel/Retry. */
  stallMs?: number;
  /** Bound for reading the account and creating the key (then an explained failure with Retry). */
  readTimeoutMs?: number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (t: unknown) => void;
}

const PERSON_STAGES: UiaStage['kind'][] = ['password', 'fallback', 'oauth', 'rate-limited', 'failed'];

export class SetupWizard extends EventTarget {
  stage: WizardStage = { kind: 'loading' };
  mode: WizardMode;
  snapshot?: SetupSnapshot;
  /** True once a reset of this run replaced the identity: a retry then only finishes the setup. */
  private resetDone = false;
  private key?: NewKey;
  private gen = 0;
  private step: CommitStep = 'storage';
  private stallTimer?: unknown;
  private uia?: UiaSession<void>;
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

  /** Reads the account and goes to the first step of `mode`. */
  async start(mode: WizardMode = this.mode): Promise<void> {
    const gen = ++this.gen;
    this.mode = mode;
    this.forgetKey();
    this.resetDone = false;
    this.set({ kind: 'loading' });
    try {
      const snap = await withTimeout(this.adapter.read(), this.opts.readTimeoutMs ?? 30_000, { what: 'reading the account' });
      if (gen !== this.gen) return;
      this.snapshot = snap;
      if (mode === 'reset') {
        const activeSession = snap.sessionVerified || (await withTimeout(this.adapter.hasActiveVerifiedSession(), this.opts.readTimeoutMs ?? 30_000, { what: 'reading the sessions' }));
        if (gen !== this.gen) return;
        return this.set({ kind: 'reset-warning', activeSession });
      }
      const situation = situationOf(snap);
      switch (situation) {
        case 'keys-missing':
          return this.set({ kind: 'keys-missing' });
        case 'complete':
          return this.set(mode === 'change-key' ? { kind: 'choose' } : { kind: 'already-set-up' });
        case 'incomplete':
          this.mode = 'setup';
          return this.set({ kind: 'explain', repair: true });
        case 'not-set-up':
          this.mode = 'setup';
          return this.set({ kind: 'explain', repair: false });
      }
    } catch (e) {
      if (gen === this.gen) this.set({ kind: 'load-failed', failure: describeFailure(e) });
    }
  }

  /** From "already set up" / "keys missing": go to change-key or reset. */
  switchMode(mode: 'change-key' | 'reset'): void {
    void this.start(mode);
  }

  continue(): void {
    if (this.stage.kind === 'explain') this.set({ kind: 'choose' });
    else if (this.stage.kind === 'reset-warning') this.set({ kind: 'reset-confirm', mismatch: false });
  }

  /** "Ask me later". */
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

  /** Back one step from choose/phrase/show-key/confirm-key. */
  back(): void {
    switch (this.stage.kind) {
      case 'phrase':
      case 'generate-failed':
        this.forgetKey();
        return this.set({ kind: 'choose' });
      case 'show-key':
        this.forgetKey();
        return this.set({ kind: 'choose' });
      case 'confirm-key':
        return this.set({ kind: 'show-key', saved: 'copy', copyFailed: false });
      case 'choose':
        if (this.mode === 'reset') return this.set({ kind: 'reset-confirm', mismatch: false });
        if (this.mode === 'setup') return this.set({ kind: 'explain', repair: situationOf(this.snapshot!) === 'incomplete' });
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
    if (this.stage.kind === 'show-key') this.set({ ...this.stage, saved: how, copyFailed: false });
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

  /** From commit-failed: same key, same flow; the adapter repairs whatever is missing. */
  retry(): void {
    if (this.stage.kind === 'commit-failed' && this.key) void this.commit();
    else if (this.stage.kind === 'committing' && this.stage.stalled) {
      this.abandon();
      void this.commit();
    } else if (this.stage.kind === 'load-failed') void this.start(this.mode);
    else if (this.stage.kind === 'generate-failed') this.set({ kind: 'choose' });
  }

  /** Stops waiting for a stalled commit (or an auth prompt); the key stays for a retry. */
  cancelCommit(): void {
    if (this.stage.kind !== 'committing' && this.stage.kind !== 'auth') return;
    this.abandon();
    this.set({ kind: 'commit-failed', failure: { kind: 'aborted' }, gaps: [], identityExists: false });
  }

  /** Ends the flow (close, disconnect): drops the key and stops timers. */
  end(): void {
    this.gen++;
    this.clearStall();
    if (this.uia && !this.uia.settled) this.uia.cancel();
    this.uia = undefined;
    this.forgetKey();
  }

  private abandon() {
    this.gen++;
    this.clearStall();
    if (this.uia && !this.uia.settled) this.uia.cancel();
    this.uia = undefined;
  }

  private forgetKey() {
    dropKey(this.key);
    this.key = undefined;
  }

  private clearStall() {
    if (this.stallTimer !== undefined) this.clearTimer(this.stallTimer);
    this.stallTimer = undefined;
  }

  private armStall(gen: number) {
    this.clearStall();
    this.stallTimer = this.setTimer(() => {
      this.stallTimer = undefined;
      if (gen === this.gen && this.stage.kind === 'committing') this.set({ ...this.stage, stalled: true });
    }, this.opts.stallMs ?? 15_000);
  }

  private onStep(gen: number, step: CommitStep) {
    if (gen !== this.gen) return;
    this.step = step;
    if (this.stage.kind === 'committing' || this.stage.kind === 'auth') {
      this.set({ kind: 'committing', step, stalled: false });
      this.armStall(gen);
    }
  }

  private authFor(gen: number) {
    return async (makeRequest: (auth: AuthDict | null) => Promise<void>): Promise<void> => {
      if (gen !== this.gen) throw new DOMException('superseded', 'AbortError');
      const uia = new UiaSession<void>({
        request: makeRequest,
        userId: this.adapter.userId,
        fallbackUrl: (stage, session) => this.adapter.fallbackUrl(stage, session),
      });
      this.uia = uia;
      const onChange = () => {
        if (gen !== this.gen) return;
        if (PERSON_STAGES.includes(uia.stage.kind)) {
          this.clearStall();
          if (this.stage.kind !== 'auth') this.set({ kind: 'auth', uia, step: this.step });
        } else if (this.stage.kind === 'auth' && uia.stage.kind === 'done') {
          // While the server checks a password the prompt stays (it shows "Checking…"), so focus and errors stay in place.
          this.set({ kind: 'committing', step: this.step, stalled: false });
          this.armStall(gen);
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

  private async commit(): Promise<void> {
    const key = this.key;
    if (!key) return;
    const gen = ++this.gen;
    const first: CommitStep = this.mode === 'reset' && !this.resetDone ? 'reset' : 'storage';
    this.step = first;
    this.set({ kind: 'committing', step: first, stalled: false });
    this.armStall(gen);
    const auth = this.authFor(gen);
    try {
      if (this.mode === 'reset' && !this.resetDone) {
        await this.adapter.resetIdentity(auth);
        if (gen !== this.gen) return;
        this.resetDone = true;
      }
      await this.adapter.finishSetup(key, auth, {
        allowNewIdentity: this.mode === 'reset',
        keepBackup: this.mode === 'change-key',
        onStep: (s) => this.onStep(gen, s),
      });
      if (gen !== this.gen) return;
      this.clearStall();
      const method: KeyMethod = key.fromPassphrase ? 'phrase' : 'key';
      this.forgetKey();
      this.set({ kind: 'done', mode: this.mode, method });
    } catch (e) {
      if (gen !== this.gen) return;
      this.clearStall();
      this.set({
        kind: 'commit-failed',
        failure: describeFailure(e),
        gaps: e instanceof SetupIncompleteError ? e.gaps : [],
        identityExists: e instanceof IdentityExistsError,
      });
    }
  }
}
