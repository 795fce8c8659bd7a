// VerificationFlow (src/state/verification.ts) on a fake port: the request, the methods (emoji, QR), cancelling.
// The read-back before "done": verification-readback.test.ts; what goes wrong while open: verification-lifecycle.test.ts.
import { expect, waitUntil } from '@open-wc/testing';
import { VerificationFlow, isVerificationQr } from './verification.js';
import { parseVerifierError } from '../sdk/verification.js';
import { FakeVerificationPort, fakeQrBytes } from '../../test/support/fake-verification.js';
import { tick, manualTimers, outgoing } from '../../test/support/verification-flow.js';

describe('VerificationFlow (state machine)', () => {
  it('this-session role starts on the choice, then waits for another session to answer', async () => {
    const port = new FakeVerificationPort();
    const flow = new VerificationFlow({ role: 'this-session', request: async () => port, ...manualTimers() });
    expect(flow.stage.kind).to.equal('start');
    await flow.start();
    expect(flow.stage).to.deep.equal({ kind: 'waiting-accept', deviceId: undefined });
  });

  it('SAS as the requester: ready → choose → emoji → confirmed → done', async () => {
    const { port, flow } = await outgoing();
    port.update({ phase: 'ready', otherDeviceId: 'OTHER' });
    await tick();
    expect(flow.stage).to.deep.equal({ kind: 'choose', deviceId: 'OTHER', qr: undefined, canScan: false });
    await flow.startSas();
    expect(port.calls).to.include('startSas');
    port.verifier = true;
    port.update({ phase: 'started', chosenMethod: 'm.sas.v1' });
    expect(flow.stage.kind).to.equal('starting');
    port.showSas();
    expect(flow.stage.kind).to.equal('compare-emoji');
    if (flow.stage.kind === 'compare-emoji') expect(flow.stage.emoji.map((e) => e.description)).to.have.length(7);
    await flow.confirmSas();
    expect(port.calls).to.include('sas.confirm');
    expect(flow.stage.kind).to.equal('confirmed');
    port.verifierDone();
    await tick();
    expect(flow.stage).to.deep.equal({ kind: 'done', deviceId: 'OTHER' });
    expect(port.listenerCount).to.equal(0);
  });

  it('our own emoji start is one "starting" step (the started phase that follows does not announce it again)', async () => {
    const { port, flow } = await outgoing();
    port.update({ phase: 'ready', otherDeviceId: 'OTHER' });
    await tick();
    const seen: string[] = [];
    flow.addEventListener('change', () => seen.push(flow.stage.kind));
    await flow.startSas();
    port.verifier = true;
    port.update({ phase: 'started', chosenMethod: 'm.sas.v1' });
    port.showSas();
    expect(seen).to.deep.equal(['starting', 'compare-emoji']);
  });

  it('incoming: accept, the other side starts SAS, a mismatch cancels with m.mismatched_sas', async () => {
    const port = new FakeVerificationPort({ initiatedByMe: false, otherDeviceId: 'NEW' });
    const flow = new VerificationFlow({ role: 'incoming', port, ...manualTimers() });
    expect(flow.stage).to.deep.equal({ kind: 'incoming', deviceId: 'NEW' });
    await flow.accept();
    expect(port.calls).to.deep.equal(['accept']);
    port.verifier = true;
    port.update({ phase: 'started', chosenMethod: 'm.sas.v1' });
    port.showSas();
    flow.mismatch();
    expect(port.calls).to.include('sas.mismatch');
    expect(flow.stage).to.deep.equal({ kind: 'cancelled', code: 'm.mismatched_sas', byUs: true, reason: undefined });
    // The verifier's own rejection afterwards does not change what we show.
    port.verifierEnded({ code: 'm.mismatched_sas', byUs: true, reason: 'x' });
    await tick();
    expect(flow.stage.kind).to.equal('cancelled');
  });

  it('declining an incoming request tells the other side', async () => {
    const port = new FakeVerificationPort({ initiatedByMe: false });
    const flow = new VerificationFlow({ role: 'incoming', port, ...manualTimers() });
    await flow.cancel();
    expect(port.calls).to.deep.equal(['cancel']);
    expect(flow.stage).to.deep.equal({ kind: 'cancelled', code: 'm.user', byUs: true, reason: undefined, declined: true });
  });

  it('the other side cancelling mid-SAS gives its code, reason and byUs=false', async () => {
    const { port, flow } = await outgoing({ phase: 'started', chosenMethod: 'm.sas.v1' });
    port.verifier = true;
    port.update({});
    port.showSas();
    port.verifierEnded({ code: 'm.user', byUs: false, reason: 'User declined' });
    await tick();
    expect(flow.stage).to.deep.equal({ kind: 'cancelled', code: 'm.user', byUs: false, reason: 'User declined' });
  });

  it('a cancellation seen on the request before any verifier (another session accepted) keeps its code', async () => {
    const port = new FakeVerificationPort({ initiatedByMe: false });
    const flow = new VerificationFlow({ role: 'incoming', port, ...manualTimers() });
    port.update({ phase: 'cancelled', cancellationCode: 'm.accepted' });
    expect(flow.stage).to.deep.equal({ kind: 'cancelled', code: 'm.accepted', byUs: false, reason: undefined });
  });

  it('an expired request is cancelled with m.timeout and the other side told', async () => {
    const { port, flow, timers } = await outgoing();
    expect(timers.count).to.equal(1);
    port.state.timeoutMs = 0;
    timers.fire();
    expect(flow.stage).to.deep.equal({ kind: 'cancelled', code: 'm.timeout', byUs: false, reason: undefined });
    await tick();
    expect(port.calls).to.include('cancel');
  });

  it('an unanswered incoming prompt is dismissed after 2 minutes without cancelling for the other sessions', async () => {
    let now = 1000;
    const timers = manualTimers();
    const port = new FakeVerificationPort({ initiatedByMe: false });
    const flow = new VerificationFlow({ role: 'incoming', port, now: () => now, ...timers });
    now += 119_000;
    timers.fire();
    expect(flow.stage.kind).to.equal('incoming');
    now += 1_000;
    timers.fire();
    expect(flow.stage).to.deep.equal({ kind: 'cancelled', code: 'm.timeout', byUs: false, reason: undefined });
    await tick();
    expect(port.calls).to.deep.equal([]);
    expect(port.listenerCount).to.equal(0);
  });

  it('QR: shows our code when the other side can scan; scanning theirs checks the payload first', async () => {
    const { port, flow } = await outgoing();
    port.qr = fakeQrBytes();
    port.update({ phase: 'ready', otherDeviceId: 'OTHER', otherCanScan: true, otherCanShow: true });
    await tick();
    expect(flow.stage.kind).to.equal('choose');
    if (flow.stage.kind === 'choose') {
      expect(flow.stage.qr).to.equal(port.qr);
      expect(flow.stage.canScan).to.equal(true);
    }
    flow.showScanner();
    await flow.scanned(new Uint8ClampedArray([104, 116, 116, 112, 115, 58, 47, 47, 101, 120, 97, 109]));
    expect(flow.stage).to.deep.equal({ kind: 'scan', problem: 'not-verification-code', canShowQr: true });
    port.scanError = new Error('failed to fill whole buffer');
    await flow.scanned(fakeQrBytes());
    expect(flow.stage).to.deep.equal({ kind: 'scan', problem: 'wrong-code', canShowQr: true });
    port.scanError = undefined;
    await flow.scanned(fakeQrBytes());
    expect(flow.stage.kind).to.equal('scanned');
    port.verifier = true;
    port.update({ phase: 'started', chosenMethod: 'm.reciprocate.v1' });
    expect(flow.stage.kind).to.equal('scanned');
    port.update({ phase: 'done' });
    expect(flow.stage).to.deep.equal({ kind: 'checking' });
    await tick();
    expect(flow.stage).to.deep.equal({ kind: 'done', deviceId: 'OTHER' });
  });

  it('QR: the code is generated only once the choice has shown for a moment — not at all when emoji are picked first', async () => {
    const { port, flow } = await outgoing({}, 40);
    port.qr = fakeQrBytes();
    port.update({ phase: 'ready', otherDeviceId: 'OTHER', otherCanScan: true });
    expect(flow.stage).to.deep.include({ kind: 'choose', qr: undefined });
    await flow.startSas();
    await new Promise((r) => setTimeout(r, 60));
    expect(port.calls, 'the emoji path does no QR work').to.deep.equal(['startSas']);

    const other = await outgoing({}, 40);
    other.port.qr = fakeQrBytes();
    other.port.update({ phase: 'ready', otherDeviceId: 'OTHER', otherCanScan: true });
    await tick();
    expect(other.port.calls).to.deep.equal([]);
    await waitUntil(() => other.flow.stage.kind === 'choose' && other.flow.stage.qr !== undefined, 'the code joins the choice', { timeout: 1000 });
    expect(other.port.calls).to.deep.equal(['generateQrCode']);
  });

  it('QR displayer: the other device scanned, the person confirms it says verified', async () => {
    const { port, flow } = await outgoing({ phase: 'ready', otherCanScan: true });
    port.verifier = true;
    port.update({ phase: 'started', chosenMethod: 'm.reciprocate.v1' });
    expect(flow.stage.kind).to.equal('starting');
    port.showReciprocate();
    expect(flow.stage.kind).to.equal('reciprocate');
    flow.confirmReciprocate();
    expect(port.calls).to.include('qr.confirm');
    expect(flow.stage.kind).to.equal('confirmed');
  });

  it('no cross-signing identity is its own failure; other errors are classified', async () => {
    const { NoIdentityError } = await import('../sdk/verification.js');
    const a = new VerificationFlow({ role: 'other-session', request: async () => { throw new NoIdentityError(); }, ...manualTimers() });
    await a.start();
    expect(a.stage).to.deep.equal({ kind: 'failed', failure: { kind: 'no-identity' } });
    const b = new VerificationFlow({ role: 'other-session', request: async () => { throw Object.assign(new Error('x'), { httpStatus: 502 }); }, ...manualTimers() });
    await b.start();
    expect(b.stage.kind).to.equal('failed');
    if (b.stage.kind === 'failed') expect(b.stage.failure.kind).to.equal('server');
  });

  it('no other verified session is its own failure; a handed-over late request catches up', async () => {
    const { NoOtherSessionError } = await import('../sdk/verification.js');
    const a = new VerificationFlow({ role: 'this-session', request: async () => { throw new NoOtherSessionError(); }, ...manualTimers() });
    await a.start();
    expect(a.stage).to.deep.equal({ kind: 'failed', failure: { kind: 'no-other-session' } });
    const cancelled = new FakeVerificationPort({ initiatedByMe: false, phase: 'cancelled', cancellationCode: 'm.accepted' });
    expect(new VerificationFlow({ role: 'incoming', port: cancelled, ...manualTimers() }).stage).to.deep.include({ kind: 'cancelled', code: 'm.accepted' });
    const ours = new FakeVerificationPort({ initiatedByMe: true, otherDeviceId: 'X' });
    expect(new VerificationFlow({ role: 'incoming', port: ours, ...manualTimers() }).stage).to.deep.equal({ kind: 'waiting-accept', deviceId: 'X' });
  });

  it('dispose mid-flow cancels (via SAS when shown) and detaches', async () => {
    const { port, flow } = await outgoing({ phase: 'started', chosenMethod: 'm.sas.v1' });
    port.verifier = true;
    port.update({});
    port.showSas();
    flow.dispose();
    expect(port.calls).to.include('sas.cancel');
    expect(port.listenerCount).to.equal(0);
    const other = await outgoing();
    other.flow.dispose();
    await tick();
    expect(other.port.calls).to.include('cancel');
  });

  it('remembers the other device when the SDK forgets it at the end', async () => {
    const port = new FakeVerificationPort({ initiatedByMe: false, otherDeviceId: 'NEW' });
    const flow = new VerificationFlow({ role: 'incoming', port, ...manualTimers() });
    port.update({ phase: 'done', otherDeviceId: undefined });
    await tick();
    expect(flow.stage).to.deep.equal({ kind: 'done', deviceId: 'NEW' });
  });

  it('dispose after success sends nothing', async () => {
    const { port, flow } = await outgoing();
    port.update({ phase: 'done' });
    flow.dispose();
    expect(port.calls).to.not.include('cancel');
  });

  it('parses the SDK verifier rejection and recognises QR payloads', () => {
    expect(parseVerifierError(new Error('Verification cancelled by them with code m.key_mismatch: Keys mismatch'))).to.deep.equal({
      byUs: false, code: 'm.key_mismatch', reason: 'Keys mismatch',
    });
    expect(parseVerifierError(new Error('other'))).to.deep.equal({ code: undefined, byUs: undefined, reason: undefined });
    expect(isVerificationQr(fakeQrBytes())).to.equal(true);
    expect(isVerificationQr(new Uint8ClampedArray([1, 2, 3]))).to.equal(false);
  });
});
