// <xs-session-list>'s hand-off to an OAuth account service's page (MAS) when the requests it adds fail (faked
// metadata: no MAS runs in the test set-up). The hand-off itself: session-list-account-page.test.ts.
import { expect } from '@open-wc/testing';
import { fakeSessionsClient, matrixError, type FakeSessionsClient } from '../../../test/support/fake-sessions-client.js';
import { $, button, mount, rowIds, rowOf, sessionsOpts, waitRendered } from '../../../test/support/session-list-ui.js';
import type { XsSessionsSignedOutEvent } from '../../events/xs-sessions-signed-out.js';
import type { XsSessionList } from './session-list.js';

// Faults of the account-page hand-off (the requests it adds; the sign-out itself happens on the account page). "At
// load" is the lookup the list starts when it is shown; the sign-out asks again while the answer is not known.
//
// | request                                          | fault                                         | behaviour (test below)                                                                 |
// |--------------------------------------------------|-----------------------------------------------|----------------------------------------------------------------------------------------|
// | GET /_matrix/client/v1/auth_metadata (+ MSC2965)  | 404 / 400 M_UNRECOGNIZED on every source      | the server has no account page: the password path (session-list.test.ts, e2e)          |
// | GET …/auth_metadata                              | 5xx / network down, at load and at sign-out   | "could not be asked … nothing was signed out" (no password prompt); Try again → hand-off |
// | GET …/auth_metadata                              | lost (server answered, response dropped)      | at load: asked again at sign-out → hand-off; lost again: as above, then Try again      |
// | GET …/unstable/org.matrix.msc2965/auth_metadata   | lost (v1 said 404: the fallback is the source) | the same: asked again at sign-out, the fallback's answer → hand-off                    |
// | GET …/auth_metadata                              | slow (still pending at sign-out)              | "Checking how your homeserver signs sessions out…", joins the one request → hand-off;  |
// |                                                  |                                               | Cancel meanwhile: back to the list, the late answer changes nothing                     |
// | GET …/auth_metadata                              | 429, Retry-After a day / garbage              | "nothing was signed out", the wait capped (30 s) or none given; Try again → hand-off   |
// | GET /_matrix/client/v3/devices (return)          | fails                                         | stays at the hand-off, no outcome claimed; "Check again" confirms                      |
// | GET /_matrix/client/v3/devices (return)          | lost (server answered, response dropped)      | the same: no outcome claimed; "Check again" confirms, one xs-sessions-signed-out        |
// | GET /_matrix/client/v3/devices (return)          | slow                                          | "Checking…", buttons disabled; a second return joins the check                          |
// | GET /_matrix/client/v3/devices (return)          | 429, Retry-After a day / an HTTP date gone by | no outcome claimed, the wait said (capped at 30 s) or none; "Check again" confirms     |
describe('<xs-session-list> account-page hand-off under faults', () => {
  const metadata = { account_management_uri: 'https://auth.example.org/account/' };
  const oneSession = 'https://auth.example.org/account/?action=org.matrix.session_end&device_id=UNV';

  type Fault = 'answer' | 'fail' | 'down' | 'lost' | 'slow' | '429-day' | '429-garbage';
  /**
   * The auth-metadata endpoints, scripted: each request takes the next fault of `faults` ('answer' when none is
   * left). An answer is the metadata at `at` (v1 or the MSC2965 fallback) and 404 M_UNRECOGNIZED elsewhere; 'lost'
   * lets the server answer and drops the response; 'slow' waits for `release()`.
   */
  function metadataServer(fake: FakeSessionsClient, at: 'v1' | 'unstable' = 'v1') {
    const s = { faults: [] as Fault[], asked: [] as string[], answered: 0, release: () => {} };
    const rateLimited = (retryAfter: string, bodyMs?: number) =>
      Object.assign(matrixError(429, { errcode: 'M_LIMIT_EXCEEDED', error: 'Too Many Requests', ...(bodyMs !== undefined ? { retry_after_ms: bodyMs } : {}) }),
        { httpHeaders: new Headers({ 'Retry-After': retryAfter }) });
    (fake.client as unknown as { http: unknown }).http = {
      async request(_m: string, path: string, _q: unknown, _b: unknown, o: { prefix: string }) {
        const source = o.prefix === '/_matrix/client/v1' ? 'v1' : 'unstable';
        s.asked.push(source);
        const fault = s.faults.shift() ?? 'answer';
        const answer = () => {
          s.answered++;
          if (path === '/auth_metadata' && source === at) return metadata;
          throw matrixError(404, { errcode: 'M_UNRECOGNIZED', error: 'Unrecognized request' });
        };
        if (fault === 'fail') throw matrixError(502, { error: 'Bad Gateway' });
        if (fault === 'down') throw new TypeError('Failed to fetch');
        if (fault === '429-day') throw rateLimited('86400');
        if (fault === '429-garbage') throw rateLimited('soon', -5);
        if (fault === 'lost') {
          try {
            answer();
          } catch {
            // (the server's 404 is lost too)
          }
          throw new TypeError('Failed to fetch');
        }
        if (fault === 'slow') await new Promise<void>((r) => (s.release = r));
        return answer();
      },
    };
    return s;
  }

  /** window.open captured for the test's length. */
  function captureOpen() {
    const opened: string[] = [];
    const orig = window.open;
    window.open = ((url: string) => (opened.push(url), null)) as typeof window.open;
    return { opened, restore: () => (window.open = orig) };
  }

  const panel = (el: XsSessionList) => $(el, '[part=panel]');
  async function signOutUnv(el: XsSessionList) {
    button(rowOf(el, 'UNV'), 'Sign out').click();
    await el.updateComplete;
    button(panel(el), 'Sign out').click();
    await el.updateComplete;
  }
  /** The hand-off is shown and opens the page for UNV; nothing was asked of the password path. */
  async function expectHandOff(el: XsSessionList, fake: FakeSessionsClient, opened: string[]) {
    await waitRendered(el, () => button(panel(el), 'Open the account page'));
    expect(panel(el).querySelector('xs-auth-prompt')).to.equal(null);
    button(panel(el), 'Open the account page').click();
    await el.updateComplete;
    expect(opened.at(-1)).to.equal(oneSession);
    expect(fake.deleteCalls).to.deep.equal([]);
  }
  async function expectLookupFailed(el: XsSessionList, fake: FakeSessionsClient, explained: RegExp) {
    await waitRendered(el, () => panel(el)?.querySelector('[role=alert]'));
    const alert = panel(el).querySelector('[role=alert]')!.textContent!;
    expect(alert).to.contain('could not be asked how sessions are signed out').and.contain('nothing was signed out');
    expect(alert).to.match(explained);
    expect(panel(el).querySelector('xs-auth-prompt')).to.equal(null);
    expect(fake.deleteCalls).to.deep.equal([]);
    expect(fake.devices.map((d) => d.deviceId)).to.include('UNV');
    expect(rowIds(el)).to.include('UNV');
    await expect(el).to.be.accessible();
  }

  it('metadata lost at load: asked again at sign-out, then the hand-off; lost again: nothing signed out, Try again', async () => {
    const { opened, restore } = captureOpen();
    try {
      const fake = fakeSessionsClient(sessionsOpts());
      const server = metadataServer(fake);
      server.faults.push('lost');
      const { el } = await mount(fake);
      await waitRendered(el, () => server.asked.length === 2);
      expect(server.answered, 'the server answered the lost request').to.equal(2);
      await signOutUnv(el);
      await expectHandOff(el, fake, opened);
      expect(server.asked).to.deep.equal(['v1', 'unstable', 'v1']);

      // Lost at load and again at sign-out (both sources): nothing signed out, says so; Try again asks again.
      const fake2 = fakeSessionsClient(sessionsOpts());
      const server2 = metadataServer(fake2);
      server2.faults.push('lost', 'lost', 'lost', 'lost');
      const { el: el2 } = await mount(fake2);
      await signOutUnv(el2);
      await expectLookupFailed(el2, fake2, /could not be reached/);
      button(panel(el2), 'Try again').click();
      await expectHandOff(el2, fake2, opened);
    } finally {
      restore();
    }
  });

  it('metadata failing (5xx, network down): no password prompt, nothing signed out, said so; Try again → hand-off', async () => {
    const { opened, restore } = captureOpen();
    try {
      const fake = fakeSessionsClient(sessionsOpts());
      const server = metadataServer(fake);
      server.faults.push('fail', 'fail', 'down', 'down');
      const { el } = await mount(fake);
      await signOutUnv(el);
      await expectLookupFailed(el, fake, /could not be reached/);
      button(panel(el), 'Try again').click();
      await expectHandOff(el, fake, opened);
    } finally {
      restore();
    }
  });

  it('the MSC2965 fallback lost at load (v1 says 404): asked again at sign-out, its answer hands off', async () => {
    const { opened, restore } = captureOpen();
    try {
      const fake = fakeSessionsClient(sessionsOpts());
      const server = metadataServer(fake, 'unstable');
      server.faults.push('answer', 'lost');
      const { el } = await mount(fake);
      await waitRendered(el, () => server.asked.length === 2);
      await signOutUnv(el);
      await expectHandOff(el, fake, opened);
      expect(server.asked).to.deep.equal(['v1', 'unstable', 'v1', 'unstable']);
    } finally {
      restore();
    }
  });

  it('metadata slow: the sign-out waits for it (one request), says what it waits for; Cancel meanwhile changes nothing', async () => {
    const { opened, restore } = captureOpen();
    try {
      const fake = fakeSessionsClient(sessionsOpts());
      const server = metadataServer(fake);
      server.faults.push('slow');
      const { el } = await mount(fake);
      await signOutUnv(el);
      expect(panel(el).querySelector('[role=status]')!.textContent).to.equal('Checking how your homeserver signs sessions out…');
      expect(el.shadowRoot!.activeElement).to.equal(panel(el).querySelector('h3'));
      expect(panel(el).querySelector('xs-auth-prompt')).to.equal(null);
      await expect(el).to.be.accessible();
      // Cancel while it is pending: back to the list; the late answer opens nothing and asks nothing.
      button(panel(el), 'Cancel').click();
      await el.updateComplete;
      expect(panel(el)).to.equal(null);
      server.release();
      await waitRendered(el, () => server.answered === 1);
      await el.updateComplete;
      expect(panel(el)).to.equal(null);
      expect(opened).to.deep.equal([]);
      // Asked again (known now): straight to the hand-off, no further request.
      await signOutUnv(el);
      await expectHandOff(el, fake, opened);
      expect(server.asked).to.deep.equal(['v1']);

      // Slow, and the person waits: the same single request ends in the hand-off.
      const fake2 = fakeSessionsClient(sessionsOpts());
      const server2 = metadataServer(fake2);
      server2.faults.push('slow');
      const { el: el2 } = await mount(fake2);
      await signOutUnv(el2);
      expect(panel(el2).textContent).to.contain('Checking how your homeserver signs sessions out');
      server2.release();
      await expectHandOff(el2, fake2, opened);
      expect(server2.asked).to.deep.equal(['v1']);
    } finally {
      restore();
    }
  });

  it('metadata rate-limited (429, Retry-After a day, then garbage): nothing signed out, the wait capped; Try again → hand-off', async () => {
    const { opened, restore } = captureOpen();
    try {
      const fake = fakeSessionsClient(sessionsOpts());
      const server = metadataServer(fake);
      // At load: 429 (v1) and 404 (the fallback) → not known. At sign-out: a day (capped to 30 s).
      server.faults.push('429-day', 'answer', '429-day', 'answer');
      const { el } = await mount(fake);
      await signOutUnv(el);
      await expectLookupFailed(el, fake, /30 s/);
      expect(panel(el).textContent).to.not.contain('86400').and.not.contain('hours');
      // Garbage and a negative body value: no wait promised.
      server.faults.push('429-garbage', 'answer');
      button(panel(el), 'Try again').click();
      await waitRendered(el, () => server.asked.length === 6);
      await expectLookupFailed(el, fake, /./);
      expect(panel(el).textContent).to.not.match(/try again in -?\d/);
      button(panel(el), 'Try again').click();
      await expectHandOff(el, fake, opened);
    } finally {
      restore();
    }
  });

  it('a failed or slow reload on return claims nothing; "Check again" then confirms', async () => {
    const fake = fakeSessionsClient({ ...sessionsOpts(), authMetadata: metadata });
    const { el } = await mount(fake);
    const origOpen = window.open;
    window.open = (() => null) as typeof window.open;
    try {
      button(rowOf(el, 'UNV'), 'Sign out').click();
      await el.updateComplete;
      button($(el, '[part=panel]'), 'Sign out').click();
      await el.updateComplete;
      button($(el, '[part=panel]'), 'Open the account page').click();
      await el.updateComplete;
      fake.devices = fake.devices.filter((d) => d.deviceId !== 'UNV');
      fake.failNext.getDevices = new TypeError('Failed to fetch');
      window.dispatchEvent(new Event('focus'));
      await waitRendered(el, () => $(el, '[role=alert]')?.textContent?.includes('could not be brought up to date'));
      expect($(el, '[part=panel] h3').textContent).to.equal('Sign out of 1 session?');
      expect($(el, '[part=panel]').textContent).to.not.contain('Signed out');
      // Slow: "Checking…" with the buttons disabled; a second return while checking joins it.
      let release!: () => void;
      const orig = fake.client.getDevices.bind(fake.client);
      (fake.client as unknown as { getDevices: () => unknown }).getDevices = () => new Promise((r) => (release = () => r(orig())));
      button($(el, '[part=panel]'), 'Check again').click();
      await el.updateComplete;
      expect($(el, '[part=panel] [role=status]').textContent).to.contain('Checking');
      expect(button($(el, '[part=panel]'), 'Close').disabled).to.equal(true);
      window.dispatchEvent(new Event('focus'));
      release();
      await waitRendered(el, () => $(el, '[part=panel] [role=status] h3'));
      expect($(el, '[part=panel] [role=status] h3').textContent).to.equal('Signed out of 1 session.');
    } finally {
      window.open = origOpen;
    }
  });

  /** Mounted with the metadata answered, UNV handed off and the page opened; UNV then signed out on the account page. */
  async function handedOff() {
    const fake = fakeSessionsClient({ ...sessionsOpts(), authMetadata: metadata });
    const { el } = await mount(fake);
    await signOutUnv(el);
    button(panel(el), 'Open the account page').click();
    await el.updateComplete;
    fake.devices = fake.devices.filter((d) => d.deviceId !== 'UNV');
    const events: string[][] = [];
    el.addEventListener('xs-sessions-signed-out', (e) => events.push([...(e as XsSessionsSignedOutEvent).deviceIds]));
    return { el, fake, events };
  }
  /** Still at the hand-off, claiming no outcome. */
  function expectNoOutcome(el: XsSessionList, events: string[][]) {
    expect($(el, '[part=panel] h3').textContent).to.equal('Sign out of 1 session?');
    expect(panel(el).textContent).to.not.contain('Signed out');
    expect(events).to.deep.equal([]);
  }

  it('the return check lost (the list answered, the response dropped): no outcome claimed; Check again confirms', async () => {
    const { restore } = captureOpen();
    try {
      const { el, fake, events } = await handedOff();
      const orig = fake.client.getDevices.bind(fake.client);
      let served = 0;
      (fake.client as unknown as { getDevices: () => unknown }).getDevices = async () => {
        await orig();
        served++;
        if (served === 1) throw new TypeError('Failed to fetch');
        return orig();
      };
      window.dispatchEvent(new Event('focus'));
      await waitRendered(el, () => $(el, '[role=alert]')?.textContent?.includes('could not be brought up to date'));
      expect(served).to.equal(1);
      expectNoOutcome(el, events);
      await expect(el).to.be.accessible();
      button(panel(el), 'Check again').click();
      await waitRendered(el, () => $(el, '[part=panel] [role=status] h3'));
      expect($(el, '[part=panel] [role=status] h3').textContent).to.equal('Signed out of 1 session.');
      expect(events).to.deep.equal([['UNV']]);
      expect(rowIds(el)).to.not.include('UNV');
    } finally {
      restore();
    }
  });

  it('the return check rate-limited (429, Retry-After a day, then an HTTP date gone by): no outcome claimed; Check again confirms', async () => {
    const { restore } = captureOpen();
    try {
      const { el, fake, events } = await handedOff();
      const limited = (retryAfter: string) =>
        Object.assign(matrixError(429, { errcode: 'M_LIMIT_EXCEEDED', error: 'Too Many Requests' }), { httpHeaders: new Headers({ 'Retry-After': retryAfter }) });
      fake.failNext.getDevices = limited('86400');
      window.dispatchEvent(new Event('focus'));
      await waitRendered(el, () => $(el, '[role=alert]')?.textContent?.includes('could not be brought up to date'));
      expect($(el, '[role=alert]').textContent).to.contain('30 s');
      expectNoOutcome(el, events);
      fake.failNext.getDevices = limited('Thu, 01 Jan 1970 00:00:00 GMT');
      button(panel(el), 'Check again').click();
      await waitRendered(el, () => !panel(el).querySelector('[role=status]')!.textContent!.includes('Checking'));
      await waitRendered(el, () => $(el, '[role=alert]')?.textContent?.includes('could not be brought up to date'));
      expect($(el, '[role=alert]').textContent).to.not.contain('30 s').and.not.match(/in -?\d+ s/);
      expectNoOutcome(el, events);
      await expect(el).to.be.accessible();
      button(panel(el), 'Check again').click();
      await waitRendered(el, () => $(el, '[part=panel] [role=status] h3'));
      expect($(el, '[part=panel] [role=status] h3').textContent).to.equal('Signed out of 1 session.');
      expect(events).to.deep.equal([['UNV']]);
    } finally {
      restore();
    }
  });
});
