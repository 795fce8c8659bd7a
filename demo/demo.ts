// The demo page: log in (or create an account) on the homeserver, then every section gets the client.
// Each element's section lives in demo/sections/<name>.ts and is listed in `sections` below.
import { ClientEvent, SyncState, createClient, type MatrixClient } from 'matrix-js-sdk';
import '../src/define/xs-client-provider.js';
import { homeserverUrl } from './env.js';
import type { DemoSection } from './sections/section.js';
import { setupWizardSection } from './sections/setup-wizard.js';
import { verifyLoginSection } from './sections/verify-login.js';
import { statusSection } from './sections/status.js';
import { keyTransferSection } from './sections/key-transfer.js';
import { keyStorageSection } from './sections/key-storage.js';
import { sessionListSection } from './sections/session-list.js';
import { verifyUserSection } from './sections/verify-user.js';
import { roomTrustSection } from './sections/room-trust.js';
import { createSecretStorageCallbacks } from '../src/sdk/secret-storage-keys.js';

const sections: DemoSection[] = [
  statusSection,
  setupWizardSection,
  verifyLoginSection,
  verifyUserSection,
  roomTrustSection,
  keyStorageSection,
  keyTransferSection,
  sessionListSection,
];

const $ = <T extends HTMLElement>(sel: string) => document.querySelector(sel) as T;
const form = $<HTMLFormElement>('#login-form');
const connected = $<HTMLParagraphElement>('#connected');
const provider = $<HTMLElementTagNameMap['xs-client-provider']>('#provider');
$<HTMLInputElement>('#homeserver').value = homeserverUrl;

const noStoreFetch: typeof fetch = (input, init) => fetch(input, { ...init, cache: 'no-store' });

async function connect(baseUrl: string, login: { user_id: string; device_id: string; access_token: string }): Promise<MatrixClient> {
  const client = createClient({ baseUrl, userId: login.user_id, deviceId: login.device_id, accessToken: login.access_token, fetchFn: noStoreFetch,
    // Lets kit elements (setup wizard, recovery-key steps) hand a secret-storage key to the SDK without prompting.
    cryptoCallbacks: createSecretStorageCallbacks() });
  // One crypto store per session, so several demo sessions can live in one browser.
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

async function api(baseUrl: string, path: string, body: unknown) {
  const r = await fetch(`${baseUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: r.status, json: await r.json() };
}

async function done(baseUrl: string, login: { user_id: string; device_id: string; access_token: string }, password?: string) {
  connected.textContent = 'Connecting…';
  const client = await connect(baseUrl, login);
  provider.client = client;
  connected.textContent = `Connected as ${login.user_id} (session ${login.device_id})${password ? ` — demo password: ${password}` : ''}`;
  const host = $<HTMLDivElement>('#sections');
  host.replaceChildren();
  for (const s of sections) host.append(s.render({ client, baseUrl, userId: login.user_id, password }));
}

form.addEventListener('submit', async (e) => {
  e.preventDefault();
  const data = new FormData(form);
  const baseUrl = String(data.get('homeserver')).replace(/\/+$/, '');
  try {
    const r = await api(baseUrl, '/_matrix/client/v3/login', {
      type: 'm.login.password', identifier: { type: 'm.id.user', user: data.get('user') }, password: data.get('password'),
      initial_device_display_name: 'xs-kit demo',
    });
    if (r.status !== 200) throw new Error(r.json.error ?? `HTTP ${r.status}`);
    await done(baseUrl, r.json);
  } catch (err) {
    connected.textContent = `Could not log in: ${(err as Error).message}`;
  }
});

$<HTMLButtonElement>('#register').addEventListener('click', async () => {
  const baseUrl = $<HTMLInputElement>('#homeserver').value.replace(/\/+$/, '');
  const username = `demo-${Math.random().toString(36).slice(2, 8)}`;
  // A throwaway account on a local test server: the password is shown so a second session can log in.
  const password = Math.random().toString(36).slice(2, 12);
  try {
    const body = { username, password, initial_device_display_name: 'xs-kit demo' };
    let r = await api(baseUrl, '/_matrix/client/v3/register', body);
    if (r.status === 401) r = await api(baseUrl, '/_matrix/client/v3/register', { ...body, auth: { type: 'm.login.dummy', session: r.json.session } });
    if (r.status !== 200) throw new Error(r.json.error ?? `HTTP ${r.status}`);
    await done(baseUrl, r.json, password);
  } catch (err) {
    connected.textContent = `Could not create an account: ${(err as Error).message}`;
  }
});
