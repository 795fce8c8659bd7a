// Table-driven standard base64 over bytes, written for files of tens of megabytes: it encodes straight into a
// preallocated output buffer (with line breaks) and decodes straight into a preallocated byte buffer, in chunks,
// so the caller can yield to the event loop between chunks. No strings are built for the data itself.
// Whole 128-character lines are encoded with WebAssembly SIMD where the browser allows it (about ten times the speed
// of the JavaScript loop, which remains for the rest and for pages whose Content-Security-Policy forbids WebAssembly).

import { BASE64_LINES_WASM } from './base64-lines.wasm.js';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Byte value → 6-bit value; 64 = whitespace (skipped), 65 = '=', 255 = invalid. */
const DECODE_BYTE = /* @__PURE__ */ (() => {
  const t = new Uint8Array(256).fill(255);
  for (let i = 0; i < 64; i++) t[ALPHABET.charCodeAt(i)] = i;
  for (const ws of [0x20, 0x09, 0x0a, 0x0d, 0x0c]) t[ws] = 64;
  t[0x3d] = 65;
  return t;
})();

/** Two bytes (first << 8 | second) → their 12 bits, or 0xffff unless both are in the alphabet. */
const DECODE_PAIR = /* @__PURE__ */ (() => {
  const t = new Uint16Array(65536).fill(0xffff);
  for (let a = 0; a < 64; a++) {
    for (let b = 0; b < 64; b++) t[(ALPHABET.charCodeAt(a) << 8) | ALPHABET.charCodeAt(b)] = (a << 6) | b;
  }
  return t;
})();

/** 12 bits → two ASCII characters as a little-endian 16-bit unit (first character in the low byte). */
const ENCODE_PAIR_LE = /* @__PURE__ */ (() => {
  const t = new Uint16Array(4096);
  for (let i = 0; i < 4096; i++) t[i] = ALPHABET.charCodeAt(i >> 6) | (ALPHABET.charCodeAt(i & 63) << 8);
  return t;
})();

/** 12 bits → two ASCII characters, packed high byte first. */
const ENCODE_PAIR = /* @__PURE__ */ (() => {
  const t = new Uint16Array(4096);
  for (let i = 0; i < 4096; i++) t[i] = (ALPHABET.charCodeAt(i >> 6) << 8) | ALPHABET.charCodeAt(i & 63);
  return t;
})();

const SCRATCH_WORDS = 64;
const SCRATCH32 = new Uint32Array(SCRATCH_WORDS);
const SCRATCH8 = new Uint8Array(SCRATCH32.buffer);
const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

interface LinesEncoder {
  memory: WebAssembly.Memory;
  encodeLines(src: number, dst: number, lines: number): number;
}

/** The SIMD line encoder: undefined until first needed, null where WebAssembly (or its SIMD) is unavailable. */
let wasmLines: LinesEncoder | null | undefined;
let wasmAllowed = true;
/** Lines per WebAssembly call (≈ 1 MiB of input), and the fewest worth copying in and out for. */
const WASM_LINES = 10_922;
const WASM_MIN_LINES = 8;
const WASM_IN = WASM_LINES * 96 + 64;

function linesEncoder(): LinesEncoder | null {
  if (wasmLines !== undefined) return wasmLines;
  wasmLines = null;
  try {
    const bytes = Uint8Array.from(atob(BASE64_LINES_WASM), (c) => c.charCodeAt(0));
    // Synchronous compilation is fine for a module this small (< 4 KB), also on the main thread.
    const exports = new WebAssembly.Instance(new WebAssembly.Module(bytes)).exports as unknown as LinesEncoder;
    const need = WASM_IN + WASM_LINES * 129;
    exports.memory.grow(Math.ceil((need - exports.memory.buffer.byteLength) / 65536));
    wasmLines = exports;
  } catch {
    // No WebAssembly, no SIMD, or a Content-Security-Policy without 'wasm-unsafe-eval': the JavaScript loop does it.
  }
  return wasmLines;
}

/** For tests: false forces the JavaScript encoder. */
export function useWasmBase64(on: boolean): void {
  wasmAllowed = on;
}

/** True when whole lines are being encoded with WebAssembly here. */
export function wasmBase64Available(): boolean {
  return linesEncoder() !== null;
}

/** Length of the base64 text (padded) of `n` bytes. */
export function base64Length(n: number): number {
  return Math.ceil(n / 3) * 4;
}

/**
 * Encodes `src[from, to)` into `out` at `pos` and returns the new position. `from` must be a multiple of 3
 * relative to the start of the encoded stream, and unless `to` is the end of the data, `to - from` must be a
 * multiple of 3 too (so chunks join without padding in between). `lineChars` characters per line (a multiple
 * of 4), each line followed by `\n`; `col` is the column where this chunk starts. Returns [pos, col].
 */
export function encodeBase64Into(
  src: Uint8Array,
  from: number,
  to: number,
  out: Uint8Array,
  pos: number,
  lineChars: number,
  col: number,
): [number, number] {
  const T = ENCODE_PAIR;
  const full = from + Math.floor((to - from) / 3) * 3;
  let i = from;
  const slow = (limit: number) => {
    while (i < limit) {
      // As many whole groups as fit on the current line.
      const groups = Math.min((limit - i) / 3, (lineChars - col) >> 2);
      const end = i + groups * 3;
      for (; i < end; i += 3) {
        const n = (src[i] << 16) | (src[i + 1] << 8) | src[i + 2];
        const a = T[n >> 12];
        const b = T[n & 0xfff];
        out[pos] = a >> 8;
        out[pos + 1] = a & 0xff;
        out[pos + 2] = b >> 8;
        out[pos + 3] = b & 0xff;
        pos += 4;
      }
      col += groups * 4;
      if (col === lineChars) {
        out[pos++] = 0x0a;
        col = 0;
      }
    }
  };
  // Finish the current line, then whole lines with 32-bit stores into an aligned scratch line and one copy each
  // (4 characters per store), then the rest.
  if (col !== 0) slow(Math.min(full, i + (((lineChars - col) >> 2) * 3)));
  if (col === 0 && lineChars === 128 && wasmAllowed && (full - i) / 96 >= WASM_MIN_LINES) {
    const w = linesEncoder();
    if (w) {
      const mem = new Uint8Array(w.memory.buffer);
      while (full - i >= 96 * WASM_MIN_LINES) {
        const lines = Math.min(WASM_LINES, Math.floor((full - i) / 96));
        mem.set(src.subarray(i, i + lines * 96), 0);
        const end = w.encodeLines(0, WASM_IN, lines);
        out.set(mem.subarray(WASM_IN, end), pos);
        pos += end - WASM_IN;
        i += lines * 96;
      }
    }
  }
  if (col === 0 && lineChars <= SCRATCH_WORDS * 4 && lineChars % 4 === 0 && littleEndian) {
    const L = ENCODE_PAIR_LE;
    const words = lineChars >> 2;
    const lineBytes = words * 3;
    while (full - i >= lineBytes) {
      for (let w = 0; w < words; w++, i += 3) {
        const n = (src[i] << 16) | (src[i + 1] << 8) | src[i + 2];
        SCRATCH32[w] = L[n >> 12] | (L[n & 0xfff] << 16);
      }
      out.set(SCRATCH8.subarray(0, lineChars), pos);
      pos += lineChars;
      out[pos++] = 0x0a;
    }
  }
  slow(full);
  const rest = to - full;
  if (rest > 0) {
    const n = (src[i] << 16) | (rest === 2 ? src[i + 1] << 8 : 0);
    const a = T[n >> 12];
    const b = T[n & 0xfff];
    out[pos] = a >> 8;
    out[pos + 1] = a & 0xff;
    out[pos + 2] = rest === 2 ? b >> 8 : 0x3d;
    out[pos + 3] = 0x3d;
    pos += 4;
    col += 4;
    if (col === lineChars) {
      out[pos++] = 0x0a;
      col = 0;
    }
  }
  return [pos, col];
}

const ENCODER = new TextEncoder();
const STRING_SCRATCH = new Uint8Array(64 * 1024);

export type Base64Problem = 'invalid-character' | 'bad-length';

/**
 * Incremental forgiving base64 decoder (the WHATWG rules atob uses: ASCII whitespace anywhere is skipped, up to
 * two '=' only at the very end, a length of 4k+1 is an error, leftover bits are dropped). Feed it bytes
 * (`pushBytes`) or UTF-16 code units (`pushString`); it writes into the buffer given to the constructor.
 * A push stops at the first byte it can't take and returns its index, so the caller can check for the trailer.
 */
export class Base64Decoder {
  /** Bytes written so far. */
  length = 0;
  private acc = 0;
  private nsextets = 0;
  private pads = 0;

  constructor(readonly out: Uint8Array<ArrayBuffer>) {}

  /** Decodes src[from, to); returns `to`, or the index of the first character that is not base64/space. */
  pushBytes(src: Uint8Array, from: number, to: number): number {
    const D = DECODE_BYTE;
    const P = DECODE_PAIR;
    const out = this.out;
    let acc = this.acc;
    let k = this.nsextets;
    let o = this.length;
    let i = from;
    if (this.pads === 0) {
      // Fast path: four sextets at a time while no whitespace interrupts.
      for (; i < to; ) {
        if (k === 0) {
          // Four characters at a time (two pair lookups) until something else than the alphabet shows up.
          while (i + 4 <= to) {
            const x = P[(src[i] << 8) | src[i + 1]];
            const y = P[(src[i + 2] << 8) | src[i + 3]];
            if ((x | y) > 0xfff) break;
            out[o] = x >> 4;
            out[o + 1] = ((x & 0xf) << 4) | (y >> 8);
            out[o + 2] = y & 0xff;
            o += 3;
            i += 4;
          }
          if (i >= to) break;
        }
        const v = D[src[i]];
        if (v < 64) {
          acc = (acc << 6) | v;
          if (++k === 4) {
            out[o] = acc >> 16;
            out[o + 1] = (acc >> 8) & 0xff;
            out[o + 2] = acc & 0xff;
            o += 3;
            k = 0;
            acc = 0;
          }
          i++;
        } else if (v === 64) {
          i++;
        } else if (v === 65) {
          break; // padding: handled below
        } else {
          this.save(acc, k, o);
          return i;
        }
      }
    }
    this.save(acc, k, o);
    // Padding: only '=' and whitespace may follow.
    for (; i < to; i++) {
      const v = D[src[i]];
      if (v === 65) this.pads++;
      else if (v !== 64) return i;
    }
    return to;
  }

  /** Same as pushBytes over a string (copied to bytes a slice at a time; non-Latin-1 characters are invalid). */
  pushString(src: string, from: number, to: number): number {
    const bytes = STRING_SCRATCH;
    for (let i = from; i < to; ) {
      const end = Math.min(to, i + bytes.length);
      // Characters ≥ 0x80 would become several UTF-8 bytes: find them the slow way (they are never base64).
      const part = src.substring(i, end);
      const { read, written } = ENCODER.encodeInto(part, bytes);
      if (written !== read) {
        for (let j = 0; j < part.length; j++) {
          if (part.charCodeAt(j) >= 0x80) {
            const stop = j === 0 ? i : this.pushString(src, i, i + j);
            return stop < i + j ? stop : i + j;
          }
        }
      }
      const stop = this.pushBytes(bytes, 0, written);
      if (stop < written) return i + stop;
      i = end;
    }
    return to;
  }

  private save(acc: number, k: number, o: number) {
    this.acc = acc;
    this.nsextets = k;
    this.length = o;
  }

  /** Flushes the last partial group; returns the decoded bytes, or the problem. */
  finish(): Uint8Array<ArrayBuffer> | Base64Problem {
    const k = this.nsextets;
    if (this.pads > 0 && (this.pads > 2 || (k + this.pads) % 4 !== 0)) return 'invalid-character';
    if (k === 1) return 'bad-length';
    if (k === 2) this.out[this.length++] = (this.acc >> 4) & 0xff;
    else if (k === 3) {
      this.out[this.length++] = (this.acc >> 10) & 0xff;
      this.out[this.length++] = (this.acc >> 2) & 0xff;
    }
    this.nsextets = 0;
    return this.out.subarray(0, this.length);
  }
}
