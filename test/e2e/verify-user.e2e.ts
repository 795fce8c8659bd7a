// <xs-verify-user> against the real Synapse: two accounts (Alice and Bob, each with cross-signing), each side
// driven through its own element by keyboard; the answering side mounts <xs-verify-user .request> for the
// in-room request it receives. Emoji in both directions, QR scanned from the rendered pixels, a mismatch
// warning both sides, the spec's refusal of a device id equal to a cross-signing key, and <xs-status user-id>
// turning verified live.
import { expect, fixture, html } from '@open-wc/testing';
import type { MatrixClient } from 'matrix-js-sdk';
import type { VerificationRequest } from 'matrix-js-sdk/lib/crypto-api/index.js';
import '../../src/define/xs-verify-user.js';
import '../../src/define/xs-status.js';
import type { XsVerifyUser } from '../../src/components/verify-user/verify-user.js';
import { createEncryptedDm } from '../../src/sdk/user-verification.js';
import { onVerificationRequest } from '../../src/sdk/verification.js';
import { createTestClient, passwordAuth, stopAllClients } from '../support/clients.js';
import { registerUser, type Session } from '../support/homeserver.js';
import { waitFor } from '../support/wait.js';
import { alertText, emojiNames, events, press, root, stageIs } from '../support/verify-ui.js';

interface Person {
  session: Session;
  client: MatrixClient;
}

/** A fresh account with cross-signing set up on its (only) session. */
async function person(prefix: string): Promise<Person> {
  const session = await registerUser(prefix);
  const client = await createTestClient(session);
  await client.getCrypto()!.bootstrapCrossSigning({ authUploadDeviceSigningKeys: passwordAuth(session.userId, session.password) });
  await client.setDisplayName(`${prefix[0].toUpperCase()}${prefix.slice(1)}`);
  return { session, client };
}

/** An encrypted DM created by `from` (recorded in its m.direct) and joined by `to`. */
async function sharedDm(from: Person, to: Person): Promise<string> {
  const roomId = await createEncryptedDm(from.client, to.session.userId);
  await waitFor('invite arrives', () => to.client.getRoom(roomId));
  await to.client.joinRoom(roomId);
  await waitFor('both see the join', () => from.client.getRoom(roomId)?.getMember(to.session.userId)?.membership === 'join');
  return roomId;
}

/** Mounts `<xs-verify-user .request>` for the next in-room request `client` receives. */
function answerNext(client: MatrixClient): Promise<{ el: XsVerifyUser; request: VerificationRequest }> {
  return new Promise((resolve, reject) => {
    const off = onVerificationRequest(client, (request) => {
      if (request.isSelfVerification) return;
      off();
      fixture<XsVerifyUser>(html`<xs-verify-user id="answer" .client=${client} .request=${request}></xs-verify-user>`)
        .then((el) => resolve({ el, request }), reject);
    });
  });
}

async function verifiedIn(client: MatrixClient, userId: string) {
  return (await client.getCrypto()!.getUserVerificationStatus(userId)).isCrossSigningVerified();
}

/** `from` asks `to` through the elements; `to` accepts; both reach the emoji. */
async function toEmoji(from: Person, to: Person) {
  const answering = answerNext(to.client);
  const asker = await fixture<XsVerifyUser>(html`<xs-verify-user id="asker" .client=${from.client} user-id=${to.session.userId}></xs-verify-user>`);
  await stageIs(asker, 'Verify this person');
  expect(root(asker).querySelector('[part=who]')!.textContent).to.contain(to.session.userId);
  await expect(asker).to.be.accessible();
  await press(asker, 'Start verification');
  await stageIs(asker, 'Waiting for them to accept');
  await expect(asker).to.be.accessible();
  const { el: answerer } = await answering;
  await stageIs(answerer, 'Verification request');
  expect(root(answerer).querySelector('[part=who]')!.textContent).to.contain(from.session.userId);
  await expect(answerer).to.be.accessible();
  await press(answerer, 'Accept');
  await stageIs(answerer, 'Choose how to verify');
  await stageIs(asker, 'Choose how to verify');
  await expect(asker).to.be.accessible();
  await press(asker, 'Compare emoji');
  await stageIs(asker, 'Compare the emoji');
  await stageIs(answerer, 'Compare the emoji');
  await expect(asker).to.be.accessible();
  expect(emojiNames(asker)).to.have.length(7);
  expect(emojiNames(asker)).to.deep.equal(emojiNames(answerer));
  return { asker, answerer };
}

describe('<xs-verify-user> with Synapse', () => {
  afterEach(stopAllClients);

  it('Alice verifies Bob by emoji in their existing DM; <xs-status user-id> turns verified live (keyboard only)', async () => {
    const alice = await person('alice');
    const bob = await person('bob');
    const roomId = await sharedDm(alice, bob);
    const status = await fixture<HTMLElement>(html`<xs-status .client=${alice.client} user-id=${bob.session.userId}></xs-status>`);
    await waitFor('status: not verified', () => status.shadowRoot!.textContent.includes('Not verified.'));
    const { asker, answerer } = await toEmoji(alice, bob);
    const ev = events(asker);
    await press(answerer, 'They match');
    await press(asker, 'They match');
    await stageIs(asker, 'Verified');
    await stageIs(answerer, 'Verified');
    await expect(asker).to.be.accessible();
    await expect(answerer).to.be.accessible();
    expect(ev.verified.map((e) => [e.userId, e.deviceId])).to.deep.equal([[bob.session.userId, '']]);
    expect(await verifiedIn(alice.client, bob.session.userId)).to.equal(true);
    expect(await verifiedIn(bob.client, alice.session.userId), 'SAS is mutual').to.equal(true);
    await waitFor('status: verified', () => status.shadowRoot!.textContent.includes('Verified. Their sessions are trusted.'), { timeoutMs: 10_000 });
    // The request went to the existing DM: no second room.
    expect(alice.client.getRooms().map((r) => r.roomId)).to.deep.equal([roomId]);
  });

  it('Bob verifies Alice by emoji (the other direction) with no DM yet: one is created, encrypted and recorded in m.direct', async () => {
    const alice = await person('alice');
    const bob = await person('bob');
    // Alice's app accepts the chat invite (a host's job, not the kit's).
    const joined = new Promise<void>((resolve) => {
      alice.client.on('Room.myMembership' as never, ((room: { roomId: string }, membership: string) => {
        if (membership === 'invite') void alice.client.joinRoom(room.roomId).then(() => resolve());
      }) as never);
    });
    const { asker, answerer } = await toEmoji(bob, alice);
    await joined;
    await press(asker, 'They match');
    await press(answerer, 'They match');
    await stageIs(asker, 'Verified');
    await stageIs(answerer, 'Verified');
    const direct = bob.client.getAccountData('m.direct' as never)!.getContent<Record<string, string[]>>();
    const dm = direct[alice.session.userId];
    expect(dm).to.have.length(1);
    expect(await bob.client.getCrypto()!.isEncryptionEnabledInRoom(dm[0])).to.equal(true);
    expect(await verifiedIn(bob.client, alice.session.userId)).to.equal(true);
  });

  it('QR: Bob shows his code, Alice scans it from the rendered pixels; Bob confirms; both verified', async () => {
    const alice = await person('alice');
    const bob = await person('bob');
    await sharedDm(alice, bob);
    const answering = answerNext(bob.client);
    const asker = await fixture<XsVerifyUser>(html`<xs-verify-user .client=${alice.client} user-id=${bob.session.userId}></xs-verify-user>`);
    await press(asker, 'Start verification');
    const { el: answerer } = await answering;
    await press(answerer, 'Accept');
    await stageIs(answerer, 'Choose how to verify');
    const img = await waitFor('QR image on Bob’s side', () => root(answerer).querySelector<HTMLImageElement>('img[part=qr-code]'));
    await img.decode();
    await expect(answerer).to.be.accessible();
    await stageIs(asker, 'Choose how to verify');
    await press(asker, 'Scan their code');
    await stageIs(asker, 'Scan their code');
    // The rendered pixels of Bob's <img>, drawn onto a canvas and handed over as a photo.
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth + 40;
    canvas.height = img.naturalHeight + 40;
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 20, 20);
    const photo = await new Promise<Blob>((r) => canvas.toBlob((b) => r(b!), 'image/png'));
    const input = root(asker).querySelector<HTMLInputElement>('input[type=file]')!;
    const dt = new DataTransfer();
    dt.items.add(new File([photo], 'photo.png', { type: 'image/png' }));
    input.files = dt.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await stageIs(answerer, 'They scanned your code');
    await stageIs(asker, 'Code scanned');
    await expect(answerer).to.be.accessible();
    await press(answerer, 'Yes, it says the code is correct');
    await stageIs(asker, 'Verified');
    await stageIs(answerer, 'Verified');
    expect(await verifiedIn(alice.client, bob.session.userId)).to.equal(true);
  });

  it('the emoji differ: both sides show the security warning with m.mismatched_sas; nobody is verified', async () => {
    const alice = await person('alice');
    const bob = await person('bob');
    await sharedDm(alice, bob);
    const { asker, answerer } = await toEmoji(alice, bob);
    const askEv = events(asker);
    const ansEv = events(answerer);
    await press(answerer, 'They don’t match');
    await stageIs(answerer, 'Verification failed — possible security problem');
    await stageIs(asker, 'Verification failed — possible security problem');
    await expect(asker).to.be.accessible();
    expect(alertText(asker)).to.contain('They said the emoji don’t match');
    expect(ansEv.cancelled.map((e) => [e.code, e.byUs])).to.deep.equal([['m.mismatched_sas', true]]);
    expect(askEv.cancelled.map((e) => [e.code, e.byUs])).to.deep.equal([['m.mismatched_sas', false]]);
    expect(await verifiedIn(alice.client, bob.session.userId)).to.equal(false);
  });

  it('refuses, with a security warning, a person whose server lists a device with the id of their master key', async () => {
    // Synapse itself refuses such a device id ("The device ID is in use"), so the server's answer is forged
    // on Alice's side: her /keys/query responses gain a device of Bob named after his master public key.
    // eslint-disable-next-line prefer-const -- wrapFetch reads it from the first request on, before it is set
    let forge: string | undefined;
    const wrapFetch = (inner: typeof fetch): typeof fetch => async (input, init) => {
      const res = await inner(input, init);
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      if (!forge || !url.includes('/keys/query') || !res.ok) return res;
      const body = (await res.json()) as {
        device_keys?: Record<string, Record<string, object>>;
        master_keys?: Record<string, { keys: Record<string, string> }>;
      };
      const devices = body.device_keys?.[forge];
      const master = Object.values(body.master_keys?.[forge]?.keys ?? {})[0] as string | undefined;
      if (devices && master) devices[master] = { ...Object.values(devices)[0], device_id: master };
      return new Response(JSON.stringify(body), { status: res.status, headers: res.headers });
    };
    const aliceS = await registerUser('alice');
    const alice: Person = { session: aliceS, client: await createTestClient(aliceS, { wrapFetch }) };
    await alice.client.getCrypto()!.bootstrapCrossSigning({ authUploadDeviceSigningKeys: passwordAuth(aliceS.userId, aliceS.password) });
    const bob = await person('bob');
    await sharedDm(alice, bob);
    forge = bob.session.userId;
    const el = await fixture<XsVerifyUser>(html`<xs-verify-user .client=${alice.client} user-id=${bob.session.userId}></xs-verify-user>`);
    const ev = events(el);
    await press(el, 'Start verification');
    await stageIs(el, 'This person can’t be verified safely');
    expect(root(el).querySelector('[role=alert].warning')!.textContent).to.contain('equals one of their security keys');
    await expect(el).to.be.accessible();
    expect([...root(el).querySelectorAll('button')], 'no way to go on').to.have.length(0);
    expect(ev.verified).to.have.length(0);
    // Nothing was sent to Bob.
    expect(alice.client.getCrypto()!.findVerificationRequestDMInProgress([...alice.client.getRooms()][0].roomId, bob.session.userId)).to.equal(undefined);
  });
});
