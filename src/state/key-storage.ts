// <xs-key-storage> as plain state: where key storage (the key backup) stands, read from the account model's
// snapshot, and the "turn off" flow (consent first, one commit at a time, read back). Turning on and checking a
// Security Key run inside the Security Key entry (KeyEntry over RecoveryKeyFlow); restoring history runs
// HistoryRestoreFlow. No DOM, no SDK.
import { describeFailure, type Failure } from '../sdk/errors.js';
import type { OwnStatusSnapshot } from '../sdk/status.js';

/** Where key storage stands, as the element words it. */
export type BackupState =
  /** The first read is running. */
  | 'checking'
  /** The backup could not be read (the server did not answer): nothing is offered that could replace it. */
  | 'unknown'
  /** No cross-signing identity or no secret storage yet: set up encryption first. */
  | 'not-set-up'
  /** A backup this session trusts (or holds the key of): new message keys are uploaded. */
  | 'on'
  /** No backup on the server. */
  | 'off'
  /** A backup exists that this session can't trust or use: verify this session, or set up again. */
  | 'unusable';

export interface BackupView {
  state: BackupState;
  /** This session holds the backup's key: the history can be restored from it. */
  canRestore: boolean;
  /** The person turned key storage off on purpose (other apps see it too). */
  turnedOff: boolean;
  /** The server holds a dehydrated device (MSC3814); undefined = unknown or unsupported. */
  dehydratedDevice: string | null | undefined;
}

/** `turnedOff`: the person's choice as synced (`m.key_backup`, read by the caller: the model re-reads when it changes). */
export function backupView(s: OwnStatusSnapshot | null, failure: Failure | null, turnedOff = false): BackupView {
  const base = { canRestore: false, turnedOff, dehydratedDevice: s?.dehydratedDevice };
  if (!s) return { ...base, state: failure ? 'unknown' : 'checking' };
  if (s.backupFailure) return { ...base, state: 'unknown' };
  if (!s.crossSigning.published || !s.secretStorage.defaultKeyId) return { ...base, state: 'not-set-up' };
  if (!s.backup) return { ...base, state: 'off' };
  if (!s.backup.trusted && !s.backup.matchesDecryptionKey) return { ...base, state: 'unusable' };
  return { ...base, state: 'on', canRestore: s.backup.decryptionKeyCached };
}

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
