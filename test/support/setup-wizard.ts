// Helpers for driving <xs-setup-wizard> through its own UI in e2e tests (keyboard first).
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { MatrixClient } from 'matrix-js-sdk';
import { decodeRecoveryKey } from 'matrix-js-sdk/lib/crypto-api/index.js';
import '../../src/define/xs-setup-wizard.js';
import type { XsSetupWizard } from '../../src/components/setup-wizard/setup-wizard.js';
import { createSecretStorageCallbacks } from '../../src/sdk/secret-storage-keys.js';
import { createTestClient, keyHolder, type ClientOptions } from './clients.js';
import type { Session } from './homeserver.js';
import { waitFor } from './wait.js';

/** A client as a host would create it for the kit: with createSecretStorageCallbacks(). */
export function kitClient(session: Session, opts: ClientOptions = {}): Promise<MatrixClient> {
  return createTestClient(session, { cryptoCallbacks: createSecretStorageCallbacks(), ...opts });
}

export async function wizardFor(client: MatrixClient, mode: 'setup' | 'change-key' | 'reset' = 'setup', stallMs = 15_000): Promise<XsSetupWizard> {
  return fixture<XsSetupWizard>(html`<xs-setup-wizard .client=${client} mode=${mode} stall-ms=${stallMs}></xs-setup-wizard>`);
}

export function root(el: Element): ShadowRoot {
  return el.shadowRoot!;
}

/** The heading of the current step. */
export function heading(el: XsSetupWizard): string {
  return root(el).querySelector('h2')?.textContent?.trim() ?? '';
}

export async function waitHeading(el: XsSetupWizard, text: string, timeoutMs = 30_000): Promise<void> {
  await waitFor(`step "${text}"`, () => heading(el) === text, { timeoutMs }).catch((e: Error) => {
    throw new Error(`${e.message}; now "${heading(el)}": ${root(el).textContent?.replace(/\s+/g, ' ').slice(0, 300)}`);
  });
  await el.updateComplete;
}

/** The focused element, through nested shadow roots. */
export function deepActive(): Element | null {
  let a: Element | null = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
}

/** The current step's heading has the focus (where a keyboard or screen reader user lands on a new step). */
export function expectHeadingFocused(el: XsSetupWizard): void {
  const h = root(el).querySelector('[data-stage-heading]');
  expect(h, 'step heading').to.exist;
  expect(deepActive(), `focus on the heading "${heading(el)}"`).to.equal(h);
}

/** Presses Tab until the focused element matches (keyboard only). */
export async function tabTo(what: string, match: (el: Element) => boolean, max = 20): Promise<void> {
  for (let i = 0; i < max; i++) {
    const a = deepActive();
    if (a && match(a)) return;
    await sendKeys({ press: 'Tab' });
  }
  throw new Error(`could not reach ${what} with Tab (focused: ${deepActive()?.outerHTML.slice(0, 120)})`);
}

export const buttonNamed = (label: string) => (el: Element) => el.tagName === 'BUTTON' && el.textContent?.trim() === label;

/** Tab to a button and press Enter. */
export async function pressButton(label: string): Promise<void> {
  await tabTo(`button "${label}"`, buttonNamed(label));
  await sendKeys({ press: 'Enter' });
}

export function button(el: Element, label: string): HTMLButtonElement {
  const b = [...root(el).querySelectorAll('button')].find((x) => x.textContent?.trim() === label);
  if (!b) throw new Error(`no button "${label}" in ${root(el).textContent?.replace(/\s+/g, ' ').slice(0, 300)}`);
  return b;
}

/** Drives: (explain →) choose key → save (download) → type it back. Returns the key as shown. */
export async function generateAndConfirmKey(el: XsSetupWizard, { a11y = true, chooseHeading = 'Choose how to unlock your messages' } = {}): Promise<string> {
  await waitHeading(el, chooseHeading);
  if (a11y) await expect(el).to.be.accessible();
  await pressButton('Generate a Security Key');
  await waitHeading(el, 'Save your Security Key');
  if (a11y) await expect(el).to.be.accessible();
  const key = root(el).querySelector('#key-text')!.textContent.trim();
  expect(key, 'grouped in fours').to.match(/^(\S{4} )+\S{1,4}$/);
  const cont = button(el, 'Continue');
  expect(cont.disabled, 'Continue disabled until saved').to.equal(true);
  await pressButton('Download');
  await el.updateComplete;
  expect(button(el, 'Continue').disabled).to.equal(false);
  await pressButton('Continue');
  await typeKeyBack(el, key, a11y);
  return key;
}

export async function typeKeyBack(el: XsSetupWizard, key: string, a11y = true): Promise<void> {
  await waitHeading(el, 'Type your Security Key');
  if (a11y) await expect(el).to.be.accessible();
  await tabTo('key input', (x) => x.id === 'confirm-key');
  // Whitespace-tolerant: type it without the spaces.
  await sendKeys({ type: key.replace(/\s+/g, '') });
  await sendKeys({ press: 'Enter' });
}

/** The account is fully set up from `client`'s point of view. */
export async function expectComplete(client: MatrixClient): Promise<void> {
  const crypto = client.getCrypto()!;
  await waitFor('secret storage ready', () => crypto.isSecretStorageReady(), { timeoutMs: 10_000 });
  expect(await crypto.isCrossSigningReady()).to.equal(true);
  const cs = await crypto.getCrossSigningStatus();
  expect(cs.privateKeysCachedLocally).to.deep.equal({ masterKey: true, selfSigningKey: true, userSigningKey: true });
  const status = await crypto.getSecretStorageStatus();
  expect(status.secretStorageKeyValidityMap).to.include({
    'm.cross_signing.master': true,
    'm.cross_signing.self_signing': true,
    'm.cross_signing.user_signing': true,
  });
  const check = await crypto.checkKeyBackupAndEnable();
  expect(check, 'a key backup').to.not.equal(null);
  expect(check!.trustInfo.trusted).to.equal(true);
  const stored = await client.secretStorage.isStored('m.megolm_backup.v1');
  expect(stored && status.defaultKeyId! in stored, 'backup key in secret storage').to.equal(true);
}

/** A second session unlocks with the Security Key: imports the identity, gets cross-signed, loads the backup key. */
export async function unlockWithKey(session: Session, encodedKey: string): Promise<MatrixClient> {
  const holder = keyHolder();
  const other = await createTestClient(session, { cryptoCallbacks: holder.callbacks });
  const crypto = other.getCrypto()!;
  const [keyId, info] = (await other.secretStorage.getKey())!;
  const raw = decodeRecoveryKey(encodedKey);
  expect(await other.secretStorage.checkKey(raw, info), 'key matches secret storage').to.equal(true);
  holder.set(keyId, raw);
  await crypto.userHasCrossSigningKeys(undefined, true);
  await crypto.bootstrapCrossSigning({});
  await crypto.loadSessionBackupPrivateKeyFromSecretStorage();
  await waitFor('second session cross-signed', async () => (await crypto.getDeviceVerificationStatus(session.userId, session.deviceId))?.crossSigningVerified, { timeoutMs: 10_000, intervalMs: 50 });
  expect(await crypto.getSessionBackupPrivateKey()).to.not.equal(null);
  return other;
}

/** Runs the whole setup through the wizard's UI; returns the Security Key shown. The element is removed afterwards. */
export async function setUpViaUi(client: MatrixClient): Promise<string> {
  const el = await wizardFor(client);
  await waitHeading(el, 'Secure your messages');
  await pressButton('Continue');
  const key = await generateAndConfirmKey(el, { a11y: false });
  await waitHeading(el, 'You’re all set');
  el.remove();
  return key;
}

/** fetch that answers the first request matching `match` with `status` (500 by default; once), passing everything else through. */
export function failOnce(match: (url: string, init?: RequestInit) => boolean, { armed = true, status = 500 } = {}) {
  let failed = false;
  return {
    get failed() {
      return failed;
    },
    /** Starts matching (when created with `armed: false`). */
    arm() {
      armed = true;
    },
    wrap: (inner: typeof fetch): typeof fetch => async (input, init) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      if (armed && !failed && match(url, init)) {
        failed = true;
        return new Response(JSON.stringify({ errcode: 'M_UNKNOWN', error: 'injected failure' }), { status, headers: { 'content-type': 'application/json' } });
      }
      return inner(input, init);
    },
  };
}
