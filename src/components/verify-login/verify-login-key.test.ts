// The Security Key path's screens, rendered by KeyEntry inside a small host element over a fake port: every
// outcome is told in words, offers what it should, and passes the accessibility audit.
import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import type { MatrixClient } from 'matrix-js-sdk';
import type { XsEvent } from '../../events/xs-event.js';
import { MalformedKeyError, OutOfSyncError, type DefaultKey, type RecoveryPort } from '../../sdk/recovery-key.js';
import { KeyEntry } from './verify-login-key.js';

const GOOD = 'EsTa bcde fghi jkmn opqr stuv wxyz ABCD EFGH JKLM NPQR STUV';
const KEY: DefaultKey = { keyId: 'k1', info: { mac: 'm' } as unknown as DefaultKey['info'], hasPassphrase: true, kdf: { kind: 'ok', iterations: 500_000 } };

class KeyHost extends LitElement {
  entry!: KeyEntry;
  emitted: XsEvent[] = [];
  handleReset = true;
  verifiedCalls = 0;
  /** What the element renders below "Verified" (its history restore). */
  afterDone?: () => unknown;
  setUp(port: RecoveryPort) {
    this.entry = new KeyEntry({} as MatrixClient, {
      lang: 'en',
      root: this.shadowRoot,
      changed: () => this.requestUpdate(),
      emit: (e) => {
        this.emitted.push(e);
        if (this.handleReset) e.preventDefault();
        return !e.defaultPrevented;
      },
      verified: () => {
        this.verifiedCalls += 1;
      },
      afterDone: () => this.afterDone?.(),
      back: () => undefined,
      useOtherSession: () => undefined,
    }, port);
    return this.entry.load();
  }
  override render() {
    return this.entry ? this.entry.render() : html``;
  }
  override updated() {
    this.entry?.afterRender();
  }
}
customElements.define('xs-test-key-host', KeyHost);

function port(over: Partial<RecoveryPort> = {}): RecoveryPort {
  return {
    canHandOverKey: true,
    readDefaultKey: async () => KEY,
    decodeKey: (text) => {
      if (text.replace(/\s/g, '') !== GOOD.replace(/ /g, '')) throw new MalformedKeyError('parity');
      return new Uint8Array(32).fill(7);
    },
    keyFromPhrase: async () => new Uint8Array(32).fill(1),
    checkKey: async (raw) => raw[0] === 7,
    restore: async () => 'connected',
    repair: async () => undefined,
    ...over,
  };
}

async function host(over: Partial<RecoveryPort> = {}) {
  const el = await fixture<KeyHost>(html`<xs-test-key-host></xs-test-key-host>`);
  await el.setUp(port(over));
  await el.updateComplete;
  return el;
}

const q = (el: KeyHost, s: string) => el.shadowRoot!.querySelector<HTMLElement>(s);
const buttons = (el: KeyHost) => [...el.shadowRoot!.querySelectorAll('button')].map((b) => b.textContent?.trim());

describe('Security Key path screens (KeyEntry)', () => {
  it('the field offers the phrase, and the way out for a lost key; accessible', async () => {
    const el = await host();
    expect(q(el, 'h2')!.textContent).to.equal('Enter your Security Key');
    expect(buttons(el)).to.deep.equal(['Verify', 'Use your Security Phrase instead', 'I lost my Security Key', 'Back']);
    await expect(el).to.be.accessible();
  });

  it('a phrase in the key field: said so, the switch offered first, the text kept and focused', async () => {
    const el = await host();
    const input = q(el, '#key-input') as HTMLInputElement;
    input.value = 'my secret phrase';
    await el.entry.flow.submit(input.value);
    await el.updateComplete;
    expect(q(el, '[role=alert]')!.textContent).to.contain('it looks like a Security Phrase');
    expect(buttons(el)[0]).to.equal('Use it as my Security Phrase');
    expect((q(el, '#key-input') as HTMLInputElement).value, 'text kept to switch').to.equal('my secret phrase');
    expect(el.shadowRoot!.activeElement?.id).to.equal('key-input');
    expect(q(el, '#key-input')!.getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('a wrong key: "doesn’t match", Try again beside the lost-key way out; the warning, then the request to the host', async () => {
    const el = await host({ checkKey: async () => false });
    await el.entry.flow.submit(GOOD);
    await el.updateComplete;
    expect(q(el, '[role=alert]')!.textContent).to.contain('doesn’t match this account');
    expect(buttons(el)).to.include.members(['Try again', 'I lost my Security Key']);
    (el.shadowRoot!.querySelectorAll('button')[buttons(el).indexOf('I lost my Security Key')]).click();
    await el.updateComplete;
    expect(q(el, 'h2')!.textContent).to.equal('Reset your encryption identity?');
    expect(el.emitted, 'nothing asked before the warning is confirmed').to.have.length(0);
    await expect(el).to.be.accessible();
    (el.shadowRoot!.querySelectorAll('button')[0]).click();
    await el.updateComplete;
    expect(el.emitted.map((e) => [e.type, (e as unknown as { reason: string }).reason])).to.deep.equal([['xs-request-reset', 'cannot-verify']]);
    expect(q(el, '[role=status]')!.textContent).to.contain('Continue with the reset');
  });

  it('out of sync: repair offered when this session holds the keys, another session or the reset otherwise; accessible', async () => {
    const a = await host({ restore: async () => { throw new OutOfSyncError('missing', true); } });
    await a.entry.flow.submit(GOOD);
    await a.updateComplete;
    expect(q(a, 'h2')!.textContent).to.equal('Your recovery data is out of sync');
    expect(buttons(a)).to.deep.equal(['Store my keys again', 'Back']);
    expect(q(a, '#key-input'), 'no loop back to the field').to.equal(null);
    await expect(a).to.be.accessible();
    const b = await host({ restore: async () => { throw new OutOfSyncError('stale', false); } });
    await b.entry.flow.submit(GOOD);
    await b.updateComplete;
    expect(q(b, '[role=alert]')!.textContent).to.contain('earlier identity');
    expect(buttons(b)).to.deep.equal(['Verify with another session', 'Reset instead', 'Back']);
    await expect(b).to.be.accessible();
  });

  it('a good key: "Verified" once, with what the element renders below it (the history restore); accessible', async () => {
    const el = await host();
    el.afterDone = () => html`<p part="restore" role="status">Receiving your keys…</p>`;
    await el.entry.flow.submit(GOOD);
    await el.updateComplete;
    expect(q(el, 'h2')!.textContent).to.equal('Verified');
    expect(el.verifiedCalls).to.equal(1);
    expect(q(el, '[part=restore]')?.textContent).to.equal('Receiving your keys…');
    await expect(el).to.be.accessible();
  });

  it('phrase settings out of bounds: the explanation at once, with the number', async () => {
    const el = await host({ readDefaultKey: async () => ({ ...KEY, kdf: { kind: 'unsafe', problem: 'too-many', iterations: 1_000_000_000 } }) });
    el.entry.flow.useMethod('phrase');
    await el.updateComplete;
    expect(q(el, '[role=alert]')!.textContent).to.contain('(1,000,000,000) is far above what apps use');
    await expect(el).to.be.accessible();
  });
});
