// The host examples under examples/, served as a static host serves them (scripts/static-host.mjs: no transforms), each
// in a frame with a real client against Synapse: log in through the page's own form, then <xs-status> shows the
// account's state and <xs-verify-login> its first step. React and Vue also show the state they got from the
// element's `xs-status-change` event (so properties and events both crossed the framework).
// The plain-HTML page is served under the README's strict Content-Security-Policy plus its import map's hash
// (scripts/csp.mjs), with demo/csp-watch.js recording violations from the first byte: any one fails the test.
// Built by `npm test` (scripts/build-examples.mjs) after the package build.
import { expect } from '@open-wc/testing';
import { homeserverUrl } from '../support/env.js';
import { registerUser, type Session } from '../support/homeserver.js';
import { waitFor } from '../support/wait.js';

const EXAMPLES = [
  { name: 'plain HTML (import map, drop-in bundle, no bundler; strict CSP)', url: '/examples/plain-html/index.html?csp-watch', framework: false },
  { name: 'React 19 (vite build)', url: '/examples/react/dist/index.html', framework: true },
  { name: 'Vue 3 (vite build)', url: '/examples/vue/dist/index.html', framework: true },
];

async function openFrame(url: string): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 900px; height: 700px';
  const loaded = new Promise((r) => frame.addEventListener('load', r, { once: true }));
  frame.src = url;
  document.body.append(frame);
  await loaded;
  return frame;
}

interface Violation { directive: string; blocked: string; sample: string }
type WatchedWindow = Window & typeof globalThis & { xsCspViolations?: Violation[] };

/** The `'sha256-…'` CSP source of `text`. */
async function sha256Source(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return `'sha256-${btoa(String.fromCharCode(...digest))}'`;
}

function shadowText(el: Element | null | undefined, selector: string): string {
  return el?.shadowRoot?.querySelector(selector)?.textContent?.trim() ?? '';
}

describe('examples: each host page with a real client', () => {
  let account: Session;
  const frames: HTMLIFrameElement[] = [];
  before(async () => {
    account = await registerUser('example');
  });
  afterEach(() => {
    // Removing the frame ends its client (and its sync) with it.
    for (const f of frames.splice(0)) f.remove();
  });

  for (const ex of EXAMPLES) {
    it(`${ex.name}: logs in, <xs-status> and <xs-verify-login> render the account`, async () => {
      const frame = await openFrame(ex.url);
      frames.push(frame);
      const doc = frame.contentDocument!;
      const win = frame.contentWindow as WatchedWindow;
      if (!ex.framework) {
        const policy = (await fetch(ex.url, { cache: 'no-store' })).headers.get('content-security-policy') ?? '';
        expect(policy).to.include("script-src 'self' 'wasm-unsafe-eval' 'sha256-");
        expect(policy).not.to.match(/'unsafe-inline'|'unsafe-eval'|blob:/);
        expect(win.xsCspViolations, 'the violation recorder ran first').to.be.an('array');
        // The hash in the policy is the page's own import map's.
        const importMap = doc.querySelector('script[type=importmap]')!.textContent;
        expect(policy).to.include(await sha256Source(importMap));
      }
      const form = await waitFor('the login form', () => doc.querySelector('form'));
      const field = (name: string) => form.querySelector<HTMLInputElement>(`input[name=${name}]`)!;
      field('homeserver').value = homeserverUrl();
      field('user').value = account.userId;
      field('password').value = account.password;
      form.requestSubmit();

      const status = await waitFor('<xs-status> with a client', () => doc.querySelector('xs-status'), { timeoutMs: 30_000 });
      await waitFor(`<xs-status> to show the fresh account's state (now "${shadowText(status, 'h2')}")`,
        () => shadowText(status, 'h2') === 'Encryption is not set up', { timeoutMs: 30_000 });
      const verify = doc.querySelector('xs-verify-login')!;
      await waitFor(`<xs-verify-login> to render its first step (now "${verify.shadowRoot?.textContent?.trim().slice(0, 80)}")`,
        () => /Verify this session|Set up|not set up/i.test(shadowText(verify, 'h2')));
      if (ex.framework) {
        await waitFor('the state from xs-status-change in the framework', () =>
          /not-set-up/.test(doc.querySelector('#state')?.textContent ?? ''));
      } else {
        // The page used what a host serves: the SDK's browser build and its WebAssembly from vendor/, the drop-in bundle.
        const loaded = frame.contentWindow!.performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname);
        expect(loaded).to.include('/examples/plain-html/vendor/matrix-js-sdk/matrix-js-sdk.js');
        expect(loaded).to.include('/examples/plain-html/vendor/matrix-js-sdk/pkg/matrix_sdk_crypto_wasm_bg.wasm');
        expect(loaded).to.include('/bundle/xs-kit.js');
        expect(loaded.some((p) => p.startsWith('/node_modules/'))).to.equal(false);
        // Nothing was refused under the policy…
        expect(win.xsCspViolations, JSON.stringify(win.xsCspViolations)).to.deep.equal([]);
        // …and the policy is enforced: another inline script (not hashed) is refused and reported.
        const injected = doc.createElement('script');
        injected.textContent = 'window.xsInlineRan = true;';
        doc.head.append(injected);
        await waitFor('the refused inline script to be reported', () => win.xsCspViolations!.some((v) => /script-src/.test(v.directive)));
        expect((win as unknown as { xsInlineRan?: boolean }).xsInlineRan).to.equal(undefined);
      }
    });
  }
});
