// "Verify another person": <xs-verify-user> and <xs-verification-requests>, with a second demo account one
// click away in its own panel (its own client, its own requests element), so both sides run on this page.
import { ClientEvent, SyncState, createClient, type AuthDict, type MatrixClient } from 'matrix-js-sdk';
import '../../src/define/xs-client-provider.js';
import '../../src/define/xs-status.js';
import '../../src/define/xs-verification-requests.js';
import '../../src/define/xs-verify-login.js';
import '../../src/define/xs-verify-user.js';
import { createSecretStorageCallbacks } from '../../src/sdk/secret-storage-keys.js';
import { sectionFrame, type DemoContext, type DemoSection } from './section.js';

const snippet = `<!-- verify a person: reuses your encrypted DM with them (m.direct) or creates one -->
<xs-verify-user user-id="@bob:example.org"></xs-verify-user>
<xs-verify-user user-id="@bob:example.org" room-id="!dm:example.org"></xs-verify-user>

<!-- once, anywhere: incoming requests from your other sessions and from other people -->
<xs-verification-requests></xs-verification-requests>

<script type="module">
  // <xs-status user-id> asks for a verification: open <xs-verify-user>
  status.addEventListener('xs-request-verify', (e) => {
    if (e.subject !== 'user') return;
    e.preventDefault();
    panel.replaceChildren(Object.assign(document.createElement('xs-verify-user'), { userId: e.userId }));
  });
  // Optional: place accepted requests yourself instead of inline
  requests.addEventListener('xs-request-verify', (e) => { e.preventDefault(); openVerification(e.request); });
</script>`;

const noStoreFetch: typeof fetch = (input, init) => fetch(input, { ...init, cache: 'no-store' });

/** The fields of a /register answer (or its 401) this demo reads. */
type RegisterResponse = { session?: string; error?: string; user_id: string; device_id: string; access_token: string };

async function post(baseUrl: string, path: string, body: unknown) {
  const r = await fetch(`${baseUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: r.status, json: (await r.json()) as RegisterResponse };
}

/** A throwaway second account with cross-signing, syncing in this page (a demo of the other person's app). */
async function secondAccount(baseUrl: string): Promise<MatrixClient> {
  const username = `demo-peer-${Math.random().toString(36).slice(2, 8)}`;
  const password = Math.random().toString(36).slice(2, 12);
  const body = { username, password, initial_device_display_name: 'xs-kit demo (second account)' };
  let r = await post(baseUrl, '/_matrix/client/v3/register', body);
  if (r.status === 401) r = await post(baseUrl, '/_matrix/client/v3/register', { ...body, auth: { type: 'm.login.dummy', session: r.json.session } });
  if (r.status !== 200) throw new Error(r.json.error ?? `HTTP ${r.status}`);
  const client = createClient({
    baseUrl, userId: r.json.user_id, deviceId: r.json.device_id, accessToken: r.json.access_token, fetchFn: noStoreFetch,
    cryptoCallbacks: createSecretStorageCallbacks(),
  });
  await client.initRustCrypto({ useIndexedDB: false });
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
  await client.setDisplayName(`Demo peer ${username.slice(-6)}`);
  // The first upload of cross-signing keys needs no password; answer it anyway if the server asks.
  await client.getCrypto()!.bootstrapCrossSigning({
    authUploadDeviceSigningKeys: async (makeRequest: (auth: AuthDict | null) => Promise<unknown>) => {
      try {
        await makeRequest(null);
      } catch {
        await makeRequest({ type: 'm.login.password', identifier: { type: 'm.id.user', user: r.json.user_id }, password });
      }
    },
  });
  return client;
}

/** One account's panel: who it is, its requests element, its trust in the other, and a way to verify them. */
function panel(title: string, client: MatrixClient | undefined, other: () => string | undefined): HTMLElement {
  const box = document.createElement('section');
  box.className = 'panel';
  const h = document.createElement('h3');
  h.textContent = title;
  const provider = document.createElement('xs-client-provider');
  if (client) provider.client = client;
  const requests = document.createElement('xs-verification-requests');
  const form = document.createElement('form');
  const label = document.createElement('label');
  label.textContent = 'Verify a person (user ID) ';
  const input = document.createElement('input');
  input.autocomplete = 'off';
  input.placeholder = '@someone:localhost';
  label.append(input);
  const go = document.createElement('button');
  go.type = 'submit';
  go.textContent = 'Verify';
  form.append(label, go);
  const trust = document.createElement('xs-status');
  trust.hidden = true;
  const verifyArea = document.createElement('div');
  const open = (userId: string) => {
    const el = document.createElement('xs-verify-user');
    el.userId = userId;
    verifyArea.replaceChildren(el);
    trust.userId = userId;
    trust.hidden = false;
  };
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const id = input.value.trim() || other();
    if (id) open(id);
  });
  // <xs-status user-id>'s "Verify" opens <xs-verify-user> for that person.
  trust.addEventListener('xs-request-verify', (e) => {
    if (e.subject !== 'user' || !e.userId) return;
    e.preventDefault();
    open(e.userId);
  });
  const p = document.createElement('p');
  p.className = 'hint';
  p.textContent = 'Incoming requests show up here:';
  provider.append(p, requests, form, trust, verifyArea);
  box.append(h, provider);
  return box;
}

export const verifyUserSection: DemoSection = {
  render({ client, baseUrl, userId }: DemoContext) {
    const wrap = document.createElement('div');
    wrap.className = 'two-panels';
    let peer: MatrixClient | undefined;
    const mine = panel(`You (${userId})`, client, () => peer?.getUserId() ?? undefined);
    const peerBox = document.createElement('section');
    peerBox.className = 'panel';
    const h = document.createElement('h3');
    h.textContent = 'Another person';
    const add = document.createElement('button');
    add.type = 'button';
    add.textContent = 'Create a second demo account';
    const note = document.createElement('p');
    note.setAttribute('role', 'status');
    note.textContent = 'It gets its own session and panel here, with cross-signing set up. Set up yours in the wizard above first.';
    add.addEventListener('click', () => void (async () => {
      add.disabled = true;
      note.textContent = 'Creating the second account…';
      try {
        peer = await secondAccount(baseUrl);
        const peerId = peer.getUserId()!;
        note.textContent = `Second account: ${peerId}. Verify it from your panel (the field may stay empty), or from its panel.`;
        peerBox.replaceWith(panel(`Second account (${peerId})`, peer, () => userId));
      } catch (err) {
        note.textContent = `Could not create it: ${(err as Error).message}`;
        add.disabled = false;
      }
    })());
    peerBox.append(h, add, note);
    wrap.append(mine, peerBox);
    return sectionFrame('Verify another person — <xs-verify-user>, <xs-verification-requests>', snippet, wrap, [
      'xs-verified',
      'xs-verification-cancelled',
      'xs-request-verify',
    ]);
  },
};
