import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../define/xs-room-trust.js';
import type { XsRoomTrust } from './room-trust.js';
import { fakeRoomTrustSource, memberRead, ME } from '../../../test/support/fake-room-trust.js';
import type { XsErrorEvent } from '../../events/xs-error.js';
import type { XsIdentityAcceptedEvent } from '../../events/xs-identity-accepted.js';
import type { XsRequestVerifyEvent } from '../../events/xs-request-verify.js';

const text = (el: XsRoomTrust) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');
const button = (el: XsRoomTrust, label: string) =>
  [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === label) as HTMLButtonElement | undefined;

async function until(check: () => unknown, what = 'condition') {
  for (let i = 0; i < 200; i++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function mount(source = fakeRoomTrustSource([ME]).source, extra: { compact?: boolean } = {}) {
  const el = await fixture<XsRoomTrust>(html`<xs-room-trust room-id="!r:x" .source=${source} ?compact=${!!extra.compact}></xs-room-trust>`);
  await until(() => el.badge !== 'checking', 'first read');
  await el.updateComplete;
  return el;
}

describe('<xs-room-trust>', () => {
  it('without a client or room it says so and throws nothing', async () => {
    const el = await fixture<XsRoomTrust>(html`<xs-room-trust></xs-room-trust>`);
    expect(el.badge).to.equal('unavailable');
    expect(text(el)).to.contain('No Matrix account is connected');
    await expect(el).to.be.accessible();
  });

  it('shows a changed identity with the name as inert, isolated text; Acknowledge pins, reads back and announces', async () => {
    const evil = 'Bob<img src=x onerror=alert(1)>\u202Eevil';
    const f = fakeRoomTrustSource([ME, '@bob:x'], { '@bob:x': { needsApproval: true, masterKey: 'K2' } });
    f.state.room!.members[1]!.name = evil;
    const el = await mount(f.source);
    expect(el.badge).to.equal('identity-changed');
    expect(el.getAttribute('badge')).to.equal('identity-changed');
    const change = el.shadowRoot!.querySelector('[part=change]')!;
    expect(change.querySelector('img'), 'no markup from a name').to.equal(null);
    expect(change.textContent).to.contain('Bob<img src=x onerror=alert(1)>');
    expect(change.textContent).to.contain('U+202E');
    expect(change.querySelector('[role=alert]')!.textContent).to.match(/identity was reset\. Check with .* before you trust this conversation\./);
    await expect(el).to.be.accessible();
    const accepted = oneEvent(el, 'xs-identity-accepted') as unknown as Promise<XsIdentityAcceptedEvent>;
    button(el, 'Acknowledge')!.click();
    button(el, 'Acknowledge')?.click(); // a double click joins the running acknowledgement
    const ev = await accepted;
    expect([ev.userId, ev.action]).to.deep.equal(['@bob:x', 'pinned']);
    expect(f.state.acknowledged).to.deep.equal(['@bob:x']);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part=change]')).to.equal(null);
    expect(el.shadowRoot!.querySelector('[role=status]')!.textContent).to.contain('Acknowledged');
    expect(el.badge).to.equal('not-verified');
    await expect(el).to.be.accessible();
  });

  it('a failing acknowledgement shows why in an alert and emits xs-error; the warning stays', async () => {
    const f = fakeRoomTrustSource([ME, '@bob:x'], { '@bob:x': { needsApproval: true, masterKey: 'K2' } });
    f.state.failAck = new TypeError('Failed to fetch');
    const el = await mount(f.source);
    const err = oneEvent(el, 'xs-error') as unknown as Promise<XsErrorEvent>;
    button(el, 'Acknowledge')!.click();
    expect((await err).code).to.equal('room-trust.acknowledge-failed');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part=change]')!.textContent).to.contain('Could not acknowledge');
    expect(el.badge).to.equal('identity-changed');
    await expect(el).to.be.accessible();
  });

  it('Verify asks the host first (cancelable); unhandled and without a client it says what to do', async () => {
    const f = fakeRoomTrustSource([ME, '@dan:x'], { '@dan:x': { wasVerified: true, masterKey: 'K' } });
    const el = await mount(f.source);
    expect(text(el)).to.contain('You verified');
    expect(button(el, 'Withdraw verification requirement')).to.exist;
    const handled = (e: Event) => e.preventDefault();
    el.addEventListener('xs-request-verify', handled, { once: true });
    const req = oneEvent(el, 'xs-request-verify') as unknown as Promise<XsRequestVerifyEvent>;
    button(el, 'Verify again')!.click();
    const ev = await req;
    expect([ev.subject, ev.reason, ev.userId, ev.cancelable]).to.deep.equal(['user', 'identity-changed', '@dan:x', true]);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('xs-verify-user')).to.equal(null);
    expect(text(el)).not.to.contain('can’t verify people from here');
    button(el, 'Verify again')!.click();
    await el.updateComplete;
    expect(text(el)).to.contain('can’t verify people from here');
    const accepted = oneEvent(el, 'xs-identity-accepted') as unknown as Promise<XsIdentityAcceptedEvent>;
    button(el, 'Withdraw verification requirement')!.click();
    expect((await accepted).action).to.equal('withdrawn');
  });

  it('lists sessions their owners never verified on demand (names inert); Dismiss quiets the badge', async () => {
    const f = fakeRoomTrustSource([ME, '@eve:x'], { '@eve:x': { unsigned: [{ deviceId: 'EVEDEV', displayName: '<b>Eve’s phone</b>' }] } });
    const el = await mount(f.source);
    expect(el.badge).to.equal('unsigned-sessions');
    expect(el.shadowRoot!.querySelector('[part=unsigned]'), 'not before asked').to.equal(null);
    const toggle = button(el, 'Show sessions their owners didn’t verify (1)')!;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    toggle.click();
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    const list = el.shadowRoot!.querySelector('[part=unsigned]')!;
    expect(list.querySelector('b')).to.equal(null);
    expect(list.textContent).to.contain('<b>Eve’s phone</b>');
    expect(list.textContent).to.contain('EVEDEV');
    await expect(el).to.be.accessible();
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part=unsigned] button')!.click();
    await until(() => el.badge === 'not-verified', 'badge quiet');
    await el.updateComplete;
    expect(list.textContent).to.contain('Dismissed');
  });

  it('shows the device isolation and, in strict mode, who will not receive keys; follows the setting live', async () => {
    const f = fakeRoomTrustSource([ME, '@eve:x', '@bob:x'], { '@eve:x': { unsigned: [{ deviceId: 'D1', displayName: null }, { deviceId: 'D2', displayName: null }] } });
    const el = await mount(f.source);
    expect(el.shadowRoot!.querySelector('[part=isolation]')!.textContent).to.contain('including sessions their owners didn’t verify');
    f.state.isolation = 'only-signed';
    f.state.watch!.isolation('only-signed');
    await el.updateComplete;
    const iso = el.shadowRoot!.querySelector('[part=isolation]')!;
    expect(iso.getAttribute('data-isolation')).to.equal('only-signed');
    expect([...iso.querySelectorAll('.withheld li')].map((li) => li.getAttribute('data-user'))).to.deep.equal(['@eve:x']);
    expect(iso.textContent).to.contain('2 sessions');
    await expect(el).to.be.accessible();
  });

  it('compact: one badge that follows the room and opens the detail in a dialog (keyboard only)', async () => {
    const f = fakeRoomTrustSource([ME, '@bob:x'], { '@bob:x': { verified: true } });
    const el = await mount(f.source, { compact: true });
    const badge = el.shadowRoot!.querySelector<HTMLButtonElement>('[part=badge]')!;
    expect(badge.textContent!.trim()).to.equal('Verified room');
    await expect(el).to.be.accessible();
    f.data.set('@bob:x', memberRead('@bob:x', { needsApproval: true, masterKey: 'NEW' }));
    f.state.watch!.users(['@bob:x']);
    await until(() => badge.textContent!.trim() === 'Identity changed', 'badge follows');
    badge.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => el.shadowRoot!.querySelector('dialog')!.open, 'dialog open');
    expect(el.shadowRoot!.activeElement?.tagName).to.equal('H2');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement!.textContent!.trim()).to.equal('Acknowledge');
    await sendKeys({ press: 'Enter' });
    await until(() => badge.textContent!.trim() === 'Encrypted', 'acknowledged');
    await sendKeys({ press: 'Escape' });
    await until(() => !el.shadowRoot!.querySelector('dialog')!.open, 'dialog closed');
  });

  it('an update of one member re-renders that row only', async () => {
    const names = [ME, ...Array.from({ length: 40 }, (_, i) => `@u${i}:x`)];
    const f = fakeRoomTrustSource(names, Object.fromEntries(names.slice(1).map((u) => [u, { needsApproval: true, masterKey: `K${u}` }])));
    const el = await mount(f.source);
    await until(() => el.shadowRoot!.querySelectorAll('[part=change]').length === 40, 'all rows');
    const rows = () => (el as unknown as { rowRenders: number }).rowRenders;
    const before = rows();
    // The lazily loaded part (what a press did, the unsigned list) arriving re-renders no row without an outcome.
    await (el as unknown as { more: { load(): Promise<unknown> } }).more.load();
    await el.updateComplete;
    f.data.set('@u3:x', memberRead('@u3:x', { wasVerified: true, masterKey: 'K' }));
    f.state.watch!.users(['@u3:x']);
    await until(() => el.shadowRoot!.querySelector('[data-user="@u3:x"]')!.textContent!.includes('You verified'), 'row updated');
    expect(rows() - before).to.equal(1);
  });

  it('checking, then past read-timeout "could not be checked" with Check again, which recovers', async () => {
    const f = fakeRoomTrustSource([ME, '@bob:x'], { '@bob:x': { verified: true } });
    f.state.hangRoom = true;
    const el = await fixture<XsRoomTrust>(html`<xs-room-trust room-id="!r:x" read-timeout="300" .source=${f.source}></xs-room-trust>`);
    expect(el.badge).to.equal('checking');
    expect(text(el)).to.contain('Checking the people in this room');
    await expect(el).to.be.accessible();
    await until(() => el.badge === 'unavailable', 'timeout');
    await el.updateComplete;
    expect(text(el)).to.contain('could not be checked');
    await expect(el).to.be.accessible();
    f.state.hangRoom = false;
    button(el, 'Check again')!.click();
    await until(() => el.badge === 'verified', 'recovered');
  });

  it('removing the element removes every listener; putting it back reads again', async () => {
    const f = fakeRoomTrustSource([ME, '@bob:x']);
    const el = await mount(f.source);
    const parent = el.parentElement!;
    el.remove();
    expect(f.state.unwatched).to.equal(1);
    expect(f.state.watch).to.equal(undefined);
    parent.append(el);
    await until(() => f.state.watch !== undefined, 'watching again');
  });
});
