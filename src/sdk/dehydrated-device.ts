// The one read the status needs about device dehydration (MSC3814), apart from dehydration.ts (which makes and rotates
// the device, and reads secret storage to check it): so the status's first render does not carry that.
import type { MatrixClient } from 'matrix-js-sdk';

// The dehydration endpoints' prefix (unstable MSC3814).
const DEHYDRATION_PREFIX = { prefix: '/_matrix/client/unstable/org.matrix.msc3814.v1' };

/**
 * The server's dehydrated device id for this user: null = none; undefined = the server has no dehydration
 * (M_UNRECOGNIZED — the same probe as the SDK's `isDehydrationSupported`). Other failures throw (an outage is
 * not "unsupported").
 */
export async function serverDehydratedDevice(client: MatrixClient): Promise<string | null | undefined> {
  try {
    const res = await client.http.authedRequest<{ device_id?: string }>('GET' as never, '/dehydrated_device', undefined, undefined, DEHYDRATION_PREFIX);
    return typeof res?.device_id === 'string' ? res.device_id : null;
  } catch (e) {
    const code = (e as { errcode?: string }).errcode;
    if (code === 'M_NOT_FOUND') return null;
    if (code === 'M_UNRECOGNIZED') return undefined;
    throw e;
  }
}
