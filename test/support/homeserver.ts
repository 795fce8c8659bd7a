// Accounts and sessions on the test homeserver, through its client-server API (no SDK needed).
import { homeserverUrl } from './env.js';

export interface TestUser {
  userId: string;
  localpart: string;
  password: string;
}

export interface Session {
  userId: string;
  deviceId: string;
  accessToken: string;
  password: string;
}

let counter = 0;

async function api<T>(method: string, path: string, body?: unknown, accessToken?: string): Promise<{ status: number; json: T }> {
  const r = await fetch(`${homeserverUrl()}${path}`, {
    method,
    cache: 'no-store',
    headers: { 'content-type': 'application/json', ...(accessToken ? { authorization: `Bearer ${accessToken}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: r.status, json: (await r.json().catch(() => ({}))) as T };
}

/** Registers a fresh user (open registration, dummy auth); returns its first session. */
export async function registerUser(prefix = 'user', deviceName = 'Device A'): Promise<Session> {
  const localpart = `${prefix}-${Date.now().toString(36)}-${(counter++).toString(36)}${Math.random().toString(36).slice(2, 6)}`.toLowerCase();
  const password = `pw-${crypto.randomUUID()}`;
  const body = { username: localpart, password, initial_device_display_name: deviceName, inhibit_login: false };
  let r = await api<{ session?: string; user_id?: string; access_token?: string; device_id?: string; errcode?: string; error?: string }>('POST', '/_matrix/client/v3/register', body);
  if (r.status === 401) {
    r = await api('POST', '/_matrix/client/v3/register', { ...body, auth: { type: 'm.login.dummy', session: r.json.session } });
  }
  if (r.status !== 200 || !r.json.access_token) throw new Error(`register failed: ${r.status} ${JSON.stringify(r.json)}`);
  return { userId: r.json.user_id!, deviceId: r.json.device_id!, accessToken: r.json.access_token, password };
}

/** Logs in another session (device) of the same user. */
export async function loginDevice(user: { userId: string; password: string }, deviceName = 'Another device', deviceId?: string): Promise<Session> {
  const r = await api<{ user_id: string; device_id: string; access_token: string }>('POST', '/_matrix/client/v3/login', {
    type: 'm.login.password',
    identifier: { type: 'm.id.user', user: user.userId },
    password: user.password,
    initial_device_display_name: deviceName,
    ...(deviceId ? { device_id: deviceId } : {}),
  });
  if (r.status !== 200) throw new Error(`login failed: ${r.status} ${JSON.stringify(r.json)}`);
  return { userId: r.json.user_id, deviceId: r.json.device_id, accessToken: r.json.access_token, password: user.password };
}

/** A user with `n` sessions: the first from registration, the rest from logins. */
export async function userWithDevices(n: number, prefix = 'user'): Promise<Session[]> {
  const first = await registerUser(prefix, 'Device A');
  const rest: Session[] = [];
  for (let i = 1; i < n; i++) rest.push(await loginDevice(first, `Device ${String.fromCharCode(65 + i)}`));
  return [first, ...rest];
}
