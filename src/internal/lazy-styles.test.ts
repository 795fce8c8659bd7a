import { expect, fixture, html } from '@open-wc/testing';
import { css, html as litHtml, LitElement } from 'lit';
import { adoptStyles } from './lazy-styles.js';

class XsStyleProbe extends LitElement {
  static override styles = css`p { font-family: monospace; }`;
  protected override render() {
    return litHtml`<p>text</p>`;
  }
}
customElements.define('xs-style-probe', XsStyleProbe);

describe('adoptStyles (a lazily loaded part\'s styles)', () => {
  it('adds them after the element\'s own, each once, to this element only', async () => {
    const el = await fixture<XsStyleProbe>(html`<xs-style-probe></xs-style-probe>`);
    const p = el.shadowRoot!.querySelector('p')!;
    const own = getComputedStyle(p).fontFamily;
    const late = css`p { font-style: italic; }`;
    adoptStyles(el.shadowRoot, late);
    adoptStyles(el.shadowRoot, late, css`p { text-decoration: underline; }`);
    expect(getComputedStyle(p).fontStyle).to.equal('italic');
    expect(getComputedStyle(p).textDecorationLine).to.equal('underline');
    expect(getComputedStyle(p).fontFamily, 'the element keeps its own styles').to.equal(own);
    expect(el.shadowRoot!.adoptedStyleSheets.filter((s) => s === late.styleSheet)).to.have.length(1);
    // A second element of the class starts from the class's styles only.
    const other = await fixture<XsStyleProbe>(html`<xs-style-probe></xs-style-probe>`);
    expect(getComputedStyle(other.shadowRoot!.querySelector('p')!).fontStyle).to.equal('normal');
  });

  it('comes after the element\'s own rules (a later rule of the same weight wins)', async () => {
    const el = await fixture<XsStyleProbe>(html`<xs-style-probe></xs-style-probe>`);
    adoptStyles(el.shadowRoot, css`p { font-family: serif; }`);
    expect(getComputedStyle(el.shadowRoot!.querySelector('p')!).fontFamily).to.equal('serif');
  });

  it('does nothing without a shadow root', () => {
    expect(() => adoptStyles(null, css`p { color: red; }`)).not.to.throw();
  });
});
