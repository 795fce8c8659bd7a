import { expect } from '@open-wc/testing';
import type { MatrixClient } from 'matrix-js-sdk';
import { classifyKey, secretStorageKeys } from './key-storage.js';

const AES = 'm.secret_storage.v1.aes-hmac-sha2';

/** Account data as synced, and a MAC check that accepts the key whose first byte names the key id's digit. */
function fakeClient(data: Record<string, object>): MatrixClient {
  const ev = (c: object) => ({ getContent: () => c });
  const accountData = new Map(Object.entries(data).map(([k, v]) => [k, ev(v)]));
  return {
    store: { accountData },
    getAccountData: (type: string) => accountData.get(type),
    secretStorage: {
      checkKey: async (raw: Uint8Array, info: { mac?: string }) => info.mac === `mac${raw[0]}`,
    },
  } as unknown as MatrixClient;
}

const key = (n: number) => new Uint8Array(32).fill(n);

describe('key check (classifyKey)', () => {
  const client = fakeClient({
    'm.secret_storage.default_key': { key: 'new' },
    'm.secret_storage.key.old': { algorithm: AES, iv: 'i', mac: 'mac1' },
    'm.secret_storage.key.new': { algorithm: AES, iv: 'i', mac: 'mac2' },
    'm.secret_storage.key.gone': {},
    'm.secret_storage.key.nomac': { algorithm: AES },
    'm.secret_storage.key.other': { algorithm: 'org.example.unknown', mac: 'mac3' },
  });

  it('lists the usable key descriptions, the default one first', () => {
    expect(secretStorageKeys(client).map((k) => [k.keyId, k.isDefault])).to.deep.equal([['new', true], ['old', false], ['nomac', false]]);
  });

  it('current, old (before the last change) or unknown; a description without a MAC proves nothing', async () => {
    expect(await classifyKey(client, key(2))).to.equal('current');
    expect(await classifyKey(client, key(1))).to.equal('old');
    expect(await classifyKey(client, key(3)), 'an algorithm the kit cannot check').to.equal('unknown');
    expect(await classifyKey(client, key(9))).to.equal('unknown');
  });

  it('no secret storage: every key is unknown', async () => {
    expect(await classifyKey(fakeClient({}), key(2))).to.equal('unknown');
  });
});
