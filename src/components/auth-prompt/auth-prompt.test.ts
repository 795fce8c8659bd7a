import { expect, fixture, html } from '@open-wc/testing';
import '../../define/xs-auth-prompt.js';
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

  it('shows the countdown when rate-limited and the fallback page flow', async () => {
    const s = new UiaSession<string>({
      userId: '@me:x',
      fallbackUrl: (stage, sess) => `https://hs/_matrix/client/v3/auth/${stage}/fallback/web?session=${sess}`,
      request: async () => { throw challenge({ flows: [{ stages: ['m.login.sso'] }], params: {}, session: 'Q' }); },
    });
    void s.run();
    const el = await fixture<XsAuthPrompt>(html`<xs-auth-prompt .session=${s}></xs-auth-prompt>`);
    await settle();
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.contain('Open the confirmation page');
    await expect(el).to.be.accessible();
    const opened: unknown[] = [];
    const orig = window.open;
    window.open = ((...a: unknown[]) => { opened.push(a); return null; }) as typeof window.open;
    try {
      el.shadowRoot!.querySelector<HTMLButtonElement>('button.primary')!.click();
    } finally {
      window.open = orig;
    }
    expect(opened[0]).to.deep.equal(['https://hs/_matrix/client/v3/auth/m.login.sso/fallback/web?session=Q', '_blank', 'noopener']);
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.contain('I’ve confirmed');

    s.stage = { kind: 'rate-limited', until: Date.now() + 5000, resume: { kind: 'password', wrongPassword: false } };
    s.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role=status]')!.textContent).to.match(/try again in [45] s/);
    await expect(el).to.be.accessible();
  });
});
