// <xs-status>, own view: each state, its action and what a press asks of the host.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { FakeClient } from '../../../test/support/fake-status-client.js';
import { fake, mount, settled, $ } from '../../../test/support/status-element.js';
import type { XsRequestBackupEvent } from '../../events/xs-request-backup.js';
import type { XsRequestResetEvent } from '../../events/xs-request-reset.js';
import type { XsRequestSetupEvent } from '../../events/xs-request-setup.js';
import type { XsRequestVerifyEvent } from '../../events/xs-request-verify.js';
import { accountModel } from '../../sdk/account.js';
import type { XsStatus } from './status.js';

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
    const ev = (await oneEvent(el, 'xs-request-setup')) as XsRequestSetupEvent;
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
    const v = (await oneEvent(el, 'xs-request-verify')) as XsRequestVerifyEvent;
    expect([v.subject, v.reason, v.userId, v.deviceId, v.cancelable]).to.deep.equal(['this-session', 'unverified', '@me:example.org', 'THISDEVICE', true]);
    await el.updateComplete;
    expect($(el).text).to.include('can’t verify from here');
    setTimeout(() => $(el).button(/Reset your identity/)!.click());
    const r = (await oneEvent(el, 'xs-request-reset')) as XsRequestResetEvent;
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
    const v = (await oneEvent(el, 'xs-request-verify')) as XsRequestVerifyEvent;
    expect([v.subject, v.reason]).to.deep.equal(['this-session', 'keys-missing']);
    setTimeout(() => $(el).button(/Lost your keys/)!.click());
    expect(((await oneEvent(el, 'xs-request-reset')) as XsRequestResetEvent).reason).to.equal('keys-missing');
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
    expect(((await oneEvent(el, 'xs-request-setup')) as XsRequestSetupEvent).reason).to.equal('secret-storage');
    await expect(el).to.be.accessible();
  });

  it('no-backup → xs-request-backup (missing / untrusted)', async () => {
    const el = await mount(fake({ backup: null, activeVersion: null, backupPrivateKey: false }));
    await settled(el, 'no-backup');
    expect($(el).headline).to.equal('Your messages are not backed up');
    await expect(el).to.be.accessible();
    setTimeout(() => $(el).button(/Set up backup/)!.click());
    expect(((await oneEvent(el, 'xs-request-backup')) as XsRequestBackupEvent).reason).to.equal('missing');

    const el2 = await mount(fake({ backupTrusted: false, backupMatches: false, activeVersion: null, backupPrivateKey: false }));
    await settled(el2, 'no-backup');
    expect($(el2).text).to.include('this session can’t trust it');
    setTimeout(() => $(el2).button(/Set up backup/)!.click());
    expect(((await oneEvent(el2, 'xs-request-backup')) as XsRequestBackupEvent).reason).to.equal('untrusted');
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

});
