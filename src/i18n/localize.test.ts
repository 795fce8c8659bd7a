import { expect, fixture, html } from '@open-wc/testing';
import { LitElement, html as litHtml } from 'lit';
import { preferredLanguage } from './languages.js';
import { LocalizeController, languageOf } from './localize.js';
import { defineStrings, registerTranslation } from './registry.js';

const S = defineStrings('lang-probe', { hello: 'Hello' });
registerTranslation('nl', { 'lang-probe.hello': 'Hallo' });
registerTranslation('sv', { 'lang-probe.hello': 'Hej' });
registerTranslation('it', { 'lang-probe.hello': 'Ciao' });

class LangProbe extends LitElement {
  readonly l = new LocalizeController(this);
  renders = 0;
  protected override render() {
    this.renders++;
    return litHtml`${this.l.t(S, 'hello')}`;
  }
}
customElements.define('xs-lang-probe', LangProbe);

/** A host element whose shadow root holds a probe (the language crosses the shadow boundary). */
class LangShell extends LitElement {
  protected override render() {
    return litHtml`<div id="inner"><xs-lang-probe></xs-lang-probe></div>`;
  }
}
customElements.define('xs-lang-shell', LangShell);

const text = (el: LangProbe) => el.shadowRoot!.textContent;
const settle = async (el: LitElement) => {
  await new Promise((r) => setTimeout(r));
  await el.updateComplete;
};

describe('which language an element speaks', () => {
  const html0 = document.documentElement.getAttribute('lang');
  afterEach(() => {
    if (html0 === null) document.documentElement.removeAttribute('lang');
    else document.documentElement.setAttribute('lang', html0);
    delete (navigator as { languages?: unknown }).languages;
  });

  it('its own lang, then the nearest ancestor (across shadow roots), then <html lang>', async () => {
    document.documentElement.setAttribute('lang', 'sv');
    const wrap = await fixture<HTMLElement>(html`<section lang="it"><xs-lang-shell></xs-lang-shell><xs-lang-probe lang="nl"></xs-lang-probe></section>`);
    const shell = wrap.querySelector<LangShell>('xs-lang-shell')!;
    await shell.updateComplete;
    const inner = shell.shadowRoot!.querySelector<LangProbe>('xs-lang-probe')!;
    expect(languageOf(inner)).to.equal('it');
    expect(languageOf(wrap.querySelector('xs-lang-probe[lang]')!)).to.equal('nl');
    wrap.removeAttribute('lang');
    expect(languageOf(inner)).to.equal('sv');
  });

  it('then the first of navigator.languages the kit has, else English', () => {
    document.documentElement.removeAttribute('lang');
    const el = document.createElement('div');
    Object.defineProperty(navigator, 'languages', { configurable: true, value: ['xx-YY', 'sv-FI', 'nl'] });
    expect(languageOf(el)).to.equal('sv-FI');
    expect(preferredLanguage()).to.equal('sv-FI');
    Object.defineProperty(navigator, 'languages', { configurable: true, value: ['xx-YY', 'ko'] });
    expect(languageOf(el)).to.equal('en');
  });

  it('re-renders live when lang changes on the element, an ancestor in a shadow root, a light-DOM ancestor, or <html>', async () => {
    document.documentElement.setAttribute('lang', 'en');
    const wrap = await fixture<HTMLElement>(html`<div><xs-lang-shell></xs-lang-shell></div>`);
    const shell = wrap.querySelector<LangShell>('xs-lang-shell')!;
    await shell.updateComplete;
    const el = shell.shadowRoot!.querySelector<LangProbe>('xs-lang-probe')!;
    await el.updateComplete;
    expect(text(el)).to.equal('Hello');

    document.documentElement.setAttribute('lang', 'sv');
    await settle(el);
    expect(text(el)).to.equal('Hej');

    wrap.setAttribute('lang', 'it');
    await settle(el);
    expect(text(el)).to.equal('Ciao');

    shell.shadowRoot!.querySelector('#inner')!.setAttribute('lang', 'nl');
    await settle(el);
    expect(text(el)).to.equal('Hallo');

    el.setAttribute('lang', 'sv');
    await settle(el);
    expect(text(el)).to.equal('Hej');

    el.removeAttribute('lang');
    shell.shadowRoot!.querySelector('#inner')!.removeAttribute('lang');
    await settle(el);
    expect(text(el)).to.equal('Ciao');
  });

  it('an unrelated lang change does not re-render', async () => {
    const wrap = await fixture<HTMLElement>(html`<div><p lang="sv"></p><xs-lang-probe lang="nl"></xs-lang-probe></div>`);
    const el = wrap.querySelector<LangProbe>('xs-lang-probe')!;
    await el.updateComplete;
    const before = el.renders;
    wrap.querySelector('p')!.setAttribute('lang', 'it');
    document.documentElement.setAttribute('lang', 'it');
    await settle(el);
    expect(el.renders).to.equal(before);
    expect(text(el)).to.equal('Hallo');
  });
});
