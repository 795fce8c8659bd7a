import { expect } from '@open-wc/testing';
import type { OwnStatusSnapshot } from '../sdk/status.js';
import { KeyStorageFlow } from './key-storage-flow.js';
import { backupView } from './key-storage.js';

function snap(patch: Partial<OwnStatusSnapshot> = {}): OwnStatusSnapshot {
  return {
    userId: '@me:x',
    sync: 'syncing',
    crossSigning: { published: true, trusted: true, masterKey: 'M', cached: { master: true, selfSigning: true, userSigning: true }, inSecretStorage: true },
    secretStorage: { ready: true, defaultKeyId: 'k1', backupKeyStored: true },
    backup: { version: '3', algorithm: 'a', trusted: true, matchesDecryptionKey: true, active: true, decryptionKeyCached: true },
    backupFailure: null,
    keysToUpload: 0,
    device: { deviceId: 'D', ed25519: 'e', crossSigningVerified: true },
    identityFailure: null,
    ...patch,
  };
}

describe('backupView', () => {
  it('tells on, off, unusable, unknown, not set up and checking apart', () => {
    expect(backupView(null, null).state).to.equal('checking');
    expect(backupView(null, { kind: 'network' }).state).to.equal('unknown');
    expect(backupView(snap(), null)).to.deep.include({ state: 'on', canRestore: true });
    expect(backupView(snap({ backup: null }), null).state).to.equal('off');
    expect(backupView(snap({ backup: null }), null, true)).to.deep.include({ state: 'off', turnedOff: true });
    expect(backupView(snap({ backup: null, backupFailure: { kind: 'server' } }), null).state, 'an outage is not "off"').to.equal('unknown');
    const untrusted = snap().backup!;
    expect(backupView(snap({ backup: { ...untrusted, trusted: false, matchesDecryptionKey: false, decryptionKeyCached: false } }), null).state).to.equal('unusable');
    expect(backupView(snap({ backup: { ...untrusted, decryptionKeyCached: false } }), null)).to.deep.include({ state: 'on', canRestore: false });
    expect(backupView(snap({ secretStorage: { ready: false, defaultKeyId: null, backupKeyStored: false } }), null).state).to.equal('not-set-up');
    expect(backupView(snap({ dehydratedDevice: 'DEHY' }), null).dehydratedDevice).to.equal('DEHY');
  });
});

describe('KeyStorageFlow', () => {
  function port() {
    let calls = 0;
    let fail: Error | undefined;
    let release: (() => void) | undefined;
    return {
      get calls() {
        return calls;
      },
      failNext(e: Error) {
        fail = e;
      },
      hold() {
        return new Promise<void>((r) => (release = r));
      },
      release: () => release?.(),
      turnOff: async () => {
        calls++;
        if (release === undefined && fail) {
          const e = fail;
          fail = undefined;
          throw e;
        }
      },
    };
  }

  it('asks first; Cancel changes nothing and says so', async () => {
    const p = port();
    const flow = new KeyStorageFlow(p);
    flow.askOff();
    expect(flow.stage.kind).to.equal('confirm-off');
    flow.cancel();
    expect(flow.stage).to.deep.equal({ kind: 'overview', note: 'cancelled' });
    expect(p.calls).to.equal(0);
    await flow.confirmOff();
    expect(p.calls, 'no commit without the consent step').to.equal(0);
  });

  it('one commit at a time: a double click joins the running one', async () => {
    let resolve!: () => void;
    let calls = 0;
    const flow = new KeyStorageFlow({ turnOff: () => (calls++, new Promise<void>((r) => (resolve = r))) });
    flow.askOff();
    const a = flow.confirmOff();
    const b = flow.confirmOff();
    expect(flow.stage.kind).to.equal('turning-off');
    flow.back();
    expect(flow.stage.kind, 'no way back while it runs').to.equal('turning-off');
    resolve();
    await Promise.all([a, b]);
    expect(calls).to.equal(1);
    expect(flow.stage.kind).to.equal('off-done');
  });

  it('a failure says why and Try again commits again (no second consent needed)', async () => {
    const p = port();
    const flow = new KeyStorageFlow(p);
    p.failNext(Object.assign(new Error('down'), { httpStatus: 503 }));
    flow.askOff();
    await flow.confirmOff();
    expect(flow.stage).to.deep.include({ kind: 'off-failed' });
    expect((flow.stage as { failure: { kind: string } }).failure.kind).to.equal('server');
    await flow.confirmOff();
    expect(flow.stage.kind).to.equal('off-done');
    expect(p.calls).to.equal(2);
  });

  it('turn on, restore and back only start from the overview', () => {
    const flow = new KeyStorageFlow(port());
    flow.turnOn();
    expect(flow.stage.kind).to.equal('turn-on');
    flow.restore();
    expect(flow.stage.kind).to.equal('turn-on');
    flow.cancel();
    expect(flow.stage).to.deep.equal({ kind: 'overview', note: 'cancelled' });
    flow.restore();
    expect(flow.stage.kind).to.equal('restore');
    flow.back();
    expect(flow.stage).to.deep.equal({ kind: 'overview' });
  });
});
