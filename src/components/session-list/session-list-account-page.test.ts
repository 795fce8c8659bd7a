// <xs-session-list> on a server whose accounts an OAuth account service (MAS) manages: signing out other sessions is
// handed off to the account page the homeserver advertises (faked metadata: no MAS runs in the test set-up). The
// faults of the requests that hand-off adds: session-list-account-page-faults.test.ts.
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { fakeSessionsClient } from '../../../test/support/fake-sessions-client.js';
import { $, button, mount, rowIds, rowOf, sessionsOpts, waitRendered } from '../../../test/support/session-list-ui.js';
import { stub } from '../../../test/support/stub.js';
import type { XsSessionsSignedOutEvent } from '../../events/xs-sessions-signed-out.js';

describe('<xs-session-list> with an OAuth account service (MAS)', () => {
  const metadata = {
    issuer: 'https://auth.example.org/',
    account_management_uri: 'https://auth.example.org/account/',
    account_management_actions_supported: ['org.matrix.session_end', 'org.matrix.sessions_list', 'org.matrix.profile'],
  };

  it('hands signing out over to the account page, explains it, and confirms by reloading when the person comes back', async () => {
    const fake = fakeSessionsClient({ ...sessionsOpts(), authMetadata: metadata });
    const { el } = await mount(fake);
    const opened: string[] = [];
    const restoreOpen = stub(window, 'open', ((url: string) => (opened.push(url), null)) as typeof window.open);
    try {
      button(rowOf(el, 'UNV'), 'Sign out').click();
      await el.updateComplete;
      expect($(el, '[part=panel]').textContent).to.contain('signing out happens there');
      button($(el, '[part=panel]'), 'Sign out').click();
      const panel = () => $(el, '[part=panel]');
      // The sign-out flow's module may still be arriving (it is prefetched when the panel opens): wait for its step.
      await waitUntil(() => panel().textContent?.includes('Your account is managed by'), 'the hand-off step', { timeout: 5000 });
      await el.updateComplete;
      expect(panel().textContent).to.contain('Your account is managed by auth.example.org').and.contain('sign out of this session');
      expect(panel().querySelector('xs-auth-prompt')).to.equal(null);
      expect(el.shadowRoot!.activeElement).to.equal(panel().querySelector('h3'));
      await expect(el).to.be.accessible();
      button(panel(), 'Open the account page').click();
      await el.updateComplete;
      expect(opened).to.deep.equal(['https://auth.example.org/account/?action=org.matrix.session_end&device_id=UNV']);
      expect(panel().querySelector('[role=status]')!.textContent).to.contain('Waiting for you to come back');
      // Back without having signed it out: says so, still offers the page.
      window.dispatchEvent(new Event('focus'));
      await waitRendered(el, () => panel()?.querySelector('[role=alert]'));
      expect(panel().querySelector('[role=alert]')!.textContent).to.equal('This session is still signed in.');
      await expect(el).to.be.accessible();
      // Signed out on the account page this time.
      const out = oneEvent<XsSessionsSignedOutEvent>(el, 'xs-sessions-signed-out');
      fake.devices = fake.devices.filter((d) => d.deviceId !== 'UNV');
      window.dispatchEvent(new Event('focus'));
      expect((await out).deviceIds).to.deep.equal(['UNV']);
      await waitRendered(el, () => panel()?.querySelector('[role=status] h3'));
      expect(panel().querySelector('[role=status] h3')!.textContent).to.equal('Signed out of 1 session.');
      expect(rowIds(el)).to.not.include('UNV');
      expect(fake.deleteCalls).to.deep.equal([]);
      await expect(el).to.be.accessible();
      // Several: the account page's session list.
      button(panel(), 'Close').click();
      await el.updateComplete;
      button(el.shadowRoot!, 'Sign out of all other sessions').click();
      await el.updateComplete;
      button($(el, '[part=panel]'), 'Sign out').click();
      await el.updateComplete;
      expect(panel().textContent).to.contain('sign out of these sessions');
      button(panel(), 'Open the account page').click();
      expect(opened[1]).to.equal('https://auth.example.org/account/?action=org.matrix.sessions_list');
    } finally {
      restoreOpen();
    }
  });

  it('an account page URL that is not safe is not opened, and said so', async () => {
    const fake = fakeSessionsClient({ ...sessionsOpts(), authMetadata: { ...metadata, account_management_uri: 'javascript:alert(1)' } });
    const { el } = await mount(fake);
    button(rowOf(el, 'UNV'), 'Sign out').click();
    await el.updateComplete;
    button($(el, '[part=panel]'), 'Sign out').click();
    await el.updateComplete;
    expect($(el, '[part=panel] [role=alert]').textContent).to.contain('not safe to open');
    expect(button($(el, '[part=panel]'), 'Open the account page')).to.equal(undefined);
    expect(el.shadowRoot!.innerHTML).to.not.contain('javascript:');
    await expect(el).to.be.accessible();
  });
});
