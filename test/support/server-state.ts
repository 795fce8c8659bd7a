// What the homeserver holds for an account, read with plain HTTP (like a second, independent client): the
// published cross-signing keys, the secret-storage account data (ciphertexts, not secrets) and the key backup.
// Two reads compare equal when nothing of that changed.
import type { MatrixClient } from 'matrix-js-sdk';

export interface ServerState {
  master: string | null;
  selfSigning: string | null;
  defaultKey: string | null;
  keyDescriptions: string[];
  secrets: Record<string, string | null>;
  backupVersion: string | null;
}

const SECRETS = ['m.cross_signing.master', 'm.cross_signing.self_signing', 'm.cross_signing.user_signing', 'm.megolm_backup.v1'];

export async function serverState(client: MatrixClient): Promise<ServerState> {
  const base = client.baseUrl.replace(/\/+$/, '');
  const me = client.getSafeUserId();
  const headers = { authorization: `Bearer ${client.getAccessToken()}`, 'content-type': 'application/json' };
  const get = async (path: string) => {
    const r = await fetch(`${base}/_matrix/client/v3${path}`, { headers, cache: 'no-store' });
    if (r.status === 404) return null;
    if (!r.ok) throw new Error(`GET ${path}: ${r.status}`);
    const j = (await r.json()) as Record<string, unknown>;
    return Object.keys(j).length ? j : null;
  };
  const ad = (type: string) => get(`/user/${encodeURIComponent(me)}/account_data/${encodeURIComponent(type)}`);
  type KeysQuery = { master_keys?: Record<string, { keys: Record<string, string> }>; self_signing_keys?: Record<string, { keys: Record<string, string> }> };
  const q = await fetch(`${base}/_matrix/client/v3/keys/query`, { method: 'POST', headers, cache: 'no-store', body: JSON.stringify({ device_keys: { [me]: [] } }) }).then((r) => r.json() as Promise<KeysQuery>);
  const first = (m: Record<string, { keys: Record<string, string> }> | undefined) => (m?.[me] ? Object.values(m[me].keys)[0] ?? null : null);
  const defaultKey = ((await ad('m.secret_storage.default_key')) as { key?: string } | null)?.key ?? null;
  const secrets: Record<string, string | null> = {};
  for (const name of SECRETS) {
    const c = (await ad(name)) as { encrypted?: Record<string, { ciphertext: string }> } | null;
    secrets[name] = c?.encrypted ? JSON.stringify(Object.entries(c.encrypted).map(([k, v]) => [k, v.ciphertext]).sort()) : null;
  }
  const keyDescriptions: string[] = [];
  if (defaultKey && (await ad(`m.secret_storage.key.${defaultKey}`))) keyDescriptions.push(defaultKey);
  const backup = (await get('/room_keys/version')) as { version?: string } | null;
  return { master: first(q.master_keys), selfSigning: first(q.self_signing_keys), defaultKey, keyDescriptions, secrets, backupVersion: backup?.version ?? null };
}
