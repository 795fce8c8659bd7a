// The whole host side: log in, create the client with rust crypto, hand it to the elements.
import { createClient } from 'matrix-js-sdk';
// The drop-in bundle registers every xs-* tag and exports the package API.
import { createSecretStorageCallbacks } from 'xs-kit';

const form = document.querySelector('#login');
const message = document.querySelector('#message');
const provider = document.querySelector('#provider');

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const data = new FormData(form);
  const baseUrl = String(data.get('homeserver')).replace(/\/+$/, '');
  message.textContent = 'Logging in…';
  try {
    const login = await createClient({ baseUrl }).loginRequest({
      type: 'm.login.password',
      identifier: { type: 'm.id.user', user: String(data.get('user')) },
      password: String(data.get('password')),
      initial_device_display_name: 'xs-kit plain HTML example',
    });
    const client = createClient({
      baseUrl,
      userId: login.user_id,
      deviceId: login.device_id,
      accessToken: login.access_token,
      // Lets the setup wizard and the Security Key path hand a secret-storage key to the SDK.
      cryptoCallbacks: createSecretStorageCallbacks(),
    });
    // One crypto store per session (IndexedDB): a second login in this browser gets its own.
    await client.initRustCrypto({ cryptoDatabasePrefix: `xs-example-${login.device_id}` });
    await client.startClient({ initialSyncLimit: 10 });
    provider.client = client;
    provider.hidden = false;
    form.hidden = true;
    message.textContent = '';
    document.title = `${login.user_id} — xs-kit`;
  } catch (e) {
    message.textContent = `Could not log in: ${e.message}`;
  }
});

// The elements' events bubble to the document.
addEventListener('xs-status-change', (e) => console.log('[xs] status:', e.state));
addEventListener('xs-verified', (e) => console.log('[xs] verified', e.userId, e.deviceId));
