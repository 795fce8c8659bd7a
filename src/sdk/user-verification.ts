// Verifying another person: the encrypted direct-message room the in-room request goes to (reused from
// m.direct or created), the spec's refusal of a device id that equals a cross-signing key, and the request.
import type { MatrixClient } from 'matrix-js-sdk';
import { sleep } from '../internal/async.js';
import { NoIdentityError, portFor, type VerificationPort } from './verification.js';

/** The other person has no cross-signing identity: there is nothing to verify (yet). */
export class NoUserIdentityError extends Error {
  override readonly name = 'NoUserIdentityError';
  constructor(readonly userId: string) {
    super(`${userId} has no cross-signing identity`);
  }
}

/**
 * The server lists a device of the other person whose id equals one of their cross-signing public keys.
 * The spec says clients MUST refuse to verify such a user (a server could make the device stand in for the key).
 */
export class KeyCollisionError extends Error {
  override readonly name = 'KeyCollisionError';
  constructor(readonly userId: string) {
    super(`${userId} has a device whose id equals a cross-signing key`);
  }
}

/** This session doesn't hold our user-signing key (it isn't verified itself), so it can't sign anyone. */
export class CannotSignError extends Error {
  override readonly name = 'CannotSignError';
  constructor() {
    super('this session has no user-signing key');
  }
}

type Direct = Record<string, string[]>;

function directRooms(client: MatrixClient): Direct {
  const content = client.getAccountData('m.direct' as never)?.getContent<Direct>();
  return content && typeof content === 'object' ? content : {};
}

/**
 * An encrypted room from `m.direct` that we are joined to and `userId` is joined to (preferred) or invited to;
 * undefined when there is none.
 */
export async function findEncryptedDm(client: MatrixClient, userId: string): Promise<string | undefined> {
  const crypto = client.getCrypto();
  const ids = directRooms(client)[userId];
  if (!crypto || !Array.isArray(ids)) return undefined;
  let invited: string | undefined;
  for (const roomId of ids) {
    const room = typeof roomId === 'string' ? client.getRoom(roomId) : null;
    if (!room || room.getMyMembership() !== 'join') continue;
    if (!(await crypto.isEncryptionEnabledInRoom(roomId))) continue;
    const membership = room.getMember(userId)?.membership;
    if (membership === 'join') return roomId;
    if (membership === 'invite') invited ??= roomId;
  }
  return invited;
}

/** Creates an encrypted direct-message room with `userId` (invited) and records it in `m.direct`. */
export async function createEncryptedDm(client: MatrixClient, userId: string): Promise<string> {
  const { room_id: roomId } = await client.createRoom({
    is_direct: true,
    invite: [userId],
    preset: 'trusted_private_chat' as never,
    initial_state: [{ type: 'm.room.encryption', state_key: '', content: { algorithm: 'm.megolm.v1.aes-sha2' } }],
  });
  const direct = directRooms(client);
  const list = Array.isArray(direct[userId]) ? direct[userId] : [];
  await client.setAccountData('m.direct' as never, { ...direct, [userId]: [...list, roomId] } as never);
  return roomId;
}

interface KeysQueryResponse {
  device_keys?: Record<string, Record<string, unknown>>;
  master_keys?: Record<string, { keys?: Record<string, string> }>;
  self_signing_keys?: Record<string, { keys?: Record<string, string> }>;
  user_signing_keys?: Record<string, { keys?: Record<string, string> }>;
}

/**
 * Asks the server for `userId`'s devices and cross-signing keys as it reports them (not what the crypto store
 * kept): true when the user has a master key; throws KeyCollisionError when a device id equals a key.
 */
export async function checkUserKeys(client: MatrixClient, userId: string): Promise<boolean> {
  const r = await client.http.authedRequest<KeysQueryResponse>('POST' as never, '/keys/query', undefined, { device_keys: { [userId]: [] } });
  const publicKeys = new Set<string>();
  for (const set of [r.master_keys, r.self_signing_keys, r.user_signing_keys]) {
    for (const [id, key] of Object.entries(set?.[userId]?.keys ?? {})) {
      publicKeys.add(key);
      publicKeys.add(id.replace(/^ed25519:/, ''));
    }
  }
  const deviceIds = Object.keys(r.device_keys?.[userId] ?? {});
  if (deviceIds.some((d) => publicKeys.has(d))) throw new KeyCollisionError(userId);
  return Object.keys(r.master_keys?.[userId]?.keys ?? {}).length > 0;
}

/** Waits (bounded) until the crypto store knows `userId`'s identity, which an in-room request needs. */
async function untilIdentityKnown(client: MatrixClient, userId: string, roomId: string, timeoutMs: number, signal?: AbortSignal) {
  const crypto = client.getCrypto()!;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    // A room we just created is tracked once its state has synced; then the SDK queries the members' keys.
    if (client.getRoom(roomId) && (await crypto.getUserVerificationStatus(userId)).known) return;
    if (Date.now() > deadline) throw new NoUserIdentityError(userId);
    await sleep(200, signal);
  }
}

export interface UserRequestOptions {
  /** Use this room instead of finding or creating a direct-message room. */
  roomId?: string;
  /** How long to wait for a new room to sync and the user's keys to arrive (ms). */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Told which room the request goes to (found, given or created). */
  onRoom?: (roomId: string) => void;
}

/** "Verify this person": checks their keys, finds or creates the encrypted DM, sends the in-room request. */
export async function requestUserVerification(client: MatrixClient, userId: string, opts: UserRequestOptions = {}): Promise<VerificationPort> {
  const crypto = client.getCrypto();
  if (!crypto) throw new Error('the MatrixClient has no crypto (call initRustCrypto first)');
  if (!(await crypto.userHasCrossSigningKeys(client.getSafeUserId(), true))) throw new NoIdentityError();
  if (!(await crypto.getCrossSigningStatus()).privateKeysCachedLocally.userSigningKey) throw new CannotSignError();
  if (!(await checkUserKeys(client, userId))) throw new NoUserIdentityError(userId);
  const roomId = opts.roomId ?? (await findEncryptedDm(client, userId)) ?? (await createEncryptedDm(client, userId));
  opts.onRoom?.(roomId);
  await untilIdentityKnown(client, userId, roomId, opts.timeoutMs ?? 20_000, opts.signal);
  return portFor(client, await crypto.requestVerificationDM(userId, roomId));
}

export { isUserVerified } from './verification-trust.js';
