import { expect } from '@open-wc/testing';
import { sameRecoveryKey } from './setup-commit.js';
import { gapsOf, situationOf, type SetupSnapshot } from './setup.js';

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

  it('lists what is missing', () => {
    expect(gapsOf(complete)).to.deep.equal([]);
    expect(gapsOf({ ...complete, crossSigningStored: false, backupKeyStored: false })).to.deep.equal(['cross-signing-stored', 'backup-key-stored']);
    expect(gapsOf({ ...complete, defaultKeyId: null, defaultKeyUsable: false, backupVersion: null })).to.deep.equal(['secret-storage', 'backup']);
    expect(gapsOf({ ...complete, keysCachedLocally: false })).to.deep.equal(['cross-signing-keys']);
  });

  it('compares typed keys ignoring whitespace only', () => {
    expect(sameRecoveryKey('EsTa bcde fg', 'EsTabcdefg')).to.equal(true);
    expect(sameRecoveryKey(' EsTa\nbcde\tfg ', 'EsTa bcde fg')).to.equal(true);
    expect(sameRecoveryKey('esta bcde fg', 'EsTa bcde fg')).to.equal(false);
    expect(sameRecoveryKey('', '')).to.equal(false);
    expect(sameRecoveryKey('EsTa bcde f', 'EsTa bcde fg')).to.equal(false);
  });
});
