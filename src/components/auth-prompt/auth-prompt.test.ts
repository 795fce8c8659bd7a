import { expect, fixture, html } from '@open-wc/testing';
import '../../define/xs-auth-prompt.js';
import { stub } from '../../../test/support/stub.js';
import type { AuthDict } from '../../sdk/uia.js';
import { UiaSession } from '../../state/uia.js';
import type { XsAuthPrompt } from './auth-prompt.js';

const challenge = (data: Record<string, unknown>) => Object.assign(new Error('401'), { httpStatus: 401, data });
const settle = () => new Promise((r) => setTimeout(r, 0));

function passwordSession() {
  const seen: (AuthDict | null)[] = [];
  const s = new UiaSession<string>({
    userId: '@me:x',
    fallbackUrl: () => 'https://hs/fallback',
    request: async (auth) => {
      seen.push(auth);
      if ((auth as { password?: string } | null)?.password === 'right') return 'ok';
      throw challenge({ flows: [{ stages: ['m.login.password'] }], params: {}, session: 'S', ...(auth ? { errcode: 'M_FORBIDDEN' } : {}) });
    },
  });
  return { s, seen };
}

describe('<xs-auth-prompt>', () => {
  it('asks for the password, shows "Incorrect password", then completes; never keeps the password', async () => {
    const { s } = passwordSession();
    const result = s.run();
    const el = await fixture<XsAuthPrompt>(html`<xs-auth-prompt .session=${s}></xs-auth-prompt>`);
    await settle();
    await el.updateComplete;
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('input[type=password]')!;
    expect(input.autocomplete).to.equal('current-password');
    await expect(el).to.be.accessible();
    input.value = 'wrong';
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await settle();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role=alert]')!.textContent).to.contain('Incorrect password');
    expect(el.shadowRoot!.querySelector<HTMLInputElement>('input[type=password]')!.value).to.equal('');
    await expect(el).to.be.accessible();
    el.shadowRoot!.querySelector<HTMLInputElement>('input[type=password]')!.value = 'right';
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    expect(await result).to.equal('ok');
    await el.updateComplete;
    expect(el.shadowRoot!.innerHTML).not.to.contain('right');
  });

  it('offers the homeserver fallback page (SSO) and opens the checked URL', async () => {
    const s = new UiaSession<string>({
      userId: '@me:x',
      fallbackUrl: (stage, sess) => `https://hs/_matrix/client/v3/auth/${stage}/fallback/web?session=${sess}`,
      request: async () => { throw challenge({ flows: [{ stages: ['m.login.sso'] }], params: {}, session: 'Q' }); },
    });
    void s.run().catch(() => {});
    const el = await fixture<XsAuthPrompt>(html`<xs-auth-prompt .session=${s}></xs-auth-prompt>`);
    await settle();
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.contain('Open the confirmation page');
    await expect(el).to.be.accessible();
    const opened: unknown[] = [];
    const restoreOpen = stub(window, 'open', (...a: unknown[]) => { opened.push(a); return null; });
    try {
      el.shadowRoot!.querySelector<HTMLButtonElement>('button.primary')!.click();
    } finally {
      restoreOpen();
    }
    expect(opened[0]).to.deep.equal(['https://hs/_matrix/client/v3/auth/m.login.sso/fallback/web?session=Q', '_blank', 'noopener']);
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.contain('I’ve confirmed');

    s.cancel();
  });

  it('429: a capped countdown that ticks visibly, is announced once, and offers "Try again" only at the end', async () => {
    let fire: (() => void) | undefined;
    const sent: unknown[] = [];
    const s = new UiaSession<string>({
      userId: '@me:x',
      fallbackUrl: () => 'https://hs/fallback',
      setTimer: (fn) => { fire = fn; return 1; },
      clearTimer: () => {},
      request: async (auth) => {
        sent.push(auth);
        if (!auth) throw challenge({ flows: [{ stages: ['m.login.password'] }], params: {}, session: 'S' });
        if (sent.length === 2) {
          throw Object.assign(new Error('429'), { httpStatus: 429, errcode: 'M_LIMIT_EXCEEDED', data: { errcode: 'M_LIMIT_EXCEEDED' }, httpHeaders: new Headers({ 'Retry-After': '86400' }) });
        }
        return 'ok';
      },
    });
    const result = s.run();
    const el = await fixture<XsAuthPrompt>(html`<xs-auth-prompt .session=${s}></xs-auth-prompt>`);
    await settle();
    await el.updateComplete;
    const $ = (sel: string) => el.shadowRoot!.querySelector<HTMLElement>(sel);
    ($('input[type=password]') as HTMLInputElement).value = 'secret-pw';
    $('button[type=submit]')!.click();
    await settle();
    await el.updateComplete;
    const timer = $('[role=timer]')!;
    expect(timer.getAttribute('aria-live')).to.equal('off');
    expect(timer.textContent).to.match(/Too many attempts — try again in (29|30) s/);
    expect($('#capped')!.textContent).to.contain('much longer wait');
    const live = $('[role=status][aria-live=polite]')!;
    const announced = live.textContent;
    expect(announced).to.contain('Too many attempts — try again in 30 s');
    expect([...el.shadowRoot!.querySelectorAll('button')].map((b) => b.textContent.trim())).to.deep.equal(['Cancel']);
    await expect(el).to.be.accessible();
    await new Promise((r) => setTimeout(r, 1200));
    await el.updateComplete;
    expect(timer.textContent, 'the visible countdown ticks').to.match(/try again in (28|29) s/);
    expect(live.textContent, 'the live region does not speak every second').to.equal(announced);
    fire!();
    await el.updateComplete;
    expect(live.textContent).to.equal('You can try again now.');
    expect(sent).to.have.length(2);
    const again = [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Try again')!;
    await expect(el).to.be.accessible();
    again.click();
    await el.updateComplete;
    expect(sent, 'the password was not re-sent').to.have.length(2);
    ($('input[type=password]') as HTMLInputElement).value = 'secret-pw';
    $('button[type=submit]')!.click();
    expect(await result).to.equal('ok');
    await el.updateComplete;
    expect(el.shadowRoot!.innerHTML).not.to.contain('secret-pw');
  });

  it('refuses a javascript: approval URL with an explanation and never calls window.open', async () => {
    const s = new UiaSession<string>({
      userId: '@me:x',
      fallbackUrl: () => 'https://hs/fallback',
      request: async () => { throw challenge({ flows: [{ stages: ['m.oauth'] }], params: { 'm.oauth': { url: 'javascript:alert(1)' } }, session: 'O' }); },
    });
    void s.run().catch(() => {});
    const opened: unknown[] = [];
    const restoreOpen = stub(window, 'open', (...a: unknown[]) => { opened.push(a); return null; });
    try {
      const el = await fixture<XsAuthPrompt>(html`<xs-auth-prompt .session=${s}></xs-auth-prompt>`);
      await settle();
      await el.updateComplete;
      const alert = el.shadowRoot!.querySelector('#url-refused')!;
      expect(alert.getAttribute('role')).to.equal('alert');
      expect(alert.textContent).to.contain('not safe to open').and.contain('does not start with https://');
      expect(el.shadowRoot!.innerHTML).not.to.contain('javascript:');
      expect([...el.shadowRoot!.querySelectorAll('button')].map((b) => b.textContent.trim())).to.deep.equal(['Cancel']);
      expect(el.shadowRoot!.querySelector('a[href]')).to.equal(null);
      await expect(el).to.be.accessible();
      // Even a stage forged with a bad URL never reaches window.open.
      s.stage = { kind: 'oauth', url: 'javascript:alert(2)', opened: false, notYet: false };
      s.dispatchEvent(new Event('change'));
      await el.updateComplete;
      el.shadowRoot!.querySelector<HTMLButtonElement>('button.primary')!.click();
      expect(opened).to.deep.equal([]);
    } finally {
      restoreOpen();
    }
    s.cancel();
  });

  it('words a network failure as a network failure, not as failed authentication', async () => {
    const s = new UiaSession<string>({
      userId: '@me:x',
      fallbackUrl: () => 'https://hs/fallback',
      request: async () => { throw new TypeError('Failed to fetch'); },
    });
    void s.run().catch(() => {});
    const el = await fixture<XsAuthPrompt>(html`<xs-auth-prompt .session=${s}></xs-auth-prompt>`);
    await settle();
    await el.updateComplete;
    const text = el.shadowRoot!.querySelector('[role=alert]')!.textContent;
    expect(text).to.contain('could not be reached');
    expect(text).not.to.contain('Authentication did not succeed');
    await expect(el).to.be.accessible();
    s.cancel();
  });
});
