import { expect, fixture, fixtureSync, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../define/xs-new-passphrase.js';
import { XsPassphraseValidityEvent } from '../../events/xs-passphrase-validity.js';
import { registerTranslation, translate } from '../../i18n/registry.js';
import { languageOf } from '../../i18n/localize.js';
import { newPassphraseStrengthStrings } from './new-passphrase.strength.strings.js';
import { estimatorRequested } from '../../internal/passphrase-strength.js';
import type { XsNewPassphrase } from './new-passphrase.js';

const STRONG = 'correct violet harbour tractor 1987!';

function parts(el: XsNewPassphrase) {
  const root = el.shadowRoot!;
  return {
    pass: root.querySelector<HTMLInputElement>('#passphrase')!,
    confirm: root.querySelector<HTMLInputElement>('#confirm')!,
    meter: root.querySelector<HTMLMeterElement>('meter')!,
    status: root.querySelector<HTMLElement>('[role="status"]')!,
    alert: root.querySelector<HTMLElement>('[role="alert"]')!,
  };
}

function type(input: HTMLInputElement, value: string) {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

async function scored(el: XsNewPassphrase) {
  // "Strength: …" in the element's language (German and French are shipped; others show English).
  const shown = () => translate(languageOf(el), newPassphraseStrengthStrings, 'strength', '').trim();
  await waitUntil(() => (parts(el).status.textContent ?? '').includes(shown()), 'strength shown', { timeout: 10_000 });
  await el.updateComplete;
}

function estimatorResources() {
  return performance.getEntriesByType('resource').filter((e) => /@zxcvbn-ts|passphrase-(estimator|data)/.test(e.name));
}

describe('<xs-new-passphrase>', () => {
  // Must run first in this file: the estimator is a module-level lazy singleton.
  it('does not load the estimator until someone types', async () => {
    const el = await fixture<XsNewPassphrase>(html`<xs-new-passphrase></xs-new-passphrase>`);
    await new Promise((r) => setTimeout(r, 200));
    expect(estimatorRequested()).to.equal(false);
    expect(estimatorResources()).to.have.length(0);
    type(parts(el).pass, 'a');
    await waitUntil(() => estimatorRequested(), 'the first keystroke loads the estimator');
    await scored(el);
    const loaded = estimatorResources().map((e) => e.name);
    expect(loaded.some((n) => n.includes('@zxcvbn-ts/core'))).to.equal(true);
    expect(loaded.some((n) => n.includes('passphrase-estimator'))).to.equal(true);
    // No word list of any language (docs/passphrase-strength.md): the English and common packages are not loaded.
    expect(loaded.filter((n) => n.includes('@zxcvbn-ts/language-'))).to.deep.equal([]);
  });

  it('renders two labelled secret inputs and passes the accessibility audit', async () => {
    const el = await fixture<XsNewPassphrase>(html`<xs-new-passphrase></xs-new-passphrase>`);
    const { pass, confirm, meter } = parts(el);
    for (const input of [pass, confirm]) {
      expect(input.type).to.equal('password');
      expect(input.getAttribute('autocomplete')).to.equal('new-password');
      expect(input.getAttribute('spellcheck')).to.equal('false');
      expect(input.labels?.[0]?.textContent?.trim()).to.be.a('string').and.not.equal('');
    }
    expect(meter.value).to.equal(0);
    expect(el.valid).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('uses label overrides', async () => {
    const el = await fixture<XsNewPassphrase>(
      html`<xs-new-passphrase label="Export passphrase" confirm-label="Export passphrase again"></xs-new-passphrase>`,
    );
    const { pass, confirm } = parts(el);
    expect(pass.labels![0].textContent).to.equal('Export passphrase');
    expect(confirm.labels![0].textContent).to.equal('Export passphrase again');
  });

  it('rates a weak passphrase as weak and not valid, with advice in the live region', async () => {
    const el = await fixture<XsNewPassphrase>(html`<xs-new-passphrase></xs-new-passphrase>`);
    const { pass, confirm, meter, status } = parts(el);
    type(pass, 'password1');
    type(confirm, 'password1');
    await scored(el);
    expect(meter.value).to.be.lessThan(2);
    expect(status.textContent).to.match(/Strength: (Very weak|Weak)/);
    expect(status.textContent).to.contain('Not strong enough');
    expect(status.textContent, 'why').to.contain('This is one of the most used passwords.');
    expect(status.querySelector('li')?.textContent, 'advice').to.contain('Add another word');
    expect(status.getAttribute('aria-live')).to.equal('polite');
    expect(el.valid).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('says why in its own language (the advice is a string of the registry, not the estimator’s English)', async () => {
    registerTranslation('x-np-test', { 'newPassphrase.warnKeyboard': 'KEYBOARD-X', 'newPassphrase.suggestAvoidPatterns': 'AVOID-X' });
    const el = await fixture<XsNewPassphrase>(html`<xs-new-passphrase lang="x-np-test"></xs-new-passphrase>`);
    type(parts(el).pass, 'qwertzuiop');
    await scored(el);
    expect(parts(el).status.textContent).to.contain('KEYBOARD-X');
    expect(parts(el).status.textContent).to.contain('AVOID-X');
    el.lang = 'en';
    el.requestUpdate(); // the verdict is kept as keys: a re-render in another language words it anew
    await el.updateComplete;
    expect(parts(el).status.textContent).to.contain('Rows and shapes of keys');
  });

  for (const [lang, phrase] of [['de', 'Apfelbaum Wolke Treppe Segelboot'], ['fr', 'pomme nuage escalier voilier'], ['ar', 'تفاحة سحابة درج مركب'], ['zh', '苹果云朵楼梯帆船']]) {
    it(`accepts four random words in ${lang}: not weak for not being English`, async () => {
      const el = await fixture<XsNewPassphrase>(html`<xs-new-passphrase lang=${lang}></xs-new-passphrase>`);
      const { pass, confirm, meter } = parts(el);
      type(pass, phrase);
      type(confirm, phrase);
      await scored(el);
      expect(meter.value).to.equal(4);
      expect(el.valid).to.equal(true);
    });
  }

  it('becomes valid when strong and confirmed, and says so with xs-passphrase-validity', async () => {
    const el = await fixture<XsNewPassphrase>(html`<xs-new-passphrase></xs-new-passphrase>`);
    const events: XsPassphraseValidityEvent[] = [];
    el.addEventListener('xs-passphrase-validity', (e) => events.push(e));
    const { pass, confirm, meter } = parts(el);
    type(pass, STRONG);
    await scored(el);
    expect(meter.value).to.be.greaterThanOrEqual(3);
    expect(el.valid).to.equal(false); // not confirmed yet
    expect(events).to.have.length(0);
    type(confirm, STRONG);
    await el.updateComplete;
    expect(el.valid).to.equal(true);
    expect(events.map((e) => e.valid)).to.deep.equal([true]);
    expect(events[0]).to.be.instanceOf(XsPassphraseValidityEvent);
    expect(events[0].bubbles && events[0].composed).to.equal(true);
    type(confirm, STRONG + 'x');
    await el.updateComplete;
    expect(el.valid).to.equal(false);
    expect(events.map((e) => e.valid)).to.deep.equal([true, false]);
    await expect(el).to.be.accessible();
  });

  it('shows a mismatch alert only once the confirmation is touched', async () => {
    const el = await fixture<XsNewPassphrase>(html`<xs-new-passphrase></xs-new-passphrase>`);
    const { pass, confirm, alert } = parts(el);
    type(pass, STRONG);
    type(confirm, 'corr'); // still typing: no error yet
    await el.updateComplete;
    expect(alert.textContent?.trim()).to.equal('');
    confirm.dispatchEvent(new Event('blur'));
    await el.updateComplete;
    expect(alert.textContent).to.contain('not the same');
    expect(confirm.getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();
    type(confirm, STRONG);
    await el.updateComplete;
    expect(alert.textContent?.trim()).to.equal('');
    expect(confirm.getAttribute('aria-invalid')).to.equal('false');
  });

  it('loses no keystroke typed while its typing logic loads, and then acts on the fields as they are', async () => {
    // fixtureSync and microtasks only: the idle moment that loads the typing logic cannot come first.
    const el = fixtureSync<XsNewPassphrase>(html`<xs-new-passphrase min-score="0"></xs-new-passphrase>`);
    await el.updateComplete;
    const { pass, confirm, alert } = parts(el);
    expect((el as unknown as { words: { ready: boolean } }).words.ready, 'typed before new-passphrase.strength.ts is here').to.equal(false);
    type(pass, 't');
    type(pass, 'tw');
    type(pass, 'two');
    type(confirm, 'twx');
    expect(pass.value + confirm.value).to.equal('twotwx');
    await el.updateComplete;
    expect(pass.value + confirm.value).to.equal('twotwx');
    expect(alert.textContent, 'the confirmation was typed to length and differs').to.contain('not the same');
    type(confirm, 'two');
    await scored(el);
    expect(alert.textContent?.trim()).to.equal('');
    expect(el.valid).to.equal(true);
    expect(el.takeValue()).to.equal('two');
  });

  it('honours min-score', async () => {
    const el = await fixture<XsNewPassphrase>(html`<xs-new-passphrase min-score="0"></xs-new-passphrase>`);
    const { pass, confirm } = parts(el);
    type(pass, 'abc');
    type(confirm, 'abc');
    await scored(el);
    expect(el.valid).to.equal(true);
    el.minScore = 4;
    await el.updateComplete;
    expect(el.valid).to.equal(false);
  });

  it('penalises the user inputs', async () => {
    const el = await fixture<XsNewPassphrase>(html`<xs-new-passphrase></xs-new-passphrase>`);
    const { pass, meter } = parts(el);
    const guess = 'quixoticzebra@grumblefjord';
    type(pass, guess);
    await scored(el);
    const without = meter.value;
    el.userInputs = ['@quixoticzebra:grumblefjord.example'];
    await waitUntil(() => meter.value < without, 'score to drop', { timeout: 10_000 });
  });

  it('takeValue() returns the passphrase exactly as typed and clears both inputs', async () => {
    const el = await fixture<XsNewPassphrase>(html`<xs-new-passphrase min-score="0"></xs-new-passphrase>`);
    const events: boolean[] = [];
    el.addEventListener('xs-passphrase-validity', (e) => events.push(e.valid));
    const { pass, confirm } = parts(el);
    const raw = '  Cafe\u0301 🔑 Ω  '; // leading/trailing spaces, combining accent (NFD), astral char
    type(pass, raw);
    type(confirm, raw);
    await scored(el);
    expect(el.valid).to.equal(true);
    const value = el.takeValue();
    expect(value).to.equal(raw);
    expect(value.length).to.equal(raw.length);
    expect(pass.value).to.equal('');
    expect(confirm.value).to.equal('');
    await el.updateComplete;
    expect(el.valid).to.equal(false);
    expect(events).to.deep.equal([true, false]);
    expect(parts(el).meter.value).to.equal(0);
  });

  it('never puts the passphrase in an attribute or an event', async () => {
    const marker = 'zq7-secret-marker-vx9 orbit lantern';
    const seen: Event[] = [];
    const record = (e: Event) => seen.push(e);
    const wrap = await fixture<HTMLDivElement>(html`<div><xs-new-passphrase></xs-new-passphrase></div>`);
    const el = wrap.querySelector('xs-new-passphrase')!;
    for (const t of ['xs-passphrase-validity', 'change', 'input']) wrap.addEventListener(t, record);
    const { pass, confirm } = parts(el);
    type(pass, marker);
    type(confirm, marker);
    await scored(el);
    expect(el.valid).to.equal(true);
    const allElements = [wrap, el, ...el.shadowRoot!.querySelectorAll('*')];
    for (const node of allElements) {
      for (const attr of node.getAttributeNames()) {
        expect(node.getAttribute(attr) ?? '', `${node.localName}[${attr}]`).not.to.contain('zq7');
      }
    }
    expect(el.shadowRoot!.innerHTML).not.to.contain('zq7');
    const validity = seen.filter((e): e is XsPassphraseValidityEvent => e instanceof XsPassphraseValidityEvent);
    expect(validity).to.have.length(1);
    expect(Object.keys(validity[0]).filter((k) => k !== 'isTrusted')).to.deep.equal(['valid']);
    for (const e of seen) expect(JSON.stringify({ ...e, detail: (e as CustomEvent<unknown>).detail })).not.to.contain('zq7');
  });

  it('works with the keyboard alone, and Enter submits the surrounding form', async () => {
    let submitted = 0;
    const form = await fixture<HTMLFormElement>(
      html`<form @submit=${(e: Event) => { e.preventDefault(); submitted++; }}><xs-new-passphrase min-score="1"></xs-new-passphrase></form>`,
    );
    const el = form.querySelector('xs-new-passphrase')!;
    el.focus();
    await sendKeys({ type: 'tidy walrus' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'tidy walrus' });
    await scored(el);
    await waitUntil(() => el.valid, 'valid', { timeout: 5_000 });
    await sendKeys({ press: 'Enter' });
    expect(submitted).to.equal(1);
    expect(el.takeValue()).to.equal('tidy walrus');
  });

  it('submits the surrounding form on an Enter pressed while its typing logic loads', async () => {
    let submitted = 0;
    // Rendered synchronously and awaited through microtasks only, so the idle moment that would load the typing
    // logic cannot come before the Enter (fixture() waits a frame, in which it may).
    const form = fixtureSync<HTMLFormElement>(
      html`<form @submit=${(e: Event) => { e.preventDefault(); submitted++; }}><xs-new-passphrase></xs-new-passphrase></form>`,
    );
    const el = form.querySelector('xs-new-passphrase')!;
    await el.updateComplete;
    expect((el as unknown as { words: { ready: boolean } }).words.ready).to.equal(false);
    parts(el).pass.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    await el.updateComplete;
    expect(submitted).to.equal(1);
  });

  it('clear() empties the inputs and the meter', async () => {
    const el = await fixture<XsNewPassphrase>(html`<xs-new-passphrase></xs-new-passphrase>`);
    const { pass, confirm, status } = parts(el);
    type(pass, STRONG);
    type(confirm, 'nope');
    confirm.dispatchEvent(new Event('blur'));
    await scored(el);
    el.clear();
    await el.updateComplete;
    expect(pass.value + confirm.value).to.equal('');
    expect(status.textContent?.trim()).to.equal('');
    expect(parts(el).alert.textContent?.trim()).to.equal('');
  });
});
