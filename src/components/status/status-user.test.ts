// <xs-status user-id>: another person's trust and the actions on it.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { FakeStatus } from '../../../test/support/fake-status-client.js';
import { fake, mount, settled, $ } from '../../../test/support/status-element.js';
import type { XsErrorEvent } from '../../events/xs-error.js';
import type { XsIdentityAcceptedEvent } from '../../events/xs-identity-accepted.js';
import type { XsRequestVerifyEvent } from '../../events/xs-request-verify.js';
import type { XsStatus } from './status.js';

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
    const v = (await oneEvent(el, 'xs-request-verify')) as XsRequestVerifyEvent;
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
    expect(((await oneEvent(el, 'xs-request-verify')) as XsRequestVerifyEvent).reason).to.equal('identity-changed');
    setTimeout(() => $(el).button(/Withdraw/)!.click());
    const ev = (await oneEvent(el, 'xs-identity-accepted')) as XsIdentityAcceptedEvent;
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
    const ev = (await oneEvent(el, 'xs-identity-accepted')) as XsIdentityAcceptedEvent;
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
    const err = (await oneEvent(el, 'xs-error')) as XsErrorEvent;
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
    c.s.users[bob]!.needsApproval = true;
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
