// <xs-session-list> against the real Synapse, driven through the element's own UI: a user with four
// sessions (this one cross-signed, one verified, one unverified, one without keys and inactive);
// filters and counts; rename (refused, then saved); an attacker's name rendered inert; verify the
// unverified one (the test plays the host answering xs-request-verify) and see the badge change live;
// sign out two with the keyboard alone, wrong password first, then the right one answered by a 429 (injected
// through fetchFn) and retried after the countdown: the outcome is confirmed as always; the signed-out tokens are
// dead. Device kind and client: Synapse records each session's user agent but keeps it out of the client API
// (`/devices` drops `last_seen_user_agent`: "only for admin access"), so the test adds to Synapse's real answer the
// agent the test clients send (this browser's navigator.userAgent), as servers that report it do.
// Signing out with an account service, and this session: session-list-sign-out.e2e.ts.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define/xs-session-list.js';
import '../../src/define/xs-verify-login.js';
import type { XsVerifyLogin } from '../../src/components/verify-login/verify-login.js';
import type { XsVerifiedEvent } from '../../src/events/xs-verified.js';
import type { XsSessionList } from '../../src/components/session-list/session-list.js';
import type { XsRequestVerifyEvent } from '../../src/events/xs-request-verify.js';
import type { XsSessionsSignedOutEvent } from '../../src/events/xs-sessions-signed-out.js';
import type { XsSessionRenamedEvent } from '../../src/events/xs-session-renamed.js';
import { createTestClient, stopAllClients, waitForOwnDevice } from '../support/clients.js';
import { loginDevice, registerUser } from '../support/homeserver.js';
import { acceptNextSas } from '../support/sas.js';
import { HttpApiEvent } from 'matrix-js-sdk';
import { withTimeout } from '../../src/internal/async.js';
import { waitFor } from '../support/wait.js';
import { button, deepActive, rowIds, rowOf, rows, tabTo, whoami } from '../support/session-list-e2e.js';

const DAY = 86_400_000;
const timings: [string, number][] = [];
let mark = Date.now();
const lap = (what: string) => {
  const t = Date.now();
  timings.push([what, t - mark]);
  mark = t;
};

const vlHeading = (v: XsVerifyLogin) => v.shadowRoot!.querySelector('h2')?.textContent?.trim() ?? '';
async function vlStage(v: XsVerifyLogin, heading: string) {
  await waitFor(`<xs-verify-login> at "${heading}" (now "${vlHeading(v)}")`, () => vlHeading(v) === heading, { timeoutMs: 30_000 });
  await v.updateComplete;
}
/** Keyboard only: from <xs-verify-login>'s stage heading, Tab to the button `label` and press Enter. */
async function vlPress(v: XsVerifyLogin, label: string) {
  const heading = v.shadowRoot!.querySelector<HTMLElement>('[data-stage-heading]');
  if (v.shadowRoot!.activeElement !== heading) heading?.focus();
  await tabTo(`"${label}" in <xs-verify-login>`, (x) => x?.tagName === 'BUTTON' && x.textContent?.trim() === label && v.shadowRoot!.contains(x), { max: 12 });
  await sendKeys({ press: 'Enter' });
}

describe('<xs-session-list> with Synapse', () => {
  afterEach(stopAllClients);
  after(() => console.log(`[timing] session-list e2e: ${timings.map(([w, ms]) => `${w} ${ms} ms`).join(', ')}`));

  it('four sessions: filters, rename, inert names, verify live, keyboard bulk sign-out with a wrong password first', async () => {
    mark = Date.now();
    const a = await registerUser('sessions', 'This browser');
    // D: a plain login without encryption that is used once and then left alone (the "inactive" one).
    const d = await loginDevice(a, 'Old tablet');
    expect((await whoami(d)).status).to.equal(200);
    const dSeen = Date.now();
    // The other sessions must be seen measurably later than D (Synapse records the first request of a token).
    await waitFor('time to pass after D was seen', () => Date.now() - dSeen > 1500, { intervalMs: 100 });
    const b = await loginDevice(a, 'Laptop');
    const c = await loginDevice(a, 'Phone');
    // A's client: Synapse's /devices answer plus the agent (see the file comment) once `reportAgents`; a 429 for the
    // next password sign-out once `limitNext`.
    let reportAgents = false;
    let limitNext = false;
    const passwordDeletes: string[] = [];
    const wrapFetch = (inner: typeof fetch): typeof fetch => async (input, init) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      const body = typeof init?.body === 'string' ? init.body : '';
      if (url.includes('/delete_devices') && /"password"/.test(body)) {
        passwordDeletes.push(url);
        if (limitNext) {
          limitNext = false;
          return new Response(JSON.stringify({ errcode: 'M_LIMIT_EXCEEDED', error: 'Too Many Requests' }), { status: 429, headers: { 'content-type': 'application/json', 'Retry-After': '1' } });
        }
      }
      const res = await inner(input, init);
      if (!reportAgents || !/\/_matrix\/client\/v3\/devices(?:\?|$)/.test(url) || res.status !== 200) return res;
      const json = (await res.json()) as { devices: Record<string, unknown>[] };
      for (const d of json.devices) d['last_seen_user_agent'] = navigator.userAgent;
      return new Response(JSON.stringify(json), { status: 200, headers: { 'content-type': 'application/json' } });
    };
    const [ca, , cc] = await Promise.all([createTestClient(a, { wrapFetch }), createTestClient(b), createTestClient(c)]); // B: its client uploads keys
    const crypto = ca.getCrypto()!;
    await crypto.bootstrapCrossSigning({ authUploadDeviceSigningKeys: async (make) => void (await make(null)) });
    await waitForOwnDevice(ca, b.deviceId);
    await waitForOwnDevice(ca, c.deviceId);
    await crypto.crossSignDevice(b.deviceId);
    await waitFor('B cross-signed as seen by A', async () => (await crypto.getDeviceVerificationStatus(a.userId, b.deviceId))?.crossSigningVerified);
    lap('setup (4 sessions, cross-signing, B signed)');

    const el = await fixture<XsSessionList>(html`<xs-session-list .client=${ca}></xs-session-list>`);
    await waitFor('four sessions listed', async () => {
      await el.updateComplete;
      return rows(el).length === 3 && el.shadowRoot!.querySelector('[part=current]') && rowOf(el, b.deviceId)?.querySelector('.badge.verified');
    });
    lap('first load');
    const cur = el.shadowRoot!.querySelector<HTMLElement>('[part=current]')!;
    expect(cur.textContent).to.contain('This browser').and.contain(a.deviceId).and.contain('Verified');
    expect(rowOf(el, c.deviceId)!.querySelector('.badge.unverified')).to.exist;
    expect(rowOf(el, d.deviceId)!.querySelector('.badge.no-keys')!.textContent).to.equal('No encryption');
    expect(rowOf(el, d.deviceId)!.querySelector('.badge.unverified')).to.equal(null);
    await expect(el).to.be.accessible();
    // Synapse reports no agents: no device kind line.
    expect(el.shadowRoot!.querySelector('.client:not([hidden])')).to.equal(null);
    // With the test clients' agent (HeadlessChrome on Linux here): the kind and client, as text, with its icon.
    reportAgents = true;
    await el.reload();
    await el.updateComplete;
    const ua = navigator.userAgent;
    const expected = `${/Firefox\//.test(ua) ? 'Firefox' : 'Chrome'} on ${/Windows/.test(ua) ? 'Windows' : /Mac OS X/.test(ua) ? 'macOS' : 'Linux'}`;
    for (const line of [el.shadowRoot!.querySelector<HTMLElement>('[part=current] .client')!, ...rows(el).map((r) => r.querySelector<HTMLElement>('.client')!)]) {
      expect([line.hidden, line.dataset['kind'], line.textContent.trim(), line.querySelector('svg')!.getAttribute('aria-label')]).to.deep.equal([false, 'browser', expected, 'Web browser']);
    }
    await expect(el).to.be.accessible();
    lap('device kinds');

    // Inactive: lower the threshold between D's last activity and the others'.
    const { devices } = await ca.getDevices();
    const seen = Object.fromEntries(devices.map((x) => [x.device_id, x.last_seen_ts ?? 0]));
    expect(seen[d.deviceId]).to.be.greaterThan(0);
    const othersSeen = Math.min(seen[b.deviceId], seen[c.deviceId]);
    expect(othersSeen - seen[d.deviceId]).to.be.greaterThan(1000);
    el.inactiveDays = (Date.now() - (seen[d.deviceId] + othersSeen) / 2) / DAY;
    await el.updateComplete;
    const filterLabels = () => [...el.shadowRoot!.querySelectorAll('[data-filter]')].map((x) => x.textContent.trim());
    expect(filterLabels()).to.deep.equal(['All (3)', 'Verified (1)', 'Unverified (1)', 'Inactive (1)']);
    expect(el.shadowRoot!.querySelector('[part=summary]')!.textContent).to.contain('1 of your other sessions is unverified, and 1 is inactive.');
    expect(rowOf(el, d.deviceId)!.querySelector('.badge.inactive:not([hidden])')).to.exist;
    for (const [f, ids] of [['verified', [b.deviceId]], ['unverified', [c.deviceId]], ['inactive', [d.deviceId]]] as const) {
      el.shadowRoot!.querySelector<HTMLButtonElement>(`[data-filter=${f}]`)!.click();
      await el.updateComplete;
      expect(rowIds(el), f).to.deep.equal(ids);
      await expect(el).to.be.accessible();
    }
    el.shadowRoot!.querySelector<HTMLButtonElement>('[data-filter=all]')!.click();
    el.inactiveDays = 90;
    await el.updateComplete;
    lap('filters and counts');

    // Rename B: the server refuses an over-long name (its reason shown, the edit kept), then saves.
    button(rowOf(el, b.deviceId)!, 'Rename')!.click();
    await el.updateComplete;
    const nameInput = () => rowOf(el, b.deviceId)!.querySelector<HTMLInputElement>('input[name=session-name]')!;
    expect(deepActive()).to.equal(nameInput());
    nameInput().value = 'L'.repeat(150);
    await sendKeys({ press: 'Enter' });
    await waitFor('server refusal shown', async () => {
      await el.updateComplete;
      return rowOf(el, b.deviceId)!.querySelector('[role=alert]')?.textContent?.includes('refused the name');
    });
    expect(rowOf(el, b.deviceId)!.querySelector('[role=alert]')!.textContent).to.match(/too long/i);
    expect(nameInput().value).to.equal('L'.repeat(150));
    await expect(el).to.be.accessible();
    nameInput().value = '';
    nameInput().focus();
    await sendKeys({ type: 'Work laptop' });
    const renamed = new Promise<XsSessionRenamedEvent>((r) => el.addEventListener('xs-session-renamed', r, { once: true }));
    await sendKeys({ press: 'Enter' });
    expect((await renamed).displayName).to.equal('Work laptop');
    expect((await ca.getDevices()).devices.find((x) => x.device_id === b.deviceId)!.display_name).to.equal('Work laptop');
    lap('rename');

    // An attacker-style name (markup, a bidi override, a zero-width space) saved on the server renders as inert text.
    button(rowOf(el, d.deviceId)!, 'Rename')!.click();
    await el.updateComplete;
    const evil = '<img src=x onerror="window.__xsPwned=1">\u202Egnp.exe\u200B';
    rowOf(el, d.deviceId)!.querySelector<HTMLInputElement>('input[name=session-name]')!.value = evil;
    await sendKeys({ press: 'Enter' });
    await waitFor('evil name saved', async () => (await ca.getDevices()).devices.find((x) => x.device_id === d.deviceId)!.display_name === evil);
    await el.reload();
    await el.updateComplete;
    const bdi = rowOf(el, d.deviceId)!.querySelector('.name bdi')!;
    expect(bdi.textContent).to.equal('<img src=x onerror="window.__xsPwned=1">U+202Egnp.exeU+200B');
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect((window as unknown as { __xsPwned?: number }).__xsPwned).to.equal(undefined);
    await expect(el).to.be.accessible();
    lap('inert name');

    // Verify C through <xs-verify-login>: the list asks the host (this test), which mounts
    // <xs-verify-login device-id=C>; C's real client accepts and confirms the emoji.
    const responder = acceptNextSas(cc);
    let verifier: XsVerifyLogin | undefined;
    el.addEventListener('xs-request-verify', (e: XsRequestVerifyEvent) => {
      e.preventDefault();
      expect([e.subject, e.reason, e.deviceId]).to.deep.equal(['own-session', 'requested', c.deviceId]);
      verifier = document.createElement('xs-verify-login');
      verifier.client = ca;
      verifier.deviceId = e.deviceId!;
      el.after(verifier);
    }, { once: true });
    const verifyButton = button(rowOf(el, c.deviceId)!, 'Verify')!;
    verifyButton.focus();
    await sendKeys({ press: 'Enter' });
    expect(verifier).to.exist;
    const verified = new Promise<XsVerifiedEvent>((r) => verifier!.addEventListener('xs-verified', r, { once: true }));
    await vlStage(verifier!, 'Choose how to verify');
    await vlPress(verifier!, 'Compare emoji');
    await vlStage(verifier!, 'Compare the emoji');
    await vlPress(verifier!, 'They match');
    expect((await verified).deviceId).to.equal(c.deviceId);
    await responder;
    await waitFor('C shown verified, live', async () => {
      await el.updateComplete;
      return rowOf(el, c.deviceId)?.querySelector('.badge.verified');
    }, { timeoutMs: 30_000 });
    expect(button(rowOf(el, c.deviceId)!, 'Verify')).to.equal(undefined);
    verifier!.remove();
    lap('verify C through <xs-verify-login>, live badge');

    // Sign out C and D with the keyboard alone; a wrong password first.
    const signedOut = new Promise<XsSessionsSignedOutEvent>((r) => el.addEventListener('xs-sessions-signed-out', r, { once: true }));
    // C's own running client must learn it was signed out (its next request gets M_UNKNOWN_TOKEN).
    const cLoggedOut = new Promise<{ errcode?: string }>((r) => cc.once(HttpApiEvent.SessionLoggedOut, (e: { errcode?: string }) => r(e)));
    (document.activeElement as HTMLElement | null)?.blur();
    el.shadowRoot!.querySelector<HTMLElement>('#others-h')!.focus();
    const checkboxOf = (id: string) => rowOf(el, id)!.querySelector('input[type=checkbox]');
    for (const id of [c.deviceId, d.deviceId]) {
      await tabTo(`checkbox of ${id}`, (x) => x === checkboxOf(id));
      await sendKeys({ press: 'Space' });
    }
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.contain('2 selected');
    await tabTo('"Sign out 2 selected"', (x) => x === el.shadowRoot!.querySelector('[data-bulk=selected]'), { backwards: true });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const panel = el.shadowRoot!.querySelector<HTMLElement>('[part=panel]')!;
    expect(panel.querySelector('h3')!.textContent).to.equal('Sign out of 2 sessions?');
    expect(panel.textContent).to.contain('Phone').and.contain(`(${c.deviceId})`).and.contain('gnp.exe').and.contain(`(${d.deviceId})`);
    await expect(el).to.be.accessible();
    await tabTo('the Sign out button', (x) => x?.textContent?.trim() === 'Sign out' && !!x.closest('[part=panel]'));
    await sendKeys({ press: 'Enter' });
    const prompt = await waitFor('auth prompt', () => el.shadowRoot!.querySelector('xs-auth-prompt'));
    await waitFor('password field', () => prompt.shadowRoot!.querySelector('input[type=password]'));
    await expect(el).to.be.accessible();
    await tabTo('password field', (x) => x === prompt.shadowRoot!.querySelector('input[type=password]'));
    await sendKeys({ type: 'not-the-password' });
    await sendKeys({ press: 'Enter' });
    await waitFor('wrong password shown', () => prompt.shadowRoot!.querySelector('[role=alert]')?.textContent?.includes('Incorrect password'));
    await expect(el).to.be.accessible();
    // The right password, answered by a 429 (Retry-After: 1): a countdown, the person's retry, then it goes through.
    limitNext = true;
    await tabTo('password field again', (x) => x === prompt.shadowRoot!.querySelector('input[type=password]'));
    await sendKeys({ type: a.password });
    await sendKeys({ press: 'Enter' });
    await waitFor('"Try again" after the countdown', () => [...prompt.shadowRoot!.querySelectorAll('button')].some((x) => x.textContent.trim() === 'Try again'), { timeoutMs: 10_000 });
    expect(await whoami(c)).to.deep.include({ status: 200 });
    await expect(el).to.be.accessible();
    await tabTo('"Try again"', (x) => x?.textContent?.trim() === 'Try again' && prompt.shadowRoot!.contains(x));
    await sendKeys({ press: 'Enter' });
    await waitFor('password field after the retry', () => prompt.shadowRoot!.querySelector('input[type=password]'));
    await tabTo('password field after the retry', (x) => x === prompt.shadowRoot!.querySelector('input[type=password]'));
    await sendKeys({ type: a.password });
    await sendKeys({ press: 'Enter' });
    const ev = await signedOut;
    expect(passwordDeletes, 'wrong password, the 429, the retry').to.have.length(3);
    expect([...ev.deviceIds].sort()).to.deep.equal([c.deviceId, d.deviceId].sort());
    await waitFor('list shrunk', async () => {
      await el.updateComplete;
      return rowIds(el).length === 1;
    });
    expect(rowIds(el)).to.deep.equal([b.deviceId]);
    const done = el.shadowRoot!.querySelector('[part=panel] [role=status] h3')!;
    expect(done.textContent).to.equal('Signed out of 2 sessions.');
    expect(el.shadowRoot!.activeElement).to.equal(done);
    await expect(el).to.be.accessible();
    expect(await whoami(c)).to.deep.equal({ status: 401, errcode: 'M_UNKNOWN_TOKEN' });
    expect(await whoami(d)).to.deep.equal({ status: 401, errcode: 'M_UNKNOWN_TOKEN' });
    expect((await whoami(b)).status).to.equal(200);
    expect((await withTimeout(cLoggedOut, 40_000, { what: "C's client noticing" })).errcode).to.equal('M_UNKNOWN_TOKEN');
    lap('keyboard bulk sign-out with wrong password');

  });
});
