// A legacy peer against the real Synapse: a session logged in by python3-matrix-nio (Debian's package, run by
// scripts/nio-peer.py inside the Synapse tree). nio never answers an m.key.verification.request (it has no
// request/ready/done) and only speaks the direct to-device m.key.verification.start.
//   - <xs-verify-login device-id=<nio session>> asks it; after the (here shortened) no-answer time it says that
//     session may be offline or its app may not support verification requests, and Cancel works (nio is told).
//   - nio starting a legacy SAS with our session directly: rust crypto surfaces no request for it, so the kit shows
//     nothing — no request card, no verification step, nothing claimed. (Documented in docs/verification.md.)
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { MatrixClient } from 'matrix-js-sdk';
import '../../src/define/xs-verification-requests.js';
import '../../src/define/xs-verify-login.js';
import type { XsVerificationRequests } from '../../src/components/verification-requests/verification-requests.js';
import type { XsVerifyLogin } from '../../src/components/verify-login/verify-login.js';
import { createTestClient, keyHolder, passwordAuth, stopAllClients, waitForOwnDevice } from '../support/clients.js';
import { homeserverUrl } from '../support/env.js';
import { registerUser } from '../support/homeserver.js';
import { waitFor } from '../support/wait.js';
import { events, press, root, stageIs, statusText } from '../support/verify-ui.js';

interface Peer {
  id: number;
  deviceId: string;
}

const nio = (payload: Record<string, unknown>) => executeServerCommand<{ id?: number; deviceId?: string; lines?: string[] }, Record<string, unknown>>('xs-nio-peer', payload);
const linesOf = async (peer: Peer) => (await nio({ action: 'lines', id: peer.id })).lines ?? [];

describe('a legacy peer (python3-matrix-nio) (Synapse)', () => {
  const peers: Peer[] = [];
  after(async () => {
    for (const p of peers) await nio({ action: 'stop', id: p.id }).catch(() => undefined);
    await stopAllClients();
  });

  let a: Awaited<ReturnType<typeof registerUser>>;
  let clientA: MatrixClient;
  before(async () => {
    a = await registerUser('legacy');
    clientA = await createTestClient(a, { cryptoCallbacks: keyHolder().callbacks });
    const cryptoA = clientA.getCrypto()!;
    await cryptoA.bootstrapCrossSigning({ authUploadDeviceSigningKeys: passwordAuth(a.userId, a.password) });
  });

  it('a request to the nio session gets no answer: "may be offline or not support verification requests", Cancel works', async () => {
    const started = await nio({ action: 'start', homeserverUrl: homeserverUrl(), userId: a.userId, password: a.password, mode: 'idle' });
    const peer = { id: started.id!, deviceId: started.deviceId! };
    peers.push(peer);
    await waitForOwnDevice(clientA, peer.deviceId);
    const el = await fixture<XsVerifyLogin>(html`<xs-verify-login .client=${clientA} device-id=${peer.deviceId} no-answer-timeout="1500"></xs-verify-login>`);
    const ev = events(el);
    await stageIs(el, 'Waiting for your other session');
    // It did get the request (so "no answer" is about the app, not the delivery).
    await waitFor('nio received the request', async () => (await linesOf(peer)).some((l) => l.startsWith('TODEVICE m.key.verification.request')));
    await waitFor('the no-answer hint', () => /may be offline, or its app may not support verification requests/.test(statusText(el)), { timeoutMs: 10_000 });
    expect(root(el).querySelector('h2')?.textContent).to.equal('Waiting for your other session');
    await expect(el).to.be.accessible();
    await press(el, 'Cancel');
    await stageIs(el, 'Verification cancelled');
    expect(statusText(el)).to.include('You cancelled the verification.');
    expect(ev.cancelled.map((e) => e.code)).to.deep.equal(['m.user']);
    expect(ev.verified).to.deep.equal([]);
    await waitFor('nio was told', async () => (await linesOf(peer)).some((l) => l.startsWith('TODEVICE m.key.verification.cancel')));
  });

  it('nio starting a legacy SAS directly: nothing is shown, nothing claimed', async () => {
    const requestsEl = await fixture<XsVerificationRequests>(html`<xs-verification-requests .client=${clientA}></xs-verification-requests>`);
    const surfaced: unknown[] = [];
    clientA.on('crypto.verificationRequestReceived' as never, ((r: unknown) => surfaced.push(r)) as never);
    let startArrived = false;
    clientA.on('receivedToDeviceMessage' as never, ((p: { message?: { type?: string } }) => {
      if (p.message?.type === 'm.key.verification.start') startArrived = true;
    }) as never);
    const started = await nio({ action: 'start', homeserverUrl: homeserverUrl(), userId: a.userId, password: a.password, mode: 'start', target: a.deviceId });
    peers.push({ id: started.id!, deviceId: started.deviceId! });
    await waitFor('our session received the legacy start', () => startArrived, { timeoutMs: 20_000 });
    // Let the element react to whatever the SDK made of it (it renders on its next update).
    await requestsEl.updateComplete;
    await new Promise((r) => requestAnimationFrame(() => r(null)));
    await requestsEl.updateComplete;
    expect(surfaced, 'no verification request surfaced by the SDK').to.deep.equal([]);
    expect(root(requestsEl).querySelectorAll('li[part=request]').length, 'no request card').to.equal(0);
    expect(requestsEl.shadowRoot!.textContent ?? '').to.not.match(/verified/i);
    // Our own session's trust is untouched by it.
    const nioTrust = await clientA.getCrypto()!.getDeviceVerificationStatus(a.userId, started.deviceId!);
    expect(nioTrust?.crossSigningVerified ?? false).to.equal(false);
    console.log(`[xs] nio legacy start: nio saw ${(await linesOf({ id: started.id!, deviceId: '' })).filter((l) => l.startsWith('TODEVICE')).join('; ') || 'no answer'}`);
  });
});
