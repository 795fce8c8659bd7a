// <xs-setup-wizard> set up / change key against the real Synapse, driven through the element's own UI.
import { expect, oneEvent } from '@open-wc/testing';
import { deriveRecoveryKeyFromPassphrase } from 'matrix-js-sdk/lib/crypto-api/index.js';
import { decodeRecoveryKey } from 'matrix-js-sdk/lib/crypto-api/index.js';
import type { XsRequestVerifyEvent } from '../../src/events/xs-request-verify.js';
import type { XsSetupCompleteEvent } from '../../src/events/xs-setup-complete.js';
import { stopAllClients } from '../support/clients.js';
import { loginDevice, registerUser } from '../support/homeserver.js';
import {
  button,
  expectComplete,
  failOnce,
  setUpViaUi,
  generateAndConfirmKey,
  kitClient,
  pressButton,
  root,
  typeKeyBack,
  unlockWithKey,
  waitHeading,
  wizardFor,
} from '../support/setup-wizard.js';

describe('<xs-setup-wizard> setup with Synapse', () => {
  afterEach(stopAllClients);

  it('sets up with a generated Security Key, keyboard only; a second session unlocks with it', async () => {
    const t0 = performance.now();
    const a = await registerUser('setupkey');
    const client = await kitClient(a);
    const el = await wizardFor(client);
    await waitHeading(el, 'Secure your messages');
    await expect(el).to.be.accessible();
    await pressButton('Continue');
    const key = await generateAndConfirmKey(el);
    const complete = oneEvent(el, 'xs-setup-complete') as Promise<XsSetupCompleteEvent>;
    await waitHeading(el, 'You’re all set');
    const ev = await complete;
    expect(ev.mode).to.equal('setup');
    expect(ev.method).to.equal('key');
    // No key material anywhere in the event, the DOM or the wizard.
    expect(JSON.stringify({ ...ev })).to.not.include(key.replace(/\s/g, '').slice(0, 12));
    expect(root(el).textContent).to.not.include(key.slice(0, 14));
    expect(el.outerHTML).to.not.include(key.slice(0, 14));
    expect((el as unknown as { wizard: { holdsKey: boolean } }).wizard.holdsKey).to.equal(false);
    await expect(el).to.be.accessible();
    await expectComplete(client);

    const b = await loginDevice(a, 'Second device');
    await unlockWithKey(b, key);
    console.log(`[timing] setup with key + unlock: ${Math.round(performance.now() - t0)} ms`);
  });

  it('a failure injected mid-commit is retried with the same key: one identity, every secret stored', async () => {
    const a = await registerUser('setupfail');
    const fail = failOnce((url, init) => init?.method === 'PUT' && url.includes('/account_data/m.cross_signing.master'));
    const client = await kitClient(a, { wrapFetch: fail.wrap });
    const el = await wizardFor(client);
    await waitHeading(el, 'Secure your messages');
    await pressButton('Continue');
    const key = await generateAndConfirmKey(el, { a11y: false });
    await waitHeading(el, 'Not finished yet');
    expect(fail.failed).to.equal(true);
    expect(root(el).querySelector('[role=alert]')!.textContent).to.include('Your key is still here');
    await expect(el).to.be.accessible();
    const masterBefore = await client.getCrypto()!.getCrossSigningKeyId();
    expect(masterBefore, 'identity created before the failure').to.be.a('string');
    await pressButton('Try again');
    await waitHeading(el, 'You’re all set');
    await expectComplete(client);
    expect(await client.getCrypto()!.getCrossSigningKeyId()).to.equal(masterBefore);
    // The key shown before the failure is the one that works.
    const b = await loginDevice(a, 'Second device');
    const other = await unlockWithKey(b, key);
    expect(await other.getCrypto()!.getCrossSigningKeyId()).to.equal(masterBefore);
  });

  it('says when already set up; a session without the keys is routed to verification, not setup', async () => {
    const a = await registerUser('setupagain');
    const client = await kitClient(a);
    await setUpViaUi(client);
    const el = await wizardFor(client);
    await waitHeading(el, 'Secure messaging is set up');
    await expect(el).to.be.accessible();
    expect(button(el, 'Change Security Key')).to.exist;
    expect(button(el, 'Reset encryption')).to.exist;
    el.remove();

    const b = await loginDevice(a, 'New device');
    const other = await kitClient(b);
    const el2 = await wizardFor(other);
    await waitHeading(el2, 'Verify this session');
    await expect(el2).to.be.accessible();
    const req = oneEvent(el2, 'xs-request-verify') as Promise<XsRequestVerifyEvent>;
    await pressButton('Verify this session');
    const ev = await req;
    expect(ev.subject).to.equal('this-session');
    expect(ev.reason).to.equal('keys-missing');
    // Not handled by a host: the element says what to do instead.
    await el2.updateComplete;
    expect(root(el2).textContent).to.include('Open one of your other signed-in sessions');
    // Nothing was overwritten.
    expect(await other.getCrypto()!.getCrossSigningKeyId()).to.equal(null);
    expect(await client.getCrypto()!.isCrossSigningReady()).to.equal(true);
  });

  it('changes the Security Key: secrets re-stored under the new key, old key stops working, backup kept', async () => {
    const a = await registerUser('changekey');
    const client = await kitClient(a);
    const oldKey = await setUpViaUi(client);
    const oldKeyId = await client.secretStorage.getDefaultKeyId();
    const backupBefore = await client.getCrypto()!.getActiveSessionBackupVersion();
    const el = await wizardFor(client, 'change-key');
    const newKey = await generateAndConfirmKey(el, { chooseHeading: 'Choose your new Security Key' });
    const complete = oneEvent(el, 'xs-setup-complete') as Promise<XsSetupCompleteEvent>;
    await waitHeading(el, 'You’re all set');
    expect((await complete).mode).to.equal('change-key');
    expect(newKey).to.not.equal(oldKey);
    await expectComplete(client);
    const newKeyId = await client.secretStorage.getDefaultKeyId();
    expect(newKeyId).to.not.equal(oldKeyId);
    expect(await client.getCrypto()!.getActiveSessionBackupVersion()).to.equal(backupBefore);
    const [, info] = (await client.secretStorage.getKey())!;
    expect(await client.secretStorage.checkKey(decodeRecoveryKey(oldKey), info as never), 'old key no longer the default').to.equal(false);
    const b = await loginDevice(a, 'Second device');
    await unlockWithKey(b, newKey);
  });

  it('sets up with a Security Phrase (used exactly as typed); the phrase unlocks a second session', async () => {
    const a = await registerUser('setupphrase');
    const client = await kitClient(a);
    const el = await wizardFor(client);
    await waitHeading(el, 'Secure your messages');
    await pressButton('Continue');
    await waitHeading(el, 'Choose how to unlock your messages');
    await pressButton('Enter a Security Phrase');
    await waitHeading(el, 'Choose a Security Phrase');
    const phrase = ' Tidy walrus orbit 42 ';
    // (The keyboard-only run is the Security Key test; here the fields are filled like a paste.)
    const field = root(el).querySelector('xs-new-passphrase')!;
    for (const id of ['passphrase', 'confirm']) {
      const input = field.shadowRoot!.querySelector<HTMLInputElement>(`#${id}`)!;
      input.value = phrase;
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    }
    await el.updateComplete;
    await waitHeading(el, 'Choose a Security Phrase');
    const { waitFor } = await import('../support/wait.js');
    await waitFor('Continue enabled', () => !button(el, 'Continue').disabled);
    await expect(el).to.be.accessible();
    button(el, 'Continue').click();
    await waitHeading(el, 'Save your Security Key');
    const key = root(el).querySelector('#key-text')!.textContent!.trim();
    await pressButton('Download');
    await pressButton('Continue');
    await typeKeyBack(el, key);
    await waitHeading(el, 'You’re all set');
    await expectComplete(client);

    // The phrase, exactly as typed (spaces and case kept), derives the default key.
    const b = await loginDevice(a, 'Second device');
    const { keyHolder, createTestClient } = await import('../support/clients.js');
    const holder = keyHolder();
    const other = await createTestClient(b, { cryptoCallbacks: holder.callbacks });
    const [keyId, info] = (await other.secretStorage.getKey())!;
    const pp = (info as { passphrase: { salt: string; iterations: number; bits?: number } }).passphrase;
    expect(pp, 'key made from a passphrase').to.exist;
    const derived = await deriveRecoveryKeyFromPassphrase(phrase, pp.salt, pp.iterations, pp.bits);
    expect(await other.secretStorage.checkKey(derived, info as never), 'phrase as typed unlocks').to.equal(true);
    const trimmed = await deriveRecoveryKeyFromPassphrase(phrase.trim(), pp.salt, pp.iterations, pp.bits);
    expect(await other.secretStorage.checkKey(trimmed, info as never), 'trimmed phrase does not').to.equal(false);
    holder.set(keyId, derived);
    await other.getCrypto()!.userHasCrossSigningKeys(undefined, true);
    await other.getCrypto()!.bootstrapCrossSigning({});
    await waitFor('second session cross-signed', async () => (await other.getCrypto()!.getDeviceVerificationStatus(b.userId, b.deviceId))?.crossSigningVerified, { timeoutMs: 10_000, intervalMs: 200 });
  });
});
