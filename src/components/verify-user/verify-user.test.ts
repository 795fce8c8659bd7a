// Edge states of <xs-verify-user> a real server can't easily produce, rendered from a small fake request:
// names with invisible characters, a security cancellation by the other person, unknown codes, no client/user.
// The flows themselves are proven against Synapse in test/e2e/verify-user.e2e.ts.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { MatrixClient } from 'matrix-js-sdk';
import { VerificationPhase } from 'matrix-js-sdk/lib/crypto-api/verification.js';
import '../../define/xs-verify-user.js';
import type { XsVerificationCancelledEvent } from '../../events/xs-verification-cancelled.js';
import type { XsVerifyUser } from './verify-user.js';

class FakeRequest {
  phase = VerificationPhase.Requested;
  initiatedByMe = false;
  accepting = false;
  otherDeviceId: string | undefined = undefined;
  otherUserId = '@mallory:example.org';
  isSelfVerification = false;
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
  otherPartySupportsMethod() {
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

function fakeClient(displayName?: string): MatrixClient {
  return {
    getSafeUserId: () => '@me:example.org',
    getUserId: () => '@me:example.org',
    getDeviceId: () => 'THIS',
    getUser: () => (displayName ? { displayName } : null),
    getCrypto: () => undefined,
    on() {},
    off() {},
  } as unknown as MatrixClient;
}

const text = (el: XsVerifyUser, sel: string) => el.shadowRoot!.querySelector(sel)?.textContent?.trim() ?? '';

async function incoming(displayName?: string) {
  const request = new FakeRequest();
  const el = await fixture<XsVerifyUser>(
    html`<xs-verify-user .client=${fakeClient(displayName)} .request=${request}></xs-verify-user>`,
  );
  return { el, request };
}

describe('<xs-verify-user> (edge states)', () => {
  it('without a client, or without a person, says so accessibly', async () => {
    const a = await fixture<XsVerifyUser>(html`<xs-verify-user user-id="@bob:x"></xs-verify-user>`);
    expect(text(a, '[role=status]')).to.contain('Not connected');
    await expect(a).to.be.accessible();
    const b = await fixture<XsVerifyUser>(html`<xs-verify-user .client=${fakeClient()}></xs-verify-user>`);
    expect(text(b, '[role=status]')).to.contain('No person chosen');
  });

  it('a display name with a bidi override and markup is shown as inert text, the code point made visible', async () => {
    const { el } = await incoming('Bob\u202E<img src=x onerror=alert(1)>');
    expect(text(el, 'h2')).to.equal('Verification request');
    const who = el.shadowRoot!.querySelector('[part=who]')!;
    expect(who.querySelector('img')).to.equal(null);
    expect(who.textContent).to.contain('<img src=x onerror=alert(1)>');
    expect(who.textContent).to.contain('U+202E');
    expect(who.textContent).to.not.contain('\u202E');
    expect(who.textContent).to.contain('@mallory:example.org');
    await expect(el).to.be.accessible();
  });

  it('the other person said the emoji differ: a security warning (alert) and the real code in the event', async () => {
    const { el, request } = await incoming();
    const ev = oneEvent(el, 'xs-verification-cancelled') as unknown as Promise<XsVerificationCancelledEvent>;
    request.change({ phase: VerificationPhase.Cancelled, cancellationCode: 'm.mismatched_sas', cancellingUserId: '@mallory:example.org' });
    const e = await ev;
    expect([e.code, e.byUs]).to.deep.equal(['m.mismatched_sas', false]);
    await el.updateComplete;
    expect(text(el, 'h2')).to.equal('Verification failed — possible security problem');
    expect(text(el, '[role=alert].warning')).to.contain('They said the emoji don’t match');
    await expect(el).to.be.accessible();
  });

  it('declining tells them; an unknown code is named as text', async () => {
    const { el, request } = await incoming();
    el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')[1].click();
    await el.updateComplete;
    expect(request.calls).to.deep.equal(['cancel']);
    expect(text(el, '[part=status]')).to.contain('You declined the request');
    const other = await incoming();
    other.request.change({ phase: VerificationPhase.Cancelled, cancellationCode: 'org.example.<b>x</b>', cancellingUserId: '@mallory:example.org' });
    await other.el.updateComplete;
    expect(text(other.el, '[part=status]')).to.contain('(org.example.<b>x</b>)');
    expect(other.el.shadowRoot!.querySelector('b')).to.equal(null);
  });

  it('accept() does what the Accept button does (used by <xs-verification-requests>)', async () => {
    const { el, request } = await incoming();
    el.accept();
    await el.updateComplete;
    expect(request.calls).to.deep.equal(['accept']);
    expect(text(el, 'h2')).to.equal('Verification request');
    expect(text(el, '[part=status]')).to.contain('Accepting');
  });
});
