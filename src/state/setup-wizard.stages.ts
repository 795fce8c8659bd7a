// The steps of <xs-setup-wizard> (src/state/setup-wizard.ts) as a tagged union: one `kind` per screen, with only
// the plain data that screen shows. No stage ever holds key material.
import type { Failure } from '../sdk/errors.js';
import type { CommitStep, SetupGap } from '../sdk/setup.js';
import type { UiaSession } from './uia.js';

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
  /** A key backup exists that this session cannot use (another app's, or an earlier identity's): the person decides. */
  | { kind: 'existing-backup'; version: string }
  /** Typing the existing backup's recovery key. */
  | { kind: 'backup-key'; problem: 'malformed' | 'mismatch' | null; failure: Failure | null }
  | { kind: 'connecting-backup' }
  /** Explicit consent before the existing backup is deleted and replaced. */
  | { kind: 'backup-replace-confirm'; version: string }
  /** `joined`: a Try again while saving waits for the save already running (never a second one). */
  | { kind: 'committing'; step: CommitStep; stalled: boolean; joined: boolean; retryAt?: number }
  /** The person stopped waiting; the save may still finish in the background (the screen follows its outcome). */
  | { kind: 'stopped-waiting' }
  /** A reset was cancelled before anything changed: the account is as it was. */
  | { kind: 'reset-cancelled' }
  /** Restoring room keys from the backup connected during this flow. */
  | { kind: 'restoring'; done: number; total: number }
  /** The homeserver wants the person to confirm (render `uia` with <xs-auth-prompt>). */
  | { kind: 'auth'; uia: UiaSession<void>; step: CommitStep }
  | { kind: 'commit-failed'; failure: Failure; gaps: SetupGap[]; identityExists: boolean }
  /** Everything was read back from the server. `restored`: keys restored from a connected backup (null: none tried, -1: failed). */
  | { kind: 'done'; mode: WizardMode; method: KeyMethod; restored: number | null }
  /** Set up, but the existing backup was kept unconnected by the person's choice: says so, offers to connect or replace it. */
  | { kind: 'done-without-backup'; mode: WizardMode; version: string }
  | { kind: 'dismissed' };

export interface WizardOptions {
  /** After this long without progress the commit shows "still saving…" with Cancel/Retry. */
  stallMs?: number;
  /** Bound for reading the account and creating the key (then an explained failure with Retry). */
  readTimeoutMs?: number;
  /** Told of each load of the later steps and each intent waiting for it (the element's `updateComplete` waits for them). */
  trackLoad?: (load: Promise<unknown>) => void;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (t: unknown) => void;
}

