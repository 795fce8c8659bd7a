// The server's current key backup, asked of the server itself (never the SDK's cache): what the set-up wizard's first
// step needs (backup-read.ts). The other plain server reads are in setup-verify.ts, with the read-back that uses them.
import type { MatrixClient } from 'matrix-js-sdk';

export const V3 = { prefix: '/_matrix/client/v3' };

/** A 404 / M_NOT_FOUND: the thing asked for is not there. */
export function isNotFound(e: unknown): boolean {
  const err = e as { httpStatus?: number; errcode?: string };
  return err?.httpStatus === 404 || err?.errcode === 'M_NOT_FOUND';
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
