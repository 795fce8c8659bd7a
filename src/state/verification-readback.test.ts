// VerificationFlow: "done" only once the signatures are read back from the server (src/state/verification-readback.ts).
import { expect, waitUntil } from '@open-wc/testing';
import { VerificationFlow } from './verification.js';
import { FakeVerificationPort } from '../../test/support/fake-verification.js';
import { tick, manualTimers, outgoing } from '../../test/support/verification-flow.js';

describe('VerificationFlow: read-back before done', () => {
  it('done is only claimed once the signatures are read back; without them it ends as unsigned', async () => {
    let now = 0;
    const timers = manualTimers();
    const port = new FakeVerificationPort({ phase: 'started', chosenMethod: 'm.sas.v1', otherDeviceId: 'OTHER' });
    port.trusted = false;
    const flow = new VerificationFlow({ role: 'other-session', request: async () => port, now: () => now, confirmTimeoutMs: 10_000, ...timers });
    await flow.start();
    port.update({ phase: 'done' });
    expect(flow.stage).to.deep.equal({ kind: 'checking' });
    await tick();
    expect(flow.stage.kind, 'not yet: keeps looking').to.equal('checking');
    expect(port.calls).to.include('checkTrust:true');
    now = 5_000;
    port.trustChanged();
    await tick();
    expect(flow.stage.kind).to.equal('checking');
    now = 10_000;
    timers.fire();
    await tick();
    expect(flow.stage).to.deep.equal({ kind: 'unsigned', deviceId: 'OTHER' });
    expect(port.listenerCount).to.equal(0);
    expect(port.calls, 'a finished verification is not cancelled').to.not.include('cancel');
    // The signatures arriving late (after the deadline) don't turn it into a claim afterwards.
    port.trustChanged({ trusted: true });
    await tick();
    expect(flow.stage.kind).to.equal('unsigned');
  });

  it('signatures that arrive while checking turn it into done (on the trust-change event, not only the poll)', async () => {
    const { port, flow } = await outgoing({ otherDeviceId: 'OTHER' });
    port.trusted = false;
    port.update({ phase: 'done' });
    await tick();
    expect(flow.stage.kind).to.equal('checking');
    port.trustChanged({ trusted: true });
    await tick();
    expect(flow.stage).to.deep.equal({ kind: 'done', deviceId: 'OTHER' });
    expect(port.calls).to.include('checkTrust:false');
  });

  it('a trust change during a running server read is not dropped: the store is read again right after it', async () => {
    const { port, flow, timers } = await outgoing({ otherDeviceId: 'OTHER' });
    const reads: boolean[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    port.trusted = false;
    port.checkTrust = async (refresh: boolean) => {
      reads.push(refresh);
      const answer = port.trusted; // what the store held when the read began
      if (refresh) await gate;
      return answer;
    };
    port.update({ phase: 'done' });
    expect(reads).to.deep.equal([true]);
    port.trustChanged({ trusted: true }); // the signature lands while the server read is still out
    release();
    await waitUntil(() => flow.stage.kind !== 'checking', 'settled without a poll', { timeout: 1000 });
    expect(flow.stage).to.deep.equal({ kind: 'done', deviceId: 'OTHER' });
    expect(reads).to.deep.equal([true, false]);
    expect(timers.count, 'the poll is stopped').to.equal(0);
  });

  it('a read-back that never answers still ends at the deadline (unsigned), on the poll', async () => {
    let now = 0;
    const timers = manualTimers();
    const port = new FakeVerificationPort({ phase: 'started', chosenMethod: 'm.sas.v1', otherDeviceId: 'OTHER' });
    port.checkTrust = () => new Promise<boolean>(() => undefined); // e.g. a /keys/query the network never answers
    const flow = new VerificationFlow({ role: 'other-session', request: async () => port, now: () => now, confirmTimeoutMs: 10_000, ...timers });
    await flow.start();
    port.update({ phase: 'done' });
    timers.fire();
    await tick();
    expect(flow.stage.kind).to.equal('checking');
    now = 10_000;
    timers.fire();
    await tick();
    expect(flow.stage).to.deep.equal({ kind: 'unsigned', deviceId: 'OTHER' });
  });
});
