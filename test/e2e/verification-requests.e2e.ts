// <xs-verification-requests> against the real Synapse: it shows requests from the user's own other sessions
// (with the session's name, id, last seen + IP, and a countdown) and from other people, Accept continues
// inline in the verification element (both sides through their elements, keyboard only), a request answered
// by a third session disappears, a host can take the request, and a stale request never shows.
import { expect, fixture, html } from '@open-wc/testing';
import type { MatrixClient } from 'matrix-js-sdk';
import '../../src/define/xs-verification-requests.js';
import '../../src/define/xs-verify-login.js';
import '../../src/define/xs-verify-user.js';
import type { XsVerificationRequests } from '../../src/components/verification-requests/verification-requests.js';
import type { XsVerifyLogin } from '../../src/components/verify-login/verify-login.js';
import type { XsVerifyUser } from '../../src/components/verify-user/verify-user.js';
import type { XsRequestVerifyEvent } from '../../src/events/xs-request-verify.js';
import { createEncryptedDm } from '../../src/sdk/user-verification.js';
import { createTestClient, keyHolder, passwordAuth, stopAllClients } from '../support/clients.js';
import { registerUser } from '../support/homeserver.js';
import { waitFor } from '../support/wait.js';
import { crossSigned, emojiNames, events, press, root, setUpPair, stageIs } from '../support/verify-ui.js';
import { sendKeys } from '@web/test-runner-commands';

const cards = (el: XsVerificationRequests) => [...root(el).querySelectorAll<HTMLElement>('li[part=request]')];
const cardText = (el: XsVerificationRequests) => cards(el).map((c) => c.textContent?.replace(/\s+/g, ' ').trim() ?? '');
const countdown = (el: XsVerificationRequests) => root(el).querySelector('[part=countdown]')?.textContent?.trim() ?? '';

/** Keyboard only: Tab through the list until the button `label` has focus, then Enter. */
async function pressInList(el: XsVerificationRequests, label: string) {
  root(el).querySelector<HTMLElement>('h3')?.setAttribute('tabindex', '-1');
  root(el).querySelector<HTMLElement>('h3')?.focus();
  for (let i = 0; i < 10; i++) {
    await sendKeys({ press: 'Tab' });
    const active = root(el).activeElement as HTMLElement | null;
    if (active?.tagName === 'BUTTON' && active.textContent?.trim() === label) {
      await sendKeys({ press: 'Enter' });
      return;
    }
  }
  throw new Error(`no button "${label}" reachable by Tab in the requests list`);
}

async function inline<T extends HTMLElement>(el: XsVerificationRequests, tag: string): Promise<T> {
  const found = await waitFor(`inline <${tag}>`, () => root(el).querySelector<T>(tag));
  await (found as unknown as { updateComplete: Promise<unknown> }).updateComplete;
  return found;
}

describe('<xs-verification-requests> with Synapse', () => {
  afterEach(stopAllClients);

  it('a new session’s request shows its name, id, last seen + IP and a countdown; Accept continues inline to Verified (keyboard only)', async () => {
    const pair = await setUpPair();
    const list = await fixture<XsVerificationRequests>(html`<xs-verification-requests .client=${pair.clientA}></xs-verification-requests>`);
    expect(cards(list)).to.have.length(0);
    await expect(list).to.be.accessible();
    const asker = await fixture<XsVerifyLogin>(html`<xs-verify-login .client=${pair.clientB}></xs-verify-login>`);
    await press(asker, 'Verify with another session');
    await waitFor('the card', () => cards(list).length === 1 && cardText(list)[0].includes('Device B')).catch((e: Error) => {
      throw new Error(`${e.message}: ${JSON.stringify(cardText(list))}`);
    });
    const text = cardText(list)[0];
    expect(text).to.contain('One of your sessions wants to be verified');
    expect(text).to.contain(pair.b.deviceId);
    expect(text).to.match(/last seen .* from \d+\.\d+\.\d+\.\d+|last seen .* from ::/);
    expect(countdown(list)).to.match(/^Expires in [12]:\d\d$/);
    const first = countdown(list);
    await waitFor('the countdown moves', () => countdown(list) !== first, { timeoutMs: 3_000 });
    await expect(list).to.be.accessible();
    const requested: XsRequestVerifyEvent[] = [];
    list.addEventListener('xs-request-verify', (e) => requested.push(e));
    await pressInList(list, 'Accept');
    expect(requested.map((e) => [e.subject, e.reason, e.deviceId])).to.deep.equal([['own-session', 'incoming', pair.b.deviceId]]);
    expect(requested[0].request).to.not.equal(undefined);
    const answer = await inline<XsVerifyLogin>(list, 'xs-verify-login');
    await stageIs(answer, 'Choose how to verify');
    await stageIs(asker, 'Choose how to verify');
    await press(asker, 'Compare emoji');
    await stageIs(answer, 'Compare the emoji');
    await stageIs(asker, 'Compare the emoji');
    expect(emojiNames(answer)).to.deep.equal(emojiNames(asker));
    await press(answer, 'They match');
    await press(asker, 'They match');
    await stageIs(answer, 'Verified');
    await stageIs(asker, 'Verified');
    await expect(list).to.be.accessible();
    expect(await crossSigned(pair.clientA, pair.b.deviceId)).to.equal(true);
    await waitFor('Close offered', () => [...root(list).querySelectorAll('button')].some((b) => b.textContent?.trim() === 'Close'));
    [...root(list).querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Close')!.click();
    await waitFor('the list is empty again', () => cards(list).length === 0);
  });

  it('several sessions: the request shows on both; when the third session accepts, it disappears quietly from the other', async () => {
    const pair = await setUpPair({ extra: 1 });
    const holderC = keyHolder();
    holderC.set(pair.secretStorageKey.keyId, pair.secretStorageKey.key);
    const clientC = await createTestClient(pair.others[0], { cryptoCallbacks: holderC.callbacks });
    await waitFor('C sees the identity', () => clientC.getCrypto()!.userHasCrossSigningKeys(undefined, true));
    await clientC.getCrypto()!.bootstrapCrossSigning({});
    await waitFor('B sees C signed', async () =>
      (await pair.clientB.getCrypto()!.getDeviceVerificationStatus(pair.b.userId, pair.others[0].deviceId))?.signedByOwner);
    const listA = await fixture<XsVerificationRequests>(html`<xs-verification-requests id="a" .client=${pair.clientA}></xs-verification-requests>`);
    const listC = await fixture<XsVerificationRequests>(html`<xs-verification-requests id="c" .client=${clientC}></xs-verification-requests>`);
    const asker = await fixture<XsVerifyLogin>(html`<xs-verify-login .client=${pair.clientB}></xs-verify-login>`);
    await press(asker, 'Verify with another session');
    await waitFor('both show it', () => cards(listA).length === 1 && cards(listC).length === 1);
    await pressInList(listC, 'Accept');
    await waitFor('gone from A', () => cards(listA).length === 0, { timeoutMs: 15_000 }).catch((e: Error) => {
      throw new Error(`${e.message}: ${JSON.stringify(cardText(listA))} / C: ${JSON.stringify(cardText(listC))}`);
    });
    expect(root(listA).querySelector('[role=alert]')).to.equal(null);
    await stageIs(asker, 'Choose how to verify');
  });

  it('another person’s request shows their display name and user id as text; Accept continues in <xs-verify-user> to Verified', async () => {
    const aliceS = await registerUser('alice');
    const bobS = await registerUser('bob');
    const alice = await createTestClient(aliceS);
    const bob = await createTestClient(bobS);
    for (const [c, s] of [[alice, aliceS], [bob, bobS]] as const) {
      await c.getCrypto()!.bootstrapCrossSigning({ authUploadDeviceSigningKeys: passwordAuth(s.userId, s.password) });
    }
    await alice.setDisplayName('Alice <b>Liddell</b>');
    const roomId = await createEncryptedDm(alice, bobS.userId);
    await waitFor('invite', () => bob.getRoom(roomId));
    await bob.joinRoom(roomId);
    await waitFor('Bob knows Alice’s name', () => bob.getUser(aliceS.userId)?.displayName === 'Alice <b>Liddell</b>');
    const list = await fixture<XsVerificationRequests>(html`<xs-verification-requests .client=${bob}></xs-verification-requests>`);
    const asker = await fixture<XsVerifyUser>(html`<xs-verify-user .client=${alice} user-id=${bobS.userId} room-id=${roomId}></xs-verify-user>`);
    await press(asker, 'Start verification');
    await waitFor('the card', () => cards(list).length === 1 && cardText(list)[0].includes(aliceS.userId)).catch((e: Error) => {
      throw new Error(`${e.message}: ${JSON.stringify(cardText(list))}`);
    });
    expect(cardText(list)[0]).to.contain('Someone wants to verify you');
    expect(root(list).querySelector('[part=who] .name')!.textContent).to.equal('Alice <b>Liddell</b>');
    expect(root(list).querySelector('[part=who] b')).to.equal(null);
    await expect(list).to.be.accessible();
    await pressInList(list, 'Accept');
    const answer = await inline<XsVerifyUser>(list, 'xs-verify-user');
    await stageIs(answer, 'Choose how to verify');
    await stageIs(asker, 'Choose how to verify');
    await press(answer, 'Compare emoji');
    await stageIs(answer, 'Compare the emoji');
    await stageIs(asker, 'Compare the emoji');
    await press(answer, 'They match');
    await press(asker, 'They match');
    await stageIs(answer, 'Verified');
    await stageIs(asker, 'Verified');
    expect((await bob.getCrypto()!.getUserVerificationStatus(aliceS.userId)).isCrossSigningVerified()).to.equal(true);
  });

  it('a host that cancels xs-request-verify gets the request and places it itself; the card goes', async () => {
    const pair = await setUpPair();
    const list = await fixture<XsVerificationRequests>(html`<xs-verification-requests .client=${pair.clientA}></xs-verification-requests>`);
    let handed: XsRequestVerifyEvent | undefined;
    list.addEventListener('xs-request-verify', (e) => {
      handed = e;
      e.preventDefault();
    });
    const asker = await fixture<XsVerifyLogin>(html`<xs-verify-login .client=${pair.clientB}></xs-verify-login>`);
    await press(asker, 'Verify with another session');
    await waitFor('the card', () => cards(list).length === 1);
    await pressInList(list, 'Accept');
    await waitFor('the card goes', () => cards(list).length === 0);
    expect(root(list).querySelector('xs-verify-login')).to.equal(null);
    const host = await fixture<XsVerifyLogin>(html`<xs-verify-login .client=${pair.clientA} .request=${handed!.request}></xs-verify-login>`);
    const ev = events(host);
    await stageIs(host, 'Verification request');
    await press(host, 'Accept');
    await stageIs(asker, 'Choose how to verify');
    expect(ev.cancelled).to.have.length(0);
  });

  it('a stale request (timestamp 11 minutes old) never shows; a fresh one does', async () => {
    const pair = await setUpPair();
    const list = await fixture<XsVerificationRequests>(html`<xs-verification-requests .client=${pair.clientA}></xs-verification-requests>`);
    const send = (client: MatrixClient, timestamp: number, txn: string) =>
      client.sendToDevice('m.key.verification.request', new Map([[pair.a.userId, new Map([[pair.a.deviceId, {
        from_device: pair.b.deviceId, methods: ['m.sas.v1'], timestamp, transaction_id: txn,
      }]])]]));
    await send(pair.clientB, Date.now() - 11 * 60_000, 'stale-1');
    await send(pair.clientB, Date.now() + 6 * 60_000, 'future-1');
    // To-device messages from one sender to one device arrive in the order sent: once the fresh one shows, the
    // stale and the future-dated one have been received before it (no fixed wait needed to know they were).
    await send(pair.clientB, Date.now(), 'fresh-1');
    await waitFor('the fresh one shows', () => cards(list).length > 0);
    await list.updateComplete;
    expect(cards(list), 'stale or future-dated: not shown; only the fresh one').to.have.length(1);
    expect(countdown(list), 'the card is the fresh request’s').to.match(/^Expires in [12]:\d\d$/);
  });
});
