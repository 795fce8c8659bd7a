// The Matrix "Key exports" file (`-----BEGIN MEGOLM SESSION DATA-----`), with WebCrypto only.
//
// body = 0x01 | salt(16) | IV(16) | rounds (u32 BE) | AES-256-CTR(K, IV, counter length 64) ciphertext | HMAC-SHA-256(K', all before)
// K | K' = PBKDF2-HMAC-SHA-512(passphrase as UTF-8, salt, rounds, 512 bits); the file is base64 of the body between
// the armour lines.
//
// Speed, memory and responsiveness on exports of 100 000+ sessions (tens of MB):
// - the key derivation is one WebCrypto deriveBits call in a crypto worker, started as soon as salt and rounds are
//   known; meanwhile the main thread does the work that needs no key: the UTF-8 encoding of the plaintext (encrypt),
//   the base64 decoding of the file (decrypt; natively with Uint8Array.prototype.setFromBase64 where available).
//   Little else runs then: on a small machine any busy thread slows the derivation down;
// - encrypt works in place: the plaintext is written at the end of one buffer of the whole file's size, encrypted
//   there by two workers (half each, 512 KB AES pieces), and returned to the page, which writes the base64 from the
//   front of the same buffer (WebAssembly SIMD for whole lines). Peak memory: that buffer, the HMAC's copy of the
//   body, and half the body for the second worker;
// - WebCrypto runs AES and HMAC on the calling thread (even on the page: some 90 ms for the HMAC of 60 MB), so both
//   run in the workers only;
// - decrypt: one worker checks the HMAC first (so its copy of the file is gone before the text grows), then decrypts
//   piece by piece; each plaintext piece goes to the page at once for its UTF-8 decoding. (A second worker checking
//   the HMAC on a copy meanwhile was no faster on a two-core machine, and used a third more memory.);
// - the work on the main thread is done in slices (about 1 MB), yielding to the event loop between them.

import { Base64Decoder, base64Length, encodeBase64Into } from './base64.js';
import { CryptoWorker } from './crypto-worker.js';

export const KEY_FILE_HEADER = '-----BEGIN MEGOLM SESSION DATA-----';
export const KEY_FILE_TRAILER = '-----END MEGOLM SESSION DATA-----';
/** Element's and the kit's default number of PBKDF2 rounds. */
export const DEFAULT_KDF_ROUNDS = 500_000;
/** Files asking for more rounds are refused: deriving the key would keep the device busy for minutes or hours. */
export const MAX_KDF_ROUNDS = 5_000_000;

const VERSION = 1;
const PREFIX = 1 + 16 + 16 + 4;
const MAC_LENGTH = 32;
const MIN_BODY = PREFIX + MAC_LENGTH;
/** Characters per base64 line in files we write (Element's layout: 96 bytes per line). */
const LINE_CHARS = 128;
/** Main-thread work per task: 1 MiB of input between yields (a few milliseconds on an idle machine). */
const CHUNK = 1024 * 1024;
/** Characters per native base64 decoding slice (setFromBase64 is several times faster than the JS decoder). */
const NATIVE_CHUNK = 2 * 1024 * 1024;
/**
 * AES-CTR runs per piece of this size (a multiple of 16 and of 3): under half a megabyte, so that WebCrypto's copies
 * and results come from the allocator's reusable buckets instead of fresh mappings (first-touch page faults cost more
 * than the AES itself).
 */
const AES_CHUNK = 512 * 1024 - ((512 * 1024) % 48);
/** Pieces handed to the page and not yet acknowledged, at most (memory: a few MB). */
const DECRYPT_WINDOW = 8;
/** Body bytes per base64 slice on the main thread: whole 96-byte lines, a few milliseconds with WebAssembly. */
const BASE64_SLICE = 3 * CHUNK - ((3 * CHUNK) % 96);
/** Bytes per slice when copying big buffers on the main thread. */
const COPY_CHUNK = 4 * 1024 * 1024;
/** The header must appear this early; beyond it the input is not a key file. */
const HEADER_SEARCH_LIMIT = 64 * 1024;

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

const subtle = () => globalThis.crypto.subtle;

function abortError(): Error {
  return new DOMException('The operation was aborted.', 'AbortError');
}

/** Frees a piece's memory now rather than at the next garbage collection (where ArrayBuffer.transfer exists). */
function release(b: ArrayBuffer): void {
  (b as ArrayBuffer & { transfer?: (n: number) => ArrayBuffer }).transfer?.(0);
}

function throwIfAborted(signal?: AbortSignal) {
  if (signal?.aborted) throw abortError();
}

/** Yields to the event loop (one macrotask) so input and rendering can run between chunks. */
function nextTask(): Promise<void> {
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
function abortable<T>(p: Promise<T>, signal?: AbortSignal): Promise<T> {
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
      (e) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}

interface DerivedKeys {
  aes: CryptoKey;
  hmac: CryptoKey;
}

/** One PBKDF2 deriveBits call (off the main thread in browsers), then the two keys. */
async function deriveKeys(passphrase: string, salt: Uint8Array, rounds: number, timings: KeyFileTimings): Promise<DerivedKeys> {
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
function counterAt(iv: Uint8Array, blocks: number): Uint8Array<ArrayBuffer> {
  const c = new Uint8Array(16);
  c.set(iv);
  const v = new DataView(c.buffer);
  v.setBigUint64(8, (v.getBigUint64(8) + BigInt(blocks)) & 0xffffffffffffffffn);
  return c;
}

/** AES-CTR over data[from, to) (from − start a multiple of 16), result written back in place. */
async function aesInPlace(key: CryptoKey, iv: Uint8Array, data: Uint8Array<ArrayBuffer>, start: number, from: number, to: number): Promise<void> {
  const counter = counterAt(iv, (from - start) / 16);
  const out = await subtle().encrypt({ name: 'AES-CTR', counter, length: 64 }, key, data.subarray(from, to));
  data.set(new Uint8Array(out), from);
}

function checkRounds(rounds: number): void {
  if (rounds === 0) throw new KeyFileError('bad-rounds', 'Invalid file: zero key-derivation rounds');
  if (rounds > MAX_KDF_ROUNDS) throw new KeyFileError('bad-rounds', `Invalid file: ${rounds} key-derivation rounds is more than ${MAX_KDF_ROUNDS}`);
}

// ---------------------------------------------------------------------------------------------------------------
// Encryption

/** UTF-8 length of s[from…]. */
function utf8Length(s: string, from: number): number {
  let n = 0;
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Where the UTF-8 of a plaintext of `n` bytes goes: a buffer and an offset in it (room for exactly n bytes there). */
type Placement = (n: number) => { buf: Uint8Array<ArrayBuffer>; at: number };

/**
 * Writes `plaintext` as UTF-8 where `place` says, chunked, with yields. Key exports are almost all ASCII: the first
 * placement assumes one byte per code unit; if the text is longer in UTF-8, it is placed again once, exactly, and
 * what was written moves there. Returns the final placement and n.
 */
async function utf8Placed(plaintext: string, place: Placement, signal?: AbortSignal): Promise<{ buf: Uint8Array<ArrayBuffer>; at: number; n: number }> {
  const enc = new TextEncoder();
  let n = plaintext.length;
  let { buf, at } = place(n);
  let pos = at;
  let i = 0;
  while (i < plaintext.length) {
    let end = Math.min(plaintext.length, i + CHUNK);
    // Don't split a surrogate pair.
    if (end < plaintext.length && (plaintext.charCodeAt(end - 1) & 0xfc00) === 0xd800) end--;
    const part = plaintext.substring(i, end);
    const { read, written } = enc.encodeInto(part, buf.subarray(pos, at + n));
    pos += written;
    i += read;
    if (read < part.length) {
      const exact = pos - at + utf8Length(plaintext, i);
      const next = place(exact);
      next.buf.set(buf.subarray(at, pos), next.at);
      buf.fill(0);
      pos = next.at + (pos - at);
      ({ buf, at } = next);
      n = exact;
      continue;
    }
    if (i < plaintext.length) {
      await nextTask();
      throwIfAborted(signal);
    }
  }
  return { buf, at, n };
}

const ASCII = new TextEncoder();
const HEADER_BYTES = ASCII.encode(KEY_FILE_HEADER + '\n');
const TRAILER_BYTES = ASCII.encode(KEY_FILE_TRAILER + '\n');
/** Spare bytes at the end of the in-place layout (so base64 written in place always stays behind what it reads). */
const IN_PLACE_SLACK = 64;

/**
 * The in-place layout of a file whose plaintext has `n` bytes: one buffer of the whole file's size (plus a little),
 * with the binary body at its end. The base64 is then written from the front of the same buffer: it grows 4/3 as
 * fast as it reads, but starts that much ahead, so it overtakes nothing it has not read yet. No second buffer of the
 * file's size is needed.
 */
function inPlaceLayout(n: number): { bodyLength: number; fileLength: number; size: number; bodyAt: number } {
  const bodyLength = PREFIX + n + MAC_LENGTH;
  const chars = base64Length(bodyLength);
  const fileLength = HEADER_BYTES.length + chars + Math.ceil(chars / LINE_CHARS) + TRAILER_BYTES.length;
  const size = fileLength + IN_PLACE_SLACK;
  return { bodyLength, fileLength, size, bodyAt: size - bodyLength };
}

/**
 * Encrypts `plaintext` (the JSON of exported room keys) with `passphrase` into the armoured key file, as bytes
 * (ASCII): 128-character base64 lines, `\n` line ends, as Element writes it. The IV's bit 63 is cleared.
 */
export async function encryptMegolmKeyFile(plaintext: string, passphrase: string, options: EncryptKeyFileOptions = {}): Promise<Uint8Array> {
  const { signal } = options;
  const timings = options.timings ?? {};
  const t0 = performance.now();
  const rounds = options.kdfRounds ?? DEFAULT_KDF_ROUNDS;
  if (!Number.isInteger(rounds) || rounds < 1 || rounds > MAX_KDF_ROUNDS)
    throw new RangeError(`kdfRounds must be an integer from 1 to ${MAX_KDF_ROUNDS}`);
  throwIfAborted(signal);

  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(16));
  iv[8]! &= 0x7f; // clear bit 63 so the counter cannot wrap into the nonce half (spec)
  // The key derivation starts in the first worker right away; the UTF-8 encoding runs here meanwhile.
  const pair = openPair(true);
  if (pair) {
    const pass = new TextEncoder().encode(passphrase);
    pair.a.post({ op: 'derive', passphrase: pass, salt, rounds, peer: pair.aPort }, [pass.buffer, ...(pair.aPort ? [pair.aPort] : [])]);
  }
  let ok = false;
  try {
    const file = await encryptWith(pair, plaintext, passphrase, rounds, salt, iv, options, timings, t0);
    ok = true;
    return file;
  } finally {
    pair?.end(ok, options.signal?.aborted);
  }
}

/** The two workers of a call (the second is optional), and the channel between them. */
interface WorkerPair {
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

function openPair(two: boolean): WorkerPair | undefined {
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

async function encryptWith(
  pair: WorkerPair | undefined,
  plaintext: string,
  passphrase: string,
  rounds: number,
  salt: Uint8Array,
  iv: Uint8Array,
  { signal, onProgress }: EncryptKeyFileOptions,
  timings: KeyFileTimings,
  t0: number,
): Promise<Uint8Array> {
  // UTF-8 into the body at the end of the file-sized buffer (chunked), while the worker derives the key.
  onProgress?.(0, 'key-derivation');
  let layout = inPlaceLayout(0);
  const placed = await utf8Placed(
    plaintext,
    (k) => {
      layout = inPlaceLayout(k);
      return { buf: new Uint8Array(layout.size), at: layout.bodyAt + PREFIX };
    },
    signal,
  );
  let buf = placed.buf;
  const { n } = placed;
  const { bodyAt, bodyLength, fileLength } = layout;
  let body = buf.subarray(bodyAt, bodyAt + bodyLength);
  body[0] = VERSION;
  body.set(salt, 1);
  body.set(iv, 17);
  new DataView(buf.buffer, bodyAt).setUint32(33, rounds, false);

  const worker = pair && (await abortable(pair.a.ready, signal)) ? pair.a : undefined;
  if (worker) {
    // AES and HMAC in the workers: the buffer moves to the first, the second gets a copy of the second half of the
    // plaintext and hands its ciphertext back to the first, which then computes the MAC and returns the buffer.
    const helper = pair!.b && (await abortable(pair!.b.ready, signal)) ? pair!.b : undefined;
    const pieces = Math.ceil(n / AES_CHUNK);
    const split = helper && pieces >= 2 ? PREFIX + Math.floor(pieces / 2) * AES_CHUNK : PREFIX + n;
    if (helper && split < PREFIX + n) {
      const half = await copyChunked(body, split, PREFIX + n, signal);
      helper.post({ op: 'encrypt-part', peer: pair!.bPort, iv, buffer: half.buffer, block: (split - PREFIX) / 16, piece: AES_CHUNK }, [half.buffer, pair!.bPort!]);
    }
    const derived = worker.next('derived') as Promise<{ kdfMs: number }>;
    const sealed = worker.next('sealed') as Promise<{ buffer: ArrayBuffer }>;
    derived.catch(() => undefined);
    sealed.catch(() => undefined);
    worker.onNote = (d: { done?: number }) => onProgress?.(0.5 + (0.3 * (d.done ?? 0)) / Math.max(1, n), 'encryption');
    worker.post({ op: 'encrypt', iv, buffer: buf.buffer, offset: bodyAt, length: bodyLength, n, prefix: PREFIX, piece: AES_CHUNK, split }, [buf.buffer]);
    timings.kdfMs = (await abortable(derived, signal)).kdfMs;
    onProgress?.(0.5, 'encryption');
    buf = new Uint8Array((await abortable(sealed, signal)).buffer);
    worker.onNote = undefined;
    body = buf.subarray(bodyAt, bodyAt + bodyLength);
  } else {
    // Main-thread fallback: the key derivation now, with nothing else of ours running meanwhile; then AES-CTR piece
    // by piece in place, then the HMAC.
    try {
      const keys = await abortable(deriveKeys(passphrase, salt, rounds, timings), signal);
      onProgress?.(0.5, 'encryption');
      for (let from = PREFIX; from < PREFIX + n; from += AES_CHUNK) {
        const to = Math.min(PREFIX + n, from + AES_CHUNK);
        await abortable(aesInPlace(keys.aes, iv, body, PREFIX, from, to), signal);
        onProgress?.(0.5 + (0.3 * (to - PREFIX)) / n, 'encryption');
      }
      body.set(new Uint8Array(await abortable(subtle().sign('HMAC', keys.hmac, body.subarray(0, PREFIX + n)), signal)), PREFIX + n);
    } catch (e) {
      body.fill(0);
      throw e;
    }
  }
  onProgress?.(0.8, 'encryption');

  // Base64 in place, from the front of the buffer (see inPlaceLayout), in slices with yields.
  buf.set(HEADER_BYTES, 0);
  let pos = HEADER_BYTES.length;
  let col = 0;
  for (let i = 0; i < bodyLength; ) {
    const to = Math.min(bodyLength, i + BASE64_SLICE);
    [pos, col] = encodeBase64Into(body, i, to, buf, pos, LINE_CHARS, col);
    i = to;
    onProgress?.(0.8 + (0.2 * i) / bodyLength, 'encryption');
    if (i < bodyLength) {
      await nextTask();
      throwIfAborted(signal);
    }
  }
  if (col !== 0) buf[pos++] = 0x0a;
  buf.set(TRAILER_BYTES, pos);
  pos += TRAILER_BYTES.length;
  if (pos !== fileLength) throw new Error(`key file layout: wrote ${pos} of ${fileLength} bytes`);
  // (the buffer holds only the file and, after it, a few bytes of ciphertext: nothing secret to wipe)
  onProgress?.(1, 'encryption');
  timings.totalMs = performance.now() - t0;
  return buf.subarray(0, fileLength);
}

/** A copy of src[from, to) made in slices with yields (a single copy of tens of MB would be a long task). */
async function copyChunked(src: Uint8Array, from: number, to: number, signal?: AbortSignal): Promise<Uint8Array<ArrayBuffer>> {
  const copy = new Uint8Array(to - from);
  for (let at = from; at < to; at += COPY_CHUNK) {
    copy.set(src.subarray(at, Math.min(to, at + COPY_CHUNK)), at - from);
    if (at + COPY_CHUNK < to) {
      await nextTask();
      throwIfAborted(signal);
    }
  }
  return copy;
}

// ---------------------------------------------------------------------------------------------------------------
// Decryption

/** The armoured text as bytes or as a string, with the few operations the reader needs. */
interface Source {
  readonly length: number;
  code(i: number): number;
  indexOf(needle: string, from: number): number;
  /** A short stretch as text (for header lines). */
  text(from: number, to: number): string;
  push(d: Base64Decoder, from: number, to: number): number;
}

function bytesSource(b: Uint8Array): Source {
  const latin1 = new TextDecoder('latin1');
  return {
    length: b.length,
    code: (i) => b[i]!,
    indexOf(needle, from) {
      const first = needle.charCodeAt(0);
      for (let i = b.indexOf(first, from); i >= 0 && i + needle.length <= b.length; i = b.indexOf(first, i + 1)) {
        let k = 1;
        while (k < needle.length && b[i + k] === needle.charCodeAt(k)) k++;
        if (k === needle.length) return i;
      }
      return -1;
    },
    text: (from, to) => latin1.decode(b.subarray(from, to)),
    push: (d, from, to) => d.pushBytes(b, from, to),
  };
}

function stringSource(s: string): Source {
  return {
    length: s.length,
    code: (i) => s.charCodeAt(i),
    indexOf: (needle, from) => s.indexOf(needle, from),
    text: (from, to) => s.slice(from, to),
    push: (d, from, to) => d.pushString(s, from, to),
  };
}

/** Like String.prototype.trim for the characters that matter here (ASCII space, tabs, CR, a UTF-8 or UTF-16 BOM). */
function trimLine(line: string): string {
  return line.replace(/^(?:[\s\uFEFF]|\u00EF\u00BB\u00BF)+/, '').replace(/[\s\uFEFF]+$/, '');
}

/** Finds the header line (lines before it are skipped); returns the index after its line break. */
function findHeader(src: Source): number {
  let start = 0;
  const limit = Math.min(src.length, HEADER_SEARCH_LIMIT);
  while (start < limit) {
    const nl = src.indexOf('\n', start);
    if (nl < 0 || nl > limit) break;
    if (trimLine(src.text(start, nl)) === KEY_FILE_HEADER) return nl + 1;
    start = nl + 1;
  }
  throw new KeyFileError('not-a-key-file', 'Header line not found', 'no-header');
}

function isSpace(c: number) {
  return c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0c;
}

/** True if the line holding index `i` starts (after spaces) at `i` and is the trailer. */
function isTrailerAt(src: Source, i: number, dataStart: number): boolean {
  let j = i - 1;
  while (j >= dataStart && isSpace(src.code(j))) j--;
  if (j >= dataStart && src.code(j) !== 0x0a) return false;
  let nl = src.indexOf('\n', i);
  if (nl < 0) nl = src.length;
  if (nl - i > KEY_FILE_TRAILER.length + 64) return false;
  return trimLine(src.text(i, nl)) === KEY_FILE_TRAILER;
}

async function toSource(file: string | ArrayBuffer | Uint8Array | Blob): Promise<Source> {
  if (typeof file === 'string') return stringSource(file);
  if (file instanceof Uint8Array) return bytesSource(file);
  if (file instanceof ArrayBuffer) return bytesSource(new Uint8Array(file));
  if (typeof Blob !== 'undefined' && file instanceof Blob) return bytesSource(new Uint8Array(await file.arrayBuffer()));
  throw new TypeError('decryptMegolmKeyFile: expected a string, ArrayBuffer, Uint8Array or Blob');
}

/**
 * Decrypts a key file with `passphrase` and returns its plaintext (the JSON of the exported room keys).
 * Accepts any line wrapping, CRLF, a BOM, blank lines, padded or unpadded base64, text before the header and after
 * the trailer, and IVs with bit 63 set. Rejects with `KeyFileError` (see its `code`) or an AbortError.
 */
export async function decryptMegolmKeyFile(file: string | ArrayBuffer | Uint8Array | Blob, passphrase: string, options: KeyFileOptions = {}): Promise<string> {
  const pair = openPair(false);
  let ok = false;
  try {
    const text = await decryptWith(pair, file, passphrase, options);
    ok = true;
    return text;
  } finally {
    pair?.end(ok, options.signal?.aborted);
  }
}

type NativeBase64Target = Uint8Array & {
  setFromBase64?: (s: string, o: { lastChunkHandling: 'loose' | 'stop-before-partial' }) => { read: number; written: number };
};
const hasNativeBase64 = typeof (Uint8Array.prototype as NativeBase64Target).setFromBase64 === 'function';

async function decryptWith(
  pair: WorkerPair | undefined,
  file: string | ArrayBuffer | Uint8Array | Blob,
  passphrase: string,
  options: KeyFileOptions,
): Promise<string> {
  const { signal, onProgress } = options;
  const timings = options.timings ?? {};
  const t0 = performance.now();
  throwIfAborted(signal);
  let src: Source | undefined = await toSource(file);
  throwIfAborted(signal);
  const dataStart = findHeader(src);
  const out = new Uint8Array(Math.floor(((src.length - dataStart) * 3) / 4) + 3);

  /** Version and round count, checked as soon as they are decoded (to refuse early); then the key derivation starts in the worker. */
  let rounds = -1;
  const afterSlice = (decodedLength: number) => {
    if (rounds >= 0 || decodedLength < PREFIX) return;
    if (out[0] !== VERSION) throw new KeyFileError('unsupported-version', `Unsupported version ${out[0]}`);
    const r = new DataView(out.buffer, out.byteOffset).getUint32(33, false);
    checkRounds(r);
    rounds = r;
    if (pair) {
      const pass = new TextEncoder().encode(passphrase);
      pair.a.post({ op: 'derive', passphrase: pass, salt: out.slice(1, 17), rounds, peer: pair.aPort }, [pass.buffer, ...(pair.aPort ? [pair.aPort] : [])]);
    }
  };
  const progress = (at: number) => onProgress?.((0.2 * (at - dataStart)) / (src!.length - dataStart), 'decryption');

  // Base64 → body, slice by slice, yielding between slices: natively where the browser can (the exact errors then
  // come from the JS decoder, which reads the file again if the native one refuses it).
  let decoded = hasNativeBase64 ? await decodeNative(src, dataStart, out, afterSlice, progress, signal) : undefined;
  if (!decoded) {
    const decoder = new Base64Decoder(out);
    let pos = dataStart;
    let ended = false;
    while (!ended) {
      const to = Math.min(src.length, pos + CHUNK);
      const stop = src.push(decoder, pos, to);
      if (stop < to) {
        if (!isTrailerAt(src, stop, dataStart)) {
          // Not base64. If no trailer follows at all, say that (what Element reports), else: bad base64.
          if (src.indexOf(KEY_FILE_TRAILER, stop) < 0) throw new KeyFileError('not-a-key-file', 'Trailer line not found', 'no-trailer');
          throw new KeyFileError('not-a-key-file', 'Invalid base64', 'bad-base64');
        }
        ended = true;
      } else if (to === src.length) {
        throw new KeyFileError('not-a-key-file', 'Trailer line not found', 'no-trailer');
      }
      pos = to;
      afterSlice(decoder.length);
      if (!ended) {
        progress(pos);
        await nextTask();
        throwIfAborted(signal);
      }
    }
    const d = decoder.finish();
    if (typeof d === 'string') throw new KeyFileError('not-a-key-file', 'Invalid base64', 'bad-base64');
    decoded = d;
  }
  src = undefined; // the input can go
  if (decoded.length < MIN_BODY) throw new KeyFileError('truncated', 'Invalid file: too short');
  afterSlice(decoded.length);

  onProgress?.(0.2, 'key-derivation');
  const macAt = decoded.length - MAC_LENGTH;
  const iv = decoded.slice(17, 33);
  const worker = pair && (await abortable(pair.a.ready, signal)) ? pair.a : undefined;
  if (worker) return decryptInWorker(worker, decoded, iv, macAt, options, timings, t0);

  // Main-thread fallback: the key derivation, with nothing else running on the page meanwhile.
  let keys: DerivedKeys;
  try {
    keys = await abortable(deriveKeys(passphrase, decoded.slice(1, 17), rounds, timings), signal);
  } catch (e) {
    decoded.fill(0);
    throw e;
  }
  onProgress?.(0.6, 'decryption');
  // WebCrypto copies its input when called, so the HMAC check runs on the ciphertext while the AES pieces are
  // decrypted in place and the UTF-8 text is decoded piece by piece. Nothing is returned unless the HMAC matches.
  const verified = subtle().verify('HMAC', keys.hmac, decoded.subarray(macAt), decoded.subarray(0, macAt));
  verified.catch(() => undefined);
  const dec = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let text = ''; // pieces are concatenated (a rope), not joined: no single long copy here
  try {
    let next: Promise<void> | undefined = macAt > PREFIX ? aesInPlace(keys.aes, iv, decoded, PREFIX, PREFIX, Math.min(macAt, PREFIX + AES_CHUNK)) : undefined;
    next?.catch(() => undefined);
    for (let from = PREFIX; from < macAt; from += AES_CHUNK) {
      const to = Math.min(macAt, from + AES_CHUNK);
      await abortable(next!, signal);
      next = to < macAt ? aesInPlace(keys.aes, iv, decoded, PREFIX, to, Math.min(macAt, to + AES_CHUNK)) : undefined;
      next?.catch(() => undefined);
      for (let i = from; i < to; i += CHUNK) {
        const end = Math.min(to, i + CHUNK);
        try {
          text += dec.decode(decoded.subarray(i, end), { stream: end < macAt });
          decoded.fill(0, i, end); // the plaintext piece now lives only in the result
        } catch (e) {
          if (e instanceof TypeError) {
            // Only say "not UTF-8" for an authentic file; otherwise it is the usual wrong passphrase / damage.
            if (!(await abortable(verified, signal))) throw new KeyFileError('wrong-passphrase-or-damaged', 'HMAC mismatch: wrong passphrase or damaged file');
            throw new KeyFileError('not-utf8', 'The decrypted data is not valid UTF-8');
          }
          throw e;
        }
        onProgress?.(0.6 + (0.4 * (end - PREFIX)) / (macAt - PREFIX), 'decryption');
        await nextTask();
        throwIfAborted(signal);
      }
    }
    if (!(await abortable(verified, signal))) {
      throw new KeyFileError('wrong-passphrase-or-damaged', 'HMAC mismatch: wrong passphrase or damaged file');
    }
    onProgress?.(1, 'decryption');
    timings.totalMs = performance.now() - t0;
    return text;
  } catch (e) {
    decoded.fill(0);
    throw e;
  }
}

/**
 * The base64 between the armour lines with the browser's own decoder (Uint8Array.prototype.setFromBase64, which
 * skips ASCII whitespace like atob), in slices with yields. Returns the decoded bytes, or undefined when the text
 * is not plainly base64 followed by the trailer line (the JS decoder then reads it again and says what is wrong).
 */
async function decodeNative(
  src: Source,
  dataStart: number,
  out: Uint8Array<ArrayBuffer>,
  afterSlice: (decodedLength: number) => void,
  progress: (at: number) => void,
  signal?: AbortSignal,
): Promise<Uint8Array<ArrayBuffer> | undefined> {
  const end = src.indexOf(KEY_FILE_TRAILER, dataStart);
  if (end < 0 || !isTrailerAt(src, end, dataStart)) return undefined;
  let pos = dataStart;
  let written = 0;
  while (pos < end) {
    const last = pos + NATIVE_CHUNK >= end;
    const text = src.text(pos, last ? end : pos + NATIVE_CHUNK);
    let r: { read: number; written: number };
    try {
      r = (out.subarray(written) as NativeBase64Target).setFromBase64!(text, { lastChunkHandling: last ? 'loose' : 'stop-before-partial' });
    } catch (e) {
      if (e instanceof SyntaxError) return undefined;
      throw e;
    }
    written += r.written;
    if (last) {
      if (r.read !== text.length) return undefined;
      break;
    }
    if (r.read === 0) return undefined;
    pos += r.read;
    afterSlice(written);
    progress(pos);
    await nextTask();
    throwIfAborted(signal);
  }
  return out.subarray(0, written);
}

/**
 * The worker (which has derived the key meanwhile) checks the HMAC, then decrypts piece by piece; the UTF-8 text is
 * decoded here as the pieces arrive.
 */
async function decryptInWorker(
  worker: CryptoWorker,
  decoded: Uint8Array<ArrayBuffer>,
  iv: Uint8Array,
  macAt: number,
  { signal, onProgress }: KeyFileOptions,
  timings: KeyFileTimings,
  t0: number,
): Promise<string> {
  const derived = worker.next('derived') as Promise<{ kdfMs: number }>;
  const verifiedP = worker.next('verified') as Promise<{ ok: boolean }>;
  derived.catch(() => undefined);
  verifiedP.catch(() => undefined);
  const verified = async () => (await abortable(verifiedP, signal)).ok;
  const { byteOffset, length } = decoded;
  worker.post({ op: 'decrypt', iv, buffer: decoded.buffer, offset: byteOffset, length, prefix: PREFIX, piece: AES_CHUNK, window: DECRYPT_WINDOW }, [decoded.buffer]);
  timings.kdfMs = (await abortable(derived, signal)).kdfMs;
  onProgress?.(0.6, 'decryption');
  // The worker checks the HMAC before it decrypts anything (and sends nothing when it fails).
  if (!(await verified())) throw new KeyFileError('wrong-passphrase-or-damaged', 'HMAC mismatch: wrong passphrase or damaged file');
  onProgress?.(0.7, 'decryption');
  const total = macAt - PREFIX;
  const pieces = Math.ceil(total / AES_CHUNK);
  const dec = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let text = ''; // a rope of slices: no single long copy here
  let done = 0;
  for (let k = 0; k < pieces; k++) {
    const plain = new Uint8Array(((await abortable(worker.next(`piece:${k}`), signal)) as { buffer: ArrayBuffer }).buffer);
    try {
      for (let i = 0; i < plain.length; i += CHUNK) {
        const end = Math.min(plain.length, i + CHUNK);
        try {
          text += dec.decode(plain.subarray(i, end), { stream: k + 1 < pieces || end < plain.length });
        } catch (e) {
          if (e instanceof TypeError) {
            // Only say "not UTF-8" for an authentic file; otherwise it is the usual wrong passphrase / damage. The
            // worker skips the rest of the decryption and goes straight to the check.
            worker.post({ op: 'skip' });
            if (!(await verified())) throw new KeyFileError('wrong-passphrase-or-damaged', 'HMAC mismatch: wrong passphrase or damaged file');
            throw new KeyFileError('not-utf8', 'The decrypted data is not valid UTF-8');
          }
          throw e;
        }
        plain.fill(0, i, end);
        done += end - i;
        onProgress?.(0.7 + (0.3 * done) / total, 'decryption');
        await nextTask();
        throwIfAborted(signal);
      }
    } finally {
      plain.fill(0);
    }
    worker.post({ op: 'ack' });
    release(plain.buffer);
  }
  if (!(await verified())) throw new KeyFileError('wrong-passphrase-or-damaged', 'HMAC mismatch: wrong passphrase or damaged file');
  onProgress?.(1, 'decryption');
  timings.totalMs = performance.now() - t0;
  return text;
}
