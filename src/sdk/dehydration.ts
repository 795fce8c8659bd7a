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
// Making a new dehydrated device (the set-up's commit) is in dehydration-refresh.ts, loaded with the commit.
import type { MatrixClient } from 'matrix-js-sdk';

const PREFIX = { prefix: '/_matrix/client/unstable/org.matrix.msc3814.v1' };
/** The dehydration key's name in secret storage. */
export const DEHYDRATION_SECRET = 'org.matrix.msc3814';

/**
 * The server's dehydrated device id for this user: null = none; undefined = the server has no dehydration
 * (M_UNRECOGNIZED — the same probe as the SDK's `isDehydrationSupported`). Other failures throw (an outage is
 * not "unsupported").
 */
export async function serverDehydratedDevice(client: MatrixClient): Promise<string | null | undefined> {
  try {
    const res = await client.http.authedRequest<{ device_id?: string }>('GET' as never, '/dehydrated_device', undefined, undefined, PREFIX);
    return typeof res?.device_id === 'string' ? res.device_id : null;
  } catch (e) {
    const code = (e as { errcode?: string }).errcode;
    if (code === 'M_NOT_FOUND') return null;
    if (code === 'M_UNRECOGNIZED') return undefined;
    throw e;
  }
}
