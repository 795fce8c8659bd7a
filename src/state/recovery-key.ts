// "Verify with the Security Key or Phrase" as a plain state machine over a RecoveryPort. The typed text
// exists only inside submit(); the decoded key is zeroed when the attempt ends — except while the person
// decides on an offered repair of out-of-sync recovery data, when the flow holds it (and zeroes it when the
// repair ends, the person leaves that step, or the flow is disposed).
import { describeFailure, type Failure } from '../sdk/errors.js';
import {
  BackupUnreachableError,
  MalformedKeyError,
  NotSignedError,
  OutOfSyncError,
  UnsafeKdfError,
  WrongKeyError,
  type BackupOutcome,
  type DefaultKey,
  type KdfCheck,
  type OutOfSyncReason,
  type RecoveryPort,
  type RestoreStep,
} from '../sdk/recovery-key.js';
import { keyTextShape } from '../sdk/recovery-key-text.js';

export type KeyMethod = 'key' | 'phrase';

/** Why what was typed was not used. Told apart so each can be explained in words. */
export type KeyProblem =
  | { kind: 'empty' }
  /** Key field: neither a Security Key nor (the account has no phrase) a phrase. */
  | { kind: 'not-a-key' }
  /** Key field: key characters, about a key's length, but it does not decode (a typo). */
  | { kind: 'key-typo'; length: number; lookalikes: boolean }
  /** Key field: not a key, and the account has a Security Phrase: probably the phrase (offer to switch). */
  | { kind: 'phrase-in-key-field' }
  /** Phrase field: a valid Security Key (offer to switch). */
  | { kind: 'key-in-phrase-field' }
  /** A well-formed key that does not match this account. */
  | { kind: 'wrong-key' }
  /** A phrase that does not match; `looksLikeKey` when it has a key's shape (offer the key field). */
  | { kind: 'wrong-phrase'; looksLikeKey: boolean }
  /** The phrase settings stored on the account are refused (see checkPhraseParams). */
  | { kind: 'unsafe-kdf'; check: Extract<KdfCheck, { kind: 'unsafe' }> };

/** Problems found from the text alone: the field keeps what was typed (to fix a typo, or to switch fields). */
const KEEPS_TEXT: ReadonlySet<KeyProblem['kind']> = new Set(['key-typo', 'phrase-in-key-field', 'key-in-phrase-field', 'not-a-key']);

export function keepsText(problem: KeyProblem | undefined): boolean {
  return !!problem && KEEPS_TEXT.has(problem.kind);
}

export type RecoveryStage =
  | { kind: 'loading' }
  /** No secret storage on the account, or the host's client can't take a key from the kit. */
  | { kind: 'unavailable'; reason: 'no-storage' | 'no-callbacks' }
  | { kind: 'enter'; method: KeyMethod; phraseAvailable: boolean; problem: KeyProblem | undefined }
  | { kind: 'checking'; method: KeyMethod }
  | { kind: 'restoring'; step: RestoreStep }
  /**
   * The right key, but the recovery data is out of sync; `canRepair`: this session can store its keys again.
   * `failure`: the last repair attempt failed (the key is still held: the repair can be tried again).
   */
  | { kind: 'out-of-sync'; reason: OutOfSyncReason; canRepair: boolean; failure?: Failure }
  /** `stalled`: no answer for a while (the SDK waits out server errors and rate limits by itself). */
  | { kind: 'repairing'; stalled: boolean }
  /** "I lost my key" (or the data can't be repaired from here): what a reset means, before asking the host. */
  | { kind: 'reset-warning'; from: 'lost-key' | 'out-of-sync' }
  /** The reset was handed to the host (`handled`), or nobody took it. */
  | { kind: 'reset-requested'; handled: boolean }
  | { kind: 'done'; backup: BackupOutcome; repaired: boolean }
  /**
   * `not-signed`: the server doesn't show this session signed. `backup-unreachable`: this session IS verified,
   * but the key backup couldn't be reached (`failure` says why), so it isn't connected yet.
   */
  | { kind: 'failed'; failure: Failure | { kind: 'not-signed' } | { kind: 'backup-unreachable'; failure: Failure } };

export class RecoveryKeyFlow extends EventTarget {
  stage: RecoveryStage = { kind: 'loading' };
  private key?: DefaultKey;
  private disposed = false;
  /** The checked key, held only while an out-of-sync repair is offered. */
  private held?: Uint8Array<ArrayBuffer>;
  private outOfSync?: Extract<RecoveryStage, { kind: 'out-of-sync' }>;
  private lastMethod: KeyMethod = 'key';
  /** The running repair: a second press (or a retry) joins it instead of starting another. */
  private repairing?: Promise<void>;
  private readonly stallMs: number;

  constructor(private readonly port: RecoveryPort, opts: { stallMs?: number } = {}) {
    super();
    this.stallMs = opts.stallMs ?? 15_000;
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
    this.enter('key', undefined);
  }

  /** Switches between the key and the phrase field. The phrase's stored settings are checked at once. */
  useMethod(method: KeyMethod): void {
    if (this.stage.kind !== 'enter' || (method === 'phrase' && !this.stage.phraseAvailable)) return;
    this.enter(method, undefined);
  }

  /** The offered switch: use what was typed in the other field. */
  async switchAndSubmit(method: KeyMethod, text: string): Promise<void> {
    if (this.stage.kind !== 'enter' || (method === 'phrase' && !this.stage.phraseAvailable)) return;
    this.enter(method, undefined);
    await this.submit(text);
  }

  /** Back to entering the key after a failure (or from the reset warning / out-of-sync step). */
  retry(): void {
    this.drop();
    if (!this.key) return void this.load();
    this.enter(this.lastMethod, undefined);
  }

  /** "I lost my Security Key" / "Reset instead": the warning step before the host is asked to reset. */
  lostKey(): void {
    const k = this.stage.kind;
    if (k !== 'enter' && k !== 'out-of-sync' && k !== 'failed' && k !== 'unavailable') return;
    this.set({ kind: 'reset-warning', from: k === 'out-of-sync' ? 'out-of-sync' : 'lost-key' });
  }

  /** Leaves the reset warning: back to the out-of-sync step (key still held) or to the field. */
  backFromReset(): void {
    if (this.stage.kind !== 'reset-warning' && this.stage.kind !== 'reset-requested') return;
    if (this.outOfSync && this.held) return this.set(this.outOfSync);
    this.retry();
  }

  /** The element asked the host to reset (xs-request-reset); `handled` = the host took it. */
  resetRequested(handled: boolean): void {
    if (this.stage.kind !== 'reset-warning') return;
    if (handled) this.drop();
    this.set({ kind: 'reset-requested', handled });
  }

  /** Checks and uses what the person typed. */
  async submit(text: string): Promise<void> {
    if (this.stage.kind !== 'enter' || !this.key) return;
    const { method } = this.stage;
    const key = this.key;
    this.lastMethod = method;
    const again = (problem: KeyProblem) => this.enter(method, problem);
    const shape = keyTextShape(text);
    if (shape.kind === 'empty' || !text.trim()) return again({ kind: 'empty' });
    let raw: Uint8Array<ArrayBuffer> | undefined;
    try {
      if (method === 'key') {
        try {
          raw = this.port.decodeKey(text);
        } catch (e) {
          if (!(e instanceof MalformedKeyError)) throw e;
          if (shape.kind === 'key') return again({ kind: 'key-typo', length: shape.length, lookalikes: shape.lookalikes });
          return again(key.hasPassphrase ? { kind: 'phrase-in-key-field' } : { kind: 'not-a-key' });
        }
      } else {
        if (key.kdf.kind === 'unsafe') return again({ kind: 'unsafe-kdf', check: key.kdf });
        // A valid Security Key in the phrase field: say so instead of running a slow, pointless derivation.
        if (shape.kind === 'key') {
          try {
            this.port.decodeKey(text).fill(0);
            return again({ kind: 'key-in-phrase-field' });
          } catch {
            /* not a valid key: it may be a phrase that looks like one */
          }
        }
      }
      this.set({ kind: 'checking', method });
      raw ??= await this.port.keyFromPhrase(text, key);
      if (this.disposed) return;
      if (!(await this.port.checkKey(raw, key))) {
        return again(method === 'key' ? { kind: 'wrong-key' } : { kind: 'wrong-phrase', looksLikeKey: shape.kind === 'key' });
      }
      if (this.disposed) return;
      await this.restore(raw, false);
    } catch (e) {
      if (this.disposed) return;
      if (e instanceof WrongKeyError) return again(method === 'key' ? { kind: 'wrong-key' } : { kind: 'wrong-phrase', looksLikeKey: shape.kind === 'key' });
      if (e instanceof UnsafeKdfError) return again({ kind: 'unsafe-kdf', check: e.check });
      this.fail(e, raw);
    } finally {
      if (raw && raw !== this.held) raw.fill(0);
    }
  }

  /**
   * Out of sync and this session holds its keys: store them again, read back, then finish verifying. One
   * repair at a time: pressing again while one runs joins it. A failed attempt stays on the out-of-sync step
   * with the failure and the key, so the repair can be tried again without typing the key.
   */
  async repair(): Promise<void> {
    if (this.repairing) return this.repairing;
    if (this.stage.kind !== 'out-of-sync' || !this.stage.canRepair || !this.held || !this.key) return;
    const run = this.runRepair(this.held, this.key);
    this.repairing = run;
    try {
      await run;
    } finally {
      this.repairing = undefined;
    }
  }

  private async runRepair(raw: Uint8Array<ArrayBuffer>, key: DefaultKey) {
    this.set({ kind: 'repairing', stalled: false });
    const stall = setTimeout(() => {
      if (this.stage.kind === 'repairing') this.set({ kind: 'repairing', stalled: true });
    }, this.stallMs);
    try {
      try {
        await this.port.repair(raw, key);
      } catch (e) {
        if (this.disposed) return;
        if (e instanceof OutOfSyncError) return this.offerRepair(e, raw);
        return this.set({ ...this.outOfSync!, failure: describeFailure(e) });
      }
      if (this.disposed) return;
      await this.restore(raw, true);
    } catch (e) {
      if (!this.disposed) this.fail(e, raw);
    } finally {
      clearTimeout(stall);
    }
  }

  dispose(): void {
    this.drop();
    this.disposed = true;
  }

  private async restore(raw: Uint8Array<ArrayBuffer>, repaired: boolean) {
    const backup = await this.port.restore(raw, this.key!, (step) => this.set({ kind: 'restoring', step }));
    this.drop();
    this.set({ kind: 'done', backup, repaired });
  }

  private fail(e: unknown, raw: Uint8Array<ArrayBuffer> | undefined) {
    if (e instanceof OutOfSyncError && raw) return this.offerRepair(e, raw);
    this.drop();
    if (e instanceof NotSignedError) return this.set({ kind: 'failed', failure: { kind: 'not-signed' } });
    if (e instanceof BackupUnreachableError) return this.set({ kind: 'failed', failure: { kind: 'backup-unreachable', failure: describeFailure(e.cause) } });
    this.set({ kind: 'failed', failure: describeFailure(e) });
  }

  /** Holds a copy of the (checked) key for the repair the step offers; never loops back to the field. */
  private offerRepair(e: OutOfSyncError, raw: Uint8Array<ArrayBuffer>) {
    if (this.held !== raw) {
      this.held?.fill(0);
      this.held = raw;
    }
    this.outOfSync = { kind: 'out-of-sync', reason: e.reason, canRepair: e.canRepair };
    this.set(this.outOfSync);
  }

  private enter(method: KeyMethod, problem: KeyProblem | undefined) {
    const key = this.key!;
    if (!problem && method === 'phrase' && key.kdf.kind === 'unsafe') problem = { kind: 'unsafe-kdf', check: key.kdf };
    this.set({ kind: 'enter', method, phraseAvailable: key.hasPassphrase, problem });
  }

  private drop() {
    this.held?.fill(0);
    this.held = undefined;
    this.outOfSync = undefined;
  }

  private set(stage: RecoveryStage) {
    if (this.disposed) return;
    this.stage = stage;
    this.dispatchEvent(new Event('change'));
  }
}
