import { expect, fixture, html } from '@open-wc/testing';
import { html as litHtml } from 'lit';
import type { MatrixClient } from 'matrix-js-sdk';
import { provideMatrixClient } from '../context/index.js';
import '../define/xs-client-provider.js';
import { XsEvent } from '../events/xs-event.js';
import { defineStrings } from '../i18n/registry.js';
import { XsElement } from './xs-element.js';

const strings = defineStrings('probe', { none: 'Not connected', some: (id: string) => `Connected as ${id}` });

class XsProbe extends XsElement {
  calls: Array<{ attached: MatrixClient | undefined } | { detached: MatrixClient | undefined }> = [];
  protected override clientChanged(client: MatrixClient | undefined) {
    this.calls.push({ attached: client });
    return () => this.calls.push({ detached: client });
  }
  fire(ev: XsEvent) {
    return this.emit(ev);
  }
  protected override render() {
    const c = this.matrixClient;
    return litHtml`<p>${c ? this.localize.t(strings, 'some', c.getUserId()!) : this.localize.t(strings, 'none')}</p>`;
  }
}
XsProbe.define('xs-probe');
XsProbe.define('xs-probe'); // idempotent

class XsPing extends XsEvent {
  constructor() {
    super('xs-ping', { cancelable: true });
  }
}

const fakeClient = (userId: string) => ({ getUserId: () => userId }) as unknown as MatrixClient;

describe('XsElement', () => {
  it('renders a "not connected" state without a client', async () => {
    const el = await fixture<XsProbe>(html`<xs-probe></xs-probe>`);
    expect(el.shadowRoot!.textContent).to.contain('Not connected');
    expect(el.calls).to.deep.equal([{ attached: undefined }]);
  });

  it('uses the .client property', async () => {
    const c = fakeClient('@a:x');
    const el = await fixture<XsProbe>(html`<xs-probe .client=${c}></xs-probe>`);
    expect(el.matrixClient).to.equal(c);
    expect(el.shadowRoot!.textContent).to.contain('Connected as @a:x');
  });

  it('consumes the context from <xs-client-provider> and re-subscribes when it changes', async () => {
    const a = fakeClient('@a:x');
    const b = fakeClient('@b:x');
    const wrap = await fixture<HTMLElement>(html`<xs-client-provider .client=${a}><xs-probe></xs-probe></xs-client-provider>`);
    const provider = wrap as HTMLElementTagNameMap['xs-client-provider'];
    const el = wrap.querySelector<XsProbe>('xs-probe')!;
    await el.updateComplete;
    expect(el.matrixClient).to.equal(a);
    provider.client = b;
    await provider.updateComplete;
    await el.updateComplete;
    expect(el.matrixClient).to.equal(b);
    expect(el.calls).to.deep.equal([{ attached: a }, { detached: a }, { attached: b }]);
    expect(el.shadowRoot!.textContent).to.contain('@b:x');
  });

  it('prefers .client over the context', async () => {
    const a = fakeClient('@a:x');
    const own = fakeClient('@own:x');
    const wrap = await fixture<HTMLElement>(html`<xs-client-provider .client=${a}><xs-probe .client=${own}></xs-probe></xs-client-provider>`);
    const el = wrap.querySelector<XsProbe>('xs-probe')!;
    await el.updateComplete;
    expect(el.matrixClient).to.equal(own);
  });

  it('works with provideMatrixClient() on any element', async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const a = fakeClient('@a:x');
    const provision = provideMatrixClient(host, a);
    const el = document.createElement('xs-probe') as XsProbe;
    host.append(el);
    await el.updateComplete;
    expect(el.matrixClient).to.equal(a);
    provision.setClient(undefined);
    await el.updateComplete;
    expect(el.matrixClient).to.equal(undefined);
    expect(el.shadowRoot!.textContent).to.contain('Not connected');
  });

  it('drops listeners on disconnect and re-attaches on reconnect', async () => {
    const a = fakeClient('@a:x');
    const el = await fixture<XsProbe>(html`<xs-probe .client=${a}></xs-probe>`);
    const parent = el.parentElement!;
    el.remove();
    expect(el.calls.at(-1)).to.deep.equal({ detached: a });
    parent.append(el);
    expect(el.calls.at(-1)).to.deep.equal({ attached: a });
  });

  it('emits events that bubble, cross shadow roots and can be cancelled', async () => {
    const el = await fixture<XsProbe>(html`<xs-probe></xs-probe>`);
    let seen: Event | undefined;
    document.addEventListener('xs-ping', (e) => { seen = e; e.preventDefault(); }, { once: true });
    const allowed = el.fire(new XsPing());
    expect(seen).to.be.instanceOf(XsPing);
    expect(seen!.bubbles && seen!.composed).to.equal(true);
    expect(allowed).to.equal(false);
  });

  it('passes the accessibility audit', async () => {
    const el = await fixture<XsProbe>(html`<xs-probe></xs-probe>`);
    await expect(el).to.be.accessible();
  });
});
