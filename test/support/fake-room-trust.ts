// A RoomTrustSource whose data the test edits; it records every call (unit tests of the room-trust model and
// element, and the benchmark's 1 000 members).
import type { DeviceIsolation } from '../../src/sdk/device-isolation.js';
import type { MemberRead, RoomInfo, RoomTrustSource, RoomTrustWatch } from '../../src/sdk/room-trust.js';

export const ME = '@me:x';

export function memberRead(userId: string, over: Partial<MemberRead> = {}): MemberRead {
  return { userId, known: true, verified: false, wasVerified: false, needsApproval: false, masterKey: null, sessions: 1, unsigned: [], ...over };
}

/** A source whose data the test edits; it records every call. */
export function fakeRoomTrustSource(names: string[], reads: Record<string, Partial<MemberRead>> = {}) {
  const data = new Map<string, MemberRead>(names.map((u) => [u, memberRead(u, reads[u])]));
  const state = {
    room: { members: names.map((u) => ({ userId: u, name: u.slice(1, u.indexOf(':')), membership: 'join' as const })), encrypted: true } as RoomInfo | null,
    isolation: 'all' as DeviceIsolation,
    readCalls: [] as string[][],
    roomCalls: 0,
    acknowledged: [] as string[],
    withdrawn: [] as string[],
    failAck: null as Error | null,
    failRoom: null as Error | null,
    /** room() never answers while set. */
    hangRoom: false,
    /** What acknowledge does to the data (default: the approval is no longer needed). */
    onAck: (u: string): void => void data.set(u, { ...data.get(u)!, needsApproval: false }),
    watch: undefined as RoomTrustWatch | undefined,
    unwatched: 0,
  };
  const source: RoomTrustSource = {
    ownUserId: ME,
    async room() {
      state.roomCalls++;
      if (state.failRoom) throw state.failRoom;
      if (state.hangRoom) return new Promise<never>(() => {});
      return state.room ? { ...state.room, members: [...state.room.members] } : null;
    },
    async read(ids) {
      state.readCalls.push([...ids]);
      return ids.map((u) => data.get(u) ?? memberRead(u, { known: false, sessions: null }));
    },
    async acknowledge(u) {
      state.acknowledged.push(u);
      await Promise.resolve();
      if (state.failAck) throw state.failAck;
      state.onAck(u);
    },
    async withdraw(u) {
      state.withdrawn.push(u);
      data.set(u, { ...data.get(u)!, wasVerified: false });
    },
    isolation: () => state.isolation,
    watch(h) {
      state.watch = h;
      return () => {
        state.unwatched++;
        state.watch = undefined;
      };
    },
  };
  return { source, data, state };
}

