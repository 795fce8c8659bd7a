// SDK adapter for <xs-setup-wizard>: reads where the account stands (identity, secret storage, key backup)
// and runs the three commits — set up / repair, change the key, reset — with a key held only in memory.
//
// Commits run one at a time per client (commit-lock.ts). Every commit ends by reading the end state back from
// the server and checking it against the key the person saved (setup-verify.ts); an incomplete end state is an
// error the wizard can retry with the same key. A reset asks who the person is before anything changes
// (setup-reset.ts), and a key backup this session cannot use is never replaced without the person's consent.
// This module is what the wizard's first step needs (the snapshot); the commits and the reset's read of the other
// sessions load with their first call (setup-commit.ts, setup-reset.ts).
import type { MatrixClient, UIAuthCallback } from 'matrix-js-sdk';
import type { CryptoApi, GeneratedSecretStorageKey } from 'matrix-js-sdk/lib/crypto-api/index.js';
import { guardRateLimits, onRateLimited } from './rate-limit.js';
import { readBackup } from './backup-read.js';

/** The commits' SDK calls: not needed to show where the account stands (the wizard's first step). */
const loadCommit = () => import('./setup-commit.js');
const loadReset = () => import('./setup-reset.js');

const AES = 'm.secret_storage.v1.aes-hmac-sha2';
const XS_SECRETS = ['m.cross_signing.master', 'm.cross_signing.self_signing', 'm.cross_signing.user_signing'] as const;
const BACKUP_SECRET = 'm.megolm_backup.v1';

/** Where the account and this session stand. Plain data; no key material. */
export interface SetupSnapshot {
  /** The server has a cross-signing identity (master key) for the user. */
  identityOnServer: boolean;
  /** This session holds all three cross-signing private keys. */
  keysCachedLocally: boolean;
  /** This session is cross-signed by the identity. */
  sessionVerified: boolean;
  /** Default secret-storage key id, or null (none, or an empty/dangling pointer). */
  defaultKeyId: string | null;
  /** The default key points at a usable AES key description. */
  defaultKeyUsable: boolean;
  /** The three cross-signing secrets are stored under the default key. */
  crossSigningStored: boolean;
  /** Current key backup version on the server, or null. */
  backupVersion: string | null;
  /** That backup is trusted (signed by us) or matches the key we hold. */
  backupTrusted: boolean;
  /** This session holds the decryption key of that backup (compared with its public key on the server: a key held from an earlier backup does not count). */
  backupKeyCached: boolean;
  /** The backup key is stored under the default key. */
  backupKeyStored: boolean;
  /**
   * The current backup is one this very session made and holds no keys, but this session lacks its key (the
   * response to creating it was lost): replacing it loses nothing, so it is replaced without asking.
   */
  backupReplaceable?: boolean;
}

/** What the wizard makes of a snapshot. */
export type SetupSituation =
  /** No identity yet: set up. */
  | 'not-set-up'
  /** Identity, keys, secret storage and backup are all in place. */
  | 'complete'
  /** This session holds the identity's keys but secret storage or backup is missing/partial (e.g. an interrupted run): repair. */
  | 'incomplete'
  /** An identity exists but this session lacks its keys: verify (or reset), never overwrite. */
  | 'keys-missing';

/** What is still missing after a commit. */
export type SetupGap = 'cross-signing-keys' | 'secret-storage' | 'cross-signing-stored' | 'backup' | 'backup-key-stored' | 'dehydrated-device';

export function situationOf(s: SetupSnapshot): SetupSituation {
  if (!s.identityOnServer) return 'not-set-up';
  if (!s.keysCachedLocally) return 'keys-missing';
  // Complete: secret storage holds the identity's keys under a usable default key, and the server's key backup is one
  // this session trusts and holds the key of, that key stored too (nothing a commit's read-back would call a gap).
  const storage = s.defaultKeyId && s.defaultKeyUsable && s.crossSigningStored;
  return storage && s.backupVersion && s.backupTrusted && s.backupKeyCached && s.backupKeyStored ? 'complete' : 'incomplete';
}

/** A new secret-storage key: raw bytes (kept in memory for the flow only) and its printable form. */
export interface NewKey {
  /** The SDK's generated key; `privateKey` is zeroed by `dropKey`. */
  readonly generated: GeneratedSecretStorageKey;
  readonly fromPassphrase: boolean;
}

/** Commit progress, for the live region. */
export type CommitStep = 'reset' | 'identity' | 'storage' | 'verifying';

/**
 * What to do with the key backup:
 * `new-if-none` — make one when there is none; a backup this session cannot use is never replaced (BackupDecisionNeededError);
 * `keep` — leave the existing backup as it is (change key, or the person chose to keep one made elsewhere);
 * `replace` — make a new one, deleting the old (a reset, or the person's explicit consent).
 */
export type BackupPlan = 'new-if-none' | 'keep' | 'replace';

export interface FinishOptions {
  /** May create a new identity even though one exists on the server (only after a reset by this flow). */
  allowNewIdentity?: boolean;
  /** Default `new-if-none`. */
  backup?: BackupPlan;
  /** A set-up (not a key change): if the account is complete under another key by the time this runs, stop (AlreadySetUpError). */
  setupOnly?: boolean;
  onStep?: (step: CommitStep) => void;
  /** How long to wait for the end state to show up on the server after the commit. */
  settleMs?: number;
}

/** The outcome of a finished commit, read back from the server. */
export interface FinishResult {
  /** What is missing by the person's choice (a kept backup this session cannot use). Empty = everything holds. */
  accepted: SetupGap[];
}

/** The operations the wizard needs; `createSetupAdapter` binds them to a client, tests may fake them. */
export interface SetupAdapter {
  readonly userId: string;
  read(): Promise<SetupSnapshot>;
  /** Another of the user's sessions is signed by the current identity (this session need not trust it). */
  hasActiveVerifiedSession(): Promise<boolean>;
  createKey(passphrase?: string): Promise<NewKey>;
  /**
   * Replaces the identity: asks who the person is (UIA) BEFORE anything on the server changes; a cancel leaves the
   * account (and this session's keys) as they were. Backups and secret storage are replaced later by finishSetup.
   */
  resetIdentity(auth: UIAuthCallback<void>): Promise<void>;
  /** Brings the account to the complete end state with `key` as the (new or current) secret-storage key; checks it on the server. */
  finishSetup(key: NewKey, auth: UIAuthCallback<void>, opts?: FinishOptions): Promise<FinishResult>;
  /** Connects the existing backup with its recovery key (typed); throws MalformedKeyError-like errors or BackupKeyMismatchError. */
  connectBackup(keyText: string): Promise<void>;
  /** Restores room keys from the connected backup; resolves with how many were imported. */
  restoreBackup(onProgress?: (done: number, total: number) => void): Promise<{ imported: number; total: number }>;
  fallbackUrl(stage: string, session: string): string;
  /** Reports every 429 during a commit with the time the server lets the client try again (optional for fakes). */
  onRateLimited?(listener: (untilMs: number) => void): () => void;
}

export function dropKey(key: NewKey | undefined): void {
  key?.generated.privateKey.fill(0);
}

export function cryptoOf(client: MatrixClient): CryptoApi {
  const crypto = client.getCrypto();
  if (!crypto) throw new Error('end-to-end encryption is not enabled on this client (initRustCrypto was not called)');
  return crypto;
}

export async function readSnapshot(client: MatrixClient): Promise<SetupSnapshot> {
  const crypto = cryptoOf(client);
  const userId = client.getSafeUserId();
  // Own-user query is forced fresh: the reliable "does an identity exist on the server?".
  const identityOnServer = await crypto.userHasCrossSigningKeys(undefined, true);
  const cs = await crypto.getCrossSigningStatus();
  const { masterKey, selfSigningKey, userSigningKey } = cs.privateKeysCachedLocally;
  const keysCachedLocally = masterKey && selfSigningKey && userSigningKey;
  const deviceId = client.getDeviceId();
  const sessionVerified = deviceId ? !!(await crypto.getDeviceVerificationStatus(userId, deviceId))?.crossSigningVerified : false;
  const defaultKeyId = await client.secretStorage.getDefaultKeyId();
  const tuple = defaultKeyId ? await client.secretStorage.getKey(defaultKeyId) : null;
  const defaultKeyUsable = !!tuple && (tuple[1] as { algorithm?: string }).algorithm === AES;
  let crossSigningStored = false;
  let backupKeyStored = false;
  if (defaultKeyId && defaultKeyUsable) {
    const stored = await Promise.all(XS_SECRETS.map((n) => client.secretStorage.isStored(n)));
    crossSigningStored = stored.every((s) => !!s && defaultKeyId in s);
    const b = await client.secretStorage.isStored(BACKUP_SECRET);
    backupKeyStored = !!b && defaultKeyId in b;
  }
  // The server's current backup; "key cached" means the key of THAT backup (backup-read.ts), not "a key is cached".
  const backup = await readBackup(client);
  return {
    backupReplaceable: backup.replaceable,
    identityOnServer,
    keysCachedLocally,
    sessionVerified,
    defaultKeyId: defaultKeyUsable ? defaultKeyId : null,
    defaultKeyUsable,
    crossSigningStored,
    backupVersion: backup.version,
    backupTrusted: backup.trusted,
    backupKeyCached: backup.keyHeld,
    backupKeyStored,
  };
}

export function createSetupAdapter(client: MatrixClient): SetupAdapter {
  guardRateLimits(client);
  return {
    userId: client.getSafeUserId(),
    read: () => readSnapshot(client),

    hasActiveVerifiedSession: async () => (await loadReset()).hasActiveVerifiedSession(client),

    // Everything after the first step loads with the first call that needs it (setup-commit.ts).
    createKey: async (passphrase) => (await loadCommit()).createKey(client, passphrase),

    // Both run one at a time per client (commit-lock.ts), as own-identity changes (identity-change.ts).
    resetIdentity: async (auth) => (await loadReset()).resetIdentity(client, auth),

    finishSetup: async (key, auth, opts = {}) => (await loadCommit()).finishSetupExclusive(client, key, auth, opts),

    connectBackup: async (keyText) => (await loadReset()).connectExistingBackup(client, keyText),

    restoreBackup: async (onProgress) => (await loadCommit()).restoreBackup(client, onProgress),

    fallbackUrl: (stage, session) => client.getFallbackAuthUrl(stage, session),

    onRateLimited: (listener) => onRateLimited(client, listener),
  };
}
