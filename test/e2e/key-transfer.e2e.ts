// <xs-key-transfer> against the real Synapse, driven through its own UI with the keyboard:
// device A sends encrypted messages and exports its room keys; a brand-new device B (no backup, not verified)
// imports the file and then reads A's earlier messages. Wrong passphrase, tampered and non-key files are refused
// with the right words; Cancel stops an export; every stage passes axe.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { MatrixClient, MatrixEvent } from 'matrix-js-sdk';
import '../../src/define/xs-key-transfer.js';
import type { XsKeyTransfer } from '../../src/components/key-transfer/key-transfer.js';
import type { XsKeysExportedEvent } from '../../src/events/xs-keys-exported.js';
import type { XsKeysImportedEvent } from '../../src/events/xs-keys-imported.js';
import { encryptMegolmKeyFile } from '../../src/keyfile/megolm-key-file.js';
import { createTestClient, stopAllClients } from '../support/clients.js';
import { loginDevice, registerUser } from '../support/homeserver.js';
import { waitFor } from '../support/wait.js';

const PASSPHRASE = 'violet harbour tractor anthem 1987!';

const root = (el: XsKeyTransfer) => el.shadowRoot!;
const heading = (el: XsKeyTransfer) => root(el).querySelector('h3')?.textContent?.trim() ?? '';
const alertText = (el: XsKeyTransfer) => root(el).querySelector('[role=alert]')?.textContent?.trim() ?? '';

function button(el: XsKeyTransfer, label: string): HTMLButtonElement {
  const b = [...root(el).querySelectorAll('button')].find((x) => x.textContent?.trim() === label);
  if (!b) throw new Error(`no button "${label}" in stage "${heading(el)}"`);
  return b;
}

async function press(el: XsKeyTransfer, label: string) {
  button(el, label).focus();
  await sendKeys({ press: 'Enter' });
}

async function stage(el: XsKeyTransfer, title: string, timeoutMs = 60_000) {
  await waitFor(`stage "${title}" (now "${heading(el)}")`, () => heading(el) === title, { timeoutMs });
  await el.updateComplete;
}

/** Captures the files the element hands to the browser's download (URL.createObjectURL of a text/plain Blob;
 * the key-file module's inline worker script is a text/javascript Blob). */
function captureDownloads() {
  const files: Blob[] = [];
  const original = URL.createObjectURL.bind(URL);
  URL.createObjectURL = (obj: Blob | MediaSource) => {
    if (obj instanceof Blob && obj.type === 'text/plain') files.push(obj);
    return original(obj);
  };
  return { files, restore: () => (URL.createObjectURL = original) };
}

/** Picks `file` with the element's file input (what the browser does after the file dialog). */
function pickFile(el: XsKeyTransfer, file: File) {
  const input = root(el).querySelector<HTMLInputElement>('input[type=file]')!;
  const dt = new DataTransfer();
  dt.items.add(file);
  input.files = dt.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
  return el.updateComplete;
}

/** Drops `file` on the element's drop zone. */
function dropFile(el: XsKeyTransfer, file: File) {
  const zone = root(el).querySelector('[part=drop-zone]')!;
  const dt = new DataTransfer();
  dt.items.add(file);
  zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
  zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  return el.updateComplete;
}

async function typePassphraseAndImport(el: XsKeyTransfer, passphrase: string) {
  root(el).querySelector<HTMLInputElement>('#import-passphrase')!.focus();
  await sendKeys({ type: passphrase });
  await sendKeys({ press: 'Enter' });
}

async function encryptedRoomWithMessages(client: MatrixClient, texts: string[]): Promise<string> {
  const { room_id: roomId } = await client.createRoom({
    name: 'secrets',
    initial_state: [{ type: 'm.room.encryption', state_key: '', content: { algorithm: 'm.megolm.v1.aes-sha2' } }],
  });
  await waitFor('room encrypted locally', async () => client.getRoom(roomId) && (await client.getCrypto()!.isEncryptionEnabledInRoom(roomId)));
  for (const body of texts) await client.sendTextMessage(roomId, body);
  return roomId;
}

function messagesOf(client: MatrixClient, roomId: string): MatrixEvent[] {
  return client.getRoom(roomId)?.getLiveTimeline().getEvents().filter((e) => e.getWireType() === 'm.room.encrypted') ?? [];
}

describe('<xs-key-transfer> with Synapse', () => {
  let downloads: ReturnType<typeof captureDownloads>;
  beforeEach(() => (downloads = captureDownloads()));
  afterEach(async () => {
    downloads.restore();
    await stopAllClients();
  });

  it('A exports through the element; a brand-new device B imports the file and reads A’s earlier messages', async () => {
    const texts = ['first secret', 'second secret', 'third secret'];
    const a = await registerUser('keys', 'Device A');
    const clientA = await createTestClient(a);
    const roomId = await encryptedRoomWithMessages(clientA, texts);

    // --- export on A, keyboard only ---
    const exporter = await fixture<XsKeyTransfer>(html`<xs-key-transfer .client=${clientA}></xs-key-transfer>`);
    await stage(exporter, 'Room keys');
    await expect(exporter).to.be.accessible();
    await press(exporter, 'Export keys to a file');
    await stage(exporter, 'Export room keys');
    await waitFor('the form (after counting the keys)', () => root(exporter).querySelector('xs-new-passphrase'));
    expect(root(exporter).querySelector('[part=warning]')!.textContent).to.match(/Anyone who has this file and its passphrase/);
    await expect(exporter).to.be.accessible();
    const field = root(exporter).querySelector('xs-new-passphrase')!;
    field.focus();
    await sendKeys({ type: PASSPHRASE });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: PASSPHRASE });
    await waitFor('Export enabled', () => !button(exporter, 'Export').disabled, { timeoutMs: 15_000 });
    const exported = new Promise<XsKeysExportedEvent>((r) => exporter.addEventListener('xs-keys-exported', r, { once: true }));
    const t0 = performance.now();
    await sendKeys({ press: 'Enter' });
    await stage(exporter, 'Keys exported');
    const exportMs = performance.now() - t0;
    const ev = await exported;
    expect(ev.count).to.be.at.least(1);
    expect(ev.fileName).to.match(/^xs-keys-\d{4}-\d{2}-\d{2}\.txt$/);
    expect(Object.values(ev).join(' ')).to.not.include(PASSPHRASE);
    await expect(exporter).to.be.accessible();
    expect(downloads.files).to.have.length(1);
    const fileText = await downloads.files[0].text();
    expect(fileText.startsWith('-----BEGIN MEGOLM SESSION DATA-----\n')).to.equal(true);

    // A writes in a second room before B exists (B never receives that key; the partial file below brings it).
    const room2 = await encryptedRoomWithMessages(clientA, ['fourth secret']);

    // --- a brand-new device B: no backup, not verified; A's messages are unreadable ---
    const b = await loginDevice(a, 'Device B');
    const clientB = await createTestClient(b);
    await waitFor('B sees A’s messages', () => messagesOf(clientB, roomId).length >= texts.length);
    await waitFor('B cannot decrypt them yet', () => messagesOf(clientB, roomId).every((e) => e.isDecryptionFailure()));

    // B holds no room keys: exporting says so (and why) before asking for a passphrase.
    const emptyExport = await fixture<XsKeyTransfer>(html`<xs-key-transfer mode="export" .client=${clientB}></xs-key-transfer>`);
    await stage(emptyExport, 'No keys to export');
    expect(root(emptyExport).textContent).to.include('holds no room keys yet').and.include('A new session has none of your history yet');
    expect(root(emptyExport).querySelector('xs-new-passphrase')).to.equal(null);
    await expect(emptyExport).to.be.accessible();
    emptyExport.remove();

    const importer = await fixture<XsKeyTransfer>(html`<xs-key-transfer mode="import" .client=${clientB}></xs-key-transfer>`);
    await stage(importer, 'Import room keys');
    await expect(importer).to.be.accessible();
    const file = new File([fileText], ev.fileName, { type: 'text/plain' });

    // Wrong passphrase: refused with the right words, nothing imported.
    await pickFile(importer, file);
    await typePassphraseAndImport(importer, 'not the passphrase');
    await waitFor('wrong passphrase explained', () => /passphrase is wrong, or the file has been changed/.test(alertText(importer)), { timeoutMs: 30_000 });
    await expect(importer).to.be.accessible();
    expect(messagesOf(clientB, roomId).every((e) => e.isDecryptionFailure())).to.equal(true);

    // A tampered file (one base64 character changed in the middle): same answer.
    const lines = fileText.split('\n');
    const mid = Math.floor(lines.length / 2);
    lines[mid] = lines[mid].slice(0, 10) + (lines[mid][10] === 'A' ? 'B' : 'A') + lines[mid].slice(11);
    await pickFile(importer, new File([lines.join('\n')], 'tampered.txt'));
    await typePassphraseAndImport(importer, PASSPHRASE);
    await waitFor(`tampered file explained (now: ${heading(importer)} / ${alertText(importer)} / ${root(importer).querySelector('[part=drop-zone]')?.textContent})`, () => /passphrase is wrong, or the file has been changed/.test(alertText(importer)) && !!root(importer).querySelector('[part=drop-zone]')?.textContent?.includes('tampered.txt'), { timeoutMs: 30_000 }).catch((e) => {
      throw new Error(`${e} :: ${heading(importer)} / ${alertText(importer)} / ${root(importer).querySelector('[part=drop-zone]')?.textContent?.replace(/\s+/g, ' ')}`);
    });

    // Something that is not a key file, dropped on the drop zone.
    await dropFile(importer, new File(['{"not":"keys"}'], 'notes.json', { type: 'application/json' }));
    await typePassphraseAndImport(importer, PASSPHRASE);
    await waitFor('not a key file explained', () => /This is not a key file/.test(alertText(importer)));
    await expect(importer).to.be.accessible();

    // The real file, dropped, right passphrase.
    await dropFile(importer, file);
    const imported = new Promise<XsKeysImportedEvent>((r) => importer.addEventListener('xs-keys-imported', r, { once: true }));
    const t1 = performance.now();
    await typePassphraseAndImport(importer, PASSPHRASE);
    await stage(importer, 'Keys imported');
    const importMs = performance.now() - t1;
    await expect(importer).to.be.accessible();
    const report = await imported;
    expect(report.total).to.equal(ev.count);
    expect(report.imported).to.equal(ev.count);
    expect(report.skipped).to.equal(0);
    expect(root(importer).querySelector('[data-count=imported]')!.textContent).to.equal(String(ev.count));

    // B now reads A's earlier messages.
    await waitFor('B decrypted A’s messages', () => {
      const bodies = messagesOf(clientB, roomId).map((e) => e.getContent<{ body?: string }>().body);
      return texts.every((t) => bodies.includes(t));
    }, { timeoutMs: 30_000 });

    // Importing the same file again is harmless and says so.
    await press(importer, 'Import another file');
    await stage(importer, 'Import room keys');
    await pickFile(importer, file);
    const again = new Promise<XsKeysImportedEvent>((r) => importer.addEventListener('xs-keys-imported', r, { once: true }));
    await typePassphraseAndImport(importer, PASSPHRASE);
    const second = await again;
    expect([second.total, second.imported, second.skipped, second.alreadyPresent]).to.deep.equal([ev.count, 0, ev.count, ev.count]);

    // A partial file, built with the kit's own encryptor: A's keys (B has them), a key of a new room B has not got,
    // two entries that are not room keys, one key of an unknown algorithm and one the store can't use. B imports
    // through the element: the usable new key goes in, the rest is reported by reason.
    const all = JSON.parse(await clientA.getCrypto()!.exportRoomKeysAsJson()) as Record<string, unknown>[];
    expect(all).to.have.length(ev.count + 1);
    const tmpl = all[0];
    const list = [...all, { hello: 'world' }, 7, { ...tmpl, session_id: 'future', algorithm: 'org.example.megolm.v9' }, { ...tmpl, session_id: 'bad', session_key: 'AAAA' }];
    const partial = new File([(await encryptMegolmKeyFile(JSON.stringify(list), PASSPHRASE, { kdfRounds: 10_000 })) as Uint8Array<ArrayBuffer>], 'partial.txt');
    await press(importer, 'Import another file');
    await stage(importer, 'Import room keys');
    await pickFile(importer, partial);
    const third = new Promise<XsKeysImportedEvent>((r) => importer.addEventListener('xs-keys-imported', r, { once: true }));
    await typePassphraseAndImport(importer, PASSPHRASE);
    const r3 = await third;
    expect([r3.total, r3.imported, r3.alreadyPresent, r3.malformed, r3.unknownAlgorithm, r3.skipped]).to.deep.equal([ev.count + 5, 1, ev.count, 3, 1, ev.count + 4]);
    await stage(importer, 'Keys imported');
    const note = root(importer).querySelector('[part=report-note]')!.textContent.replace(/\s+/g, ' ').trim();
    expect(note).to.equal('3 entries of the file are damaged or not a room key this app can use, so they were skipped. ' +
      '1 key uses a kind of encryption this app doesn’t support, so it was skipped. The other keys are on this device now.');
    expect(root(importer).querySelector('[data-count=unknown-algorithm]')!.textContent).to.equal('1');
    await expect(importer).to.be.accessible();
    await waitFor('B decrypted the message of the new room', () => messagesOf(clientB, room2).some((e) => e.getContent().body === 'fourth secret'), { timeoutMs: 30_000 });
    console.log(`[timing] key-transfer: export ${exportMs.toFixed(0)} ms, import ${importMs.toFixed(0)} ms (500 000 PBKDF2 rounds)`);
  });

  it('Cancel stops an export during key derivation: nothing is saved', async () => {
    const a = await registerUser('keys-cancel', 'Device A');
    const clientA = await createTestClient(a);
    await encryptedRoomWithMessages(clientA, ['x']);
    // 5 000 000 rounds: the key derivation takes seconds, so the working stage can be inspected and cancelled.
    const el = await fixture<XsKeyTransfer>(html`<xs-key-transfer mode="export" kdf-rounds="5000000" .client=${clientA}></xs-key-transfer>`);
    await stage(el, 'Export room keys');
    let exportedEvents = 0;
    el.addEventListener('xs-keys-exported', () => exportedEvents++);
    root(el).querySelector('xs-new-passphrase')!.focus();
    await sendKeys({ type: PASSPHRASE });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: PASSPHRASE });
    await waitFor('Export enabled', () => !button(el, 'Export').disabled, { timeoutMs: 15_000 });
    await sendKeys({ press: 'Enter' });
    await stage(el, 'Exporting room keys');
    await waitFor('key derivation shown', () => /Protecting the file/.test(root(el).querySelector('[role=status]')?.textContent ?? ''));
    await expect(el).to.be.accessible();
    const t0 = performance.now();
    await press(el, 'Cancel');
    await stage(el, 'Export cancelled');
    expect(performance.now() - t0).to.be.lessThan(1000);
    await expect(el).to.be.accessible();
    expect(downloads.files).to.have.length(0);
    expect(exportedEvents).to.equal(0);
    await press(el, 'Export again');
    await stage(el, 'Export room keys');
  });
});
