// <xs-key-storage>'s steps after the overview as plain state: the "turn off" flow (consent first, one commit at a
// time, read back). Turning on and checking a Security Key run inside the Security Key entry (KeyEntry over
// RecoveryKeyFlow); restoring history runs HistoryRestoreFlow. Loaded with the steps (key-storage.view.ts), not
// with the overview. No DOM, no SDK.
import { describeFailure, type Failure } from '../sdk/errors.js';

export type KeyStorageStage =
  /** What key storage is, live; `note`: the last step ended without a change ("Nothing changed"). */
  | { kind: 'overview'; note?: 'cancelled' }
  /** Before anything is deleted: what turning off loses. */
  | { kind: 'confirm-off' }
  | { kind: 'turning-off' }
  /** Read back: the server has no backup and no stored backup key. */
  | { kind: 'off-done' }
  | { kind: 'off-failed'; failure: Failure }
  /** Turning on: the Security Key entry (its own stages), then the commit and its read-back. */
  | { kind: 'turn-on' }
  /** Restoring the history from the backup (HistoryRestoreFlow). */
  | { kind: 'restore' };

export interface KeyStoragePort {
  /** Deletes the backup(s) and the stored backup key; reads back (throws when the server still has them). */
  turnOff(): Promise<void>;
}

export class KeyStorageFlow extends EventTarget {
  stage: KeyStorageStage = { kind: 'overview' };
  private running?: Promise<void>;
  private disposed = false;

  constructor(private readonly port: KeyStoragePort) {
    super();
  }

  /** "Turn off": the consent step first; nothing changes yet. */
  askOff(): void {
    if (this.stage.kind === 'overview') this.set({ kind: 'confirm-off' });
  }

  /** Cancel on the consent step: back, and say that nothing changed. */
  cancel(): void {
    if (this.stage.kind === 'confirm-off' || this.stage.kind === 'turn-on') this.set({ kind: 'overview', note: 'cancelled' });
  }

  /** The person agreed: delete. A second press, or Try again while it runs, joins the running commit. */
  confirmOff(): Promise<void> {
    if (this.running) return this.running;
    if (this.stage.kind !== 'confirm-off' && this.stage.kind !== 'off-failed') return Promise.resolve();
    this.set({ kind: 'turning-off' });
    const run = this.port.turnOff().then(
      () => this.set({ kind: 'off-done' }),
      (e: unknown) => this.set({ kind: 'off-failed', failure: describeFailure(e) }),
    );
    this.running = run.finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  turnOn(): void {
    if (this.stage.kind === 'overview') this.set({ kind: 'turn-on' });
  }

  restore(): void {
    if (this.stage.kind === 'overview') this.set({ kind: 'restore' });
  }

  /** Back to the overview (not while a commit runs: it finishes and says so). */
  back(): void {
    if (this.running) return;
    this.set({ kind: 'overview' });
  }

  dispose(): void {
    this.disposed = true;
  }

  private set(stage: KeyStorageStage) {
    if (this.disposed) return;
    this.stage = stage;
    this.dispatchEvent(new Event('change'));
  }
}
