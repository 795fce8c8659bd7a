// One commit at a time per client. Set-up, change-key and reset write several account-data events, a key backup
// and a cross-signing identity; two such commits interleaved leave secrets under a key that is not the default.
// Every commit on a client runs through `exclusiveCommit`: a second one (a retry, a double click, a second
// element on the same client) waits until the running one has settled, then runs against the account as that
// one left it.

const tails = new WeakMap<object, Promise<unknown>>();

/** Runs `fn` after every commit already queued on `client` has settled. */
export function exclusiveCommit<T>(client: object, fn: () => Promise<T>): Promise<T> {
  const before = tails.get(client) ?? Promise.resolve();
  const run = before.then(fn, fn);
  const tail = run.then(
    () => undefined,
    () => undefined,
  );
  tails.set(client, tail);
  void tail.then(() => {
    if (tails.get(client) === tail) tails.delete(client);
  });
  return run;
}

/** Whether a commit is running (or queued) on `client`. */
export function commitRunning(client: object): boolean {
  return tails.has(client);
}
