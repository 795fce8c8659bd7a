// After this session was verified (emoji, QR or Security Key): wait for the secrets and the backup key to
// arrive, then restore the message history from the key backup, with progress and a result. No DOM, no Lit.
import { describeFailure, type Failure } from '../sdk/errors.js';
import type { HistoryRestorePort } from '../sdk/history-restore.js';

export type HistoryRestoreStage =
  /** The other session is still sending the keys. */
  | { kind: 'waiting-secrets' }
  /** Downloading and importing the backup. `total` 0 while downloading. */
  | { kind: 'restoring'; done: number; total: number }
  | { kind: 'restored'; imported: number; total: number }
  /** The account has no key backup: nothing to restore. */
  | { kind: 'no-backup' }
  /** The keys did not arrive in time (the other session may have closed): the backup can't be read here yet. */
  | { kind: 'secrets-missing'; crossSigning: boolean; backupKey: boolean }
  | { kind: 'failed'; failure: Failure };

export interface HistoryRestoreOptions {
  /** How long to wait for the secrets (ms). */
  secretsTimeoutMs?: number;
  pollMs?: number;
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (t: unknown) => void;
}

export class HistoryRestoreFlow extends EventTarget {
  stage: HistoryRestoreStage = { kind: 'waiting-secrets' };
  private detach?: () => void;
  private timer?: unknown;
  private deadline = 0;
  private reading = false;
  private again = false;
  private running?: Promise<void>;
  /** The server's answer to "is there a backup?" in this run: undefined until asked, null when it could not tell. */
  private backupExists?: boolean | null;
  private askingBackup = false;
  private disposed = false;
  private readonly now: () => number;

  constructor(private readonly port: HistoryRestorePort, private readonly opts: HistoryRestoreOptions = {}) {
    super();
    this.now = opts.now ?? (() => Date.now());
  }

  /** Starts waiting for the secrets; joins a start already running. */
  start(): Promise<void> {
    this.running ??= this.run();
    return this.running;
  }

  /** After a failure or missing secrets: wait and restore again. */
  retry(): Promise<void> {
    if (!['failed', 'secrets-missing'].includes(this.stage.kind)) return this.running ?? Promise.resolve();
    this.running = undefined;
    this.set({ kind: 'waiting-secrets' });
    return this.start();
  }

  dispose(): void {
    this.disposed = true;
    this.stopWaiting();
  }

  private run(): Promise<void> {
    return new Promise<void>((resolve) => {
      this.deadline = this.now() + (this.opts.secretsTimeoutMs ?? 30_000);
      const finish = () => {
        this.stopWaiting();
        resolve();
      };
      const check = async () => {
        if (this.disposed || this.stage.kind !== 'waiting-secrets') return;
        if (this.reading) {
          this.again = true; // something changed during this read: read once more after it
          return;
        }
        this.reading = true;
        try {
          const s = await this.port.secrets();
          if (this.disposed) return finish();
          if (s.crossSigning && s.backupKey) {
            this.stopWaiting();
            await this.restore();
            return finish();
          }
          if (s.crossSigning && this.backupExists === false) {
            this.set({ kind: 'no-backup' });
            return finish();
          }
          // The keys are here but the backup key is not (yet): only now does it matter whether there is a backup.
          if (s.crossSigning) this.askBackup(check);
          if (this.now() >= this.deadline) {
            this.set({ kind: 'secrets-missing', crossSigning: s.crossSigning, backupKey: s.backupKey });
            return finish();
          }
        } catch (e) {
          if (this.now() >= this.deadline) {
            this.set({ kind: 'failed', failure: describeFailure(e) });
            return finish();
          }
        } finally {
          this.reading = false;
          if (this.again) {
            this.again = false;
            void check();
          }
        }
      };
      this.detach = this.port.onSecretsChange(() => void check());
      // The SDK's events say when a secret arrived; the poll is only a safety net (and keeps the deadline).
      this.timer = (this.opts.setTimer ?? ((fn, ms) => setInterval(fn, ms)))(() => void check(), this.opts.pollMs ?? 1000);
      this.backupExists = undefined;
      void check();
    });
  }

  /**
   * The one server read, once per run: is there a backup at all (else there is no backup key to wait for)? Asked
   * only once the cross-signing keys are here without the backup key: when the backup key is here too, the restore
   * needs no answer — no request then, while the other session may still be reading back its signatures.
   */
  private askBackup(check: () => Promise<void>) {
    if (this.askingBackup || this.backupExists !== undefined) return;
    this.askingBackup = true;
    void this.port.backupExists().catch(() => null).then((b) => {
      this.askingBackup = false;
      this.backupExists = b;
      void check();
    });
  }

  private async restore() {
    this.set({ kind: 'restoring', done: 0, total: 0 });
    try {
      const r = await this.port.restore((p) => {
        if (!this.disposed) this.set({ kind: 'restoring', done: p.done, total: p.total });
      });
      if (!this.disposed) this.set({ kind: 'restored', imported: r.imported, total: r.total });
    } catch (e) {
      if (!this.disposed) this.set({ kind: 'failed', failure: describeFailure(e) });
    }
  }

  private stopWaiting() {
    this.detach?.();
    this.detach = undefined;
    if (this.timer !== undefined) (this.opts.clearTimer ?? ((t) => clearInterval(t as ReturnType<typeof setInterval>)))(this.timer);
    this.timer = undefined;
  }

  private set(stage: HistoryRestoreStage) {
    this.stage = stage;
    this.dispatchEvent(new Event('change'));
  }
}
