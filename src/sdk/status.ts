// Reads where this account and this session stand (cross-signing, secret storage, key backup, this device)
// and another user's trust, as plain data; watches the SDK for changes. The only status code that calls the SDK.
import type { MatrixClient, SyncState } from 'matrix-js-sdk';
import type { CryptoApi, DeviceIsolationMode } from 'matrix-js-sdk/lib/crypto-api';
import { CryptoEvent } from 'matrix-js-sdk/lib/crypto-api/CryptoEvent.js';
import { withTimeout } from '../internal/async.js';
import { recordDeviceIsolation, type DeviceIsolation } from './device-isolation.js';
import { describeFailure, type Failure } from './errors.js';
import { serverDehydratedDevice } from './dehydrated-device.js';
import { identityChangeInProgress, identityChangeMark, onIdentityChangeFinished } from './identity-change-state.js';

/** The client's sync loop, as the status needs it. */
export type SyncPhase = 'not-started' | 'syncing' | 'error' | 'stopped';

export interface CrossSigningDetails {
  /** The account has a cross-signing identity (master key) that this session knows. */
  published: boolean;
  /** This session trusts that identity (it is verified, i.e. signed by our master key through this device). */
  trusted: boolean;
  /** Unpadded base64 public master key, when known. Public data. */
  masterKey: string | null;
  /** Which private keys this session holds. */
  cached: { master: boolean; selfSigning: boolean; userSigning: boolean };
  /** All three private keys are in secret storage, encrypted with its default key. */
  inSecretStorage: boolean;
}

export interface SecretStorageDetails {
  /** Secret storage holds what it should (cross-signing keys, and the backup key when a backup is active). */
  ready: boolean;
  /** Id of the default secret-storage key (not secret), or null when none is set up. */
  defaultKeyId: string | null;
  /** The backup decryption key is in secret storage. */
  backupKeyStored: boolean;
}

export interface BackupDetails {
  version: string;
  algorithm: string;
  /** Signed by a trusted device or our identity. */
  trusted: boolean;
  /** Our cached decryption key matches this backup. */
  matchesDecryptionKey: boolean;
  /** This session uploads its keys to this backup. */
  active: boolean;
  /** This session holds the backup's decryption key. */
  decryptionKeyCached: boolean;
}

export interface DeviceDetails {
  deviceId: string;
  /** Unpadded base64 ed25519 key of this session. */
  ed25519: string | null;
  /** Signed by our self-signing key (`crossSigningVerified`, not `isVerified()`). */
  crossSigningVerified: boolean;
}

/** Everything the status shows about the own account and this session. No secret is in here. */
export interface OwnStatusSnapshot {
  userId: string;
  sync: SyncPhase;
  crossSigning: CrossSigningDetails;
  secretStorage: SecretStorageDetails;
  /** Null when the homeserver has no key backup. */
  backup: BackupDetails | null;
  /** The backup endpoint failed on the last check (the backup details may be stale). */
  backupFailure: Failure | null;
  /** Room keys waiting to be uploaded to the backup (live), null before the SDK first counts. */
  keysToUpload: number | null;
  device: DeviceDetails;
  /**
   * The last check of our identity on the homeserver failed (offline, 5xx…). Without an identity known
   * locally, "not set up" can't be told from "couldn't ask".
   */
  identityFailure: Failure | null;
  /** `identityChangeMark` when read: what changed between reads with different marks was changed here. */
  ownChangeMark?: number;
  /**
   * The dehydrated device (MSC3814) the server holds for this user: its id, null = none; absent when the server
   * has no dehydration or it was not asked yet.
   */
  dehydratedDevice?: string | null;
}

export interface UserTrustSnapshot {
  userId: string;
  /** We know this user's cross-signing identity (we share an encrypted room, or asked). */
  known: boolean;
  verified: boolean;
  /** We had verified this user, and their identity changed since. */
  wasVerified: boolean;
  /** Their identity changed since we first saw it; the person should acknowledge it. */
  needsApproval: boolean;
  masterKey: string | null;
}

/** How long one read may take before the status explains a timeout instead of waiting forever. */
export const STATUS_READ_TIMEOUT_MS = 20_000;

export function syncPhase(client: MatrixClient): SyncPhase {
  const s = client.getSyncState();
  switch (s) {
    case null:
      return 'not-started';
    // SyncState's values (the enum's module, the SDK's sync code, is not loaded here).
    case 'ERROR' as SyncState.Error:
    case 'RECONNECTING' as SyncState.Reconnecting:
      return 'error';
    case 'STOPPED' as SyncState.Stopped:
      return 'stopped';
    default:
      return 'syncing';
  }
}

/** The one public key of a cross-signing key record (unpadded base64), or null. */
export function firstKey(info: { keys?: Record<string, string> } | undefined | null): string | null {
  const v = info?.keys ? Object.values(info.keys)[0] : undefined;
  return typeof v === 'string' ? v : null;
}

type Bound = <T>(p: Promise<T>, what: string) => Promise<T>;

/** One read's bound: its timeout (default `STATUS_READ_TIMEOUT_MS`) and abort signal, for each of its steps. */
const bounded =
  (opts: { signal?: AbortSignal; timeoutMs?: number }): Bound =>
  (p, what) =>
    withTimeout(p, opts.timeoutMs ?? STATUS_READ_TIMEOUT_MS, { signal: opts.signal, what });

/** Options for one read of the own status. */
export interface ReadOwnOptions {
  /** Ask the homeserver again (own identity, backup version) instead of the SDK's caches. */
  refresh?: boolean;
  signal?: AbortSignal;
  timeoutMs?: number;
}

/** Per-client facts the status keeps between reads (events carry them; the SDK has no getter). */
export interface OwnStatusMemory {
  keysToUpload: number | null;
  /** Result of the last identity check on the server (refresh reads); kept for the cached reads in between. */
  identityFailure?: Failure | null;
  /** The dehydrated device as last read from the server (refresh reads); undefined = unsupported or unknown. */
  dehydratedDevice?: string | null;
}

/** Reads the own status. Throws (classify with describeFailure) when the local crypto store can't answer. */
export async function readOwnStatus(client: MatrixClient, memory: OwnStatusMemory, opts: ReadOwnOptions = {}): Promise<OwnStatusSnapshot> {
  const crypto = client.getCrypto();
  if (!crypto) throw new Error('client has no crypto');
  const userId = client.getSafeUserId();
  const deviceId = client.getDeviceId() ?? '';
  const bound = bounded(opts);

  // No forced server reads while this session changes its identity (see identity-change.ts): the status reads
  // again from the server when the change is over.
  const ownChangeMark = identityChangeMark(client);
  if (opts.refresh && identityChangeInProgress(client)) opts = { ...opts, refresh: false };
  if (opts.refresh) {
    // Forces a /keys/query for our own user; failures (offline) leave the cached answer.
    memory.identityFailure = await bound(crypto.userHasCrossSigningKeys(userId, true), 'identity check').then(() => null, failureOf);
  }
  const [xs, ss, own, keys, device, ownKeys] = await bound(
    Promise.all([
      crypto.getCrossSigningStatus(),
      crypto.getSecretStorageStatus(),
      crypto.getUserVerificationStatus(userId),
      crypto.getUserCrossSigningKeys(userId),
      crypto.getDeviceVerificationStatus(userId, deviceId),
      crypto.getOwnDeviceKeys(),
    ]),
    'status read',
  );
  const backupRead = await readBackup(client, crypto, opts, bound);
  if (opts.refresh && (crypto as Partial<CryptoApi>).isDehydrationSupported) {
    // One small request on server reads; an outage keeps the last answer (the backup warning explains outages).
    memory.dehydratedDevice = await bound(
      serverDehydratedDevice(client),
      'dehydrated device check',
    ).catch(() => memory.dehydratedDevice);
  }
  const backupKeyStored = await bound(client.secretStorage.isStored('m.megolm_backup.v1'), 'secret storage read')
    .then((r) => !!r && (ss.defaultKeyId === null || ss.defaultKeyId in r))
    .catch(() => false);
  return {
    userId,
    sync: syncPhase(client),
    crossSigning: {
      published: xs.publicKeysOnDevice,
      trusted: own.isCrossSigningVerified(),
      masterKey: firstKey(keys?.master_key),
      cached: {
        master: xs.privateKeysCachedLocally.masterKey,
        selfSigning: xs.privateKeysCachedLocally.selfSigningKey,
        userSigning: xs.privateKeysCachedLocally.userSigningKey,
      },
      inSecretStorage: xs.privateKeysInSecretStorage,
    },
    secretStorage: { ready: ss.ready, defaultKeyId: ss.defaultKeyId, backupKeyStored },
    backup: backupRead.backup,
    backupFailure: backupRead.failure,
    keysToUpload: memory.keysToUpload,
    identityFailure: memory.identityFailure ?? null,
    ownChangeMark,
    ...(memory.dehydratedDevice !== undefined ? { dehydratedDevice: memory.dehydratedDevice } : {}),
    device: { deviceId, ed25519: ownKeys.ed25519 ?? null, crossSigningVerified: !!device?.crossSigningVerified },
  };
}

async function readBackup(
  client: MatrixClient,
  crypto: CryptoApi,
  opts: ReadOwnOptions,
  bound: Bound,
): Promise<{ backup: BackupDetails | null; failure: Failure | null }> {
  try {
    let info: Awaited<ReturnType<CryptoApi['getKeyBackupInfo']>>;
    let trust: { trusted: boolean; matchesDecryptionKey: boolean } | null = null;
    if (opts.refresh) {
      // checkKeyBackupAndEnable answers null both for "no backup" and for a failed fetch: ask the server
      // directly first so an outage is explained instead of shown as "no backup".
      await bound(probeBackupEndpoint(client), 'backup check');
      const check = await bound(crypto.checkKeyBackupAndEnable(), 'backup check');
      info = check?.backupInfo ?? null;
      trust = check?.trustInfo ?? null;
    } else {
      info = await bound(crypto.getKeyBackupInfo(), 'backup read');
    }
    if (!info) return { backup: null, failure: null };
    trust ??= await bound(crypto.isKeyBackupTrusted(info), 'backup trust');
    const [activeVersion, privateKey] = await bound(
      Promise.all([crypto.getActiveSessionBackupVersion(), crypto.getSessionBackupPrivateKey()]),
      'backup read',
    );
    const cached = !!privateKey;
    privateKey?.fill(0);
    return {
      backup: {
        version: info.version,
        algorithm: info.algorithm,
        trusted: trust.trusted,
        matchesDecryptionKey: trust.matchesDecryptionKey,
        active: activeVersion === info.version,
        decryptionKeyCached: cached && trust.matchesDecryptionKey,
      },
      failure: null,
    };
  } catch (e) {
    return { backup: null, failure: failureOf(e) };
  }
}

/** What went wrong, for the status to explain; an abort (the element went away) goes on as it came. */
function failureOf(e: unknown): Failure {
  const f = describeFailure(e);
  if (f.kind === 'aborted') throw e;
  return f;
}

/** GET /room_keys/version: resolves when the server answers (404 = "no backup" is an answer), throws otherwise. */
async function probeBackupEndpoint(client: MatrixClient): Promise<void> {
  try {
    await client.http.authedRequest('GET' as never, '/room_keys/version', undefined, undefined, { prefix: '/_matrix/client/v3' });
  } catch (e) {
    const f = describeFailure(e);
    if (f.kind === 'not-found') return;
    throw e;
  }
}

/** Reads another user's trust. */
export async function readUserTrust(client: MatrixClient, userId: string, opts: { signal?: AbortSignal; timeoutMs?: number } = {}): Promise<UserTrustSnapshot> {
  const crypto = client.getCrypto();
  if (!crypto) throw new Error('client has no crypto');
  const [status, keys] = await bounded(opts)(Promise.all([crypto.getUserVerificationStatus(userId), crypto.getUserCrossSigningKeys(userId)]), 'trust read');
  return {
    userId,
    known: status.known,
    verified: status.isCrossSigningVerified(),
    wasVerified: status.wasCrossSigningVerified(),
    needsApproval: status.needsUserApproval,
    masterKey: firstKey(keys?.master_key),
  };
}

/** Accepts another user's current identity after it changed (unverified users). */
export async function acknowledgeIdentity(client: MatrixClient, userId: string): Promise<void> {
  await client.getCrypto()!.pinCurrentUserIdentity(userId);
}

/** Drops the "must stay verified" requirement for a user whose verified identity changed, and pins the new one. */
export async function withdrawVerification(client: MatrixClient, userId: string): Promise<void> {
  await client.getCrypto()!.withdrawVerificationRequirement(userId);
}

export type { DeviceIsolation };

/**
 * Sets the device-isolation mode. The mode objects are built by shape (the SDK's classes live in the crypto-api
 * module root, which the kit does not load at runtime); rust crypto reads `kind` and `errorOnVerifiedUserProblems`.
 */
export function applyDeviceIsolation(client: MatrixClient, mode: DeviceIsolation): boolean {
  const crypto = client.getCrypto();
  if (!crypto) return false;
  const value: DeviceIsolationMode = mode === 'only-signed' ? { kind: 1 } : { kind: 0, errorOnVerifiedUserProblems: false };
  crypto.setDeviceIsolationMode(value);
  recordDeviceIsolation(client, mode);
  return true;
}

/** Account-data types whose change can change the status. */
export function isStatusAccountData(type: string): boolean {
  // m.secret_storage.*, m.cross_signing.*, m.megolm_backup.v1, m.key_backup, org.matrix.msc3814, m.org.matrix.custom.backup_disabled
  return /^m\.(secret_storage|cross_signing)\.|^(m\.megolm_backup\.v1|m\.key_backup|org\.matrix\.msc3814|m\.org\.matrix\.custom\.backup_disabled)$/.test(type);
}

export interface WatchHandlers {
  /** Something changed; `refresh` = ask the homeserver again (identity or backup changed elsewhere). */
  changed(refresh: boolean): void;
  /** Live count of room keys waiting for upload. */
  keysToUpload(n: number): void;
  /** For `userId` watchers: that user's trust changed. */
  userChanged?(userId: string): void;
  /** A secret arrived from another session (m.secret.send): read the local state again. */
  secretReceived?(): void;
}

export type Listener = (...args: never[]) => void;

/** Listens to the client's events (`[event, listener]` pairs); returns the function that removes them all. */
export function listen(client: MatrixClient, on: [string, Listener][]): () => void {
  const emitter = client as unknown as { on(e: string, l: Listener): unknown; off(e: string, l: Listener): unknown };
  for (const [e, l] of on) emitter.on(e, l);
  return () => {
    for (const [e, l] of on) emitter.off(e, l);
  };
}

/** Subscribes to everything that can change the status; returns the unsubscribe function. */
export function watchStatus(client: MatrixClient, h: WatchHandlers): () => void {
  const on: [string, Listener][] = [
    [CryptoEvent.KeysChanged, () => h.changed(true)],
    [CryptoEvent.UserTrustStatusChanged, ((userId: string) => {
      h.userChanged?.(userId);
      if (userId === client.getUserId()) h.changed(false);
    })],
    [CryptoEvent.DevicesUpdated, ((userIds: string[]) => {
      for (const u of userIds) h.userChanged?.(u);
      if (userIds.includes(client.getUserId() ?? '')) h.changed(false);
    })],
    [CryptoEvent.KeyBackupStatus, () => h.changed(false)],
    [CryptoEvent.KeyBackupFailed, () => h.changed(true)],
    [CryptoEvent.KeyBackupDecryptionKeyCached, () => h.changed(false)],
    [CryptoEvent.KeyBackupSessionsRemaining, ((n: number) => h.keysToUpload(n))],
    // Secrets from another session (cross-signing private keys, the backup key) are stored by the crypto layer before
    // this event; the backup key additionally fires KeyBackupDecryptionKeyCached once it is checked and cached.
    ['receivedToDeviceMessage', ((p: { message?: { type?: string } }) => {
      if (p?.message?.type === 'm.secret.send') (h.secretReceived ?? (() => h.changed(false)))();
    })],
    ['accountData', ((ev: { getType(): string }) => {
      if (isStatusAccountData(ev.getType())) h.changed(false);
    })],
    ['sync', ((state: string, prev: string | null) => {
      // The first sync and every recovery from an error deserve a fresh look at the server.
      if (state === 'PREPARED' || (prev !== state && (state === 'ERROR' || state === 'STOPPED' || prev === 'ERROR' || prev === 'RECONNECTING')))
        h.changed(state !== 'ERROR' && state !== 'STOPPED');
    })],
  ];
  const off = listen(client, on);
  const offChange = onIdentityChangeFinished(client, () => h.changed(true));
  return () => {
    off();
    offChange();
  };
}
