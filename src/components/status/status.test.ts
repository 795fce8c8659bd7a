import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { FakeClient, readyStatus, type FakeStatus } from '../../../test/support/fake-status-client.js';
import '../../define/xs-status.js';
import type { XsErrorEvent } from '../../events/xs-error.js';
import type { XsIdentityAcceptedEvent } from '../../events/xs-identity-accepted.js';
import type { XsRequestBackupEvent } from '../../events/xs-request-backup.js';
import type { XsRequestResetEvent } from '../../events/xs-request-reset.js';
import type { XsRequestSetupEvent } from '../../events/xs-request-setup.js';
import type { XsRequestVerifyEvent } from '../../events/xs-request-verify.js';
import type { XsStatusChangeEvent } from '../../events/xs-status-change.js';
import { registerTranslation } from '../../i18n/registry.js';
import { accountModel } from '../../sdk/account.js';
import type { XsStatus } from './status.js';

function fake(over: Partial<FakeStatus> = {}, opts: { crypto?: boolean } = {}) {
  return new FakeClient({ ...readyStatus(), ...over }, opts);
}

async function mount(client: FakeClient | undefined, extra: { userId?: string; recheckInterval?: number } = {}) {
  return fixture<XsStatus>(
    html`<xs-status .client=${client?.asClient} user-id=${extra.userId ?? ''} .recheckInterval=${extra.recheckInterval ?? 60_000}></xs-status>`,
  );
}

async function settled(el: XsStatus, state: string) {
  await waitUntil(() => el.state === state, `state ${state} (now ${el.state})`, { timeout: 3000 });
  await el.updateComplete;
}

const $ = (el: XsStatus) => {
  const root = el.shadowRoot!;
  return {
    headline: root.querySelector('h2')?.textContent?.trim(),
    text: root.textContent?.replace(/\s+/g, ' ') ?? '',
    button: (re: RegExp) => [...root.querySelectorAll('button')].find((b) => re.test(b.textContent ?? '')),
    buttons: () => [...root.querySelectorAll('button')].map((b) => b.textContent?.trim()),
    detail: (k: string) => root.querySelector(`[data-detail="${k}"]`)?.textContent?.trim(),
    warnings: () => [...root.querySelectorAll('[part~=warning]')].map((w) => w.getAttribute('data-warning')),
  };
};

describe('<xs-status> own view', () => {
  it('no client: a clear "not connected" state, no buttons, accessible', async () => {
    const el = await mount(undefined);
    await settled(el, 'no-client');
    expect($(el).headline).to.equal('Not connected');
    expect($(el).buttons()).to.deep.equal([]);
    expect(el.matches(':state(no-client)')).to.equal(true);
    expect(el.getAttribute('state')).to.equal('no-client');
    await expect(el).to.be.accessible();
  });

  it('client without crypto: crypto-off', async () => {
    const el = await mount(fake({}, { crypto: false }));
    await settled(el, 'crypto-off');
    expect($(el).headline).to.equal('Encryption is not available');
    await expect(el).to.be.accessible();
  });

  it('crypto arriving later (initRustCrypto after the element got the client) is picked up on the next sync', async () => {
    const c = fake({}, { crypto: false });
    const el = await mount(c);
    await settled(el, 'crypto-off');
    c.crypto = new FakeClient(c.s).getCrypto();
    c.emit('sync', 'PREPARED', null);
    await settled(el, 'ready');
  });

  it('checking while the first read runs (in a live region)', async () => {
    const el = await mount(fake({ readError: 'hang' }));
    await settled(el, 'checking');
    expect($(el).headline).to.equal('Checking encryption…');
    expect(el.shadowRoot!.querySelector('[role=status] h2')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('never an endless spinner: a hung read times out into an explained error', async () => {
    const c = fake({ readError: 'hang' });
    const el = await fixture<XsStatus>(html`<xs-status .client=${c.asClient} read-timeout="200"></xs-status>`);
    await settled(el, 'error');
    expect($(el).text).to.include('This is taking too long');
    await expect(el).to.be.accessible();
  });

  it('error when the crypto store fails, with the reason and a working "Check again"', async () => {
    const c = fake({ readError: new TypeError('Failed to fetch') });
    const el = await mount(c);
    await settled(el, 'error');
    expect($(el).headline).to.equal('Could not check encryption');
    expect($(el).text).to.include('The homeserver could not be reached');
    await expect(el).to.be.accessible();
    c.s.readError = null;
    $(el).button(/Check again/)!.click();
    await settled(el, 'ready');
  });

  it('homeserver unreachable and no identity known here: error, not "not set up"; retry recovers', async () => {
    const c = fake({ published: false, deviceVerified: false, backup: null, identityError: new TypeError('Failed to fetch'), backupError: new TypeError('Failed to fetch') });
    const el = await mount(c);
    await settled(el, 'error');
    expect($(el).text).to.include('could not be reached');
    expect($(el).button(/Set up encryption/)).to.equal(undefined);
    await expect(el).to.be.accessible();
    c.s.identityError = null;
    c.s.backupError = null;
    $(el).button(/Check again/)!.click();
    await settled(el, 'not-set-up');
  });

  it('not-set-up → xs-request-setup; handled by the host → no fallback note', async () => {
    const el = await mount(fake({ published: false, deviceVerified: false, backup: null, defaultKeyId: null }));
    await settled(el, 'not-set-up');
    await expect(el).to.be.accessible();
    el.addEventListener('xs-request-setup', (e) => e.preventDefault(), { once: true });
    setTimeout(() => $(el).button(/Set up encryption/)!.click());
    const ev = await oneEvent<XsRequestSetupEvent>(el, 'xs-request-setup');
    expect(ev.reason).to.equal('not-set-up');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.note[role=status]')).to.equal(null);
  });

  it('unverified → xs-request-verify (this-session, unverified) and xs-request-reset (cannot-verify); unhandled → explained', async () => {
    const el = await mount(fake({ deviceVerified: false }));
    await settled(el, 'unverified');
    expect($(el).headline).to.equal('This session is not verified');
    await expect(el).to.be.accessible();
    setTimeout(() => $(el).button(/Verify this session/)!.click());
    const v = await oneEvent<XsRequestVerifyEvent>(el, 'xs-request-verify');
    expect([v.subject, v.reason, v.userId, v.deviceId, v.cancelable]).to.deep.equal(['this-session', 'unverified', '@me:example.org', 'THISDEVICE', true]);
    await el.updateComplete;
    expect($(el).text).to.include('can’t verify from here');
    setTimeout(() => $(el).button(/Reset your identity/)!.click());
    const r = await oneEvent<XsRequestResetEvent>(el, 'xs-request-reset');
    expect(r.reason).to.equal('cannot-verify');
    expect(r.cancelable).to.equal(true);
    await el.updateComplete;
    expect($(el).text).to.include('can’t reset your identity from here');
    await expect(el).to.be.accessible();
  });

  it('keys-missing (private keys not here) → verify with reason keys-missing, reset offered', async () => {
    const el = await mount(fake({ cached: { masterKey: false, selfSigningKey: true, userSigningKey: false } }));
    await settled(el, 'keys-missing');
    expect($(el).headline).to.equal('Your keys are out of sync');
    await expect(el).to.be.accessible();
    setTimeout(() => $(el).button(/Get your keys back/)!.click());
    const v = await oneEvent<XsRequestVerifyEvent>(el, 'xs-request-verify');
    expect([v.subject, v.reason]).to.deep.equal(['this-session', 'keys-missing']);
    setTimeout(() => $(el).button(/Lost your keys/)!.click());
    expect((await oneEvent<XsRequestResetEvent>(el, 'xs-request-reset')).reason).to.equal('keys-missing');
  });

  it('just verified, keys on their way: "Receiving your keys…" (no action), then ready when they arrive; or, past the bound, what is missing', async () => {
    const c = fake({ deviceVerified: false, cached: { masterKey: false, selfSigningKey: false, userSigningKey: false }, backupPrivateKey: false, backupMatches: false });
    // Another reader of the same account model with a short bound (the model uses the smallest).
    const offShort = accountModel(c.asClient).subscribe({ receiveKeysTimeoutMs: 300 });
    const el = await mount(c);
    await settled(el, 'unverified');
    c.s.deviceVerified = true;
    c.emit('crypto.devicesUpdated', ['@me:example.org'], false);
    await settled(el, 'receiving-keys');
    expect($(el).headline).to.equal('Receiving your keys…');
    expect($(el).buttons().filter((b) => b !== 'Dismiss')).to.deep.equal([]);
    expect(el.matches(':state(receiving-keys)')).to.equal(true);
    await expect(el).to.be.accessible();
    c.s.cached = { masterKey: true, selfSigningKey: true, userSigningKey: true };
    c.emit('receivedToDeviceMessage', { message: { type: 'm.secret.send' }, encryptionInfo: null });
    await settled(el, 'keys-missing');
    expect($(el).text).to.include('did not send all your keys (missing: your key backup key)');
    expect($(el).button(/Get your keys back/)).to.not.equal(undefined);
    await expect(el).to.be.accessible();
    c.s.backupPrivateKey = true;
    c.s.backupMatches = true;
    c.emit('crypto.keyBackupDecryptionKeyCached', '1');
    await settled(el, 'ready');
    offShort();
  });

  it('keys-missing (not in secret storage) → "Fix key storage" asks for setup (secret-storage)', async () => {
    const el = await mount(fake({ ssReady: false, inSecretStorage: false }));
    await settled(el, 'keys-missing');
    expect($(el).text).to.include('secret storage doesn’t hold them all');
    expect($(el).button(/Reset/)).to.equal(undefined);
    setTimeout(() => $(el).button(/Fix key storage/)!.click());
    expect((await oneEvent<XsRequestSetupEvent>(el, 'xs-request-setup')).reason).to.equal('secret-storage');
    await expect(el).to.be.accessible();
  });

  it('no-backup → xs-request-backup (missing / untrusted)', async () => {
    const el = await mount(fake({ backup: null, activeVersion: null, backupPrivateKey: false }));
    await settled(el, 'no-backup');
    expect($(el).headline).to.equal('Your messages are not backed up');
    await expect(el).to.be.accessible();
    setTimeout(() => $(el).button(/Set up backup/)!.click());
    expect((await oneEvent<XsRequestBackupEvent>(el, 'xs-request-backup')).reason).to.equal('missing');

    const el2 = await mount(fake({ backupTrusted: false, backupMatches: false, activeVersion: null, backupPrivateKey: false }));
    await settled(el2, 'no-backup');
    expect($(el2).text).to.include('this session can’t trust it');
    setTimeout(() => $(el2).button(/Set up backup/)!.click());
    expect((await oneEvent<XsRequestBackupEvent>(el2, 'xs-request-backup')).reason).to.equal('untrusted');
  });

  for (const [label, error, words] of [
    ['5xx', Object.assign(new Error('Bad gateway'), { httpStatus: 502 }), 'had a problem (error 502)'],
    ['429', Object.assign(new Error('slow down'), { httpStatus: 429, errcode: 'M_LIMIT_EXCEEDED', data: { retry_after_ms: 3000 } }), 'try again in 3 s'],
    ['network down', new TypeError('Failed to fetch'), 'could not be reached'],
  ] as const) {
    it(`backup endpoint ${label}: explained, not shown as "no backup", retry offered`, async () => {
      const c = fake({ backupError: error });
      const el = await mount(c);
      await settled(el, 'no-backup');
      expect($(el).text).to.include('could not be checked');
      expect($(el).text).to.include(words);
      expect($(el).warnings()).to.deep.equal(['backup-unreachable']);
      expect($(el).button(/Set up backup/)).to.equal(undefined);
      await expect(el).to.be.accessible();
      c.s.backupError = null;
      $(el).button(/Check again/)!.click();
      await settled(el, 'ready');
      expect($(el).warnings()).to.deep.equal([]);
    });
  }

  it('ready: details list every fact in words, key grouped in fours, no secret anywhere', async () => {
    const c = fake();
    const changes: XsStatusChangeEvent[] = [];
    const el = await fixture<XsStatus>(html`<xs-status .client=${c.asClient} @xs-status-change=${(e: XsStatusChangeEvent) => changes.push(e)}></xs-status>`);
    await settled(el, 'ready');
    expect(el.matches(':state(ready)')).to.equal(true);
    el.shadowRoot!.querySelector('summary')!.click();
    await el.updateComplete;
    const d = $(el).detail;
    expect(d('published')).to.equal('Yes');
    expect(d('backup-version')).to.equal('1');
    expect(d('backup-algorithm')).to.equal('m.megolm_backup.v1.curve25519-aes-sha2');
    expect(d('default-key')).to.equal('key1');
    expect(d('device-id')).to.equal('THISDEVICE');
    expect(d('fingerprint')).to.equal('abcd EFGH ijkl MNOP qrst UVWX yz01 2345 6789 +/AB CDE');
    expect(d('keys-waiting')).to.equal('Unknown');
    c.emit('crypto.keyBackupSessionsRemaining', 1234);
    await el.updateComplete;
    expect(d('keys-waiting')).to.equal('1,234');
    await expect(el).to.be.accessible();
    const last = changes.at(-1)!;
    expect(last.state).to.equal('ready');
    expect(last.details.subject).to.equal('own');
    const json = JSON.stringify(last.details);
    expect(json).to.include('"version":"1"');
    expect(json).to.not.include('7,7,7');
    expect(json).to.not.match(/privateKey|"key":/);
    // The private key copy the adapter read is wiped.
    expect(c.secretBytes.every((b) => b === 7)).to.equal(true);
  });

  it('details stay readable and aligned: values line up across the sections and keep room on a 320 px screen', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div style="width: 800px"><xs-status .client=${fake().asClient}></xs-status></div>`);
    const el = wrap.querySelector('xs-status') as XsStatus;
    await settled(el, 'ready');
    el.shadowRoot!.querySelector('summary')!.click();
    await el.updateComplete;
    const dds = () => [...el.shadowRoot!.querySelectorAll('dd')].map((d) => d.getBoundingClientRect());
    // Wide: every list's values start at the same x (they were at four different columns before).
    const lefts = new Set(dds().map((r) => Math.round(r.left)));
    expect(lefts.size, `value columns start at ${[...lefts].join(', ')}`).to.equal(1);
    // Narrow: each value keeps at least a third of the card, and nothing runs out of the element.
    wrap.style.width = '320px';
    await new Promise((r) => requestAnimationFrame(r));
    const host = el.getBoundingClientRect();
    for (const r of dds()) {
      expect(r.width, 'value column width').to.be.greaterThan(host.width / 3);
      expect(r.right).to.be.at.most(host.right + 0.5);
    }
    const master = el.shadowRoot!.querySelector('[data-detail=master-key] code')!;
    const lineHeight = parseFloat(getComputedStyle(master).lineHeight) || 24;
    expect(master.getBoundingClientRect().height / lineHeight, 'lines of the master key').to.be.at.most(6);
  });

  it('goes live: a changed account-data event re-derives and raises a dismissible "new Security Key" warning', async () => {
    const c = fake();
    const el = await mount(c);
    await settled(el, 'ready');
    c.s.defaultKeyId = 'key2';
    c.emit('accountData', { getType: () => 'm.secret_storage.default_key' });
    await waitUntil(() => $(el).warnings().includes('recovery-changed'), 'warning shown');
    expect(el.shadowRoot!.querySelector('[data-warning=recovery-changed] [role=alert]')!.textContent).to.include('new Security Key or Phrase');
    await expect(el).to.be.accessible();
    $(el).button(/Dismiss/)!.click();
    await el.updateComplete;
    expect($(el).warnings()).to.deep.equal([]);
  });

  it('backup version and own identity changes raise their warnings; irrelevant account data is ignored', async () => {
    const c = fake();
    const el = await mount(c);
    await settled(el, 'ready');
    const reads = c.calls.filter((x) => x === 'getCrossSigningStatus').length;
    c.emit('accountData', { getType: () => 'im.vector.web.settings' });
    await new Promise((r) => setTimeout(r, 150));
    expect(c.calls.filter((x) => x === 'getCrossSigningStatus').length).to.equal(reads);
    c.s.backup = { version: '2', algorithm: 'm.megolm_backup.v1.curve25519-aes-sha2' };
    c.s.activeVersion = '2';
    c.s.masterKey = 'OTHERMASTER';
    c.emit('crossSigning.keysChanged', {});
    await waitUntil(() => $(el).warnings().length === 2, 'two warnings');
    expect($(el).warnings()).to.deep.equal(['backup-changed', 'identity-changed']);
  });

  it('a burst of SDK events is coalesced into one read per frame', async () => {
    const c = fake();
    const el = await mount(c);
    await settled(el, 'ready');
    const before = c.calls.filter((x) => x === 'getCrossSigningStatus').length;
    for (let i = 0; i < 30; i++) {
      c.emit('userTrustStatusChanged', '@me:example.org');
      c.emit('crypto.keyBackupStatus', true);
      c.emit('crypto.devicesUpdated', ['@me:example.org'], false);
    }
    await new Promise((r) => setTimeout(r, 300));
    const reads = c.calls.filter((x) => x === 'getCrossSigningStatus').length - before;
    expect(reads).to.be.within(1, 2);
  });

  it('the periodic re-check notices a backup deleted elsewhere (server does not push it)', async () => {
    const c = fake();
    const el = await mount(c, { recheckInterval: 300 });
    await settled(el, 'ready');
    c.s.backup = null;
    c.s.activeVersion = null;
    await settled(el, 'no-backup');
    expect(c.calls).to.include('checkKeyBackupAndEnable');
  });

  it('offline and not-syncing are explained as warnings, with the last known state kept', async () => {
    const c = fake({ sync: null });
    const el = await mount(c);
    await settled(el, 'ready');
    expect($(el).warnings()).to.deep.equal(['not-syncing']);
    c.s.sync = 'ERROR';
    c.emit('sync', 'ERROR', 'SYNCING');
    await waitUntil(() => $(el).warnings().includes('offline'), 'offline warning');
    expect(el.state).to.equal('ready');
    expect($(el).text).to.include('can’t be reached right now');
    await expect(el).to.be.accessible();
    c.s.sync = 'SYNCING';
    c.emit('sync', 'SYNCING', 'ERROR');
    await waitUntil(() => $(el).warnings().length === 0, 'warning gone');
  });

  it('a stopped client: the last state stays, explained as not syncing', async () => {
    const c = fake();
    const el = await mount(c);
    await settled(el, 'ready');
    c.s.sync = 'STOPPED';
    c.s.readError = Object.assign(new Error('MatrixClient has been stopped'), { name: 'ClientStoppedError' });
    c.emit('sync', 'STOPPED', 'SYNCING');
    await waitUntil(() => $(el).warnings().includes('not-syncing'), 'not-syncing warning');
    expect(el.state).to.equal('ready');
    await expect(el).to.be.accessible();
  });

  it('drops its listeners when removed and when the client changes', async () => {
    const a = fake();
    const b = fake();
    const el = await mount(a);
    await settled(el, 'ready');
    expect(a.listenerCount()).to.be.greaterThan(5);
    el.client = b.asClient;
    await el.updateComplete;
    expect(a.listenerCount()).to.equal(0);
    expect(b.listenerCount()).to.be.greaterThan(5);
    el.remove();
    expect(b.listenerCount()).to.equal(0);
  });

  it('device isolation: defaults to all devices, the checkbox switches to only signed devices', async () => {
    const c = fake();
    const el = await mount(c);
    await settled(el, 'ready');
    expect(el.deviceIsolation).to.equal('all');
    expect(c.isolation).to.deep.equal({ kind: 0, errorOnVerifiedUserProblems: false });
    el.shadowRoot!.querySelector('summary')!.click();
    await el.updateComplete;
    const box = el.shadowRoot!.querySelector<HTMLInputElement>('input[type=checkbox]')!;
    box.click();
    await el.updateComplete;
    expect(el.deviceIsolation).to.equal('only-signed');
    expect(c.isolation).to.deep.equal({ kind: 1 });
  });

  it('the primary action works with the keyboard alone', async function () {
    const el = await mount(fake({ deviceVerified: false }));
    await settled(el, 'unverified');
    let got: XsRequestVerifyEvent | undefined;
    el.addEventListener('xs-request-verify', (e) => (got = e));
    $(el).button(/Verify this session/)!.focus();
    await sendKeys({ press: 'Enter' });
    // Firefox (WebDriver BiDi) may return from the key press a moment before the page has handled it.
    await waitUntil(() => got, 'the Enter key activated the button', { timeout: 5000 }).catch(() => undefined);
    expect(got?.reason).to.equal('unverified');
  });

  it('is localizable: a registered language replaces the headline', async () => {
    registerTranslation('xx', { 'status.headline.ready': 'Alles gut' });
    const el = await fixture<XsStatus>(html`<xs-status lang="xx" .client=${fake().asClient}></xs-status>`);
    await settled(el, 'ready');
    expect($(el).headline).to.equal('Alles gut');
  });
});

describe('<xs-status user-id>', () => {
  const bob = '@bob:example.org';
  const withBob = (o: Partial<FakeStatus['users'][string]>) =>
    fake({ users: { [bob]: { known: true, verified: false, wasVerified: false, needsApproval: false, masterKey: 'BOBMASTERKEY', ...o } } });

  it('unknown user: explained, no actions', async () => {
    const el = await mount(fake(), { userId: bob });
    await settled(el, 'unknown');
    expect($(el).headline).to.equal(`Trust in \u2068${bob}\u2069`); // the id isolated: it reads the same in RTL text
    expect($(el).text).to.include('isn’t known yet');
    await expect(el).to.be.accessible();
  });

  it('verified user', async () => {
    const el = await mount(withBob({ verified: true, wasVerified: true }), { userId: bob });
    await settled(el, 'verified');
    expect($(el).buttons()).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('not verified → "Verify" asks the host (subject user); unhandled → explained', async () => {
    const el = await mount(withBob({}), { userId: bob });
    await settled(el, 'not-verified');
    await expect(el).to.be.accessible();
    setTimeout(() => $(el).button(/^Verify$/)!.click());
    const v = await oneEvent<XsRequestVerifyEvent>(el, 'xs-request-verify');
    expect([v.subject, v.reason, v.userId]).to.deep.equal(['user', 'requested', bob]);
    await el.updateComplete;
    expect($(el).text).to.include('can’t start a verification from here');
  });

  it('was verified, identity changed → "Verify again" or withdraw (calls the SDK, emits xs-identity-accepted)', async () => {
    const c = withBob({ wasVerified: true, needsApproval: true });
    const el = await mount(c, { userId: bob });
    await settled(el, 'was-verified');
    await expect(el).to.be.accessible();
    setTimeout(() => $(el).button(/Verify again/)!.click());
    expect((await oneEvent<XsRequestVerifyEvent>(el, 'xs-request-verify')).reason).to.equal('identity-changed');
    setTimeout(() => $(el).button(/Withdraw/)!.click());
    const ev = await oneEvent<XsIdentityAcceptedEvent>(el, 'xs-identity-accepted');
    expect([ev.userId, ev.action]).to.deep.equal([bob, 'withdrawn']);
    expect(c.calls).to.include(`withdraw ${bob}`);
    await settled(el, 'identity-changed');
  });

  it('identity changed → acknowledge pins it and clears the state', async () => {
    const c = withBob({ needsApproval: true });
    const el = await mount(c, { userId: bob });
    await settled(el, 'identity-changed');
    await expect(el).to.be.accessible();
    setTimeout(() => $(el).button(/Acknowledge/)!.click());
    const ev = await oneEvent<XsIdentityAcceptedEvent>(el, 'xs-identity-accepted');
    expect(ev.action).to.equal('pinned');
    expect(c.calls).to.include(`pin ${bob}`);
    await settled(el, 'not-verified');
    expect($(el).text).to.include('Change acknowledged');
    await expect(el).to.be.accessible();
  });

  it('acknowledge failing (server down) is explained in an alert and as xs-error; the state stays', async () => {
    const c = withBob({ needsApproval: true });
    c.s.pinError = Object.assign(new Error('oops'), { httpStatus: 503 });
    const el = await mount(c, { userId: bob });
    await settled(el, 'identity-changed');
    setTimeout(() => $(el).button(/Acknowledge/)!.click());
    const err = await oneEvent<XsErrorEvent>(el, 'xs-error');
    expect(err.code).to.equal('status.acknowledge-failed');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role=alert]')!.textContent).to.include('error 503');
    expect(el.state).to.equal('identity-changed');
    await expect(el).to.be.accessible();
  });

  it('a trust change event for that user re-renders live', async () => {
    const c = withBob({});
    const el = await mount(c, { userId: bob });
    await settled(el, 'not-verified');
    c.s.users[bob].needsApproval = true;
    c.emit('userTrustStatusChanged', bob);
    await settled(el, 'identity-changed');
  });

  it('user names are rendered as text, never HTML', async () => {
    const evil = '@<img src=x onerror=alert(1)>:example.org';
    const el = await mount(fake(), { userId: evil });
    await settled(el, 'unknown');
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect($(el).headline).to.include('<img');
  });

  it('a long user id wraps inside the card on a narrow screen instead of running out of it', async () => {
    const long = '@a-really-long-user-name-that-goes-on-and-on-forever:some.very.long.homeserver.example.org';
    const wrap = await fixture<HTMLDivElement>(html`<div style="width: 300px"><xs-status .client=${fake().asClient} user-id=${long}></xs-status></div>`);
    const el = wrap.querySelector('xs-status') as XsStatus;
    await settled(el, 'unknown');
    const host = el.getBoundingClientRect();
    const h2 = el.shadowRoot!.querySelector('h2')!;
    expect(h2.scrollWidth, 'heading text wider than the heading').to.be.at.most(h2.clientWidth);
    const range = document.createRange();
    range.selectNodeContents(h2);
    expect(range.getBoundingClientRect().right, 'heading text past the element').to.be.at.most(host.right + 0.5);
    expect(h2.textContent).to.include(long);
  });

  it('own user id shows the own view', async () => {
    const el = await mount(fake(), { userId: '@me:example.org' });
    await settled(el, 'ready');
  });
});
