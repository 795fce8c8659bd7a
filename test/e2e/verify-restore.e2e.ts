// After an emoji verification through the elements, the new session waits for the keys from the other
// session, restores the history from the key backup (progress, then "N keys restored") and decrypts a
// message sent before it existed. An <xs-status> on the new session's client, recorded all along, never says
// "not verified" or "out of sync" once the verification completed, and turns ready. Against the real Synapse.
import { expect, fixture, html } from '@open-wc/testing';
import { MatrixEvent } from 'matrix-js-sdk';
import '../../src/define/xs-status.js';
import '../../src/define/xs-verify-login.js';
import type { XsStatus } from '../../src/components/status/status.js';
import type { XsVerifyLogin } from '../../src/components/verify-login/verify-login.js';
import { createSecretStorageCallbacks } from '../../src/sdk/secret-storage-keys.js';
import { createTestClient, stopAllClients, waitForOwnDevice } from '../support/clients.js';
import { loginDevice } from '../support/homeserver.js';
import { waitFor } from '../support/wait.js';
import { accountWithHistory, answerNextRequest, press, root, stageIs } from '../support/verify-ui.js';

describe('<xs-verify-login>: history after verification (Synapse)', () => {
  afterEach(stopAllClients);

  it('after an emoji verification the new session restores the backup and reads a message sent before it existed', async () => {
    // A slow other session: once armed, A's encrypted to-device messages (the secrets it sends after the
    // verification; the verification messages themselves go out in the clear) leave 1.5 s late, so B is verified
    // well before its keys arrive — the moment <xs-status> must not call "out of sync".
    let slowSecrets = false;
    const wrapFetch = (inner: typeof fetch): typeof fetch => async (input, init) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      if (slowSecrets && url.includes('/sendToDevice/m.room.encrypted/')) await new Promise((r) => setTimeout(r, 1500));
      return inner(input, init);
    };
    const { a, clientA, roomId, eventId, body: text } = await accountWithHistory('restore', { wrapFetch });

    const b = await loginDevice(a, 'Device B');
    const clientB = await createTestClient(b, { cryptoCallbacks: createSecretStorageCallbacks() });
    await waitFor('B sees the identity', () => clientB.getCrypto()!.userHasCrossSigningKeys(undefined, true));
    await waitForOwnDevice(clientA, b.deviceId);
    await waitForOwnDevice(clientB, a.deviceId);
    const eventOnB = await waitFor('B has the old event', async () => {
      const ev = await clientB.fetchRoomEvent(roomId, eventId).catch(() => undefined);
      return ev;
    });
    expect(eventOnB.type).to.equal('m.room.encrypted');
    const decryptOnB = async () => {
      const ev = new MatrixEvent(eventOnB);
      await clientB.decryptEventIfNeeded(ev);
      return ev.isDecryptionFailure() ? undefined : (ev.getContent().body as string | undefined);
    };
    expect(await decryptOnB(), 'B cannot read it yet').to.equal(undefined);

    // Every state <xs-status> renders on B, in order, and when (MutationObserver on its `state` attribute).
    const status = await fixture<XsStatus>(html`<xs-status .client=${clientB}></xs-status>`);
    const rendered: { state: string; at: number }[] = [];
    const record = () => {
      const st = status.getAttribute('state') ?? '';
      if (rendered[rendered.length - 1]?.state !== st) rendered.push({ state: st, at: performance.now() });
    };
    record();
    new MutationObserver(record).observe(status, { attributes: true, attributeFilter: ['state'] });
    await waitFor('status: not verified yet', () => status.getAttribute('state') === 'unverified');
    const newSide = await fixture<XsVerifyLogin>(html`<xs-verify-login .client=${clientB}></xs-verify-login>`);
    let verifiedAt = Infinity;
    newSide.addEventListener('xs-verified', () => (verifiedAt = performance.now()));
    const answering = answerNextRequest(clientA);
    slowSecrets = true;
    await press(newSide, 'Verify with another session');
    const { el: oldSide } = await answering;
    await press(oldSide, 'Accept');
    await stageIs(newSide, 'Choose how to verify');
    await press(newSide, 'Compare emoji');
    await stageIs(newSide, 'Compare the emoji');
    await stageIs(oldSide, 'Compare the emoji');
    await press(oldSide, 'They match');
    await press(newSide, 'They match');
    await stageIs(newSide, 'Verified');
    await waitFor(`status ready (seen: ${rendered.map((r) => r.state).join(' → ')})`, () => status.getAttribute('state') === 'ready', { timeoutMs: 20_000 });
    const after = rendered.filter((r) => r.at >= verifiedAt).map((r) => r.state);
    const seen = rendered.map((r) => r.state).join(' → ');
    expect(after, `states after the verification completed: ${seen}`).to.not.include.members(['unverified']);
    expect(rendered.map((r) => r.state), `never "out of sync": ${seen}`).to.not.include('keys-missing');
    expect(after[after.length - 1]).to.equal('ready');
    expect(rendered.map((r) => r.state), `the keys were awaited, not skipped: ${seen}`).to.include('receiving-keys');
    await expect(status).to.be.accessible();
    const restore = () => root(newSide).querySelector('[part=restore]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
    await waitFor(`history restored (now "${restore()}")`, () => /\b1 key restored/.test(restore()), { timeoutMs: 40_000 });
    await expect(newSide).to.be.accessible();
    expect(await waitFor('B reads the old message', decryptOnB, { timeoutMs: 10_000 })).to.equal(text);
  });
});
