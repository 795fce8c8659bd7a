// SDK adapter for <xs-setup-wizard>: reads where the account stands (identity, secret storage, key backup)
// and runs the three commits — set up / repair, change the key, reset — with a key held only in memory.
//
// Every commit ends by re-reading the account and checking the end state (cross-signing keys cached here,
// every secret stored under the default key, a trusted backup whose key is in secret storage); an incomplete
// end state is an error the wizard can retry with the same key.
import type { MatrixClient, UIAuthCallback } from 'matrix-js-sdk';
import type { CryptoApi, GeneratedSecretStorageKey } from 'matrix-js-sdk/lib/crypto-api/index.js';
import { sleep } from '../internal/async.js';
import { whileChangingIdentity } from './identity-change.js';
import { withSecretStorageKey } from './secret-storage-keys.js';
import { sameKeyText } from './recovery-key-text.js';

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
  /** This session holds the backup decryption key. */
  backupKeyCached: boolean;
  /** The backup key is stored under the default key. */
  backupKeyStored: boolean;
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
export type SetupGap = 'cross-signing-keys' | 'secret-storage' | 'cross-signing-stored' | 'backup' | 'backup-key-stored';

export function gapsOf(s: SetupSnapshot): SetupGap[] {
  const gaps: SetupGap[] = [];
  if (!s.identityOnServer || !s.keysCachedLocally) gaps.push('cross-signing-keys');
  if (!s.defaultKeyId || !s.defaultKeyUsable) gaps.push('secret-storage');
  else if (!s.crossSigningStored) gaps.push('cross-signing-stored');
  if (!s.backupVersion || !s.backupTrusted || !s.backupKeyCached) gaps.push('backup');
  else if (!s.backupKeyStored) gaps.push('backup-key-stored');
  return gaps;
}

export function situationOf(s: SetupSnapshot): SetupSituation {
  if (!s.identityOnServer) return 'not-set-up';
  if (!s.keysCachedLocally) return 'keys-missing';
  return gapsOf(s).length === 0 ? 'complete' : 'incomplete';
}

/** A new secret-storage key: raw bytes (kept in memory for the flow only) and its printable form. */
export interface NewKey {
  /** The SDK's generated key; `privateKey` is zeroed by `dropKey`. */
  readonly generated: GeneratedSecretStorageKey;
  readonly fromPassphrase: boolean;
}

/** Thrown when a commit finished but the account is not in the expected end state. */
export class SetupIncompleteError extends Error {
  override readonly name = 'SetupIncompleteError';
  constructor(readonly gaps: SetupGap[]) {
    super(`setup incomplete: ${gaps.join(', ')}`);
  }
}

/** Thrown when a setup would replace an identity this session does not hold (never silently overwrite). */
export class IdentityExistsError extends Error {
  override readonly name = 'IdentityExistsError';
  constructor() {
    super('a cross-signing identity exists and this session does not hold its keys');
  }
}

/** Commit progress, for the live region. */
export type CommitStep = 'reset' | 'identity' | 'storage' | 'verifying';

export interface FinishOptions {
  /** May create a new identity even though one exists on the server (only after a reset by this flow). */
  allowNewIdentity?: boolean;
  /** Keep the existing backup (change key); otherwise a backup this session can't use is replaced. */
  keepBackup?: boolean;
  onStep?: (step: CommitStep) => void;
  /** How long to wait for the end state to show up after the commit (the SDK updates some state asynchronously). */
  settleMs?: number;
}

/** The operations the wizard needs; `createSetupAdapter` binds them to a client, tests may fake them. */
export interface SetupAdapter {
  readonly userId: string;
  read(): Promise<SetupSnapshot>;
  /** Another of the user's sessions is signed by the current identity (this session need not trust it). */
  hasActiveVerifiedSession(): Promise<boolean>;
  createKey(passphrase?: string): Promise<NewKey>;
  /** Deletes backups and secret storage and replaces the identity (UIA). */
  resetIdentity(auth: UIAuthCallback<void>): Promise<void>;
  /** Brings the account to the complete end state with `key` as the (new or current) secret-storage key. */
  finishSetup(key: NewKey, auth: UIAuthCallback<void>, opts?: FinishOptions): Promise<void>;
  fallbackUrl(stage: string, session: string): string;
}

export function dropKey(key: NewKey | undefined): void {
  key?.generated.privateKey.fill(0);
}

/** Whitespace-insensitive comparison of a typed recovery key with the shown one. */
export function sameRecoveryKey(typed: string, shown: string): boolean {
  return sameKeyText(typed, shown); // one reading of typed keys for the whole kit: src/sdk/recovery-key-text.ts
}

function cryptoOf(client: MatrixClient): CryptoApi {
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
  const keysCachedLocally = cs.privateKeysCachedLocally.masterKey && cs.privateKeysCachedLocally.selfSigningKey && cs.privateKeysCachedLocally.userSigningKey;
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
  const check = await crypto.checkKeyBackupAndEnable();
  const backupVersion = check?.backupInfo.version ?? null;
  const backupTrusted = !!check && (check.trustInfo.trusted || check.trustInfo.matchesDecryptionKey);
  const backupKeyCached = (await crypto.getSessionBackupPrivateKey()) !== null;
  return {
    identityOnServer,
    keysCachedLocally,
    sessionVerified,
    defaultKeyId: defaultKeyUsable ? defaultKeyId : null,
    defaultKeyUsable,
    crossSigningStored,
    backupVersion,
    backupTrusted,
    backupKeyCached,
    backupKeyStored,
  };
}

/** The id of the default key if `key` is it (so a retry keeps using the same secret storage), else null. */
async function matchingDefaultKeyId(client: MatrixClient, key: NewKey): Promise<string | null> {
  const tuple = await client.secretStorage.getKey();
  if (!tuple) return null;
  const [id, info] = tuple;
  if ((info as { algorithm?: string }).algorithm !== AES) return null;
  try {
    return (await client.secretStorage.checkKey(key.generated.privateKey, info as never)) ? id : null;
  } catch {
    return null;
  }
}

/** Re-reads until no gap is left or `ms` passes; the SDK settles some state (backup trust, key caches) asynchronously. */
async function settle(client: MatrixClient, ms: number): Promise<SetupSnapshot> {
  const deadline = Date.now() + ms;
  for (;;) {
    const s = await readSnapshot(client);
    if (gapsOf(s).length === 0 || Date.now() >= deadline) return s;
    await sleep(250);
  }
}

export function createSetupAdapter(client: MatrixClient): SetupAdapter {
  return {
    userId: client.getSafeUserId(),
    read: () => readSnapshot(client),

    async hasActiveVerifiedSession() {
      const crypto = cryptoOf(client);
      const me = client.getSafeUserId();
      if (!(await crypto.userHasCrossSigningKeys(undefined, true))) return false;
      const devices = (await crypto.getUserDeviceInfo([me], true)).get(me);
      if (!devices) return false;
      // Signed by the identity, whether or not this session trusts it yet: a new session does not, and still
      // has a session that can verify it. (crossSigningVerified would be false for every session here.)
      const self = client.getDeviceId();
      for (const id of devices.keys()) {
        if (id !== self && (await crypto.getDeviceVerificationStatus(me, id))?.signedByOwner) return true;
      }
      return false;
    },

    async createKey(passphrase) {
      const generated = await cryptoOf(client).createRecoveryKeyFromPassphrase(passphrase);
      return { generated, fromPassphrase: passphrase !== undefined };
    },

    async resetIdentity(auth) {
      const crypto = cryptoOf(client);
      // Known trap: an own-user /keys/query landing between creating the new keys and uploading them makes
      // rust crypto drop the new private keys. A forced query right before leaves none in flight, the rest
      // of the kit forces none while the change runs (identity-change.ts), and finishSetup() checks the end
      // state and repairs if a query from elsewhere (the host app) hit anyway.
      await whileChangingIdentity(client, async () => {
        await crypto.userHasCrossSigningKeys(undefined, true);
        await crypto.resetEncryption(auth);
      });
    },

    finishSetup: (key, auth, opts = {}) => whileChangingIdentity(client, async () => {
      const crypto = cryptoOf(client);
      const step = opts.onStep ?? (() => {});
      let before = await readSnapshot(client);
      const keyId = await matchingDefaultKeyId(client, key);
      // The SDK may ask for the key several times; it is answered from memory only during this call.
      await withSecretStorageKey(client, keyId, key.generated.privateKey, async () => {
        if (!before.keysCachedLocally) {
          step('identity');
          if (before.identityOnServer && !opts.allowNewIdentity) throw new IdentityExistsError();
          await crypto.userHasCrossSigningKeys(undefined, true);
          const inStorage = keyId !== null && before.crossSigningStored;
          await crypto.bootstrapCrossSigning({
            authUploadDeviceSigningKeys: auth,
            // After a reset whose new keys were dropped (the trap): make them again unless storage has them.
            ...(before.identityOnServer && !inStorage ? { setupNewCrossSigning: true } : {}),
          });
          before = await readSnapshot(client);
          if (!before.keysCachedLocally) throw new SetupIncompleteError(['cross-signing-keys']);
        }
        step('storage');
        const newBackup = !opts.keepBackup && (!before.backupVersion || !before.backupKeyCached);
        await crypto.bootstrapSecretStorage({
          createSecretStorageKey: async () => key.generated,
          setupNewSecretStorage: keyId === null,
          setupNewKeyBackup: newBackup,
        });
      });
      step('verifying');
      const after = await settle(client, opts.settleMs ?? 10_000);
      const gaps = gapsOf(after);
      if (gaps.length) throw new SetupIncompleteError(gaps);
    }),

    fallbackUrl: (stage, session) => client.getFallbackAuthUrl(stage, session),
  };
}
