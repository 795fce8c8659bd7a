/** Polls `check` until it returns a truthy value (returned) or the bound passes (throws with `what`). */
export async function waitFor<T>(
  what: string,
  check: () => T | Promise<T>,
  { timeoutMs = 20_000, intervalMs = 50 }: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const v = await check();
      if (v) return v;
    } catch (e) {
      lastError = e;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastError ? ` (last error: ${lastError instanceof Error ? String(lastError) : JSON.stringify(lastError)})` : ''}`);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** Resolves with the first emission of `event` on `emitter` that passes `filter`, or rejects after the bound. */
export function nextEmit<A extends unknown[]>(
  emitter: { on(e: string, l: (...a: A) => void): unknown; off(e: string, l: (...a: A) => void): unknown },
  event: string,
  filter: (...a: A) => boolean = () => true,
  timeoutMs = 20_000,
): Promise<A> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => {
      emitter.off(event, l);
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${event}`));
    }, timeoutMs);
    const l = (...a: A) => {
      if (!filter(...a)) return;
      clearTimeout(t);
      emitter.off(event, l);
      resolve(a);
    };
    emitter.on(event, l);
  });
}
