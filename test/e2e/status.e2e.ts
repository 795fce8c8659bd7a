// <xs-status> against the real Synapse, asserted through what the element renders:
// fresh account → not-set-up; bootstrap on A → ready (live); B of the same user → unverified, then ready live
// when A verifies it; backup deleted from A → B shows no-backup live; another user's identity reset → the
// user-id view shows the change and acknowledging (keyboard) clears it.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createClient, type MatrixClient } from 'matrix-js-sdk';
import '../../src/define/xs-status.js';
import type { XsStatus } from '../../src/components/status/status.js';
import { XsIdentityAcceptedEvent } from '../../src/events/xs-identity-accepted.js';
import type { XsRequestSetupEvent } from '../../src/events/xs-request-setup.js';
import { XsStatusChangeEvent } from '../../src/events/xs-status-change.js';
import { createTestClient, keyHolder, passwordAuth, stopAllClients, waitForOwnDevice } from '../support/clients.js';
import { loginDevice, registerUser, type Session } from '../support/homeserver.js';
import { completeSas, sendVerificationRequest, verifyOwnSessionsBySas } from '../support/sas.js';
import { waitFor } from '../support/wait.js';

const HEADLINES: Record<string, string> = {
  'not-set-up': 'Encryption is not set up',
  unverified: 'This session is not verified',
  'keys-missing': 'Your keys are out of sync',
  'no-backup': 'Your messages are not backed up',
  ready: 'Encryption is ready',
};

function shown(el: XsStatus) {
  const root = el.shadowRoot!;
  return {
    headline: root.querySelector('h2')?.textContent?.trim() ?? '',
    text: root.textContent?.replace(/\s+/g, ' ') ?? '',
    status: root.querySelector('[part~="status"]')?.textContent?.trim() ?? '',
    detail: (key: string) => root.querySelector(`[data-detail="${key}"]`)?.textContent?.trim() ?? '',
    button: (label: RegExp) => [...root.querySelectorAll('button')].find((b) => label.test(b.textContent ?? '')),
  };
}

/** Waits until the element renders the headline of `state` (and reports it as its state). */
async function rendersState(el: XsStatus, state: string, timeoutMs = 30_000) {
  const t0 = performance.now();
  await waitFor(`<xs-status> to show "${state}" (now ${el.state}: ${shown(el).headline})`, () => el.state === state && shown(el).headline === HEADLINES[state], { timeoutMs });
  await el.updateComplete;
  return Math.round(performance.now() - t0);
}

async function setUpEncryption(client: MatrixClient, s: Session) {
  const crypto = client.getCrypto()!;
  await crypto.bootstrapCrossSigning({ authUploadDeviceSigningKeys: passwordAuth(s.userId, s.password) });
  await crypto.bootstrapSecretStorage({ createSecretStorageKey: () => crypto.createRecoveryKeyFromPassphrase(), setupNewKeyBackup: true });
}

describe('<xs-status> with Synapse', () => {
  afterEach(stopAllClients);

  it('shows not-set-up on a fresh account, asks the host to set up (keyboard), and turns ready live after bootstrap', async () => {
    const a = await registerUser('status');
    const keys = keyHolder();
    const client = await createTestClient(a, { cryptoCallbacks: keys.callbacks });
    const changes: string[] = [];
    const el = await fixture<XsStatus>(html`<xs-status .client=${client} @xs-status-change=${(e: XsStatusChangeEvent) => changes.push(e.state)}></xs-status>`);
    console.log('[timing] not-set-up shown after', await rendersState(el, 'not-set-up'), 'ms');
    expect(shown(el).status).to.equal('Encryption is not set up');
    await expect(el).to.be.accessible();

    // The one action, by keyboard: Tab to it, Enter. Unhandled by a host → the element explains.
    let asked: XsRequestSetupEvent | undefined;
    el.addEventListener('xs-request-setup', (e) => (asked = e), { once: true });
    shown(el).button(/Set up encryption/)!.focus();
    await sendKeys({ press: 'Enter' });
    expect(asked?.reason).to.equal('not-set-up');
    expect(asked?.cancelable).to.equal(true);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.note[role=status]')?.textContent).to.match(/can’t set up encryption from here/);

    const t0 = performance.now();
    await setUpEncryption(client, a);
    console.log('[timing] bootstrap took', Math.round(performance.now() - t0), 'ms');
    console.log('[timing] ready shown', await rendersState(el, 'ready'), 'ms after bootstrap');
    expect(el.matches(':state(ready)')).to.equal(true);
    expect(el.getAttribute('state')).to.equal('ready');
    expect(changes).to.include('not-set-up');
    expect(changes.at(-1)).to.equal('ready');

    // The details say why, in words.
    el.shadowRoot!.querySelector('summary')!.click();
    await el.updateComplete;
    const d = shown(el);
    expect(d.detail('published')).to.equal('Yes');
    expect(d.detail('trusted')).to.equal('Yes');
    for (const k of ['cached-master', 'cached-self-signing', 'cached-user-signing', 'in-secret-storage', 'secret-storage-ready', 'backup-trusted', 'backup-active', 'backup-key-cached', 'backup-key-stored', 'session-verified'])
      expect(d.detail(k), k).to.equal('Yes');
    const backup = await client.getCrypto()!.getKeyBackupInfo();
    expect(d.detail('backup-version')).to.equal(backup!.version);
    expect(d.detail('backup-algorithm')).to.equal('m.megolm_backup.v1.curve25519-aes-sha2');
    expect(d.detail('default-key')).to.equal(await client.secretStorage.getDefaultKeyId());
    expect(d.detail('device-id')).to.equal(a.deviceId);
    const ed = (await client.getCrypto()!.getOwnDeviceKeys()).ed25519;
    expect(d.detail('fingerprint').replace(/ /g, '')).to.equal(ed);
    expect(d.detail('fingerprint')).to.match(/^(\S{4} )+\S{1,4}$/);
    await expect(el).to.be.accessible();
  });

  it('shows a second session unverified, ready live once the first verifies it, and no-backup live when the backup is deleted elsewhere', async () => {
    const a = await registerUser('status');
    const keysA = keyHolder();
    const clientA = await createTestClient(a, { cryptoCallbacks: keysA.callbacks });
    await setUpEncryption(clientA, a);

    const b = await loginDevice(a, 'Device B');
    const clientB = await createTestClient(b);
    const el = await fixture<XsStatus>(html`<xs-status .client=${clientB} recheck-interval="1000"></xs-status>`);
    console.log('[timing] B unverified shown after', await rendersState(el, 'unverified'), 'ms');
    expect(shown(el).button(/Verify this session/)).to.exist;
    expect(shown(el).button(/Reset your identity/)).to.exist;
    await expect(el).to.be.accessible();

    await waitForOwnDevice(clientA, b.deviceId);
    const t0 = performance.now();
    await verifyOwnSessionsBySas(clientA, clientB);
    console.log('[timing] SAS took', Math.round(performance.now() - t0), 'ms');
    console.log('[timing] B ready shown', await rendersState(el, 'ready'), 'ms after SAS done');
    await expect(el).to.be.accessible();

    // Deleted on A: the server pushes nothing, B's periodic re-check notices.
    const version = (await clientA.getCrypto()!.getKeyBackupInfo())!.version;
    await clientA.getCrypto()!.deleteKeyBackupVersion(version);
    console.log('[timing] B no-backup shown', await rendersState(el, 'no-backup', 15_000), 'ms after delete');
    expect(shown(el).button(/Set up backup/)).to.exist;
    el.shadowRoot!.querySelector('summary')!.click();
    await el.updateComplete;
    expect(shown(el).detail('backup-version')).to.equal('No key backup on the homeserver.');
    await expect(el).to.be.accessible();
  });

  it('shows keys-missing live when secret storage loses the cross-signing keys elsewhere, and asks to fix key storage', async () => {
    const a = await registerUser('status');
    const keys = keyHolder();
    const client = await createTestClient(a, { cryptoCallbacks: keys.callbacks });
    await setUpEncryption(client, a);
    const el = await fixture<XsStatus>(html`<xs-status .client=${client}></xs-status>`);
    await rendersState(el, 'ready');
    // Another client empties the stored master key (what a broken or hostile client could do).
    const other = await createTestClient(await loginDevice(a, 'Other client'), { start: false });
    await other.setAccountData('m.cross_signing.master' as never, {});
    console.log('[timing] keys-missing shown', await rendersState(el, 'keys-missing'), 'ms after the change');
    expect(shown(el).text).to.include('secret storage doesn’t hold them all');
    let asked: XsRequestSetupEvent | undefined;
    el.addEventListener('xs-request-setup', (e) => (asked = e), { once: true });
    shown(el).button(/Fix key storage/)!.focus();
    await sendKeys({ press: 'Enter' });
    expect(asked?.reason).to.equal('secret-storage');
    el.shadowRoot!.querySelector('summary')!.click();
    await el.updateComplete;
    expect(shown(el).detail('in-secret-storage')).to.equal('No');
    expect(shown(el).detail('cached-master')).to.equal('Yes');
    await expect(el).to.be.accessible();

    // Elsewhere, a new secret-storage key becomes the default: "a new Security Key or Phrase was set up".
    const newKey = await other.getCrypto()!.createRecoveryKeyFromPassphrase();
    const { keyId } = await other.secretStorage.addKey('m.secret_storage.v1.aes-hmac-sha2', { key: newKey.privateKey });
    await other.secretStorage.setDefaultKeyId(keyId);
    await waitFor('recovery-changed warning', () => el.shadowRoot!.querySelector('[data-warning=recovery-changed] [role=alert]'));
    expect(el.shadowRoot!.querySelector('[data-warning=recovery-changed]')!.textContent).to.include('new Security Key or Phrase');
    expect(shown(el).detail('default-key')).to.equal(keyId);
    await expect(el).to.be.accessible();
  });

  it("shows another user's identity change and clears it when acknowledged (keyboard)", async () => {
    const alice = await registerUser('alice');
    const bob = await registerUser('bob');
    const aliceClient = await createTestClient(alice);
    const bobClient = await createTestClient(bob);
    await bobClient.getCrypto()!.bootstrapCrossSigning({ authUploadDeviceSigningKeys: passwordAuth(bob.userId, bob.password) });

    // An encrypted room they share makes Alice track Bob's identity.
    const { room_id: roomId } = await bobClient.createRoom({
      invite: [alice.userId],
      initial_state: [{ type: 'm.room.encryption', state_key: '', content: { algorithm: 'm.megolm.v1.aes-sha2' } }],
    });
    await waitFor('invite reaches Alice', () => aliceClient.getRoom(roomId));
    await aliceClient.joinRoom(roomId);

    const el = await fixture<XsStatus>(html`<xs-status .client=${aliceClient} user-id=${bob.userId}></xs-status>`);
    await waitFor(`Bob shown as not verified (now ${el.state})`, () => el.state === 'not-verified', { timeoutMs: 30_000 });
    await el.updateComplete;
    expect(shown(el).status).to.match(/^Not verified/);
    await expect(el).to.be.accessible();

    // Bob resets his identity.
    const bobCrypto = bobClient.getCrypto()!;
    await bobCrypto.userHasCrossSigningKeys(undefined, true);
    await bobCrypto.bootstrapCrossSigning({ setupNewCrossSigning: true, authUploadDeviceSigningKeys: passwordAuth(bob.userId, bob.password) });
    const t0 = performance.now();
    await waitFor(`identity change shown (now ${el.state})`, () => el.state === 'identity-changed', { timeoutMs: 30_000 });
    console.log('[timing] identity change shown', Math.round(performance.now() - t0), 'ms after reset');
    await el.updateComplete;
    expect(shown(el).status).to.match(/Their identity changed/);
    expect(el.matches(':state(identity-changed)')).to.equal(true);
    await expect(el).to.be.accessible();

    const accepted = new Promise<XsIdentityAcceptedEvent>((r) => el.addEventListener('xs-identity-accepted', r, { once: true }));
    shown(el).button(/Acknowledge/)!.focus();
    await sendKeys({ press: 'Enter' });
    const ev = await accepted;
    expect(ev.userId).to.equal(bob.userId);
    expect(ev.action).to.equal('pinned');
    await waitFor(`change cleared (now ${el.state})`, () => el.state === 'not-verified');
    await el.updateComplete;
    expect(shown(el).status).to.match(/^Not verified/);
    expect((await aliceClient.getCrypto()!.getUserVerificationStatus(bob.userId)).needsUserApproval).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('shows a verified user, then "was verified" after their reset; withdrawing the requirement clears it (keyboard)', async () => {
    const alice = await registerUser('alice');
    const bob = await registerUser('bob');
    const aliceClient = await createTestClient(alice);
    const bobClient = await createTestClient(bob);
    await aliceClient.getCrypto()!.bootstrapCrossSigning({ authUploadDeviceSigningKeys: passwordAuth(alice.userId, alice.password) });
    await bobClient.getCrypto()!.bootstrapCrossSigning({ authUploadDeviceSigningKeys: passwordAuth(bob.userId, bob.password) });
    const { room_id: roomId } = await bobClient.createRoom({
      invite: [alice.userId],
      initial_state: [{ type: 'm.room.encryption', state_key: '', content: { algorithm: 'm.megolm.v1.aes-sha2' } }],
    });
    await waitFor('invite reaches Alice', () => aliceClient.getRoom(roomId));
    await aliceClient.joinRoom(roomId);
    const el = await fixture<XsStatus>(html`<xs-status .client=${aliceClient} user-id=${bob.userId}></xs-status>`);
    await waitFor(`Bob known (now ${el.state})`, () => el.state === 'not-verified', { timeoutMs: 30_000 });
    await waitFor('Alice known to Bob', async () => (await bobClient.getCrypto()!.getUserVerificationStatus(alice.userId)).known, { timeoutMs: 30_000 });

    // Alice verifies Bob in the room (SAS; both sides confirmed by the test).
    const { sent, received } = await sendVerificationRequest(bobClient, () => aliceClient.getCrypto()!.requestVerificationDM(bob.userId, roomId));
    await completeSas(sent, received);
    await waitFor(`Bob shown verified (now ${el.state})`, () => el.state === 'verified');
    await el.updateComplete;
    expect(shown(el).status).to.match(/^Verified/);
    await expect(el).to.be.accessible();

    const bobCrypto = bobClient.getCrypto()!;
    await bobCrypto.userHasCrossSigningKeys(undefined, true);
    await bobCrypto.bootstrapCrossSigning({ setupNewCrossSigning: true, authUploadDeviceSigningKeys: passwordAuth(bob.userId, bob.password) });
    await waitFor(`"was verified" shown (now ${el.state})`, () => el.state === 'was-verified', { timeoutMs: 30_000 });
    await el.updateComplete;
    expect(shown(el).status).to.match(/changed since you verified them/);
    expect(shown(el).button(/Verify again/)).to.exist;
    await expect(el).to.be.accessible();

    const accepted = new Promise<XsIdentityAcceptedEvent>((r) => el.addEventListener('xs-identity-accepted', r, { once: true }));
    shown(el).button(/Withdraw verification requirement/)!.focus();
    await sendKeys({ press: 'Enter' });
    expect((await accepted).action).to.equal('withdrawn');
    await waitFor(`requirement withdrawn (now ${el.state})`, () => el.state === 'not-verified');
    const st = await aliceClient.getCrypto()!.getUserVerificationStatus(bob.userId);
    expect([st.wasCrossSigningVerified(), st.needsUserApproval]).to.deep.equal([false, false]);
    await expect(el).to.be.accessible();
  });

  it('explains an unreachable homeserver (real rust crypto, nothing listening) instead of claiming "not set up"', async () => {
    const client = createClient({ baseUrl: 'http://127.0.0.1:9', userId: '@ghost:localhost', deviceId: 'GHOSTDEVICE', accessToken: 'unused' });
    await client.initRustCrypto({ useIndexedDB: false });
    try {
      const el = await fixture<XsStatus>(html`<xs-status .client=${client} read-timeout="5000"></xs-status>`);
      const t0 = performance.now();
      await waitFor(`error shown (now ${el.state})`, () => el.state === 'error', { timeoutMs: 15_000 });
      console.log('[timing] unreachable explained after', Math.round(performance.now() - t0), 'ms');
      await el.updateComplete;
      expect(shown(el).headline).to.equal('Could not check encryption');
      expect(el.shadowRoot!.textContent).to.match(/could not be reached|taking too long/);
      expect(shown(el).button(/Check again/)).to.exist;
      expect(shown(el).button(/Set up encryption/)).to.equal(undefined);
      await expect(el).to.be.accessible();
    } finally {
      client.stopClient();
    }
  });
});
