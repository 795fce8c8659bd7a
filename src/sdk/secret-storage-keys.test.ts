import { expect } from '@open-wc/testing';
import type { MatrixClient } from 'matrix-js-sdk';
import { SecretStorageCallbacksMissingError, createSecretStorageCallbacks, hasSecretStorageCallbacks, withSecretStorageKey } from './secret-storage-keys.js';

const info = {} as never;
const fakeClient = (cryptoCallbacks: object) => ({ cryptoCallbacks }) as unknown as MatrixClient;

describe('secret-storage key cache', () => {
  it('answers only while withSecretStorageKey runs, then wipes', async () => {
    const cb = createSecretStorageCallbacks();
    const client = fakeClient(cb);
    const key = new Uint8Array([1, 2, 3]);
    expect(await cb.getSecretStorageKey({ keys: { K: info } }, 'm.cross_signing.master')).to.equal(null);
    const inside = await withSecretStorageKey(client, 'K', key, () => cb.getSecretStorageKey({ keys: { K: info } }, 'x'));
    expect(inside![0]).to.equal('K');
    expect([...inside![1]]).to.deep.equal([1, 2, 3]);
    expect(await withSecretStorageKey(client, 'K', key, () => cb.getSecretStorageKey({ keys: { other: info } }, 'x'))).to.equal(null);
    expect(await cb.getSecretStorageKey({ keys: { K: info } }, 'x')).to.equal(null);
    expect([...key]).to.deep.equal([1, 2, 3], "the caller's array is not touched");
  });

  it('learns the id of a key created inside the scope (bootstrap calls cacheSecretStorageKey)', async () => {
    const cb = createSecretStorageCallbacks();
    const key = new Uint8Array([9, 9]);
    const got = await withSecretStorageKey(fakeClient(cb), null, key, async () => {
      cb.cacheSecretStorageKey('new', info, new Uint8Array([9, 9]));
      cb.cacheSecretStorageKey('foreign', info, new Uint8Array([7]));
      return [await cb.getSecretStorageKey({ keys: { new: info } }, 'x'), await cb.getSecretStorageKey({ keys: { foreign: info } }, 'x')];
    });
    expect(got[0]![0]).to.equal('new');
    expect(got[1]).to.equal(null, 'keys outside a scope are not remembered');
  });

  it('wipes after a failure too, works with spread callbacks, asks the fallback otherwise', async () => {
    const asked: string[] = [];
    const cb = createSecretStorageCallbacks(async (_keys, name) => (asked.push(name), null));
    const spread = fakeClient({ ...cb, onSecretRequested: () => undefined });
    expect(hasSecretStorageCallbacks(spread)).to.equal(true);
    await withSecretStorageKey(spread, 'K', new Uint8Array([5]), async () => { throw new Error('boom'); }).catch(() => undefined);
    expect(await cb.getSecretStorageKey({ keys: { K: info } }, 'm.megolm_backup.v1')).to.equal(null);
    expect(asked).to.deep.equal(['m.megolm_backup.v1']);
  });

  it('refuses a client without the kit callbacks', async () => {
    let err: unknown;
    await withSecretStorageKey(fakeClient({}), 'K', new Uint8Array([1]), async () => 1).catch((e: unknown) => (err = e));
    expect(err).to.be.instanceOf(SecretStorageCallbacksMissingError);
  });
});
