// What the room-trust model does only after a press, loaded with the first one (room-trust-model.ts): a decision on
// a member's changed identity — pin it (acknowledge) or withdraw the verification requirement, read back before it
// is reported done — and keeping a member's unsigned sessions quiet. No DOM, no SDK.
import { describeFailure } from '../sdk/errors.js';
import type { RoomTrustModel } from './room-trust-model.js';
import type { MemberRead } from '../sdk/room-trust.js';
import { identityAckKey, makeEntry, sessionAckKey, type MemberAction } from './room-trust.js';

/** Remembers an acknowledgement (in the host's store; on this page at least). */
async function remember(m: RoomTrustModel, key: string): Promise<void> {
  m.acks.add(key);
  try {
    await m.store.add(key);
  } catch {
    /* kept for this page at least */
  }
}

/** Rebuilds a member's entry with another action or read (the same entry, and no update, when nothing visible changed). */
function rebuild(m: RoomTrustModel, userId: string, action?: MemberAction | null, read?: MemberRead | null): void {
  const info = m.infos.get(userId);
  const prev = m.members.get(userId);
  if (!info || !prev) return;
  const e = makeEntry(info, read === undefined ? prev.read : read, m.acks, action === undefined ? prev.action : action, prev);
  if (e === prev) return;
  m.members.set(userId, e);
  m.notify(new Set([userId]));
}

/** Runs one decision on `userId` (the model joins a second press to the running one). */
export async function commit(m: RoomTrustModel, userId: string, kind: 'acknowledge' | 'withdraw'): Promise<MemberAction> {
  const before = m.members.get(userId)?.read?.masterKey ?? null;
  rebuild(m, userId, { kind, phase: 'running' });
  let result: MemberAction;
  try {
    await (kind === 'acknowledge' ? m.source.acknowledge(userId) : m.source.withdraw(userId));
    // Read back what we claim: the member must no longer need a decision.
    const [r] = await m.source.read([userId]);
    if (!r) throw new Error(`${userId} could not be read back`);
    const settled = !r.needsApproval && !r.wasVerified;
    if (settled && before) await remember(m, identityAckKey(userId, before));
    result = { kind, phase: settled ? 'done' : 'not-applied' };
    rebuild(m, userId, result, r);
  } catch (e) {
    result = { kind, phase: 'failed', failure: describeFailure(e) };
    rebuild(m, userId, result);
  }
  return result;
}

/** Keeps the member's current unsigned sessions quiet (a new one warns again). */
export async function dismissSessions(m: RoomTrustModel, userId: string): Promise<void> {
  const e = m.members.get(userId);
  if (!e?.read) return;
  for (const s of e.read.unsigned) await remember(m, sessionAckKey(userId, s.deviceId));
  rebuild(m, userId);
}
