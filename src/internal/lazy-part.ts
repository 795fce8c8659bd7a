import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** What a host gives a lazy part: updates, and a place to register loads its `updateComplete` waits for. */
export interface LazyHost extends ReactiveControllerHost {
  /** `updateComplete` waits for `load` (and the update it causes). */
  trackLoad(load: Promise<unknown>): void;
}

/** When to load a part before anything asks for it: once the element is idle after connecting, or only on demand. */
export type Prefetch = 'idle' | 'demand';

const idle = (run: () => void): (() => void) => {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(run, { timeout: 2000 });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(run, 200);
  return () => clearTimeout(id);
};

/**
 * A part of an element that its first render does not need — a later step's view, a flow started by a button, a
 * rare dialog — kept in its own module so the define module stays small (issue 17). `value` is the module once
 * loaded; reading it before that starts the load, and the host re-renders when it arrives. `load()` starts or
 * joins the one load (double clicks join). With `prefetch: 'idle'` (the default) the load starts in the first
 * idle moment after the host connects, so a person's click normally finds it ready. The host's `updateComplete`
 * waits for a load that is running, so a test that awaits it sees the step, not an empty moment.
 * A failed load (e.g. the page's server went away) is kept in `error`; reading `value` then does not try again (no
 * loop of failing loads) — `load()` does (a "Try again" button).
 */
export class LazyPart<T> implements ReactiveController {
  #loaded?: T;
  #pending?: Promise<T>;
  #cancelIdle?: () => void;
  /** The last load's failure, cleared when a load starts again. */
  error?: unknown;

  /**
   * `current`: the module when it is already here without this part loading it (e.g. another instance of the element
   * loaded it, see `sharedImport`) — then nothing is fetched or scheduled and the host does not render again for it.
   */
  constructor(
    private readonly host: LazyHost,
    private readonly loader: () => Promise<T>,
    private readonly prefetch: Prefetch = 'idle',
    private readonly current?: () => T | undefined,
  ) {
    host.addController(this);
  }

  get #have(): T | undefined {
    if (this.#loaded === undefined && this.current) this.#loaded = this.current();
    return this.#loaded;
  }

  /**
   * The loaded module, or undefined: then the load has started (unless the last one failed, see `error`) and the
   * host renders again when it is done.
   */
  get value(): T | undefined {
    const have = this.#have;
    if (have === undefined && this.error === undefined) void this.load().catch(() => undefined);
    return have;
  }

  /** Whether the module is here (reading this starts nothing). */
  get ready(): boolean {
    return this.#have !== undefined;
  }

  /** Starts the load, or joins the running one; resolves with the module. */
  load(): Promise<T> {
    const have = this.#have;
    if (have !== undefined) return Promise.resolve(have);
    if (!this.#pending) {
      this.error = undefined;
      this.#cancelIdle?.();
      this.#cancelIdle = undefined;
      const p = this.loader().then(
        (mod) => {
          this.#loaded = mod;
          this.#pending = undefined;
          this.host.requestUpdate();
          return mod;
        },
        (e: unknown) => {
          this.error = e;
          this.#pending = undefined;
          this.host.requestUpdate();
          throw e;
        },
      );
      this.#pending = p;
      this.host.trackLoad(p.catch(() => undefined));
    }
    return this.#pending;
  }

  hostConnected(): void {
    if (this.prefetch !== 'idle' || this.#have !== undefined || this.#pending) return;
    this.#cancelIdle ??= idle(() => {
      this.#cancelIdle = undefined;
      void this.load().catch(() => undefined);
    });
  }

  hostDisconnected(): void {
    this.#cancelIdle?.();
    this.#cancelIdle = undefined;
  }
}
