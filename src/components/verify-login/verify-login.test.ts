// Edge states of <xs-verify-login> that a real server can't easily produce (security cancellations,
// custom codes, translations), rendered from a small fake VerificationRequest. The flows themselves are
// proven against Synapse in test/e2e/verify-login.e2e.ts.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { MatrixClient } from 'matrix-js-sdk';
import type { VerificationRequest } from 'matrix-js-sdk/lib/crypto-api/index.js';
import { VerificationPhase } from 'matrix-js-sdk/lib/crypto-api/verification.js';
import '../../define/xs-verify-login.js';
import { registerTranslation, translate } from '../../i18n/registry.js';
import { cameraProblemOf } from '../../internal/qr.js';
import type { XsVerificationCancelledEvent } from '../../events/xs-verification-cancelled.js';
import type { XsVerifyLogin } from './verify-login.js';
import { explainCancel } from '../../i18n/verification-cancel.strings.js';
import { verifyStepsStrings } from './verify-login-steps.strings.js';

class FakeRequest {
  phase = VerificationPhase.Requested;
  initiatedByMe = false;
  otherDeviceId: string | undefined = 'NEWDEVICE';
  otherUserId = '@me:localhost';
  isSelfVerification = true;
  chosenMethod: string | null = null;
  cancellationCode: string | null = null;
  cancellingUserId: string | undefined;
  timeout = 600_000;
  verifier = undefined;
  calls: string[] = [];
  private listeners = new Set<() => void>();
  on(_e: string, l: () => void) {
    this.listeners.add(l);
  }
  off(_e: string, l: () => void) {
    this.listeners.delete(l);
  }
  otherPartySupportsMethod(_method?: string) {
    return false;
  }
  async accept() {
    this.calls.push('accept');
  }
  async cancel() {
    this.calls.push('cancel');
  }
  change(patch: Partial<FakeRequest>) {
    Object.assign(this, patch);
    this.listeners.forEach((l) => l());
  }
}

const fakeClient = { getSafeUserId: () => '@me:localhost', getDeviceId: () => 'THIS', getCrypto: () => undefined, on() {}, off() {} } as unknown as MatrixClient;

async function incoming() {
  const request = new FakeRequest();
  const el = await fixture<XsVerifyLogin>(
    html`<xs-verify-login .client=${fakeClient} .request=${request}></xs-verify-login>`,
  );
  return { el, request };
}

const text = (el: XsVerifyLogin, sel: string) => el.shadowRoot!.querySelector(sel)?.textContent?.trim() ?? '';

describe('<xs-verify-login> (edge states)', () => {
  it('without a client says so, accessibly', async () => {
    const el = await fixture<XsVerifyLogin>(html`<xs-verify-login></xs-verify-login>`);
    expect(text(el, '[role=status]')).to.contain('Not connected');
    await expect(el).to.be.accessible();
  });

  it('a step renders after the task that changed it (the SDK finishes its own work first), once per task; its heading takes focus by updateComplete', async () => {
    const { el, request } = await incoming();
    // The later steps' module arriving renders once by itself: let it arrive first, then count.
    await (el as unknown as { laterPart: { load(): Promise<unknown> } }).laterPart.load();
    await el.updateComplete;
    let renders = 0;
    const render = (el as unknown as { render(): unknown }).render.bind(el);
    (el as unknown as { render(): unknown }).render = () => (renders++, render());
    // The SDK reports two changes while handling one message, and goes on with its promise callbacks.
    request.change({ phase: VerificationPhase.Ready });
    request.change({ otherDeviceId: 'NEWDEVICE2' });
    for (let i = 0; i < 5; i++) await Promise.resolve();
    expect(text(el, 'h2'), 'not rendered inside the SDK’s task').to.equal('Verification request');
    await el.updateComplete;
    expect(text(el, 'h2')).to.equal('Choose how to verify');
    expect(renders, 'one render for the changes of one task').to.equal(1);
    expect(el.shadowRoot!.activeElement?.matches('[data-stage-heading]'), 'heading focused').to.equal(true);
  });

  it('a field that took focus before the next frame keeps it (the deferred heading focus does not take it back)', async () => {
    const { el, request } = await incoming();
    const field = document.createElement('input');
    const rendered = new Promise<void>((resolve) => {
      const o = new MutationObserver(() => {
        if (text(el, 'h2') !== 'Choose how to verify') return;
        o.disconnect();
        resolve();
      });
      o.observe(el.shadowRoot!, { subtree: true, childList: true, characterData: true });
    });
    request.change({ phase: VerificationPhase.Ready });
    await rendered;
    // Rendered, heading focus pending for the next frame: a field in the step is focused meanwhile (e.g. by the person).
    el.shadowRoot!.querySelector('[part=base]')!.append(field);
    field.focus();
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal(field);
    field.remove();
  });

  it('a key mismatch from the other side is a security warning (alert), with the event', async () => {
    const { el, request } = await incoming();
    expect(text(el, 'h2')).to.equal('Verification request');
    await expect(el).to.be.accessible();
    const ev = oneEvent(el, 'xs-verification-cancelled') as unknown as Promise<XsVerificationCancelledEvent>;
    request.change({ phase: VerificationPhase.Cancelled, cancellationCode: 'm.key_mismatch' });
    const e = await ev;
    expect([e.code, e.byUs]).to.deep.equal(['m.key_mismatch', false]);
    expect(e.reason).to.contain('Someone may be interfering');
    await el.updateComplete;
    expect(text(el, 'h2')).to.equal('Verification failed — possible security problem');
    expect(el.shadowRoot!.querySelector('[role=alert].warning')).to.not.equal(null);
    // Answering role: nothing to start again from here.
    expect(el.shadowRoot!.querySelectorAll('button')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('an unknown code is named as text, never markup; a timeout is explained', async () => {
    const { el, request } = await incoming();
    request.change({ phase: VerificationPhase.Cancelled, cancellationCode: 'org.example.<b>odd</b>' });
    await el.updateComplete;
    expect(text(el, '[part=status]')).to.contain('(org.example.<b>odd</b>)');
    expect(el.shadowRoot!.querySelector('b')).to.equal(null);
    const second = await incoming();
    second.request.change({ phase: VerificationPhase.Cancelled, cancellationCode: 'm.timeout' });
    await second.el.updateComplete;
    expect(text(second.el, '[part=status]')).to.contain('expired');
  });

  it('declining tells the other side; removing the element mid-flow cancels too', async () => {
    const { el, request } = await incoming();
    el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')[1].click();
    await el.updateComplete;
    expect(request.calls).to.deep.equal(['cancel']);
    expect(text(el, 'h2')).to.equal('Verification cancelled');
    const other = await incoming();
    other.el.remove();
    expect(other.request.calls).to.deep.equal(['cancel']);
  });

  it('strings are translatable (host-registered language)', async () => {
    registerTranslation('de', { 'verify-login.incomingHeading': 'Verifizierungsanfrage' });
    const request = new FakeRequest();
    const el = await fixture<XsVerifyLogin>(
      html`<div lang="de"><xs-verify-login .client=${fakeClient} .request=${request as unknown as VerificationRequest}></xs-verify-login></div>`,
    ).then((d) => d.querySelector('xs-verify-login')!);
    await el.updateComplete;
    expect(text(el, 'h2')).to.equal('Verifizierungsanfrage');
  });

  it('narrow host: the scan step (file input) and long device IDs stay inside the element', async () => {
    // Seen in the demo at 360 px: the file input's intrinsic width widened the whole step, clipping the heading
    // and the Cancel button; a long device ID did the same in the request and done steps.
    const request = new FakeRequest();
    request.otherDeviceId = 'LONGDEVICEID'.repeat(6);
    request.otherPartySupportsMethod = (m: string) => m === 'm.qr_code.show.v1';
    const wrap = await fixture<HTMLDivElement>(html`<div style="width: 300px">
      <xs-verify-login .client=${fakeClient} .request=${request}></xs-verify-login>
    </div>`);
    const el = wrap.querySelector('xs-verify-login')!;
    await el.updateComplete;
    const outside = () => {
      const host = el.getBoundingClientRect();
      return [...el.shadowRoot!.querySelectorAll('*')]
        .filter((n) => n.checkVisibility())
        .filter((n) => {
          const r = n.getBoundingClientRect();
          return r.width > 0 && (r.right > host.right + 0.5 || r.left < host.left - 0.5);
        })
        .map((n) => `${n.tagName.toLowerCase()}${n.id ? `#${n.id}` : ''}`);
    };
    expect(text(el, 'h2')).to.equal('Verification request');
    expect(outside(), 'request step').to.deep.equal([]);
    el.shadowRoot!.querySelector<HTMLButtonElement>('button.primary')!.click();
    request.change({ phase: VerificationPhase.Ready });
    await waitUntil(() => text(el, 'h2') === 'Choose how to verify', 'choose step');
    [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent === 'Scan their code')!.click();
    await waitUntil(() => text(el, 'h2') === 'Scan the other session’s code', 'scan step');
    const file = el.shadowRoot!.querySelector<HTMLInputElement>('#qr-file')!;
    expect(file.checkVisibility()).to.equal(true);
    expect(outside(), 'scan step').to.deep.equal([]);
    expect(el.shadowRoot!.querySelector('[part=base]')!.scrollWidth).to.be.at.most(el.clientWidth);
  });

  it('keyboard only: the scan step is reached, and its picture picker focused and opened, by keys; accessible there', async function () {
    const request = new FakeRequest();
    request.otherPartySupportsMethod = (m?: string) => m === 'm.qr_code.show.v1';
    const el = await fixture<XsVerifyLogin>(html`<xs-verify-login .client=${fakeClient} .request=${request}></xs-verify-login>`);
    const active = () => el.shadowRoot!.activeElement as HTMLElement | null;
    const describe = (n: HTMLElement | null) =>
      !n ? 'none' : n.tagName === 'INPUT' ? `input[${(n as HTMLInputElement).type}] "${(n as HTMLInputElement).labels?.[0]?.textContent?.trim()}"` : `${n.tagName.toLowerCase()} "${n.textContent?.trim()}"`;
    /** From the focused heading, Tab until `label` is focused; returns what focus passed through. */
    const tabTo = async (label: string) => {
      const passed: string[] = [];
      for (let i = 0; i < 10; i++) {
        await sendKeys({ press: 'Tab' });
        passed.push(describe(active()));
        if (passed[passed.length - 1].includes(`"${label}"`)) return passed;
      }
      throw new Error(`"${label}" not reachable by Tab: ${passed.join(', ')}`);
    };
    const atHeading = async (heading: string) => {
      // Firefox (WebDriver BiDi) may return from a key press before the page handled it: allow a few seconds.
      await waitUntil(() => text(el, 'h2') === heading, heading, { timeout: 5000 });
      await el.updateComplete;
      await waitUntil(() => active()?.matches('[data-stage-heading]'), `${heading}: heading focused`, { timeout: 5000 });
    };
    // A keyboard user arrives at the element: start from its heading.
    await waitUntil(() => text(el, 'h2') === 'Verification request', 'request step');
    el.shadowRoot!.querySelector<HTMLElement>('[data-stage-heading]')!.focus();
    await tabTo('Accept');
    await sendKeys({ press: 'Enter' });
    request.change({ phase: VerificationPhase.Ready });
    await atHeading('Choose how to verify');
    await tabTo('Scan their code');
    await sendKeys({ press: 'Enter' });
    await atHeading('Scan the other session’s code');
    await expect(el).to.be.accessible();
    // Focus order: the camera (when the browser has one), then the picture picker, then the other ways out.
    const order = await tabTo('Cancel');
    const picker = order.findIndex((d) => d.startsWith('input[file]'));
    expect(picker, order.join(', ')).to.be.greaterThan(-1);
    expect(order[picker], 'the picker is named by its label').to.equal('input[file] "Choose a photo of the code"');
    expect(order.slice(picker + 1)).to.deep.equal(['button "Compare emoji"', 'button "Back"', 'button "Cancel"']);
    // Back to the picker by Shift+Tab; Space opens the native file chooser (seen as its activation click, held back
    // here so no dialog opens in the test browser).
    await sendKeys({ down: 'Shift' });
    for (let i = 0; i < 3; i++) await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(describe(active())).to.equal('input[file] "Choose a photo of the code"');
    const input = active() as HTMLInputElement;
    let opened = 0;
    input.addEventListener('click', (e) => {
      opened++;
      e.preventDefault();
    });
    await sendKeys({ press: ' ' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => opened === 2, 'Space and Enter each open the chooser', { timeout: 3000 }).catch(() => undefined);
    expect(opened, 'Space and Enter each open the chooser').to.equal(2);
    // A picture chosen in the chooser (not a code here): the problem is announced and focus stays in the step.
    const dt = new DataTransfer();
    dt.items.add(new File(['not an image'], 'note.txt', { type: 'text/plain' }));
    input.files = dt.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await waitUntil(() => el.shadowRoot!.querySelector('[role=alert]')?.textContent?.includes('not an image'), 'problem shown');
    expect(text(el, 'h2')).to.equal('Scan the other session’s code');
    await expect(el).to.be.accessible();
    el.remove();
  });

  it('answering a request: a security cancellation warns about the OTHER session and offers no Security Key', async () => {
    // This session is the trusted one here; telling the person not to trust "this session" pointed the wrong way.
    for (const code of ['m.mismatched_sas', 'm.key_mismatch', 'm.mismatched_commitment']) {
      const { el, request } = await incoming();
      const ev = oneEvent(el, 'xs-verification-cancelled') as unknown as Promise<XsVerificationCancelledEvent>;
      request.change({ phase: VerificationPhase.Cancelled, cancellationCode: code });
      const e = await ev;
      await el.updateComplete;
      const alert = text(el, '[role=alert]');
      for (const said of [alert, e.reason]) {
        expect(said.toLowerCase(), code).to.contain('don’t trust the other session');
        expect(said, code).to.not.match(/this session|Security Key/);
      }
    }
    // The session being verified (this-session role) keeps its own wording.
    expect(explainCancel('en', 'm.mismatched_sas', 'this-session', { byUs: false })).to.contain('don’t trust this session');
  });

  it('after the other session scanned our code, the question names what that session shows', async () => {
    // The scanning side says “Code scanned — The code is correct…”; asking whether it “says verified” made
    // people answer No, which cancels as a security problem.
    const scannerSays = translate('en', verifyStepsStrings, 'scanned');
    const question = translate('en', verifyStepsStrings, 'reciprocateIntro');
    const yes = translate('en', verifyStepsStrings, 'reciprocateYes');
    expect(scannerSays.toLowerCase()).to.contain('the code is correct');
    expect(question.toLowerCase()).to.contain('the code is correct');
    expect(yes.toLowerCase()).to.contain('the code is correct');
  });

  it('this session already verified: says so instead of offering to verify it', async () => {
    let crossSigned = true;
    const crypto = { getDeviceVerificationStatus: async () => ({ crossSigningVerified: crossSigned }) };
    const listeners = new Map<string, Set<(...a: unknown[]) => void>>();
    const client = {
      ...fakeClient,
      getUserId: () => '@me:localhost',
      getDeviceId: () => 'THIS',
      getCrypto: () => crypto,
      on: (e: string, l: () => void) => listeners.set(e, (listeners.get(e) ?? new Set()).add(l)),
      off: (e: string, l: () => void) => listeners.get(e)?.delete(l),
    } as unknown as MatrixClient;
    const emit = (e: string, ...args: unknown[]) => listeners.get(e)?.forEach((l) => l(...args));
    const el = await fixture<XsVerifyLogin>(html`<xs-verify-login .client=${client}></xs-verify-login>`);
    await waitUntil(() => text(el, 'h2') === 'This session is verified', 'already verified');
    expect(text(el, '[role=status]')).to.contain('already verified');
    expect(el.shadowRoot!.querySelectorAll('button')).to.have.length(0);
    await expect(el).to.be.accessible();
    crossSigned = false;
    const other = await fixture<XsVerifyLogin>(html`<xs-verify-login .client=${client}></xs-verify-login>`);
    await new Promise((r) => setTimeout(r, 50));
    expect(text(other, 'h2')).to.equal('Verify this session');
    expect([...other.shadowRoot!.querySelectorAll('button')].map((b) => [b.textContent, b.checkVisibility()])).to.deep.equal([
      ['Verify with another session', true], ['Use your Security Key or Phrase', true], ['Can’t confirm?', true]]);
    // Verified meanwhile (e.g. by the setup wizard on the same page): the step follows.
    crossSigned = true;
    emit('userTrustStatusChanged', '@me:localhost');
    await waitUntil(() => text(other, 'h2') === 'This session is verified', 'follows the change');
    other.remove();
    el.remove();
    expect([...listeners.values()].every((set) => set.size === 0), 'unsubscribed when removed').to.equal(true);
  });

  it('camera problems map to explanations', () => {
    expect(cameraProblemOf(new DOMException('x', 'NotAllowedError'))).to.equal('denied');
    expect(cameraProblemOf(new DOMException('x', 'NotFoundError'))).to.equal('no-camera');
    expect(cameraProblemOf(new DOMException('x', 'NotReadableError'))).to.equal('in-use');
    expect(cameraProblemOf(new Error('?'))).to.equal('failed');
  });
});
