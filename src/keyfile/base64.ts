// Table-driven standard base64 over bytes, written for files of tens of megabytes: it encodes straight into a
// preallocated output buffer (with line breaks) and decodes straight into a preallocated byte buffer, in chunks,
// so the caller can yield to the event loop between chunks. No strings are built for the data itself.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Byte value → 6-bit value; 64 = whitespace (skipped), 65 = '=', 255 = invalid. */
const DECODE_BYTE = /* @__PURE__ */ (() => {
  const t = new Uint8Array(256).fill(255);
  for (let i = 0; i < 64; i++) t[ALPHABET.charCodeAt(i)] = i;
  for (const ws of [0x20, 0x09, 0x0a, 0x0d, 0x0c]) t[ws] = 64;
  t[0x3d] = 65;
  return t;
})();

/** 12 bits → two ASCII characters, packed high byte first. */
const ENCODE_PAIR = /* @__PURE__ */ (() => {
  const t = new Uint16Array(4096);
  for (let i = 0; i < 4096; i++) t[i] = (ALPHABET.charCodeAt(i >> 6) << 8) | ALPHABET.charCodeAt(i & 63);
  return t;
})();

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
  while (i < full) {
    // As many whole groups as fit on the current line.
    const groups = Math.min((full - i) / 3, (lineChars - col) >> 2);
    const end = i + groups * 3;
    for (; i < end; i += 3) {
      const n = (src[i]! << 16) | (src[i + 1]! << 8) | src[i + 2]!;
      const a = T[n >> 12]!;
      const b = T[n & 0xfff]!;
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
  const rest = to - full;
  if (rest > 0) {
    const n = (src[i]! << 16) | (rest === 2 ? src[i + 1]! << 8 : 0);
    const a = T[n >> 12]!;
    const b = T[n & 0xfff]!;
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
    const out = this.out;
    let acc = this.acc;
    let k = this.nsextets;
    let o = this.length;
    let i = from;
    if (this.pads === 0) {
      // Fast path: four sextets at a time while no whitespace interrupts.
      for (; i < to; ) {
        if (k === 0 && i + 4 <= to) {
          const a = D[src[i]!]!;
          const b = D[src[i + 1]!]!;
          const c = D[src[i + 2]!]!;
          const d = D[src[i + 3]!]!;
          if ((a | b | c | d) < 64) {
            const n = (a << 18) | (b << 12) | (c << 6) | d;
            out[o] = n >> 16;
            out[o + 1] = (n >> 8) & 0xff;
            out[o + 2] = n & 0xff;
            o += 3;
            i += 4;
            continue;
          }
        }
        const v = D[src[i]!]!;
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
      const v = D[src[i]!]!;
      if (v === 65) this.pads++;
      else if (v !== 64) return i;
    }
    return to;
  }

  /** Same as pushBytes over UTF-16 code units. */
  pushString(src: string, from: number, to: number): number {
    const D = DECODE_BYTE;
    const out = this.out;
    let acc = this.acc;
    let k = this.nsextets;
    let o = this.length;
    let i = from;
    if (this.pads === 0) {
      for (; i < to; i++) {
        const c = src.charCodeAt(i);
        const v = c < 256 ? D[c]! : 255;
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
        } else if (v === 65) {
          break;
        } else if (v !== 64) {
          this.save(acc, k, o);
          return i;
        }
      }
    }
    this.save(acc, k, o);
    for (; i < to; i++) {
      const c = src.charCodeAt(i);
      const v = c < 256 ? D[c]! : 255;
      if (v === 65) this.pads++;
      else if (v !== 64) return i;
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
