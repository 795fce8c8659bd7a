// Reading a key file: the armour and the base64 on the page (natively where the browser can) while the worker
// derives the key, then the HMAC check and AES-CTR in the worker, the UTF-8 text decoded on the page piece by piece.
// See megolm-key-file.ts for the format and the design.
import { Base64Decoder } from './base64.js';
import { CryptoWorker } from './crypto-worker.js';
import {
  KEY_FILE_HEADER,
  KEY_FILE_TRAILER,
  VERSION,
  PREFIX,
  MAC_LENGTH,
  MIN_BODY,
  CHUNK,
  NATIVE_CHUNK,
  AES_CHUNK,
  DECRYPT_WINDOW,
  HEADER_SEARCH_LIMIT,
  KeyFileError,
  subtle,
  release,
  throwIfAborted,
  nextTask,
  abortable,
  deriveKeys,
  addPhase,
  aesInPlace,
  checkRounds,
  openPair,
  type DerivedKeys,
  type WorkerPair,
  type KeyFileOptions,
  type KeyFileTimings,
} from './key-file-common.js';

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
    code: (i) => b[i],
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
  const tp = performance.now();
  addPhase(timings, 'page: reading the file, finding the header', tp - t0);
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
  addPhase(timings, 'page: base64 decoding (with yields)', performance.now() - tp);
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
  let tp = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    addPhase(timings, name, now - tp);
    tp = now;
  };
  timings.kdfMs = (await abortable(derived, signal)).kdfMs;
  lap('page: waiting for the key derivation');
  onProgress?.(0.6, 'decryption');
  // The worker checks the HMAC while it decrypts: pieces may arrive before the answer. The text is returned only
  // once the check has passed; a failed check ends the wait for pieces (the worker stops sending them).
  const failedCheck = verifiedP.then((v) => (v.ok ? new Promise<never>(() => undefined) : v));
  failedCheck.catch(() => undefined);
  const total = macAt - PREFIX;
  const pieces = Math.ceil(total / AES_CHUNK);
  const dec = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let text = ''; // a rope of slices: no single long copy here
  let done = 0;
  for (let k = 0; k < pieces; k++) {
    const got = (await abortable(Promise.race([worker.next(`piece:${k}`), failedCheck]), signal)) as { buffer: ArrayBuffer } | { ok: false };
    if ('ok' in got) throw new KeyFileError('wrong-passphrase-or-damaged', 'HMAC mismatch: wrong passphrase or damaged file');
    const plain = new Uint8Array(got.buffer);
    lap('page: waiting for decrypted pieces');
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
        onProgress?.(0.6 + (0.4 * done) / total, 'decryption');
        lap('page: UTF-8 decoding');
        await nextTask();
        lap('page: yielding between slices');
        throwIfAborted(signal);
      }
    } finally {
      plain.fill(0);
    }
    worker.post({ op: 'ack' });
    release(plain.buffer);
  }
  if (!(await verified())) throw new KeyFileError('wrong-passphrase-or-damaged', 'HMAC mismatch: wrong passphrase or damaged file');
  lap('page: waiting for the HMAC check after the last piece');
  if (timings.phases) {
    const stats = (await abortable(worker.next('stats'), signal)) as { stats: Record<string, number> };
    for (const [k, v] of Object.entries(stats.stats)) addPhase(timings, k, v);
  }
  onProgress?.(1, 'decryption');
  timings.totalMs = performance.now() - t0;
  return text;
}

