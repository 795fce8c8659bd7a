// The one read of recovery-key.ts that a first render needs (<xs-verify-login> asks it when it shows "this session
// is verified"): kept apart so the Security Key entry's SDK calls (recovery-key.ts) load only with that entry.
import type { MatrixClient } from 'matrix-js-sdk';

/**
 * A cross-signed session whose cross-signing keys and the recovery data disagree, so that its Security Key
 * can help: it lacks private keys (secret storage may hold them), or holds them while secret storage (which
 * has a default key) lacks them. Reads only; never decrypts or asks for a key.
 */
export async function keysOutOfSync(client: MatrixClient): Promise<boolean> {
  const c = client.getCrypto();
  if (!c || !(await client.secretStorage.getDefaultKeyId())) return false;
  const { privateKeysCachedLocally: p, privateKeysInSecretStorage } = await c.getCrossSigningStatus();
  return !(p.masterKey && p.selfSigningKey && p.userSigningKey) || !privateKeysInSecretStorage;
}
