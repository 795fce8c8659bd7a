// Writing a key file: UTF-8 in place at the end of one file-sized buffer while the first worker derives the key,
// AES-CTR in two workers, the HMAC in the first, then base64 from the front of the same buffer on the page.
// See megolm-key-file.ts for the format and the design.
import { base64Length, encodeBase64Into } from './base64.js';
import {
  KEY_FILE_HEADER,
  KEY_FILE_TRAILER,
  DEFAULT_KDF_ROUNDS,
  MAX_KDF_ROUNDS,
  VERSION,
  PREFIX,
  MAC_LENGTH,
  LINE_CHARS,
  CHUNK,
  AES_CHUNK,
  BASE64_SLICE,
  COPY_CHUNK,
  subtle,
  throwIfAborted,
  nextTask,
  abortable,
  deriveKeys,
  addPhase,
  aesInPlace,
  openPair,
  type WorkerPair,
  type EncryptKeyFileOptions,
  type KeyFileTimings,
} from './key-file-common.js';

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

/** Characters per main-thread slice when writing ASCII text as bytes (a few milliseconds each). */
const ASCII_SLICE = 2 * 1024 * 1024;

/**
 * Writes `s` as bytes if it is all ASCII: characters [0, split) at `main[at…]`, [split, end) at `second[0…]`,
 * straight into the buffers the workers get, in slices with yields. A plain loop: every substring handed to
 * TextEncoder is copied first, which costs more than the encoding itself. Returns false at the first slice holding
 * a character outside ASCII (the caller then encodes the text as UTF-8 and wipes what was written here).
 */
async function asciiInto(s: string, main: Uint8Array, at: number, split: number, second: Uint8Array | undefined, signal?: AbortSignal): Promise<boolean> {
  for (let from = 0; from < s.length; ) {
    const to = Math.min(s.length, from + ASCII_SLICE);
    let bits = 0;
    for (let i = from, end = Math.min(to, split); i < end; i++) {
      const c = s.charCodeAt(i);
      bits |= c;
      main[at + i] = c;
    }
    if (second) {
      for (let i = Math.max(from, split); i < to; i++) {
        const c = s.charCodeAt(i);
        bits |= c;
        second[i - split] = c;
      }
    }
    if (bits >= 0x80) return false;
    from = to;
    if (from < s.length) {
      await nextTask();
      throwIfAborted(signal);
    }
  }
  return true;
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
  iv[8] &= 0x7f; // clear bit 63 so the counter cannot wrap into the nonce half (spec)
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
  let tp = performance.now();
  /** Ends a page phase: its time since the last one. */
  const lap = (name: string) => {
    const now = performance.now();
    addPhase(timings, name, now - tp);
    tp = now;
  };
  // Key exports are ASCII: then the text goes straight into the buffers the workers will get, the second worker's
  // half into its own (no copy of it later). Otherwise the exact UTF-8 goes into one buffer (utf8Placed).
  let n = plaintext.length;
  let layout = inPlaceLayout(n);
  let buf = new Uint8Array(layout.size);
  const halves = pair?.b && Math.ceil(n / AES_CHUNK) >= 2;
  const asciiSplit = halves ? Math.floor(Math.ceil(n / AES_CHUNK) / 2) * AES_CHUNK : n;
  let second: Uint8Array<ArrayBuffer> | undefined = asciiSplit < n ? new Uint8Array(n - asciiSplit) : undefined;
  if (!(await asciiInto(plaintext, buf, layout.bodyAt + PREFIX, asciiSplit, second, signal))) {
    buf.fill(0);
    second?.fill(0);
    second = undefined;
    const placed = await utf8Placed(
      plaintext,
      (k) => {
        layout = inPlaceLayout(k);
        return { buf: new Uint8Array(layout.size), at: layout.bodyAt + PREFIX };
      },
      signal,
    );
    buf = placed.buf;
    n = placed.n;
  }
  lap('page: UTF-8 encoding (with yields)');
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
    if (second && !(helper && split === PREFIX + asciiSplit)) {
      // The second worker did not start: its half goes back into the buffer.
      await copyChunked(second, 0, second.length, signal, body, PREFIX + asciiSplit);
      second = undefined;
    }
    if (helper && split < PREFIX + n) {
      lap('page: waiting for the workers to start');
      const half = second ?? (await copyChunked(body, split, PREFIX + n, signal));
      // eslint-disable-next-line no-useless-assignment -- drops the plaintext half now, not when the function ends
      second = undefined;
      lap('page: copying the second half (with yields)');
      helper.post({ op: 'encrypt-part', peer: pair!.bPort, iv, buffer: half.buffer, block: (split - PREFIX) / 16, piece: AES_CHUNK }, [half.buffer, pair!.bPort!]);
    }
    const derived = worker.next('derived') as Promise<{ kdfMs: number }>;
    const sealed = worker.next('sealed') as Promise<{ buffer: ArrayBuffer }>;
    derived.catch(() => undefined);
    sealed.catch(() => undefined);
    worker.onNote = (d: { done?: number }) => onProgress?.(0.5 + (0.3 * (d.done ?? 0)) / Math.max(1, n), 'encryption');
    worker.post({ op: 'encrypt', iv, buffer: buf.buffer, offset: bodyAt, length: bodyLength, n, prefix: PREFIX, piece: AES_CHUNK, split }, [buf.buffer]);
    timings.kdfMs = (await abortable(derived, signal)).kdfMs;
    lap('page: waiting for the key derivation');
    onProgress?.(0.5, 'encryption');
    const done = await abortable(sealed, signal);
    lap('page: waiting for AES and HMAC');
    for (const [k, v] of Object.entries((done as { stats?: Record<string, number> }).stats ?? {})) addPhase(timings, k, v);
    buf = new Uint8Array(done.buffer);
    worker.onNote = undefined;
    body = buf.subarray(bodyAt, bodyAt + bodyLength);
  } else {
    // Main-thread fallback: the key derivation now, with nothing else of ours running meanwhile; then AES-CTR piece
    // by piece in place, then the HMAC.
    if (second) await copyChunked(second, 0, second.length, signal, body, PREFIX + asciiSplit);
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
  tp = performance.now();

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
  lap('page: base64 (with yields)');
  // (the buffer holds only the file and, after it, a few bytes of ciphertext: nothing secret to wipe)
  onProgress?.(1, 'encryption');
  timings.totalMs = performance.now() - t0;
  return buf.subarray(0, fileLength);
}

/**
 * A copy of src[from, to) made in slices with yields (a single copy of tens of MB would be a long task): into a new
 * buffer, or into `into` at `at0` (then `src` is wiped: it held plaintext).
 */
async function copyChunked(src: Uint8Array, from: number, to: number, signal?: AbortSignal, into?: Uint8Array<ArrayBuffer>, at0 = 0): Promise<Uint8Array<ArrayBuffer>> {
  const copy = into ?? new Uint8Array(to - from);
  for (let at = from; at < to; at += COPY_CHUNK) {
    copy.set(src.subarray(at, Math.min(to, at + COPY_CHUNK)), at0 + at - from);
    if (into) src.fill(0, at, Math.min(to, at + COPY_CHUNK));
    if (at + COPY_CHUNK < to) {
      await nextTask();
      throwIfAborted(signal);
    }
  }
  return copy;
}

