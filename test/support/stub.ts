/**
 * Puts `fake` in place of `target[name]` (a browser method such as `window.open`); the returned function puts the
 * original back. The original is only kept, never called, so it needs no `this`.
 */
export function stub<T extends object, K extends keyof T>(target: T, name: K, fake: T[K]): () => void {
  const original = Reflect.get(target, name) as T[K];
  target[name] = fake;
  return () => {
    target[name] = original;
  };
}
