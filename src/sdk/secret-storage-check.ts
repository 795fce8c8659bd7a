// Whether a client was created with the kit's secret-storage callbacks (secret-storage-keys.ts): the one question an
// element's first render asks (<xs-setup-wizard> says so when they are missing), kept apart from the key cache.
import type { MatrixClient } from 'matrix-js-sdk';

/** Each callbacks object's key cache, keyed by its getSecretStorageKey function (a host may spread the callbacks into its own object). */
export const callbackCaches = new WeakMap<object, unknown>();

/** The key cache behind `client`'s callbacks, if they are the kit's. */
export function callbackCachesOf(client: MatrixClient): unknown {
  const fn = (client.cryptoCallbacks as { getSecretStorageKey?: unknown } | undefined)?.getSecretStorageKey;
  return typeof fn === 'function' ? callbackCaches.get(fn) : undefined;
}

/** True when `client` was created with callbacks from `createSecretStorageCallbacks()`. */
export function hasSecretStorageCallbacks(client: MatrixClient): boolean {
  return callbackCachesOf(client) !== undefined;
}
