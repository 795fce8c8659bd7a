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

/**
 * The one timer both helpers below are: settles like `promise` (if any), or as `timeUp` says after `ms`, or rejects
 * with AbortError when `signal` aborts; whichever comes first, and the timer and the abort listener go with it.
 */
function bounded<T>(ms: number, signal: AbortSignal | undefined, timeUp: (resolve: (v: T) => void, reject: (e: unknown) => void) => void, promise?: Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (signal?.aborted) return reject(new AbortedError());
    const finish = (f: () => void) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      f();
    };
    const timer = setTimeout(() => finish(() => timeUp(resolve, reject)), ms);
    const onAbort = () => finish(() => reject(new AbortedError()));
    signal?.addEventListener('abort', onAbort, { once: true });
    promise?.then(
      (v) => finish(() => resolve(v)),
      (e: unknown) => finish(() => reject(e)),
    );
  });
}

/** Settles like `promise`, or rejects with TimeoutError after `ms`, or with AbortError when `signal` aborts. */
export function withTimeout<T>(promise: Promise<T>, ms: number, { signal, what }: { signal?: AbortSignal; what?: string } = {}): Promise<T> {
  return bounded(ms, signal, (_, reject) => reject(new TimeoutError(ms, what)), promise);
}

/** Waits `ms`, or rejects with AbortError when `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return bounded<void>(ms, signal, (resolve) => resolve());
}
