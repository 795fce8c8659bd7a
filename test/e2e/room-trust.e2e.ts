// <xs-room-trust> against the real Synapse, through the element's own UI (keyboard only), with three real
// users in one encrypted room: Bob resets his identity → the banner appears live in Alice's and Carol's views
// and Alice's compact badge follows; Alice acknowledges (pins) it; Carol verifies Bob through the inline
// <xs-verify-user> with Bob answering in his own <xs-verify-user>; Bob's new unsigned session is listed on
// demand and the badge follows; in strict device isolation it is named as not receiving keys. Removal leaves no
// listener on the client.
//
// Fault matrix — the requests the room view depends on, and what each test does to them. Pin and withdraw make
// no request (rust crypto's store); their failures are unit-tested (src/components/room-trust/room-trust.test.ts).
//
// | request                                          | sent by                                  | fault                                   | expected, through the UI                                             | test            |
// |--------------------------------------------------|------------------------------------------|-----------------------------------------|----------------------------------------------------------------------|-----------------|
// | GET /rooms/{id}/members (lazy-loaded members)    | the element (room.loadMembersIfNeeded)   | fail: 503                               | "could not be checked" + the reason, Check again; never "verified"    | faults: members |
// |                                                  |                                          | lost (applied, response dropped)        | same; Check again asks again                                          | faults: members |
// |                                                  |                                          | 429, Retry-After garbage                | "could not be checked", rate-limited reason; Check again              | faults: members |
// |                                                  |                                          | slow (1.5 s)                            | "Checking…" meanwhile, then the real state                            | faults: members |
// | POST /keys/query (after a member's device change) | the SDK's crypto (retries by itself)    | fail: 503                               | the change shows once the SDK's retry succeeds; nothing claimed before | faults: keys    |
// |                                                  |                                          | fail: network down                      | same                                                                  | faults: keys    |
// |                                                  |                                          | lost                                    | same                                                                  | faults: keys    |
// |                                                  |                                          | 429, retry_after_ms 1 s                 | same, after the wait                                                  | faults: keys    |
// |                                                  |                                          | slow (1.5 s)                            | same, later                                                           | faults: keys    |
// | PUT pin / withdraw                               | — (no request: local crypto store)       | store call rejects                      | alert with the reason, warning stays (unit test)                      | unit            |
//
// The 429 with a day-long Retry-After on /keys/query is not run: the SDK's own retry honours it and keeps the
// old device list for that long; the view then shows the last known state (it cannot shorten the SDK's wait).
import { expect, fixture, html } from '@open-wc/testing';
import type { MatrixClient } from 'matrix-js-sdk';
import type { VerificationRequest } from 'matrix-js-sdk/lib/crypto-api/index.js';
import '../../src/define/xs-room-trust.js';
import '../../src/define/xs-verify-user.js';
import type { XsRoomTrust } from '../../src/components/room-trust/room-trust.js';
import type { XsVerifyUser } from '../../src/components/verify-user/verify-user.js';
import { applyDeviceIsolation } from '../../src/sdk/status.js';
import { createEncryptedDm } from '../../src/sdk/user-verification.js';
import { onVerificationRequest } from '../../src/sdk/verification.js';
import { createTestClient, passwordAuth, stopAllClients, type ClientOptions } from '../support/clients.js';
import { faultOnce, type FaultPlan } from '../support/faults.js';
import { loginDevice, registerUser, type Session } from '../support/homeserver.js';
import { press, root, stageIs } from '../support/verify-ui.js';
import { waitFor } from '../support/wait.js';

interface Person {
  session: Session;
  client: MatrixClient;
}

async function person(prefix: string, opts: ClientOptions = {}): Promise<Person> {
  const session = await registerUser(prefix);
  const client = await createTestClient(session, opts);
  await client.getCrypto()!.bootstrapCrossSigning({ authUploadDeviceSigningKeys: passwordAuth(session.userId, session.password) });
  await client.setDisplayName(`${prefix[0].toUpperCase()}${prefix.slice(1)}`);
  return { session, client };
}

/** An encrypted room `owner` creates with `others` invited and joined. */
async function encryptedRoom(owner: Person, others: Person[]): Promise<string> {
  const { room_id: roomId } = await owner.client.createRoom({
    invite: others.map((p) => p.session.userId),
    initial_state: [{ type: 'm.room.encryption', state_key: '', content: { algorithm: 'm.megolm.v1.aes-sha2' } }],
  });
  await Promise.all(
    others.map(async (p) => {
      await waitFor('invite arrives', () => p.client.getRoom(roomId));
      await p.client.joinRoom(roomId);
    }),
  );
  await waitFor('everyone joined', () => others.every((p) => owner.client.getRoom(roomId)?.getMember(p.session.userId)?.membership === 'join'));
  return roomId;
}

async function dm(from: Person, to: Person): Promise<void> {
  const roomId = await createEncryptedDm(from.client, to.session.userId);
  await waitFor('DM invite arrives', () => to.client.getRoom(roomId));
  await to.client.joinRoom(roomId);
  await waitFor('DM joined', () => from.client.getRoom(roomId)?.getMember(to.session.userId)?.membership === 'join');
}

/** Bob's side: mounts <xs-verify-user .request> for the next request from another person. */
function answerNext(client: MatrixClient): Promise<XsVerifyUser> {
  return new Promise((resolve, reject) => {
    const off = onVerificationRequest(client, (request: VerificationRequest) => {
      if (request.isSelfVerification) return;
      off();
      fixture<XsVerifyUser>(html`<xs-verify-user id="bob-answers" .client=${client} .request=${request}></xs-verify-user>`).then(resolve, reject);
    });
  });
}

const badgeText = (el: XsRoomTrust) => root(el).querySelector('[part=badge]')?.textContent?.trim() ?? '';
const changeOf = (el: XsRoomTrust, userId: string) => root(el).querySelector<HTMLElement>(`[part=change][data-user="${userId}"]`);
const summary = (el: XsRoomTrust) => root(el).querySelector('[part=status]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

const WATCHED = ['userTrustStatusChanged', 'crypto.devicesUpdated', 'RoomState.members', 'RoomState.newMember', 'RoomMember.name', 'Room', 'RoomState.events'];
const listenerCounts = (c: MatrixClient) => WATCHED.map((e) => c.listenerCount(e as never));

describe('<xs-room-trust> with Synapse', () => {
  afterEach(stopAllClients);

  it('three users: a reset shows live, Acknowledge clears it, Verify turns it verified, a new unsigned session is listed; the badge follows', async () => {
    const [alice, bob, carol] = await Promise.all([person('alice'), person('bob'), person('carol')]);
    const roomId = await encryptedRoom(alice, [bob, carol]);
    await dm(carol, bob);
    const before = listenerCounts(alice.client);
    const aliceEl = await fixture<XsRoomTrust>(html`<xs-room-trust id="alice" .client=${alice.client} room-id=${roomId}></xs-room-trust>`);
    const badge = await fixture<XsRoomTrust>(html`<xs-room-trust id="alice-badge" compact .client=${alice.client} room-id=${roomId}></xs-room-trust>`);
    const carolEl = await fixture<XsRoomTrust>(html`<xs-room-trust id="carol" .client=${carol.client} room-id=${roomId}></xs-room-trust>`);
    await waitFor('Alice: no warnings', () => aliceEl.badge === 'not-verified' && summary(aliceEl).includes('No warnings'));
    expect(badgeText(badge)).to.equal('Encrypted');
    await expect(aliceEl).to.be.accessible();
    await expect(badge).to.be.accessible();

    // Bob resets his identity (from his own client, as another app would).
    const bobCrypto = bob.client.getCrypto()!;
    await bobCrypto.userHasCrossSigningKeys(undefined, true);
    await bobCrypto.bootstrapCrossSigning({ setupNewCrossSigning: true, authUploadDeviceSigningKeys: passwordAuth(bob.session.userId, bob.session.password) });
    const bobId = bob.session.userId;
    for (const el of [aliceEl, carolEl]) {
      await waitFor(`banner for Bob on ${el.id}`, () => changeOf(el, bobId)?.querySelector('[role=alert]')?.textContent?.includes('identity was reset. Check with'));
    }
    expect(changeOf(aliceEl, bobId)!.textContent).to.contain('Bob');
    expect(changeOf(aliceEl, bobId)!.textContent).to.contain(bobId);
    await waitFor('compact badge follows', () => badgeText(badge) === 'Identity changed');
    await expect(aliceEl).to.be.accessible();
    await expect(badge).to.be.accessible();

    // Alice acknowledges, keyboard only.
    await press(aliceEl, 'Acknowledge');
    await waitFor('banner gone', () => !changeOf(aliceEl, bobId));
    expect(summary(aliceEl)).to.contain('Acknowledged');
    expect((await alice.client.getCrypto()!.getUserVerificationStatus(bobId)).needsUserApproval, 'pinned on Alice’s side').to.equal(false);
    await waitFor('badge back', () => badgeText(badge) === 'Encrypted');
    expect(changeOf(carolEl, bobId), 'Carol’s own decision is still open').to.exist;
    await expect(aliceEl).to.be.accessible();

    // Carol verifies Bob through the inline <xs-verify-user>; Bob answers in his own element.
    const bobAnswers = answerNext(bob.client);
    await press(carolEl, 'Verify');
    const vu = await waitFor('inline <xs-verify-user>', () => root(carolEl).querySelector<XsVerifyUser>('[part=verify] xs-verify-user'));
    await stageIs(vu, 'Verify this person');
    await expect(carolEl).to.be.accessible();
    await press(vu, 'Start verification');
    const answerer = await bobAnswers;
    await press(answerer, 'Accept');
    await stageIs(vu, 'Choose how to verify');
    await press(vu, 'Compare emoji');
    await stageIs(vu, 'Compare the emoji');
    await stageIs(answerer, 'Compare the emoji');
    await press(answerer, 'They match');
    await press(vu, 'They match');
    await stageIs(vu, 'Verified');
    await waitFor('Carol’s banner for Bob gone', () => !changeOf(carolEl, bobId));
    expect((await carol.client.getCrypto()!.getUserVerificationStatus(bobId)).isCrossSigningVerified()).to.equal(true);
    await expect(carolEl).to.be.accessible();

    // Bob signs in on a new device and never verifies it: listed for Alice on demand; the badge follows.
    const bob2 = await loginDevice(bob.session, 'Bob’s new phone');
    await createTestClient(bob2);
    await waitFor('badge: unverified sessions', () => badgeText(badge) === 'Unverified sessions', { timeoutMs: 20_000 });
    expect(aliceEl.badge).to.equal('unsigned-sessions');
    await press(aliceEl, 'Show sessions their owners didn’t verify (1)');
    const list = await waitFor('the list', () => root(aliceEl).querySelector<HTMLElement>('[part=unsigned]'));
    expect(list.textContent).to.contain('Bob’s new phone');
    expect(list.textContent).to.contain(bob2.deviceId);
    expect(list.querySelector(`[data-user="${bobId}"]`)).to.exist;
    await expect(aliceEl).to.be.accessible();

    // Strict isolation (set through the kit): Bob's new session will not receive keys.
    applyDeviceIsolation(alice.client, 'only-signed');
    await waitFor('strict mode shown', () => root(aliceEl).querySelector('[part=isolation]')?.getAttribute('data-isolation') === 'only-signed');
    expect(root(aliceEl).querySelector(`[part=isolation] .withheld [data-user="${bobId}"]`)!.textContent).to.contain('1 session');
    await expect(aliceEl).to.be.accessible();

    // The compact badge opens the detail, keyboard only.
    root(badge).querySelector<HTMLButtonElement>('[part=badge]')!.focus();
    const { sendKeys } = await import('@web/test-runner-commands');
    await sendKeys({ press: 'Enter' });
    await waitFor('dialog open', () => root(badge).querySelector('dialog')?.open);
    expect(root(badge).activeElement?.tagName).to.equal('H2');
    await expect(badge).to.be.accessible();
    await sendKeys({ press: 'Escape' });

    // Removed: nothing left listening on Alice's client.
    aliceEl.remove();
    badge.remove();
    expect(listenerCounts(alice.client)).to.deep.equal(before);
  });

  it('faults: the member list (the element’s own request) and the SDK’s key queries', async () => {
    const members = faultOnce((url, init) => /\/rooms\/[^/]+\/members/.test(url) && (init?.method ?? 'GET') === 'GET', { fault: 'fail' });
    const keys = faultOnce((url) => url.includes('/keys/query'), { fault: 'fail' });
    const wrapFetch = (inner: typeof fetch) => members.wrap(keys.wrap(inner));
    const [alice, bob] = await Promise.all([person('alice', { wrapFetch, lazyLoadMembers: true }), person('bob')]);
    const roomId = await encryptedRoom(alice, [bob]);
    const bob2 = await loginDevice(bob.session, 'Bob tablet');
    const bob2Client = await createTestClient(bob2);

    // The member list: fail, lost and 429 leave "could not be checked" with Check again; slow shows Checking….
    members.arm({ fault: 'fail' });
    const el = await fixture<XsRoomTrust>(html`<xs-room-trust .client=${alice.client} room-id=${roomId}></xs-room-trust>`);
    const next: FaultPlan[] = [{ fault: 'lost' }, { fault: '429' }];
    for (const plan of [{ fault: 'fail' } as FaultPlan, ...next]) {
      await waitFor(`${plan.fault}: the fault hit the member list`, () => members.fired);
      await waitFor(`${plan.fault}: "could not be checked"`, () => summary(el).includes('could not be checked'));
      expect(el.badge).to.equal('unavailable');
      if (plan.fault === '429') expect(summary(el)).to.contain('asked us to slow down');
      expect(root(el).querySelector('[part=change], [part=unsigned]'), 'nothing claimed').to.equal(null);
      await expect(el).to.be.accessible();
      members.arm(next[next.indexOf(plan) + 1] ?? { fault: 'slow', slowMs: 1500 });
      await press(el, 'Check again');
    }
    await waitFor('slow: checking meanwhile', () => el.badge === 'checking' && summary(el).includes('Checking'));
    await waitFor('slow: then the real state', () => el.badge === 'unsigned-sessions');
    expect(members.fired).to.equal(true);

    // Key queries after Bob renames his unsigned session: the new name shows once the SDK's query gets through.
    await press(el, 'Show sessions their owners didn’t verify (1)');
    const keyPlans: FaultPlan[] = [{ fault: 'fail' }, { fault: 'fail', variant: 1 }, { fault: 'lost' }, { fault: '429' }, { fault: 'slow', slowMs: 1500 }];
    for (const [i, plan] of keyPlans.entries()) {
      keys.arm(plan);
      const name = `Bob tablet ${i}`;
      await bob2Client.setDeviceDetails(bob2.deviceId, { display_name: name });
      await waitFor(`${plan.fault}/${plan.variant ?? 0}: renamed session shown`, () => root(el).querySelector('[part=unsigned]')?.textContent?.includes(name), { timeoutMs: 25_000 });
      expect(keys.fired, `${plan.fault}: the fault hit a key query`).to.equal(true);
      expect(el.badge).to.equal('unsigned-sessions');
    }
    await expect(el).to.be.accessible();
  });
});
