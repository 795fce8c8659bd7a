// Trust in the members of one room, as plain data: who is in it (joined or invited), each member's identity
// (verified, changed since pinned or verified) and their sessions their owner never signed; the actions on a
// changed identity (pin it, withdraw the verification requirement); and the SDK events that change any of it.
// The only room-trust code that calls the SDK. Reads are per batch of members so the caller can yield between
// batches (src/state/room-trust.ts).
import type { MatrixClient } from 'matrix-js-sdk';
import { CryptoEvent } from 'matrix-js-sdk/lib/crypto-api/CryptoEvent.js';
import { deviceIsolationOf, onDeviceIsolationChanged, type DeviceIsolation } from './device-isolation.js';
import { acknowledgeIdentity, firstKey, listen, withdrawVerification, type Listener, type UserTrustSnapshot } from './status.js';

export interface RoomMemberInfo {
  userId: string;
  /** The display name as the room disambiguates it. Untrusted text. */
  name: string;
  membership: 'join' | 'invite';
}

export interface RoomInfo {
  members: RoomMemberInfo[];
  /** Encryption is on in the room (sticky: it never goes off again). */
  encrypted: boolean;
}

/** One session of a member that its owner never signed with their self-signing key. */
export interface UnsignedSession {
  deviceId: string;
  /** The session's name as its owner set it. Untrusted text; null when none. */
  displayName: string | null;
}

/**
 * What is known of one member's identity and sessions (the same record `<xs-status user-id>` reads, plus the
 * sessions). No key material other than public keys. For the own user `wasVerified` and `needsApproval` are
 * always false (the own identity is `<xs-status>`'s business), and `masterKey` is read only when the identity
 * changed (else null).
 */
export interface MemberRead extends UserTrustSnapshot {
  /** Their sessions we know of (null: their device list isn't known here). */
  sessions: number | null;
  /** Those sessions not signed by their owner (for the own user, without this session). */
  unsigned: UnsignedSession[];
}

export interface RoomTrustWatch {
  /** Someone joined, was invited, left, or changed their name; or the room or its encryption arrived. */
  room(): void;
  /** These users' identity or device list changed. */
  users(userIds: string[]): void;
  /** The kit set another device-isolation mode on the client. */
  isolation(mode: DeviceIsolation): void;
}

/** What the room-trust model needs from the SDK; `roomTrustSource(client, roomId)` is the real one. */
export interface RoomTrustSource {
  readonly ownUserId: string;
  /** The room's joined and invited members and whether it is encrypted; null when this client doesn't know the room. */
  room(): Promise<RoomInfo | null>;
  /** Reads one batch of members. */
  read(userIds: string[]): Promise<MemberRead[]>;
  /** Pins `userId`'s current identity (an unverified member whose identity changed). Local: no request. */
  acknowledge(userId: string): Promise<void>;
  /** Withdraws the verification requirement of a formerly verified member (and pins the new identity). Local. */
  withdraw(userId: string): Promise<void>;
  isolation(): DeviceIsolation;
  watch(h: RoomTrustWatch): () => void;
}

const MEMBERSHIPS = new Set(['join', 'invite']);

/** The room-trust source of `roomId` on `client`. */
export function roomTrustSource(client: MatrixClient, roomId: string): RoomTrustSource {
  const ownUserId = client.getSafeUserId();
  const ownDeviceId = client.getDeviceId();
  const cryptoOrThrow = () => {
    const c = client.getCrypto();
    if (!c) throw new Error('the MatrixClient has no crypto (call initRustCrypto first)');
    return c;
  };

  async function readOne(userId: string, devices: Map<string, { deviceId: string; displayName?: string }> | undefined): Promise<MemberRead> {
    const crypto = cryptoOrThrow();
    const status = await crypto.getUserVerificationStatus(userId);
    const verified = status.isCrossSigningVerified();
    // Our own identity changing is <xs-status>'s business (and can't be pinned or withdrawn): never a banner here.
    const own = userId === ownUserId;
    const wasVerified = !own && status.wasCrossSigningVerified() && !verified;
    const needsApproval = !own && status.needsUserApproval;
    const changed = needsApproval || wasVerified;
    const masterKey = changed ? firstKey((await crypto.getUserCrossSigningKeys(userId))?.master_key) : null;
    const unsigned: UnsignedSession[] = [];
    for (const d of devices?.values() ?? []) {
      if (userId === ownUserId && d.deviceId === ownDeviceId) continue;
      const dv = await crypto.getDeviceVerificationStatus(userId, d.deviceId);
      if (dv && !dv.signedByOwner) unsigned.push({ deviceId: d.deviceId, displayName: d.displayName ?? null });
    }
    return {
      userId,
      known: status.known,
      verified,
      wasVerified,
      needsApproval,
      masterKey,
      sessions: devices ? devices.size : null,
      unsigned,
    };
  }

  return {
    ownUserId,

    async room() {
      const room = client.getRoom(roomId);
      if (!room) return null;
      // With lazy-loaded members the SDK asks the server for the full member list once (GET …/members); a
      // failed load is tried again on the next call. Without lazy loading this is a no-op.
      await room.loadMembersIfNeeded();
      const members: RoomMemberInfo[] = [];
      for (const m of room.getMembers()) {
        if (MEMBERSHIPS.has(m.membership ?? '')) members.push({ userId: m.userId, name: m.name || m.userId, membership: m.membership as 'join' | 'invite' });
      }
      const encrypted = await cryptoOrThrow().isEncryptionEnabledInRoom(roomId);
      return { members, encrypted };
    },

    async read(userIds) {
      // Device lists come from the crypto store (no request): the SDK keeps them current for encrypted rooms.
      const devices = await cryptoOrThrow().getUserDeviceInfo(userIds, false);
      return Promise.all(userIds.map((u) => readOne(u, devices.get(u))));
    },

    acknowledge: (userId) => acknowledgeIdentity(client, userId),
    withdraw: (userId) => withdrawVerification(client, userId),
    isolation: () => deviceIsolationOf(client),

    watch(h) {
      const inRoom = (x: { roomId?: string } | undefined | null) => x?.roomId === roomId && h.room();
      // The room's state or one of its members (the event's second argument).
      const ofRoom = (_e: unknown, x: { roomId?: string }) => inRoom(x);
      const on: [string, Listener][] = [
        [CryptoEvent.UserTrustStatusChanged, ((userId: string) => h.users([userId]))],
        [CryptoEvent.DevicesUpdated, ((userIds: string[]) => h.users(userIds))],
        // Joins, invites, leaves, kicks, bans (RoomStateEvent.Members / NewMember, re-emitted by the client).
        ['RoomState.members', ofRoom],
        ['RoomState.newMember', ofRoom],
        ['RoomMember.name', ofRoom],
        // The room itself arriving (a join after mounting), and its encryption being turned on.
        ['Room', inRoom],
        ['RoomState.events', ((e: { getType(): string; getRoomId(): string | undefined }) => e.getType() === 'm.room.encryption' && e.getRoomId() === roomId && h.room())],
      ];
      const off = listen(client, on);
      const offIsolation = onDeviceIsolationChanged(client, (mode) => h.isolation(mode));
      return () => {
        off();
        offIsolation();
      };
    },
  };
}
