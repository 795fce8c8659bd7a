// The demo, the front door, under the strict Content-Security-Policy the README documents (scripts/csp.mjs; the test
// runner sends it for /demo/ as `npm start` does). demo/csp-watch.js records every `securitypolicyviolation` from the
// first byte; any one fails the test. The main path, lightly, with clicks as a visitor would:
//   one click → a fresh account with two sessions side by side → set up on the left (the wizard) → verify the right
//   (request from the right, Accept on the left, the QR code drawn, emoji compared on both) → the event log has a
//   readable line per xs-* event → theme and token editing.
// And the policy is really enforced: a blob: worker is refused on that page; the key-file worker (a file) starts.
// Then, on the same page and account (each case builds on the one before): export on the left and import on the
// right; another person added, set up and verified from the left; a reset on the left; the right signed out from the
// left's session list — each lightly, with no violation.
import { expect } from '@open-wc/testing';
import type { MatrixClient } from 'matrix-js-sdk';
import { waitFor } from '../support/wait.js';

interface Violation { directive: string; blocked: string; source: string; line: number; sample: string }
type DemoWindow = Window & typeof globalThis & { xsCspViolations: Violation[] };

/** Every element matching `selector` under `root`, through open shadow roots. */
function deepAll<T extends Element>(root: ParentNode, selector: string): T[] {
  const found: T[] = [...root.querySelectorAll<T>(selector)];
  for (const el of root.querySelectorAll('*')) if (el.shadowRoot) found.push(...deepAll<T>(el.shadowRoot, selector));
  return found;
}

function heading(el: Element | undefined): string {
  return el?.shadowRoot?.querySelector('h2, h3')?.textContent?.trim() ?? '';
}

async function stage(what: string, el: () => Element | undefined, text: string | RegExp, timeoutMs = 30_000) {
  const ok = (h: string) => (typeof text === 'string' ? h === text : text.test(h));
  await waitFor(`${what} at "${text}" (now "${heading(el())}")`, () => ok(heading(el())), { timeoutMs });
}

/** Clicks the button labelled `label` in `el`'s shadow root (waits for it to be there and enabled). */
async function click(el: () => Element | undefined, label: string) {
  const b = await waitFor(`button "${label}"`, () =>
    [...(el()?.shadowRoot?.querySelectorAll('button') ?? [])].find((x) => x.textContent?.trim() === label && !x.disabled));
  b.click();
}

function emojiNames(el: Element | undefined): string[] {
  return [...(el?.shadowRoot?.querySelectorAll('[part~="emoji"] [role=img]') ?? [])].map((x) => x.getAttribute('aria-label') ?? '');
}

/** Posts 'ping' to a worker made with the page's own Worker constructor (so the page's policy applies). */
function pings(win: DemoWindow, url: string, options?: WorkerOptions): Promise<'pong' | 'refused'> {
  return new Promise((resolve) => {
    let w: Worker;
    try {
      w = new win.Worker(url, options);
    } catch {
      resolve('refused');
      return;
    }
    const t = setTimeout(() => resolve('refused'), 10_000);
    w.onmessage = (e) => {
      if ((e.data as { op?: string })?.op === 'pong') {
        clearTimeout(t);
        w.terminate();
        resolve('pong');
      }
    };
    w.onerror = () => {
      clearTimeout(t);
      resolve('refused');
    };
    w.postMessage({ op: 'ping' });
  });
}

/** Sets a text field the way typing does (the value, then an input event through shadow roots). */
function fill(input: HTMLInputElement, value: string) {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

const PASSPHRASE = 'violet harbour tractor anthem 1987!';

/** Drives a setup wizard (set-up or reset) from its key choice to the end; returns the Security Key it showed. */
async function wizardToDone(wizard: () => Element | undefined, password?: string): Promise<string> {
  await stage('wizard', wizard, /Choose how to unlock your messages|Choose your new Security Key/);
  await click(wizard, 'Generate a Security Key');
  await stage('wizard', wizard, 'Save your Security Key');
  const key = wizard()!.shadowRoot!.querySelector('#key-text')!.textContent.trim();
  await click(wizard, 'Download');
  await click(wizard, 'Continue');
  await stage('wizard', wizard, 'Type your Security Key');
  const input = wizard()!.shadowRoot!.querySelector<HTMLInputElement>('#confirm-key')!;
  fill(input, key);
  input.form!.requestSubmit();
  if (password) {
    // A reset replaces the identity: the homeserver asks for the password.
    const pw = await waitFor('the password prompt', () => wizard()!.shadowRoot!.querySelector('xs-auth-prompt')?.shadowRoot?.querySelector<HTMLInputElement>('#pw'));
    fill(pw, password);
    pw.form!.requestSubmit();
  }
  await stage('wizard', wizard, 'You’re all set');
  return key;
}

describe('the demo (front door) under a strict Content-Security-Policy', () => {
  let frame: HTMLIFrameElement | undefined;
  let win: DemoWindow;
  let doc: Document;
  let left: HTMLElement;
  let right: HTMLElement;
  after(() => frame?.remove());
  /** No violation in any case. */
  afterEach(() => expect(win?.xsCspViolations ?? [], JSON.stringify(win?.xsCspViolations)).to.deep.equal([]));

  const tool = (p: HTMLElement, label: string) =>
    waitFor(`"${label}" in ${p.id}`, () => [...p.querySelectorAll<HTMLButtonElement>('.toolbar button')].find((b) => b.textContent === label)).then((b) => b.click());
  const clientOf = (p: HTMLElement) => (p.querySelector('xs-client-provider') as HTMLElement & { client: MatrixClient }).client;
  /** The throwaway account's password, as the page shows it for another tab (read once both sessions are open). */
  let accountPassword = '';
  const password = () => accountPassword;

  it('two sessions side by side: set up on the left, verify the right by emoji, every event logged — with no violation', async () => {
    const head = await fetch('/demo/index.html', { cache: 'no-store' });
    const policy = head.headers.get('content-security-policy') ?? '';
    expect(policy).to.include("script-src 'self' 'wasm-unsafe-eval'");
    expect(policy).to.include("style-src 'self'");
    expect(policy).to.include("worker-src 'self'");
    expect(policy).not.to.match(/'unsafe-inline'|'unsafe-eval'|blob:/);

    frame = document.createElement('iframe');
    frame.style.cssText = 'width: 1400px; height: 1000px';
    const loaded = new Promise((r) => frame!.addEventListener('load', r, { once: true }));
    frame.src = '/demo/index.html';
    document.body.append(frame);
    await loaded;
    win = frame.contentWindow as DemoWindow;
    doc = frame.contentDocument!;
    expect(win.xsCspViolations, 'the violation recorder ran first').to.deep.equal([]);

    // One click: a fresh account, two sessions, two panels.
    doc.querySelector<HTMLButtonElement>('#start-two')!.click();
    left = await waitFor('the left panel', () => doc.querySelector<HTMLElement>('#panel-left'), { timeoutMs: 30_000 });
    right = await waitFor('the right panel', () => doc.querySelector<HTMLElement>('#panel-right'), { timeoutMs: 30_000 });
    for (const p of [left, right]) await stage(`${p.id} status`, () => p.querySelector('xs-status')!, 'Encryption is not set up');
    accountPassword = /Password for another tab or browser: (\S+)/.exec(doc.querySelector('#connected')!.textContent ?? '')?.[1] ?? '';
    expect(accountPassword, 'the password shown for another tab').to.not.equal('');

    // Set up on the left, through the wizard's own steps.
    await tool(left, 'Set up encryption');
    const wizard = () => left.querySelector('xs-setup-wizard') ?? undefined;
    await stage('wizard', wizard, 'Secure your messages');
    await click(wizard, 'Continue');
    await stage('wizard', wizard, 'Choose how to unlock your messages');
    await click(wizard, 'Generate a Security Key');
    await stage('wizard', wizard, 'Save your Security Key');
    const key = wizard()!.shadowRoot!.querySelector('#key-text')!.textContent.trim();
    await click(wizard, 'Download');
    await click(wizard, 'Continue');
    await stage('wizard', wizard, 'Type your Security Key');
    const input = wizard()!.shadowRoot!.querySelector<HTMLInputElement>('#confirm-key')!;
    input.value = key;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.form!.requestSubmit();
    await stage('wizard', wizard, 'You’re all set');
    await stage('left status', () => left.querySelector('xs-status')!, 'Encryption is ready');

    // Verify the right: it asks, the left accepts in its <xs-verification-requests>, emoji on both.
    await tool(right, 'Verify this session');
    const newSide = () => right.querySelector('xs-verify-login') ?? undefined;
    await stage('right', newSide, 'Verify this session');
    await click(newSide, 'Verify with another session');
    const requests = () => left.querySelector('xs-verification-requests') ?? undefined;
    await click(requests, 'Accept');
    const oldSide = () => deepAll(left, 'xs-verify-login')[0];
    await stage('left', oldSide, 'Choose how to verify');
    await stage('right', newSide, 'Choose how to verify');
    // The QR code to scan is drawn (a data: image; no blob: under this policy).
    const qr = await waitFor('a QR code on either side', () => deepAll<HTMLImageElement>(doc, 'img[part~="qr-code"]')[0]);
    expect(qr.src.startsWith('data:image/png')).to.equal(true);
    await click(newSide, 'Compare emoji');
    await waitFor('the same emoji on both sides', () => {
      const a = emojiNames(oldSide());
      return a.length === 7 && JSON.stringify(a) === JSON.stringify(emojiNames(newSide()));
    });
    await click(newSide, 'They match');
    await click(oldSide, 'They match');
    await stage('right', newSide, 'Verified');
    await stage('right status', () => right.querySelector('xs-status')!, /Encryption is ready|backed up|out of sync/);

    // The event log: one readable line per event, the detail on demand.
    const lines = [...doc.querySelectorAll('#events > li')].map((li) => li.querySelector('summary')?.textContent ?? '');
    expect(lines.some((l) => /Right xs-verified .*deviceId/.test(l)), lines.join('\n')).to.equal(true);
    expect(lines.some((l) => /Left xs-setup-complete/.test(l)), lines.join('\n')).to.equal(true);
    expect(doc.querySelector('#events > li pre')?.textContent).to.match(/"type": "xs-/);

    // Theme and tokens: dark, and an accent colour with the CSS to copy.
    const dark = doc.querySelector<HTMLInputElement>('#theme input[value=dark]')!;
    dark.click();
    expect(doc.body.classList.contains('xs-theme-dark')).to.equal(true);
    const accent = doc.querySelector<HTMLInputElement>('#token-editor input[name="--xs-color-accent"]')!;
    accent.value = '#aa3300';
    accent.dispatchEvent(new Event('input', { bubbles: true }));
    expect(doc.querySelector('#token-css')!.textContent).to.include('--xs-color-accent: #aa3300;');
    expect(win.getComputedStyle(doc.body).getPropertyValue('--xs-color-accent').trim()).to.equal('#aa3300');

    // The policy is enforced on this page: an inline (blob:) worker is refused and reported…
    expect(win.xsCspViolations, JSON.stringify(win.xsCspViolations)).to.deep.equal([]);
    const blobUrl = win.URL.createObjectURL(new win.Blob(['onmessage = () => postMessage({ op: "pong" })'], { type: 'text/javascript' }));
    expect(await pings(win, blobUrl)).to.equal('refused');
    await waitFor('the blob: worker violation to be reported', () => win.xsCspViolations.some((v) => v.directive === 'worker-src'));
    win.xsCspViolations.length = 0;
    // …and the key-file worker, a file next to the module, runs.
    expect(await pings(win, '/src/keyfile/crypto-worker.entry.js', { type: 'module' })).to.equal('pong');
    expect(win.xsCspViolations, JSON.stringify(win.xsCspViolations)).to.deep.equal([]);
  });

  it('export on the left, import the file on the right', async () => {
    // The left holds a room key of its own: a message it sent in an encrypted room.
    const leftClient = clientOf(left);
    const { room_id: roomId } = await leftClient.createRoom({
      initial_state: [{ type: 'm.room.encryption', state_key: '', content: { algorithm: 'm.megolm.v1.aes-sha2' } }],
    });
    await waitFor('the room encrypted on the left', async () => leftClient.getRoom(roomId) && (await leftClient.getCrypto()!.isEncryptionEnabledInRoom(roomId)));
    await leftClient.sendTextMessage(roomId, 'written before the export');

    // The file the element hands to the browser's download (a text/plain Blob URL in the page).
    const files: Blob[] = [];
    const createObjectURL = win.URL.createObjectURL.bind(win.URL);
    win.URL.createObjectURL = (obj: Blob | MediaSource) => {
      if ((obj as Blob).type === 'text/plain') files.push(obj as Blob);
      return createObjectURL(obj);
    };
    await tool(left, 'Export keys');
    const exporter = () => left.querySelector('xs-key-transfer') ?? undefined;
    await stage('export', exporter, 'Export room keys');
    const np = await waitFor('the passphrase form', () => exporter()!.shadowRoot!.querySelector('xs-new-passphrase')?.shadowRoot?.querySelector('#confirm') ? exporter()!.shadowRoot!.querySelector('xs-new-passphrase')! : undefined);
    fill(np.shadowRoot!.querySelector<HTMLInputElement>('#passphrase')!, PASSPHRASE);
    fill(np.shadowRoot!.querySelector<HTMLInputElement>('#confirm')!, PASSPHRASE);
    await click(exporter, 'Export');
    await stage('export', exporter, 'Keys exported', 60_000);
    win.URL.createObjectURL = createObjectURL;
    expect(files, 'one file downloaded').to.have.length(1);
    const text = await files[0].text();
    expect(text.startsWith('-----BEGIN MEGOLM SESSION DATA-----')).to.equal(true);

    await tool(right, 'Import keys');
    const importer = () => right.querySelector('xs-key-transfer') ?? undefined;
    await stage('import', importer, 'Import room keys');
    const input = importer()!.shadowRoot!.querySelector<HTMLInputElement>('input[type=file]')!;
    const dt = new win.DataTransfer();
    dt.items.add(new win.File([text], 'xs-keys.txt', { type: 'text/plain' }));
    input.files = dt.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    const pass = await waitFor('the passphrase field', () => importer()!.shadowRoot!.querySelector<HTMLInputElement>('#import-passphrase'));
    fill(pass, PASSPHRASE);
    pass.form!.requestSubmit();
    await stage('import', importer, 'Keys imported', 60_000);
    // The right may hold that key already (it is a session of the same account): imported or already there.
    const count = (k: string) => Number(importer()!.shadowRoot!.querySelector(`[data-count=${k}]`)?.textContent ?? NaN);
    expect(count('total'), 'keys in the file').to.be.at.least(1);
    expect(count('imported') + count('already-present'), 'every key imported or already there').to.equal(count('total'));
    const lines = [...doc.querySelectorAll('#events > li summary')].map((x) => x.textContent ?? '');
    expect(lines.some((l) => /Left xs-keys-exported/.test(l)), lines.join('\n')).to.equal(true);
    expect(lines.some((l) => /Right xs-keys-imported/.test(l)), lines.join('\n')).to.equal(true);
  });

  it('another person: added with one click, set up, and verified from the left by emoji', async () => {
    doc.querySelector<HTMLButtonElement>('#add-person')!.click();
    const other = await waitFor('the other person’s panel', () => doc.querySelector<HTMLElement>('#panel-other-person'), { timeoutMs: 30_000 });
    await stage('other status', () => other.querySelector('xs-status')!, 'Encryption is not set up');
    await tool(other, 'Set up encryption');
    const wizard = () => other.querySelector('xs-setup-wizard') ?? undefined;
    await stage('wizard', wizard, 'Secure your messages');
    await click(wizard, 'Continue');
    await wizardToDone(wizard);
    const otherUser = other.dataset.user!;

    await tool(left, `Verify ${otherUser}`);
    const asker = () => left.querySelector('xs-verify-user') ?? undefined;
    await stage('left', asker, 'Verify this person');
    await click(asker, 'Start verification');
    const requests = () => other.querySelector('xs-verification-requests') ?? undefined;
    await click(requests, 'Accept');
    const answerer = () => deepAll(other, 'xs-verify-user')[0];
    await stage('other', answerer, 'Choose how to verify');
    await stage('left', asker, 'Choose how to verify');
    await click(asker, 'Compare emoji');
    await waitFor('the same emoji on both sides', () => {
      const a = emojiNames(asker());
      return a.length === 7 && JSON.stringify(a) === JSON.stringify(emojiNames(answerer()));
    });
    await click(asker, 'They match');
    await click(answerer, 'They match');
    await stage('left', asker, 'Verified');
    await stage('other', answerer, 'Verified');
    expect((await clientOf(left).getCrypto()!.getUserVerificationStatus(otherUser)).isCrossSigningVerified(), 'the left trusts the other person').to.equal(true);
  });

  it('a reset on the left: a new identity after the warning, the confirmation word and the password', async () => {
    const crypto = clientOf(left).getCrypto()!;
    const before = await crypto.getCrossSigningKeyId();
    await tool(left, 'Reset…');
    const wizard = () => left.querySelector('xs-setup-wizard') ?? undefined;
    await stage('reset', wizard, 'Reset your encryption');
    await click(wizard, 'Continue to reset');
    await stage('reset', wizard, 'Confirm the reset');
    const word = wizard()!.shadowRoot!.querySelector<HTMLInputElement>('#reset-word')!;
    fill(word, 'reset');
    word.form!.requestSubmit();
    await wizardToDone(wizard, password());
    const after = await crypto.getCrossSigningKeyId();
    expect(after, 'a new identity').to.be.a('string').and.not.equal(before);
    await stage('left status', () => left.querySelector('xs-status')!, /Encryption is ready|backed up/);
  });

  it('sign the right out from the left’s session list: the right panel says it was signed out', async () => {
    const rightDevice = clientOf(right).getDeviceId()!;
    await tool(left, 'Sessions');
    const list = () => left.querySelector('xs-session-list') ?? undefined;
    const row = await waitFor('the right session listed', () =>
      [...(list()?.shadowRoot?.querySelectorAll<HTMLElement & { deviceId: string }>('li.session') ?? [])].find((r) => r.deviceId === rightDevice), { timeoutMs: 30_000 });
    [...row.querySelectorAll<HTMLButtonElement>('button')].find((b) => !b.hidden && b.textContent?.trim() === 'Sign out')!.click();
    const confirm = await waitFor('the confirmation', () =>
      [...(list()!.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part=panel] button'))].find((b) => b.textContent?.trim() === 'Sign out' && !b.disabled));
    confirm.click();
    const pw = await waitFor('the password prompt', () => list()!.shadowRoot!.querySelector('xs-auth-prompt')?.shadowRoot?.querySelector<HTMLInputElement>('#pw'), { timeoutMs: 30_000 });
    fill(pw, password());
    pw.form!.requestSubmit();
    await waitFor('the right panel signed out', () => right.classList.contains('signed-out'), { timeoutMs: 30_000 });
    expect(right.querySelector('.note')!.textContent).to.include('signed out');
    const whoami = await fetch(`${clientOf(right).getHomeserverUrl()}/_matrix/client/v3/account/whoami`, {
      cache: 'no-store', headers: { authorization: `Bearer ${clientOf(right).getAccessToken()}` },
    });
    expect(whoami.status, 'the right session’s token no longer works').to.equal(401);
  });
});
