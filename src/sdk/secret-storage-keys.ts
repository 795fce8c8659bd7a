// Short-lived secret-storage (4S) key cache behind the SDK's crypto callbacks.
//
// The SDK asks `cryptoCallbacks.getSecretStorageKey` for the 4S key whenever it reads or writes a secret,
// sometimes several times in a row, and calls `cacheSecretStorageKey` when bootstrap creates a new key.
// Those callbacks are fixed when the host calls `createClient`, so the kit cannot pass a key per call.
// Instead the host passes the callbacks from `createSecretStorageCallbacks()`, and an element that holds
// a key (the setup wizard, a "verify with recovery key" step) runs its SDK calls inside
// `withSecretStorageKey()`: the key is answered silently only while that call runs, then wiped.
//
// Nothing here is global: each callbacks object has its own cache, found again through the client's
// `cryptoCallbacks` field. Keys are never logged or stored.
import type { MatrixClient } from 'matrix-js-sdk';
import { callbackCaches, callbackCachesOf, hasSecretStorageCallbacks } from './secret-storage-check.js';

/** A 4S key description as the SDK hands it to the callbacks (`m.secret_storage.key.<id>` content). */
export type SecretStorageKeyInfo = Parameters<NonNullable<MatrixClient['cryptoCallbacks']['cacheSecretStorageKey']>>[1];

/** Asked when the SDK needs a 4S key that no running `withSecretStorageKey` holds (e.g. the host's own prompt). */
export type SecretStorageKeyFallback = (
  keys: Record<string, SecretStorageKeyInfo>,
  secretName: string,
) => Promise<[string, Uint8Array<ArrayBuffer>] | null>;

/** The two callbacks for `createClient({ cryptoCallbacks })`. */
export interface SecretStorageCallbacks {
  getSecretStorageKey(opts: { keys: Record<string, SecretStorageKeyInfo> }, secretName: string): Promise<[string, Uint8Array<ArrayBuffer>] | null>;
  cacheSecretStorageKey(keyId: string, keyInfo: SecretStorageKeyInfo, key: Uint8Array<ArrayBuffer>): void;
}

/** Thrown by `withSecretStorageKey` when the client was not created with `createSecretStorageCallbacks()`. */
export class SecretStorageCallbacksMissingError extends Error {
  override readonly name = 'SecretStorageCallbacksMissingError';
  constructor() {
    super('The MatrixClient was not created with cryptoCallbacks from createSecretStorageCallbacks() (xs-kit), so the kit cannot hand it a secret-storage key.');
  }
}

/** One running `withSecretStorageKey` call: its key, and the key ids it is known under. */
interface Scope {
  key: Uint8Array<ArrayBuffer>;
  /** Ids this key answers for; empty = "not yet known" (a key about to be created by bootstrap). */
  keyIds: Set<string>;
}

class KeyCache {
  readonly scopes = new Set<Scope>();

  find(keyIds: string[]): [string, Uint8Array<ArrayBuffer>] | null {
    for (const scope of this.scopes) {
      const id = keyIds.find((k) => scope.keyIds.has(k));
      if (id !== undefined) return [id, scope.key.slice()];
    }
    return null;
  }

  /** bootstrapSecretStorage created `keyId` from the key of a running scope: remember the id for it. */
  learn(keyId: string, key: Uint8Array): void {
    for (const scope of this.scopes) {
      if (sameBytes(scope.key, key)) scope.keyIds.add(keyId);
    }
  }
}


function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i] ^ b[i];
  return diff === 0;
}

/**
 * Crypto callbacks for `createClient({ cryptoCallbacks: createSecretStorageCallbacks() })`. Pass them (or
 * spread them into your own callbacks object, keeping both functions) so xs-kit elements can hand the SDK a
 * secret-storage key without prompting.
 *
 * @param fallback Asked when no kit flow holds the requested key (your own prompt, if you have one).
 *   Without it such requests answer `null`, and the SDK operation fails with "getSecretStorageKey callback returned falsey".
 */
export function createSecretStorageCallbacks(fallback?: SecretStorageKeyFallback): SecretStorageCallbacks {
  const cache = new KeyCache();
  const callbacks: SecretStorageCallbacks = {
    async getSecretStorageKey({ keys }, secretName) {
      const held = cache.find(Object.keys(keys));
      if (held) return held;
      return fallback ? fallback(keys, secretName) : null;
    },
    cacheSecretStorageKey(keyId, _keyInfo, key) {
      // Only keys of a running scope are remembered (and only for that scope's lifetime).
      cache.learn(keyId, key);
    },
  };
  // eslint-disable-next-line @typescript-eslint/unbound-method -- the function is a key (its identity), never called here
  callbackCaches.set(callbacks.getSecretStorageKey, cache);
  return callbacks;
}

export { hasSecretStorageCallbacks };

function cacheOf(client: MatrixClient): KeyCache | undefined {
  return callbackCachesOf(client) as KeyCache | undefined;
}

/**
 * Runs `fn` while the SDK may use `key` as the secret-storage key, answering `getSecretStorageKey` silently;
 * afterwards (success or failure) the cached copy is zeroed and forgotten.
 *
 * @param client A client created with `createSecretStorageCallbacks()` (else SecretStorageCallbacksMissingError).
 * @param keyId The 4S key id the key belongs to (`secretStorage.getKey()`'s first element), or `null` for a key
 *   that `fn` is about to create with `bootstrapSecretStorage({ createSecretStorageKey })` — its id is learnt from
 *   the SDK's `cacheSecretStorageKey` call.
 * @param key The raw 32-byte key (from `decodeRecoveryKey`, `deriveRecoveryKeyFromPassphrase` or
 *   `createRecoveryKeyFromPassphrase().privateKey`). A copy is held; the caller keeps ownership of `key`.
 */
export async function withSecretStorageKey<T>(
  client: MatrixClient,
  keyId: string | null,
  key: Uint8Array,
  fn: () => Promise<T>,
): Promise<T> {
  const cache = cacheOf(client);
  if (!cache) throw new SecretStorageCallbacksMissingError();
  const scope: Scope = { key: new Uint8Array(key), keyIds: new Set(keyId ? [keyId] : []) };
  cache.scopes.add(scope);
  try {
    return await fn();
  } finally {
    cache.scopes.delete(scope);
    scope.key.fill(0);
    scope.keyIds.clear();
  }
}
