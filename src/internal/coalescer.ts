// Shared by the account model (src/sdk/account.ts) and anything else that reads on bursts of change notices.

/** Coalesces bursts of change notices into one run per frame; a run never overlaps another. */
export class Coalescer {
  #scheduled = false;
  #running = false;
  #again = false;
  #refresh = false;
  #disposed = false;

  constructor(
    private readonly run: (refresh: boolean) => Promise<void>,
    private readonly frame: (cb: () => void) => void = defaultFrame,
  ) {}

  /** Asks for a run; `refresh` sticks until the next run starts. */
  request(refresh = false): void {
    if (this.#disposed) return;
    this.#refresh ||= refresh;
    if (this.#running) {
      this.#again = true;
      return;
    }
    if (this.#scheduled) return;
    this.#scheduled = true;
    this.frame(() => void this.#go());
  }

  dispose(): void {
    this.#disposed = true;
  }

  async #go() {
    this.#scheduled = false;
    if (this.#disposed) return;
    this.#running = true;
    const refresh = this.#refresh;
    this.#refresh = false;
    try {
      await this.run(refresh);
    } finally {
      this.#running = false;
      if (this.#again) {
        this.#again = false;
        this.request();
      }
    }
  }
}

function defaultFrame(cb: () => void): void {
  // rAF does not run in background tabs; a change there must still land.
  if (typeof requestAnimationFrame === 'function' && typeof document !== 'undefined' && !document.hidden) {
    let done = false;
    const once = () => {
      if (done) return;
      done = true;
      cb();
    };
    requestAnimationFrame(once);
    setTimeout(once, 100);
  } else setTimeout(cb, 16);
}
