// Proof that the test bed is real: a real Synapse, two real rust-crypto clients of one user,
// cross-signing bootstrapped on one, the other verified by SAS through the SDK.
import { expect } from '@open-wc/testing';
import { VerificationPhase } from 'matrix-js-sdk/lib/crypto-api/index.js';
import { createTestClient, keyHolder, passwordAuth, stopAllClients, waitForOwnDevice } from '../support/clients.js';
import { userWithDevices } from '../support/homeserver.js';
import { completeSas, sendVerificationRequest } from '../support/sas.js';
import { waitFor } from '../support/wait.js';

describe('test bed (real Synapse, real rust crypto)', () => {
  afterEach(stopAllClients);

  it('bootstraps cross-signing on one device and verifies the second by SAS', async () => {

    const [a, b] = await userWithDevices(2, 'bed');
    const holderA = keyHolder();
    const clientA = await createTestClient(a, { cryptoCallbacks: holderA.callbacks });
    const clientB = await createTestClient(b);
    const cryptoA = clientA.getCrypto()!;
    const cryptoB = clientB.getCrypto()!;

    expect(await cryptoA.userHasCrossSigningKeys(undefined, true)).to.equal(false);
    await cryptoA.bootstrapCrossSigning({ authUploadDeviceSigningKeys: passwordAuth(a.userId, a.password) });
    const recoveryKey = await cryptoA.createRecoveryKeyFromPassphrase();
    await cryptoA.bootstrapSecretStorage({
      createSecretStorageKey: async () => recoveryKey,
      setupNewSecretStorage: true,
      setupNewKeyBackup: true,
    });
    expect(await cryptoA.isCrossSigningReady()).to.equal(true);
    expect(await cryptoA.isSecretStorageReady()).to.equal(true);


    // B learns about the new identity; A learns about B.
    await waitFor('B sees the cross-signing identity', () => cryptoB.userHasCrossSigningKeys(undefined, true));
    await waitForOwnDevice(clientA, b.deviceId);
    expect((await cryptoA.getDeviceVerificationStatus(a.userId, b.deviceId))?.crossSigningVerified).to.equal(false);

    const { sent: requestA, received: requestB } = await sendVerificationRequest(clientB, () => cryptoA.requestDeviceVerification(a.userId, b.deviceId));
    expect(requestB.isSelfVerification).to.equal(true);
    // A and B each confirm the emoji they were shown; both must have been shown the same seven.
    const emoji = await completeSas(requestA, requestB);
    expect(emoji.requester).to.have.length(7);
    expect(emoji.requester).to.deep.equal(emoji.responder);
    await waitFor('both done', () => requestA.phase === VerificationPhase.Done && requestB.phase === VerificationPhase.Done);

    await waitFor('B cross-signed (seen by A)', async () =>
      (await cryptoA.getDeviceVerificationStatus(a.userId, b.deviceId))?.crossSigningVerified);
    await waitFor('B cross-signed (seen by B)', async () =>
      (await cryptoB.getDeviceVerificationStatus(b.userId, b.deviceId))?.crossSigningVerified);
    // The secrets follow within moments.
    await waitFor('B received the cross-signing private keys', async () => {
      const s = await cryptoB.getCrossSigningStatus();
      return s.privateKeysCachedLocally.masterKey && s.privateKeysCachedLocally.selfSigningKey && s.privateKeysCachedLocally.userSigningKey;
    });

    // Timings are printed by npm test from the runner's per-test durations.
  });
});
