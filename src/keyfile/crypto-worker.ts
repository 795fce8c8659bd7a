// AES-CTR (piece by piece, in place) and the HMAC of a key file in a dedicated worker, so the main thread never
// pays for WebCrypto's synchronous copy of tens of megabytes (which alone can take more than 100 ms). The buffer is
// transferred, not copied, both ways. The worker is inline (a Blob URL of the function below, which must stay
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
  /** AES-CTR over data[start, end) in pieces, in place; `origin` is where the counter starts (the ciphertext start). */
  const aesPieces = async (key: CryptoKey, iv: Uint8Array, data: Uint8Array<ArrayBuffer>, start: number, end: number, piece: number, origin = start) => {
    for (let from = start; from < end; from += piece) {
      const to = Math.min(end, from + piece);
      const out = await subtle.encrypt({ name: 'AES-CTR', counter: counterAt(iv, (from - origin) / 16), length: 64 }, key, data.subarray(from, to));
      data.set(new Uint8Array(out), from);
    }
  };
  const spares: ArrayBuffer[] = [];
  let job: { data: Uint8Array<ArrayBuffer>; done: Promise<unknown>[]; prefix: number; end: number; piece: number } | undefined;
  self.onmessage = async (e: MessageEvent) => {
    const m = e.data;
    try {
      if (m.op === 'ping') return post({ op: 'pong' });
      if (m.op === 'recycle') return void spares.push(m.buffer);
      const data = m.buffer ? new Uint8Array(m.buffer as ArrayBuffer, m.offset, m.length) : new Uint8Array(0);
      if (m.op === 'encrypt') {
        // AES piece by piece in place; each finished piece is copied out when the page asks for it ('send'),
        // so the page holds at most a couple of pieces; then the HMAC, sent as 'mac'.
        const end = m.prefix + m.n;
        let chain: Promise<unknown> = Promise.resolve();
        const done: Promise<unknown>[] = [];
        for (let from = m.prefix; from < end; from += m.piece) {
          chain = chain.then(() => aesPieces(m.aes, m.iv, data, from, Math.min(end, from + m.piece), m.piece, m.prefix));
          done.push(chain);
        }
        job = { data, done, prefix: m.prefix, end, piece: m.piece };
        await chain;
        const mac = await subtle.sign('HMAC', m.hmac, data.subarray(0, end));
        post({ op: 'mac', mac }, [mac]);
      } else if (m.op === 'send') {
        const j = job!;
        await j.done[m.index];
        const from = j.prefix + m.index * j.piece;
        const to = Math.min(j.end, from + j.piece);
        // Reuse a buffer the page gave back, so finished pieces don't pile up as garbage on either side.
        const spare = spares.pop();
        const copy = spare && spare.byteLength >= to - from ? new Uint8Array(spare, 0, to - from) : new Uint8Array(to - from);
        copy.set(j.data.subarray(from, to));
        post({ op: `piece:${m.index}`, buffer: copy.buffer, length: to - from }, [copy.buffer]);

      } else if (m.op === 'decrypt') {
        const macAt = m.length - 32;
        const ok = subtle.verify('HMAC', m.hmac, data.subarray(macAt), data.subarray(0, macAt)); // copies now
        await aesPieces(m.aes, m.iv, data, m.prefix, macAt, m.piece);
        const verified = await ok;
        if (!verified) data.fill(0);
        post({ op: 'decrypted', ok: verified, buffer: m.buffer }, [m.buffer]);
      }
    } catch (err) {
      post({ op: 'error', message: String((err as Error)?.message ?? err) });
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

  /** Starts a worker and waits for its first answer; undefined if that is not possible here. */
  static async start(): Promise<CryptoWorker | undefined> {
    if (CryptoWorker.disabled || workerUrl === null || typeof Worker === 'undefined' || typeof Blob === 'undefined' || typeof URL?.createObjectURL !== 'function') return undefined;
    let cw: CryptoWorker;
    try {
      workerUrl ??= URL.createObjectURL(new Blob([`(${workerMain.toString()})()`], { type: 'text/javascript' }));
      cw = new CryptoWorker(new Worker(workerUrl));
    } catch {
      workerUrl = null;
      return undefined;
    }
    try {
      const pong = cw.next('pong');
      cw.post({ op: 'ping' });
      await Promise.race([pong, new Promise((_, reject) => setTimeout(() => reject(new Error('no answer')), 5000))]);
      return cw;
    } catch {
      cw.terminate();
      workerUrl = null; // blocked here (CSP): don't try again
      return undefined;
    }
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
    this.worker.terminate();
    this.fail(new Error('crypto worker stopped'));
  }
}
