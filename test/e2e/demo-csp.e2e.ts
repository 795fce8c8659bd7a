// The demo page under the strict Content-Security-Policy the README documents (scripts/csp.mjs; the test runner sends
// it for /demo/ as `npm start` does): it loads, creates an account and renders every section with no violation
// (demo/csp-watch.js records each `securitypolicyviolation` from the first byte). The policy is really enforced: a
// `blob:` worker is refused on that page, and the key-file worker — a file next to the kit's module — starts.
import { expect } from '@open-wc/testing';
import { waitFor } from '../support/wait.js';

interface Violation { directive: string; blocked: string; source: string; line: number; sample: string }
type DemoWindow = Window & typeof globalThis & { xsCspViolations: Violation[] };

async function openDemo(): Promise<{ frame: HTMLIFrameElement; win: DemoWindow; doc: Document }> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 1200px; height: 900px';
  const loaded = new Promise((r) => frame.addEventListener('load', r, { once: true }));
  frame.src = '/demo/index.html';
  document.body.append(frame);
  await loaded;
  return { frame, win: frame.contentWindow as DemoWindow, doc: frame.contentDocument! };
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

describe('the demo under a strict Content-Security-Policy', () => {
  let frame: HTMLIFrameElement | undefined;
  after(() => frame?.remove());

  it('is served with the policy, loads and renders a fresh account with no violation; blob: workers are refused, the worker file runs', async () => {
    const head = await fetch('/demo/index.html', { cache: 'no-store' });
    const policy = head.headers.get('content-security-policy') ?? '';
    expect(policy).to.include("script-src 'self' 'wasm-unsafe-eval'");
    expect(policy).to.include("style-src 'self'");
    expect(policy).to.include("worker-src 'self'");
    expect(policy).not.to.match(/unsafe-inline|blob:/);

    const demo = await openDemo();
    frame = demo.frame;
    const { win, doc } = demo;
    expect(win.xsCspViolations, 'the violation recorder ran first').to.deep.equal([]);

    doc.querySelector<HTMLButtonElement>('#register')!.click();
    const status = await waitFor('the status section', () => doc.querySelector('xs-status'), { timeoutMs: 30_000 });
    await waitFor('<xs-status> to render the fresh account', () => /not set up/i.test(status.shadowRoot?.querySelector('h2')?.textContent ?? ''), { timeoutMs: 30_000 });
    await waitFor('the other sections', () => doc.querySelector('xs-setup-wizard')?.shadowRoot?.querySelector('h2'));

    // The policy is enforced on this page: an inline (blob:) worker is refused and reported…
    const blobUrl = win.URL.createObjectURL(new win.Blob(['onmessage = () => postMessage({ op: "pong" })'], { type: 'text/javascript' }));
    expect(await pings(win, blobUrl)).to.equal('refused');
    await waitFor('the blob: worker violation to be reported', () => win.xsCspViolations.some((v) => v.directive === 'worker-src'));
    win.xsCspViolations.length = 0;
    // …and the key-file worker, a file next to the module, runs.
    expect(await pings(win, '/src/keyfile/crypto-worker.entry.js', { type: 'module' })).to.equal('pong');

    expect(win.xsCspViolations, JSON.stringify(win.xsCspViolations)).to.deep.equal([]);
  });
});
