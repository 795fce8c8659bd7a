// xs-kit in a React 19 app: the elements take the client as a property and report through `xs-*` events,
// which React 19 listens to with `onxs-…` props. The JSX types for every tag come from 'xs-kit/react'.
import { StrictMode, useState, type FormEvent } from 'react';
import { createRoot } from 'react-dom/client';
import { createClient, type MatrixClient } from 'matrix-js-sdk';
import { createSecretStorageCallbacks } from 'xs-kit';
import 'xs-kit/define/xs-status.js';
import 'xs-kit/define/xs-verify-login.js';
import 'xs-kit/themes/light.css';
import 'xs-kit/themes/dark.css';
import type {} from 'xs-kit/react';

async function logIn(baseUrl: string, user: string, password: string): Promise<MatrixClient> {
  const login = await createClient({ baseUrl }).loginRequest({
    type: 'm.login.password',
    identifier: { type: 'm.id.user', user },
    password,
    initial_device_display_name: 'xs-kit React example',
  });
  const client = createClient({
    baseUrl,
    userId: login.user_id,
    deviceId: login.device_id,
    accessToken: login.access_token,
    cryptoCallbacks: createSecretStorageCallbacks(),
  });
  await client.initRustCrypto({ cryptoDatabasePrefix: `xs-react-${login.device_id}` });
  await client.startClient({ initialSyncLimit: 10 });
  return client;
}

function LoginForm({ onClient }: { onClient: (c: MatrixClient) => void }) {
  const [message, setMessage] = useState('');
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    setMessage('Logging in…');
    try {
      const field = (name: string) => data.get(name) as string; // text inputs
      onClient(await logIn(field('homeserver').replace(/\/+$/, ''), field('user'), field('password')));
    } catch (err) {
      setMessage(`Could not log in: ${(err as Error).message}`);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)}>
      <label>Homeserver <input name="homeserver" type="url" required defaultValue="https://matrix.example.org" /></label>
      <label>User <input name="user" autoComplete="username" required /></label>
      <label>Password <input name="password" type="password" autoComplete="current-password" required /></label>
      <button type="submit">Log in</button>
      <p role="status">{message}</p>
    </form>
  );
}

function App() {
  const [client, setClient] = useState<MatrixClient>();
  const [state, setState] = useState('');
  const [verified, setVerified] = useState('');
  if (!client) return <LoginForm onClient={setClient} />;
  return (
    <>
      <p id="state" role="status">Encryption state (from xs-status-change): {state || '…'}</p>
      <xs-status client={client} onxs-status-change={(e) => setState(e.state)} />
      <xs-verify-login client={client} onxs-verified={(e) => setVerified(`${e.userId} ${e.deviceId}`)} />
      {verified && <p>Verified: {verified}</p>}
    </>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
