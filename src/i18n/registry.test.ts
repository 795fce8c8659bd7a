import { expect, fixture, html } from '@open-wc/testing';
import { LitElement, html as litHtml } from 'lit';
import { LocalizeController, languageOf } from './localize.js';
import { defineStrings, formatterOf, registerTranslation, translate } from './registry.js';

const strings = defineStrings('t', { hello: 'Hello', count: (n: number) => `${n} sessions` });

class XsLoc extends LitElement {
  readonly l = new LocalizeController(this);
  protected override render() {
    return litHtml`${this.l.t(strings, 'hello')}`;
  }
}
customElements.define('xs-loc-probe', XsLoc);

describe('translation registry', () => {
  it('falls back to the bundled English', () => {
    expect(translate('fr', strings, 'hello')).to.equal('Hello');
    expect(translate('en', strings, 'count', 3)).to.equal('3 sessions');
  });

  it('uses a registered language, then its base language', () => {
    registerTranslation('de', { 't.hello': 'Hallo', 't.count': (n: number) => `${n} Sitzungen` });
    expect(translate('de', strings, 'hello')).to.equal('Hallo');
    expect(translate('de-AT', strings, 'count', 2)).to.equal('2 Sitzungen');
  });

  it('formatterOf looks a term up once, with the same fallbacks as translate', () => {
    registerTranslation('sv', { 't.count': (n: number) => `${n} sessioner`, 't.hello': 'Hej' });
    expect(formatterOf('sv-FI', strings, 'count')(4)).to.equal('4 sessioner');
    expect(formatterOf('sv', strings, 'hello')()).to.equal('Hej');
    expect(formatterOf('it', strings, 'count')(1)).to.equal('1 sessions');
  });

  it('finds the language on the nearest [lang] ancestor and re-renders on new terms', async () => {
    const wrap = await fixture<HTMLElement>(html`<div lang="nl"><xs-loc-probe></xs-loc-probe></div>`);
    const el = wrap.querySelector<XsLoc>('xs-loc-probe')!;
    expect(languageOf(el)).to.equal('nl');
    expect(el.shadowRoot!.textContent).to.equal('Hello');
    registerTranslation('nl', { 't.hello': 'Hallo (nl)' });
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.equal('Hallo (nl)');
  });
});
