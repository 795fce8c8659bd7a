// Accounts and clients for the demo: register a throwaway account, log in more sessions, start a client per session.
import { ClientEvent, SyncState, createClient, type MatrixClient } from 'matrix-js-sdk';
import { createSecretStorageCallbacks } from '../../src/sdk/secret-storage-keys.js';

export interface Login {
  user_id: string;
  device_id: string;
  access_token: string;
}

export interface DemoAccount {
  baseUrl: string;
  userId: string;
  /** Only for throwaway accounts created on the page: shown so that another tab or browser can log in. */
  password: string | undefined;
}

/** Several clients of one user in one page: without the HTTP cache, identical /sync URLs don't stall each other. */
const noStoreFetch: typeof fetch = (input, init) => fetch(input, { ...init, cache: 'no-store' });

async function api(baseUrl: string, path: string, body: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const r = await fetch(`${baseUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: r.status, json: (await r.json().catch(() => ({}))) as Record<string, unknown> };
}

function failure(r: { status: number; json: Record<string, unknown> }): Error {
  return new Error(typeof r.json.error === 'string' ? r.json.error : `HTTP ${r.status}`);
}

/** Registers a fresh account (open registration, dummy auth) and returns its first session. */
export async function registerAccount(baseUrl: string, deviceName: string): Promise<{ account: DemoAccount; login: Login }> {
  const username = `demo-${Math.random().toString(36).slice(2, 8)}`;
  // A throwaway account on a test server: the password is shown on the page so that another session can log in.
  const password = Math.random().toString(36).slice(2, 12);
  const body = { username, password, initial_device_display_name: deviceName };
  let r = await api(baseUrl, '/_matrix/client/v3/register', body);
  if (r.status === 401) r = await api(baseUrl, '/_matrix/client/v3/register', { ...body, auth: { type: 'm.login.dummy', session: r.json.session } });
  if (r.status !== 200) throw failure(r);
  const login = r.json as unknown as Login;
  return { account: { baseUrl, userId: login.user_id, password }, login };
}

/** Logs in one more session of `account` (or of `user` with `password`). */
export async function logIn(baseUrl: string, user: string, password: string, deviceName: string): Promise<Login> {
  const r = await api(baseUrl, '/_matrix/client/v3/login', {
    type: 'm.login.password', identifier: { type: 'm.id.user', user }, password, initial_device_display_name: deviceName,
  });
  if (r.status !== 200) throw failure(r);
  return r.json as unknown as Login;
}

/** A syncing client with rust crypto for `login`, its own crypto store (several sessions share this browser). */
export async function startClient(baseUrl: string, login: Login): Promise<MatrixClient> {
  const client = createClient({
    baseUrl, userId: login.user_id, deviceId: login.device_id, accessToken: login.access_token, fetchFn: noStoreFetch,
    // Lets the setup wizard and the Security Key path hand a secret-storage key to the SDK without prompting.
    cryptoCallbacks: createSecretStorageCallbacks(),
  });
  await client.initRustCrypto({ cryptoDatabasePrefix: `xs-demo-${login.user_id}-${login.device_id}` });
  const ready = new Promise<void>((resolve) => {
    const onSync = (s: SyncState) => {
      if (s === SyncState.Prepared || s === SyncState.Syncing) {
        client.off(ClientEvent.Sync, onSync);
        resolve();
      }
    };
    client.on(ClientEvent.Sync, onSync);
  });
  await client.startClient({ initialSyncLimit: 10 });
  await ready;
  return client;
}
