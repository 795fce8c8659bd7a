// <xs-key-storage> against the real Synapse, through its own UI (keyboard), on ONE account for CI time:
//   set-up through the wizard makes the dehydrated device → key storage off (Cancel first: nothing changes) → on
//   again with the Security Key → "Check my Security Key" before and after a key change (the change rotates the
//   dehydrated device) → a second session restores the history on demand → with every session of the person
//   closed, another user's message reaches the dehydrated device, and a new session verified with the Security
//   Key reads it. Every success is read back from the server by plain HTTP (test/support/server-state.ts).
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { MatrixEvent, type MatrixClient } from 'matrix-js-sdk';
import { decodeRecoveryKey, encodeRecoveryKey } from 'matrix-js-sdk/lib/crypto-api/recovery-key.js';
import '../../src/define/xs-key-storage.js';
import '../../src/define/xs-session-list.js';
import '../../src/define/xs-status.js';
import type { XsKeyStorage } from '../../src/components/key-storage/key-storage.js';
import type { XsKeyStorageChangeEvent } from '../../src/events/xs-key-storage-change.js';
import { serverDehydratedDevice } from '../../src/sdk/dehydration.js';
import { turnBackupOff, turnBackupOn } from '../../src/sdk/key-storage.js';
import { withSecretStorageKey } from '../../src/sdk/secret-storage-keys.js';
import { readSnapshot } from '../../src/sdk/setup.js';
import { serverAccountData, serverBackupVersion, verifySetupOnServer } from '../../src/sdk/setup-verify.js';
import { createTestClient, keyHolder, stopAllClients } from '../support/clients.js';
import { loginDevice, registerUser } from '../support/homeserver.js';
import { openKeyEntry, stageIs as verifyStageIs, typeAndSubmit as verifyTypeAndSubmit } from '../support/key-entry.js';
import { serverState } from '../support/server-state.js';
import { button, generateAndConfirmKey, kitClient, setUpViaUi, waitHeading, wizardFor } from '../support/setup-wizard.js';
import { waitFor } from '../support/wait.js';

const root = (el: Element) => el.shadowRoot!;
const heading = (el: Element) => root(el).querySelector('h2')?.textContent?.trim() ?? '';
const text = (el: Element) => root(el).textContent?.replace(/\s+/g, ' ').trim() ?? '';

async function stageIs(el: Element, h: string, timeoutMs = 30_000) {
  await waitFor(`"${h}" (now "${heading(el)}": ${text(el).slice(0, 200)})`, () => heading(el) === h, { timeoutMs });
  await (el as XsKeyStorage).updateComplete;
}

async function stateIs(el: Element, state: string) {
  await stageIs(el, 'Key storage');
  await waitFor(`key storage "${state}"`, () => root(el).querySelector('[data-state]')?.getAttribute('data-state') === state, { timeoutMs: 20_000 });
}

/** The focused element, through shadow roots. */
function deepActive(): Element | null {
  let a: Element | null = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
}

/** Keyboard only: from the stage heading, Tab to the button `label` and press Enter. */
async function press(el: Element, label: string) {
  const h = root(el).querySelector<HTMLElement>('[data-stage-heading]');
  if (!root(el).contains(deepActive())) h?.focus();
  for (let i = 0; i < 16; i++) {
    const a = deepActive();
    if (a?.tagName === 'BUTTON' && a.textContent?.trim() === label && root(el).contains(a)) {
      await sendKeys({ press: 'Enter' });
      return;
    }
    await sendKeys({ press: 'Tab' });
  }
  throw new Error(`no button "${label}" reachable by Tab in "${heading(el)}": ${text(el).slice(0, 200)}`);
}

/** Keyboard only: Tab to the key field, type `value`, Enter. */
async function typeKey(el: Element, value: string) {
  await waitFor('key field', () => root(el).querySelector('#key-input'));
  root(el).querySelector<HTMLElement>('[data-stage-heading]')?.focus();
  for (let i = 0; i < 6 && root(el).activeElement?.id !== 'key-input'; i++) await sendKeys({ press: 'Tab' });
  expect(root(el).activeElement?.id, 'the key field by Tab').to.equal('key-input');
  const input = root(el).querySelector<HTMLInputElement>('#key-input')!;
  input.select();
  await sendKeys({ press: 'Backspace' });
  await sendKeys({ type: value });
  await sendKeys({ press: 'Enter' });
}

async function checkKey(el: Element, key: string): Promise<string> {
  await stageIs(el, 'Enter your Security Key');
  await typeKey(el, key);
  await stageIs(el, 'Your Security Key');
  return root(el).querySelector('[part=result]')?.getAttribute('data-result') ?? '';
}

async function decrypts(client: MatrixClient, roomId: string, eventId: string): Promise<string | undefined> {
  const raw = await client.fetchRoomEvent(roomId, eventId).catch(() => undefined);
  if (!raw) return undefined;
  const ev = new MatrixEvent(raw);
  await client.decryptEventIfNeeded(ev);
  return ev.isDecryptionFailure() ? undefined : (ev.getContent().body as string | undefined);
}

async function backedUpKeys(client: MatrixClient): Promise<number> {
  const version = await client.getCrypto()!.getActiveSessionBackupVersion();
  if (!version) return 0;
  const r = await client.http.authedRequest<{ rooms?: Record<string, { sessions?: object }> }>('GET' as never, '/room_keys/keys', { version });
  return Object.values(r.rooms ?? {}).reduce((n, room) => n + Object.keys(room.sessions ?? {}).length, 0);
}

async function dehydrationKeyUnder(client: MatrixClient): Promise<string[]> {
  const c = await serverAccountData<{ encrypted?: Record<string, unknown> }>(client, 'org.matrix.msc3814');
  return Object.keys(c?.encrypted ?? {});
}

describe('<xs-key-storage> (Synapse)', () => {
  afterEach(stopAllClients);

  it('backup off (after Cancel) and on, the key check around a key change, restore on demand, and the dehydrated device round trip', async function () {
    this.timeout(240_000);
    const a = await registerUser('keystore');
    const clientA = await kitClient(a);

    // Set-up through the wizard also makes the dehydrated device, its key under the new default key (read back).
    const key1 = await setUpViaUi(clientA);
    const keyId1 = (await clientA.secretStorage.getDefaultKeyId())!;
    const dehydrated1 = await serverDehydratedDevice(clientA);
    expect(dehydrated1, 'a dehydrated device after set-up').to.be.a('string');
    expect(await dehydrationKeyUnder(clientA)).to.deep.equal([keyId1]);

    const page = await fixture<HTMLDivElement>(html`<div>
      <xs-status .client=${clientA} recheck-interval="0"></xs-status>
      <xs-key-storage .client=${clientA}></xs-key-storage>
    </div>`);
    const status = page.querySelector('xs-status')!;
    const el = page.querySelector('xs-key-storage')!;
    await stateIs(el, 'on');
    await waitFor('status reports the dehydrated device', () => root(status).querySelector('[data-detail=dehydrated-device]')?.textContent?.includes(dehydrated1!));
    expect(root(el).querySelector('[data-dehydrated-device]'), 'the overview says the offline device is on').to.exist;
    await expect(el).to.be.accessible();

    // ——— Off: consent first; Cancel changes nothing ———
    const before = await serverState(clientA);
    await press(el, 'Turn off key storage');
    await stageIs(el, 'Turn off key storage?');
    expect(deepActive(), 'the step heading has the focus').to.equal(root(el).querySelector('h2'));
    expect(text(el)).to.contain('New messages will no longer be backed up').and.contain('deleted from the server');
    await expect(el).to.be.accessible();
    await press(el, 'Cancel');
    await stageIs(el, 'Key storage');
    expect(text(el)).to.contain('Nothing changed.');
    expect(await serverState(clientA), 'Cancel changed nothing on the server').to.deep.equal(before);

    await press(el, 'Turn off key storage');
    await stageIs(el, 'Turn off key storage?');
    const offEvent = oneEvent<XsKeyStorageChangeEvent>(el, 'xs-key-storage-change');
    await press(el, 'Turn off and delete the backup');
    await stageIs(el, 'Key storage is off');
    expect((await offEvent).enabled).to.equal(false);
    await expect(el).to.be.accessible();
    expect(await serverBackupVersion(clientA), 'no backup on the server').to.equal(null);
    expect(await serverAccountData(clientA, 'm.megolm_backup.v1'), 'no stored backup key').to.equal(null);
    expect(await serverAccountData(clientA, 'm.key_backup'), 'the choice, for other apps').to.deep.equal({ enabled: false });
    await waitFor('the status on the same page turns "not backed up"', () => status.getAttribute('state') === 'no-backup');
    await press(el, 'Done');
    await stateIs(el, 'off');
    expect(text(el)).to.contain('You chose to turn key storage off');

    // ——— On: the Security Key; Back before it changes nothing ———
    await press(el, 'Turn on key storage');
    await stageIs(el, 'Enter your Security Key');
    await expect(el).to.be.accessible();
    await press(el, 'Back');
    await stateIs(el, 'off');
    expect(text(el)).to.contain('Nothing changed.');
    expect(await serverBackupVersion(clientA)).to.equal(null);
    await press(el, 'Turn on key storage');
    const onEvent = oneEvent<XsKeyStorageChangeEvent>(el, 'xs-key-storage-change');
    await typeKey(el, key1);
    await stageIs(el, 'Key storage is on');
    expect((await onEvent).enabled).to.equal(true);
    await expect(el).to.be.accessible();
    const gaps = await verifySetupOnServer(clientA, decodeRecoveryKey(key1.replace(/\s+/g, '')));
    expect(gaps.filter((g) => g === 'backup' || g === 'backup-key-stored'), 'a trusted backup with its key under the Security Key').to.deep.equal([]);
    expect(await serverAccountData(clientA, 'm.key_backup')).to.deep.equal({ enabled: true });
    await waitFor('the status turns ready', () => status.getAttribute('state') === 'ready');
    await press(el, 'Done');
    await stateIs(el, 'on');

    // ——— Check my Security Key: current; after a change (through the wizard) old vs current; malformed ———
    await press(el, 'Check my Security Key');
    expect(await checkKey(el, key1)).to.equal('current');
    expect(text(el)).to.contain('This is your current Security Key.');
    await expect(el).to.be.accessible();
    await press(el, 'Back');
    await stateIs(el, 'on');

    const wizard = await wizardFor(clientA, 'change-key');
    const key2 = await generateAndConfirmKey(wizard, { a11y: false, chooseHeading: 'Choose your new Security Key' });
    await waitHeading(wizard, 'You’re all set');
    wizard.remove();
    const keyId2 = (await clientA.secretStorage.getDefaultKeyId())!;
    expect(keyId2).to.not.equal(keyId1);
    const dehydrated2 = await serverDehydratedDevice(clientA);
    expect(dehydrated2, 'change-key rotated the dehydrated device').to.be.a('string').and.not.equal(dehydrated1);
    expect(await dehydrationKeyUnder(clientA), 'its key is under the new default key').to.deep.equal([keyId2]);

    const unchanged = await serverState(clientA);
    await press(el, 'Check my Security Key');
    expect(await checkKey(el, key1)).to.equal('old');
    expect(text(el)).to.contain('This key is from before your last change');
    await press(el, 'Check another key');
    expect(await checkKey(el, key2)).to.equal('current');
    await press(el, 'Check another key');
    const stranger = encodeRecoveryKey(crypto.getRandomValues(new Uint8Array(32)))!;
    expect(await checkKey(el, stranger)).to.equal('unknown');
    await press(el, 'Check another key');
    await stageIs(el, 'Enter your Security Key');
    await typeKey(el, 'this is not a key');
    await waitFor('"not a Security Key"', () => root(el).querySelector('#key-problem')?.textContent?.includes('That isn’t a Security Key'));
    await expect(el).to.be.accessible();
    expect(await serverState(clientA), 'checking keys changed nothing').to.deep.equal(unchanged);

    // ——— Restore on demand: a session verified with the key that skipped the restore ———
    const { room_id: ownRoom } = await clientA.createRoom({
      initial_state: [{ type: 'm.room.encryption', state_key: '', content: { algorithm: 'm.megolm.v1.aes-sha2' } }],
    });
    await waitFor('A has its encrypted room', async () => clientA.getRoom(ownRoom) && (await clientA.getCrypto()!.isEncryptionEnabledInRoom(ownRoom)));
    const early = `backed up ${crypto.randomUUID()}`;
    const { event_id: earlyId } = await clientA.sendTextMessage(ownRoom, early);
    await waitFor('the room key is in the backup', async () => (await backedUpKeys(clientA)) >= 1, { timeoutMs: 30_000, intervalMs: 300 });

    const b = await loginDevice(a, 'Device B');
    let keyDownloads = 0;
    const holder = keyHolder();
    const clientB = await createTestClient(b, {
      cryptoCallbacks: holder.callbacks,
      wrapFetch: (inner) => (input, init) => {
        const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
        if ((init?.method ?? 'GET') === 'GET' && /\/room_keys\/keys(\?|$)/.test(url)) keyDownloads++;
        return inner(input, init);
      },
    });
    holder.set(keyId2, decodeRecoveryKey(key2.replace(/\s+/g, '')));
    await clientB.getCrypto()!.userHasCrossSigningKeys(undefined, true);
    await clientB.getCrypto()!.bootstrapCrossSigning({});
    await clientB.getCrypto()!.loadSessionBackupPrivateKeyFromSecretStorage();
    await clientB.getCrypto()!.checkKeyBackupAndEnable();
    // (No decryption attempt before the restore: a failed one makes the SDK download that one key by itself.)
    const keysOnB = async () => (JSON.parse(await clientB.getCrypto()!.exportRoomKeysAsJson()) as unknown[]).length;
    expect(await keysOnB(), 'B holds no room keys yet').to.equal(0);
    keyDownloads = 0;
    const elB = await fixture<XsKeyStorage>(html`<xs-key-storage .client=${clientB}></xs-key-storage>`);
    await waitFor('B can restore', () => [...root(elB).querySelectorAll('button')].some((x) => x.textContent?.trim() === 'Restore history from backup'), { timeoutMs: 20_000 });
    await press(elB, 'Restore history from backup');
    await stageIs(elB, 'Restore history from backup');
    // Back and Restore again while it runs: joins the running restore (one download).
    await press(elB, 'Back');
    await press(elB, 'Restore history from backup');
    const restoreText = () => root(elB).querySelector('[part=restore]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
    await waitFor(`restored (now "${restoreText()}")`, () => /\bkeys? restored/.test(restoreText()), { timeoutMs: 40_000 });
    expect(restoreText()).to.match(/\b\d+ keys? restored/);
    await expect(elB).to.be.accessible();
    expect(keyDownloads, 'one restore, joined').to.equal(1);
    expect(await keysOnB(), 'the restore imported the backed-up keys').to.be.greaterThan(0);
    expect(await waitFor('B reads the backed-up message', () => decrypts(clientB, ownRoom, earlyId), { timeoutMs: 10_000 })).to.equal(early);

    // ——— Dehydration round trip: every session closed, a message arrives, a new session reads it ———
    const x = await registerUser('keystore-peer');
    const clientX = await createTestClient(x);
    const { room_id: dm } = await clientX.createRoom({
      invite: [a.userId],
      initial_state: [{ type: 'm.room.encryption', state_key: '', content: { algorithm: 'm.megolm.v1.aes-sha2' } }],
    });
    await waitFor('A is invited', () => clientA.getRoom(dm));
    await clientA.joinRoom(dm);
    await waitFor('X sees A joined', () => clientX.getRoom(dm)?.getMember(a.userId)?.membership === 'join');
    clientA.stopClient();
    clientB.stopClient();
    page.remove();
    elB.remove();
    const offline = `while you were away ${crypto.randomUUID()}`;
    const { event_id: offlineId } = await clientX.sendTextMessage(dm, offline);

    const c = await loginDevice(a, 'Device C');
    const clientC = await kitClient(c);
    await waitFor('C sees the identity', () => clientC.getCrypto()!.userHasCrossSigningKeys(undefined, true));
    await waitFor('C sees the message', () => clientC.fetchRoomEvent(dm, offlineId).catch(() => undefined), { timeoutMs: 20_000 });
    expect(await decrypts(clientC, dm, offlineId), 'C cannot read it before it is verified').to.equal(undefined);
    const verify = await openKeyEntry(clientC);
    await verifyTypeAndSubmit(verify, key2);
    await verifyStageIs(verify, 'Verified', 60_000);
    expect(await waitFor('C reads the message sent while no session was online', () => decrypts(clientC, dm, offlineId), { timeoutMs: 20_000 })).to.equal(offline);

    // The session list shows the dehydrated device apart, not as an unverified session.
    const current = await serverDehydratedDevice(clientC);
    expect(current, 'rehydrating made a fresh dehydrated device').to.be.a('string').and.not.equal(dehydrated2);
    const list = await fixture(html`<xs-session-list .client=${clientC}></xs-session-list>`);
    await waitFor('the list shows the offline device apart, and no row for it', () => root(list).querySelector('[data-dehydrated-device]') && !text(list).includes(current!), { timeoutMs: 20_000 });
    expect(text(list)).to.not.contain(dehydrated2!);
    await expect(list).to.be.accessible();
  });
  it('a backup key cached before the backup was replaced elsewhere is not taken for the current one', async function () {
    // Session A set the account up (it holds backup 1's key). Session B turns key storage off and on: backup 2, with
    // a new key. B's push of the new key to A is lost (an app that does not push, a lost to-device message), so A
    // still holds backup 1's key. A's read of the account must compare with the server's current backup key: not
    // "set up" (the wizard would claim it) but a backup A can't use, offered as a repair.
    this.timeout(90_000);
    const a = await registerUser('stalekey');
    const clientA = await kitClient(a);
    const key = await setUpViaUi(clientA);
    const raw = decodeRecoveryKey(key.replace(/\s+/g, ''));
    const b = await loginDevice(a, 'Device B');
    let dropPush = false;
    const clientB = await kitClient(b, {
      wrapFetch: (inner) => (input, init) => {
        const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
        // Every encrypted to-device message from B while key storage is turned on (the new key's push to A).
        if (dropPush && init?.method === 'PUT' && url.includes('/sendToDevice/m.room.encrypted/')) return Promise.resolve(new Response('{}', { status: 200 }));
        return inner(input, init);
      },
    });
    const keyId = (await clientB.secretStorage.getDefaultKeyId())!;
    await withSecretStorageKey(clientB, keyId, raw, async () => {
      await clientB.getCrypto()!.userHasCrossSigningKeys(undefined, true);
      await clientB.getCrypto()!.bootstrapCrossSigning({});
    });
    const before = (await serverBackupVersion(clientA))!.version;
    await turnBackupOff(clientB);
    dropPush = true;
    await turnBackupOn(clientB, keyId, raw);
    dropPush = false;
    const now = (await serverBackupVersion(clientA))!.version;
    expect(now, 'a new backup').to.not.equal(before);
    expect(await clientA.getCrypto()!.getSessionBackupPrivateKey(), 'A still holds the old backup key').to.not.equal(null);

    const snap = await readSnapshot(clientA);
    expect(snap.backupVersion).to.equal(now);
    expect(snap.backupKeyCached, 'the old key is not the current backup\'s').to.equal(false);
    const wizard = await wizardFor(clientA);
    await waitHeading(wizard, 'Finish setting up secure messaging');
    button(wizard, 'Continue').click();
    await waitHeading(wizard, 'You already have a key backup');
    wizard.remove();
  });
});
