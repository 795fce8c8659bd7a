import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../define/xs-setup-wizard.js';
import { ENCODED, fakeAdapter, snapshots } from '../../../test/support/setup-fakes.js';
import { stub } from '../../../test/support/stub.js';
import type { XsSetupWizard } from './setup-wizard.js';

const shadow = (el: XsSetupWizard) => el.shadowRoot!;
const heading = (el: XsSetupWizard) => shadow(el).querySelector('h2')?.textContent?.trim();
const btn = (el: XsSetupWizard, label: string) => {
  const b = [...shadow(el).querySelectorAll('button')].find((x) => x.textContent?.trim() === label);
  if (!b) throw new Error(`no button ${label}`);
  return b;
};
async function settled(el: XsSetupWizard) {
  for (let i = 0; i < 5; i++) {
    await new Promise((r) => setTimeout(r, 0));
    await el.updateComplete;
  }
}

/** From the intro to the confirm-key step, with the key typed in (not yet submitted). */
async function toConfirmKey(el: XsSetupWizard) {
  await settled(el);
  btn(el, 'Continue').click();
  await settled(el);
  btn(el, 'Generate a Security Key').click();
  await settled(el);
  btn(el, 'Download').click();
  await settled(el);
  btn(el, 'Continue').click();
  await settled(el);
  shadow(el).querySelector<HTMLInputElement>('#confirm-key')!.value = ENCODED;
}

/** A wizard on a fresh account, past the intro, with `choice` (a button of the "choose" step) pressed. */
async function freshWizardChoosing(choice: 'Generate a Security Key' | 'Enter a Security Phrase') {
  const el = await fixture<XsSetupWizard>(html`<xs-setup-wizard .adapter=${fakeAdapter(snapshots.fresh)}></xs-setup-wizard>`);
  await settled(el);
  btn(el, 'Continue').click();
  await settled(el);
  btn(el, choice).click();
  await settled(el);
  return el;
}

describe('<xs-setup-wizard>', () => {
  it('without a client says it is not connected', async () => {
    const el = await fixture<XsSetupWizard>(html`<xs-setup-wizard></xs-setup-wizard>`);
    expect(shadow(el).textContent).to.include('Not connected');
    await expect(el).to.be.accessible();
  });

  it('"Ask me later" emits xs-setup-dismissed', async () => {
    const el = await fixture<XsSetupWizard>(html`<xs-setup-wizard .adapter=${fakeAdapter(snapshots.fresh)}></xs-setup-wizard>`);
    await settled(el);
    expect(heading(el)).to.equal('Secure your messages');
    const ev = oneEvent(el, 'xs-setup-dismissed');
    btn(el, 'Ask me later').click();
    await ev;
    await settled(el);
    expect(shadow(el).textContent).to.include('Setup postponed');
    await expect(el).to.be.accessible();
    // A way back: "Set up now", setting mode again, or restart().
    btn(el, 'Set up now').click();
    await settled(el);
    expect(heading(el)).to.equal('Secure your messages');
    btn(el, 'Ask me later').click();
    await settled(el);
    el.mode = 'setup';
    await settled(el);
    expect(heading(el), 'setting the same mode again restarts').to.equal('Secure your messages');
    btn(el, 'Ask me later').click();
    await settled(el);
    el.restart();
    await settled(el);
    expect(heading(el)).to.equal('Secure your messages');
  });

  it('the last step has a Done button: xs-setup-closed, then the wizard shows where the account stands', async () => {
    let snap = snapshots.fresh;
    const adapter = fakeAdapter(snap);
    adapter.read = async () => snap;
    adapter.finishSetup = async (key, _auth, opts) => {
      adapter.finishCalls.push({ key, opts });
      snap = snapshots.complete!;
      return { accepted: [] };
    };
    const el = await fixture<XsSetupWizard>(html`<xs-setup-wizard .adapter=${adapter}></xs-setup-wizard>`);
    await toConfirmKey(el);
    const complete = oneEvent(el, 'xs-setup-complete');
    shadow(el).querySelector('form')!.requestSubmit();
    await complete;
    await settled(el);
    expect(heading(el)).to.equal('You’re all set');
    await expect(el).to.be.accessible();
    const closed = oneEvent(el, 'xs-setup-closed');
    btn(el, 'Done').click();
    await closed;
    await settled(el);
    expect(heading(el)).to.equal('Secure messaging is set up');
  });

  it('a rate-limited save counts down before Try again is enabled (absurd waits capped)', async () => {
    const adapter = fakeAdapter(snapshots.fresh, {
      finish: async (_a, n) => {
        if (n === 1) throw Object.assign(new Error('429'), { httpStatus: 429, errcode: 'M_LIMIT_EXCEEDED', data: { errcode: 'M_LIMIT_EXCEEDED' }, httpHeaders: new Headers({ 'Retry-After': '2' }) });
      },
    });
    const el = await fixture<XsSetupWizard>(html`<xs-setup-wizard .adapter=${adapter}></xs-setup-wizard>`);
    await toConfirmKey(el);
    shadow(el).querySelector('form')!.requestSubmit();
    await new Promise((r) => setTimeout(r, 50));
    await settled(el);
    expect(heading(el)).to.equal('Not finished yet');
    expect(shadow(el).textContent).to.match(/Too many attempts — try again in [12] s/);
    expect(btn(el, 'Try again').disabled).to.equal(true);
    await expect(el).to.be.accessible();
    await new Promise((r) => setTimeout(r, 2200));
    await settled(el);
    expect(btn(el, 'Try again').disabled).to.equal(false);
    btn(el, 'Try again').click();
    await new Promise((r) => setTimeout(r, 50));
    await settled(el);
    expect(heading(el)).to.equal('You’re all set');
  });

  it('when the clipboard is refused, selects the key; a manual copy unlocks Continue; the key is never an attribute', async () => {
    const el = await freshWizardChoosing('Generate a Security Key');
    expect(heading(el)).to.equal('Save your Security Key');
    expect(shadow(el).querySelector('#key-text')!.textContent).to.equal(ENCODED);
    expect(btn(el, 'Continue').disabled).to.equal(true);
    const original = Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard');
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) } });
    try {
      btn(el, 'Copy').click();
      await settled(el);
    } finally {
      delete (navigator as unknown as Record<string, unknown>)['clipboard'];
      if (original) Object.defineProperty(Navigator.prototype, 'clipboard', original);
    }
    expect(shadow(el).querySelector('#saved-status')!.textContent).to.include('did not allow copying');
    expect(btn(el, 'Continue').disabled).to.equal(true);
    await expect(el).to.be.accessible();
    shadow(el).querySelector('#key-text')!.dispatchEvent(new Event('copy', { bubbles: true }));
    await settled(el);
    expect(btn(el, 'Continue').disabled).to.equal(false);
    for (const a of el.getAttributeNames()) expect(el.getAttribute(a) ?? '').to.not.include('EsTa');
    // Leaving the step removes the key from the DOM.
    btn(el, 'Continue').click();
    await settled(el);
    expect(shadow(el).textContent).to.not.include('EsTa');
    const input = shadow(el).querySelector<HTMLInputElement>('#confirm-key')!;
    expect(input.autocomplete).to.equal('off');
  });

  it('a stalled save shows "still saving" with Keep waiting and Stop waiting', async () => {
    const adapter = fakeAdapter(snapshots.fresh, { finish: () => new Promise(() => {}) });
    const el = await fixture<XsSetupWizard>(html`<xs-setup-wizard stall-ms="10" .adapter=${adapter}></xs-setup-wizard>`);
    await toConfirmKey(el);
    shadow(el).querySelector('form')!.requestSubmit();
    await new Promise((r) => setTimeout(r, 50));
    await settled(el);
    expect(shadow(el).querySelector('[role=status]')!.textContent).to.include('Still saving');
    await expect(el).to.be.accessible();
    btn(el, 'Stop waiting').click();
    await settled(el);
    expect(heading(el)).to.equal('Stopped waiting');
    expect(shadow(el).querySelector('[role=status]')!.textContent).to.include('may still finish in the background');
    expect(btn(el, 'Try again')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('renders the SSO fallback inside the wizard when the server asks for it', async () => {
    const adapter = fakeAdapter(snapshots.fresh, {
      finish: (auth) => auth(async (a) => {
        if (!a) throw Object.assign(new Error('uia'), { httpStatus: 401, data: { session: 's', flows: [{ stages: ['m.login.sso'] }], params: {} } });
      }),
    });
    const el = await fixture<XsSetupWizard>(html`<xs-setup-wizard .adapter=${adapter}></xs-setup-wizard>`);
    await settled(el);
    btn(el, 'Continue').click();
    await settled(el);
    btn(el, 'Generate a Security Key').click();
    await settled(el);
    let printed = 0;
    const restorePrint = stub(window, 'print', () => void printed++);
    try {
      btn(el, 'Print').click();
    } finally {
      restorePrint();
    }
    expect(printed).to.equal(1);
    await settled(el);
    // window.print() can't tell whether anything was printed (the dialog may have been cancelled): say only what happened.
    const savedText = shadow(el).querySelector('#saved-status')!.textContent;
    expect(savedText).to.include('print dialog was opened');
    expect(savedText).to.not.match(/sent to the printer/i);
    btn(el, 'Continue').click();
    await settled(el);
    shadow(el).querySelector<HTMLInputElement>('#confirm-key')!.value = ENCODED;
    shadow(el).querySelector('form')!.requestSubmit();
    await settled(el);
    expect(heading(el)).to.equal('Confirm your identity');
    const prompt = shadow(el).querySelector('xs-auth-prompt')!;
    await prompt.updateComplete;
    expect(prompt.shadowRoot!.textContent).to.include('Open the confirmation page');
    await expect(el).to.be.accessible();
    // One visible heading: the prompt's own. The wizard's step heading stays for screen readers (and focus).
    const visibleHeadings = [...shadow(el).querySelectorAll('h2, h3'), ...prompt.shadowRoot!.querySelectorAll('h2, h3')]
      .filter((h) => h.checkVisibility() && h.getBoundingClientRect().width > 1 && h.getBoundingClientRect().height > 1)
      .map((h) => h.textContent?.trim());
    expect(visibleHeadings).to.deep.equal(['Confirm it’s you']);
  });

  it('the Security Phrase step names its fields "Security Phrase", as the step does', async () => {
    const el = await freshWizardChoosing('Enter a Security Phrase');
    expect(heading(el)).to.equal('Choose a Security Phrase');
    const field = shadow(el).querySelector('xs-new-passphrase')!;
    await (field as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    const labels = [...field.shadowRoot!.querySelectorAll('label')].filter((l) => l.checkVisibility()).map((l) => l.textContent?.trim());
    expect(labels).to.deep.equal(['Security Phrase', 'Repeat your Security Phrase']);
    await expect(el).to.be.accessible();
  });

  it('reset without a verified session shows the stronger warning', async () => {
    const el = await fixture<XsSetupWizard>(html`<xs-setup-wizard mode="reset" .adapter=${fakeAdapter(snapshots.keysMissing, { active: false })}></xs-setup-wizard>`);
    await settled(el);
    expect(heading(el)).to.equal('Reset your encryption');
    expect(shadow(el).querySelector('#no-session-warning')).to.exist;
    await expect(el).to.be.accessible();
    const exp = oneEvent(el, 'xs-request-export');
    btn(el, 'Export your room keys first').click();
    await exp;
  });
});
