// Plain reads of what the server holds now, never the SDK's caches: account data, the own cross-signing public keys
// and the current key backup. Used by the read-backs (setup-verify.ts, key-storage.ts), the set-up wizard's first
// step (backup-read.ts) and the dehydration probe (dehydration.ts).
import type { MatrixClient } from 'matrix-js-sdk';

const V3 = { prefix: '/_matrix/client/v3' };

interface KeysQuery {
  master_keys?: Record<string, { keys?: Record<string, string> }>;
  self_signing_keys?: Record<string, { keys?: Record<string, string> }>;
  user_signing_keys?: Record<string, { keys?: Record<string, string> }>;
}

function isNotFound(e: unknown): boolean {
  const err = e as { httpStatus?: number; errcode?: string };
  return err?.httpStatus === 404 || err?.errcode === 'M_NOT_FOUND';
}

/** Account data as the server has it now (null when absent or deleted — `{}` is how the SDK deletes). */
export async function serverAccountData<T extends object>(client: MatrixClient, type: string): Promise<T | null> {
  const path = `/user/${encodeURIComponent(client.getSafeUserId())}/account_data/${encodeURIComponent(type)}`;
  try {
    const content = await client.http.authedRequest<T>('GET' as never, path, undefined, undefined, V3);
    return content && Object.keys(content).length > 0 ? content : null;
  } catch (e) {
    if (isNotFound(e)) return null;
    throw e;
  }
}

/** The server's own cross-signing public keys for this user (unpadded base64), from a fresh /keys/query. */
export async function serverCrossSigningKeys(client: MatrixClient): Promise<{ master: string | null; selfSigning: string | null; userSigning: string | null }> {
  const me = client.getSafeUserId();
  const res = await client.http.authedRequest<KeysQuery>('POST' as never, '/keys/query', undefined, { device_keys: { [me]: [] } }, V3);
  const first = (m: KeysQuery[keyof KeysQuery]) => {
    const keys = m?.[me]?.keys;
    const v = keys ? Object.values(keys)[0] : undefined;
    return typeof v === 'string' ? v : null;
  };
  return { master: first(res.master_keys), selfSigning: first(res.self_signing_keys), userSigning: first(res.user_signing_keys) };
}

/** The server's current key backup, or null (404 = none). */
export async function serverBackupVersion(client: MatrixClient): Promise<{ version: string; algorithm: string; auth_data: Record<string, unknown> } | null> {
  try {
    return await client.http.authedRequest('GET' as never, '/room_keys/version', undefined, undefined, V3);
  } catch (e) {
    if (isNotFound(e)) return null;
    throw e;
  }
}
