/** Rejected by `withTimeout` when the bound passes. */
export class TimeoutError extends Error {
  override readonly name = 'TimeoutError';
  constructor(readonly ms: number, what = 'operation') {
    super(`${what} did not finish within ${ms} ms`);
  }
}

/** Rejects with an AbortError DOMException. */
export class AbortedError extends Error {
  override readonly name = 'AbortError';
  constructor() {
    super('aborted');
  }
}

/** Settles like `promise`, or rejects with TimeoutError after `ms`, or with AbortError when `signal` aborts. */
export function withTimeout<T>(promise: Promise<T>, ms: number, { signal, what }: { signal?: AbortSignal; what?: string } = {}): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (signal?.aborted) return reject(new AbortedError());
    const timer = setTimeout(() => finish(() => reject(new TimeoutError(ms, what))), ms);
    const onAbort = () => finish(() => reject(new AbortedError()));
    signal?.addEventListener('abort', onAbort, { once: true });
    function finish(f: () => void) {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      f();
    }
    promise.then(
      (v) => finish(() => resolve(v)),
      (e: unknown) => finish(() => reject(e)),
    );
  });
}

/** Waits `ms`, or rejects with AbortError when `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new AbortedError());
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      reject(new AbortedError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
