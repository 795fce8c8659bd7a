// <xs-verify-login> against the real Synapse: two real rust-crypto clients of one user, each side driven
// through its own element with the keyboard (sendKeys), the other device played by a second element.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { MatrixClient } from 'matrix-js-sdk';
import type { VerificationRequest } from 'matrix-js-sdk/lib/crypto-api/index.js';
import '../../src/define/xs-verify-login.js';
import type { XsVerifyLogin } from '../../src/components/verify-login/verify-login.js';
import type { XsVerificationCancelledEvent } from '../../src/events/xs-verification-cancelled.js';
import type { XsVerifiedEvent } from '../../src/events/xs-verified.js';
import { encodeRecoveryKey } from 'matrix-js-sdk/lib/crypto-api/index.js';
import { onVerificationRequest } from '../../src/sdk/verification.js';
import { createSecretStorageCallbacks } from '../../src/sdk/secret-storage-keys.js';
import { createTestClient, keyHolder, passwordAuth, stopAllClients, waitForOwnDevice } from '../support/clients.js';
import { userWithDevices, type Session } from '../support/homeserver.js';
import { waitFor } from '../support/wait.js';

interface Pair {
  a: Session;
  b: Session;
  /** The existing, cross-signed session. */
  clientA: MatrixClient;
  /** The new session to verify (its client has the kit's secret-storage callbacks). */
  clientB: MatrixClient;
  recoveryKey: string;
}

/** A user whose session A has cross-signing, secret storage (optionally from a phrase) and a key backup; session B is new. */
async function setUpPair(passphrase?: string): Promise<Pair> {
  const [a, b] = await userWithDevices(2, 'verify');
  const holderA = keyHolder();
  const clientA = await createTestClient(a!, { cryptoCallbacks: holderA.callbacks });
  const clientB = await createTestClient(b!, { cryptoCallbacks: createSecretStorageCallbacks() });
  const cryptoA = clientA.getCrypto()!;
  await cryptoA.bootstrapCrossSigning({ authUploadDeviceSigningKeys: passwordAuth(a!.userId, a!.password) });
  const key = await cryptoA.createRecoveryKeyFromPassphrase(passphrase);
  await cryptoA.bootstrapSecretStorage({ createSecretStorageKey: async () => key, setupNewSecretStorage: true, setupNewKeyBackup: true });
  await waitFor('B sees the identity', () => clientB.getCrypto()!.userHasCrossSigningKeys(undefined, true));
  await waitForOwnDevice(clientA, b!.deviceId);
  await waitForOwnDevice(clientB, a!.deviceId);
  return { a: a!, b: b!, clientA, clientB, recoveryKey: key.encodedPrivateKey! };
}

function root(el: XsVerifyLogin): ShadowRoot {
  return el.shadowRoot!;
}

function headingText(el: XsVerifyLogin): string {
  return root(el).querySelector('h2')?.textContent?.trim() ?? '';
}

async function stageIs(el: XsVerifyLogin, heading: string, timeoutMs = 30_000) {
  await waitFor(`"${heading}" on ${el.id || 'element'} (now "${headingText(el)}")`, () => headingText(el) === heading, { timeoutMs });
  await el.updateComplete;
}

/** Keyboard only: from the focused stage heading, Tab to the button labelled `label` and press Enter. */
async function press(el: XsVerifyLogin, label: string) {
  const heading = root(el).querySelector<HTMLElement>('[data-stage-heading]');
  if (root(el).activeElement !== heading) heading?.focus();
  for (let i = 0; i < 12; i++) {
    await sendKeys({ press: 'Tab' });
    const active = root(el).activeElement as HTMLElement | null;
    if (active?.tagName === 'BUTTON' && active.textContent?.trim() === label) {
      await sendKeys({ press: 'Enter' });
      return;
    }
  }
  throw new Error(`no button "${label}" reachable by Tab in "${headingText(el)}"`);
}

/** Keyboard only: Tab from the heading to the text field, type `text`, press Enter. */
async function typeAndSubmit(el: XsVerifyLogin, text: string) {
  const heading = root(el).querySelector<HTMLElement>('[data-stage-heading]');
  if (root(el).activeElement !== heading) heading?.focus();
  for (let i = 0; i < 6; i++) {
    await sendKeys({ press: 'Tab' });
    if ((root(el).activeElement as HTMLElement | null)?.tagName === 'INPUT') {
      await sendKeys({ type: text });
      await sendKeys({ press: 'Enter' });
      return;
    }
  }
  throw new Error(`no text field reachable by Tab in "${headingText(el)}"`);
}

function alertText(el: XsVerifyLogin): string {
  return root(el).querySelector('[role=alert]')?.textContent?.trim() ?? '';
}

function emojiNames(el: XsVerifyLogin): string[] {
  return [...root(el).querySelectorAll('[part=emoji] [role=img]')].map((e) => e.getAttribute('aria-label') ?? '');
}

/** Mounts an element answering the next request `client` receives. */
function answerNextRequest(client: MatrixClient): Promise<{ el: XsVerifyLogin; request: VerificationRequest }> {
  return new Promise((resolve) => {
    const off = onVerificationRequest(client, async (request) => {
      off();
      const el = await fixture<XsVerifyLogin>(html`<xs-verify-login id="answer" .client=${client} .request=${request}></xs-verify-login>`);
      resolve({ el, request });
    });
  });
}

function events(el: XsVerifyLogin) {
  const verified: XsVerifiedEvent[] = [];
  const cancelled: XsVerificationCancelledEvent[] = [];
  el.addEventListener('xs-verified', (e) => verified.push(e));
  el.addEventListener('xs-verification-cancelled', (e) => cancelled.push(e));
  return { verified, cancelled };
}

async function crossSigned(client: MatrixClient, deviceId: string) {
  return (await client.getCrypto()!.getDeviceVerificationStatus(client.getSafeUserId(), deviceId))?.crossSigningVerified;
}

describe('<xs-verify-login> with Synapse', () => {
  afterEach(stopAllClients);

  it('SAS: this new session asks the other sessions; the other session answers (keyboard only, accessible per stage)', async () => {
    const { a, b, clientA, clientB } = await setUpPair();
    const newSide = await fixture<XsVerifyLogin>(html`<xs-verify-login id="new" .client=${clientB}></xs-verify-login>`);
    const newEvents = events(newSide);
    await stageIs(newSide, 'Verify this session');
    await expect(newSide).to.be.accessible();

    const answering = answerNextRequest(clientA);
    await press(newSide, 'Verify with another session');
    await stageIs(newSide, 'Waiting for your other session');
    await expect(newSide).to.be.accessible();

    const { el: oldSide } = await answering;
    const oldEvents = events(oldSide);
    await stageIs(oldSide, 'Verification request');
    expect(root(oldSide).textContent).to.contain(b.deviceId);
    await expect(oldSide).to.be.accessible();
    await press(oldSide, 'Accept');

    await stageIs(newSide, 'Choose how to verify');
    await expect(newSide).to.be.accessible();
    await press(newSide, 'Compare emoji');
    await stageIs(newSide, 'Compare the emoji');
    await stageIs(oldSide, 'Compare the emoji');
    await expect(newSide).to.be.accessible();
    const names = emojiNames(newSide);
    expect(names).to.have.length(7);
    expect(names.every((n) => n.length > 1)).to.equal(true);
    expect(emojiNames(oldSide)).to.deep.equal(names);

    await press(oldSide, 'They match');
    await press(newSide, 'They match');
    await stageIs(newSide, 'Verified');
    await stageIs(oldSide, 'Verified');
    await expect(newSide).to.be.accessible();

    expect(newEvents.verified.map((e) => [e.userId, e.deviceId])).to.deep.equal([[b.userId, b.deviceId]]);
    expect(oldEvents.verified.map((e) => [e.userId, e.deviceId])).to.deep.equal([[a.userId, b.deviceId]]);
    expect(newEvents.cancelled).to.have.length(0);
    await waitFor('B cross-signed (seen by B)', () => crossSigned(clientB, b.deviceId));
    await waitFor('B cross-signed (seen by A)', () => crossSigned(clientA, b.deviceId));
  });

  it('SAS: this session verifies another session by device-id; that session answers; keyboard only', async () => {
    const { a, b, clientA, clientB } = await setUpPair();
    const answering = answerNextRequest(clientB);
    const sender = await fixture<XsVerifyLogin>(html`<xs-verify-login id="sender" .client=${clientA} device-id=${b.deviceId}></xs-verify-login>`);
    const sent = events(sender);
    await stageIs(sender, 'Waiting for your other session');
    expect(root(sender).textContent).to.contain(b.deviceId);
    const { el: receiver } = await answering;
    await stageIs(receiver, 'Verification request');
    expect(root(receiver).textContent).to.contain(a.deviceId);
    await press(receiver, 'Accept');
    await stageIs(receiver, 'Choose how to verify');
    await press(receiver, 'Compare emoji');
    await stageIs(sender, 'Compare the emoji');
    await stageIs(receiver, 'Compare the emoji');
    expect(emojiNames(sender)).to.deep.equal(emojiNames(receiver));
    await expect(sender).to.be.accessible();
    await press(sender, 'They match');
    await press(receiver, 'They match');
    await stageIs(sender, 'Verified');
    await stageIs(receiver, 'Verified');
    expect(sent.verified.map((e) => [e.userId, e.deviceId])).to.deep.equal([[a.userId, b.deviceId]]);
    await waitFor('B cross-signed', () => crossSigned(clientA, b.deviceId));
  });

  it('Security Key: malformed and wrong keys are explained, the right one verifies and connects the backup (keyboard only)', async () => {
    const { a, b, clientA, clientB, recoveryKey } = await setUpPair();
    const el = await fixture<XsVerifyLogin>(html`<xs-verify-login .client=${clientB}></xs-verify-login>`);
    const ev = events(el);
    await stageIs(el, 'Verify this session');
    await press(el, 'Use your Security Key or Phrase');
    await stageIs(el, 'Enter your Security Key');
    await expect(el).to.be.accessible();
    // No phrase on this key: no phrase option.
    expect([...root(el).querySelectorAll('button')].map((x) => x.textContent?.trim())).to.not.include('Use your Security Phrase instead');

    await typeAndSubmit(el, 'EsTk khvc not a key');
    await waitFor('malformed explained', () => alertText(el).includes('isn’t a valid Security Key'));
    await expect(el).to.be.accessible();
    const other = encodeRecoveryKey(crypto.getRandomValues(new Uint8Array(32)))!;
    await typeAndSubmit(el, other);
    await waitFor('wrong key explained', () => alertText(el).includes('doesn’t unlock'));
    expect(root(el).querySelector<HTMLInputElement>('#key-input')!.value).to.equal('');

    await typeAndSubmit(el, recoveryKey);
    await stageIs(el, 'Verified');
    await expect(el).to.be.accessible();
    expect(root(el).textContent).to.contain('connected to your key backup');
    expect(ev.verified.map((e) => [e.userId, e.deviceId])).to.deep.equal([[b.userId, b.deviceId]]);
    expect(await crossSigned(clientB, b.deviceId)).to.equal(true);
    await waitFor('A sees B cross-signed', () => crossSigned(clientA, b.deviceId));
    const cryptoB = clientB.getCrypto()!;
    expect(await cryptoB.getSessionBackupPrivateKey()).to.not.equal(null);
    expect(await cryptoB.getActiveSessionBackupVersion()).to.be.a('string');
    const status = await cryptoB.getCrossSigningStatus();
    expect(status.privateKeysCachedLocally).to.deep.equal({ masterKey: true, selfSigningKey: true, userSigningKey: true });
    expect(a.userId).to.equal(b.userId);
  });

  it('Security Phrase: a wrong phrase is explained, the right one verifies (keyboard only)', async () => {
    const phrase = `correct horse ${crypto.randomUUID()}`;
    const { b, clientB } = await setUpPair(phrase);
    const el = await fixture<XsVerifyLogin>(html`<xs-verify-login .client=${clientB}></xs-verify-login>`);
    await stageIs(el, 'Verify this session');
    await press(el, 'Use your Security Key or Phrase');
    await stageIs(el, 'Enter your Security Key');
    await press(el, 'Use your Security Phrase instead');
    await stageIs(el, 'Enter your Security Phrase');
    await expect(el).to.be.accessible();
    await typeAndSubmit(el, 'not the phrase');
    await waitFor('wrong phrase explained', () => alertText(el).includes('Security Phrase isn’t correct'), { timeoutMs: 30_000 });
    await typeAndSubmit(el, phrase);
    await stageIs(el, 'Verified', 60_000);
    expect(await crossSigned(clientB, b.deviceId)).to.equal(true);
  });
});
