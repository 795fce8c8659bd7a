import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../define/xs-key-storage.js';
import '../../define/xs-status.js';
import { FakeClient, readyStatus, type FakeStatus } from '../../../test/support/fake-status-client.js';
import type { XsRequestKeyStorageEvent } from '../../events/xs-request-key-storage.js';
import type { XsKeyStorage } from './key-storage.js';

function client(over: Partial<FakeStatus> = {}) {
  return new FakeClient({ ...readyStatus(), ...over });
}

const root = (el: Element) => el.shadowRoot!;
const heading = (el: Element) => root(el).querySelector('h2')?.textContent?.trim() ?? '';
const buttons = (el: Element) => [...root(el).querySelectorAll('button')].map((b) => b.textContent?.trim());
const button = (el: Element, label: string) => [...root(el).querySelectorAll('button')].find((b) => b.textContent?.trim() === label)!;
const stateOf = (el: Element) => root(el).querySelector('[data-state]')?.getAttribute('data-state');

async function mount(c: FakeClient | undefined) {
  const el = await fixture<XsKeyStorage>(html`<xs-key-storage .client=${c?.asClient}></xs-key-storage>`);
  // The steps load when the element first connects.
  await waitUntil(() => root(el).querySelector('h2'), 'loaded');
  if (c) await waitUntil(() => stateOf(el) && stateOf(el) !== 'checking', 'first read');
  return el;
}

describe('<xs-key-storage>', () => {
  it('without a client: says so, no actions, accessible', async () => {
    const el = await mount(undefined);
    expect(root(el).textContent).to.contain('No Matrix account is connected');
    expect(buttons(el)).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('on: offers turning off, restoring and the key check; turning off asks first and Cancel changes nothing', async () => {
    const c = client();
    const el = await mount(c);
    expect(stateOf(el)).to.equal('on');
    expect(buttons(el)).to.deep.equal(['Turn off key storage', 'Restore history from backup', 'Check my Security Key']);
    await expect(el).to.be.accessible();
    button(el, 'Turn off key storage').click();
    await el.updateComplete;
    expect(heading(el)).to.equal('Turn off key storage?');
    const warning = root(el).querySelector('[part=warning]')!.textContent;
    expect(warning).to.contain('New messages will no longer be backed up');
    expect(warning).to.contain('deleted from the server');
    expect(root(el).activeElement, 'the step heading takes focus').to.equal(root(el).querySelector('h2'));
    await expect(el).to.be.accessible();
    const before = c.calls.length;
    button(el, 'Cancel').click();
    await el.updateComplete;
    expect(heading(el)).to.equal('Key storage');
    expect(root(el).textContent).to.contain('Nothing changed.');
    expect(c.calls.slice(before).filter((x) => !x.startsWith('GET') && !/^get|^check|^user|^is/.test(x)), 'no write').to.deep.equal([]);
    expect(c.calls.slice(before).some((x) => /DELETE|PUT/.test(x))).to.equal(false);
  });

  it('off: offers turning on; says when the person turned it off on purpose; unusable and not set up offer no "on"', async () => {
    const el = await mount(client({ backup: null, activeVersion: null, backupPrivateKey: false }));
    expect(stateOf(el)).to.equal('off');
    expect(buttons(el)).to.deep.equal(['Turn on key storage', 'Check my Security Key']);
    await expect(el).to.be.accessible();
    const unusable = await mount(client({ backupTrusted: false, backupMatches: false, backupPrivateKey: false }));
    expect(stateOf(unusable)).to.equal('unusable');
    expect(buttons(unusable)).to.not.include('Turn on key storage');
    const bare = await mount(client({ defaultKeyId: null, ssReady: false }));
    expect(stateOf(bare)).to.equal('not-set-up');
    expect(buttons(bare)).to.deep.equal([]);
  });

  it('an unreachable backup endpoint is "unknown", never "off"', async () => {
    const el = await mount(client({ backupError: Object.assign(new Error('down'), { httpStatus: 502 }) }));
    expect(stateOf(el)).to.equal('unknown');
    expect(buttons(el)).to.deep.equal([]);
  });
});

describe('<xs-status>: key storage entry points', () => {
  it('a verified session of a set-up account can open key storage and the key check (cancelable requests)', async () => {
    const c = client();
    const el = await fixture(html`<xs-status .client=${c.asClient}></xs-status>`);
    await waitUntil(() => root(el).querySelector('[data-key-storage]'), 'actions');
    const seen: string[] = [];
    el.addEventListener('xs-request-key-storage', (e) => {
      seen.push((e as XsRequestKeyStorageEvent).action);
      e.preventDefault();
    });
    button(el, 'Key storage').click();
    button(el, 'Check my Security Key').click();
    // A press runs with the status's lazy part (status.details.ts): before it has loaded, the requests follow the load.
    await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(seen).to.deep.equal(['manage', 'check-key']);
    await expect(el).to.be.accessible();
  });

  it('unhandled: explains; an unverified session gets no key storage actions', async () => {
    const c = client();
    const el = await fixture(html`<xs-status .client=${c.asClient}></xs-status>`);
    await waitUntil(() => root(el).querySelector('[data-key-storage]'), 'actions');
    button(el, 'Key storage').click();
    await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(root(el).textContent).to.contain('Key storage can’t be opened here.');
    const unverified = await fixture(html`<xs-status .client=${client({ deviceVerified: false, ownVerified: false }).asClient}></xs-status>`);
    await waitUntil(() => unverified.getAttribute('state') === 'unverified', 'read');
    expect(root(unverified).querySelector('[data-key-storage]')).to.equal(null);
  });
});
