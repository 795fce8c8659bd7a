// Trust in a room's members as a view model: one entry per joined or invited member (immutable — a member's
// entry is replaced only when something about that member changed, so a view re-renders just that row), the
// stage of the whole view, the one badge for a room header, and the acknowledgements that keep warnings quiet.
// Plain TypeScript: no DOM, no SDK. The live model that fills it is room-trust-model.ts.
import type { Failure } from '../sdk/errors.js';
import type { DeviceIsolation } from '../sdk/device-isolation.js';
import type { MemberRead, RoomMemberInfo, UnsignedSession } from '../sdk/room-trust.js';
import { trustOf } from './status.js';

/** One member's trust, as the view words it. */
export type MemberTrust =
  /** Not read yet. */
  | 'checking'
  /** No identity known here (no cross-signing, or not fetched yet). */
  | 'unknown'
  | 'verified'
  | 'not-verified'
  /** Their identity changed since it was pinned: acknowledge or verify. */
  | 'identity-changed'
  /** A member we had verified has another identity now: verify again or withdraw the requirement. */
  | 'was-verified';

/** An action on a member's changed identity, as it stands. */
export type MemberAction =
  | { kind: 'acknowledge' | 'withdraw'; phase: 'running' }
  /** Read back: the change is acknowledged (pinned) or the requirement withdrawn. */
  | { kind: 'acknowledge' | 'withdraw'; phase: 'done' }
  /** The SDK call returned, but reading back shows the identity still needs attention (it changed again?). */
  | { kind: 'acknowledge' | 'withdraw'; phase: 'not-applied' }
  | { kind: 'acknowledge' | 'withdraw'; phase: 'failed'; failure: Failure };

export interface MemberEntry {
  userId: string;
  /** Display name as the room disambiguates it. Untrusted text. */
  name: string;
  membership: 'join' | 'invite';
  /** Null while checking. */
  read: MemberRead | null;
  trust: MemberTrust;
  /** The identity change was acknowledged before (the host's store holds its key): no warning. */
  identityQuiet: boolean;
  /** Unsigned sessions nobody acknowledged yet (the ones the badge counts). */
  unsignedNew: UnsignedSession[];
  action: MemberAction | null;
}

export type RoomTrustStage =
  | { kind: 'no-room' }
  | { kind: 'no-crypto' }
  | { kind: 'not-encrypted' }
  /** The first read of every member; `done` of `total` read. */
  | { kind: 'loading'; done: number; total: number }
  | { kind: 'ready' }
  | { kind: 'error'; failure: Failure };

/** The one state a room header shows. */
export type RoomBadge =
  | 'checking'
  | 'unavailable'
  | 'not-encrypted'
  /** Someone's identity changed and nobody acknowledged it. */
  | 'identity-changed'
  /** Someone has sessions their owner never signed, not acknowledged. */
  | 'unsigned-sessions'
  /** Every other member is verified and no session is unsigned. */
  | 'verified'
  /** No warnings, but not everyone is verified. */
  | 'not-verified';

export const ROOM_BADGES: readonly RoomBadge[] = ['checking', 'unavailable', 'not-encrypted', 'identity-changed', 'unsigned-sessions', 'verified', 'not-verified'];

// ——— acknowledgements ———

/**
 * Where acknowledged warnings are kept, so they stay quiet (e.g. across reloads, in the host's storage).
 * Keys are opaque strings holding user and device IDs and public keys only.
 */
export interface AcknowledgementStore {
  /** Every key acknowledged so far; read when a room's model starts. */
  load(): Iterable<string> | Promise<Iterable<string>>;
  /** Remembers one more. */
  add(key: string): void | Promise<void>;
}

/** A store that forgets on reload. */
export function memoryAcknowledgementStore(): AcknowledgementStore {
  const keys = new Set<string>();
  return { load: () => keys, add: (k) => void keys.add(k) };
}

const defaults = new WeakMap<object, AcknowledgementStore>();

/** The in-memory store every room view of `client` shares unless the host gives its own. */
export function defaultAcknowledgementStore(client: object): AcknowledgementStore {
  let s = defaults.get(client);
  if (!s) defaults.set(client, (s = memoryAcknowledgementStore()));
  return s;
}

/** An identity change, by the new master key: acknowledging it once keeps exactly that change quiet. */
export const identityAckKey = (userId: string, masterKey: string) => `identity ${userId} ${masterKey}`;
/** An unsigned session: a new one warns again. */
export const sessionAckKey = (userId: string, deviceId: string) => `session ${userId} ${deviceId}`;

// ——— entries ———

/** Builds a member's entry; returns `prev` itself when nothing visible changed (so its row is not re-rendered). */
export function makeEntry(
  info: RoomMemberInfo,
  read: MemberRead | null,
  acks: ReadonlySet<string>,
  action: MemberAction | null,
  prev?: MemberEntry,
): MemberEntry {
  const trust = trustOf(read);
  const identityQuiet = !!read?.masterKey && acks.has(identityAckKey(info.userId, read.masterKey));
  const unsignedNew = (read?.unsigned ?? []).filter((s) => !acks.has(sessionAckKey(info.userId, s.deviceId)));
  const next: MemberEntry = { userId: info.userId, name: info.name, membership: info.membership, read, trust, identityQuiet, unsignedNew, action };
  return prev && sameEntry(prev, next) ? prev : next;
}

/**
 * Plain data compared by value (objects and arrays key by key): an entry is kept when nothing in it changed — the
 * member, their read (sessions included), what is unacknowledged and the action with its failure.
 */
export function sameEntry(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!a || !b || typeof a !== 'object' || typeof b !== 'object') return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => sameEntry((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

// ——— what the view shows ———

/** A member whose changed identity needs a decision (or whose decision is running / failed). */
export function needsDecision(e: MemberEntry): boolean {
  if (e.action && e.action.phase !== 'done') return true;
  return (e.trust === 'identity-changed' || e.trust === 'was-verified') && !e.identityQuiet;
}

export interface RoomTrustView {
  badge: RoomBadge;
  /** Members whose identity changed, in room order (the banners). */
  changed: MemberEntry[];
  /** Members with sessions their owner never signed (the on-demand list); acknowledged ones included. */
  unsigned: MemberEntry[];
  /** How many unsigned sessions nobody acknowledged. */
  unsignedNew: number;
  /** Members whose identity is not known here. */
  unknown: number;
  /** Other members, all verified. */
  allVerified: boolean;
  isolation: DeviceIsolation;
  /**
   * In `only-signed` isolation: members with sessions that get no room keys from us (every unsigned session),
   * and formerly verified members whose change blocks sending until it is resolved.
   */
  withheld: MemberEntry[];
  blocking: MemberEntry[];
}

export function deriveView(stage: RoomTrustStage, members: Iterable<MemberEntry>, ownUserId: string, isolation: DeviceIsolation): RoomTrustView {
  const changed: MemberEntry[] = [];
  const unsigned: MemberEntry[] = [];
  const blocking: MemberEntry[] = [];
  let unsignedNew = 0;
  let unknown = 0;
  let checking = 0;
  let others = 0;
  let verified = 0;
  for (const e of members) {
    if (needsDecision(e)) changed.push(e);
    if (e.read?.unsigned.length) unsigned.push(e);
    unsignedNew += e.unsignedNew.length;
    if (e.trust === 'checking') checking++;
    if (e.trust === 'was-verified') blocking.push(e);
    if (e.userId === ownUserId) continue;
    others++;
    if (e.trust === 'unknown') unknown++;
    if (e.trust === 'verified') verified++;
  }
  const allVerified = others > 0 && verified === others;
  const badge: RoomBadge =
    stage.kind === 'not-encrypted' ? 'not-encrypted'
    : stage.kind === 'no-room' || stage.kind === 'no-crypto' || stage.kind === 'error' ? 'unavailable'
    : changed.some((e) => e.trust === 'identity-changed' || e.trust === 'was-verified') ? 'identity-changed'
    : unsignedNew > 0 ? 'unsigned-sessions'
    : stage.kind === 'loading' || checking > 0 ? 'checking'
    : allVerified ? 'verified'
    : 'not-verified';
  return { badge, changed, unsigned, unsignedNew, unknown, allVerified, isolation, withheld: isolation === 'only-signed' ? unsigned : [], blocking };
}
