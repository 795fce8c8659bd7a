import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { fakeSessionsClient, matrixError } from '../../../test/support/fake-sessions-client.js';
import { $, $$, button, mount, now, rowIds, rowOf, sessions, settle, waitRendered } from '../../../test/support/session-list-ui.js';
import '../../define/xs-session-list.js';
import type { XsRequestVerifyEvent } from '../../events/xs-request-verify.js';
import type { XsSessionRenamedEvent } from '../../events/xs-session-renamed.js';
import type { XsSessionsSignedOutEvent } from '../../events/xs-sessions-signed-out.js';
import type { XsSessionList } from './session-list.js';

describe('<xs-session-list>', () => {
  it('without a client says so; while loading shows progress', async () => {
    const el = await fixture<XsSessionList>(html`<xs-session-list></xs-session-list>`);
    expect(el.shadowRoot!.textContent).to.contain('Not connected');
    await expect(el).to.be.accessible();
    const fake = sessions();
    let release!: () => void;
    const orig = fake.client.getDevices.bind(fake.client);
    (fake.client as unknown as { getDevices: () => unknown }).getDevices = () => new Promise((r) => (release = () => r(orig())));
    el.client = fake.client;
    await el.updateComplete;
    expect($(el, '[role=status]').textContent).to.contain('Loading');
    await expect(el).to.be.accessible();
    release();
    await waitRendered(el, () => $(el, 'ul.sessions'));
  });

  it('pins this session on top; badges, counts, summary and filters; accessible', async () => {
    const { el } = await mount();
    expect($(el, '[part=current]').textContent).to.contain('This browser');
    expect(rowIds(el)).to.deep.equal(['UNV', 'VER', 'OLD']);
    expect(rowOf(el, 'VER').querySelector('.badge.verified')).to.exist;
    expect(rowOf(el, 'UNV').querySelector('.badge.unverified')).to.exist;
    expect(rowOf(el, 'OLD').querySelector('.badge.no-keys')!.textContent).to.equal('No encryption');
    expect(rowOf(el, 'OLD').querySelector('.badge.unverified')).to.not.exist;
    expect(rowOf(el, 'OLD').querySelector('.badge.inactive:not([hidden])')).to.exist;
    // Rendered, not just marked: the badge's own `display` must not override `hidden`.
    const inactiveShown = (row: Element) => (row.querySelector('.badge.inactive') as HTMLElement).checkVisibility();
    expect(inactiveShown(rowOf(el, 'OLD')), 'inactive badge of an inactive session').to.equal(true);
    for (const id of ['VER', 'UNV']) expect(inactiveShown(rowOf(el, id)), `no inactive badge on ${id}`).to.equal(false);
    expect(inactiveShown($(el, '[part=current]')), 'no inactive badge on this session').to.equal(false);
    expect(rowOf(el, 'UNV').textContent).to.contain('2 minutes ago');
    expect(rowOf(el, 'UNV').querySelector('[title]')!.getAttribute('title')).to.match(/\d{4}/);
    expect($$(el, '[data-filter]').map((b) => b.textContent!.trim())).to.deep.equal(['All (3)', 'Verified (1)', 'Unverified (1)', 'Inactive (1)']);
    expect($(el, '[part=summary]').textContent).to.contain('1 of your other sessions is unverified, and 1 is inactive.');
    await expect(el).to.be.accessible();

    button($(el, '[part=summary]'), 'Review').click();
    await el.updateComplete;
    expect(rowIds(el)).to.deep.equal(['UNV']);
    expect($(el, '[data-filter=unverified]').getAttribute('aria-pressed')).to.equal('true');
    button(el.shadowRoot!, 'Inactive').click();
    await el.updateComplete;
    expect(rowIds(el)).to.deep.equal(['OLD']);
    el.inactiveDays = 0.0001;
    await el.updateComplete;
    expect(rowIds(el)).to.deep.equal(['UNV', 'VER', 'OLD']);
    button(el.shadowRoot!, 'All').click();
    const q = $<HTMLInputElement>(el, 'input[type=search]');
    q.value = '10.0.0.2';
    q.dispatchEvent(new InputEvent('input'));
    await el.updateComplete;
    expect(rowIds(el)).to.deep.equal(['UNV']);
    await expect(el).to.be.accessible();
  });

  it('with nothing to review, the summary says so without calling a session without encryption verified', async () => {
    const fake = fakeSessionsClient({
      currentDeviceId: 'CUR',
      devices: [
        { deviceId: 'CUR', displayName: 'This browser', lastSeenTs: now, verified: true },
        { deviceId: 'VER', displayName: 'Laptop', lastSeenTs: now - 3_600_000, verified: true },
        { deviceId: 'BOT', displayName: 'Bridge', lastSeenTs: now - 60_000, noKeys: true },
      ],
    });
    const { el } = await mount(fake);
    const summary = $(el, '[part=summary]').textContent!;
    expect(summary).to.contain('No recommendations: none of your other sessions is unverified or inactive.');
    expect(summary).to.not.contain('are verified');
    expect(button($(el, '[part=summary]'), 'Review')).to.equal(undefined);
    await expect(el).to.be.accessible();
  });

  it('a long unbroken name wraps inside a narrow list: in its row and in the sign-out confirmation', async () => {
    const fake = sessions();
    const long = `Averyverylongsessionnamewithoutanyspaces_${'x'.repeat(80)}`;
    fake.devices[2]!.displayName = long;
    const el = await fixture<XsSessionList>(html`<xs-session-list style="width: 280px" .client=${fake.client}></xs-session-list>`);
    await waitRendered(el, () => rowOf(el, 'UNV'));
    // Every line box of the element within the host; a block also without overflow of its own. (An inline element
    // has no client width: Firefox reports its scrollWidth anyway, so only blocks are asked for it.)
    const inside = (e: Element) => {
      const host = el.getBoundingClientRect();
      const lines = [...e.getClientRects()];
      const inLines = lines.length > 0 && lines.every((r) => r.left >= host.left - 0.5 && r.right <= host.right + 0.5);
      return inLines && (e.clientWidth === 0 || e.scrollWidth <= e.clientWidth + 1);
    };
    expect(inside(rowOf(el, 'UNV').querySelector('.name')!), 'name in its row').to.equal(true);
    (rowOf(el, 'UNV').querySelector('input[type=checkbox]') as HTMLInputElement).click();
    await el.updateComplete;
    button(el.shadowRoot!, 'Sign out 1 selected').click();
    await el.updateComplete;
    const item = [...$$(el, 'ul.targets li')].find((li) => li.textContent!.includes(long.slice(0, 20)))!;
    expect(item, 'the session is listed in the confirmation').to.exist;
    expect(inside(item), 'name in the confirmation list').to.equal(true);
  });

  it('renders attacker-controlled names as inert, bidi-isolated text with invisible characters shown', async () => {
    const fake = sessions();
    fake.devices[1]!.displayName = '<img src=x onerror="window.__xsPwned=1">';
    fake.devices[2]!.displayName = 'Bank\u202Etxt.exe\u200B';
    const { el } = await mount(fake);
    await new Promise((r) => setTimeout(r, 20));
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect((window as unknown as { __xsPwned?: number }).__xsPwned).to.equal(undefined);
    expect(rowOf(el, 'VER').querySelector('.name bdi')!.textContent).to.equal('<img src=x onerror="window.__xsPwned=1">');
    const bdi = rowOf(el, 'UNV').querySelector('.name bdi')!;
    expect(bdi.textContent).to.equal('BankU+202Etxt.exeU+200B');
    expect([...bdi.querySelectorAll('.hidden-char')].map((s) => s.textContent)).to.deep.equal(['U+202E', 'U+200B']);
    expect(rowOf(el, 'UNV').querySelector('input[type=checkbox]')!.getAttribute('aria-label')).to.equal('Select Bank[U+202E]txt.exe[U+200B]');
    await expect(el).to.be.accessible();
  });

  it('details show the session key; rename keeps the edit with the server’s reason, then saves', async () => {
    const { el, fake } = await mount();
    button(rowOf(el, 'VER'), 'Details').click();
    await el.updateComplete;
    expect(rowOf(el, 'VER').querySelector('dl')!.textContent).to.contain('fp-VER');
    expect(button(rowOf(el, 'VER'), 'Details').getAttribute('aria-expanded')).to.equal('true');

    button(rowOf(el, 'VER'), 'Rename').click();
    await el.updateComplete;
    const input = rowOf(el, 'VER').querySelector<HTMLInputElement>('input[name=session-name]')!;
    expect(el.shadowRoot!.activeElement).to.equal(input);
    expect(rowOf(el, 'VER').textContent).to.contain('visible to people you communicate with');
    input.value = 'y'.repeat(120);
    button(rowOf(el, 'VER'), 'Save').click();
    await waitRendered(el, () => rowOf(el, 'VER').querySelector('[role=alert]'));
    expect(rowOf(el, 'VER').querySelector('[role=alert]')!.textContent).to.contain('Device display name is too long (max 100)');
    expect(rowOf(el, 'VER').querySelector<HTMLInputElement>('input[name=session-name]')!.value).to.equal('y'.repeat(120));
    await expect(el).to.be.accessible();
    rowOf(el, 'VER').querySelector<HTMLInputElement>('input[name=session-name]')!.value = '';
    button(rowOf(el, 'VER'), 'Save').click();
    await el.updateComplete;
    expect(rowOf(el, 'VER').querySelector('[role=alert]')!.textContent).to.contain('Enter a name');

    rowOf(el, 'VER').querySelector<HTMLInputElement>('input[name=session-name]')!.value = 'Work laptop';
    const renamed = oneEvent(el, 'xs-session-renamed') as Promise<XsSessionRenamedEvent>;
    button(rowOf(el, 'VER'), 'Save').click();
    const ev = await renamed;
    expect([ev.deviceId, ev.displayName]).to.deep.equal(['VER', 'Work laptop']);
    await el.updateComplete;
    expect(rowOf(el, 'VER').querySelector('.name')!.textContent).to.equal('Work laptop');
    expect(fake.devices[1]!.displayName).to.equal('Work laptop');
  });

  it('Verify emits a cancelable xs-request-verify; unhandled, it explains what to do', async () => {
    const { el } = await mount();
    expect(button(rowOf(el, 'VER'), 'Verify')).to.equal(undefined);
    expect(button(rowOf(el, 'OLD'), 'Verify')).to.equal(undefined);
    const handled = (e: XsRequestVerifyEvent) => e.preventDefault();
    el.addEventListener('xs-request-verify', handled);
    const req = oneEvent(el, 'xs-request-verify') as Promise<XsRequestVerifyEvent>;
    button(rowOf(el, 'UNV'), 'Verify').click();
    const ev = await req;
    expect([ev.subject, ev.reason, ev.deviceId, ev.cancelable]).to.deep.equal(['own-session', 'requested', 'UNV', true]);
    await el.updateComplete;
    expect(rowOf(el, 'UNV').querySelector('[role=status]')).to.equal(null);
    el.removeEventListener('xs-request-verify', handled);
    button(rowOf(el, 'UNV'), 'Verify').click();
    await el.updateComplete;
    expect(rowOf(el, 'UNV').querySelector('[role=status]')!.textContent).to.contain('open that session');
  });

  it('offers no Verify when this session is not cross-signed, and offers to verify this session', async () => {
    const fake = sessions();
    fake.devices[0]!.verified = false;
    const { el } = await mount(fake);
    expect(button(rowOf(el, 'UNV'), 'Verify')).to.equal(undefined);
    expect(el.shadowRoot!.textContent).to.contain('Verify this session first');
    const req = oneEvent(el, 'xs-request-verify') as Promise<XsRequestVerifyEvent>;
    button($(el, '[part=current]'), 'Verify this session').click();
    const ev = await req;
    expect([ev.subject, ev.deviceId]).to.deep.equal(['this-session', 'CUR']);
  });

  it('selects and signs out two sessions with the keyboard alone, wrong password first; accessible at each step', async () => {
    const { el, fake } = await mount();
    const signedOut = oneEvent(el, 'xs-sessions-signed-out') as Promise<XsSessionsSignedOutEvent>;
    rowOf(el, 'UNV').querySelector<HTMLInputElement>('input[type=checkbox]')!.focus();
    await sendKeys({ press: ' ' });
    await el.updateComplete;
    rowOf(el, 'OLD').querySelector<HTMLInputElement>('input[type=checkbox]')!.focus();
    await sendKeys({ press: ' ' });
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.contain('2 selected');
    $<HTMLButtonElement>(el, '[data-bulk=selected]').focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const panel = $(el, '[part=panel]');
    expect(panel.querySelector('h3')!.textContent).to.equal('Sign out of 2 sessions?');
    expect(panel.textContent).to.contain('Phone').and.contain('(UNV)').and.contain('Old tablet').and.contain('(OLD)');
    expect(el.shadowRoot!.activeElement).to.equal(panel.querySelector('h3'));
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Tab' }); // heading → Sign out
    await sendKeys({ press: 'Enter' });
    await waitRendered(el, () => $(el, 'xs-auth-prompt')?.shadowRoot?.querySelector('input[type=password]'));
    await expect(el).to.be.accessible();
    const prompt = $(el, 'xs-auth-prompt');
    prompt.shadowRoot!.querySelector<HTMLInputElement>('input[type=password]')!.focus();
    await sendKeys({ type: 'nope' });
    await sendKeys({ press: 'Enter' });
    await waitRendered(el, () => prompt.shadowRoot!.querySelector('[role=alert]'));
    expect(prompt.shadowRoot!.querySelector('[role=alert]')!.textContent).to.contain('Incorrect password');
    prompt.shadowRoot!.querySelector<HTMLInputElement>('input[type=password]')!.focus();
    await sendKeys({ type: fake.password });
    await sendKeys({ press: 'Enter' });
    const ev = await signedOut;
    expect(ev.deviceIds).to.deep.equal(['UNV', 'OLD']);
    await waitRendered(el, () => rowIds(el).length === 1);
    expect(rowIds(el)).to.deep.equal(['VER']);
    expect($(el, '[part=panel]').textContent).to.contain('Signed out of 2 sessions');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect($(el, '[part=panel]')).to.equal(null);
  });

  it('signing out this session is separate and explicit', async () => {
    const { el, fake } = await mount();
    button($(el, '[part=current]'), 'Sign out of this session').click();
    await el.updateComplete;
    const panel = $(el, '[part=current] [part=panel]');
    expect(panel.textContent).to.contain('Sign out of this session?').and.contain('(CUR)');
    await expect(el).to.be.accessible();
    const out = oneEvent(el, 'xs-sessions-signed-out') as Promise<XsSessionsSignedOutEvent>;
    button(panel, 'Sign out').click();
    const ev = await out;
    expect([ev.deviceIds, ev.includesCurrent]).to.deep.equal([['CUR'], true]);
    expect(fake.loggedOut).to.equal(true);
  });

  it('a failed load explains and retries; live updates re-render', async () => {
    const fake = sessions();
    fake.failNext.getDevices = matrixError(429, { errcode: 'M_LIMIT_EXCEEDED', error: 'slow down', retry_after_ms: 2000 });
    const { el } = await mount(fake);
    expect($(el, '[role=alert]').textContent).to.contain('could not be loaded').and.contain('try again in 2 s');
    await expect(el).to.be.accessible();
    button(el.shadowRoot!, 'Try again').click();
    await waitRendered(el, () => $(el, 'ul.sessions'));
    fake.devices.push({ deviceId: 'NEW', displayName: 'New phone', lastSeenTs: Date.now() });
    fake.emitDevicesUpdated();
    await waitRendered(el, () => rowIds(el).includes('NEW'));
    expect(rowIds(el)[0]).to.equal('NEW');
    await settle();
  });

  it('renders a long list in chunks, in order; updateComplete waits for every row; selection survives filtering', async () => {
    const devices = [{ deviceId: 'CUR', verified: true, lastSeenTs: now }, ...Array.from({ length: 400 }, (_, i) => ({
      deviceId: `D${String(i).padStart(4, '0')}`, displayName: `Device ${i}`, lastSeenTs: now - i * 60_000, verified: i % 2 === 0,
    }))];
    const ids = devices.slice(1).map((d) => d.deviceId);
    const fake = fakeSessionsClient({ currentDeviceId: 'CUR', devices });
    const { el } = await mount(fake);
    await el.updateComplete;
    expect(rowIds(el)).to.deep.equal(ids);
    rowOf(el, 'D0399').querySelector<HTMLInputElement>('input[type=checkbox]')!.click();
    button(el.shadowRoot!, 'Verified').click();
    await el.updateComplete;
    expect(rowIds(el)).to.deep.equal(ids.filter((_, i) => i % 2 === 0));
    // The other rows come back between the ones kept, over several slices.
    button(el.shadowRoot!, 'All').click();
    await el.updateComplete;
    expect(rowIds(el)).to.deep.equal(ids);
    expect(rowOf(el, 'D0399').querySelector<HTMLInputElement>('input[type=checkbox]')!.checked).to.equal(true);
    expect(el.sessions!.selection.has('D0399')).to.equal(true);
  });

  it('a list taken out of the document lets its rows go, and shows them again when put back', async () => {
    const { el } = await mount();
    const parent = el.parentElement!;
    el.remove();
    expect($$(el, 'li.session')).to.have.length(0);
    parent.append(el);
    await waitRendered(el, () => rowIds(el).length === 3);
    expect(rowIds(el)).to.deep.equal(['UNV', 'VER', 'OLD']);
    expect(rowOf(el, 'OLD').querySelector('.badge.inactive:not([hidden])')).to.exist;
    // Rendered, not just marked: the badge's own `display` must not override `hidden`.
    const inactiveShown = (row: Element) => (row.querySelector('.badge.inactive') as HTMLElement).checkVisibility();
    expect(inactiveShown(rowOf(el, 'OLD')), 'inactive badge of an inactive session').to.equal(true);
    for (const id of ['VER', 'UNV']) expect(inactiveShown(rowOf(el, id)), `no inactive badge on ${id}`).to.equal(false);
    expect(inactiveShown($(el, '[part=current]')), 'no inactive badge on this session').to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('sign-out authentication: 429 shows a countdown, an SSO-only server offers its fallback page; accessible', async () => {
    const fake = sessions();
    const { el } = await mount(fake);
    const calls: unknown[] = [];
    (fake.client as unknown as { deleteMultipleDevices: (ids: string[], auth?: unknown) => Promise<unknown> }).deleteMultipleDevices = async (_ids, auth) => {
      calls.push(auth);
      if (calls.length === 1) throw matrixError(429, { errcode: 'M_LIMIT_EXCEEDED', error: 'Too many requests', retry_after_ms: 30_000 });
      throw matrixError(401, { flows: [{ stages: ['m.login.sso'] }], params: {}, session: 'S1' });
    };
    button(rowOf(el, 'UNV'), 'Sign out').click();
    await el.updateComplete;
    button($(el, '[part=panel]'), 'Sign out').click();
    const prompt = await (async () => {
      await waitRendered(el, () => $(el, 'xs-auth-prompt')?.shadowRoot?.querySelector('[part=status]')?.textContent?.includes('try again in'));
      return $(el, 'xs-auth-prompt');
    })();
    expect(prompt.shadowRoot!.textContent).to.match(/try again in (29|30) s/);
    await expect(el).to.be.accessible();
    button(prompt.shadowRoot!, 'Cancel').click();
    await waitRendered(el, () => !$(el, '[part=panel]'));
    // Second attempt: the server only offers SSO → the homeserver's fallback page.
    button(rowOf(el, 'UNV'), 'Sign out').click();
    await el.updateComplete;
    button($(el, '[part=panel]'), 'Sign out').click();
    await waitRendered(el, () => $(el, 'xs-auth-prompt')?.shadowRoot?.textContent?.includes('Open the confirmation page'));
    await expect(el).to.be.accessible();
    expect(fake.devices.map((d) => d.deviceId)).to.include('UNV');
  });
});
