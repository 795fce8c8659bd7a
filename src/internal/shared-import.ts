/**
 * A lazily imported module that every instance of an element shares: `current` is the module once any instance (or
 * a prefetch) loaded it, so an element created after that builds synchronously, as if the module were static; an
 * element created before reads it through its own lazy part (`XsElement.lazy(() => x.load())`), which prefetches it in
 * an idle moment and makes `updateComplete` wait for it. A failed load is forgotten, so the next `load()` tries again.
 */
export interface SharedImport<T> {
  readonly current: T | undefined;
  load(): Promise<T>;
}

export function sharedImport<T>(loader: () => Promise<T>): SharedImport<T> {
  let current: T | undefined;
  let pending: Promise<T> | undefined;
  return {
    get current() {
      return current;
    },
    load() {
      if (current !== undefined) return Promise.resolve(current);
      pending ??= loader().then(
        (m) => (current = m),
        (e: unknown) => {
          pending = undefined;
          throw e;
        },
      );
      return pending;
    },
  };
}
