import { expect } from '@open-wc/testing';
import type { MatrixClient } from 'matrix-js-sdk';
import { DehydrationIncompleteError, refreshDehydration } from './dehydration-refresh.js';

interface Server {
  /** The dehydrated device's id, null for none, or 'unsupported' (the server lacks MSC3814). */
  device: string | null;
  defaultKey: string;
  secretUnder: string[];
}

/** A client on a fake server; `startDehydration` applies `upload` to it (what the SDK's requests would have done). */
function clientOn(server: Server, upload: (s: Server) => void) {
  const calls: string[] = [];
  const client = {
    getSafeUserId: () => '@me:example.org',
    http: {
      authedRequest: async (method: string, path: string) => {
        calls.push(`${method} ${path}`);
        if (path === '/dehydrated_device') {
          if (server.device === 'unsupported') throw Object.assign(new Error('unrecognized'), { errcode: 'M_UNRECOGNIZED' });
          if (server.device === null) throw Object.assign(new Error('none'), { errcode: 'M_NOT_FOUND', httpStatus: 404 });
          return { device_id: server.device };
        }
        if (path.endsWith('/m.secret_storage.default_key')) return { key: server.defaultKey };
        if (path.endsWith('/org.matrix.msc3814')) return { encrypted: Object.fromEntries(server.secretUnder.map((k) => [k, {}])) };
        throw new Error(`unexpected ${path}`);
      },
    },
    getCrypto: () => ({
      startDehydration: async (opts: object) => {
        calls.push(`startDehydration ${JSON.stringify(opts)}`);
        upload(server);
      },
    }),
  };
  return { client: client as unknown as MatrixClient, calls };
}

const rejection = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e);

describe('refreshDehydration (read back from the server)', () => {
  it('resolves with the new device when the server holds it and its key under the default key', async () => {
    const { client, calls } = clientOn({ device: 'OLD', defaultKey: 'k2', secretUnder: ['k1'] }, (s) => {
      s.device = 'NEW';
      s.secretUnder = ['k2'];
    });
    expect(await refreshDehydration(client)).to.equal('NEW');
    expect(calls[1]).to.equal('startDehydration {"createNewKey":true,"rehydrate":false}');
  });

  it('no dehydration on the server: undefined, nothing made', async () => {
    const { client, calls } = clientOn({ device: 'unsupported', defaultKey: 'k', secretUnder: [] }, () => {});
    expect(await refreshDehydration(client)).to.equal(undefined);
    expect(calls.some((c) => c.startsWith('startDehydration'))).to.equal(false);
  });

  it('rejects when the server does not hold what was claimed', async () => {
    // The old device is still there (the upload did not land).
    const same = clientOn({ device: 'OLD', defaultKey: 'k2', secretUnder: ['k2'] }, () => {});
    expect(await rejection(refreshDehydration(same.client))).to.be.instanceOf(DehydrationIncompleteError);
    // No device at all.
    const none = clientOn({ device: null, defaultKey: 'k2', secretUnder: ['k2'] }, () => {});
    expect(await rejection(refreshDehydration(none.client))).to.be.instanceOf(DehydrationIncompleteError);
    // A new device, but its key is not under the default key (only under the old one).
    const keyless = clientOn({ device: 'OLD', defaultKey: 'k2', secretUnder: ['k1'] }, (s) => (s.device = 'NEW'));
    expect(await rejection(refreshDehydration(keyless.client))).to.be.instanceOf(DehydrationIncompleteError);
  });
});
