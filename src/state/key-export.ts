// Export of room keys to a passphrase-protected file, as a plain state machine (no DOM).
// The passphrase is only an argument of start(); it is never kept in the stage or on the object.
import { encryptMegolmKeyFile, type EncryptKeyFileOptions } from '../keyfile/megolm-key-file.js';
import { describeFailure, type Failure } from '../sdk/errors.js';
import { CryptoUnavailableError } from '../sdk/room-keys.js';

export type ExportStage =
  /** Counting the keys this session holds, before the form asks for a passphrase. */
  | { kind: 'checking' }
  /** This session holds no room keys: there is nothing to export (say so before any passphrase is asked). */
  | { kind: 'empty' }
  | { kind: 'idle' }
  /** Reading the keys from the crypto store, then deriving the key from the passphrase, then encrypting. */
  | { kind: 'working'; phase: 'collecting' | 'key-derivation' | 'encryption'; fraction: number }
  | { kind: 'done'; count: number; fileName: string }
  | { kind: 'cancelled' }
  /** `noCrypto`: the client has no end-to-end encryption set up. */
  | { kind: 'failed'; failure: Failure; noCrypto?: boolean };

export interface ExportDeps {
  /** All room keys as the JSON list, and how many. */
  collect: () => Promise<{ json: string; count: number }>;
  /** How many room keys there are (the keys themselves are dropped at once); default: collect's count. */
  count?: () => Promise<number>;
  /** Hands the finished file to the user (a download in the element). */
  save: (file: Uint8Array<ArrayBuffer>, fileName: string) => void;
  encrypt?: (plaintext: string, passphrase: string, options: EncryptKeyFileOptions) => Promise<Uint8Array>;
  /** PBKDF2 rounds for the file (read at each start); undefined: the default. */
  kdfRounds?: () => number | undefined;
  now?: () => Date;
}

/** `xs-keys-YYYY-MM-DD.txt` for the local date. */
export function exportFileName(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `xs-keys-${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}.txt`;
}

export class KeyExportFlow extends EventTarget {
  stage: ExportStage = { kind: 'idle' };
  private controller?: AbortController;

  constructor(private readonly deps: ExportDeps) {
    super();
  }

  private set(stage: ExportStage) {
    this.stage = stage;
    this.dispatchEvent(new Event('change'));
  }

  get busy(): boolean {
    return this.stage.kind === 'working';
  }

  /**
   * Counts the keys before the form is shown: with none, the stage is 'empty' (nothing to protect with a
   * passphrase), else 'idle'. A failure to count leaves the form to the export itself (it says what went wrong).
   */
  async check(): Promise<void> {
    if (this.busy || this.stage.kind === 'checking') return;
    const controller = (this.controller = new AbortController());
    this.set({ kind: 'checking' });
    let count: number | undefined;
    try {
      count = this.deps.count ? await this.deps.count() : (await this.deps.collect()).count;
    } catch (e) {
      if (e instanceof CryptoUnavailableError && !controller.signal.aborted) {
        this.set({ kind: 'failed', failure: describeFailure(e), noCrypto: true });
        return;
      }
    }
    if (controller.signal.aborted) return;
    this.controller = undefined;
    this.set(count === 0 ? { kind: 'empty' } : { kind: 'idle' });
  }

  /** Exports with `passphrase`. Resolves when the flow reached done, cancelled or failed. */
  async start(passphrase: string): Promise<void> {
    if (this.busy) return;
    if (!passphrase) throw new RangeError('empty passphrase');
    const controller = (this.controller = new AbortController());
    const { signal } = controller;
    this.set({ kind: 'working', phase: 'collecting', fraction: 0 });
    try {
      const { json, count } = await this.deps.collect();
      if (signal.aborted) throw new DOMException('aborted', 'AbortError');
      if (count === 0) {
        // The keys went since the check: nothing to export (no file, no "0 keys were saved").
        this.set({ kind: 'empty' });
        return;
      }
      const encrypt = this.deps.encrypt ?? encryptMegolmKeyFile;
      const kdfRounds = this.deps.kdfRounds?.();
      let last = -1;
      const file = await encrypt(json, passphrase, {
        signal,
        ...(kdfRounds ? { kdfRounds } : {}),
        onProgress: (fraction, phase) => {
          // Re-render at most every 1 %.
          const f = Math.floor(fraction * 100);
          if (f === last && phase === (this.stage.kind === 'working' ? this.stage.phase : '')) return;
          last = f;
          if (!signal.aborted) this.set({ kind: 'working', phase: phase === 'key-derivation' ? 'key-derivation' : 'encryption', fraction });
        },
      });
      if (signal.aborted) throw new DOMException('aborted', 'AbortError');
      const fileName = exportFileName(this.deps.now?.() ?? new Date());
      this.deps.save(file as Uint8Array<ArrayBuffer>, fileName);
      this.set({ kind: 'done', count, fileName });
    } catch (e) {
      if (signal.aborted || (e as Error)?.name === 'AbortError') this.set({ kind: 'cancelled' });
      else this.set({ kind: 'failed', failure: describeFailure(e), ...(e instanceof CryptoUnavailableError ? { noCrypto: true } : {}) });
    } finally {
      if (this.controller === controller) this.controller = undefined;
    }
  }

  /** Stops a running export (nothing is saved). */
  cancel(): void {
    this.controller?.abort();
    if (this.busy) this.set({ kind: 'cancelled' });
  }

  /** Back to the form (or, with `recheck`, count the keys again first). */
  reset(recheck = false): void {
    this.controller?.abort();
    this.set({ kind: 'idle' });
    if (recheck) void this.check();
  }
}
