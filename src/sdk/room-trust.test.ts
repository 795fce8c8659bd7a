import { expect } from '@open-wc/testing';
import type { MatrixClient } from 'matrix-js-sdk';
import { applyDeviceIsolation } from './status.js';
import { roomTrustSource } from './room-trust.js';

type L = (...a: unknown[]) => void;

/** The slice of MatrixClient + CryptoApi the room-trust source uses. */
function fakeClient() {
  const listeners = new Map<string, Set<L>>();
  const users: Record<string, { known: boolean; verified: boolean; was: boolean; approval: boolean; master?: string; devices: Record<string, { name?: string; signed: boolean }> }> = {
    '@me:x': { known: true, verified: true, was: false, approval: false, devices: { ME1: { signed: false }, ME2: { name: 'Old laptop', signed: false } } },
    '@bob:x': { known: true, verified: false, was: false, approval: true, master: 'BOBKEY', devices: { B1: { name: 'Phone', signed: true } } },
    '@inv:x': { known: false, verified: false, was: false, approval: false, devices: { I1: { signed: false } } },
  };
  const members = [
    { userId: '@me:x', name: 'Me', membership: 'join' },
    { userId: '@bob:x', name: 'Bob', membership: 'join' },
    { userId: '@inv:x', name: '', membership: 'invite' },
    { userId: '@gone:x', name: 'Gone', membership: 'leave' },
  ];
  let loads = 0;
  const crypto = {
    async getUserVerificationStatus(u: string) {
      const x = users[u];
      return { known: x.known, needsUserApproval: x.approval, isCrossSigningVerified: () => x.verified, wasCrossSigningVerified: () => x.was || x.verified };
    },
    async getUserCrossSigningKeys(u: string) {
      return users[u]?.master ? { master_key: { keys: { [`ed25519:${users[u].master}`]: users[u].master } } } : null;
    },
    async getUserDeviceInfo(ids: string[]) {
      return new Map(ids.filter((u) => users[u]).map((u) => [u, new Map(Object.entries(users[u].devices).map(([d, v]) => [d, { deviceId: d, displayName: v.name }]))]));
    },
    async getDeviceVerificationStatus(u: string, d: string) {
      return { signedByOwner: users[u].devices[d].signed };
    },
    async isEncryptionEnabledInRoom() {
      return true;
    },
    setDeviceIsolationMode() {},
  };
  const client = {
    getSafeUserId: () => '@me:x',
    getDeviceId: () => 'ME1',
    getCrypto: () => crypto,
    getRoom: (id: string) =>
      id === '!r:x'
        ? {
            loadMembersIfNeeded: async () => void loads++,
            getMembers: () => members,
          }
        : null,
    on(e: string, l: L) {
      let s = listeners.get(e);
      if (!s) listeners.set(e, (s = new Set()));
      s.add(l);
    },
    off(e: string, l: L) {
      listeners.get(e)?.delete(l);
    },
    emit(e: string, ...a: unknown[]) {
      for (const l of [...(listeners.get(e) ?? [])]) l(...a);
    },
  };
  return { client, asClient: client as unknown as MatrixClient, listeners, users, loads: () => loads };
}

describe('room-trust source', () => {
  it('lists joined and invited members (not those who left); loads the member list; says whether the room is encrypted', async () => {
    const f = fakeClient();
    const room = await roomTrustSource(f.asClient, '!r:x').room();
    expect(room!.members.map((m) => [m.userId, m.name, m.membership])).to.deep.equal([
      ['@me:x', 'Me', 'join'],
      ['@bob:x', 'Bob', 'join'],
      ['@inv:x', '@inv:x', 'invite'],
    ]);
    expect(room!.encrypted).to.equal(true);
    expect(f.loads()).to.equal(1);
    expect(await roomTrustSource(f.asClient, '!other:x').room()).to.equal(null);
  });

  it('reads identities and the sessions their owners never signed (not this session); the master key only when changed', async () => {
    const f = fakeClient();
    const reads = await roomTrustSource(f.asClient, '!r:x').read(['@me:x', '@bob:x', '@inv:x']);
    expect(reads).to.deep.equal([
      { userId: '@me:x', known: true, verified: true, wasVerified: false, needsApproval: false, masterKey: null, sessions: 2, unsigned: [{ deviceId: 'ME2', displayName: 'Old laptop' }] },
      { userId: '@bob:x', known: true, verified: false, wasVerified: false, needsApproval: true, masterKey: 'BOBKEY', sessions: 1, unsigned: [] },
      { userId: '@inv:x', known: false, verified: false, wasVerified: false, needsApproval: false, masterKey: null, sessions: 1, unsigned: [{ deviceId: 'I1', displayName: null }] },
    ]);
  });

  it('our own identity changing is never a banner here (it can’t be pinned or withdrawn)', async () => {
    const f = fakeClient();
    Object.assign(f.users['@me:x'], { verified: false, was: true, approval: true, master: 'MINE' });
    const [me] = await roomTrustSource(f.asClient, '!r:x').read(['@me:x']);
    expect([me.wasVerified, me.needsApproval, me.masterKey]).to.deep.equal([false, false, null]);
  });

  it('watches trust, devices, this room’s membership and the isolation mode; unwatching removes every listener', async () => {
    const f = fakeClient();
    const src = roomTrustSource(f.asClient, '!r:x');
    const seen: string[] = [];
    const off = src.watch({ room: () => seen.push('room'), users: (ids) => seen.push(`users ${ids.join(',')}`), isolation: (m) => seen.push(`isolation ${m}`) });
    f.client.emit('userTrustStatusChanged', '@bob:x');
    f.client.emit('crypto.devicesUpdated', ['@bob:x', '@inv:x'], false);
    f.client.emit('RoomState.members', {}, { roomId: '!r:x' });
    f.client.emit('RoomState.members', {}, { roomId: '!elsewhere:x' });
    f.client.emit('RoomMember.name', {}, { roomId: '!r:x' });
    f.client.emit('RoomState.events', { getType: () => 'm.room.encryption', getRoomId: () => '!r:x' });
    f.client.emit('RoomState.events', { getType: () => 'm.room.topic', getRoomId: () => '!r:x' });
    applyDeviceIsolation(f.asClient, 'only-signed');
    expect(src.isolation()).to.equal('only-signed');
    expect(seen).to.deep.equal(['users @bob:x', 'users @bob:x,@inv:x', 'room', 'room', 'room', 'isolation only-signed']);
    off();
    expect([...f.listeners.values()].every((s) => s.size === 0)).to.equal(true);
    applyDeviceIsolation(f.asClient, 'all');
    expect(seen).to.have.length(6);
  });
});
