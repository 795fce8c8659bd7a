// Proof that the test bed is real: a real Synapse, two real rust-crypto clients of one user,
// cross-signing bootstrapped on one, the other verified by SAS through the SDK.
import { expect } from '@open-wc/testing';
import { VerificationPhase, VerifierEvent, type ShowSasCallbacks, type VerificationRequest } from 'matrix-js-sdk/lib/crypto-api/index.js';
import { CryptoEvent } from 'matrix-js-sdk/lib/crypto-api/CryptoEvent.js';
import { createTestClient, keyHolder, passwordAuth, stopAllClients, waitForOwnDevice } from '../support/clients.js';
import { userWithDevices } from '../support/homeserver.js';
import { nextEmit, waitFor } from '../support/wait.js';

/** Drives one side of a SAS verification: waits for the emoji, checks they match the other side's, confirms. */
async function confirmSas(request: VerificationRequest, seen: (emoji: string[]) => void): Promise<void> {
  await waitFor('verifier', () => request.phase === VerificationPhase.Started && request.verifier, { timeoutMs: 20_000 });
  const verifier = request.verifier!;
  const done = verifier.verify();
  const sas: ShowSasCallbacks =
    verifier.getShowSasCallbacks() ?? (await nextEmit<[ShowSasCallbacks]>(verifier as never, VerifierEvent.ShowSas))[0];
  seen(sas.sas.emoji!.map(([, name]) => name));
  await sas.confirm();
  await done;
}

describe('test bed (real Synapse, real rust crypto)', () => {
  afterEach(stopAllClients);

  it('bootstraps cross-signing on one device and verifies the second by SAS', async () => {

    const [a, b] = await userWithDevices(2, 'bed');
    const holderA = keyHolder();
    const clientA = await createTestClient(a!, { cryptoCallbacks: holderA.callbacks });
    const clientB = await createTestClient(b!);
    const cryptoA = clientA.getCrypto()!;
    const cryptoB = clientB.getCrypto()!;

    expect(await cryptoA.userHasCrossSigningKeys(undefined, true)).to.equal(false);
    await cryptoA.bootstrapCrossSigning({ authUploadDeviceSigningKeys: passwordAuth(a!.userId, a!.password) });
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
    await waitForOwnDevice(clientA, b!.deviceId);
    expect((await cryptoA.getDeviceVerificationStatus(a!.userId, b!.deviceId))?.crossSigningVerified).to.equal(false);

    const incoming = nextEmit<[VerificationRequest]>(clientB as never, CryptoEvent.VerificationRequestReceived);
    const requestA = await cryptoA.requestDeviceVerification(a!.userId, b!.deviceId);
    const [requestB] = await incoming;
    expect(requestB.isSelfVerification).to.equal(true);
    await requestB.accept();
    await waitFor('ready', () => requestA.phase === VerificationPhase.Ready);

    let emojiA: string[] = [];
    let emojiB: string[] = [];
    const sideB = confirmSas(requestB, (e) => (emojiB = e));
    await requestA.startVerification('m.sas.v1');
    await Promise.all([confirmSas(requestA, (e) => (emojiA = e)), sideB]);
    expect(emojiA).to.have.length(7);
    expect(emojiA).to.deep.equal(emojiB);
    await waitFor('both done', () => requestA.phase === VerificationPhase.Done && requestB.phase === VerificationPhase.Done);

    await waitFor('B cross-signed (seen by A)', async () =>
      (await cryptoA.getDeviceVerificationStatus(a!.userId, b!.deviceId))?.crossSigningVerified);
    await waitFor('B cross-signed (seen by B)', async () =>
      (await cryptoB.getDeviceVerificationStatus(b!.userId, b!.deviceId))?.crossSigningVerified);
    // The secrets follow within moments.
    await waitFor('B received the cross-signing private keys', async () => {
      const s = await cryptoB.getCrossSigningStatus();
      return s.privateKeysCachedLocally.masterKey && s.privateKeysCachedLocally.selfSigningKey && s.privateKeysCachedLocally.userSigningKey;
    });

    // Timings are printed by npm test from the runner's per-test durations.
  });
});
