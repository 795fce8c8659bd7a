import { expect } from '@open-wc/testing';
import type { OwnStatusSnapshot } from '../sdk/status.js';
import { Coalescer, StatusWarnings, deriveOwnView, deriveUserView, groupKey, missingParts } from './status.js';

function snap(over: Partial<{ [K in keyof OwnStatusSnapshot]: Partial<OwnStatusSnapshot[K]> | OwnStatusSnapshot[K] }> = {}): OwnStatusSnapshot {
  const base: OwnStatusSnapshot = {
    userId: '@me:x',
    sync: 'syncing',
    crossSigning: { published: true, trusted: true, masterKey: 'M1', cached: { master: true, selfSigning: true, userSigning: true }, inSecretStorage: true },
    secretStorage: { ready: true, defaultKeyId: 'k1', backupKeyStored: true },
    backup: { version: '1', algorithm: 'a', trusted: true, matchesDecryptionKey: true, active: true, decryptionKeyCached: true },
    backupFailure: null,
    identityFailure: null,
    keysToUpload: 0,
    device: { deviceId: 'D', ed25519: 'E', crossSigningVerified: true },
  };
  const out = { ...base } as Record<string, unknown>;
  for (const [k, v] of Object.entries(over)) {
    const b = (base as unknown as Record<string, unknown>)[k];
    out[k] = v && typeof v === 'object' && b && typeof b === 'object' ? { ...b, ...v } : v;
  }
  return out as unknown as OwnStatusSnapshot;
}

const view = (s: OwnStatusSnapshot | null, failure: null | { kind: 'network' } = null) =>
  deriveOwnView({ hasClient: true, hasCrypto: true, snapshot: s, failure });

describe('status derivation', () => {
  it('no client, no crypto, checking and error come before any snapshot', () => {
    expect(deriveOwnView({ hasClient: false, hasCrypto: false, snapshot: null, failure: null }).state).to.equal('no-client');
    expect(deriveOwnView({ hasClient: true, hasCrypto: false, snapshot: null, failure: null }).state).to.equal('crypto-off');
    expect(view(null).state).to.equal('checking');
    expect(view(null).primary).to.equal(null);
    const err = view(null, { kind: 'network' });
    expect(err.state).to.equal('error');
    expect(err.primary).to.deep.equal({ kind: 'retry' });
  });

  it('a stale snapshot stays shown when a later read fails', () => {
    expect(view(snap(), { kind: 'network' }).state).to.equal('ready');
  });

  it('not-set-up without a published identity, whatever else', () => {
    const v = view(snap({ crossSigning: { published: false }, device: { crossSigningVerified: false } }));
    expect(v.state).to.equal('not-set-up');
    expect(v.primary).to.deep.equal({ kind: 'setup', reason: 'not-set-up' });
    expect(v.offerReset).to.equal(false);
  });

  it('no identity known and the server could not be asked: error with retry, never "not set up"', () => {
    const v = view(snap({ crossSigning: { published: false }, identityFailure: { kind: 'network' } }));
    expect(v.state).to.equal('error');
    expect(v.primary).to.deep.equal({ kind: 'retry' });
    expect(v.failure?.kind).to.equal('network');
    // With the identity known locally, a failed check changes nothing.
    expect(view(snap({ identityFailure: { kind: 'network' } })).state).to.equal('ready');
  });

  it('unverified when this session is not cross-signed, with verify and a reset way out', () => {
    const v = view(snap({ device: { crossSigningVerified: false }, backup: null }));
    expect(v.state).to.equal('unverified');
    expect(v.primary).to.deep.equal({ kind: 'verify', reason: 'unverified' });
    expect(v.offerReset).to.equal(true);
  });

  it('keys-missing when private keys are not here: verify to get them back', () => {
    const v = view(snap({ crossSigning: { cached: { master: false, selfSigning: true, userSigning: true } } }));
    expect(v.state).to.equal('keys-missing');
    expect(v.missing).to.deep.equal(['private-keys']);
    expect(v.primary).to.deep.equal({ kind: 'verify', reason: 'keys-missing' });
    expect(v.offerReset).to.equal(true);
  });

  it('keys-missing when secret storage lacks the keys: set up storage (no reset offered)', () => {
    for (const s of [snap({ secretStorage: { ready: false } }), snap({ crossSigning: { inSecretStorage: false } }), snap({ secretStorage: { ready: false, defaultKeyId: null } })]) {
      const v = view(s);
      expect(v.state).to.equal('keys-missing');
      expect(v.missing).to.deep.equal(['secret-storage']);
      expect(v.primary).to.deep.equal({ kind: 'setup', reason: 'secret-storage' });
      expect(v.offerReset).to.equal(false);
    }
  });

  it('keys-missing when a trusted backup exists but its key is not here', () => {
    const v = view(snap({ backup: { decryptionKeyCached: false } }));
    expect(v.state).to.equal('keys-missing');
    expect(v.missing).to.deep.equal(['backup-key']);
    expect(v.primary).to.deep.equal({ kind: 'verify', reason: 'keys-missing' });
  });

  it('an untrusted backup without our key is not "missing a key" but no-backup (untrusted)', () => {
    const s = snap({ backup: { trusted: false, matchesDecryptionKey: false, decryptionKeyCached: false, active: false } });
    expect(missingParts(s)).to.deep.equal([]);
    const v = view(s);
    expect(v.state).to.equal('no-backup');
    expect(v.primary).to.deep.equal({ kind: 'backup', reason: 'untrusted' });
  });

  it('no-backup when the server has none; retry when the backup endpoint failed', () => {
    expect(view(snap({ backup: null })).primary).to.deep.equal({ kind: 'backup', reason: 'missing' });
    const failed = view(snap({ backup: null, backupFailure: { kind: 'server', httpStatus: 502 } }));
    expect(failed.state).to.equal('no-backup');
    expect(failed.primary).to.deep.equal({ kind: 'retry' });
    expect(failed.failure?.httpStatus).to.equal(502);
  });

  it('a backup trusted only because our key matches it counts as ready', () => {
    expect(view(snap({ backup: { trusted: false, matchesDecryptionKey: true } })).state).to.equal('ready');
  });

  it('ready when everything is in place', () => {
    const v = view(snap());
    expect(v.state).to.equal('ready');
    expect(v.primary).to.equal(null);
    expect(v.missing).to.deep.equal([]);
  });

  it('receiving keys after a verification: neither "not verified" nor "out of sync" nor "not backed up" while waiting', () => {
    const waiting = (sn: OwnStatusSnapshot) => deriveOwnView({ hasClient: true, hasCrypto: true, snapshot: sn, failure: null, receivingKeys: 'waiting' });
    const noKeys = { cached: { master: false, selfSigning: false, userSigning: false } };
    for (const sn of [
      snap({ device: { crossSigningVerified: false }, crossSigning: noKeys }),
      snap({ crossSigning: noKeys }),
      snap({ backup: { decryptionKeyCached: false } }),
      snap({ backup: { trusted: false, matchesDecryptionKey: false, decryptionKeyCached: false } }),
    ]) {
      const v = waiting(sn);
      expect(v.state).to.equal('receiving-keys');
      expect(v.primary).to.equal(null);
      expect(v.offerReset).to.equal(false);
    }
    // Timed out: what is missing is shown as it is, with the way to get it.
    const late = deriveOwnView({ hasClient: true, hasCrypto: true, snapshot: snap({ backup: { decryptionKeyCached: false } }), failure: null, receivingKeys: 'timed-out' });
    expect(late.state).to.equal('keys-missing');
    expect(late.missing).to.deep.equal(['backup-key']);
    expect(late.keysTimedOut).to.equal(true);
    expect(late.primary).to.deep.equal({ kind: 'verify', reason: 'keys-missing' });
    // Without the flag nothing changes.
    expect(view(snap({ backup: { decryptionKeyCached: false } })).keysTimedOut).to.equal(undefined);
  });

  it('several missing parts are all listed', () => {
    const v = view(snap({ crossSigning: { cached: { master: false, selfSigning: false, userSigning: false }, inSecretStorage: false }, backup: { decryptionKeyCached: false } }));
    expect(v.missing).to.deep.equal(['private-keys', 'secret-storage', 'backup-key']);
    expect(v.primary?.kind).to.equal('verify');
  });
});

describe('StatusWarnings', () => {
  it('a first setup raises nothing; replacing the default key, backup or identity does', () => {
    const w = new StatusWarnings();
    w.observe(snap({ secretStorage: { defaultKeyId: null }, backup: null, crossSigning: { masterKey: null } }));
    w.observe(snap());
    expect(w.list(snap())).to.deep.equal([]);
    w.observe(snap({ secretStorage: { defaultKeyId: 'k2' } }));
    expect(w.list(null).map((x) => x.code)).to.deep.equal(['recovery-changed']);
    w.observe(snap({ secretStorage: { defaultKeyId: 'k2' }, backup: { version: '2' } }));
    w.observe(snap({ secretStorage: { defaultKeyId: 'k2' }, backup: { version: '2' }, crossSigning: { masterKey: 'M2' } }));
    expect(w.list(null).map((x) => x.code)).to.deep.equal(['recovery-changed', 'backup-changed', 'identity-changed']);
    expect(w.list(null).every((x) => x.dismissible)).to.equal(true);
  });

  it('changes this session made (its change mark moved, or a change is running) raise nothing; later ones elsewhere do', () => {
    const w = new StatusWarnings();
    w.observe(snap({ ownChangeMark: 0 }));
    // Read during the reset (odd mark): the new key is there, the identity not yet.
    w.observe(snap({ ownChangeMark: 1, secretStorage: { defaultKeyId: 'k2' } }));
    w.observe(snap({ ownChangeMark: 1, secretStorage: { defaultKeyId: 'k2' }, backup: { version: '2' } }));
    // Read after it ended.
    w.observe(snap({ ownChangeMark: 2, secretStorage: { defaultKeyId: 'k2' }, backup: { version: '2' }, crossSigning: { masterKey: 'M2' } }));
    expect(w.list(null)).to.deep.equal([]);
    // Then someone else replaces the identity.
    w.observe(snap({ ownChangeMark: 2, secretStorage: { defaultKeyId: 'k2' }, backup: { version: '2' }, crossSigning: { masterKey: 'M3' } }));
    expect(w.list(null).map((x) => x.code)).to.deep.equal(['identity-changed']);
  });

  it('dismissed warnings go; they come back only on a new change', () => {
    const w = new StatusWarnings();
    w.observe(snap());
    w.observe(snap({ backup: { version: '2' } }));
    w.dismiss('backup-changed');
    expect(w.list(null)).to.deep.equal([]);
    w.observe(snap({ backup: { version: '2' } }));
    expect(w.list(null)).to.deep.equal([]);
    w.observe(snap({ backup: { version: '3' } }));
    expect(w.list(null).map((x) => x.code)).to.deep.equal(['backup-changed']);
  });

  it('a deleted then re-created backup is not a "replaced" warning; a failed read does not forget the version', () => {
    const w = new StatusWarnings();
    w.observe(snap());
    w.observe(snap({ backup: null }));
    w.observe(snap({ backup: { version: '2' } }));
    expect(w.list(null)).to.deep.equal([]);
    w.observe(snap({ backup: null, backupFailure: { kind: 'network' } }));
    w.observe(snap({ backup: { version: '2' } }));
    expect(w.list(null)).to.deep.equal([]);
  });

  it('condition warnings follow the snapshot: offline, not syncing, backup unreachable', () => {
    const w = new StatusWarnings();
    expect(w.list(snap({ sync: 'error' })).map((x) => [x.code, x.dismissible])).to.deep.equal([['offline', false]]);
    expect(w.list(snap({ sync: 'not-started' })).map((x) => x.code)).to.deep.equal(['not-syncing']);
    expect(w.list(snap({ sync: 'stopped' })).map((x) => x.code)).to.deep.equal(['not-syncing']);
    const f = w.list(snap({ backupFailure: { kind: 'rate-limited', retryAfterMs: 2000 } }));
    expect(f.map((x) => x.code)).to.deep.equal(['backup-unreachable']);
    expect(f[0].failure?.kind).to.equal('rate-limited');
  });
});

describe('user trust derivation', () => {
  const u = (o: Partial<{ known: boolean; verified: boolean; wasVerified: boolean; needsApproval: boolean }>) => ({
    userId: '@bob:x', known: true, verified: false, wasVerified: false, needsApproval: false, masterKey: 'B', ...o,
  });
  it('maps each trust situation to a state and its actions', () => {
    expect(deriveUserView(null, null)).to.deep.equal({ state: 'checking', actions: [] });
    expect(deriveUserView(null, { kind: 'network' })).to.deep.equal({ state: 'error', actions: ['retry'] });
    expect(deriveUserView(u({ known: false }), null)).to.deep.equal({ state: 'unknown', actions: [] });
    expect(deriveUserView(u({ verified: true, wasVerified: true }), null)).to.deep.equal({ state: 'verified', actions: [] });
    expect(deriveUserView(u({ wasVerified: true, needsApproval: true }), null)).to.deep.equal({ state: 'was-verified', actions: ['verify-again', 'withdraw'] });
    expect(deriveUserView(u({ needsApproval: true }), null)).to.deep.equal({ state: 'identity-changed', actions: ['acknowledge', 'verify'] });
    expect(deriveUserView(u({}), null)).to.deep.equal({ state: 'not-verified', actions: ['verify'] });
  });
});

describe('groupKey', () => {
  it('groups in fours for reading aloud', () => {
    expect(groupKey('abcdefghij')).to.equal('abcd efgh ij');
    expect(groupKey('ab cd')).to.equal('abcd');
    expect(groupKey(null)).to.equal('');
  });
});

describe('Coalescer', () => {
  it('runs once for a burst, never overlaps, re-runs once for changes during a run, keeps refresh', async () => {
    const frames: (() => void)[] = [];
    const runs: boolean[] = [];
    let release!: () => void;
    let active = 0;
    let maxActive = 0;
    const c = new Coalescer(async (refresh) => {
      runs.push(refresh);
      active++;
      maxActive = Math.max(maxActive, active);
      await new Promise<void>((r) => (release = r));
      active--;
    }, (cb) => frames.push(cb));
    for (let i = 0; i < 20; i++) c.request(i === 5);
    expect(frames.length).to.equal(1);
    frames.shift()!();
    expect(runs).to.deep.equal([true]);
    c.request();
    c.request();
    release();
    await Promise.resolve();
    await Promise.resolve();
    expect(frames.length).to.equal(1);
    frames.shift()!();
    expect(runs).to.deep.equal([true, false]);
    release();
    await Promise.resolve();
    expect(maxActive).to.equal(1);
    c.dispose();
    c.request();
    expect(frames.length).to.equal(0);
  });
});
