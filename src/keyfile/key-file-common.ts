// What the key-file writer (key-file-encrypt.ts) and reader (key-file-decrypt.ts) share: the format's constants,
// the errors and options, the key derivation, AES-CTR counters, abort and yield helpers, and the crypto workers of
// a call. The format and the design are described in megolm-key-file.ts.
import { CryptoWorker } from './crypto-worker.js';

export const KEY_FILE_HEADER = '-----BEGIN MEGOLM SESSION DATA-----';
export const KEY_FILE_TRAILER = '-----END MEGOLM SESSION DATA-----';
/** Element's and the kit's default number of PBKDF2 rounds. */
export const DEFAULT_KDF_ROUNDS = 500_000;
/** Files asking for more rounds are refused: deriving the key would keep the device busy for minutes or hours. */
export const MAX_KDF_ROUNDS = 5_000_000;

export const VERSION = 1;
export const PREFIX = 1 + 16 + 16 + 4;
export const MAC_LENGTH = 32;
export const MIN_BODY = PREFIX + MAC_LENGTH;
/** Characters per base64 line in files we write (Element's layout: 96 bytes per line). */
export const LINE_CHARS = 128;
/** Main-thread work per task: 1 MiB of input between yields (a few milliseconds on an idle machine). */
export const CHUNK = 1024 * 1024;
/** Characters per native base64 decoding slice (setFromBase64 is several times faster than the JS decoder). */
export const NATIVE_CHUNK = 2 * 1024 * 1024;
/**
 * AES-CTR runs per piece of this size (a multiple of 16 and of 3): under half a megabyte, so that WebCrypto's copies
 * and results come from the allocator's reusable buckets instead of fresh mappings (first-touch page faults cost more
 * than the AES itself).
 */
export const AES_CHUNK = 512 * 1024 - ((512 * 1024) % 48);
/** Pieces handed to the page and not yet acknowledged, at most (memory: a few MB). */
export const DECRYPT_WINDOW = 8;
/** Body bytes per base64 slice on the main thread: whole 96-byte lines, a few milliseconds with WebAssembly. */
export const BASE64_SLICE = 3 * CHUNK - ((3 * CHUNK) % 96);
/** Bytes per slice when copying big buffers on the main thread. */
export const COPY_CHUNK = 4 * 1024 * 1024;
/** The header must appear this early; beyond it the input is not a key file. */
export const HEADER_SEARCH_LIMIT = 64 * 1024;

export type KeyFileErrorCode =
  /** The HMAC does not match: the passphrase is wrong or the file was changed. The two cannot be told apart. */
  | 'wrong-passphrase-or-damaged'
  /** No armour lines, or not base64 between them. */
  | 'not-a-key-file'
  /** A format version other than 1. */
  | 'unsupported-version'
  /** Shorter than the smallest possible file. */
  | 'truncated'
  /** A round count of zero, or so large that deriving the key would not finish in reasonable time. */
  | 'bad-rounds'
  /** The decrypted contents are not UTF-8 text. */
  | 'not-utf8';

export type KeyFileErrorReason = 'no-header' | 'no-trailer' | 'bad-base64';

/** Why a key file could not be read. `code` is stable; `message` is English for logs. */
export class KeyFileError extends Error {
  override readonly name = 'KeyFileError';
  constructor(
    readonly code: KeyFileErrorCode,
    message: string,
    readonly reason?: KeyFileErrorReason,
  ) {
    super(message);
  }
}

export type KeyFilePhase = 'key-derivation' | 'encryption' | 'decryption';

/** Filled in by the functions when passed, for measurements (milliseconds). */
export interface KeyFileTimings {
  /** From starting the key derivation until its bits were available. */
  kdfMs?: number;
  /** The whole call. */
  totalMs?: number;
  /**
   * Where the time went, by phase and thread (milliseconds; for the benchmark): "page: …" is work on the page
   * (summed over its slices) or waiting there; "worker …: …" is measured inside the crypto workers.
   */
  phases?: Record<string, number>;
}

/** Adds `ms` to a phase of `timings` (when the caller asked for timings). */
export function addPhase(timings: KeyFileTimings, name: string, ms: number): void {
  const p = (timings.phases ??= {});
  p[name] = (p[name] ?? 0) + ms;
}

export interface KeyFileOptions {
  signal?: AbortSignal;
  /**
   * Overall progress 0…1 and the phase it is in. The key derivation cannot report progress: while it runs the
   * phase is 'key-derivation' and the fraction stays where it was.
   */
  onProgress?: (fraction: number, phase: KeyFilePhase) => void;
  timings?: KeyFileTimings;
}

export interface EncryptKeyFileOptions extends KeyFileOptions {
  /** PBKDF2 rounds (default 500 000). */
  kdfRounds?: number;
}

export const subtle = () => globalThis.crypto.subtle;

export function abortError(): Error {
  return new DOMException('The operation was aborted.', 'AbortError');
}

/** Frees a piece's memory now rather than at the next garbage collection (where ArrayBuffer.transfer exists). */
export function release(b: ArrayBuffer): void {
  (b as ArrayBuffer & { transfer?: (n: number) => ArrayBuffer }).transfer?.(0);
}

export function throwIfAborted(signal?: AbortSignal) {
  if (signal?.aborted) throw abortError();
}

/** Yields to the event loop (one macrotask) so input and rendering can run between chunks. */
export function nextTask(): Promise<void> {
  // Not scheduler.yield(): its continuations run before other tasks, which would starve the task that delivers
  // the WebCrypto results (the key derivation would look slower than it is, and progress would stall).
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => {
      ch.port1.close();
      resolve();
    };
    ch.port2.postMessage(null);
  });
}

/** Settles like `p`, or rejects with AbortError as soon as `signal` aborts. */
export function abortable<T>(p: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return p;
  return new Promise<T>((resolve, reject) => {
    if (signal.aborted) return reject(abortError());
    const onAbort = () => reject(abortError());
    signal.addEventListener('abort', onAbort, { once: true });
    p.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}

export interface DerivedKeys {
  aes: CryptoKey;
  hmac: CryptoKey;
}

/** One PBKDF2 deriveBits call (off the main thread in browsers), then the two keys. */
export async function deriveKeys(passphrase: string, salt: Uint8Array, rounds: number, timings: KeyFileTimings): Promise<DerivedKeys> {
  const t0 = performance.now();
  const base = await subtle().importKey('raw', new TextEncoder().encode(passphrase), 'PBKDF2', false, ['deriveBits']);
  const bits = new Uint8Array(
    await subtle().deriveBits({ name: 'PBKDF2', salt: salt as BufferSource, iterations: rounds, hash: 'SHA-512' }, base, 512),
  );
  timings.kdfMs = performance.now() - t0;
  try {
    const [aes, hmac] = await Promise.all([
      subtle().importKey('raw', bits.subarray(0, 32), { name: 'AES-CTR' }, false, ['encrypt', 'decrypt']),
      subtle().importKey('raw', bits.subarray(32, 64), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']),
    ]);
    return { aes, hmac };
  } finally {
    bits.fill(0);
  }
}

/** The AES-CTR counter block `blocks` blocks after `iv` (the low 64 bits count, wrapping, as the format says). */
export function counterAt(iv: Uint8Array, blocks: number): Uint8Array<ArrayBuffer> {
  const c = new Uint8Array(16);
  c.set(iv);
  const v = new DataView(c.buffer);
  v.setBigUint64(8, (v.getBigUint64(8) + BigInt(blocks)) & 0xffffffffffffffffn);
  return c;
}

/** AES-CTR over data[from, to) (from − start a multiple of 16), result written back in place. */
export async function aesInPlace(key: CryptoKey, iv: Uint8Array, data: Uint8Array<ArrayBuffer>, start: number, from: number, to: number): Promise<void> {
  const counter = counterAt(iv, (from - start) / 16);
  const out = await subtle().encrypt({ name: 'AES-CTR', counter, length: 64 }, key, data.subarray(from, to));
  data.set(new Uint8Array(out), from);
}

export function checkRounds(rounds: number): void {
  if (rounds === 0) throw new KeyFileError('bad-rounds', 'Invalid file: zero key-derivation rounds');
  if (rounds > MAX_KDF_ROUNDS) throw new KeyFileError('bad-rounds', `Invalid file: ${rounds} key-derivation rounds is more than ${MAX_KDF_ROUNDS}`);
}


/** The two workers of a call (the second is optional), and the channel between them. */
export interface WorkerPair {
  a: CryptoWorker;
  b?: CryptoWorker;
  aPort?: MessagePort;
  bPort?: MessagePort;
  /**
   * Back to the pool once they have finished (at once if they were given no work); after a failure or an abort,
   * only if they finish within a moment (e.g. the HMAC check after a wrong passphrase), else they are terminated.
   */
  end(ok: boolean, aborted?: boolean): void;
}

export function openPair(two: boolean): WorkerPair | undefined {
  const a = CryptoWorker.open();
  if (!a) return undefined;
  const b = two && CryptoWorker.helpers ? CryptoWorker.open() : undefined;
  const ch = b ? new MessageChannel() : undefined;
  return {
    a,
    b,
    aPort: ch?.port1,
    bPort: ch?.port2,
    end(ok, aborted) {
      for (const w of [a, b]) {
        if (aborted) w?.terminate();
        else void w?.release(ok ? 5000 : 1000);
      }
    },
  };
}

/** Starts the workers the key-file functions use, so that the next call does not wait for them to boot. */
export function warmUpKeyFileWorkers(): void {
  CryptoWorker.warmUp();
}
