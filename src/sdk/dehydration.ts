// Device dehydration (MSC3814): an offline device of the person that receives room keys while all of their
// sessions are closed. Its key is a secret ("org.matrix.msc3814") in secret storage; a newly verified session that
// can read secret storage (verified with the Security Key: recovery-key.ts) rehydrates it — takes the keys it
// received — and makes a fresh one. A session verified by emoji or QR can't: the SDK (js-sdk 43, crypto-wasm 18)
// shares only the cross-signing keys and the backup key by m.secret.request / m.secret.send, never this one.
//
// SDK facts used here (rust-crypto DehydratedDeviceManager, matrix-js-sdk 43):
//   - `isDehydrationSupported()`: GET /unstable/org.matrix.msc3814.v1/dehydrated_device — M_NOT_FOUND or a device =
//     supported, M_UNRECOGNIZED = not. It throws on anything else (an outage is not "unsupported").
//   - `startDehydration({ createNewKey, rehydrate })` needs cross-signing and secret storage ready; it reads (or with
//     `createNewKey` writes) the dehydration key in secret storage — so it asks for the secret-storage key — then
//     uploads a new dehydrated device (PUT dehydrated_device, which replaces the old one) and schedules a weekly
//     rotation. `rehydrate` (default true) first downloads the old device's to-device events and imports their keys.
//   - `disableKeyStorage()` / `resetEncryption()` delete the dehydrated device; the kit does not call them.
import type { MatrixClient } from 'matrix-js-sdk';
import { serverDehydratedDevice } from './dehydrated-device.js';
import { serverAccountData } from './setup-verify.js';

/** The dehydration key's name in secret storage. */
export const DEHYDRATION_SECRET = 'org.matrix.msc3814';

export { serverDehydratedDevice };

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
