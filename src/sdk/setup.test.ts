import { expect } from '@open-wc/testing';
import { sameRecoveryKey } from './setup-commit.js';
import { situationOf, type SetupSnapshot } from './setup.js';

const complete: SetupSnapshot = {
  identityOnServer: true, keysCachedLocally: true, sessionVerified: true, defaultKeyId: 'k', defaultKeyUsable: true,
  crossSigningStored: true, backupVersion: '1', backupTrusted: true, backupKeyCached: true, backupKeyStored: true,
};

describe('setup adapter helpers', () => {
  it('classifies the account', () => {
    expect(situationOf(complete)).to.equal('complete');
    expect(situationOf({ ...complete, identityOnServer: false, keysCachedLocally: false })).to.equal('not-set-up');
    expect(situationOf({ ...complete, keysCachedLocally: false })).to.equal('keys-missing');
    expect(situationOf({ ...complete, defaultKeyId: null, defaultKeyUsable: false })).to.equal('incomplete');
    expect(situationOf({ ...complete, backupKeyStored: false })).to.equal('incomplete');
  });

  it('calls any one missing piece incomplete (what a commit\'s read-back would call a gap)', () => {
    const pieces = ['defaultKeyId', 'defaultKeyUsable', 'crossSigningStored', 'backupVersion', 'backupTrusted', 'backupKeyCached', 'backupKeyStored'] as const;
    for (const p of pieces) expect(situationOf({ ...complete, [p]: p === 'defaultKeyId' || p === 'backupVersion' ? null : false }), p).to.equal('incomplete');
    expect(situationOf({ ...complete, sessionVerified: false }), 'not a piece of the set-up').to.equal('complete');
  });

  it('compares typed keys ignoring whitespace only', () => {
    expect(sameRecoveryKey('EsTa bcde fg', 'EsTabcdefg')).to.equal(true);
    expect(sameRecoveryKey(' EsTa\nbcde\tfg ', 'EsTa bcde fg')).to.equal(true);
    expect(sameRecoveryKey('esta bcde fg', 'EsTa bcde fg')).to.equal(false);
    expect(sameRecoveryKey('', '')).to.equal(false);
    expect(sameRecoveryKey('EsTa bcde f', 'EsTa bcde fg')).to.equal(false);
  });
});
