// After an emoji verification through the elements, the new session waits for the keys from the other
// session, restores the history from the key backup (progress, then "N keys restored") and decrypts a
// message sent before it existed. Against the real Synapse.
import { expect, fixture, html } from '@open-wc/testing';
import { MatrixEvent, type MatrixClient } from 'matrix-js-sdk';
import '../../src/define/xs-verify-login.js';
import type { XsVerifyLogin } from '../../src/components/verify-login/verify-login.js';
import { createSecretStorageCallbacks } from '../../src/sdk/secret-storage-keys.js';
import { createTestClient, keyHolder, passwordAuth, stopAllClients, waitForOwnDevice } from '../support/clients.js';
import { loginDevice, registerUser } from '../support/homeserver.js';
import { waitFor } from '../support/wait.js';
import { answerNextRequest, press, root, stageIs } from '../support/verify-ui.js';

async function backedUpKeys(client: MatrixClient): Promise<number> {
  const version = await client.getCrypto()!.getActiveSessionBackupVersion();
  if (!version) return 0;
  const r = (await client.http.authedRequest('GET' as never, '/room_keys/keys', { version })) as { rooms?: Record<string, { sessions?: object }> };
  return Object.values(r.rooms ?? {}).reduce((n, room) => n + Object.keys(room.sessions ?? {}).length, 0);
}

describe('<xs-verify-login>: history after verification (Synapse)', () => {
  afterEach(stopAllClients);

  it('after an emoji verification the new session restores the backup and reads a message sent before it existed', async () => {
    const a = await registerUser('restore');
    const clientA = await createTestClient(a, { cryptoCallbacks: keyHolder().callbacks });
    const cryptoA = clientA.getCrypto()!;
    await cryptoA.bootstrapCrossSigning({ authUploadDeviceSigningKeys: passwordAuth(a.userId, a.password) });
    const key = await cryptoA.createRecoveryKeyFromPassphrase();
    await cryptoA.bootstrapSecretStorage({ createSecretStorageKey: async () => key, setupNewSecretStorage: true, setupNewKeyBackup: true });
    const { room_id: roomId } = await clientA.createRoom({
      initial_state: [{ type: 'm.room.encryption', state_key: '', content: { algorithm: 'm.megolm.v1.aes-sha2' } }],
    });
    await waitFor('A has the encrypted room', async () => clientA.getRoom(roomId) && (await cryptoA.isEncryptionEnabledInRoom(roomId)));
    const text = `before B existed ${crypto.randomUUID()}`;
    const { event_id: eventId } = await clientA.sendTextMessage(roomId, text);
    await waitFor('the room key is in the backup', async () => (await backedUpKeys(clientA)) >= 1, { timeoutMs: 30_000, intervalMs: 500 });

    const b = await loginDevice(a, 'Device B');
    const clientB = await createTestClient(b, { cryptoCallbacks: createSecretStorageCallbacks() });
    await waitFor('B sees the identity', () => clientB.getCrypto()!.userHasCrossSigningKeys(undefined, true));
    await waitForOwnDevice(clientA, b.deviceId);
    await waitForOwnDevice(clientB, a.deviceId);
    const eventOnB = await waitFor('B has the old event', async () => {
      const ev = await clientB.fetchRoomEvent(roomId, eventId).catch(() => undefined);
      return ev;
    });
    expect(eventOnB.type).to.equal('m.room.encrypted');
    const decryptOnB = async () => {
      const ev = new MatrixEvent(eventOnB);
      await clientB.decryptEventIfNeeded(ev);
      return ev.isDecryptionFailure() ? undefined : (ev.getContent().body as string | undefined);
    };
    expect(await decryptOnB(), 'B cannot read it yet').to.equal(undefined);

    const newSide = await fixture<XsVerifyLogin>(html`<xs-verify-login .client=${clientB}></xs-verify-login>`);
    const answering = answerNextRequest(clientA);
    await press(newSide, 'Verify with another session');
    const { el: oldSide } = await answering;
    await press(oldSide, 'Accept');
    await stageIs(newSide, 'Choose how to verify');
    await press(newSide, 'Compare emoji');
    await stageIs(newSide, 'Compare the emoji');
    await stageIs(oldSide, 'Compare the emoji');
    await press(oldSide, 'They match');
    await press(newSide, 'They match');
    await stageIs(newSide, 'Verified');
    const restore = () => root(newSide).querySelector('[part=restore]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
    await waitFor(`history restored (now "${restore()}")`, () => /\b1 key restored/.test(restore()), { timeoutMs: 40_000 });
    await expect(newSide).to.be.accessible();
    expect(await waitFor('B reads the old message', decryptOnB, { timeoutMs: 10_000 })).to.equal(text);
  });
});
