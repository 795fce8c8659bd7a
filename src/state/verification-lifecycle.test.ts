// VerificationFlow while a request is open (src/state/verification-lifecycle.ts): no answer, the peer signed out, a
// cancel without a code, a person who cannot be verified, both sides starting at once.
import { expect, waitUntil } from '@open-wc/testing';
import { VerificationFlow } from './verification.js';
import { FakeVerificationPort, fakeQrBytes } from '../../test/support/fake-verification.js';
import { tick, manualTimers, outgoing } from '../../test/support/verification-flow.js';

describe('VerificationFlow: while the request is open', () => {
  it('no answer for a while: the waiting step says so once, and Cancel still works', async () => {
    let now = 0;
    const timers = manualTimers();
    const port = new FakeVerificationPort();
    const flow = new VerificationFlow({ role: 'other-session', request: async () => port, now: () => now, noAnswerMs: 30_000, ...timers });
    await flow.start();
    now = 29_000;
    timers.fire();
    expect(flow.stage).to.deep.equal({ kind: 'waiting-accept', deviceId: undefined });
    now = 30_000;
    timers.fire();
    expect(flow.stage).to.deep.equal({ kind: 'waiting-accept', deviceId: undefined, slow: true });
    let changes = 0;
    flow.addEventListener('change', () => changes++);
    now = 40_000;
    timers.fire();
    expect(changes).to.equal(0);
    await flow.cancel();
    expect(flow.stage).to.deep.include({ kind: 'cancelled', code: 'm.user', byUs: true });
    expect(port.calls).to.include('cancel');
  });

  it('the other session signed out mid-flow: named as the cause, the request cancelled', async () => {
    const { port, flow } = await outgoing({ phase: 'ready', otherDeviceId: 'OTHER' });
    await tick();
    expect(flow.stage.kind).to.equal('choose');
    port.trustChanged();
    await tick();
    expect(flow.stage.kind, 'still there: nothing happens').to.equal('choose');
    port.trustChanged({ deviceExists: false }, false);
    await tick();
    expect(flow.stage.kind, 'only a change of our own device list is looked into').to.equal('choose');
    port.trustChanged({ deviceExists: false });
    await tick();
    expect(flow.stage).to.deep.equal({ kind: 'cancelled', code: 'xs.session_signed_out', byUs: false, reason: undefined });
    expect(port.calls).to.include('cancel');
    expect(port.listenerCount).to.equal(0);
  });

  it('user role starts on the start step; a missing identity and a key collision are their own failures', async () => {
    const { NoUserIdentityError, KeyCollisionError } = await import('../sdk/user-verification.js');
    const a = new VerificationFlow({ role: 'user', request: async () => { throw new NoUserIdentityError('@bob:x'); }, ...manualTimers() });
    expect(a.stage).to.deep.equal({ kind: 'start' });
    await a.start();
    expect(a.stage).to.deep.equal({ kind: 'failed', failure: { kind: 'no-user-identity' } });
    const b = new VerificationFlow({ role: 'user', request: async () => { throw new KeyCollisionError('@bob:x'); }, ...manualTimers() });
    await b.start();
    expect(b.stage).to.deep.equal({ kind: 'failed', failure: { kind: 'key-collision' } });
  });

  it('cancelled without a code on the request (a QR mismatch rust records on the verifier only): the verifier’s code is used', async () => {
    const { port, flow } = await outgoing({ phase: 'ready', otherDeviceId: 'OTHER', otherCanScan: true });
    port.qr = fakeQrBytes();
    await tick();
    expect(flow.stage.kind).to.equal('choose');
    port.end = { code: 'm.key_mismatch', byUs: true, reason: 'Secret mismatch' };
    port.update({ phase: 'cancelled', cancellationCode: null });
    await tick();
    expect(flow.stage).to.deep.equal({ kind: 'cancelled', code: 'm.key_mismatch', byUs: true, reason: 'Secret mismatch' });
    const other = await outgoing({ phase: 'ready', otherDeviceId: 'X' });
    other.port.update({ phase: 'cancelled', cancellationCode: null });
    await tick();
    expect(other.flow.stage, 'nothing recorded anywhere: a plain cancel').to.deep.include({ kind: 'cancelled', code: 'm.user', byUs: false });
  });

  describe('both sides starting at once', () => {
    function incomingHub() {
      let listener: ((p: FakeVerificationPort) => void) | undefined;
      return {
        watchIncoming: (l: (p: FakeVerificationPort) => void) => ((listener = l), () => (listener = undefined)),
        arrive: (p: FakeVerificationPort) => listener?.(p),
        get listening() { return listener !== undefined; },
      };
    }

    it('this-session role: its request cancelled (m.user) as the other session’s request arrives → it sends again', async () => {
      const hub = incomingHub();
      const ports = [new FakeVerificationPort(), new FakeVerificationPort()];
      let sent = 0;
      const flow = new VerificationFlow({
        role: 'this-session', request: async () => ports[sent++]!, ...manualTimers(),
        watchIncoming: hub.watchIncoming as never, peer: { userId: '@me:localhost' },
      });
      await flow.start();
      hub.arrive(new FakeVerificationPort({ initiatedByMe: false, phase: 'cancelled', cancellationCode: 'm.user' }));
      ports[0]!.update({ phase: 'cancelled', cancellationCode: 'm.user' });
      await waitUntil(() => sent === 2, 'sent again');
      await tick();
      expect(flow.stage.kind).to.equal('waiting-accept');
      flow.dispose();
      expect(hub.listening).to.equal(false);
    });

    it('other-session role with the larger device id: waits for the other side’s new request and accepts it', async () => {
      const hub = incomingHub();
      const port = new FakeVerificationPort({ otherDeviceId: 'AAAA' });
      const flow = new VerificationFlow({
        role: 'other-session', request: async () => port, ...manualTimers(),
        watchIncoming: hub.watchIncoming as never, peer: { userId: '@me:localhost', deviceId: 'AAAA' },
      });
      await flow.start();
      port.update({ phase: 'cancelled', cancellationCode: 'm.user' });
      hub.arrive(new FakeVerificationPort({ initiatedByMe: false, phase: 'cancelled', cancellationCode: 'm.user' }));
      await waitUntil(() => flow.stage.kind === 'waiting-accept', 'waiting for their new request');
      const theirs = new FakeVerificationPort({ initiatedByMe: false, otherDeviceId: 'AAAA' });
      hub.arrive(theirs);
      await waitUntil(() => theirs.calls.includes('accept'), 'adopted');
      expect(flow.stage.kind).to.equal('accepting');
      theirs.update({ phase: 'ready' });
      await tick();
      expect(flow.stage.kind).to.equal('choose');
    });

    it('a plain decline (no request from the other side) is shown as such after a short look', async () => {
      const hub = incomingHub();
      const port = new FakeVerificationPort({ otherDeviceId: 'AAAA' });
      const flow = new VerificationFlow({
        role: 'other-session', request: async () => port, ...manualTimers(),
        watchIncoming: hub.watchIncoming as never, peer: { userId: '@me:localhost', deviceId: 'AAAA' },
      });
      await flow.start();
      port.update({ phase: 'cancelled', cancellationCode: 'm.user' });
      await waitUntil(() => flow.stage.kind === 'cancelled', 'cancelled', { timeout: 3000 });
      expect(flow.stage).to.deep.equal({ kind: 'cancelled', code: 'm.user', byUs: false, reason: undefined });
    });
  });
});
