// <xs-verify-login> never claims what didn't happen, against the real Synapse, both sides driven through
// their elements: a done without the signature on the server, a QR mismatch detected by the other side,
// a peer that never answers, a peer signed out mid-flow, numbers instead of emoji, "Can't confirm?".
//
// Fault matrix (requests of the flow, injected by wrapping the client's fetchFn):
// | request                              | fault                          | expected                                               |
// |--------------------------------------|--------------------------------|--------------------------------------------------------|
// | POST /keys/signatures/upload (on A)  | 500 every time                 | both sides: "Not verified", never the shield; B not    |
// |                                      |                                | cross-signed; B offered the Security Key               |
// | POST /keys/signatures/upload (on A)  | 500 for the first tries, then  | both sides "Verified" once the signature is on the     |
// |                                      | through (the SDK re-sends it)  | server (slow, not lost)                                |
// | m.key.verification.start (QR secret) | tampered by the scanner        | m.key_mismatch security warning on both sides          |
// | request to a session that is offline | no answer                      | after no-answer-timeout: "may be offline…", Cancel     |
// | the other session is signed out      | device gone mid-flow           | "The other session was signed out", code xs.session…   |
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/xs-verify-login.js';
import type { XsVerifyLogin } from '../../src/components/verify-login/verify-login.js';
import type { XsRequestResetEvent } from '../../src/events/xs-request-reset.js';
import { decodeQrImage, renderQrPng } from '../../src/internal/qr.js';
import { stopAllClients } from '../support/clients.js';
import { waitFor } from '../support/wait.js';
import {
  alertText,
  answerNextRequest,
  buttonLabels,
  crossSigned,
  emojiNames,
  events,
  failing,
  headingText,
  press,
  root,
  setUpPair,
  stageIs,
  stageLog,
  statusText,
} from '../support/verify-ui.js';

const headingOf = (el: HTMLElement) => el.shadowRoot!.querySelector('h2')?.textContent ?? '';
const isSignatureUpload = (url: string) => url.includes('/keys/signatures/upload');

/** B (new, `<xs-verify-login>`) asks; A answers in its element and accepts; B chooses emoji; both show them. */
async function toEmoji(pair: Awaited<ReturnType<typeof setUpPair>>, confirmTimeout = 20_000) {
  const newSide = await fixture<XsVerifyLogin>(html`<xs-verify-login id="new" .client=${pair.clientB} confirm-timeout=${confirmTimeout}></xs-verify-login>`);
  const answering = answerNextRequest(pair.clientA, { confirmTimeout });
  await stageIs(newSide, 'Verify this session');
  await press(newSide, 'Verify with another session');
  const { el: oldSide } = await answering;
  await stageIs(oldSide, 'Verification request');
  await press(oldSide, 'Accept');
  await stageIs(newSide, 'Choose how to verify');
  await press(newSide, 'Compare emoji');
  await stageIs(newSide, 'Compare the emoji');
  await stageIs(oldSide, 'Compare the emoji');
  return { newSide, oldSide };
}

describe('<xs-verify-login> tells the truth (Synapse)', () => {
  afterEach(stopAllClients);

  it('done without the signature on the server: both sides say "Not verified", never the shield; the Security Key is offered', async () => {
    let on = false;
    const fault = failing(isSignatureUpload, () => on);
    const pair = await setUpPair({ a: { wrapFetch: fault.wrap } });
    on = true; // after the set-up's own uploads
    const { newSide, oldSide } = await toEmoji(pair, 3_000);
    const newEv = events(newSide);
    const oldEv = events(oldSide);
    const newLog = stageLog(newSide);
    const oldLog = stageLog(oldSide);
    expect(emojiNames(newSide)).to.deep.equal(emojiNames(oldSide));
    await press(oldSide, 'They match');
    await press(newSide, 'They match');
    // A's SDK re-sends the failing upload (backing off 2 + 4 + 8 + 16 s) before its "done" goes out: B may only reach
    // "Checking…" after about 30 s. Once there, it stays for the confirm timeout (3 s) — long enough to look at it.
    await newLog.reached('Checking…', 60_000);
    expect(headingText(newSide), `B reads back the signature (${newLog.seen.join(' → ')})`).to.equal('Checking…');
    await expect(newSide).to.be.accessible();
    await newLog.reached('Not verified', 30_000);
    await oldLog.reached('Not verified', 30_000);
    for (const log of [newLog, oldLog]) {
      expect(log.seen.slice(-2), 'the read-back ends without the signature').to.deep.equal(['Checking…', 'Not verified']);
      expect(log.seen, 'never the shield').to.not.include('Verified');
      log.stop();
    }
    await expect(newSide).to.be.accessible();
    await expect(oldSide).to.be.accessible();
    expect(alertText(newSide)).to.contain('doesn’t have the signature');
    expect(buttonLabels(newSide)).to.include('Use your Security Key or Phrase');
    expect(root(newSide).textContent).to.not.contain('This session is verified');
    expect(fault.hits.length, 'A tried to upload the signature').to.be.greaterThan(0);
    expect(newEv.verified).to.have.length(0);
    expect(oldEv.verified).to.have.length(0);
    expect(await crossSigned(pair.clientB, pair.b.deviceId)).to.equal(false);
    expect(await crossSigned(pair.clientA, pair.b.deviceId)).to.equal(false);
    // The offered fix works: the Security Key verifies this session.
    await press(newSide, 'Use your Security Key or Phrase');
    await stageIs(newSide, 'Enter your Security Key');
  });

  it('a signature upload that fails at first and then goes through: "Verified" once it is on the server', async () => {
    let failures = 0;
    const fault = failing(isSignatureUpload, () => failures-- > 0);
    const pair = await setUpPair({ a: { wrapFetch: fault.wrap } });
    failures = 2; // after the set-up's own uploads
    const { newSide, oldSide } = await toEmoji(pair, 30_000);
    await press(oldSide, 'They match');
    await press(newSide, 'They match');
    await stageIs(newSide, 'Verified', 40_000);
    await stageIs(oldSide, 'Verified', 40_000);
    expect(fault.hits.length).to.be.greaterThan(0);
    expect(await crossSigned(pair.clientB, pair.b.deviceId)).to.equal(true);
  });

  it('QR: a tampered code is detected by the session that showed it; BOTH sides show the security warning with m.key_mismatch', async () => {
    const pair = await setUpPair();
    const newSide = await fixture<XsVerifyLogin>(html`<xs-verify-login id="new" .client=${pair.clientB}></xs-verify-login>`);
    const newEv = events(newSide);
    const answering = answerNextRequest(pair.clientA);
    await stageIs(newSide, 'Verify this session');
    await press(newSide, 'Verify with another session');
    const { el: oldSide } = await answering;
    const oldEv = events(oldSide);
    await press(oldSide, 'Accept');
    const img = await waitFor('QR image', () => root(oldSide).querySelector<HTMLImageElement>('img[part=qr-code]'));
    await stageIs(newSide, 'Choose how to verify');
    await press(newSide, 'Scan their code');
    await stageIs(newSide, 'Scan the other session’s code');
    // The picture the scanner reads carries a different shared secret (the keys are right, so the scanner
    // accepts it and answers; the showing side must notice).
    const bytes = (await decodeQrImage(await (await fetch(img.src)).blob()))!;
    bytes[bytes.length - 1] ^= 0xff;
    const tampered = await renderQrPng(bytes);
    const input = root(newSide).querySelector<HTMLInputElement>('input[type=file]')!;
    const dt = new DataTransfer();
    dt.items.add(new File([tampered], 'code.png', { type: 'image/png' }));
    input.files = dt.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    const seen: string[] = [];
    await waitFor('both sides end', () => {
      const now = `${root(oldSide).querySelector('h2')?.textContent} | ${root(newSide).querySelector('h2')?.textContent} ${alertText(newSide)}`;
      if (seen[seen.length - 1] !== now) seen.push(now);
      return headingOf(oldSide) !== 'Choose how to verify' && !['Scan the other session’s code', 'Verifying…', 'Code scanned'].includes(headingOf(newSide));
    }, { timeoutMs: 20_000 }).catch((e: Error) => {
      throw new Error(`${e.message}: ${seen.join(' → ')}`);
    });
    await stageIs(oldSide, 'Verification failed — possible security problem');
    await stageIs(newSide, 'Verification failed — possible security problem');
    await expect(oldSide).to.be.accessible();
    await expect(newSide).to.be.accessible();
    expect(root(newSide).querySelector('[role=alert].warning')).to.not.equal(null);
    expect(oldEv.cancelled.map((e) => e.code)).to.deep.equal(['m.key_mismatch']);
    expect(newEv.cancelled.map((e) => e.code)).to.deep.equal(['m.key_mismatch']);
    expect(await crossSigned(pair.clientA, pair.b.deviceId)).to.equal(false);
  });

  it('numbers instead of emoji on both sides, by keyboard; they match and the session is verified', async () => {
    const pair = await setUpPair();
    const { newSide, oldSide } = await toEmoji(pair);
    await press(newSide, 'Compare numbers instead');
    await press(oldSide, 'Compare numbers instead');
    const numbers = (el: XsVerifyLogin) => [...root(el).querySelectorAll('[part=numbers] li')].map((li) => li.textContent?.trim());
    await waitFor('numbers shown', () => numbers(newSide).length === 3 && numbers(oldSide).length === 3);
    expect(numbers(newSide)).to.deep.equal(numbers(oldSide));
    expect(numbers(newSide).every((n) => /^\d{4}$/.test(n ?? ''))).to.equal(true);
    expect(root(newSide).querySelector('[part=emoji]')).to.equal(null);
    await expect(newSide).to.be.accessible();
    await press(newSide, 'They match');
    await press(oldSide, 'They match');
    await stageIs(newSide, 'Verified');
    expect(await crossSigned(pair.clientB, pair.b.deviceId)).to.equal(true);
  });

  it('a session that never answers: after the no-answer time the step says it may be offline, Cancel still works', async () => {
    const pair = await setUpPair();
    pair.clientB.stopClient(); // B's session exists but its app is closed
    const el = await fixture<XsVerifyLogin>(html`<xs-verify-login .client=${pair.clientA} device-id=${pair.b.deviceId} no-answer-timeout="2000"></xs-verify-login>`);
    const ev = events(el);
    await stageIs(el, 'Waiting for your other session');
    await waitFor('no-answer note', () => statusText(el).includes('may be offline'), { timeoutMs: 10_000 });
    expect(statusText(el)).to.contain('may not support verification requests');
    await expect(el).to.be.accessible();
    await press(el, 'Cancel');
    await stageIs(el, 'Verification cancelled');
    expect(ev.cancelled.map((e) => [e.code, e.byUs])).to.deep.equal([['m.user', true]]);
  });

  it('the other session is signed out mid-flow: that cause is named, not "expired"', async () => {
    const pair = await setUpPair();
    const answering = answerNextRequest(pair.clientB);
    const el = await fixture<XsVerifyLogin>(html`<xs-verify-login .client=${pair.clientA} device-id=${pair.b.deviceId}></xs-verify-login>`);
    const ev = events(el);
    const { el: other } = await answering;
    await press(other, 'Accept');
    await stageIs(el, 'Choose how to verify');
    await pair.clientB.logout(true);
    await stageIs(el, 'Verification cancelled', 30_000);
    expect(statusText(el)).to.contain('The other session was signed out');
    expect(ev.cancelled.map((e) => e.code)).to.deep.equal(['xs.session_signed_out']);
    await expect(el).to.be.accessible();
  });

  it('"Can’t confirm?" asks the host for a reset (cancelable); unhandled, the element explains it', async () => {
    const pair = await setUpPair();
    const el = await fixture<XsVerifyLogin>(html`<xs-verify-login .client=${pair.clientB}></xs-verify-login>`);
    await stageIs(el, 'Verify this session');
    const seen: XsRequestResetEvent[] = [];
    const handle = (e: XsRequestResetEvent) => {
      seen.push(e);
      e.preventDefault();
    };
    el.addEventListener('xs-request-reset', handle);
    await press(el, 'Can’t confirm?');
    expect(seen.map((e) => e.reason)).to.deep.equal(['cannot-verify']);
    expect(seen[0].cancelable).to.equal(true);
    expect(root(el).querySelector('h2')!.textContent).to.equal('Verify this session');
    el.removeEventListener('xs-request-reset', handle);
    await press(el, 'Can’t confirm?');
    await stageIs(el, 'Reset your identity');
    expect(statusText(el)).to.contain('reset your cryptographic identity');
    await expect(el).to.be.accessible();
    await press(el, 'Back');
    await stageIs(el, 'Verify this session');
  });

  it('both sessions start at the same moment: they converge on one verification, nobody sees a cancellation', async () => {
    const pair = await setUpPair();
    const newSide = await fixture<XsVerifyLogin>(html`<xs-verify-login id="new" .client=${pair.clientB}></xs-verify-login>`);
    await stageIs(newSide, 'Verify this session');
    // Every heading either side renders (recorded on each render, so a cancellation shown for a moment is seen too).
    const newLog = stageLog(newSide);
    // B asks its other sessions while A, at the same moment, asks B by its device id.
    [...root(newSide).querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Verify with another session')!.click();
    const oldSide = await fixture<XsVerifyLogin>(html`<xs-verify-login id="old" .client=${pair.clientA} device-id=${pair.b.deviceId}></xs-verify-login>`);
    const oldLog = stageLog(oldSide);
    const newEv = events(newSide);
    const oldEv = events(oldSide);
    try {
      await stageIs(newSide, 'Choose how to verify');
      await stageIs(oldSide, 'Choose how to verify');
      await press(newSide, 'Compare emoji');
      await stageIs(newSide, 'Compare the emoji');
      await stageIs(oldSide, 'Compare the emoji');
      expect(emojiNames(newSide)).to.deep.equal(emojiNames(oldSide));
      await press(oldSide, 'They match');
      await press(newSide, 'They match');
      await stageIs(newSide, 'Verified');
      await stageIs(oldSide, 'Verified');
    } finally {
      newLog.stop();
      oldLog.stop();
    }
    const headings = [...newLog.seen.map((h) => `new: ${h}`), ...oldLog.seen.map((h) => `old: ${h}`)];
    expect(headings.filter((h) => /cancelled|failed/i.test(h)), headings.join(' → ')).to.deep.equal([]);
    expect(newEv.cancelled.concat(oldEv.cancelled)).to.have.length(0);
    expect(await crossSigned(pair.clientB, pair.b.deviceId)).to.equal(true);
  });
});
