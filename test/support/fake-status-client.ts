// A small fake of the MatrixClient + CryptoApi surface that <xs-status> reads, for unit tests of edge states
// a real server can't easily produce. Every field is plain data the test edits, then `emit()`s an event.
import type { MatrixClient } from 'matrix-js-sdk';

export interface FakeStatus {
  sync: string | null;
  published: boolean;
  cached: { masterKey: boolean; selfSigningKey: boolean; userSigningKey: boolean };
  inSecretStorage: boolean;
  ssReady: boolean;
  defaultKeyId: string | null;
  backupKeyStored: boolean;
  ownVerified: boolean;
  masterKey: string | null;
  deviceVerified: boolean;
  ed25519: string;
  backup: { version: string; algorithm: string } | null;
  backupTrusted: boolean;
  backupMatches: boolean;
  activeVersion: string | null;
  backupPrivateKey: boolean;
  /** Makes the backup endpoint fail with this error. */
  backupError: Error | null;
  /** Makes the local crypto reads fail (or hang, with 'hang'). */
  readError: Error | 'hang' | null;
  users: Record<string, { known: boolean; verified: boolean; wasVerified: boolean; needsApproval: boolean; masterKey?: string }>;
  pinError: Error | null;
  /** Makes the server-side identity check (userHasCrossSigningKeys with download) fail. */
  identityError?: Error | null;
}

export function readyStatus(): FakeStatus {
  return {
    sync: 'SYNCING',
    published: true,
    cached: { masterKey: true, selfSigningKey: true, userSigningKey: true },
    inSecretStorage: true,
    ssReady: true,
    defaultKeyId: 'key1',
    backupKeyStored: true,
    ownVerified: true,
    masterKey: 'MASTERKEYAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    deviceVerified: true,
    ed25519: 'abcdEFGHijklMNOPqrstUVWXyz0123456789+/ABCDE',
    backup: { version: '1', algorithm: 'm.megolm_backup.v1.curve25519-aes-sha2' },
    backupTrusted: true,
    backupMatches: true,
    activeVersion: '1',
    backupPrivateKey: true,
    backupError: null,
    readError: null,
    users: {},
    pinError: null,
  };
}

type L = (...a: unknown[]) => void;

export class FakeClient {
  readonly listeners = new Map<string, Set<L>>();
  readonly calls: string[] = [];
  isolation: unknown;
  crypto: unknown;
  /** Private key bytes handed out by getSessionBackupPrivateKey (to check they never leak). */
  readonly secretBytes = new Uint8Array(32).fill(7);

  constructor(
    public s: FakeStatus = readyStatus(),
    opts: { crypto?: boolean } = {},
  ) {
    this.crypto = opts.crypto === false ? undefined : this.makeCrypto();
  }

  get asClient(): MatrixClient {
    return this as unknown as MatrixClient;
  }

  on(e: string, l: L) {
    let set = this.listeners.get(e);
    if (!set) this.listeners.set(e, (set = new Set()));
    set.add(l);
    return this;
  }
  off(e: string, l: L) {
    this.listeners.get(e)?.delete(l);
    return this;
  }
  emit(e: string, ...a: unknown[]) {
    for (const l of [...(this.listeners.get(e) ?? [])]) l(...a);
  }
  listenerCount(): number {
    let n = 0;
    for (const s of this.listeners.values()) n += s.size;
    return n;
  }

  getCrypto() {
    return this.crypto;
  }
  getSafeUserId() {
    return '@me:example.org';
  }
  getUserId() {
    return '@me:example.org';
  }
  getDeviceId() {
    return 'THISDEVICE';
  }
  getSyncState() {
    return this.s.sync;
  }

  readonly secretStorage = {
    isStored: async (_name: string) => (this.s.backupKeyStored && this.s.defaultKeyId ? { [this.s.defaultKeyId]: {} } : null),
  };

  readonly http = {
    authedRequest: async (_m: string, path: string) => {
      this.calls.push(`GET ${path}`);
      if (this.s.backupError) throw this.s.backupError;
      if (!this.s.backup) throw Object.assign(new Error('No backup'), { httpStatus: 404, errcode: 'M_NOT_FOUND' });
      return this.s.backup;
    },
  };

  private async local<T>(name: string, v: () => T): Promise<T> {
    this.calls.push(name);
    if (this.s.readError === 'hang') return new Promise<T>(() => undefined);
    if (this.s.readError) throw this.s.readError;
    return v();
  }

  private makeCrypto() {
    const backupInfo = () => (this.s.backup ? { ...this.s.backup, auth_data: {}, count: 0, etag: '' } : null);
    const userStatus = (u: string) => {
      const own = u === this.getUserId();
      const x = own
        ? { known: this.s.published, verified: this.s.ownVerified, wasVerified: this.s.ownVerified, needsApproval: false }
        : (this.s.users[u] ?? { known: false, verified: false, wasVerified: false, needsApproval: false });
      return {
        known: x.known,
        needsUserApproval: x.needsApproval,
        isCrossSigningVerified: () => x.verified,
        wasCrossSigningVerified: () => x.wasVerified,
      };
    };
    return {
      userHasCrossSigningKeys: async () =>
        this.local('userHasCrossSigningKeys', () => {
          if (this.s.identityError) throw this.s.identityError;
          return this.s.published;
        }),
      getCrossSigningStatus: () =>
        this.local('getCrossSigningStatus', () => ({
          publicKeysOnDevice: this.s.published,
          privateKeysInSecretStorage: this.s.inSecretStorage,
          privateKeysCachedLocally: { ...this.s.cached },
        })),
      getSecretStorageStatus: () =>
        this.local('getSecretStorageStatus', () => ({ ready: this.s.ssReady, defaultKeyId: this.s.defaultKeyId, secretStorageKeyValidityMap: {} })),
      getUserVerificationStatus: (u: string) => this.local('getUserVerificationStatus', () => userStatus(u)),
      getUserCrossSigningKeys: (u: string) =>
        this.local('getUserCrossSigningKeys', () => {
          const key = u === this.getUserId() ? this.s.masterKey : this.s.users[u]?.masterKey;
          return key ? { master_key: { keys: { [`ed25519:${key}`]: key } } } : null;
        }),
      getDeviceVerificationStatus: () => this.local('getDeviceVerificationStatus', () => ({ crossSigningVerified: this.s.deviceVerified, isVerified: () => true })),
      getOwnDeviceKeys: () => this.local('getOwnDeviceKeys', () => ({ ed25519: this.s.ed25519, curve25519: 'c' })),
      getKeyBackupInfo: async () => {
        this.calls.push('getKeyBackupInfo');
        return this.s.backupError ? null : backupInfo();
      },
      checkKeyBackupAndEnable: async () => {
        this.calls.push('checkKeyBackupAndEnable');
        const info = this.s.backupError ? null : backupInfo();
        return info ? { backupInfo: info, trustInfo: { trusted: this.s.backupTrusted, matchesDecryptionKey: this.s.backupMatches } } : null;
      },
      isKeyBackupTrusted: async () => ({ trusted: this.s.backupTrusted, matchesDecryptionKey: this.s.backupMatches }),
      getActiveSessionBackupVersion: async () => this.s.activeVersion,
      getSessionBackupPrivateKey: async () => (this.s.backupPrivateKey ? this.secretBytes.slice() : null),
      pinCurrentUserIdentity: async (u: string) => {
        this.calls.push(`pin ${u}`);
        if (this.s.pinError) throw this.s.pinError;
        const x = this.s.users[u];
        if (x) x.needsApproval = false;
      },
      withdrawVerificationRequirement: async (u: string) => {
        this.calls.push(`withdraw ${u}`);
        if (this.s.pinError) throw this.s.pinError;
        const x = this.s.users[u];
        if (x) x.wasVerified = false;
      },
      setDeviceIsolationMode: (m: unknown) => {
        this.isolation = m;
      },
    };
  }
}
