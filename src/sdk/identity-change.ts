// Own-identity changes in progress on a client, shared between the kit's SDK adapters.
//
// While this session creates new cross-signing keys and waits to upload them (the sign-in prompt can keep
// that window open for as long as the person takes), an own-user /keys/query makes rust crypto see the
// server's older identity and drop the new private keys. The setup adapter runs its commits inside
// `whileChangingIdentity`; other parts of the kit (the status) skip their forced server reads meanwhile and
// read again once the change is over. The status also tells changes made here (no "if this wasn't you"
// warning) from changes made elsewhere by the change mark.

const inProgress = new WeakMap<object, number>();
const marks = new WeakMap<object, number>();
const finished = new WeakMap<object, Set<() => void>>();

const bump = (client: object) => marks.set(client, (marks.get(client) ?? 0) + 1);

/** Runs `fn` as an own-identity change on `client`. Changes may nest or overlap. */
export async function whileChangingIdentity<T>(client: object, fn: () => Promise<T>): Promise<T> {
  const running = inProgress.get(client) ?? 0;
  if (running === 0) bump(client);
  inProgress.set(client, running + 1);
  try {
    return await fn();
  } finally {
    const n = (inProgress.get(client) ?? 1) - 1;
    if (n > 0) inProgress.set(client, n);
    else {
      inProgress.delete(client);
      bump(client);
      for (const l of [...(finished.get(client) ?? [])]) l();
    }
  }
}

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
