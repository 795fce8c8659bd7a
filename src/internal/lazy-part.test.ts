import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { html as litHtml, type PropertyValues } from 'lit';
import { state } from 'lit/decorators.js';
import { XsElement } from './xs-element.js';
import type { Prefetch } from './lazy-part.js';

/** A module that arrives when the test says so, counting how often it was asked for. */
function deferredModule() {
  const m = { asked: 0, release: (_fail?: boolean) => {}, load: () => Promise.resolve({ text: 'later step' }) };
  m.load = () => {
    m.asked++;
    return new Promise((resolve, reject) => {
      m.release = (fail) => (fail ? reject(new Error('chunk failed')) : resolve({ text: 'later step' }));
    });
  };
  return m;
}

let current = deferredModule();
let prefetchMode: Prefetch = 'demand';
/** The module as another instance already loaded it (`sharedImport().current`), if any. */
let alreadyHere: { text: string } | undefined;

class XsLazyProbe extends XsElement {
  readonly laterStep = this.lazy(() => current.load(), prefetchMode, () => alreadyHere);
  @state() step: 'first' | 'later' = 'first';
  updates = 0;
  protected override updated(changed: PropertyValues<this>) {
    super.updated(changed);
    this.updates++;
  }
  protected override render() {
    if (this.step === 'first') return litHtml`<p>first step</p>`;
    const mod = this.laterStep.value;
    return litHtml`<p>${mod ? mod.text : this.laterStep.error ? 'failed' : 'loading'}</p>`;
  }
}
XsLazyProbe.define('xs-lazy-probe');

describe('XsElement lazy parts', () => {
  beforeEach(() => {
    current = deferredModule();
    prefetchMode = 'demand';
    alreadyHere = undefined;
  });

  it('a part another instance already loaded is used at once: nothing loaded or scheduled, no update for it', async () => {
    prefetchMode = 'idle';
    alreadyHere = { text: 'shared step' };
    const el = await fixture<XsLazyProbe>(html`<xs-lazy-probe></xs-lazy-probe>`);
    expect(el.laterStep.ready).to.equal(true);
    expect(await el.laterStep.load()).to.equal(alreadyHere);
    el.step = 'later';
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.contain('shared step');
    const updates = el.updates;
    // After the idle moment a prefetch would have used (idle callbacks run in the order they were asked for): no
    // load, and no update of its own.
    await new Promise((r) => requestIdleCallback(r, { timeout: 2300 }));
    await el.updateComplete;
    expect(current.asked).to.equal(0);
    expect(el.updates).to.equal(updates);
  });

  it('loads nothing for the first render; a later step loads the part once and updateComplete waits for it', async () => {
    const el = await fixture<XsLazyProbe>(html`<xs-lazy-probe></xs-lazy-probe>`);
    expect(current.asked).to.equal(0);
    el.step = 'later';
    const done = el.updateComplete;
    await new Promise((r) => setTimeout(r, 20));
    expect(el.shadowRoot!.textContent).to.contain('loading');
    el.requestUpdate(); // a second render while loading joins the one load
    const joined = el.laterStep.load();
    current.release();
    await done;
    expect(el.shadowRoot!.textContent).to.contain('later step');
    expect(await joined).to.deep.equal({ text: 'later step' });
    expect(current.asked).to.equal(1);
  });

  it('keeps a failed load in `error` without trying again by itself; load() tries again', async () => {
    const el = await fixture<XsLazyProbe>(html`<xs-lazy-probe></xs-lazy-probe>`);
    el.step = 'later';
    await waitUntil(() => current.asked === 1);
    current.release(true);
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.contain('failed');
    el.requestUpdate();
    await el.updateComplete;
    expect(current.asked).to.equal(1);
    void el.laterStep.load();
    await waitUntil(() => current.asked === 2);
    current.release();
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.contain('later step');
  });

  it("with prefetch 'idle', loads in an idle moment after connecting, before anything asks", async () => {
    prefetchMode = 'idle';
    const el = await fixture<XsLazyProbe>(html`<xs-lazy-probe></xs-lazy-probe>`);
    expect(current.asked).to.equal(0);
    await waitUntil(() => current.asked === 1, 'no idle prefetch', { timeout: 3000 });
    current.release();
    await waitUntil(() => el.laterStep.ready);
    el.step = 'later';
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.contain('later step');
    expect(current.asked).to.equal(1);
  });

  it('does not prefetch for an element removed before it was idle', async () => {
    prefetchMode = 'idle';
    const el = await fixture<XsLazyProbe>(html`<xs-lazy-probe></xs-lazy-probe>`);
    el.remove();
    await new Promise((r) => setTimeout(r, 2300));
    expect(current.asked).to.equal(0);
  });
});
