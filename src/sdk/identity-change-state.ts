// What the status reads of own-identity changes on a client (identity-change.ts runs them): whether one is running,
// the change mark, and when the last one ended. Apart from `whileChangingIdentity`, which only the setup's commits
// (loaded with them) call, so that the status's first render does not carry it.

/** @internal Changes running per client (identity-change.ts counts them). */
export const inProgress = new WeakMap<object, number>();
const marks = new WeakMap<object, number>();
/** @internal Listeners for the end of the last running change, per client. */
export const finished = new WeakMap<object, Set<() => void>>();

/** @internal Moves the change mark (at the start and at the end of a change). */
export const bump = (client: object): void => void marks.set(client, (marks.get(client) ?? 0) + 1);

/** Whether an own-identity change is running on `client` (then no own-user /keys/query may be forced). */
export function identityChangeInProgress(client: object): boolean {
  return inProgress.has(client);
}

/**
 * Counts the starts and ends of own-identity changes on `client`: odd while one runs. Two reads with the
 * same even mark have no change made here between them.
 */
export function identityChangeMark(client: object): number {
  return marks.get(client) ?? 0;
}

/** Calls `listener` each time the last running change on `client` ends; returns the unsubscribe function. */
export function onIdentityChangeFinished(client: object, listener: () => void): () => void {
  let set = finished.get(client);
  if (!set) finished.set(client, (set = new Set()));
  set.add(listener);
  return () => void set.delete(listener);
}
