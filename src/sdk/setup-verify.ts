// The read-back behind every success screen of <xs-setup-wizard>: what the server holds, checked against the
// key the person saved. Nothing here trusts the SDK's caches — every fact comes from a fresh server request:
//
//   1. POST /keys/query (own user)            → the server's master, self-signing and user-signing public keys;
//      the master key equals the one this session holds the private key of (`getCrossSigningKeyId`).
//   2. GET account_data m.secret_storage.default_key → the default key id;
//      GET account_data m.secret_storage.key.<id>     → its description, which the saved key must pass (MAC check).
//   3. GET account_data m.cross_signing.{master,self_signing,user_signing} → each encrypted under the default key,
//      decrypts with the saved key, and the decrypted private key derives the public key the server publishes.
//   4. GET /room_keys/version → the current backup, trusted by this session (signed, or its key is the one held);
//      GET account_data m.megolm_backup.v1 → decrypts with the saved key to the private key of that backup.
//
// A request that fails makes the check fail with that error (the caller says "couldn't confirm", never "done").
import type { MatrixClient } from 'matrix-js-sdk';
import decryptAESSecretStorageItem from 'matrix-js-sdk/lib/utils/decryptAESSecretStorageItem.js';
import type { SetupGap } from './setup.js';
import { V3, isNotFound, serverBackupVersion } from './server-reads.js';

// The backup version read lives in server-reads.ts (the wizard's first step needs it).
export { serverBackupVersion };

const AES = 'm.secret_storage.v1.aes-hmac-sha2';
const XS = [
  ['m.cross_signing.master', 'master_keys'],
  ['m.cross_signing.self_signing', 'self_signing_keys'],
  ['m.cross_signing.user_signing', 'user_signing_keys'],
] as const;
const BACKUP_SECRET = 'm.megolm_backup.v1';

type EncryptedItem = { iv: string; ciphertext: string; mac: string };

interface KeysQuery {
  master_keys?: Record<string, { keys?: Record<string, string> }>;
  self_signing_keys?: Record<string, { keys?: Record<string, string> }>;
  user_signing_keys?: Record<string, { keys?: Record<string, string> }>;
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

/** The backup's public key (base64 without padding), '' when it names none. */
export function backupPublicKey(backup: { auth_data?: Record<string, unknown> }): string {
  const key = backup.auth_data?.['public_key'];
  return typeof key === 'string' ? key.replace(/=+$/, '') : '';
}

const b64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes)).replace(/=+$/, '');
const unb64 = (s: string) => Uint8Array.from(atob(s.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((s.length + 3) % 4)), (c) => c.charCodeAt(0));
const fromB64Url = (s: string) => b64(unb64(s));

/** The public key of a 32-byte Ed25519 seed or X25519 private key (unpadded base64), via WebCrypto's PKCS#8 import. */
export async function publicKeyOf(curve: 'Ed25519' | 'X25519', priv: Uint8Array): Promise<string | null> {
  if (priv.length !== 32) return null;
  // PKCS#8 wrapping of a raw 32-byte key: SEQUENCE { 0, AlgorithmIdentifier { OID 1.3.101.112 / .110 }, OCTET STRING { OCTET STRING key } }
  const oid = curve === 'Ed25519' ? 0x70 : 0x6e;
  const der = new Uint8Array([0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, oid, 0x04, 0x22, 0x04, 0x20, ...priv]);
  try {
    const usages: KeyUsage[] = curve === 'Ed25519' ? ['sign'] : ['deriveBits'];
    const key = await crypto.subtle.importKey('pkcs8', der, { name: curve }, true, usages);
    const jwk = await crypto.subtle.exportKey('jwk', key);
    return jwk.x ? fromB64Url(jwk.x) : null;
  } finally {
    der.fill(0);
  }
}

async function decryptSecret(client: MatrixClient, name: string, keyId: string, key: Uint8Array<ArrayBuffer>): Promise<Uint8Array | null> {
  const content = await serverAccountData<{ encrypted?: Record<string, EncryptedItem> }>(client, name);
  const item = content?.encrypted?.[keyId];
  if (!item || typeof item.ciphertext !== 'string') return null;
  try {
    const plain = await decryptAESSecretStorageItem(item, key, name);
    return unb64(plain);
  } catch {
    return null; // bad MAC: not decryptable with this key
  }
}

/**
 * Checks on the server that the account is set up with `key` as its secret-storage key (see the file comment).
 * Resolves with what is missing (empty = everything holds); rejects when the server could not be asked.
 */
export async function verifySetupOnServer(client: MatrixClient, key: Uint8Array<ArrayBuffer>): Promise<SetupGap[]> {
  const crypto = client.getCrypto();
  if (!crypto) throw new Error('end-to-end encryption is not enabled on this client');
  const gaps = new Set<SetupGap>();

  const server = await serverCrossSigningKeys(client);
  const local = await crypto.getCrossSigningKeyId();
  if (!server.master || !local || server.master !== local) gaps.add('cross-signing-keys');

  const pointer = await serverAccountData<{ key?: string }>(client, 'm.secret_storage.default_key');
  const keyId = typeof pointer?.key === 'string' ? pointer.key : null;
  const info = keyId ? await serverAccountData<{ algorithm?: string }>(client, `m.secret_storage.key.${keyId}`) : null;
  let keyOk = false;
  if (keyId && info?.algorithm === AES) {
    try {
      keyOk = await client.secretStorage.checkKey(key, info as never);
    } catch {
      keyOk = false;
    }
  }
  if (!keyId || !keyOk) {
    gaps.add('secret-storage');
  } else {
    const expected = [server.master, server.selfSigning, server.userSigning];
    for (let i = 0; i < XS.length; i++) {
      const priv = await decryptSecret(client, XS[i][0], keyId, key);
      const pub = priv ? await publicKeyOf('Ed25519', priv) : null;
      priv?.fill(0);
      if (!pub || pub !== expected[i]) gaps.add('cross-signing-stored');
    }
  }

  const backup = await serverBackupVersion(client);
  if (!backup) {
    gaps.add('backup');
  } else {
    const trust = await crypto.isKeyBackupTrusted(backup as never);
    if (!(trust.trusted || trust.matchesDecryptionKey) || !trust.matchesDecryptionKey) gaps.add('backup');
    else if (keyId && keyOk) {
      const priv = await decryptSecret(client, BACKUP_SECRET, keyId, key);
      const pub = priv ? await publicKeyOf('X25519', priv) : null;
      priv?.fill(0);
      if (!pub || pub !== backupPublicKey(backup)) gaps.add('backup-key-stored');
    } else gaps.add('backup-key-stored');
  }
  return [...gaps];
}
