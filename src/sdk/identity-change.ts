// Own-identity changes in progress on a client, shared between the kit's SDK adapters.
//
// While this session creates new cross-signing keys and waits to upload them (the sign-in prompt can keep
// that window open for as long as the person takes), an own-user /keys/query makes rust crypto see the
// server's older identity and drop the new private keys. The setup adapter runs its commits inside
// `whileChangingIdentity`; other parts of the kit (the status) skip their forced server reads meanwhile and
// read again once the change is over. The status also tells changes made here (no "if this wasn't you"
// warning) from changes made elsewhere by the change mark. What the status reads is identity-change-state.ts.
import { bump, finished, inProgress } from './identity-change-state.js';

export { identityChangeInProgress, identityChangeMark, onIdentityChangeFinished } from './identity-change-state.js';

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
