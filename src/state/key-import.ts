// Import of room keys from a passphrase-protected file, as a plain state machine (no DOM).
// The passphrase is only an argument of start(); the decrypted keys live only inside start().
import { decryptMegolmKeyFile, KeyFileError, type KeyFileErrorCode, type KeyFileOptions } from '../keyfile/megolm-key-file.js';
import { describeFailure, type Failure } from '../sdk/errors.js';
import { CryptoUnavailableError, NotAKeyListError, type ImportReport } from '../sdk/room-keys.js';

/** Why a file could not be imported, in terms a person can act on. */
export type ImportProblem =
  | { kind: 'file'; code: KeyFileErrorCode }
  | { kind: 'not-key-list' }
  | { kind: 'no-crypto' }
  | { kind: 'unreadable' }
  | { kind: 'failure'; failure: Failure };

export interface ChosenFile {
  name: string;
  size: number;
}

export type ImportStage =
  /** Choosing the file and typing the passphrase; `problem` explains the last attempt. */
  | { kind: 'choose'; file?: ChosenFile; problem?: ImportProblem }
  | { kind: 'decrypting'; fraction: number; phase: 'key-derivation' | 'decryption' }
  | { kind: 'importing'; done: number; total: number }
  | { kind: 'done'; report: ImportReport }
  | { kind: 'cancelled' };

export interface ImportDeps {
  importKeys: (json: string, onProgress: (done: number, total: number) => void) => Promise<ImportReport>;
  decrypt?: (file: Blob, passphrase: string, options: KeyFileOptions) => Promise<string>;
}

function problemOf(e: unknown): ImportProblem {
  if (e instanceof KeyFileError) return { kind: 'file', code: e.code };
  if (e instanceof NotAKeyListError) return { kind: 'not-key-list' };
  if (e instanceof CryptoUnavailableError) return { kind: 'no-crypto' };
  if (e instanceof DOMException && (e.name === 'NotReadableError' || e.name === 'NotFoundError')) return { kind: 'unreadable' };
  return { kind: 'failure', failure: describeFailure(e) };
}

export class KeyImportFlow extends EventTarget {
  stage: ImportStage = { kind: 'choose' };
  private file?: Blob;
  private controller?: AbortController;

  constructor(private readonly deps: ImportDeps) {
    super();
  }

  private set(stage: ImportStage) {
    this.stage = stage;
    this.dispatchEvent(new Event('change'));
  }

  get hasFile(): boolean {
    return !!this.file;
  }

  /** Remembers the chosen file (picked or dropped). */
  chooseFile(file: Blob & { name?: string }): void {
    this.file = file;
    this.set({ kind: 'choose', file: { name: file.name ?? '', size: file.size } });
  }

  /** Decrypts the chosen file with `passphrase` and imports its keys. */
  async start(passphrase: string): Promise<void> {
    const file = this.file;
    if (!file || this.stage.kind === 'decrypting' || this.stage.kind === 'importing') return;
    const chosen: ChosenFile = { name: (file as { name?: string }).name ?? '', size: file.size };
    const controller = (this.controller = new AbortController());
    const { signal } = controller;
    this.set({ kind: 'decrypting', fraction: 0, phase: 'key-derivation' });
    let json: string;
    try {
      const decrypt = this.deps.decrypt ?? decryptMegolmKeyFile;
      let last = -1;
      json = await decrypt(file, passphrase, {
        signal,
        onProgress: (fraction, phase) => {
          const f = Math.floor(fraction * 100);
          if (f === last || signal.aborted) return;
          last = f;
          this.set({ kind: 'decrypting', fraction, phase: phase === 'key-derivation' ? 'key-derivation' : 'decryption' });
        },
      });
    } catch (e) {
      if (signal.aborted || (e as Error)?.name === 'AbortError') this.set({ kind: 'cancelled' });
      else this.set({ kind: 'choose', file: chosen, problem: problemOf(e) });
      return;
    }
    if (signal.aborted) return;
    // From here the import runs to its end in the crypto store: it can't be interrupted half-way.
    this.controller = undefined;
    this.set({ kind: 'importing', done: 0, total: 0 });
    try {
      const report = await this.deps.importKeys(json, (done, total) => this.set({ kind: 'importing', done, total }));
      json = '';
      this.set({ kind: 'done', report });
    } catch (e) {
      this.set({ kind: 'choose', file: chosen, problem: problemOf(e) });
    }
  }

  /** Stops while decrypting (nothing has been imported yet). */
  cancel(): void {
    if (this.stage.kind !== 'decrypting') return;
    this.controller?.abort();
    this.set({ kind: 'cancelled' });
  }

  /** Back to choosing a file (forgets the chosen one). */
  reset(): void {
    this.controller?.abort();
    this.file = undefined;
    this.set({ kind: 'choose' });
  }
}
