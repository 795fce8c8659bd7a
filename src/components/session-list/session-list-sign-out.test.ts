// <xs-session-list> signing out under a rate limit, and signing out the last other session (the list's other tests:
// session-list.test.ts).
import { expect, oneEvent } from '@open-wc/testing';
import { fakeSessionsClient, matrixError } from '../../../test/support/fake-sessions-client.js';
import { $, button, mount, now, rowIds, rowOf, waitRendered } from '../../../test/support/session-list-ui.js';
import '../../define/xs-session-list.js';
import type { XsSessionsSignedOutEvent } from '../../events/xs-sessions-signed-out.js';

describe('<xs-session-list> sign-out under a rate limit', () => {
  it('429 at the password, the person retries after the countdown: the outcome is confirmed like any sign-out', async () => {
    const { el, fake } = await mount();
    const signedOut = oneEvent(el, 'xs-sessions-signed-out') as Promise<XsSessionsSignedOutEvent>;
    button(rowOf(el, 'UNV'), 'Sign out').click();
    await el.updateComplete;
    button($(el, '[part=panel]'), 'Sign out').click();
    const prompt = () => $(el, 'xs-auth-prompt') as HTMLElement & { updateComplete: Promise<unknown> };
    await waitRendered(el, () => prompt()?.shadowRoot?.querySelector('input[type=password]'));
    const pw = () => prompt().shadowRoot!.querySelector<HTMLInputElement>('input[type=password]')!;
    fake.failNext.deleteMultipleDevices = matrixError(429, { errcode: 'M_LIMIT_EXCEEDED', error: 'Too Many Requests', retry_after_ms: 300 });
    pw().value = fake.password;
    prompt().shadowRoot!.querySelector('form')!.requestSubmit();
    await waitRendered(el, () => button(prompt().shadowRoot!, 'Try again'), 200);
    await expect(el).to.be.accessible();
    button(prompt().shadowRoot!, 'Try again').click();
    await waitRendered(el, () => prompt()?.shadowRoot?.querySelector('input[type=password]'));
    pw().value = fake.password;
    prompt().shadowRoot!.querySelector('form')!.requestSubmit();
    const ev = await signedOut;
    expect(ev.deviceIds).to.deep.equal(['UNV']);
    await waitRendered(el, () => $(el, '[part=panel] [role=status] h3'));
    const panel = $(el, '[part=panel]');
    expect(panel.querySelector('[role=status] h3')!.textContent).to.equal('Signed out of 1 session.');
    expect(el.shadowRoot!.activeElement).to.equal(panel.querySelector('h3'));
    expect(rowIds(el)).to.not.include('UNV');
    await expect(el).to.be.accessible();
  });
});

describe('<xs-session-list> signing out the last other session', () => {
  it('the outcome stays on screen when no other session is left', async () => {
    const { el, fake } = await mount(fakeSessionsClient({ currentDeviceId: 'CUR', devices: [
      { deviceId: 'CUR', displayName: 'This browser', lastSeenTs: now, verified: true },
      { deviceId: 'ONE', displayName: 'Phone', lastSeenTs: now - 1000 },
    ] }));
    button(rowOf(el, 'ONE'), 'Sign out').click();
    await el.updateComplete;
    button($(el, '[part=panel]'), 'Sign out').click();
    const prompt = () => $(el, 'xs-auth-prompt');
    await waitRendered(el, () => prompt()?.shadowRoot?.querySelector('input[type=password]'));
    prompt().shadowRoot!.querySelector<HTMLInputElement>('input[type=password]')!.value = fake.password;
    prompt().shadowRoot!.querySelector('form')!.requestSubmit();
    await waitRendered(el, () => $(el, '[part=panel] [role=status] h3'));
    expect($(el, '[part=panel] [role=status] h3').textContent).to.equal('Signed out of 1 session.');
    expect(el.shadowRoot!.textContent).to.contain('You have no other sessions.');
    await expect(el).to.be.accessible();
  });
});
