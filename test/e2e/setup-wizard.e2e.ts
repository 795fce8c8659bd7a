// <xs-setup-wizard> set up / change key against the real Synapse, driven through the element's own UI.
import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { deriveRecoveryKeyFromPassphrase } from 'matrix-js-sdk/lib/crypto-api/index.js';
import { decodeRecoveryKey } from 'matrix-js-sdk/lib/crypto-api/index.js';
import type { XsRequestVerifyEvent } from '../../src/events/xs-request-verify.js';
import type { XsSetupCompleteEvent } from '../../src/events/xs-setup-complete.js';
import { stopAllClients } from '../support/clients.js';
import { loginDevice, registerUser } from '../support/homeserver.js';
import {
  button,
  buttonNamed,
  deepActive,
  expectComplete,
  expectHeadingFocused,
  failOnce,
  setUpViaUi,
  generateAndConfirmKey,
  kitClient,
  pressButton,
  root,
  tabTo,
  typeKeyBack,
  unlockWithKey,
  waitHeading,
  wizardFor,
} from '../support/setup-wizard.js';
import { waitFor } from '../support/wait.js';

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
    const complete = oneEvent<XsSetupCompleteEvent>(el, 'xs-setup-complete');
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
    const req = oneEvent<XsRequestVerifyEvent>(el2, 'xs-request-verify');
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
    const complete = oneEvent<XsSetupCompleteEvent>(el, 'xs-setup-complete');
    await waitHeading(el, 'You’re all set');
    expect((await complete).mode).to.equal('change-key');
    expect(newKey).to.not.equal(oldKey);
    await expectComplete(client);
    const newKeyId = await client.secretStorage.getDefaultKeyId();
    expect(newKeyId).to.not.equal(oldKeyId);
    expect(await client.getCrypto()!.getActiveSessionBackupVersion()).to.equal(backupBefore);
    const [, info] = (await client.secretStorage.getKey())!;
    expect(await client.secretStorage.checkKey(decodeRecoveryKey(oldKey), info), 'old key no longer the default').to.equal(false);
    const b = await loginDevice(a, 'Second device');
    await unlockWithKey(b, newKey);
  });

  it('explains, instead of failing late, when the client was created without createSecretStorageCallbacks()', async () => {
    const a = await registerUser('nocallbacks');
    const { createTestClient } = await import('../support/clients.js');
    const client = await createTestClient(a);
    const el = await wizardFor(client);
    expect(root(el).querySelector('[role=alert]')?.textContent).to.include('createSecretStorageCallbacks');
    expect(root(el).querySelectorAll('button')).to.have.length(0);
    await expect(el).to.be.accessible();
    expect(await client.getCrypto()!.userHasCrossSigningKeys(undefined, true)).to.equal(false);
  });

  it('sets up with a Security Phrase (used exactly as typed), keyboard only; the phrase unlocks a second session', async () => {
    const a = await registerUser('setupphrase');
    const client = await kitClient(a);
    const el = await wizardFor(client);
    await waitHeading(el, 'Secure your messages');
    expectHeadingFocused(el);
    await pressButton('Continue');
    await waitHeading(el, 'Choose how to unlock your messages');
    expectHeadingFocused(el);
    // A native button answers Space as well as Enter.
    await tabTo('button "Enter a Security Phrase"', buttonNamed('Enter a Security Phrase'));
    await sendKeys({ press: 'Space' });
    await waitHeading(el, 'Choose a Security Phrase');
    expectHeadingFocused(el);
    await expect(el).to.be.accessible();
    const phrase = ' Tidy walrus orbit 42 ';
    // Typed key by key into both fields: Tab from the heading reaches the phrase, Tab again its confirmation.
    await tabTo('phrase input', (x) => x.id === 'passphrase');
    await sendKeys({ type: phrase });
    await sendKeys({ press: 'Tab' });
    expect(deepActive()?.id, 'Tab moves from the phrase to its confirmation').to.equal('confirm');
    await sendKeys({ type: phrase });
    // The strength estimator loads on the first keystroke; Continue is enabled once it has scored the phrase.
    await waitFor('Continue enabled', () => !button(el, 'Continue').disabled);
    expect(deepActive()?.id, 'focus still in the confirmation').to.equal('confirm');
    await expect(el).to.be.accessible();
    // Enter in the confirmation submits the step (the field lives in its own shadow root).
    await sendKeys({ press: 'Enter' });
    await waitHeading(el, 'Save your Security Key');
    expectHeadingFocused(el);
    const key = root(el).querySelector('#key-text')!.textContent.trim();
    await pressButton('Download');
    await pressButton('Continue');
    const complete = oneEvent<XsSetupCompleteEvent>(el, 'xs-setup-complete');
    await typeKeyBack(el, key);
    await waitHeading(el, 'You’re all set');
    expectHeadingFocused(el);
    const ev = await complete;
    expect(ev.mode).to.equal('setup');
    expect(ev.method).to.equal('phrase');
    expect(JSON.stringify({ ...ev })).to.not.include('walrus');
    expect(el.outerHTML + root(el).innerHTML).to.not.include('walrus');
    await expect(el).to.be.accessible();
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
    expect(await other.secretStorage.checkKey(derived, info), 'phrase as typed unlocks').to.equal(true);
    const trimmed = await deriveRecoveryKeyFromPassphrase(phrase.trim(), pp.salt, pp.iterations, pp.bits);
    expect(await other.secretStorage.checkKey(trimmed, info), 'trimmed phrase does not').to.equal(false);
    holder.set(keyId, derived);
    await other.getCrypto()!.userHasCrossSigningKeys(undefined, true);
    await other.getCrypto()!.bootstrapCrossSigning({});
    await waitFor('second session cross-signed', async () => (await other.getCrypto()!.getDeviceVerificationStatus(b.userId, b.deviceId))?.crossSigningVerified, { timeoutMs: 10_000, intervalMs: 200 });
  });
});
