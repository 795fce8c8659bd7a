// What the verification elements' start steps read before anything is verified — whether this session, or a person,
// is verified already — apart from the request machinery (src/sdk/verification.ts), which loads when a verification
// starts.
import type { MatrixClient } from 'matrix-js-sdk';

/** Whether this session is cross-signed by its own identity (our device is always "locally" trusted, so not isVerified()). */
export async function isDeviceCrossSigned(client: MatrixClient, deviceId: string): Promise<boolean> {
  const crypto = client.getCrypto();
  if (!crypto) throw new Error('the MatrixClient has no crypto (call initRustCrypto first)');
  const status = await crypto.getDeviceVerificationStatus(client.getSafeUserId(), deviceId);
  return status?.crossSigningVerified ?? false;
}

/** Whether we have verified `userId` (our user-signing key signed their master key), as read from the store. */
export async function isUserVerified(client: MatrixClient, userId: string): Promise<boolean> {
  const crypto = client.getCrypto();
  if (!crypto) return false;
  return (await crypto.getUserVerificationStatus(userId)).isCrossSigningVerified();
}
