// The key derivation, AES-CTR and the HMAC of a key file in dedicated workers. Chromium runs AES-CTR and HMAC
// synchronously on the calling thread (on the page too: some 90 ms for the HMAC of 60 MB), so they must not run on the
// page, which stays free for the base64 / UTF-8 work meanwhile.
//
// Encryption uses two workers: the first derives the key and hands the (non-extractable) CryptoKeys to the second
// over a MessageChannel; each encrypts half of the data, the second hands its half back to the first, which computes
// the HMAC over all of it. Decryption uses one: it checks the HMAC, then decrypts. AES runs in pieces of 512 KB:
// below the allocator's size for dedicated mappings, so WebCrypto's input copies and results reuse memory instead of
// faulting in fresh pages (several times faster here).
//
// Buffers are transferred, not copied. Each worker runs `workerMain` below from a module file next to this one
// (crypto-worker.entry.ts; bundle/crypto-worker.js in the drop-in bundle), so a Content-Security-Policy needs only
// `worker-src 'self'`. Workers are kept warm for a minute after a call (a few MB each; they hold no key or data between
// calls); where workers are unavailable or blocked, callers fall back to the main thread.

/* eslint-disable */
export function workerMain() {
  const subtle = self.crypto.subtle;
  const post = (m: unknown, t: Transferable[] = []) => (self as unknown as Worker).postMessage(m, t);
  const counterAt = (iv: Uint8Array, blocks: number) => {
    const c = new Uint8Array(16);
    c.set(iv);
    const v = new DataView(c.buffer);
    v.setBigUint64(8, (v.getBigUint64(8) + BigInt(blocks)) & 0xffffffffffffffffn);
    return c;
  };
  /** Frees a buffer's memory now (ArrayBuffer.prototype.transfer detaches it), not at some later garbage collection. */
  const release = (b: ArrayBuffer) => (b as ArrayBuffer & { transfer?: (n: number) => ArrayBuffer }).transfer?.(0);
  /** One macrotask, so that the page's acknowledgements and 'skip' are handled between pieces. */
  const tick = () =>
    new Promise<void>((resolve) => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => {
        ch.port1.close();
        resolve();
      };
      ch.port2.postMessage(null);
    });
  type Keys = { aes: CryptoKey; hmac: CryptoKey };
  // State of the current call only; `reset` drops it (keys included) when the call ends or is abandoned.
  let keys: Promise<Keys> | undefined;
  let peer: MessagePort | undefined;
  let acked = 0;
  let notify: (() => void) | undefined;
  /** Decryption: the page needs no more plaintext (it failed to decode some), only the HMAC check. */
  let skip = false;
  /** The operation in progress, if any (a late 'skip' for a finished call must not touch the next one). */
  let running: string | undefined;
  const changed = () => new Promise<void>((resolve) => (notify = resolve));
  const poke = () => {
    const n = notify;
    notify = undefined;
    n?.();
  };
  const reset = () => {
    keys = undefined;
    peer?.close();
    peer = undefined;
    acked = 0;
    notify = undefined;
    skip = false;
    running = undefined;
  };
  /** The end of a call: its state is dropped, then the page hears 'done' (and may reuse this worker). */
  const finish = () => {
    reset();
    post({ op: 'done' });
  };
  const fail = (err: unknown) => post({ op: 'error', message: String((err as Error)?.message ?? err) });

  /** The key derivation (started as soon as the page knows salt and rounds), timed here from call to result. */
  const derive = async (passphrase: Uint8Array<ArrayBuffer>, salt: Uint8Array<ArrayBuffer>, rounds: number, share?: MessagePort): Promise<Keys> => {
    const t0 = performance.now();
    const base = await subtle.importKey('raw', passphrase, 'PBKDF2', false, ['deriveBits']);
    passphrase.fill(0);
    const bits = new Uint8Array(await subtle.deriveBits({ name: 'PBKDF2', salt, iterations: rounds, hash: 'SHA-512' }, base, 512));
    const kdfMs = performance.now() - t0;
    try {
      const [aes, hmac] = await Promise.all([
        subtle.importKey('raw', bits.subarray(0, 32), { name: 'AES-CTR' }, false, ['encrypt', 'decrypt']),
        subtle.importKey('raw', bits.subarray(32, 64), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']),
      ]);
      share?.postMessage({ op: 'keys', aes, hmac });
      post({ op: 'derived', kdfMs });
      return { aes, hmac };
    } finally {
      bits.fill(0);
    }
  };
  /** The keys the other worker derived (it sends them over `port`). */
  const keysFrom = (port: MessagePort) =>
    new Promise<Keys>((resolve) => {
      port.onmessage = (e) => {
        if (e.data?.op === 'keys') resolve({ aes: e.data.aes, hmac: e.data.hmac });
      };
    });
  /**
   * AES-CTR of data[from, to) in pieces of `piece` bytes; block(at) is the counter offset (in blocks) of byte `at`.
   * `each` gets every result in order; a macrotask passes between pieces.
   */
  const aes = async (key: CryptoKey, iv: Uint8Array, block: (at: number) => number, data: Uint8Array<ArrayBuffer>, from: number, to: number, piece: number, each: (at: number, out: ArrayBuffer) => void | Promise<void>) => {
    for (let at = from; at < to && !skip; at += piece) {
      const out = await subtle.encrypt({ name: 'AES-CTR', counter: counterAt(iv, block(at)), length: 64 }, key, data.subarray(at, Math.min(to, at + piece)));
      await each(at, out);
      await tick();
    }
  };

  self.onmessage = async (e: MessageEvent) => {
    const m = e.data;
    try {
      if (m.op === 'ping') return post({ op: 'pong' });
      if (m.op === 'reset') return reset();
      if (m.op === 'skip') {
        if (running === 'decrypt') skip = true;
        return poke();
      }
      if (m.op === 'ack') {
        acked++;
        return poke();
      }
      if (m.op === 'derive') {
        peer = m.peer;
        keys = derive(m.passphrase, m.salt, m.rounds, m.peer);
        keys.catch(fail);
        return;
      }
      const data = new Uint8Array(m.buffer as ArrayBuffer, m.offset ?? 0, m.length ?? (m.buffer as ArrayBuffer).byteLength);
      if (m.op === 'encrypt-part') {
        // The second worker: AES in place over its copy of the second half; the whole half then goes to the first
        // worker in one transfer (pieces sent one by one would pile up there while it encrypts its own half).
        const port = m.peer as MessagePort;
        peer = port;
        const w0 = performance.now();
        const k = await keysFrom(port);
        const a0 = performance.now();
        await aes(k.aes, m.iv, (at) => m.block + at / 16, data, 0, data.length, m.piece, (at, out) => {
          data.set(new Uint8Array(out), at);
          release(out);
        });
        port.postMessage({ op: 'part', buffer: m.buffer, stats: { 'worker B: waiting for the key': a0 - w0, 'worker B: AES (with yields)': performance.now() - a0 } }, [m.buffer]);
        return finish();
      }
      running = m.op;
      const k = await keys!;
      if (m.op === 'encrypt') {
        // AES in place over [prefix, split) here and over [split, end) in the other worker (its half arrives on
        // `peer` and is copied in place), then the HMAC over everything; the buffer goes back sealed.
        const end: number = m.prefix + m.n;
        let fromPeer = 0;
        let peerStats: Record<string, number> = {};
        let done = 0;
        let noted = 0;
        const note = (bytes: number) => {
          done += bytes;
          if (done - noted >= 4 * 1024 * 1024) {
            noted = done;
            post({ op: 'progress', done });
          }
        };
        if (m.split < end) {
          peer!.onmessage = (ev) => {
            if (ev.data?.op !== 'part') return;
            peerStats = ev.data.stats;
            const b = new Uint8Array(ev.data.buffer as ArrayBuffer);
            data.set(b, m.split);
            fromPeer = b.length;
            note(b.length);
            release(ev.data.buffer);
            poke();
          };
        }
        const a0 = performance.now();
        await aes(k.aes, m.iv, (at) => (at - m.prefix) / 16, data, m.prefix, m.split, m.piece, (at, out) => {
          data.set(new Uint8Array(out), at);
          note(out.byteLength);
          release(out);
        });
        const a1 = performance.now();
        // While the other worker still works: touch the memory its half will be copied into (first-touch page faults
        // cost more than the copy on some machines; here they overlap the other worker's AES).
        if (fromPeer === 0) data.fill(0, m.split, end);
        while (fromPeer < end - m.split) await changed();
        const h0 = performance.now();
        // (WebCrypto runs the HMAC on the calling thread, copy and hash: some 90 ms for 60 MB; here, not on the page.)
        const mac = await subtle.sign('HMAC', k.hmac, data.subarray(0, end));
        data.set(new Uint8Array(mac), end);
        const stats = { ...peerStats, 'worker A: AES of its half (with yields)': a1 - a0, 'worker A: waiting for B': h0 - a1, 'worker A: HMAC': performance.now() - h0 };
        post({ op: 'sealed', buffer: m.buffer, stats }, [m.buffer]);
        return finish();
      }
      if (m.op === 'decrypt') {
        // The HMAC check and the AES run at once (WebCrypto copies the input when called and hashes it off this
        // thread, so the pieces are decrypted meanwhile); each plaintext piece goes to the page (at most `window` not
        // yet acknowledged), which returns nothing unless the check passes. When it fails, decryption stops.
        const macAt = data.length - 32;
        const h0 = performance.now();
        let hmacMs = 0;
        const checked = subtle.verify('HMAC', k.hmac, data.subarray(macAt), data.subarray(0, macAt)).then((ok) => {
          hmacMs = performance.now() - h0;
          post({ op: 'verified', ok });
          if (!ok) {
            skip = true;
            poke();
          }
        });
        let aesMs = 0;
        let waitMs = 0;
        let i = 0;
        let p0 = performance.now();
        await aes(k.aes, m.iv, (at) => (at - m.prefix) / 16, data, m.prefix, macAt, m.piece, async (_at, out) => {
          const w0 = performance.now();
          aesMs += w0 - p0;
          while (i - acked >= m.window && !skip) await changed();
          p0 = performance.now();
          waitMs += p0 - w0;
          if (skip) release(out);
          else post({ op: `piece:${i++}`, buffer: out }, [out]);
        });
        await checked;
        release(m.buffer);
        post({ op: 'stats', stats: { 'worker: HMAC check': hmacMs, 'worker: AES (with yields)': aesMs, 'worker: waiting for the page': waitMs } });
        return finish();
      }
    } catch (err) {
      fail(err);
    }
  };
}
/* eslint-enable */

/** null once the worker failed to load here (blocked): not tried again. */
let workerUrl: null | undefined;
/** Idle workers kept for the next call, and how long they are kept. */
const pool: CryptoWorker[] = [];
const IDLE_MS = 60_000;
/** Workers started by warmUp that have not answered yet. */
let warming = 0;

/** A crypto worker, with named messages (`next(op)`) and a pool of warm ones. */
export class CryptoWorker {
  private waiting = new Map<string, { resolve: (d: unknown) => void; reject: (e: unknown) => void }>();
  private arrived = new Map<string, unknown>();
  private failure?: Error;
  private stopped = false;
  private idleTimer?: ReturnType<typeof setTimeout>;
  private answered = false;
  private loadFailed = false;
  /** Given work that it has not finished ('done') yet. */
  private busy = false;
  /** For tests: use the main-thread path. */
  static disabled = false;
  /** For tests: false runs each call in one worker (as when a second one cannot be started). */
  static helpers = true;
  /** Gets the worker's 'progress' messages. */
  onNote?: (d: { done?: number }) => void;

  private constructor(private readonly worker: Worker) {
    worker.onmessage = (e: MessageEvent) => {
      const d = e.data as { op: string; message?: string; done?: number };
      if (d.op === 'error') return this.fail(new Error(d.message));
      if (d.op === 'progress') return this.onNote?.(d);
      if (d.op === 'pong') this.answered = true;
      if (d.op === 'done') this.busy = false;
      const w = this.waiting.get(d.op);
      if (w) {
        this.waiting.delete(d.op);
        w.resolve(d);
      } else this.arrived.set(d.op, d);
    };
    worker.onerror = (e) => {
      e.preventDefault?.();
      if (!this.answered) this.loadFailed = true;
      this.fail(new Error('crypto worker failed'));
    };
  }

  private fail(e: Error) {
    this.failure = e;
    for (const w of this.waiting.values()) w.reject(e);
    this.waiting.clear();
  }

  /** Resolves true once the worker answered, false if it can't run here (then use the main thread). */
  ready: Promise<boolean> = Promise.resolve(true);

  /**
   * A warm worker from the pool, or a new one (without waiting: messages may be posted at once, they wait in its
   * queue). Undefined when workers can't be used here; `ready` says whether it really runs. Give it back with
   * `release()` when the call succeeded, `terminate()` otherwise.
   */
  static open(): CryptoWorker | undefined {
    if (CryptoWorker.disabled || workerUrl === null || typeof Worker === 'undefined') return undefined;
    const warm = pool.pop();
    if (warm) {
      clearTimeout(warm.idleTimer);
      return warm;
    }
    let cw: CryptoWorker;
    try {
      // One expression, so that bundlers (vite, webpack, the rollup config of the drop-in bundle) find the worker and emit it.
      cw = new CryptoWorker(new Worker(new URL('./crypto-worker.entry.js', import.meta.url), { type: 'module' }));
    } catch {
      workerUrl = null;
      return undefined;
    }
    const pong = cw.next('pong');
    cw.post({ op: 'ping' });
    cw.ready = Promise.race([pong, new Promise((_, reject) => setTimeout(() => reject(new Error('no answer')), 5000))]).then(
      () => true,
      () => {
        if (!cw.stopped) {
          // A worker that failed to load is blocked here (CSP): don't try again. One that is only slow to answer
          // (a very busy machine) is given up for this call.
          if (cw.loadFailed) workerUrl = null;
          cw.terminate();
        }
        return false;
      },
    );
    return cw;
  }

  /** Starts a worker and waits for its first answer; undefined if that is not possible here. */
  static async start(): Promise<CryptoWorker | undefined> {
    const cw = CryptoWorker.open();
    return cw && (await cw.ready) ? cw : undefined;
  }

  /**
   * Starts the two workers a key-file call uses, so that the call does not wait for them to boot (for a page that
   * is about to export or import keys). They stop by themselves after a minute unused.
   */
  static warmUp(): void {
    for (let i = pool.length + warming; i < 2; i++) {
      const w = CryptoWorker.open();
      if (!w) return;
      warming++;
      void w.ready.then((ok) => {
        warming--;
        if (ok) w.giveBack();
      });
    }
  }

  /** Idle workers in the pool (for tests). */
  static get idle(): number {
    return pool.length;
  }

  next(op: string): Promise<unknown> {
    if (this.failure) return Promise.reject(this.failure);
    const early = this.arrived.get(op);
    if (early) {
      this.arrived.delete(op);
      return Promise.resolve(early);
    }
    return new Promise((resolve, reject) => this.waiting.set(op, { resolve, reject }));
  }

  post(message: { op: string; [k: string]: unknown }, transfer: Transferable[] = []): void {
    if (message.op !== 'ping' && message.op !== 'ack' && message.op !== 'skip') this.busy = true;
    this.worker.postMessage(message, transfer);
  }

  /**
   * Back to the pool once the worker has finished its work (said 'done': its call's state is dropped), waiting at
   * most `waitMs` for that; a worker still busy then (an abandoned call) is terminated instead. Kept a minute.
   */
  async release(waitMs = 5000): Promise<void> {
    if (this.busy && !this.stopped && !this.failure) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([this.next('done'), new Promise((resolve) => (timer = setTimeout(resolve, waitMs)))]).catch(() => undefined);
      clearTimeout(timer);
    }
    if (this.busy) return this.terminate();
    this.giveBack();
  }

  private giveBack(): void {
    if (this.stopped || this.failure || pool.length >= 2) return this.terminate();
    this.waiting.clear();
    this.arrived.clear();
    this.onNote = undefined;
    this.idleTimer = setTimeout(() => this.terminate(), IDLE_MS);
    pool.push(this);
  }

  terminate(): void {
    clearTimeout(this.idleTimer);
    const i = pool.indexOf(this);
    if (i >= 0) pool.splice(i, 1);
    this.stopped = true;
    this.worker.terminate();
    this.fail(new Error('crypto worker stopped'));
  }
}
