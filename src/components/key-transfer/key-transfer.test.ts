import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../define/xs-key-transfer.js';
import { encryptMegolmKeyFile } from '../../keyfile/megolm-key-file.js';
import { CryptoWorker } from '../../keyfile/crypto-worker.js';
import type { XsKeyTransfer } from './key-transfer.js';
import { realisticSessionsJson } from '../../../test/support/room-key-sessions.js';

const PASS = 'violet harbour tractor anthem 1987!';

/** A client whose crypto holds `store` (the exported JSON) — enough for the element's SDK adapter. */
const ONE_KEY = await realisticSessionsJson(1, 1, { distinct: true });

function fakeClient(store = ONE_KEY) {
  const crypto = {
    exportRoomKeysAsJson: async () => store,
    importRoomKeysAsJson: async (json: string, opts?: { progressCallback?: (p: unknown) => void }) => {
      opts?.progressCallback?.({ stage: 'load_keys', successes: 1, failures: 0, total: 1 });
      store = json;
    },
  };
  return { getUserId: () => '@alice:example.org', getCrypto: () => crypto } as never;
}

const root = (el: XsKeyTransfer) => el.shadowRoot!;
const heading = (el: XsKeyTransfer) => root(el).querySelector('h3')?.textContent?.trim();

function type(input: HTMLInputElement, value: string) {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

async function choose(el: XsKeyTransfer, file: File) {
  const input = root(el).querySelector<HTMLInputElement>('input[type=file]')!;
  const dt = new DataTransfer();
  dt.items.add(file);
  input.files = dt.files;
  input.dispatchEvent(new Event('change'));
  await el.updateComplete;
}

async function dropOn(el: XsKeyTransfer, file: File) {
  const zone = root(el).querySelector('[part=drop-zone]')!;
  const dt = new DataTransfer();
  dt.items.add(file);
  zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
  zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  await el.updateComplete;
}

describe('<xs-key-transfer>', () => {
  it('starts the crypto workers as soon as someone works in it (two, however often)', async () => {
    const el = await fixture<XsKeyTransfer>(html`<xs-key-transfer .client=${fakeClient()}></xs-key-transfer>`);
    const input = root(el).querySelector('xs-new-passphrase, input, button') as HTMLElement;
    expect(input).to.exist;
    for (let i = 0; i < 3; i++) input.dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));
    await waitUntil(() => CryptoWorker.idle === 2, 'two warm workers');
    input.dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));
    await new Promise((r) => setTimeout(r, 200));
    expect(CryptoWorker.idle).to.equal(2);
  });

  it('without a client says it is not connected', async () => {
    const el = await fixture<XsKeyTransfer>(html`<xs-key-transfer></xs-key-transfer>`);
    expect(root(el).textContent).to.include('Not connected');
    await expect(el).to.be.accessible();
  });

  it('offers export and import, and Back', async () => {
    const el = await fixture<XsKeyTransfer>(html`<xs-key-transfer .client=${fakeClient()}></xs-key-transfer>`);
    expect(heading(el)).to.equal('Room keys');
    await expect(el).to.be.accessible();
    [...root(el).querySelectorAll('button')].find((b) => b.textContent?.includes('Import'))!.click();
    await el.updateComplete;
    expect(heading(el)).to.equal('Import room keys');
    expect(root(el).activeElement?.tagName).to.equal('H3');
    [...root(el).querySelectorAll('button')].find((b) => b.textContent === 'Back')!.click();
    await el.updateComplete;
    expect(heading(el)).to.equal('Room keys');
  });

  it('export: Export stays disabled until the passphrase is strong and confirmed; the validity event settles', async () => {
    const el = await fixture<XsKeyTransfer>(html`<xs-key-transfer mode="export" .client=${fakeClient()}></xs-key-transfer>`);
    const field = root(el).querySelector('xs-new-passphrase')!;
    const submit = () => [...root(el).querySelectorAll('button')].find((b) => b.textContent === 'Export')!;
    expect(submit().disabled).to.equal(true);
    let validityEvents = 0;
    field.addEventListener('xs-passphrase-validity', () => validityEvents++);
    let renders = 0;
    const original = el.requestUpdate.bind(el);
    el.requestUpdate = ((...a: Parameters<typeof original>) => {
      renders++;
      return original(...a);
    }) as typeof el.requestUpdate;
    type(field.shadowRoot!.querySelector('#passphrase')!, PASS);
    type(field.shadowRoot!.querySelector('#confirm')!, PASS);
    await waitUntil(() => !submit().disabled, 'Export enabled', { timeout: 10_000 });
    const settled = renders;
    await el.updateComplete;
    await field.updateComplete;
    await new Promise((r) => requestAnimationFrame(r));
    expect(validityEvents).to.equal(1);
    expect(renders - settled).to.be.lessThan(3);
    await expect(el).to.be.accessible();
  });

  it('import: explains a non-key file and a wrong passphrase, then imports and reports', async () => {
    const el = await fixture<XsKeyTransfer>(html`<xs-key-transfer mode="import" .client=${fakeClient('[]')}></xs-key-transfer>`);
    const pass = () => root(el).querySelector<HTMLInputElement>('#import-passphrase')!;
    const submit = () => root(el).querySelector('form')!.requestSubmit();
    submit();
    await el.updateComplete;
    expect(root(el).querySelector('[role=alert]')!.textContent).to.include('Choose a key file first');

    await choose(el, new File(['hello'], 'notes.txt'));
    expect(root(el).querySelector('[part=status]')!.textContent, 'a small file\'s size is not "0 KiB"').to.include('notes.txt (5 bytes)');
    pass().value = 'x';
    submit();
    await waitUntil(() => root(el).querySelector('[role=alert]')?.textContent?.includes('This is not a key file'), 'not a key file');
    await expect(el).to.be.accessible();

    const keys = await realisticSessionsJson(1, 1, { distinct: true });
    const file = new File([(await encryptMegolmKeyFile(keys, PASS, { kdfRounds: 1000 })) as Uint8Array<ArrayBuffer>], 'xs-keys.txt');
    await choose(el, file);
    pass().value = 'wrong';
    submit();
    await waitUntil(() => root(el).querySelector('[role=alert]')?.textContent?.includes('passphrase is wrong'), 'wrong passphrase');
    expect(pass().getAttribute('aria-invalid')).to.equal('true');

    // The file is still chosen after the failed attempt: the (re-rendered) file input shows it too, not "No file chosen".
    const fileInput = root(el).querySelector<HTMLInputElement>('input[type=file]')!;
    expect(fileInput.checkVisibility()).to.equal(true);
    expect([...(fileInput.files ?? [])].map((f) => f.name)).to.deep.equal(['xs-keys.txt']);

    const imported = new Promise<Event>((r) => el.addEventListener('xs-keys-imported', r, { once: true }));
    pass().value = PASS;
    submit();
    const ev = (await imported) as Event & { total: number; imported: number; skipped: number };
    expect([ev.total, ev.imported, ev.skipped]).to.deep.equal([1, 1, 0]);
    await el.updateComplete;
    expect(heading(el)).to.equal('Keys imported');
    expect(root(el).querySelector('[data-count=total]')!.textContent).to.equal('1');
    await expect(el).to.be.accessible();
  });

  it('import on a narrow host: the file input and a long file name stay inside the drop zone', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div style="width: 300px">
      <xs-key-transfer mode="import" .client=${fakeClient('[]')}></xs-key-transfer>
    </div>`);
    const el = wrap.querySelector('xs-key-transfer')!;
    await el.updateComplete; // the import step loads after the first render
    await choose(el, new File(['hello'], `${'exported_room_keys_from_my_old_laptop_'.repeat(3)}.txt`));
    const drop = root(el).querySelector('[part=drop-zone]')!.getBoundingClientRect();
    const outside = [...root(el).querySelectorAll('[part=drop-zone] *')]
      .filter((n) => n.checkVisibility())
      .filter((n) => {
        const r = n.getBoundingClientRect();
        return r.right > drop.right + 0.5 || r.left < drop.left - 0.5;
      })
      .map((n) => `${n.tagName.toLowerCase()}${n.id ? `#${n.id}` : ''}`);
    expect(outside).to.deep.equal([]);
    const zone = root(el).querySelector('[part=drop-zone]')!;
    expect(zone.scrollWidth, 'no text runs out of the drop zone').to.be.at.most(zone.clientWidth);
  });

  it('import: a file with damaged and unsupported entries imports the rest and says why, plural-correct', async () => {
    const el = await fixture<XsKeyTransfer>(html`<xs-key-transfer mode="import" .client=${fakeClient('[]')}></xs-key-transfer>`);
    const good = JSON.parse(await realisticSessionsJson(3, 1, { distinct: true })) as Record<string, unknown>[];
    const list = [...good, { ...good[0], session_id: 'x', algorithm: 'org.example.v2' }, { nope: 1 }, 'junk'];
    await choose(el, new File([(await encryptMegolmKeyFile(JSON.stringify(list), PASS, { kdfRounds: 1000 })) as Uint8Array<ArrayBuffer>], 'mixed.txt'));
    root(el).querySelector<HTMLInputElement>('#import-passphrase')!.value = PASS;
    const imported = new Promise<Event>((r) => el.addEventListener('xs-keys-imported', r, { once: true }));
    root(el).querySelector('form')!.requestSubmit();
    const ev = (await imported) as Event & Record<string, number>;
    expect([ev.total, ev.imported, ev.skipped, ev.alreadyPresent, ev.malformed, ev.unknownAlgorithm]).to.deep.equal([6, 3, 3, 0, 2, 1]);
    await el.updateComplete;
    expect(heading(el)).to.equal('Keys imported');
    const count = (k: string) => root(el).querySelector(`[data-count=${k}]`)?.textContent;
    expect([count('total'), count('imported'), count('already-present'), count('malformed'), count('unknown-algorithm')]).to.deep.equal(['6', '3', '0', '2', '1']);
    expect(root(el).querySelector('[part=report-note]')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
      '2 entries of the file are damaged or not a room key this app can use, so they were skipped. ' +
        '1 key uses a kind of encryption this app doesn’t support, so it was skipped. The other keys are on this device now.',
    );
    await expect(el).to.be.accessible();
  });

  it('the file picker: a styled button and drop zone; the native input takes the keyboard and is labelled; the file is named once', async () => {
    const el = await fixture<XsKeyTransfer>(html`<xs-key-transfer mode="import" .client=${fakeClient('[]')}></xs-key-transfer>`);
    const zone = root(el).querySelector<HTMLElement>('[part=drop-zone]')!;
    const input = zone.querySelector<HTMLInputElement>('input[type=file]')!;
    const button = zone.querySelector<HTMLLabelElement>('[part=file-button]')!;
    expect(button.htmlFor).to.equal(input.id);
    expect(button.textContent).to.equal('Choose the key file…');
    // The input is the control: visually hidden, not removed from the focus order or the accessibility tree.
    expect(input.checkVisibility()).to.equal(true);
    expect(input.getBoundingClientRect().width).to.be.at.most(1);
    (root(el).querySelector('h3') as HTMLElement).focus();
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement).to.equal(input);
    expect(getComputedStyle(button).outlineStyle, 'the focus ring is drawn on the button').to.equal('solid');
    await choose(el, new File(['hello'], 'old-laptop.txt'));
    expect(zone.textContent!.split('old-laptop.txt').length - 1, 'named once').to.equal(1);
    await dropOn(el, new File(['x'], 'dropped.txt'));
    expect(zone.textContent).to.include('Chosen: dropped.txt').and.not.include('old-laptop.txt');
    await expect(el).to.be.accessible();
  });

  it('export from a session without keys says so before asking for a passphrase, and why', async () => {
    const el = await fixture<XsKeyTransfer>(html`<xs-key-transfer .client=${fakeClient('[]')}></xs-key-transfer>`);
    [...root(el).querySelectorAll('button')].find((b) => b.textContent?.includes('Export'))!.click();
    await waitUntil(() => heading(el) === 'No keys to export', 'empty stage');
    expect(root(el).querySelector('xs-new-passphrase')).to.equal(null);
    expect(root(el).textContent).to.include('holds no room keys yet').and.include('A new session has none of your history yet');
    expect(root(el).activeElement?.tagName).to.equal('H3');
    await expect(el).to.be.accessible();
    // A session with a key gets the form.
    const withKeys = await fixture<XsKeyTransfer>(html`<xs-key-transfer mode="export" .client=${fakeClient()}></xs-key-transfer>`);
    await waitUntil(() => root(withKeys).querySelector('xs-new-passphrase'), 'form shown');
  });

  it('export: the saved count reads right for one key', async () => {
    const el = await fixture<XsKeyTransfer>(html`<xs-key-transfer mode="export" kdf-rounds="1000" .client=${fakeClient()}></xs-key-transfer>`);
    await waitUntil(() => root(el).querySelector('xs-new-passphrase'), 'form shown');
    // Keep the test browser from saving the file: the element hands it over through an <a download> click.
    el.shadowRoot!.addEventListener('click', (e) => (e.target as HTMLElement).tagName === 'A' && e.preventDefault(), { capture: true });
    const field = root(el).querySelector('xs-new-passphrase')!;
    type(field.shadowRoot!.querySelector('#passphrase')!, PASS);
    type(field.shadowRoot!.querySelector('#confirm')!, PASS);
    const submit = () => [...root(el).querySelectorAll('button')].find((b) => b.textContent === 'Export')!;
    await waitUntil(() => !submit().disabled, 'Export enabled', { timeout: 10_000 });
    submit().click();
    await waitUntil(() => heading(el) === 'Keys exported', 'exported', { timeout: 10_000 });
    const said = root(el).querySelector('[part=status]')!.textContent!;
    expect(said).to.match(/^1 key was saved to “xs-keys-\d{4}-\d\d-\d\d\.txt”/);
  });
});
