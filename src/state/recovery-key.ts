// "Verify with the Security Key or Phrase" as a plain state machine over a RecoveryPort. The typed text
// and the decoded key exist only inside submit(); the key bytes are zeroed when the attempt ends.
import { describeFailure, type Failure } from '../sdk/errors.js';
import {
  MalformedKeyError,
  StorageIncompleteError,
  TooExpensiveError,
  WrongKeyError,
  type BackupOutcome,
  type DefaultKey,
  type RecoveryPort,
  type RestoreStep,
} from '../sdk/recovery-key.js';

export type KeyMethod = 'key' | 'phrase';
export type KeyProblem = 'malformed' | 'wrong-key' | 'wrong-phrase' | 'too-expensive' | 'empty';

export type RecoveryStage =
  | { kind: 'loading' }
  /** No secret storage on the account, or the host's client can't take a key from the kit. */
  | { kind: 'unavailable'; reason: 'no-storage' | 'no-callbacks' }
  | { kind: 'enter'; method: KeyMethod; phraseAvailable: boolean; problem: KeyProblem | undefined }
  | { kind: 'checking'; method: KeyMethod }
  | { kind: 'restoring'; step: RestoreStep }
  | { kind: 'done'; backup: BackupOutcome }
  | { kind: 'failed'; failure: Failure | { kind: 'storage-incomplete' } };

export class RecoveryKeyFlow extends EventTarget {
  stage: RecoveryStage = { kind: 'loading' };
  private key?: DefaultKey;
  private disposed = false;

  constructor(private readonly port: RecoveryPort) {
    super();
  }

  async load(): Promise<void> {
    this.set({ kind: 'loading' });
    if (!this.port.canHandOverKey) return this.set({ kind: 'unavailable', reason: 'no-callbacks' });
    try {
      this.key = (await this.port.readDefaultKey()) ?? undefined;
    } catch (e) {
      return this.set({ kind: 'failed', failure: describeFailure(e) });
    }
    if (!this.key) return this.set({ kind: 'unavailable', reason: 'no-storage' });
    this.set({ kind: 'enter', method: 'key', phraseAvailable: this.key.hasPassphrase, problem: undefined });
  }

  useMethod(method: KeyMethod): void {
    if (this.stage.kind !== 'enter' || (method === 'phrase' && !this.stage.phraseAvailable)) return;
    this.set({ ...this.stage, method, problem: undefined });
  }

  /** Back to entering the key after a failure. */
  retry(): void {
    if (!this.key) return void this.load();
    this.set({ kind: 'enter', method: 'key', phraseAvailable: this.key.hasPassphrase, problem: undefined });
  }

  /** Checks and uses what the person typed. */
  async submit(text: string): Promise<void> {
    if (this.stage.kind !== 'enter' || !this.key) return;
    const { method, phraseAvailable } = this.stage;
    const again = (problem: KeyProblem) => this.set({ kind: 'enter', method, phraseAvailable, problem });
    if (!text.trim()) return again('empty');
    const key = this.key;
    this.set({ kind: 'checking', method });
    let raw: Uint8Array<ArrayBuffer> | undefined;
    try {
      raw = method === 'key' ? this.port.decodeKey(text) : await this.port.keyFromPhrase(text, key);
      if (!(await this.port.checkKey(raw, key))) return again(method === 'key' ? 'wrong-key' : 'wrong-phrase');
      if (this.disposed) return;
      const backup = await this.port.restore(raw, key, (step) => this.set({ kind: 'restoring', step }));
      this.set({ kind: 'done', backup });
    } catch (e) {
      if (this.disposed) return;
      if (e instanceof MalformedKeyError) return again('malformed');
      if (e instanceof WrongKeyError) return again(method === 'key' ? 'wrong-key' : 'wrong-phrase');
      if (e instanceof TooExpensiveError) return again('too-expensive');
      if (e instanceof StorageIncompleteError) return this.set({ kind: 'failed', failure: { kind: 'storage-incomplete' } });
      this.set({ kind: 'failed', failure: describeFailure(e) });
    } finally {
      raw?.fill(0);
    }
  }

  dispose(): void {
    this.disposed = true;
  }

  private set(stage: RecoveryStage) {
    if (this.disposed) return;
    this.stage = stage;
    this.dispatchEvent(new Event('change'));
  }
}
