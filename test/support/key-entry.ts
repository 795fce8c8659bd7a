// Helpers for end-to-end tests of <xs-verify-login>'s Security Key / Phrase entry: an account set up by one
// real session, new sessions to verify, and keyboard-only driving of the element.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { MatrixClient } from 'matrix-js-sdk';
import '../../src/define/xs-verify-login.js';
import type { XsVerifyLogin } from '../../src/components/verify-login/verify-login.js';
import { createSecretStorageCallbacks, withSecretStorageKey } from '../../src/sdk/secret-storage-keys.js';
import { createTestClient, passwordAuth, waitForOwnDevice } from './clients.js';
import { userWithDevices, type Session } from './homeserver.js';
import { waitFor } from './wait.js';

export interface Account {
  a: Session;
  /** The session that set everything up: cross-signed, holds the private keys. */
  clientA: MatrixClient;
  /** New, unverified sessions with the kit's secret-storage callbacks (fetch recorded by the scan). */
  sessions: { session: Session; client: MatrixClient }[];
  recoveryKey: string;
  keyId: string;
}

/** A user whose session A set up cross-signing, secret storage (from `passphrase` if given) and a backup; `n` new sessions. */
export async function setUpAccount(
  opts: { passphrase?: string; sessions?: number; wrapFetch?: (inner: typeof fetch) => typeof fetch; wrapFetchA?: (inner: typeof fetch) => typeof fetch } = {},
): Promise<Account> {
  const { passphrase, sessions: n = 1, wrapFetch, wrapFetchA } = opts;
  const [a, ...others] = await userWithDevices(1 + n, 'keyentry');
  // A uses the kit's callbacks too: it is the session that repairs out-of-sync storage through the element.
  const clientA = await createTestClient(a, { cryptoCallbacks: createSecretStorageCallbacks(), ...(wrapFetchA ? { wrapFetch: wrapFetchA } : {}) });
  const cryptoA = clientA.getCrypto()!;
  await cryptoA.bootstrapCrossSigning({ authUploadDeviceSigningKeys: passwordAuth(a.userId, a.password) });
  const key = await cryptoA.createRecoveryKeyFromPassphrase(passphrase);
  await withSecretStorageKey(clientA, null, key.privateKey, () =>
    cryptoA.bootstrapSecretStorage({ createSecretStorageKey: async () => key, setupNewSecretStorage: true, setupNewKeyBackup: true }));
  const sessions = [];
  for (const session of others) {
    const client = await createTestClient(session, { cryptoCallbacks: createSecretStorageCallbacks(), ...(wrapFetch ? { wrapFetch } : {}) });
    await waitFor('the new session sees the identity', () => client.getCrypto()!.userHasCrossSigningKeys(undefined, true));
    await waitForOwnDevice(client, a.deviceId);
    sessions.push({ session, client });
  }
  const keyId = (await clientA.secretStorage.getDefaultKeyId())!;
  return { a: a, clientA, sessions, recoveryKey: key.encodedPrivateKey!, keyId };
}

export function root(el: XsVerifyLogin): ShadowRoot {
  return el.shadowRoot!;
}

export function headingText(el: XsVerifyLogin): string {
  return root(el).querySelector('h2')?.textContent?.trim() ?? '';
}

export async function stageIs(el: XsVerifyLogin, heading: string, timeoutMs = 30_000) {
  await waitFor(`"${heading}" (now "${headingText(el)}")`, () => headingText(el) === heading, { timeoutMs });
  await el.updateComplete;
}

export function alertText(el: XsVerifyLogin): string {
  return root(el).querySelector('[role=alert]')?.textContent?.trim() ?? '';
}

export function buttons(el: XsVerifyLogin): string[] {
  return [...root(el).querySelectorAll('button')].map((b) => b.textContent?.trim() ?? '');
}

/** Keyboard only: from the focused stage heading (or the focused field), Tab to the button `label`, press Enter. */
export async function press(el: XsVerifyLogin, label: string) {
  const heading = root(el).querySelector<HTMLElement>('[data-stage-heading]');
  const active = root(el).activeElement;
  if (active !== heading && active?.id !== 'key-input') heading?.focus();
  for (let i = 0; i < 14; i++) {
    await sendKeys({ press: 'Tab' });
    const now = root(el).activeElement as HTMLElement | null;
    if (now?.tagName === 'BUTTON' && now.textContent?.trim() === label) {
      await sendKeys({ press: 'Enter' });
      return;
    }
  }
  throw new Error(`no button "${label}" reachable by Tab in "${headingText(el)}" (${buttons(el).join(' | ')})`);
}

/** Keyboard only: Tab from the heading to the field, replace its text with `text` (typed), press Enter. */
export async function typeAndSubmit(el: XsVerifyLogin, text: string) {
  await toField(el);
  await clearField(el);
  await sendKeys({ type: text });
  await sendKeys({ press: 'Enter' });
}

/** Keyboard only: select all (Ctrl+A) and delete what the focused field holds. */
export async function clearField(el: XsVerifyLogin) {
  const input = root(el).querySelector<HTMLInputElement>('#key-input')!;
  if (!input.value) return;
  await sendKeys({ down: 'Control' });
  await sendKeys({ press: 'a' });
  await sendKeys({ up: 'Control' });
  await sendKeys({ press: 'Backspace' });
  expect(input.value, 'field cleared').to.equal('');
}

export async function toField(el: XsVerifyLogin) {
  const heading = root(el).querySelector<HTMLElement>('[data-stage-heading]');
  if (root(el).activeElement?.id === 'key-input') return;
  if (root(el).activeElement !== heading) heading?.focus();
  for (let i = 0; i < 6; i++) {
    await sendKeys({ press: 'Tab' });
    if (root(el).activeElement?.id === 'key-input') return;
  }
  throw new Error(`no text field reachable by Tab in "${headingText(el)}"`);
}

/** Pastes `text` into the focused field, as a paste from a PDF or a password manager does (tabs, odd spaces). */
export async function paste(el: XsVerifyLogin, text: string) {
  await toField(el);
  await clearField(el);
  expect(document.execCommand('insertText', false, text), 'pasted').to.equal(true);
}

export async function crossSigned(client: MatrixClient) {
  return (await client.getCrypto()!.getDeviceVerificationStatus(client.getSafeUserId(), client.getDeviceId()!))?.crossSigningVerified;
}

export async function openKeyEntry(client: MatrixClient): Promise<XsVerifyLogin> {
  const el = await fixture<XsVerifyLogin>(html`<xs-verify-login .client=${client}></xs-verify-login>`);
  await stageIs(el, 'Verify this session');
  await press(el, 'Use your Security Key or Phrase');
  await stageIs(el, 'Enter your Security Key');
  return el;
}
