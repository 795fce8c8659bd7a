// <xs-session-list> against the real Synapse, signing out: with an OAuth account service (MAS) — faked: no MAS runs
// here, the wrapper answers GET /auth_metadata — signing out hands off to the account page with
// action=org.matrix.session_end&device_id, and the list confirms the outcome from Synapse when the person comes back
// (the test signs the session out through Synapse's API meanwhile); and signing this session out as its own action.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define/xs-session-list.js';
import type { XsSessionList } from '../../src/components/session-list/session-list.js';
import type { XsSessionsSignedOutEvent } from '../../src/events/xs-sessions-signed-out.js';
import { createTestClient, stopAllClients } from '../support/clients.js';
import { homeserverUrl } from '../support/env.js';
import { loginDevice, registerUser, userWithDevices } from '../support/homeserver.js';
import { button, rowOf, rows, tabTo, whoami } from '../support/session-list-e2e.js';
import { stub } from '../support/stub.js';
import { waitFor } from '../support/wait.js';

describe('<xs-session-list> signing out with Synapse', () => {
  afterEach(stopAllClients);

  it('with an OAuth account service (faked metadata): signing out hands off to the account page; the outcome is read back on return', async () => {
    const [a, b] = await userWithDevices(2, 'sessions-mas');
    const sent: string[] = [];
    const metadata = {
      issuer: 'https://auth.example.test/',
      account_management_uri: 'https://auth.example.test/account/',
      account_management_actions_supported: ['org.matrix.session_end', 'org.matrix.sessions_list'],
    };
    const ca = await createTestClient(a, {
      wrapFetch: (inner) => async (input, init) => {
        const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
        sent.push(`${init?.method ?? 'GET'} ${url}`);
        // The fake: no MAS runs here, so the homeserver's auth metadata is answered by the wrapper.
        if (/\/_matrix\/client\/v1\/auth_metadata$/.test(url)) return new Response(JSON.stringify(metadata), { status: 200, headers: { 'content-type': 'application/json' } });
        return inner(input, init);
      },
    });
    const opened: string[] = [];
    const restoreOpen = stub(window, 'open', ((url: string) => (opened.push(url), null)) as typeof window.open);
    try {
      const el = await fixture<XsSessionList>(html`<xs-session-list .client=${ca}></xs-session-list>`);
      await waitFor('B listed, account page known', async () => {
        await el.updateComplete;
        return rowOf(el, b.deviceId) && el.sessions?.accountManagement;
      });
      el.shadowRoot!.querySelector<HTMLElement>('#others-h')!.focus();
      await tabTo('B’s Sign out', (x) => x?.textContent?.trim() === 'Sign out' && !!rowOf(el, b.deviceId)?.contains(x));
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[part=panel]')!.textContent).to.contain('signing out happens there');
      await tabTo('the Sign out button', (x) => x?.textContent?.trim() === 'Sign out' && !!x.closest('[part=panel]'));
      await sendKeys({ press: 'Enter' });
      const panel = () => el.shadowRoot!.querySelector<HTMLElement>('[part=panel]')!;
      // The sign-out flow's module may still be arriving (it is prefetched when the panel opens): wait for its step.
      await waitFor('the hand-off step', async () => {
        await el.updateComplete;
        return panel().textContent?.includes('Your account is managed by');
      });
      expect(panel().textContent).to.contain('Your account is managed by auth.example.test');
      expect(panel().querySelector('xs-auth-prompt'), 'no password prompt').to.equal(null);
      await expect(el).to.be.accessible();
      await tabTo('"Open the account page"', (x) => x?.textContent?.trim() === 'Open the account page');
      await sendKeys({ press: 'Enter' });
      expect(opened).to.deep.equal([`https://auth.example.test/account/?action=org.matrix.session_end&device_id=${encodeURIComponent(b.deviceId)}`]);
      await el.updateComplete;
      expect(panel().textContent).to.contain('Waiting for you to come back');
      // On the account page, the person signs B out (here: through Synapse's own API), then comes back.
      const signedOut = new Promise<XsSessionsSignedOutEvent>((r) => el.addEventListener('xs-sessions-signed-out', r, { once: true }));
      const del = (auth?: unknown) => fetch(`${homeserverUrl()}/_matrix/client/v3/delete_devices`, {
        method: 'POST', cache: 'no-store', headers: { authorization: `Bearer ${a.accessToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ devices: [b.deviceId], ...(auth ? { auth } : {}) }),
      });
      const { session } = (await (await del()).json()) as { session: string };
      expect((await del({ type: 'm.login.password', identifier: { type: 'm.id.user', user: a.userId }, password: a.password, session })).status).to.equal(200);
      window.dispatchEvent(new Event('focus'));
      expect((await signedOut).deviceIds).to.deep.equal([b.deviceId]);
      await waitFor('outcome confirmed', async () => {
        await el.updateComplete;
        return panel()?.querySelector('[role=status] h3')?.textContent === 'Signed out of 1 session.';
      });
      expect(rows(el)).to.have.length(0);
      expect(sent.filter((x) => x.includes('/delete_devices')), 'the kit sent no password sign-out').to.deep.equal([]);
      expect(await whoami(b)).to.deep.equal({ status: 401, errcode: 'M_UNKNOWN_TOKEN' });
      await expect(el).to.be.accessible();
    } finally {
      restoreOpen();
    }
  });

  it('signs this session out as its own explicit action; its token stops working', async () => {
    const a = await registerUser('sessions-self', 'Old browser');
    const b = await loginDevice(a, 'This browser');
    const cb = await createTestClient(b);
    const el = await fixture<XsSessionList>(html`<xs-session-list .client=${cb}></xs-session-list>`);
    await waitFor('this session shown', async () => {
      await el.updateComplete;
      return el.shadowRoot!.querySelector('[part=current]')?.textContent?.includes(b.deviceId) && rows(el).length === 1;
    });
    const card = el.shadowRoot!.querySelector<HTMLElement>('[part=current]')!;
    button(card, 'Sign out of this session')!.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const panel = card.querySelector<HTMLElement>('[part=panel]')!;
    expect(panel.textContent).to.contain('Sign out of this session?').and.contain(`(${b.deviceId})`);
    await expect(el).to.be.accessible();
    const out = new Promise<XsSessionsSignedOutEvent>((r) => el.addEventListener('xs-sessions-signed-out', r, { once: true }));
    await tabTo('the Sign out button', (x) => x?.textContent?.trim() === 'Sign out' && !!x.closest('[part=panel]'));
    await sendKeys({ press: 'Enter' });
    const ev = await out;
    expect([ev.deviceIds, ev.includesCurrent]).to.deep.equal([[b.deviceId], true]);
    expect(await whoami(b)).to.deep.equal({ status: 401, errcode: 'M_UNKNOWN_TOKEN' });
    expect((await whoami(a)).status).to.equal(200);
  });
});
