import { expect, waitUntil } from '@open-wc/testing';
import { OlmMachine, initAsync } from '@matrix-org/matrix-sdk-crypto-wasm';
import { realisticSessionsJson } from '../../test/support/room-key-sessions.js';
import { CryptoWorker } from './crypto-worker.js';
import { Base64Decoder, encodeBase64Into, useWasmBase64, wasmBase64Available } from './base64.js';
import {
  KEY_FILE_HEADER,
  KEY_FILE_TRAILER,
  KeyFileError,
  MAX_KDF_ROUNDS,
  decryptMegolmKeyFile,
  encryptMegolmKeyFile,
  type KeyFileErrorCode,
} from './megolm-key-file.js';

interface SuccessVector { id: string; passphrase: string; file: string; plaintext: string }
interface FailureVector { id: string; passphrase: string; file: string; error_class: string }
interface AdvisoryVector { id: string; passphrase: string; file: string; plaintext: string | null; element_behaviour: string }
interface FixedRngVector { id: string; passphrase: string; plaintext: string; kdf_rounds: number; rng_stream_hex: string; expected_file: string }
interface Vectors { success: SuccessVector[]; failure: FailureVector[]; advisory: AdvisoryVector[]; encrypt_fixed_rng: FixedRngVector[] }

const EXPECTED_CODE: Record<string, [KeyFileErrorCode, string?]> = {
  BAD_MAC: ['wrong-passphrase-or-damaged'],
  NO_HEADER: ['not-a-key-file', 'no-header'],
  NO_TRAILER: ['not-a-key-file', 'no-trailer'],
  BAD_BASE64: ['not-a-key-file', 'bad-base64'],
  TOO_SHORT: ['truncated'],
  BAD_VERSION: ['unsupported-version'],
};

let vectors: Vectors;
before(async () => {
  vectors = (await (await fetch(new URL('../../test/fixtures/megolm-export-vectors.json', import.meta.url))).json()) as Vectors;
  expect(vectors.success.length).to.be.greaterThan(20);
  expect(vectors.failure.length).to.be.greaterThan(20);
});

async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection');
}

const text = (b: Uint8Array) => new TextDecoder().decode(b);

const sessions = realisticSessionsJson;

describe('keyfile: interoperability vectors', () => {
  it('decrypts every success vector to exactly its plaintext', async function () {
    this.timeout(120_000);
    for (const v of vectors.success) {
      const got = await decryptMegolmKeyFile(v.file, v.passphrase);
      expect(got, v.id).to.equal(v.plaintext);
    }
  });

  it('decrypts success vectors given as bytes and as a Blob too', async function () {
    this.timeout(60_000);
    for (const v of vectors.success.filter((x) => !x.id.includes('default-rounds'))) {
      const bytes = new TextEncoder().encode(v.file);
      expect(await decryptMegolmKeyFile(bytes, v.passphrase), `${v.id} bytes`).to.equal(v.plaintext);
      expect(await decryptMegolmKeyFile(new Blob([bytes]), v.passphrase), `${v.id} blob`).to.equal(v.plaintext);
      expect(await decryptMegolmKeyFile(bytes.buffer, v.passphrase), `${v.id} buffer`).to.equal(v.plaintext);
    }
  });

  it('rejects every failure vector with the matching error', async function () {
    this.timeout(60_000);
    for (const v of vectors.failure) {
      const [code, reason] = EXPECTED_CODE[v.error_class];
      for (const input of [v.file, new TextEncoder().encode(v.file)]) {
        const e = await rejection(decryptMegolmKeyFile(input, v.passphrase));
        expect(e, v.id).to.be.instanceOf(KeyFileError);
        expect((e as KeyFileError).code, v.id).to.equal(code);
        if (reason) expect((e as KeyFileError).reason, v.id).to.equal(reason);
      }
    }
  });

  it('accepts what Element accepts (text around the armour, BOM, whitespace, indented trailer)', async () => {
    for (const v of vectors.advisory.filter((x) => x.element_behaviour === 'accept')) {
      expect(await decryptMegolmKeyFile(v.file, v.passphrase), v.id).to.equal(v.plaintext);
      expect(await decryptMegolmKeyFile(new TextEncoder().encode(v.file), v.passphrase), `${v.id} bytes`).to.equal(v.plaintext);
    }
  });

  it('refuses invalid UTF-8 contents and zero rounds, as matrix-sdk-crypto does', async () => {
    const utf8 = vectors.advisory.find((x) => x.id === 'adv-invalid-utf8-plaintext')!;
    expect(((await rejection(decryptMegolmKeyFile(utf8.file, utf8.passphrase))) as KeyFileError).code).to.equal('not-utf8');
    const zero = vectors.advisory.find((x) => x.id === 'adv-zero-rounds')!;
    expect(((await rejection(decryptMegolmKeyFile(zero.file, zero.passphrase))) as KeyFileError).code).to.equal('bad-rounds');
  });

  it('writes byte-identical files to Element for the same random bytes', async () => {
    const original = crypto.getRandomValues.bind(crypto);
    for (const v of vectors.encrypt_fixed_rng) {
      const stream = Uint8Array.from(v.rng_stream_hex.match(/../g)!.map((h) => parseInt(h, 16)));
      let at = 0;
      crypto.getRandomValues = (<T extends ArrayBufferView | null>(a: T): T => {
        const u = a as unknown as Uint8Array;
        u.set(stream.subarray(at, at + u.length));
        at += u.length;
        return a;
      });
      try {
        const out = await encryptMegolmKeyFile(v.plaintext, v.passphrase, { kdfRounds: Number(v.kdf_rounds) });
        expect(text(out), v.id).to.equal(v.expected_file);
      } finally {
        crypto.getRandomValues = original;
      }
    }
  });
});

describe('keyfile: round trips and limits', () => {
  it('round-trips non-ASCII text, empty text, and a passphrase with spaces kept verbatim', async () => {
    for (const plain of ['', 'plain', '[{"room_id":"!Zürich 🔑:ex.org","x":"\u0000 \u{1F468}\u200D\u{1F469}"}]']) {
      const file = await encryptMegolmKeyFile(plain, ' pässwörd 🔑 ', { kdfRounds: 1000 });
      const s = text(file);
      expect(s.startsWith(`${KEY_FILE_HEADER}\n`)).to.equal(true);
      expect(s.endsWith(`${KEY_FILE_TRAILER}\n`)).to.equal(true);
      expect(s.split('\n').slice(1, -2).every((l) => l.length <= 128)).to.equal(true);
      expect(await decryptMegolmKeyFile(file, ' pässwörd 🔑 ')).to.equal(plain);
      expect(((await rejection(decryptMegolmKeyFile(file, 'pässwörd 🔑'))) as KeyFileError).code).to.equal('wrong-passphrase-or-damaged');
    }
  });

  it('round-trips ~9 MB (several chunks) with a non-ASCII character near a chunk boundary, or in the second worker\'s half', async function () {
    this.timeout(60_000);
    const base = await sessions(15_000);
    // (All-ASCII text is written straight into the workers' buffers; one character outside ASCII anywhere, here in
    // the half the second worker encrypts, means the exact UTF-8 instead.)
    const late = `${base.slice(0, base.length - 9)}é${base.slice(base.length - 9)}`;
    expect((await decryptMegolmKeyFile(await encryptMegolmKeyFile(late, 'pw', { kdfRounds: 1000 }), 'pw')) === late).to.equal(true);
    const plain = `${base.slice(0, 4 * 1024 * 1024 - 1)}🔑${base.slice(4 * 1024 * 1024 - 1)}`;
    const fractions: number[] = [];
    const file = await encryptMegolmKeyFile(plain, 'pw', { kdfRounds: 1000, onProgress: (f) => fractions.push(f) });
    expect(fractions.at(-1)).to.equal(1);
    expect(fractions.every((f, i) => i === 0 || f >= fractions[i - 1])).to.equal(true);
    const back = await decryptMegolmKeyFile(new Blob([file as Uint8Array<ArrayBuffer>]), 'pw');
    expect(back.length).to.equal(plain.length);
    expect(back === plain).to.equal(true);
  });

  it('clears bit 63 of the IV it writes, and reads files where it is set', async () => {
    for (let i = 0; i < 8; i++) {
      const file = text(await encryptMegolmKeyFile('x', 'pw', { kdfRounds: 1 }));
      const body = Uint8Array.from(atob(file.split('\n')[1]), (c) => c.charCodeAt(0));
      expect(body[17 + 8] & 0x80).to.equal(0);
    }
    const set = vectors.success.find((v) => v.id === 'gen-iv-bit63-set-no-wrap')!;
    expect(await decryptMegolmKeyFile(set.file, set.passphrase)).to.equal(set.plaintext);
  });

  it('refuses absurd round counts instead of hanging, and bad kdfRounds options', async () => {
    const file = text(await encryptMegolmKeyFile('x', 'pw', { kdfRounds: 1 }));
    const body = Uint8Array.from(atob(file.split('\n')[1]), (c) => c.charCodeAt(0));
    new DataView(body.buffer).setUint32(33, 0xffffffff);
    const forged = `${KEY_FILE_HEADER}\n${btoa(String.fromCharCode(...body))}\n${KEY_FILE_TRAILER}\n`;
    const started = performance.now();
    const e = (await rejection(decryptMegolmKeyFile(forged, 'pw'))) as KeyFileError;
    expect(e.code).to.equal('bad-rounds');
    expect(performance.now() - started).to.be.lessThan(1000);
    for (const bad of [0, -1, 1.5, MAX_KDF_ROUNDS + 1]) {
      expect(await rejection(encryptMegolmKeyFile('x', 'pw', { kdfRounds: bad }))).to.be.instanceOf(RangeError);
    }
  });

  it('streams more pieces than the worker hands out at once: ~20 MB both ways, progress only increases, abort mid-way stops', async function () {
    this.timeout(120_000);
    const plain = `${await sessions(40_000)}🔑`;
    expect(plain.length).to.be.greaterThan(5 * 4 * 1024 * 1024); // more than 5 AES pieces: the worker must wait for acks
    const encFractions: number[] = [];
    const file = await encryptMegolmKeyFile(plain, 'pw', { kdfRounds: 1000, onProgress: (f) => encFractions.push(f) });
    expect(encFractions.at(-1)).to.equal(1);
    expect(encFractions.every((f, i) => i === 0 || f >= encFractions[i - 1]), encFractions.join()).to.equal(true);
    const decFractions: number[] = [];
    const back = await decryptMegolmKeyFile(file, 'pw', { onProgress: (f) => decFractions.push(f) });
    expect(back === plain).to.equal(true);
    expect(decFractions.at(-1)).to.equal(1);
    expect(decFractions.every((f, i) => i === 0 || f >= decFractions[i - 1]), decFractions.join()).to.equal(true);
    // Abort once decryption is well under way (after the key derivation).
    const ac = new AbortController();
    const p = decryptMegolmKeyFile(file, 'pw', { signal: ac.signal, onProgress: (f) => f > 0.7 && ac.abort() });
    expect(((await rejection(p)) as DOMException).name).to.equal('AbortError');
    const ac2 = new AbortController();
    const p2 = encryptMegolmKeyFile(plain, 'pw', { kdfRounds: 1000, signal: ac2.signal, onProgress: (f) => f > 0.7 && ac2.abort() });
    expect(((await rejection(p2)) as DOMException).name).to.equal('AbortError');
  });

  it('says "wrong passphrase" for a big file too (more pieces than the worker hands out at once), then works again', async function () {
    this.timeout(60_000);
    const plain = await sessions(20_000); // ~11 MB: the decryption stops early, the HMAC check still answers
    const file = await encryptMegolmKeyFile(plain, 'right', { kdfRounds: 1000 });
    const started = performance.now();
    const e = (await rejection(decryptMegolmKeyFile(file, 'wrong', {}))) as KeyFileError;
    expect(e.code).to.equal('wrong-passphrase-or-damaged');
    expect(performance.now() - started).to.be.lessThan(10_000);
    // The workers finished and went back to the pool: the next calls reuse them and succeed.
    await waitUntil(() => CryptoWorker.idle >= 1);
    expect((await decryptMegolmKeyFile(file, 'right')) === plain).to.equal(true);
    expect(await decryptMegolmKeyFile(await encryptMegolmKeyFile('[1]', 'p', { kdfRounds: 10 }), 'p')).to.equal('[1]');
  });

  it('stops at once when aborted during the key derivation', async () => {
    const ac = new AbortController();
    const p = encryptMegolmKeyFile(await sessions(10), 'pw', { kdfRounds: MAX_KDF_ROUNDS, signal: ac.signal });
    setTimeout(() => ac.abort(), 20);
    const started = performance.now();
    const e = (await rejection(p)) as DOMException;
    expect(e.name).to.equal('AbortError');
    expect(performance.now() - started).to.be.lessThan(1000);
    const file = await encryptMegolmKeyFile('[]', 'pw', { kdfRounds: 1 });
    const ac2 = new AbortController();
    ac2.abort();
    expect(((await rejection(decryptMegolmKeyFile(file, 'pw', { signal: ac2.signal }))) as DOMException).name).to.equal('AbortError');
  });

  it('reports the key-derivation time separately', async () => {
    const timings: { kdfMs?: number; totalMs?: number } = {};
    const file = await encryptMegolmKeyFile('[]', 'pw', { kdfRounds: 20_000, timings });
    expect(timings.kdfMs).to.be.greaterThan(0);
    expect(timings.totalMs!).to.be.at.least(timings.kdfMs!);
    const t2: { kdfMs?: number } = {};
    await decryptMegolmKeyFile(file, 'pw', { timings: t2 });
    expect(t2.kdfMs).to.be.greaterThan(0);
  });
});

describe('keyfile: the rust crypto export helpers (matrix-sdk-crypto-wasm), both ways', () => {
  before(async () => {
    await initAsync();
  });

  it('decrypts files written by OlmMachine.encryptExportedRoomKeys', async () => {
    const json = await sessions(200);
    const armoured = OlmMachine.encryptExportedRoomKeys(json, 'rust → kit 🔑', 2000);
    const got = await decryptMegolmKeyFile(armoured, 'rust → kit 🔑');
    expect(JSON.parse(got)).to.deep.equal(JSON.parse(json));
  });

  it('writes files OlmMachine.decryptExportedRoomKeys reads, and it rejects a wrong passphrase', async () => {
    const json = await sessions(200);
    const file = text(await encryptMegolmKeyFile(json, 'kit → rust ✓', { kdfRounds: 2000 }));
    expect(JSON.parse(OlmMachine.decryptExportedRoomKeys(file, 'kit → rust ✓'))).to.deep.equal(JSON.parse(json));
    expect(() => OlmMachine.decryptExportedRoomKeys(file, 'kit → rust')).to.throw();
  });
});

describe('keyfile: the crypto worker and the main-thread fallback', () => {
  it('starts the worker (a module file next to crypto-worker.ts) here', async () => {
    const w = await CryptoWorker.start();
    expect(w).to.be.instanceOf(CryptoWorker);
    w!.terminate();
  });

  it('with one worker only: round trips, and a wrong passphrase is reported for small and big files', async function () {
    this.timeout(60_000);
    CryptoWorker.helpers = false;
    try {
      const plain = await sessions(20_000);
      const file = await encryptMegolmKeyFile(plain, 'right', { kdfRounds: 1000 });
      expect((await decryptMegolmKeyFile(file, 'right')) === plain).to.equal(true);
      expect(((await rejection(decryptMegolmKeyFile(file, 'wrong'))) as KeyFileError).code).to.equal('wrong-passphrase-or-damaged');
      const small = await encryptMegolmKeyFile('[]', 'right', { kdfRounds: 1000 });
      expect(((await rejection(decryptMegolmKeyFile(small, 'wrong'))) as KeyFileError).code).to.equal('wrong-passphrase-or-damaged');
      expect(await decryptMegolmKeyFile(small, 'right')).to.equal('[]');
    } finally {
      CryptoWorker.helpers = true;
    }
  });

  it('without a worker (e.g. blocked by CSP), reads every vector and round-trips ~6 MB on the main thread', async function () {
    this.timeout(120_000);
    CryptoWorker.disabled = true;
    try {
      for (const v of vectors.success.filter((x) => !x.id.includes('default-rounds'))) {
        expect(await decryptMegolmKeyFile(v.file, v.passphrase), v.id).to.equal(v.plaintext);
      }
      for (const v of vectors.failure.filter((x) => x.error_class === 'BAD_MAC')) {
        expect(((await rejection(decryptMegolmKeyFile(v.file, v.passphrase))) as KeyFileError).code, v.id).to.equal('wrong-passphrase-or-damaged');
      }
      const plain = `${await sessions(10_000)}🔑`;
      const file = await encryptMegolmKeyFile(plain, 'pw', { kdfRounds: 1000 });
      expect((await decryptMegolmKeyFile(file, 'pw')) === plain).to.equal(true);
      const viaWorker = await (async () => {
        CryptoWorker.disabled = false;
        return decryptMegolmKeyFile(file, 'pw');
      })();
      expect(viaWorker === plain).to.equal(true);
    } finally {
      CryptoWorker.disabled = false;
    }
  });
});

describe('keyfile: base64', () => {
  it('encodes whole lines with WebAssembly SIMD here, byte-identical to the JavaScript encoder', () => {
    expect(wasmBase64Available()).to.equal(true);
    const bytes = new Uint8Array(3 * 1024 * 1024 + 77);
    for (let i = 0; i < bytes.length; i += 65536) crypto.getRandomValues(bytes.subarray(i, Math.min(bytes.length, i + 65536)));
    const encode = (wasm: boolean, cuts: number[]) => {
      useWasmBase64(wasm);
      try {
        const out = new Uint8Array(Math.ceil(bytes.length / 3) * 4 + bytes.length / 90 + 8);
        let pos = 0;
        let col = 0;
        let from = 0;
        for (const to of [...cuts, bytes.length]) {
          [pos, col] = encodeBase64Into(bytes, from, to, out, pos, 128, col);
          from = to;
        }
        return text(out.subarray(0, pos));
      } finally {
        useWasmBase64(true);
      }
    };
    const reference = encode(false, []);
    expect(reference.slice(0, 129)).to.equal(`${btoa(String.fromCharCode(...bytes.subarray(0, 96)))}\n`);
    for (const cuts of [[], [3], [96 * 9 + 30], [1024 * 1024 - (1024 * 1024) % 3, 2 * 1024 * 1024 + 1 - ((2 * 1024 * 1024 + 1) % 3)]]) {
      expect(encode(true, cuts) === reference, `cuts ${cuts.join()}`).to.equal(true);
    }
  });

  it('encodes like btoa and decodes like atob, for every length remainder, across chunk joins', () => {
    for (const n of [0, 1, 2, 3, 4, 5, 95, 96, 97, 191, 192, 193, 1000]) {
      const bytes = crypto.getRandomValues(new Uint8Array(n));
      const expected = btoa(String.fromCharCode(...bytes));
      const out = new Uint8Array(expected.length + 64);
      const [mid, col] = encodeBase64Into(bytes, 0, Math.floor(n / 6) * 3, out, 0, 1 << 30, 0);
      const [pos] = encodeBase64Into(bytes, Math.floor(n / 6) * 3, n, out, mid, 1 << 30, col);
      expect(text(out.subarray(0, pos)), `n=${n}`).to.equal(expected);
      const d = new Base64Decoder(new Uint8Array(n + 3));
      const src = new TextEncoder().encode(expected.replace(/(.{7})/g, '$1\r\n '));
      const half = src.length >> 1;
      expect(d.pushBytes(src, 0, half)).to.equal(half);
      expect(d.pushBytes(src, half, src.length)).to.equal(src.length);
      expect(Array.from(d.finish() as Uint8Array)).to.deep.equal(Array.from(bytes));
      const s = new Base64Decoder(new Uint8Array(n + 3));
      expect(s.pushString(expected.replace(/=+$/, ''), 0, expected.replace(/=+$/, '').length)).to.be.a('number');
      expect(Array.from(s.finish() as Uint8Array)).to.deep.equal(Array.from(bytes));
    }
  });

  it('rejects a length of 4k+1, misplaced padding and characters outside the alphabet', () => {
    for (const bad of ['A', 'AB=', 'A===', 'AB=C']) {
      const d = new Base64Decoder(new Uint8Array(8));
      const stop = d.pushString(bad, 0, bad.length);
      expect(stop < bad.length || typeof d.finish() === 'string', bad).to.equal(true);
    }
    const d = new Base64Decoder(new Uint8Array(8));
    expect(d.pushString('AB*C', 0, 4)).to.equal(2);
    expect(new Base64Decoder(new Uint8Array(8)).pushString('AB\u00e9C', 0, 4)).to.equal(2);
    const long = `${'QUJD'.repeat(50_000)}\u2014QUJD`;
    const dl = new Base64Decoder(new Uint8Array(160_000));
    expect(dl.pushString(long, 0, long.length)).to.equal(200_000);
    expect(dl.length).to.equal(150_000);
  });

  it('wraps lines exactly like the reference layout at any chunk join', () => {
    const bytes = crypto.getRandomValues(new Uint8Array(96 * 7 + 50));
    const flat = btoa(String.fromCharCode(...bytes));
    const expected = `${flat.replace(/(.{128})/g, '$1\n')}\n`.replace(/\n\n$/, '\n');
    for (const cut of [0, 3, 96, 96 * 3 + 30, bytes.length - (bytes.length % 3)]) {
      const out = new Uint8Array(flat.length + 20);
      let [pos, col] = encodeBase64Into(bytes, 0, cut, out, 0, 128, 0);
      [pos, col] = encodeBase64Into(bytes, cut, bytes.length, out, pos, 128, col);
      if (col !== 0) out[pos++] = 10;
      expect(text(out.subarray(0, pos)), `cut ${cut}`).to.equal(expected);
    }
  });
});
