// <xs-session-list>'s wording (plurals, languages) and the device kinds read from user agents.
import { expect, oneEvent } from '@open-wc/testing';
import { fakeSessionsClient } from '../../../test/support/fake-sessions-client.js';
import { $, $$, button, mount, rowOf, sessionsOpts, waitRendered } from '../../../test/support/session-list-ui.js';
import '../../define/xs-session-list.js';

describe('<xs-session-list> wording and device kinds', () => {
  it('device kind and client from the agent the server reports; unknown agents as plain text; never markup', async () => {
    const opts = sessionsOpts();
    opts.devices[0] = { ...opts.devices[0]!, userAgent: 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0' } as never;
    opts.devices[1] = { ...opts.devices[1]!, userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Element/1.11.85 Chrome/130.0 Electron/33.2.1 Safari/537.36' } as never;
    opts.devices[2] = { ...opts.devices[2]!, userAgent: 'Element/1.6.10 (Linux; U; Android 13; Pixel 7 Build/TQ3A)' } as never;
    opts.devices[3] = { ...opts.devices[3]!, userAgent: '<img src=x onerror="window.__uaPwned=1">' } as never;
    const { el } = await mount(fakeSessionsClient(opts));
    const client = (root: Element) => {
      const line = root.querySelector<HTMLElement>('.client')!;
      const icon = line.querySelector('svg');
      return [line.hidden ? 'hidden' : line.dataset['kind'], icon && getComputedStyle(icon).display !== 'none' ? icon.getAttribute('aria-label') : null, line.textContent!.trim()];
    };
    expect(client($(el, '[part=current]'))).to.deep.equal(['browser', 'Web browser', 'Firefox on Linux']);
    expect(client(rowOf(el, 'VER'))).to.deep.equal(['desktop', 'Desktop app', 'Element on Linux']);
    expect(client(rowOf(el, 'UNV'))).to.deep.equal(['mobile', 'Mobile app', 'Element on Android']);
    expect(client(rowOf(el, 'OLD'))).to.deep.equal(['unknown', null, '<img src=x onerror="window.__uaPwned=1">']);
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect((window as unknown as { __uaPwned?: number }).__uaPwned).to.equal(undefined);
    await expect(el).to.be.accessible();
    // Without an agent: no line.
    const { el: plain } = await mount();
    expect(rowOf(plain, 'UNV').querySelector('.client')).to.equal(null);
    // An agent reported later: the row gains the line; gone again, it hides.
    const { el: later, fake: lf } = await mount();
    lf.devices[2]!.userAgent = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';
    await later.reload();
    await later.updateComplete;
    expect(client(rowOf(later, 'UNV'))).to.deep.equal(['browser', 'Web browser', 'Firefox on Linux']);
    delete lf.devices[2]!.userAgent;
    await later.reload();
    await later.updateComplete;
    expect(rowOf(later, 'UNV').querySelector<HTMLElement>('.client')!.hidden).to.equal(true);
    await expect(later).to.be.accessible();
    expect(plain.shadowRoot!.querySelector('[part=current] .client')).to.equal(null);
  });

  it('singular wording for one session; "Name saved" at the renamed row; signing this session out is not the loudest button', async () => {
    const { el } = await mount();
    expect(button($(el, '[part=current]'), 'Sign out of this session').classList.contains('danger')).to.equal(false);
    expect(button($(el, '[part=current]'), 'Sign out of this session').classList.contains('primary')).to.equal(false);
    button(rowOf(el, 'UNV'), 'Sign out').click();
    await el.updateComplete;
    expect($(el, '[part=panel]').textContent).to.contain('Sign out of 1 session?').and.contain('This session will be signed out. Anyone using it');
    button($(el, '[part=panel]'), 'Cancel').click();
    await el.updateComplete;
    button(rowOf(el, 'VER'), 'Rename').click();
    await el.updateComplete;
    rowOf(el, 'VER').querySelector<HTMLInputElement>('input[name=session-name]')!.value = 'Work laptop';
    const renamed = oneEvent(el, 'xs-session-renamed');
    button(rowOf(el, 'VER'), 'Save').click();
    await renamed;
    await waitRendered(el, () => rowOf(el, 'VER').querySelector('[role=status]'));
    expect(rowOf(el, 'VER').querySelector('[role=status]')!.textContent).to.equal('Name saved.');
    expect(el.shadowRoot!.activeElement).to.equal(button(rowOf(el, 'VER'), 'Rename'));
    expect($$(el, '[role=status]').filter((s) => s.textContent === 'Name saved.')).to.have.length(1);
  });
});
