// The key derivation, AES-CTR (piece by piece) and the HMAC of a key file in a dedicated worker, so the main thread
// never pays for WebCrypto's synchronous copy of tens of megabytes (which alone can take more than 100 ms) and stays
// free for the base64 / UTF-8 work meanwhile. Buffers are transferred, not copied. The worker is inline (a Blob URL of the function below, which must stay
// self-contained); where workers are unavailable or blocked (e.g. by a Content-Security-Policy without `blob:`),
// callers fall back to doing the same on the main thread.

/* eslint-disable */
function workerMain() {
  const subtle = self.crypto.subtle;
  const post = (m: unknown, t: Transferable[] = []) => (self as unknown as Worker).postMessage(m, t);
  const counterAt = (iv: Uint8Array, blocks: number) => {
    const c = new Uint8Array(16);
    c.set(iv);
    const v = new DataView(c.buffer);
    v.setBigUint64(8, (v.getBigUint64(8) + BigInt(blocks)) & 0xffffffffffffffffn);
    return c;
  };
  /** Pieces the page has taken (each is acknowledged once its base64 / UTF-8 work is done). */
  let acked = 0;
  let wake: (() => void) | undefined;
  /** At most this many pieces are handed out and not yet acknowledged, so they never pile up on the page. */
  const WINDOW = 3;
  /** Encryption: pieces that may go to the page before the HMAC call (see there). */
  const EARLY = 4;
  /** Piece buffers the page gave back (with its acknowledgements), reused so no garbage piles up on either side. */
  const spares: ArrayBuffer[] = [];
  /**
   * Pieces of AES-CTR over data[start, end) with at most two calls in flight (both cores) and, when `gated`, at
   * most WINDOW pieces the page has not acknowledged yet; `each` gets them in order.
   */
  const aesPieces = async (key: CryptoKey, iv: Uint8Array, data: Uint8Array<ArrayBuffer>, start: number, end: number, piece: number, each: (out: ArrayBuffer, from: number) => void, gated: boolean) => {
    const inFlight: [Promise<ArrayBuffer>, number][] = [];
    let issued = 0;
    for (let from = start; from < end || inFlight.length > 0; ) {
      while (from < end && inFlight.length < 2) {
        if (gated && issued - acked >= WINDOW) {
          if (inFlight.length > 0) break;
          await new Promise<void>((resolve) => (wake = resolve));
          continue;
        }
        issued++;
        // WebCrypto copies its input when called: the buffer may be changed right after.
        const to = Math.min(end, from + piece);
        inFlight.push([subtle.encrypt({ name: 'AES-CTR', counter: counterAt(iv, (from - start) / 16), length: 64 }, key, data.subarray(from, to)), from]);
        from = to;
      }
      const [p, at] = inFlight.shift()!;
      each(await p, at);
    }
  };
  /** The key derivation (started as soon as the page knows salt and rounds), timed here from call to result. */
  let keys: Promise<{ aes: CryptoKey; hmac: CryptoKey }> | undefined;
  const derive = async (passphrase: Uint8Array<ArrayBuffer>, salt: Uint8Array<ArrayBuffer>, rounds: number) => {
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
      post({ op: 'derived', kdfMs });
      return { aes, hmac };
    } finally {
      bits.fill(0);
    }
  };
  /** Frees a buffer's memory now (ArrayBuffer.prototype.transfer detaches it), not at some later garbage collection. */
  const release = (b: ArrayBuffer) => (b as ArrayBuffer & { transfer?: (n: number) => ArrayBuffer }).transfer?.(0);
  const fail = (err: unknown) => post({ op: 'error', message: String((err as Error)?.message ?? err) });
  self.onmessage = async (e: MessageEvent) => {
    const m = e.data;
    try {
      if (m.op === 'ping') return post({ op: 'pong' });
      if (m.op === 'ack') {
        if (m.buffer) spares.push(m.buffer);
        acked++;
        wake?.();
        wake = undefined;
        return;
      }
      if (m.op === 'derive') {
        keys = derive(m.passphrase, m.salt, m.rounds);
        keys.catch(fail);
        return;
      }
      const data = new Uint8Array(m.buffer as ArrayBuffer, m.offset, m.length);
      const k = await keys!;
      if (m.op === 'encrypt') {
        // AES in place (two pieces in flight), then the HMAC call, which copies the ciphertext at once; then the
        // rest of the pieces are handed to the page for base64 (copied into buffers it gave back, at most WINDOW at a
        // time), while the HMAC runs. Started before the page fills most of its output, the HMAC's copy and that
        // output never coexist in full, which keeps the peak memory near twice the file size.
        // The first EARLY pieces may go out as soon as they are encrypted (the page starts its base64 sooner; the
        // output it fills meanwhile stays a fraction of the whole).
        const end = m.prefix + m.n;
        let sent = 0;
        const send = (index: number) => {
          const from = m.prefix + index * m.piece;
          const length = Math.min(end, from + m.piece) - from;
          const spare = spares.pop();
          const copy = spare && spare.byteLength >= length ? new Uint8Array(spare, 0, length) : new Uint8Array(m.piece);
          copy.set(data.subarray(from, from + length));
          post({ op: `piece:${index}`, buffer: copy.buffer, length }, [copy.buffer]);
          sent = index + 1;
        };
        await aesPieces(k.aes, m.iv, data, m.prefix, end, m.piece, (out, from) => {
          data.set(new Uint8Array(out), from);
          const index = (from - m.prefix) / m.piece;
          if (index === sent && index < EARLY && index - acked < WINDOW) send(index);
        }, false);
        const macP = subtle.sign('HMAC', k.hmac, data.subarray(0, end)); // copies now
        macP.catch(() => undefined);
        for (let index = sent; m.prefix + index * m.piece < end; index++) {
          while (index - acked >= WINDOW) await new Promise<void>((resolve) => (wake = resolve));
          send(index);
        }
        release(m.buffer);
        const mac = await macP;
        post({ op: 'mac', mac }, [mac]);
      } else if (m.op === 'decrypt') {
        // The HMAC check and the AES pieces at the same time; the plaintext pieces go to the page (which releases
        // nothing before 'verified' says the HMAC matches).
        const macAt = m.length - 32;
        const ok = subtle.verify('HMAC', k.hmac, data.subarray(macAt), data.subarray(0, macAt)); // copies now
        ok.catch(() => undefined);
        let index = 0;
        await aesPieces(k.aes, m.iv, data, m.prefix, macAt, m.piece, (out) => post({ op: `piece:${index++}`, buffer: out }, [out]), true);
        release(m.buffer);
        post({ op: 'verified', ok: await ok });
      }
    } catch (err) {
      fail(err);
    }
  };
}
/* eslint-enable */

let workerUrl: string | null | undefined;

/** A started crypto worker that answered, or undefined when workers can't be used here. */
export class CryptoWorker {
  private readonly waiting = new Map<string, { resolve: (d: any) => void; reject: (e: unknown) => void }>();
  private readonly arrived = new Map<string, any>();
  private failure?: Error;
  private stopped = false;
  /** For tests: use the main-thread path. */
  static disabled = false;

  private constructor(private readonly worker: Worker) {
    worker.onmessage = (e: MessageEvent) => {
      const d = e.data as { op: string; message?: string };
      if (d.op === 'error') return this.fail(new Error(d.message));
      const w = this.waiting.get(d.op);
      if (w) {
        this.waiting.delete(d.op);
        w.resolve(d);
      } else this.arrived.set(d.op, d);
    };
    worker.onerror = (e) => {
      e.preventDefault?.();
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
   * Starts a worker without waiting: messages may be posted at once (they wait in its queue). Undefined when
   * workers can't be used here; `ready` says whether it really runs.
   */
  static open(): CryptoWorker | undefined {
    if (CryptoWorker.disabled || workerUrl === null || typeof Worker === 'undefined' || typeof Blob === 'undefined' || typeof URL?.createObjectURL !== 'function') return undefined;
    let cw: CryptoWorker;
    try {
      workerUrl ??= URL.createObjectURL(new Blob([`(${workerMain.toString()})()`], { type: 'text/javascript' }));
      cw = new CryptoWorker(new Worker(workerUrl));
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
          cw.terminate();
          workerUrl = null; // blocked here (CSP): don't try again
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

  next(op: string): Promise<any> {
    if (this.failure) return Promise.reject(this.failure);
    const early = this.arrived.get(op);
    if (early) {
      this.arrived.delete(op);
      return Promise.resolve(early);
    }
    return new Promise((resolve, reject) => this.waiting.set(op, { resolve, reject }));
  }

  post(message: unknown, transfer: Transferable[] = []): void {
    this.worker.postMessage(message, transfer);
  }

  terminate(): void {
    this.stopped = true;
    this.worker.terminate();
    this.fail(new Error('crypto worker stopped'));
  }
}
