// A small stand-in for the parts of MatrixClient the session list uses (device list, crypto device info,
// verification status, rename, delete with user-interactive auth, logout, events). For edge states in
// unit tests only; the flows are proven against Synapse in test/e2e/session-list.e2e.ts.
import type { MatrixClient } from 'matrix-js-sdk';

export interface FakeDevice {
  deviceId: string;
  displayName?: string;
  lastSeenTs?: number | null;
  lastSeenIp?: string | null;
  /** `last_seen_user_agent`, as servers that report it send it. */
  userAgent?: string;
  /** No encryption keys uploaded. */
  noKeys?: boolean;
  verified?: boolean;
}

type AnyAuth = { type?: string; password?: string; session?: string } | undefined;

export interface FakeSessionsClient {
  client: MatrixClient;
  devices: FakeDevice[];
  password: string;
  /** What deleteMultipleDevices was called with. */
  deleteCalls: { ids: string[]; auth: AnyAuth }[];
  renameCalls: { id: string; name: string }[];
  /** Make the next call of a method fail with this error (once). */
  failNext: Partial<Record<'getDevices' | 'setDeviceDetails' | 'deleteMultipleDevices' | 'logout', Error>>;
  loggedOut: boolean;
  /** Fires the crypto events the list listens to. */
  emitDevicesUpdated(): void;
  emitTrustChanged(): void;
  listenerCount(): number;
}

export function matrixError(httpStatus: number, data: Record<string, unknown>): Error {
  return Object.assign(new Error(typeof data['error'] === 'string' ? data['error'] : `HTTP ${httpStatus}`), { httpStatus, errcode: data['errcode'], data });
}

export function fakeSessionsClient(opts: {
  userId?: string;
  currentDeviceId: string;
  devices: FakeDevice[];
  crypto?: boolean;
  password?: string;
  /** The answer of GET /_matrix/client/v1/auth_metadata (an OAuth account service); absent: M_UNRECOGNIZED. */
  authMetadata?: Record<string, unknown>;
}): FakeSessionsClient {
  const userId = opts.userId ?? '@alice:example.org';
  const listeners = new Map<string, Set<(...a: unknown[]) => void>>();
  const fake: FakeSessionsClient = {
    devices: opts.devices.map((d) => ({ ...d })),
    password: opts.password ?? 'correct horse',
    deleteCalls: [],
    renameCalls: [],
    failNext: {},
    loggedOut: false,
    emitDevicesUpdated: () => listeners.get('crypto.devicesUpdated')?.forEach((l) => l([userId], false)),
    emitTrustChanged: () => listeners.get('userTrustStatusChanged')?.forEach((l) => l(userId, {})),
    listenerCount: () => [...listeners.values()].reduce((n, s) => n + s.size, 0),
    client: undefined as unknown as MatrixClient,
  };
  const takeFailure = (m: keyof FakeSessionsClient['failNext']) => {
    const e = fake.failNext[m];
    if (e === undefined) return;
    delete fake.failNext[m];
    throw e;
  };
  const crypto = {
    async getUserDeviceInfo(users: string[]) {
      const map = new Map<string, Map<string, unknown>>();
      if (users.includes(userId)) {
        map.set(userId, new Map(fake.devices.filter((d) => !d.noKeys).map((d) => [d.deviceId, {
          deviceId: d.deviceId,
          getFingerprint: () => `fp-${d.deviceId}`,
        }])));
      }
      return map;
    },
    async getDeviceVerificationStatus(_u: string, id: string) {
      const d = fake.devices.find((x) => x.deviceId === id);
      return d && !d.noKeys ? { crossSigningVerified: !!d.verified } : null;
    },
  };
  const uiaSession = 'uia-session';
  const client = {
    getUserId: () => userId,
    getDeviceId: () => opts.currentDeviceId,
    getCrypto: () => (opts.crypto === false ? undefined : crypto),
    async getDevices() {
      takeFailure('getDevices');
      return {
        devices: fake.devices.map((d) => ({
          device_id: d.deviceId,
          ...(d.displayName !== undefined ? { display_name: d.displayName } : {}),
          ...(d.lastSeenTs != null ? { last_seen_ts: d.lastSeenTs } : {}),
          ...(d.lastSeenIp != null ? { last_seen_ip: d.lastSeenIp } : {}),
          ...(d.userAgent !== undefined ? { last_seen_user_agent: d.userAgent } : {}),
        })),
      };
    },
    async setDeviceDetails(id: string, body: { display_name: string }) {
      fake.renameCalls.push({ id, name: body.display_name });
      takeFailure('setDeviceDetails');
      if (body.display_name.length > 100) throw matrixError(400, { errcode: 'M_INVALID_PARAM', error: 'Device display name is too long (max 100)' });
      const d = fake.devices.find((x) => x.deviceId === id);
      if (!d) throw matrixError(404, { errcode: 'M_NOT_FOUND', error: 'Unknown device' });
      d.displayName = body.display_name;
      return {};
    },
    async deleteMultipleDevices(ids: string[], auth?: AnyAuth) {
      fake.deleteCalls.push({ ids, auth });
      takeFailure('deleteMultipleDevices');
      const flows = [{ stages: ['m.login.password'] }];
      if (!auth) throw matrixError(401, { flows, params: {}, session: uiaSession });
      if (auth.password !== fake.password) throw matrixError(401, { flows, params: {}, session: uiaSession, errcode: 'M_FORBIDDEN', error: 'Invalid password' });
      fake.devices = fake.devices.filter((d) => !ids.includes(d.deviceId));
      return {};
    },
    async logout() {
      takeFailure('logout');
      fake.loggedOut = true;
      fake.devices = fake.devices.filter((d) => d.deviceId !== opts.currentDeviceId);
      return {};
    },
    http: {
      async request(_method: string, path: string, _q: unknown, _b: unknown, o: { prefix?: string }) {
        if (path === '/auth_metadata' && o.prefix === '/_matrix/client/v1' && opts.authMetadata) return opts.authMetadata;
        throw matrixError(404, { errcode: 'M_UNRECOGNIZED', error: 'Unrecognized request' });
      },
    },
    getFallbackAuthUrl: (stage: string, session: string) => `https://hs.example/_matrix/client/v3/auth/${stage}/fallback/web?session=${session}`,
    on(event: string, l: (...a: unknown[]) => void) {
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event)!.add(l);
      return client;
    },
    off(event: string, l: (...a: unknown[]) => void) {
      listeners.get(event)?.delete(l);
      return client;
    },
  };
  fake.client = client as unknown as MatrixClient;
  return fake;
}
