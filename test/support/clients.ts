// Real MatrixClients with rust crypto for tests. Tests may import the SDK root; the kit never does.
import {
  ClientEvent,
  MatrixError,
  SyncState,
  createClient,
  type AuthDict,
  type IAuthData,
  type MatrixClient,
  type UIAuthCallback,
} from 'matrix-js-sdk';
import { homeserverUrl } from './env.js';
import type { Session } from './homeserver.js';
import { waitFor } from './wait.js';

const running = new Set<MatrixClient>();

/** fetch without Chrome's HTTP cache: identical /sync URLs of two clients of one user otherwise stall ~20 s. */
const noStoreFetch: typeof fetch = (input, init) => fetch(input, { ...init, cache: 'no-store' });

export interface ClientOptions {
  /** Start syncing (default true) and wait for the first sync. */
  start?: boolean;
  /** Crypto callbacks, e.g. to hand over a secret-storage key. */
  cryptoCallbacks?: Parameters<typeof createClient>[0]['cryptoCallbacks'];
  verificationMethods?: string[];
  /** Wraps the client's fetch (e.g. to make one request fail mid-flow in a test). */
  wrapFetch?: (inner: typeof fetch) => typeof fetch;
  /** Sync with lazy-loaded members (then a room's full member list is a request of its own). */
  lazyLoadMembers?: boolean;
}

/** A MatrixClient for `session` with rust crypto in memory, syncing. */
export async function createTestClient(session: Session, opts: ClientOptions = {}): Promise<MatrixClient> {
  const client = createClient({
    baseUrl: homeserverUrl(),
    userId: session.userId,
    deviceId: session.deviceId,
    accessToken: session.accessToken,
    fetchFn: opts.wrapFetch ? opts.wrapFetch(noStoreFetch) : noStoreFetch,
    ...(opts.cryptoCallbacks ? { cryptoCallbacks: opts.cryptoCallbacks } : {}),
    ...(opts.verificationMethods ? { verificationMethods: opts.verificationMethods } : {}),
  });
  await client.initRustCrypto({ useIndexedDB: false });
  running.add(client);
  if (opts.start !== false) await startAndSync(client, 30_000, opts.lazyLoadMembers ? { lazyLoadMembers: true } : {});
  return client;
}

export async function startAndSync(client: MatrixClient, timeoutMs = 30_000, extra: { lazyLoadMembers?: boolean } = {}): Promise<void> {
  const prepared = new Promise<void>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error('first sync did not complete in time')), timeoutMs);
    const onSync = (state: SyncState) => {
      if (state === SyncState.Prepared || state === SyncState.Syncing) {
        clearTimeout(t);
        client.off(ClientEvent.Sync, onSync);
        resolve();
      }
    };
    client.on(ClientEvent.Sync, onSync);
  });
  await client.startClient({ initialSyncLimit: 10, ...extra });
  await prepared;
}

/** Stops every client created by createTestClient (call in afterEach). */
export async function stopAllClients(): Promise<void> {
  for (const c of running) {
    try {
      c.stopClient();
    } catch {
      /* already stopped */
    }
  }
  running.clear();
}

/** A UIA callback that answers m.login.password with `password` (one fresh UIA session per call). */
export function passwordAuth(userId: string, password: string): UIAuthCallback<void> {
  return async (makeRequest: (auth: AuthDict | null) => Promise<void>) => {
    try {
      await makeRequest(null);
    } catch (e) {
      if (!(e instanceof MatrixError) || e.httpStatus !== 401 || !e.data?.flows) throw e;
      const { session } = e.data as IAuthData;
      await makeRequest({ type: 'm.login.password', identifier: { type: 'm.id.user', user: userId }, password, session: session! });
    }
  };
}

/** Holds a secret-storage key in memory for the crypto callbacks of one test client. */
export function keyHolder() {
  let held: { keyId: string; key: Uint8Array<ArrayBuffer> } | undefined;
  return {
    set(keyId: string, key: Uint8Array<ArrayBuffer>) {
      held = { keyId, key };
    },
    callbacks: {
      getSecretStorageKey: async ({ keys }: { keys: Record<string, unknown> }): Promise<[string, Uint8Array<ArrayBuffer>] | null> =>
        held && held.keyId in keys ? [held.keyId, held.key] : null,
      cacheSecretStorageKey: (keyId: string, _info: unknown, key: Uint8Array<ArrayBuffer>) => {
        held = { keyId, key };
      },
    },
  };
}

/** Waits until `client` sees `deviceId` of its own user in its crypto device list. */
export async function waitForOwnDevice(client: MatrixClient, deviceId: string, timeoutMs = 20_000): Promise<void> {
  await waitFor(`device ${deviceId} known to ${client.getDeviceId()}`, async () => {
    const map = await client.getCrypto()!.getUserDeviceInfo([client.getUserId()!], true);
    return map.get(client.getUserId()!)?.has(deviceId);
  }, { timeoutMs, intervalMs: 100 });
}
