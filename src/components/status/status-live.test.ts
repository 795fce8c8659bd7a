// <xs-status>, own view: the details, live updates and warnings, timers, listeners, device isolation, keyboard, language.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { fake, mount, settled, $ } from '../../../test/support/status-element.js';
import type { XsRequestVerifyEvent } from '../../events/xs-request-verify.js';
import type { XsStatusChangeEvent } from '../../events/xs-status-change.js';
import { registerTranslation } from '../../i18n/registry.js';
import type { XsStatus } from './status.js';

describe('<xs-status> own view: details and live updates', () => {
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
