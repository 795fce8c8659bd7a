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
// The one read the status needs (serverDehydratedDevice) is dehydrated-device.ts; it is re-exported here.
import { serverDehydratedDevice } from './dehydrated-device.js';

/** The dehydration key's name in secret storage. */
export const DEHYDRATION_SECRET = 'org.matrix.msc3814';

export { serverDehydratedDevice };
