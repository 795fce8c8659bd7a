// <xs-setup-wizard mode="reset"> against the real Synapse: with an active session, with the key lost,
// interrupted and repaired; password UIA through the embedded <xs-auth-prompt>.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { MatrixClient } from 'matrix-js-sdk';
import type { XsSetupWizard } from '../../src/components/setup-wizard/setup-wizard.js';
import type { XsStatus } from '../../src/components/status/status.js';
import '../../src/define/xs-status.js';
import { sleep } from '../../src/internal/async.js';
import type { XsRequestExportEvent } from '../../src/events/xs-request-export.js';
import type { XsRequestSessionsEvent } from '../../src/events/xs-request-sessions.js';
import type { XsSetupCompleteEvent } from '../../src/events/xs-setup-complete.js';
import { stopAllClients } from '../support/clients.js';
import { loginDevice, registerUser, type Session } from '../support/homeserver.js';
import {
  deepActive,
  expectComplete,
  expectHeadingFocused,
  failOnce,
  generateAndConfirmKey,
  heading,
  kitClient,
  pressButton,
  root,
  setUpViaUi,
  tabTo,
  unlockWithKey,
  waitHeading,
  wizardFor,
} from '../support/setup-wizard.js';
import { secretsScan } from '../support/secrets-scan.js';
import { serverState } from '../support/server-state.js';
import { waitFor } from '../support/wait.js';

/** Types the reset confirmation word. */
async function confirmReset(el: XsSetupWizard) {
  await waitHeading(el, 'Confirm the reset');
  await tabTo('reset word', (x) => x.id === 'reset-word');
  await sendKeys({ type: 'reset' });
  await sendKeys({ press: 'Enter' });
}

/** Answers the password prompt inside the wizard. */
async function enterPassword(el: XsSetupWizard, password: string) {
  await waitHeading(el, 'Confirm your identity');
  const prompt = () => root(el).querySelector('xs-auth-prompt')!;
  await waitFor('password field', () => prompt().shadowRoot?.querySelector('#pw'));
  await tabTo('password field', (x) => x.id === 'pw');
  await sendKeys({ type: password });
  await sendKeys({ press: 'Enter' });
}

/** From "Reset your encryption": continue, confirm, take a new key, sign in; resolves with the new key when done. */
async function completeReset(el: XsSetupWizard, password: string, beforePassword?: () => Promise<void>) {
  await pressButton('Continue to reset');
  await confirmReset(el);
  const key = await generateAndConfirmKey(el, { a11y: false });
  if (beforePassword) {
    await waitHeading(el, 'Confirm your identity');
    await beforePassword();
  }
  await enterPassword(el, password);
  await waitHeading(el, 'You’re all set');
  return key;
}

async function masterKeyOf(client: MatrixClient) {
  return client.getCrypto()!.getCrossSigningKeyId();
}

/** A new user whose first session set up encryption through the wizard; its master key id. */
async function setUpAccount(prefix: string) {
  const a = await registerUser(prefix);
  const client = await kitClient(a);
  const key = await setUpViaUi(client);
  return { a, client, key, master: await masterKeyOf(client) };
}

/** A new session of `user` opens the wizard and chooses "I lost my key: reset instead". */
async function resetFromNewSession(user: Session) {
  const client = await kitClient(await loginDevice(user, 'New device'));
  const el = await wizardFor(client);
  await waitHeading(el, 'Verify this session');
  await pressButton('I lost my key: reset instead');
  await waitHeading(el, 'Reset your encryption');
  return { client, el };
}

/** The reset left a complete account with a new identity (not `oldMaster`) that a new device unlocks with `key`. */
async function expectNewIdentity(user: Session, client: MatrixClient, oldMaster: string | null, key: string) {
  await expectComplete(client);
  expect(await masterKeyOf(client)).to.not.equal(oldMaster);
  const other = await loginDevice(user, 'Device after the reset');
  await unlockWithKey(other, key);
}

describe('<xs-setup-wizard mode="reset"> with Synapse', () => {
  afterEach(stopAllClients);

  it('resets with an active session: kept/lost, export offer, typed confirmation, wrong then right password, review sessions', async () => {
    const t0 = performance.now();
    const a = await registerUser('resetactive');
    const client = await kitClient(a);
    const oldKey = await setUpViaUi(client);
    const oldMaster = await masterKeyOf(client);
    const oldBackup = await client.getCrypto()!.getActiveSessionBackupVersion();
    const b = await loginDevice(a, 'Other device');
    await unlockWithKey(b, oldKey);

    const el = await wizardFor(client, 'reset');
    await waitHeading(el, 'Reset your encryption');
    expect(root(el).querySelector('#no-session-warning'), 'no stronger warning with an active session').to.equal(null);
    expect(root(el).textContent).to.include('You keep').and.include('You lose');
    await expect(el).to.be.accessible();
    const exp = oneEvent<XsRequestExportEvent>(el, 'xs-request-export');
    await pressButton('Export your room keys first');
    expect((await exp).reason).to.equal('before-reset');
    await el.updateComplete;
    expect(root(el).textContent).to.include('Export room keys');
    await pressButton('Continue to reset');

    await waitHeading(el, 'Confirm the reset');
    await expect(el).to.be.accessible();
    await tabTo('reset word', (x) => x.id === 'reset-word');
    await sendKeys({ type: 'maybe' });
    await sendKeys({ press: 'Enter' });
    await waitFor('mismatch shown', () => root(el).querySelector('#reset-err'));
    await expect(el).to.be.accessible();
    await tabTo('reset word', (x) => x.id === 'reset-word');
    for (let i = 0; i < 'maybe'.length; i++) await sendKeys({ press: 'Backspace' });
    await sendKeys({ type: 'RESET' });
    await sendKeys({ press: 'Enter' });

    const newKey = await generateAndConfirmKey(el);
    await enterPassword(el, 'not-the-password');
    const prompt = () => root(el).querySelector('xs-auth-prompt')!;
    await waitFor('Incorrect password', () => prompt().shadowRoot!.querySelector('[role=alert]')?.textContent?.includes('Incorrect password'));
    await expect(el).to.be.accessible();
    expect(deepActive()?.id === 'pw' || heading(el) === 'Confirm your identity').to.equal(true);
    await tabTo('password field', (x) => x.id === 'pw');
    await sendKeys({ type: a.password });
    const complete = oneEvent<XsSetupCompleteEvent>(el, 'xs-setup-complete');
    await sendKeys({ press: 'Enter' });
    await waitHeading(el, 'You’re all set');
    expect((await complete).mode).to.equal('reset');
    await expect(el).to.be.accessible();
    const sessions = oneEvent<XsRequestSessionsEvent>(el, 'xs-request-sessions');
    await pressButton('Review your sessions');
    expect((await sessions).reason).to.equal('after-reset');

    await expectComplete(client);
    expect(await masterKeyOf(client)).to.not.equal(oldMaster);
    expect(await client.getCrypto()!.getActiveSessionBackupVersion()).to.not.equal(oldBackup);
    // The other session is no longer verified by the new identity.
    await waitFor('other session unverified', async () =>
      (await client.getCrypto()!.getDeviceVerificationStatus(a.userId, b.deviceId))?.crossSigningVerified === false, { timeoutMs: 10_000, intervalMs: 200 });
    const c = await loginDevice(a, 'Third device');
    await unlockWithKey(c, newKey);
    console.log(`[timing] reset with active session: ${Math.round(performance.now() - t0)} ms`);
  });

  it('resets when the key is lost and no session is verified: stronger warning, then a new identity', async () => {
    const { a, client: first, master: oldMaster } = await setUpAccount('resetlost');
    // The only verified session is gone (signed out), and its key was lost.
    await first.logout(true);

    const { client, el } = await resetFromNewSession(a);
    expect(root(el).querySelector('#no-session-warning')?.textContent).to.include('do not accept');
    await expect(el).to.be.accessible();
    const key = await completeReset(el, a.password);
    await expectNewIdentity(a, client, oldMaster, key);
  });

  it('a reset finishes while <xs-status> watches the same client and the password takes a while (no key query forced mid-reset)', async () => {
    const { a, client, master: oldMaster } = await setUpAccount('resetstatus');
    const status = await fixture<XsStatus>(html`<xs-status .client=${client}></xs-status>`);
    await waitFor('status ready', () => status.state === 'ready');

    const el = await wizardFor(client, 'reset');
    await waitHeading(el, 'Reset your encryption');
    // The new keys exist and wait for the password; a person takes a few seconds, the status reacts meanwhile.
    const key = await completeReset(el, a.password, () => sleep(2000));
    await expectNewIdentity(a, client, oldMaster, key);
    // The status shows the new identity as ready, with no "if this wasn't you" warning: the reset was made here.
    await waitFor('status ready with the new identity', () => status.state === 'ready');
    expect(status.shadowRoot!.querySelectorAll('[data-warning]').length, 'no change warnings').to.equal(0);
  });

  it('a new session whose other session is signed by the identity gets the normal reset warning, not "none is verified"', async () => {
    const { a } = await setUpAccount('resetnewsess');
    const { el } = await resetFromNewSession(a);
    expect(root(el).querySelector('#no-session-warning'), 'the first session can still verify this one').to.equal(null);
    expect(root(el).textContent).to.include('You keep');
  });

  it('an interrupted reset (failure, then the page closed) is repaired by running the wizard again', async () => {
    const a = await registerUser('resetcut');
    // Fails the upload of the new secret-storage key description, which comes right after resetEncryption.
    const fail = failOnce((url, init) => init?.method === 'PUT' && /account_data\/m\.secret_storage\.key\./.test(url) && typeof init?.body === 'string' && /algorithm/.test(init.body), { armed: false });
    const client = await kitClient(a, { wrapFetch: fail.wrap });
    await setUpViaUi(client);
    const oldMaster = await masterKeyOf(client);
    fail.arm();

    const el = await wizardFor(client, 'reset');
    await waitHeading(el, 'Reset your encryption');
    await pressButton('Continue to reset');
    await confirmReset(el);
    await generateAndConfirmKey(el, { a11y: false });
    await enterPassword(el, a.password);
    await waitHeading(el, 'Not finished yet');
    expect(fail.failed).to.equal(true);
    // The page is closed: the element goes away with the key.
    el.remove();
    expect(await masterKeyOf(client), 'new identity already uploaded').to.not.equal(oldMaster);

    // The old identity's stored secrets and backup went right after the authenticated upload: nothing stale passes for set up.
    expect(await client.getCrypto()!.isSecretStorageReady()).to.equal(false);
    const again = await wizardFor(client);
    await waitHeading(again, 'Finish setting up secure messaging');
    await expect(again).to.be.accessible();
    await pressButton('Continue');
    const key = await generateAndConfirmKey(again, { a11y: false });
    await waitHeading(again, 'You’re all set');
    await expectComplete(client);
    const b = await loginDevice(a, 'Second device');
    await unlockWithKey(b, key);
  });

  it('a reset whose identity upload is refused after the password changes nothing; the account stays set up and a new reset works', async () => {
    const a = await registerUser('resetcut2');
    const fail = failOnce((url, init) => init?.method === 'POST' && url.includes('/keys/device_signing/upload') && typeof init?.body === 'string' && /"auth"/.test(init.body),
      // A 4xx: the SDK retries 5xx uploads by itself for ~30 s, which would hide the cut.
      { armed: false, status: 400 });
    const client = await kitClient(a, { wrapFetch: fail.wrap });
    await setUpViaUi(client);
    const oldMaster = await masterKeyOf(client);
    const before = await serverState(client);
    fail.arm();
    const el = await wizardFor(client, 'reset');
    await waitHeading(el, 'Reset your encryption');
    await pressButton('Continue to reset');
    await confirmReset(el);
    await generateAndConfirmKey(el, { a11y: false });
    await enterPassword(el, a.password);
    // The upload failed after the password: the prompt explains it and offers to try again.
    const prompt = () => root(el).querySelector('xs-auth-prompt')!;
    await waitFor('upload failure explained', () => prompt()?.shadowRoot?.querySelector('[role=alert]')?.textContent?.includes('error 400')).catch((e: Error) => {
      throw new Error(`${e.message}; failed=${fail.failed}; wizard: ${root(el).textContent?.replace(/\s+/g, ' ')}; prompt: ${prompt()?.shadowRoot?.textContent?.replace(/\s+/g, ' ')}`);
    });
    expect(fail.failed).to.equal(true);
    await expect(el).to.be.accessible();
    el.remove();
    // Nothing was deleted before the identity upload, and this session gets its old keys back.
    await waitFor('old keys back in this session', async () => (await masterKeyOf(client)) === oldMaster, { timeoutMs: 15_000 });
    expect(await serverState(client), 'backup, secret storage and identity as before').to.deep.equal(before);

    const again = await wizardFor(client);
    await waitHeading(again, 'Secure messaging is set up');
    await pressButton('Reset encryption');
    await waitHeading(again, 'Reset your encryption');
    const key = await completeReset(again, a.password);
    await expectNewIdentity(a, client, oldMaster, key);
  });

  it('Cancel at the password prompt of a reset: says nothing changed, and nothing did (checked on the server and by the old key)', async () => {
    const { a, client, master, key } = await setUpAccount('resetcancel');
    const before = await serverState(client);
    const scan = secretsScan();
    const el = await wizardFor(client, 'reset');
    await waitHeading(el, 'Reset your encryption');
    await pressButton('Continue to reset');
    await confirmReset(el);
    await generateAndConfirmKey(el, { a11y: false });
    await waitHeading(el, 'Confirm your identity');
    const prompt = () => root(el).querySelector('xs-auth-prompt')!;
    await waitFor('password field', () => prompt().shadowRoot?.querySelector('#pw'));
    await tabTo('Cancel', (x) => x.tagName === 'BUTTON' && x.textContent?.trim() === 'Cancel');
    await sendKeys({ press: 'Enter' });
    await waitHeading(el, 'Reset cancelled');
    expectHeadingFocused(el);
    await expect(el).to.be.accessible();
    expect(root(el).textContent).to.include('Nothing on your account was changed');
    expect(await serverState(client), 'backup, secret storage and identity as before').to.deep.equal(before);
    scan.check([key, a.password], [], [el]);
    scan.stop();
    await waitFor('this session still holds the identity', async () => (await masterKeyOf(client)) === master, { timeoutMs: 15_000 });
    await expectComplete(client);
    const b = await loginDevice(a, 'Second device');
    await unlockWithKey(b, key);
  });

  it('the own-user key-query trap: a /keys/query forced between creating and uploading the new keys is detected and repaired', async () => {
    const a = await registerUser('resettrap');
    let armed = false;
    let forced = 0;
    const client: MatrixClient = await kitClient(a, {
      wrapFetch: (inner) => async (input, init) => {
        const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
        if (armed && forced === 0 && init?.method === 'POST' && url.includes('/keys/device_signing/upload')) {
          forced++;
          // Exactly the race from the notes: our own identity is queried after the new keys exist locally.
          await fetch(`${client.baseUrl}/_matrix/client/v3/keys/query`, { method: 'POST', cache: 'no-store', headers: { authorization: `Bearer ${a.accessToken}`, 'content-type': 'application/json' }, body: JSON.stringify({ device_keys: { [a.userId]: [] } }) });
          await client.getCrypto()!.userHasCrossSigningKeys(undefined, true);
        }
        return inner(input, init);
      },
    });
    await setUpViaUi(client);
    const oldMaster = await masterKeyOf(client);
    armed = true;
    const el = await wizardFor(client, 'reset');
    await waitHeading(el, 'Reset your encryption');
    await pressButton('Continue to reset');
    await confirmReset(el);
    const key = await generateAndConfirmKey(el, { a11y: false });
    // The server may ask again if the repair has to upload another identity: answer every password prompt.
    const wiz = () => (el as unknown as { wizard: { stage: { kind: string; uia?: { stage: { kind: string } } } } }).wizard.stage;
    const answered = new Set<unknown>();
    let prompts = 0;
    for (;;) {
      await waitFor('password prompt, done or failure', () => {
        const st = wiz();
        return st.kind === 'done' || st.kind === 'commit-failed' || (st.kind === 'auth' && st.uia!.stage.kind === 'password' && !answered.has(st.uia));
      }, { timeoutMs: 30_000 });
      const st = wiz();
      if (st.kind === 'done') break;
      if (st.kind === 'commit-failed') throw new Error(root(el).textContent.replace(/\s+/g, ' '));
      answered.add(st.uia);
      prompts++;
      await el.updateComplete;
      await enterPassword(el, a.password);
      await waitFor('password sent', () => wiz().uia?.stage.kind !== 'password' || wiz().kind !== 'auth', { timeoutMs: 30_000 });
    }
    console.log(`[xs] trap test: ${prompts} password prompt(s)`);
    expect(prompts, 'one prompt for the reset, a second when the dropped keys had to be made again').to.be.within(1, 2);
    await waitHeading(el, 'You’re all set');
    expect(forced).to.equal(1);
    await expectNewIdentity(a, client, oldMaster, key);
  });

  it('repairs a dangling default secret-storage key without touching the identity', async () => {
    const { a, client, master } = await setUpAccount('dangling');
    await client.setAccountData('m.secret_storage.default_key', { key: 'no-such-key' });
    const el = await wizardFor(client);
    await waitHeading(el, 'Finish setting up secure messaging');
    await pressButton('Continue');
    const key = await generateAndConfirmKey(el, { a11y: false });
    await waitHeading(el, 'You’re all set');
    await expectComplete(client);
    expect(await masterKeyOf(client)).to.equal(master);
    const b = await loginDevice(a, 'Second device');
    await unlockWithKey(b, key);
  });
});
