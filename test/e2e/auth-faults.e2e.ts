// The password prompt (<xs-auth-prompt>, user-interactive auth) under rate limits, network faults and
// untrusted URLs, against the real Synapse, driven through the elements' own UI with the keyboard:
// <xs-setup-wizard mode="reset"> (the cross-signing upload, which the SDK's own retry loop would re-send)
// and <xs-session-list> sign-out (delete_devices). Faults are injected by wrapping the client's fetchFn.
//
// Fault matrix — every request the shared UIA makes, and what each test does to it:
//
// | request (flow)                                       | fault                                              | test                         |
// |------------------------------------------------------|----------------------------------------------------|------------------------------|
// | POST keys/device_signing/upload + password (reset)    | wrong password answered by 429, Retry-After: 2     | reset: 429s                  |
// |                                                       |   → not re-sent (the SDK would after 2 s)          |                              |
// | POST keys/device_signing/upload + password (reset)    | 429, Retry-After: 86400 (a day) → the cap's countdown| reset: 429s                  |
// | POST keys/device_signing/upload + password (reset)    | network down (fetch rejects) → "could not be       | reset: network down          |
// |                                                       |   reached", sent once (the SDK would retry 4×)     |                              |
// | POST keys/device_signing/upload, no auth (reset)      | faked 401 offering m.oauth with javascript:alert(1)| reset: javascript: m.oauth   |
// | POST delete_devices + password (sign-out)             | 429, Retry-After: garbage → 5 s default            | sign-out table               |
// | POST delete_devices + password (sign-out)             | 429, Retry-After: a past HTTP date → 5 s default   | sign-out table               |
// | POST delete_devices + password (sign-out)             | 429, retry_after_ms: 10^12, no header → the cap    | sign-out table               |
// | POST delete_devices, no auth (sign-out)               | faked 401 offering m.oauth with javascript:alert(1)| sign-out: javascript: m.oauth|
//
// The kit's cap on a wait (maxRetryAfterMs(), 30 s by default — src/sdk/errors.test.ts) is set to 6 s in this file
// so the capped countdowns are distinguishable from the 5 s default and the run stays short.
// Each 429 ends with the person's own retry after the countdown succeeding on the server. Synapse offers
// only the password here, so the m.oauth challenge is a faked 401 body in the wrapper. The SSO fallback
// URL is built by the SDK from the client's base URL (http://127.0.0.1 here, loopback, allowed), so the
// server cannot make it `javascript:`; its refusal is covered by the unit tests (src/state/uia.test.ts).
// Every test scans for the password: DOM (shadow roots, attributes, input values), xs-* events, console,
// request URLs, storage.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { MatrixClient } from 'matrix-js-sdk';
import '../../src/define/xs-session-list.js';
import type { XsSessionList } from '../../src/components/session-list/session-list.js';
import type { XsSetupWizard } from '../../src/components/setup-wizard/setup-wizard.js';
import { createTestClient, stopAllClients } from '../support/clients.js';
import { homeserverUrl } from '../support/env.js';
import { userWithDevices, type Session } from '../support/homeserver.js';
import {
  expectComplete,
  generateAndConfirmKey,
  kitClient,
  pressButton,
  root,
  setUpViaUi,
  tabTo,
  waitHeading,
  wizardFor,
} from '../support/setup-wizard.js';
import { registerUser } from '../support/homeserver.js';
import { stub } from '../support/stub.js';
import { waitFor } from '../support/wait.js';
import { setMaxRetryAfterMs } from '../../src/sdk/errors.js';

// ---- fault injection ---------------------------------------------------------------------------------

interface Sent { url: string; method: string; body: string }
type Answer = () => Response | Promise<Response>;

/** A fetch wrapper that logs every request and answers the next matching one with a queued fault. */
function faults() {
  const sent: Sent[] = [];
  const queue: { match: (r: Sent) => boolean; answer: Answer }[] = [];
  return {
    sent,
    /** The next request matching `match` gets `answer` instead of reaching Synapse. */
    next(match: (r: Sent) => boolean, answer: Answer) {
      queue.push({ match, answer });
    },
    wrap: (inner: typeof fetch): typeof fetch => async (input, init) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      const r: Sent = { url, method: init?.method ?? 'GET', body: typeof init?.body === 'string' ? init.body : '' };
      sent.push(r);
      const i = queue.findIndex((q) => q.match(r));
      if (i >= 0) return queue.splice(i, 1)[0].answer();
      return inner(input, init);
    },
  };
}

const isUpload = (r: Sent) => r.url.includes('/keys/device_signing/upload');
const isDelete = (r: Sent) => r.url.includes('/delete_devices');
const withPassword = (r: Sent) => /"password"\s*:/.test(r.body);

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
const tooMany = (headers: Record<string, string>, extra: Record<string, unknown> = {}) => () =>
  json(429, { errcode: 'M_LIMIT_EXCEEDED', error: 'Too Many Requests', ...extra }, headers);
const networkDown = () => Promise.reject(new TypeError('Failed to fetch'));
const oauthChallenge = (url: string) => () =>
  json(401, { flows: [{ stages: ['m.oauth'] }], params: { 'm.oauth': { url } }, session: 'faked-session' });

// ---- secrets scan --------------------------------------------------------------------------------------

/** Everything rendered, through shadow roots, with attributes and live input values. */
function deepDom(node: Node = document.documentElement): string {
  let out = '';
  const walk = (n: Node) => {
    if (n instanceof Element) {
      out += `<${n.tagName} ${[...n.attributes].map((a) => `${a.name}=${a.value}`).join(' ')}>`;
      if (n instanceof HTMLInputElement || n instanceof HTMLTextAreaElement) out += ` value=${n.value}`;
      if (n.shadowRoot) walk(n.shadowRoot);
    } else if (n.nodeType === Node.TEXT_NODE) out += n.textContent;
    n.childNodes.forEach(walk);
  };
  walk(node);
  return out;
}

/** Records console output and xs-* events from now on; check() fails if the password shows up anywhere. */
function secretScan(secret: () => string, requests: () => Sent[]) {
  const logs: string[] = [];
  const events: string[] = [];
  const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
  const originals = methods.map((m) => console[m].bind(console));
  methods.forEach((m, i) => {
    console[m] = (...args: unknown[]) => {
      logs.push(args.map((a) => { try { return typeof a === 'string' ? a : JSON.stringify(a) ?? String(a); } catch { return String(a); } }).join(' '));
      originals[i](...args);
    };
  });
  // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with the event target as `this`, and put back in stop()
  const origDispatch = EventTarget.prototype.dispatchEvent;
  EventTarget.prototype.dispatchEvent = function (this: EventTarget, e: Event) {
    if (e.type.startsWith('xs-')) {
      const own: Record<string, unknown> = {};
      for (const k of Object.keys(e)) own[k] = (e as unknown as Record<string, unknown>)[k];
      try { events.push(`${e.type} ${JSON.stringify(own)}`); } catch { events.push(`${e.type} ${Object.keys(own).join(' ')}`); }
    }
    return origDispatch.call(this, e);
  };
  return {
    check(where: string) {
      const s = secret();
      const enc = encodeURIComponent(s);
      expect(deepDom().includes(s), `password in the DOM (${where})`).to.equal(false);
      expect(logs.some((l) => l.includes(s)), `password in the console (${where})`).to.equal(false);
      expect(events.some((l) => l.includes(s)), `password in an xs-* event (${where})`).to.equal(false);
      expect(requests().some((r) => r.url.includes(s) || r.url.includes(enc)), `password in a URL (${where})`).to.equal(false);
      const storage = JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage });
      expect(storage.includes(s), `password in storage (${where})`).to.equal(false);
    },
    stop() {
      methods.forEach((m, i) => (console[m] = originals[i]!));
      EventTarget.prototype.dispatchEvent = origDispatch;
    },
  };
}

// ---- driving the prompt ----------------------------------------------------------------------------------

const promptIn = (host: Element) => () => host.shadowRoot!.querySelector('xs-auth-prompt')!;
const promptText = (prompt: () => Element) => prompt()?.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '';

/** Keyboard only: Tab to the password field, type, Enter. */
async function typePassword(prompt: () => Element, password: string) {
  await waitFor('password field', () => prompt()?.shadowRoot?.querySelector('#pw'));
  await tabTo('password field', (x) => x.id === 'pw');
  await sendKeys({ type: password });
  await sendKeys({ press: 'Enter' });
}

/**
 * The prompt counts down from about `seconds` ("Too many attempts — try again in N s"), visibly ticking in
 * a role=timer that is not live; "Try again" appears only when it is over; pressing it (keyboard) leads back
 * to the password field. Returns when the field is there again.
 */
async function waitOutCountdown(host: Element, prompt: () => Element, seconds: number, { capped = false, during = async () => {} } = {}) {
  const timerText = () => prompt().shadowRoot!.querySelector('[role=timer]')?.textContent?.trim() ?? '';
  await waitFor('countdown', () => /Too many attempts — try again in \d+ s/.test(timerText()), { timeoutMs: 10_000 });
  const shown = Number(/in (\d+) s/.exec(timerText())![1]);
  expect(shown, `countdown starts near ${seconds} s (shows ${shown})`).to.be.within(seconds - 2, seconds);
  expect(prompt().shadowRoot!.querySelector('[role=timer]')!.getAttribute('aria-live')).to.equal('off');
  expect(prompt().shadowRoot!.querySelector('[role=status][aria-live=polite]')!.textContent).to.contain(`try again in ${seconds} s`);
  expect(!!prompt().shadowRoot!.querySelector('#capped'), 'says the server asked for longer').to.equal(capped);
  expect(promptText(prompt)).not.to.contain('Checking');
  expect([...prompt().shadowRoot!.querySelectorAll('button')].map((b) => b.textContent.trim())).to.deep.equal(['Cancel']);
  await expect(host).to.be.accessible();
  if (seconds > 3) {
    await new Promise((r) => setTimeout(r, 2100));
    const later = Number(/in (\d+) s/.exec(timerText())?.[1]);
    expect(later, 'the countdown ticks').to.be.lessThan(shown);
  }
  await during();
  await waitFor('"Try again"', () => [...prompt().shadowRoot!.querySelectorAll('button')].some((b) => b.textContent.trim() === 'Try again'), { timeoutMs: seconds * 1000 + 5000 });
  expect(prompt().shadowRoot!.querySelector('[role=status][aria-live=polite]')!.textContent).to.equal('You can try again now.');
  await expect(host).to.be.accessible();
  await pressButton('Try again');
  await waitFor('password field again', () => prompt().shadowRoot?.querySelector('#pw'));
}

// ---- reset through the wizard ----------------------------------------------------------------------------

/** A user set up through the wizard; then the wizard in reset mode up to the password prompt. */
async function resetUpToPassword(prefix: string, f: ReturnType<typeof faults>) {
  const a = await registerUser(prefix);
  const client = await kitClient(a, { wrapFetch: f.wrap });
  await setUpViaUi(client);
  const master = await client.getCrypto()!.getCrossSigningKeyId();
  const el = await wizardFor(client, 'reset');
  await waitHeading(el, 'Reset your encryption');
  await pressButton('Continue to reset');
  await waitHeading(el, 'Confirm the reset');
  await tabTo('reset word', (x) => x.id === 'reset-word');
  await sendKeys({ type: 'reset' });
  await sendKeys({ press: 'Enter' });
  await generateAndConfirmKey(el, { a11y: false });
  await waitHeading(el, 'Confirm your identity');
  return { a, client, el, master, prompt: promptIn(el) };
}

async function expectResetDone(el: XsSetupWizard, client: MatrixClient, oldMaster: string | null) {
  await waitHeading(el, 'You’re all set');
  await expectComplete(client);
  expect(await client.getCrypto()!.getCrossSigningKeyId()).to.not.equal(oldMaster);
}

// ---- sign-out through the session list -------------------------------------------------------------------

async function whoami(s: Session) {
  const r = await fetch(`${homeserverUrl()}/_matrix/client/v3/account/whoami`, { headers: { authorization: `Bearer ${s.accessToken}` }, cache: 'no-store' });
  return r.status;
}

/** A user with two sessions; the list on the first; "Sign out" of the second confirmed, up to the prompt. */
async function signOutUpToPrompt(prefix: string, f: ReturnType<typeof faults>) {
  const [a, b] = (await userWithDevices(2, prefix)) as [Session, Session];
  const client = await createTestClient(a, { wrapFetch: f.wrap });
  const el = await fixture<XsSessionList>(html`<xs-session-list .client=${client}></xs-session-list>`);
  const row = () => [...el.shadowRoot!.querySelectorAll<HTMLElement & { deviceId: string }>('li.session')].find((r) => r.deviceId === b.deviceId);
  await waitFor('the other session listed', async () => {
    await el.updateComplete;
    return row();
  });
  el.shadowRoot!.querySelector<HTMLElement>('#others-h')?.focus();
  await tabTo('its Sign out button', (x) => x.tagName === 'BUTTON' && x.textContent?.trim() === 'Sign out' && !!row()?.contains(x));
  await sendKeys({ press: 'Enter' });
  await el.updateComplete;
  await tabTo('the confirming Sign out', (x) => x.tagName === 'BUTTON' && x.textContent?.trim() === 'Sign out' && !!x.closest('[part=panel]'));
  await sendKeys({ press: 'Enter' });
  await waitFor('auth prompt', () => el.shadowRoot!.querySelector('xs-auth-prompt'));
  return { a, b, client, el, prompt: promptIn(el) };
}

const CAP_S = 6;

describe('password prompt under faults, with Synapse', () => {
  before(() => setMaxRetryAfterMs(CAP_S * 1000));
  after(() => setMaxRetryAfterMs());
  let scan: ReturnType<typeof secretScan> | undefined;
  afterEach(async () => {
    scan?.stop();
    scan = undefined;
    await stopAllClients();
  });

  it('reset: a wrong password answered by 429 is not re-sent; a day-long Retry-After is the capped countdown; then it completes', async function () {
    this.timeout(180_000);
    const f = faults();
    const { a, client, el, master, prompt } = await resetUpToPassword('uia429', f);
    scan = secretScan(() => a.password, () => f.sent);
    const passwordUploads = () => f.sent.filter((r) => isUpload(r) && withPassword(r));

    // 1. A wrong password; the server says 429 with a 2 s Retry-After (the SDK would re-send it after 2 s).
    f.next((r) => isUpload(r) && withPassword(r), tooMany({ 'Retry-After': '2' }));
    await typePassword(prompt, 'not-the-password');
    await waitOutCountdown(el, prompt, 2, {
      during: async () => {
        await new Promise((r) => setTimeout(r, 4500));
        expect(passwordUploads(), 'the password went out once and was not re-sent').to.have.length(1);
      },
    });
    expect(passwordUploads()).to.have.length(1);

    // 2. The right password; the server asks to wait a day: the capped countdown, then the person's retry works.
    f.next((r) => isUpload(r) && withPassword(r), tooMany({ 'Retry-After': '86400' }));
    await typePassword(prompt, a.password);
    scan.check('first countdown');
    await waitOutCountdown(el, prompt, CAP_S, { capped: true });
    expect(passwordUploads()).to.have.length(2);
    await typePassword(prompt, a.password);
    await expectResetDone(el, client, master);
    expect(passwordUploads()).to.have.length(3);
    scan.check('after the reset');
  });

  it('reset: network down at the password submit says so (not "authentication failed"), is not retried behind the person, and the retry completes', async function () {
    this.timeout(120_000);
    const f = faults();
    const { a, client, el, master, prompt } = await resetUpToPassword('uianet', f);
    scan = secretScan(() => a.password, () => f.sent);
    f.next((r) => isUpload(r) && withPassword(r), networkDown);
    await typePassword(prompt, a.password);
    await waitFor('network failure shown', () => prompt().shadowRoot!.querySelector('[role=alert]'));
    const alert = prompt().shadowRoot!.querySelector('[role=alert]')!.textContent;
    expect(alert).to.contain('could not be reached');
    expect(alert).not.to.contain('Authentication did not succeed');
    expect(alert).not.to.contain('Incorrect password');
    await expect(el).to.be.accessible();
    await new Promise((r) => setTimeout(r, 3000));
    expect(f.sent.filter((r) => isUpload(r) && withPassword(r)), 'not re-sent by the SDK (it retries 4× on connection errors)').to.have.length(1);
    await pressButton('Try again');
    await typePassword(prompt, a.password);
    await expectResetDone(el, client, master);
    scan.check('after the reset');
  });

  it('reset: an m.oauth approval URL of javascript:alert(1) is refused with an explanation and never opened; Cancel ends the prompt', async function () {
    this.timeout(120_000);
    const f = faults();
    // Synapse offers only the password: the m.oauth challenge is faked on the upload's first (no-auth) try.
    const a = await registerUser('uiaurl');
    const client = await kitClient(a, { wrapFetch: f.wrap });
    await setUpViaUi(client);
    f.next((r) => isUpload(r) && !/"auth"\s*:/.test(r.body), oauthChallenge('javascript:alert(1)'));
    const opened: unknown[] = [];
    const restoreOpen = stub(window, 'open', (...args: unknown[]) => { opened.push(args); return null; });
    try {
      const el = await wizardFor(client, 'reset');
      await waitHeading(el, 'Reset your encryption');
      await pressButton('Continue to reset');
      await waitHeading(el, 'Confirm the reset');
      await tabTo('reset word', (x) => x.id === 'reset-word');
      await sendKeys({ type: 'reset' });
      await sendKeys({ press: 'Enter' });
      await generateAndConfirmKey(el, { a11y: false });
      await waitHeading(el, 'Confirm your identity');
      const prompt = promptIn(el);
      await waitFor('refusal shown', () => prompt().shadowRoot!.querySelector('#url-refused'));
      const refusal = prompt().shadowRoot!.querySelector('#url-refused')!;
      expect(refusal.getAttribute('role')).to.equal('alert');
      expect(refusal.textContent).to.contain('not safe to open').and.contain('does not start with https://');
      expect(deepDom()).not.to.contain('javascript:');
      expect([...prompt().shadowRoot!.querySelectorAll('button')].map((b) => b.textContent.trim()), 'no Open button').to.deep.equal(['Cancel']);
      await expect(el).to.be.accessible();
      await pressButton('Cancel');
      await waitFor('the prompt is gone', () => !root(el).querySelector('xs-auth-prompt'), { timeoutMs: 10_000 });
      expect(root(el).textContent).not.to.contain('You’re all set');
      expect(opened, 'window.open never called').to.deep.equal([]);
    } finally {
      restoreOpen();
    }
  });

  // Sign-out: the other 429 shapes. [label, what the fault sends, countdown seconds, capped]
  const signOutCases: [string, Answer, number, boolean][] = [
    ['Retry-After: garbage', tooMany({ 'Retry-After': 'in-a-bit' }), 5, false],
    ['Retry-After: a past HTTP date', tooMany({ 'Retry-After': 'Wed, 21 Oct 2015 07:28:00 GMT' }), 5, false],
    ['retry_after_ms: 10^12 (no header)', tooMany({}, { retry_after_ms: 1e12 }), CAP_S, true],
  ];
  for (const [label, answer, seconds, capped] of signOutCases) {
    it(`sign-out: 429 with ${label} → a ${seconds} s countdown, then the retry signs the session out`, async function () {
      this.timeout(120_000);
      const f = faults();
      const { a, b, el, prompt } = await signOutUpToPrompt('uiaout', f);
      scan = secretScan(() => a.password, () => f.sent);
      await expect(el).to.be.accessible();
      f.next((r) => isDelete(r) && withPassword(r), answer);
      await typePassword(prompt, a.password);
      await waitOutCountdown(el, prompt, seconds, { capped });
      expect(f.sent.filter((r) => isDelete(r) && withPassword(r)), 'the password went out once').to.have.length(1);
      expect(await whoami(b), 'the session is still signed in').to.equal(200);
      const out = new Promise((r) => el.addEventListener('xs-sessions-signed-out', r, { once: true }));
      await typePassword(prompt, a.password);
      await out;
      // Confirmed like any other sign-out.
      await waitFor('the outcome', async () => {
        await el.updateComplete;
        return el.shadowRoot!.querySelector('[part=panel] [role=status] h3')?.textContent === 'Signed out of 1 session.';
      });
      expect(await whoami(b)).to.equal(401);
      await expect(el).to.be.accessible();
      scan.check(label);
    });
  }

  it('sign-out: a javascript: m.oauth URL is refused; Cancel leaves the session signed in', async function () {
    this.timeout(60_000);
    const f = faults();
    f.next((r) => isDelete(r) && !/"auth"\s*:/.test(r.body), oauthChallenge('javascript:alert(1)'));
    const { b, el, prompt } = await signOutUpToPrompt('uiaurl2', f);
    await waitFor('refusal shown', () => prompt().shadowRoot!.querySelector('#url-refused'));
    expect(promptText(prompt)).to.contain('not safe to open');
    expect(deepDom()).not.to.contain('javascript:');
    await expect(el).to.be.accessible();
    await pressButton('Cancel');
    await waitFor('the prompt is gone', () => !el.shadowRoot!.querySelector('xs-auth-prompt'));
    expect(await whoami(b)).to.equal(200);
  });
});
