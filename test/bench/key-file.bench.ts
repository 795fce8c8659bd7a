// Browser side of `npm run bench` (scripts/bench.mjs drives it with puppeteer): the kit's WebCrypto key-file
// functions against the rust crypto's helpers (matrix-sdk-crypto-wasm OlmMachine.encryptExportedRoomKeys /
// decryptExportedRoomKeys) on the same realistic sessions, plus a bare WebCrypto PBKDF2 of the same rounds.
// Long main-thread tasks come from a PerformanceObserver('longtask'); memory is measured by the script from
// outside (the renderer's peak RSS), so nothing here can flatter it.
import { OlmMachine, initAsync } from '@matrix-org/matrix-sdk-crypto-wasm';
import { decryptMegolmKeyFile, encryptMegolmKeyFile, type KeyFileTimings } from '../../src/keyfile/megolm-key-file.js';
import { realisticSessionsJson } from '../support/room-key-sessions.js';

const PASSPHRASE = 'correct horse battery staple 🔑';

let json = '';
let fileText = '';
let decrypted = '';
const longTasks: { start: number; duration: number }[] = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) longTasks.push({ start: e.startTime, duration: e.duration });
}).observe({ type: 'longtask', buffered: true });

/** Longest main-thread task that started within [from, to] (0 when none reached the 50 ms longtask floor). */
function longestTask(from: number, to: number): number {
  return Math.max(0, ...longTasks.filter((t) => t.start + t.duration >= from && t.start <= to).map((t) => t.duration));
}

/** Waits for late longtask entries to be delivered. */
const settle = () => new Promise((r) => setTimeout(r, 100));

export interface Result {
  totalMs: number;
  kdfMs?: number;
  /** Where the kit's time went (KeyFileTimings.phases). */
  phases?: Record<string, number>;
  longestTaskMs: number;
  outBytes?: number;
}

async function measure(fn: () => Promise<{ kdfMs?: number; outBytes?: number; phases?: Record<string, number> }>): Promise<Result> {
  // Start in an ordinary task (not the devtools evaluation), so long tasks are observed for every implementation.
  await new Promise((r) => setTimeout(r, 0));
  const from = performance.now();
  const r = await fn();
  const to = performance.now();
  await settle();
  return { totalMs: to - from, ...r, longestTaskMs: longestTask(from, to) };
}

const api = {
  async init() {
    await initAsync();
    return true;
  },
  async prepare(n: number) {
    json = '';
    fileText = '';
    json = await realisticSessionsJson(n);
    return { jsonBytes: json.length };
  },
  /** The file both decryptors read, written by the kit (Element's layout), as text. */
  async prepareFile(rounds: number) {
    fileText = new TextDecoder().decode(await encryptMegolmKeyFile(json, PASSPHRASE, { kdfRounds: rounds }));
    return { fileBytes: fileText.length };
  },
  /** A bare WebCrypto PBKDF2 (import + deriveBits) on the idle main thread, timed around the call. */
  async barePbkdf2(rounds: number): Promise<Result> {
    return measure(async () => {
      const salt = crypto.getRandomValues(new Uint8Array(16));
      const base = await crypto.subtle.importKey('raw', new TextEncoder().encode(PASSPHRASE), 'PBKDF2', false, ['deriveBits']);
      await crypto.subtle.deriveBits({ name: 'PBKDF2', salt, iterations: rounds, hash: 'SHA-512' }, base, 512);
      return {};
    });
  },
  /**
   * The same bare PBKDF2 measured the way the kit's key derivation is: inside an (idle) dedicated worker, from the
   * importKey call to the deriveBits result, with performance.now() there. kdfMs is that time.
   */
  async barePbkdf2Worker(rounds: number): Promise<Result> {
    const src = `onmessage = async (e) => {
      const salt = crypto.getRandomValues(new Uint8Array(16));
      const t0 = performance.now();
      const base = await crypto.subtle.importKey('raw', new TextEncoder().encode(e.data.passphrase), 'PBKDF2', false, ['deriveBits']);
      await crypto.subtle.deriveBits({ name: 'PBKDF2', salt, iterations: e.data.rounds, hash: 'SHA-512' }, base, 512);
      postMessage(performance.now() - t0);
    };`;
    const url = URL.createObjectURL(new Blob([src], { type: 'text/javascript' }));
    const worker = new Worker(url);
    try {
      // Started and answering before the measurement, as the kit's worker is by the time its derivation starts.
      await new Promise<void>((resolve) => {
        worker.onmessage = () => resolve();
        worker.postMessage({ passphrase: PASSPHRASE, rounds: 1 });
      });
      return await measure(async () => {
        const kdfMs = await new Promise<number>((resolve) => {
          worker.onmessage = (e: MessageEvent<number>) => resolve(e.data);
          worker.postMessage({ passphrase: PASSPHRASE, rounds });
        });
        return { kdfMs };
      });
    } finally {
      worker.terminate();
      URL.revokeObjectURL(url);
    }
  },
  async kitEncrypt(rounds: number): Promise<Result> {
    return measure(async () => {
      const timings: KeyFileTimings = {};
      const out = await encryptMegolmKeyFile(json, PASSPHRASE, { kdfRounds: rounds, timings });
      return { kdfMs: timings.kdfMs!, outBytes: out.length, phases: timings.phases ?? {} };
    });
  },
  async kitDecrypt(): Promise<Result> {
    decrypted = '';
    return measure(async () => {
      const timings: KeyFileTimings = {};
      decrypted = await decryptMegolmKeyFile(fileText, PASSPHRASE, { timings });
      return { kdfMs: timings.kdfMs!, outBytes: decrypted.length, phases: timings.phases ?? {} };
    });
  },
  /**
   * The primitives the key file is made of, each alone on the idle page over this run's data (ms): UTF-8 encoding
   * (TextEncoder.encodeInto into a touched buffer), one plain copy of that size (memcpy), UTF-8 decoding (TextDecoder, fatal, 1 MB slices), AES-CTR
   * (WebCrypto, 512 KB pieces), HMAC-SHA-256 (WebCrypto, one call), base64 decoding (setFromBase64, where the
   * browser has it). Their sum is what one thread needs for the work besides the key derivation: the floor the
   * kit's pipeline is measured against on this machine, in this run.
   */
  async primitives(): Promise<Record<string, number>> {
    const enc = new TextEncoder();
    const buf = new Uint8Array(json.length * 3 + 16).fill(1);
    const time = async (f: () => unknown) => {
      const t = performance.now();
      await f();
      return performance.now() - t;
    };
    let n = 0;
    const out: Record<string, number> = {};
    // One copy of the plaintext's size into fresh memory: what the memory of this machine allows at all.
    out['memcpy'] = await time(() => buf.slice(0, json.length).length);
    // Touching fresh memory of the file's size once (page faults): the output of an export must be that, at least.
    out['first touch (file size)'] = await time(() => new Uint8Array(fileText.length).fill(1).length);
    out['UTF-8 encode'] = await time(() => (n = enc.encodeInto(json, buf).written));
    const bytes = buf.subarray(0, n);
    out['UTF-8 decode'] = await time(() => {
      const d = new TextDecoder('utf-8', { fatal: true });
      let text = '';
      for (let i = 0; i < n; i += 1 << 20) text += d.decode(bytes.subarray(i, Math.min(n, i + (1 << 20))), { stream: true });
      return text.length;
    });
    const aesKey = await crypto.subtle.importKey('raw', new Uint8Array(32), 'AES-CTR', false, ['encrypt']);
    out['AES-CTR'] = await time(async () => {
      for (let i = 0; i < n; i += 524_256) {
        await crypto.subtle.encrypt({ name: 'AES-CTR', counter: new Uint8Array(16), length: 64 }, aesKey, bytes.subarray(i, Math.min(n, i + 524_256)));
      }
    });
    const macKey = await crypto.subtle.importKey('raw', new Uint8Array(32), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    out['HMAC-SHA-256'] = await time(() => crypto.subtle.sign('HMAC', macKey, bytes));
    const from = (Uint8Array.prototype as unknown as { setFromBase64?: unknown }).setFromBase64;
    if (typeof from === 'function') {
      const b64 = fileText.slice(fileText.indexOf('\n') + 1, fileText.lastIndexOf('-----END'));
      const target = new Uint8Array(b64.length);
      out['base64 decode'] = await time(() => (target as unknown as { setFromBase64: (s: string) => unknown }).setFromBase64(b64));
    }
    buf.fill(0);
    return out;
  },
  /**
   * Called by the script after it read the peak memory of kitDecrypt: comparing flattens the result string (a rope
   * of slices), a copy that is the caller's cost, not the decryption's.
   */
  checkDecrypted() {
    const same = decrypted === json;
    decrypted = '';
    if (!same) throw new Error('kit decrypt: plaintext differs');
    return true;
  },
  async rustEncrypt(rounds: number, payload: 'all' | 'empty' = 'all'): Promise<Result> {
    const input = payload === 'all' ? json : '[]';
    return measure(async () => {
      const out = OlmMachine.encryptExportedRoomKeys(input, PASSPHRASE, rounds);
      return { outBytes: out.length };
    });
  },
  async rustDecrypt(): Promise<Result> {
    let n = 0;
    const r = await measure(async () => {
      const plain = OlmMachine.decryptExportedRoomKeys(fileText, PASSPHRASE);
      n = plain.length;
      return { outBytes: plain.length };
    });
    if (n < json.length * 0.9) throw new Error('rust decrypt: plaintext too short');
    return r;
  },
  /** The rust helpers' key derivation alone: a file holding an empty list, same rounds. */
  async rustDecryptEmpty(rounds: number): Promise<Result> {
    const small = OlmMachine.encryptExportedRoomKeys('[]', PASSPHRASE, rounds);
    return measure(async () => {
      OlmMachine.decryptExportedRoomKeys(small, PASSPHRASE);
      return {};
    });
  },
  gc() {
    (globalThis as { gc?: () => void }).gc?.();
  },
};

(window as unknown as { bench: typeof api }).bench = api;
document.getElementById('state')!.textContent = 'ready';
