// <xs-verify-login> against the real Synapse: two real rust-crypto clients of one user, each side driven
// through its own element with the keyboard (sendKeys), the other device played by a second element.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/xs-verify-login.js';
import type { XsVerifyLogin } from '../../src/components/verify-login/verify-login.js';
import { encodeRecoveryKey } from 'matrix-js-sdk/lib/crypto-api/index.js';
import { createTestClient, keyHolder, stopAllClients } from '../support/clients.js';
import { waitFor } from '../support/wait.js';
import {
  alertText,
  answerNextRequest,
  crossSigned,
  emojiNames,
  events,
  press,
  root,
  setUpPair,
  stageIs,
  stageLog,
  typeAndSubmit,
} from '../support/verify-ui.js';

describe('<xs-verify-login> with Synapse', () => {
  afterEach(stopAllClients);

  it('SAS: this new session asks the other sessions; the other session answers (keyboard only, accessible per stage)', async () => {
    const { a, b, clientA, clientB } = await setUpPair();
    const newSide = await fixture<XsVerifyLogin>(html`<xs-verify-login id="new" .client=${clientB}></xs-verify-login>`);
    const newEvents = events(newSide);
    await stageIs(newSide, 'Verify this session');
    await expect(newSide).to.be.accessible();

    const answering = answerNextRequest(clientA);
    await press(newSide, 'Verify with another session');
    await stageIs(newSide, 'Waiting for your other session');
    await expect(newSide).to.be.accessible();

    const { el: oldSide } = await answering;
    const oldEvents = events(oldSide);
    await stageIs(oldSide, 'Verification request');
    expect(root(oldSide).textContent).to.contain(b.deviceId);
    await expect(oldSide).to.be.accessible();
    await press(oldSide, 'Accept');

    await stageIs(newSide, 'Choose how to verify');
    await expect(newSide).to.be.accessible();
    await press(newSide, 'Compare emoji');
    await stageIs(newSide, 'Compare the emoji');
    await stageIs(oldSide, 'Compare the emoji');
    await expect(newSide).to.be.accessible();
    const names = emojiNames(newSide);
    expect(names).to.have.length(7);
    expect(names.every((n) => n.length > 1)).to.equal(true);
    expect(emojiNames(oldSide)).to.deep.equal(names);

    await press(oldSide, 'They match');
    await stageIs(oldSide, 'Almost done');
    await expect(oldSide).to.be.accessible();
    await press(newSide, 'They match');
    await stageIs(newSide, 'Verified');
    await stageIs(oldSide, 'Verified');
    await expect(newSide).to.be.accessible();
    await expect(oldSide).to.be.accessible();

    expect(newEvents.verified.map((e) => [e.userId, e.deviceId])).to.deep.equal([[b.userId, b.deviceId]]);
    expect(oldEvents.verified.map((e) => [e.userId, e.deviceId])).to.deep.equal([[a.userId, b.deviceId]]);
    expect(newEvents.cancelled).to.have.length(0);
    await waitFor('B cross-signed (seen by B)', () => crossSigned(clientB, b.deviceId));
    await waitFor('B cross-signed (seen by A)', () => crossSigned(clientA, b.deviceId));
    await waitFor('B received the cross-signing private keys', async () => {
      const k = (await clientB.getCrypto()!.getCrossSigningStatus()).privateKeysCachedLocally;
      return k.masterKey && k.selfSigningKey && k.userSigningKey;
    });
  });

  it('SAS: this session verifies another session by device-id; that session answers; keyboard only', async () => {
    const { a, b, clientA, clientB } = await setUpPair();
    const answering = answerNextRequest(clientB);
    const sender = await fixture<XsVerifyLogin>(html`<xs-verify-login id="sender" .client=${clientA} device-id=${b.deviceId}></xs-verify-login>`);
    const sent = events(sender);
    await stageIs(sender, 'Waiting for your other session');
    expect(root(sender).textContent).to.contain(b.deviceId);
    const { el: receiver } = await answering;
    await stageIs(receiver, 'Verification request');
    expect(root(receiver).textContent).to.contain(a.deviceId);
    await press(receiver, 'Accept');
    await stageIs(receiver, 'Choose how to verify');
    await press(receiver, 'Compare emoji');
    await stageIs(sender, 'Compare the emoji');
    await stageIs(receiver, 'Compare the emoji');
    expect(emojiNames(sender)).to.deep.equal(emojiNames(receiver));
    await expect(sender).to.be.accessible();
    await press(sender, 'They match');
    await press(receiver, 'They match');
    await stageIs(sender, 'Verified');
    await stageIs(receiver, 'Verified');
    expect(sent.verified.map((e) => [e.userId, e.deviceId])).to.deep.equal([[a.userId, b.deviceId]]);
    await waitFor('B cross-signed', () => crossSigned(clientA, b.deviceId));
  });

  it('Security Key: malformed and wrong keys are explained, the right one verifies and connects the backup (keyboard only)', async () => {
    const { a, b, clientA, clientB, recoveryKey } = await setUpPair();
    const el = await fixture<XsVerifyLogin>(html`<xs-verify-login .client=${clientB}></xs-verify-login>`);
    const ev = events(el);
    await stageIs(el, 'Verify this session');
    await press(el, 'Use your Security Key or Phrase');
    await stageIs(el, 'Enter your Security Key');
    await expect(el).to.be.accessible();
    // No phrase on this key: no phrase option.
    expect([...root(el).querySelectorAll('button')].map((x) => x.textContent?.trim())).to.not.include('Use your Security Phrase instead');

    await typeAndSubmit(el, 'EsTk khvc not a key');
    await waitFor('malformed explained', () => alertText(el).includes('isn’t a valid one'));
    expect((root(el).activeElement as HTMLElement | null)?.id, 'the field has focus again').to.equal('key-input');
    await expect(el).to.be.accessible();
    const other = encodeRecoveryKey(crypto.getRandomValues(new Uint8Array(32)))!;
    await typeAndSubmit(el, other);
    await waitFor('wrong key explained', () => alertText(el).includes('doesn’t match this account'));
    expect(root(el).querySelector<HTMLInputElement>('#key-input')!.value).to.equal('');
    expect((root(el).activeElement as HTMLElement | null)?.id, 'the field has focus again').to.equal('key-input');

    await typeAndSubmit(el, recoveryKey);
    await stageIs(el, 'Verified');
    await expect(el).to.be.accessible();
    expect(root(el).textContent).to.contain('connected to your key backup');
    expect(ev.verified.map((e) => [e.userId, e.deviceId])).to.deep.equal([[b.userId, b.deviceId]]);
    expect(await crossSigned(clientB, b.deviceId)).to.equal(true);
    await waitFor('A sees B cross-signed', () => crossSigned(clientA, b.deviceId));
    const cryptoB = clientB.getCrypto()!;
    expect(await cryptoB.getSessionBackupPrivateKey()).to.not.equal(null);
    expect(await cryptoB.getActiveSessionBackupVersion()).to.be.a('string');
    const status = await cryptoB.getCrossSigningStatus();
    expect(status.privateKeysCachedLocally).to.deep.equal({ masterKey: true, selfSigningKey: true, userSigningKey: true });
    expect(a.userId).to.equal(b.userId);
  });

  it('Security Phrase: a wrong phrase is explained, the right one verifies (keyboard only)', async () => {
    const phrase = `correct horse ${crypto.randomUUID()}`;
    const { b, clientB } = await setUpPair({ passphrase: phrase });
    const el = await fixture<XsVerifyLogin>(html`<xs-verify-login .client=${clientB}></xs-verify-login>`);
    await stageIs(el, 'Verify this session');
    await press(el, 'Use your Security Key or Phrase');
    await stageIs(el, 'Enter your Security Key');
    await press(el, 'Use your Security Phrase instead');
    await stageIs(el, 'Enter your Security Phrase');
    await expect(el).to.be.accessible();
    await typeAndSubmit(el, 'not the phrase');
    await waitFor('wrong phrase explained', () => alertText(el).includes('Security Phrase doesn’t match this account'), { timeoutMs: 30_000 });
    await typeAndSubmit(el, phrase);
    await stageIs(el, 'Verified', 60_000);
    expect(await crossSigned(clientB, b.deviceId)).to.equal(true);
  });

  /**
   * B (new) asks; A answers and accepts; both reach the emoji. Each side's headings are recorded from its first
   * render (`newLog`, `oldLog`), and each step waits on that record — a stage is never missed between two polls — with
   * room for a loaded machine, where a to-device message can take many seconds.
   */
  async function toEmoji() {
    const pair = await setUpPair();
    const newSide = await fixture<XsVerifyLogin>(html`<xs-verify-login id="new" .client=${pair.clientB}></xs-verify-login>`);
    const newLog = stageLog(newSide);
    const answering = answerNextRequest(pair.clientA);
    await newLog.reached('Verify this session');
    await press(newSide, 'Verify with another session');
    const { el: oldSide } = await answering;
    const oldLog = stageLog(oldSide);
    await oldLog.reached('Verification request');
    await press(oldSide, 'Accept');
    await newLog.reached('Choose how to verify', 60_000);
    await press(newSide, 'Compare emoji');
    await newLog.reached('Compare the emoji', 60_000);
    await oldLog.reached('Compare the emoji', 60_000);
    return { ...pair, newSide, oldSide, newLog, oldLog };
  }

  it('the other side declines: the reason is explained per code, not as a security problem', async () => {
    const { clientA, clientB } = await setUpPair();
    const newSide = await fixture<XsVerifyLogin>(html`<xs-verify-login .client=${clientB}></xs-verify-login>`);
    const ev = events(newSide);
    const answering = answerNextRequest(clientA);
    await stageIs(newSide, 'Verify this session');
    await press(newSide, 'Verify with another session');
    const { el: oldSide } = await answering;
    const oldEv = events(oldSide);
    await stageIs(oldSide, 'Verification request');
    await press(oldSide, 'Decline');
    await stageIs(oldSide, 'Verification cancelled');
    await stageIs(newSide, 'Verification cancelled');
    await expect(newSide).to.be.accessible();
    expect(root(newSide).querySelector('[part=status]')!.textContent).to.contain('cancelled or declined on the other session');
    expect(ev.cancelled.map((e) => [e.code, e.byUs])).to.deep.equal([['m.user', false]]);
    expect(ev.cancelled[0].reason).to.contain('declined on the other session');
    expect(oldEv.cancelled.map((e) => [e.code, e.byUs])).to.deep.equal([['m.user', true]]);
    expect(root(oldSide).querySelector('[part=status]')!.textContent, 'the declining side says it declined').to.contain('You declined the request');
    // Start again is offered, by keyboard.
    await press(newSide, 'Start again');
    await stageIs(newSide, 'Waiting for your other session');
  });

  it('SAS mismatch: both sides show a security warning with m.mismatched_sas; nothing is trusted', async () => {
    const { b, clientA, clientB, newSide, oldSide, newLog, oldLog } = await toEmoji();
    const ev = events(newSide);
    const oldEv = events(oldSide);
    await press(newSide, 'They don’t match');
    const warning = 'Verification failed — possible security problem';
    await newLog.reached(warning);
    await oldLog.reached(warning, 60_000);
    for (const log of [newLog, oldLog]) {
      expect(log.seen.slice(-2), 'straight from the emoji to the warning').to.deep.equal(['Compare the emoji', warning]);
      log.stop();
    }
    await expect(newSide).to.be.accessible();
    await expect(oldSide).to.be.accessible();
    expect(alertText(oldSide)).to.contain('Your other session said the emoji don’t match');
    expect(ev.cancelled.map((e) => [e.code, e.byUs])).to.deep.equal([['m.mismatched_sas', true]]);
    expect(oldEv.cancelled.map((e) => [e.code, e.byUs])).to.deep.equal([['m.mismatched_sas', false]]);
    expect(await crossSigned(clientB, b.deviceId)).to.equal(false);
    expect(await crossSigned(clientA, b.deviceId)).to.equal(false);
  });

  it('removing the element mid-flow cancels the verification, and the other side is told', async () => {
    const { b, clientA, newSide, oldSide } = await toEmoji();
    const oldEv = events(oldSide);
    newSide.remove();
    await stageIs(oldSide, 'Verification cancelled');
    expect(oldEv.cancelled.map((e) => [e.code, e.byUs])).to.deep.equal([['m.user', false]]);
    expect(await crossSigned(clientA, b.deviceId)).to.equal(false);
  });

  it('QR by image: the other session shows its code, this session reads a picture of it, the other confirms', async () => {
    const { b, clientA, clientB } = await setUpPair();
    const newSide = await fixture<XsVerifyLogin>(html`<xs-verify-login id="new" .client=${clientB}></xs-verify-login>`);
    const ev = events(newSide);
    const answering = answerNextRequest(clientA);
    await stageIs(newSide, 'Verify this session');
    await press(newSide, 'Verify with another session');
    const { el: oldSide } = await answering;
    await stageIs(oldSide, 'Verification request');
    await press(oldSide, 'Accept');
    await stageIs(oldSide, 'Choose how to verify');
    const img = await waitFor('QR image on the other session', () => root(oldSide).querySelector<HTMLImageElement>('img[part=qr-code]'));
    await expect(oldSide).to.be.accessible();
    await stageIs(newSide, 'Choose how to verify');
    await press(newSide, 'Scan their code');
    await stageIs(newSide, 'Scan the other session’s code');
    await expect(newSide).to.be.accessible();

    // A photo that is not a QR code first: explained, and the person can try again.
    const blank = await new Promise<Blob>((r) => {
      const c = document.createElement('canvas');
      c.width = c.height = 64;
      c.getContext('2d')!.fillRect(0, 0, 10, 10);
      c.toBlob((x) => r(x!), 'image/png');
    });
    const input = () => root(newSide).querySelector<HTMLInputElement>('input[type=file]')!;
    const choose = (file: File) => {
      const dt = new DataTransfer();
      dt.items.add(file);
      input().files = dt.files;
      input().dispatchEvent(new Event('change', { bubbles: true }));
    };
    choose(new File([blank], 'blank.png', { type: 'image/png' }));
    await waitFor('no code explained', () => alertText(newSide).includes('No QR code was found'));
    choose(new File(['not an image'], 'notes.txt', { type: 'text/plain' }));
    await waitFor('not an image explained', () => alertText(newSide).includes('not an image'));

    const png = await (await fetch(img.src)).blob();
    choose(new File([png], 'code.png', { type: 'image/png' }));
    await stageIs(oldSide, 'Your other session scanned the code');
    await stageIs(newSide, 'Code scanned');
    await expect(oldSide).to.be.accessible();
    await expect(newSide).to.be.accessible();
    await press(oldSide, 'Yes, it says the code is correct');
    await stageIs(oldSide, 'Verified');
    await stageIs(newSide, 'Verified');
    expect(ev.verified.map((e) => e.deviceId)).to.deep.equal([b.deviceId]);
    await waitFor('B cross-signed', () => crossSigned(clientB, b.deviceId));
  });

  it('another session accepted first: the others are told (m.accepted) and say so quietly', async () => {
    const { clientA, clientB, others, secretStorageKey } = await setUpPair({ extra: 1 });
    // Session C is cross-signed too (self-verification requests only go to the user's cross-signed sessions).
    const holderC = keyHolder();
    holderC.set(secretStorageKey.keyId, secretStorageKey.key);
    const clientC = await createTestClient(others[0], { cryptoCallbacks: holderC.callbacks });
    await waitFor('C sees the identity', () => clientC.getCrypto()!.userHasCrossSigningKeys(undefined, true));
    await clientC.getCrypto()!.bootstrapCrossSigning({});
    await waitFor('B sees C signed by the identity', async () =>
      (await clientB.getCrypto()!.getDeviceVerificationStatus(clientB.getSafeUserId(), others[0].deviceId))?.signedByOwner);
    const newSide = await fixture<XsVerifyLogin>(html`<xs-verify-login .client=${clientB}></xs-verify-login>`);
    const atA = answerNextRequest(clientA);
    const atC = answerNextRequest(clientC);
    await stageIs(newSide, 'Verify this session');
    await press(newSide, 'Verify with another session');
    const [{ el: elA }, { el: elC }] = await Promise.all([atA, atC]);
    const evC = events(elC);
    await stageIs(elA, 'Verification request');
    await stageIs(elC, 'Verification request');
    await press(elA, 'Accept');
    await stageIs(elC, 'Verification cancelled');
    await expect(elC).to.be.accessible();
    expect(root(elC).querySelector('[part=status]')!.textContent).to.contain('Another of your sessions answered');
    expect(root(elC).querySelector('.warning')).to.equal(null);
    expect(evC.cancelled.map((e) => [e.code, e.byUs])).to.deep.equal([['m.accepted', false]]);
    await stageIs(newSide, 'Choose how to verify');
  });

  it('QR by camera: a refused camera is explained; then frames of the other session’s code are scanned (keyboard only)', async () => {
    const { b, clientA, clientB } = await setUpPair();
    const newSide = await fixture<XsVerifyLogin>(html`<xs-verify-login .client=${clientB}></xs-verify-login>`);
    const answering = answerNextRequest(clientA);
    await stageIs(newSide, 'Verify this session');
    await press(newSide, 'Verify with another session');
    const { el: oldSide } = await answering;
    await stageIs(oldSide, 'Verification request');
    await press(oldSide, 'Accept');
    const img = await waitFor('QR image', () => root(oldSide).querySelector<HTMLImageElement>('img[part=qr-code]'));
    await img.decode();
    await stageIs(newSide, 'Choose how to verify');
    await press(newSide, 'Scan their code');
    await stageIs(newSide, 'Scan the other session’s code');

    // Only the camera hardware is replaced: first a refusal, then a live stream of a canvas showing the code.
    const real = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
    let answer: () => Promise<MediaStream> = async () => { throw new DOMException('denied', 'NotAllowedError'); };
    navigator.mediaDevices.getUserMedia = () => answer();
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = 480;
    const ctx = canvas.getContext('2d')!;
    const paint = setInterval(() => {
      ctx.fillStyle = '#777';
      ctx.fillRect(0, 0, 480, 480);
      ctx.drawImage(img, 80, 80, 320, 320);
    }, 50);
    try {
      await press(newSide, 'Use the camera');
      await waitFor('refusal explained', () => alertText(newSide).includes('Camera access was not allowed'));
      await expect(newSide).to.be.accessible();
      answer = async () => canvas.captureStream(10);
      await press(newSide, 'Use the camera');
      await stageIs(oldSide, 'Your other session scanned the code');
      await stageIs(newSide, 'Code scanned');
      expect(root(newSide).querySelector('video')).to.equal(null);
      await press(oldSide, 'Yes, it says the code is correct');
      await stageIs(newSide, 'Verified');
      await waitFor('B cross-signed', () => crossSigned(clientB, b.deviceId));
    } finally {
      clearInterval(paint);
      navigator.mediaDevices.getUserMedia = real;
    }
  });

  it('no other verified session: explained at once (no endless wait), the Security Key is offered', async () => {
    const { a, clientA, clientB } = await setUpPair();
    await clientA.logout(true);
    await waitFor('B sees A gone', async () =>
      !(await clientB.getCrypto()!.getUserDeviceInfo([a.userId], true)).get(a.userId)?.has(a.deviceId));
    const el = await fixture<XsVerifyLogin>(html`<xs-verify-login .client=${clientB}></xs-verify-login>`);
    await stageIs(el, 'Verify this session');
    await press(el, 'Verify with another session');
    await stageIs(el, 'Verification couldn’t start');
    expect(alertText(el)).to.contain('None of your other sessions is verified');
    await expect(el).to.be.accessible();
    await press(el, 'Use your Security Key or Phrase');
    await stageIs(el, 'Enter your Security Key');
  });
});
