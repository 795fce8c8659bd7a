// Making (or rotating) the dehydrated device (MSC3814) during the set-up wizard's commit, read back from the
// server. The SDK facts it relies on are in dehydration.ts.
import type { MatrixClient } from 'matrix-js-sdk';
import { DEHYDRATION_SECRET, serverDehydratedDevice } from './dehydration.js';
import { serverAccountData } from './setup-verify.js';

/** The dehydrated device the commit made is not on the server as claimed (read back). */
export class DehydrationIncompleteError extends Error {
  override readonly name = 'DehydrationIncompleteError';
}

/**
 * Creates (or rotates) the dehydrated device with a new dehydration key stored under the CURRENT default
 * secret-storage key. Call inside `withSecretStorageKey` (the SDK stores the key in secret storage). Resolves
 * undefined when the server does not support dehydration, else with the new device id — read back from the server:
 * a device other than the one before, and the dehydration key stored under the server's default key. Anything
 * less rejects (DehydrationIncompleteError, or the failed request's error); a retry makes a fresh key and device,
 * which replaces whatever a half-done attempt left (the server keeps one dehydrated device per user).
 */
export async function refreshDehydration(client: MatrixClient): Promise<string | undefined> {
  const crypto = client.getCrypto();
  const before = crypto ? await serverDehydratedDevice(client) : undefined;
  if (!crypto || before === undefined) return undefined;
  await crypto.startDehydration({ createNewKey: true, rehydrate: false });
  const after = await serverDehydratedDevice(client);
  if (!after || after === before) throw new DehydrationIncompleteError('no new dehydrated device on the server');
  const pointer = await serverAccountData<{ key?: unknown }>(client, 'm.secret_storage.default_key');
  const stored = await serverAccountData<{ encrypted?: Record<string, unknown> }>(client, DEHYDRATION_SECRET);
  if (typeof pointer?.key !== 'string' || !stored?.encrypted?.[pointer.key]) throw new DehydrationIncompleteError('the dehydration key is not stored under the default key');
  return after;
}
