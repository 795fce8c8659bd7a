// The demo, the front door, under the strict Content-Security-Policy the README documents (scripts/csp.mjs; the test
// runner sends it for /demo/ as `npm start` does). demo/csp-watch.js records every `securitypolicyviolation` from the
// first byte; any one fails the test. The main path, lightly, with clicks as a visitor would:
//   one click → a fresh account with two sessions side by side → set up on the left (the wizard) → verify the right
//   (request from the right, Accept on the left, the QR code drawn, emoji compared on both) → the event log has a
//   readable line per xs-* event → theme and token editing.
// And the policy is really enforced: a blob: worker is refused on that page; the key-file worker (a file) starts.
import { expect } from '@open-wc/testing';
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
  return el?.shadowRoot?.querySelector('h2')?.textContent?.trim() ?? '';
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

describe('the demo (front door) under a strict Content-Security-Policy', () => {
  let frame: HTMLIFrameElement | undefined;
  after(() => frame?.remove());

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
    const win = frame.contentWindow as DemoWindow;
    const doc = frame.contentDocument!;
    expect(win.xsCspViolations, 'the violation recorder ran first').to.deep.equal([]);

    // One click: a fresh account, two sessions, two panels.
    doc.querySelector<HTMLButtonElement>('#start-two')!.click();
    const left = await waitFor('the left panel', () => doc.querySelector<HTMLElement>('#panel-left'), { timeoutMs: 30_000 });
    const right = await waitFor('the right panel', () => doc.querySelector<HTMLElement>('#panel-right'), { timeoutMs: 30_000 });
    for (const p of [left, right]) await stage(`${p.id} status`, () => p.querySelector('xs-status')!, 'Encryption is not set up');
    const tool = (p: HTMLElement, label: string) =>
      [...p.querySelectorAll<HTMLButtonElement>('.toolbar button')].find((b) => b.textContent === label)!.click();

    // Set up on the left, through the wizard's own steps.
    tool(left, 'Set up encryption');
    const wizard = () => left.querySelector('xs-setup-wizard') ?? undefined;
    await stage('wizard', wizard, 'Secure your messages');
    await click(wizard, 'Continue');
    await stage('wizard', wizard, 'Choose how to unlock your messages');
    await click(wizard, 'Generate a Security Key');
    await stage('wizard', wizard, 'Save your Security Key');
    const key = wizard()!.shadowRoot!.querySelector('#key-text')!.textContent!.trim();
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
    tool(right, 'Verify this session');
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
});
