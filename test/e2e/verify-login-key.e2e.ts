// <xs-verify-login>'s Security Key / Phrase entry against the real Synapse, driven with the keyboard through
// the element's own UI: keys pasted with odd whitespace, a phrase in the key field and a key in the phrase
// field, a well-formed wrong key, recovery data put out of sync by a second real client (and repaired),
// and phrase settings rewritten by a second client to absurd values. Every test ends with a secrets scan.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { encodeRecoveryKey } from 'matrix-js-sdk/lib/crypto-api/index.js';
import { decodeRecoveryKey } from 'matrix-js-sdk/lib/crypto-api/recovery-key.js';
import type { XsVerifyLogin } from '../../src/components/verify-login/verify-login.js';
import type { XsRequestResetEvent } from '../../src/events/xs-request-reset.js';
import { withSecretStorageKey } from '../../src/sdk/secret-storage-keys.js';
import type { SecretsBundle } from '../../src/sdk/secrets-bundle.js';
import { stopAllClients } from '../support/clients.js';
import { alertText, buttons, crossSigned, headingText, openKeyEntry, paste, press, root, setUpAccount, stageIs, typeAndSubmit, type Account } from '../support/key-entry.js';
import { secretsScan } from '../support/secrets-scan.js';
import { waitFor } from '../support/wait.js';

describe('<xs-verify-login> Security Key and Phrase entry with Synapse', () => {
  let scan: ReturnType<typeof secretsScan>;
  /** What the new sessions send (URL and body), for the scan. */
  let requests: { url: string; body: string }[] = [];
  const recordRequests = (inner: typeof fetch): typeof fetch => async (input, init) => {
    requests.push({ url: String(input instanceof Request ? input.url : input), body: typeof init?.body === 'string' ? init.body : '' });
    return inner(input, init);
  };
  beforeEach(() => {
    requests = [];
    scan = secretsScan();
  });
  afterEach(async () => {
    scan.stop();
    await stopAllClients();
  });

  it('a key pasted with tabs, non-breaking and narrow spaces, zero-width characters and line breaks verifies (keyboard only)', async () => {
    const { sessions, recoveryKey } = await setUpAccount({ wrapFetch: recordRequests });
    const { client } = sessions[0];
    const el = await openKeyEntry(client);
    await expect(el).to.be.accessible();
    // Case is never folded: the key with one letter's case changed is not a key.
    const flipped = recoveryKey.replace(/[a-z]/, (c) => c.toUpperCase());
    await typeAndSubmit(el, flipped);
    await waitFor('a typo explained', () => alertText(el).includes('isn’t a valid one'));
    expect(root(el).activeElement?.id, 'the field keeps focus (and the text, to fix it)').to.equal('key-input');
    await expect(el).to.be.accessible();
    const g = recoveryKey.split(' ');
    const messy = `\u00a0 ${g.slice(0, 4).join('\t')}\n${g.slice(4, 8).join('\u2007')}\r\n${g.slice(8).join('\u202f\u200b')} \u00a0`;
    await paste(el, messy);
    expect(root(el).querySelector<HTMLInputElement>('#key-input')!.value, 'the odd whitespace is in the field').to.match(/\t.*\u2007.*\u202f\u200b/);
    await sendKeys({ press: 'Enter' });
    await stageIs(el, 'Verified', 60_000);
    await expect(el).to.be.accessible();
    expect(await crossSigned(client)).to.equal(true);
    expect(requests.length, 'requests were recorded').to.be.greaterThan(5);
    scan.check([recoveryKey, flipped], requests, [document.body]);
  });

  it('a phrase in the key field and a key in the phrase field are told apart, and the offered switch uses them (keyboard only)', async () => {
    const phrase = `correct horse ${crypto.randomUUID()}`;
    const { sessions, recoveryKey } = await setUpAccount({ passphrase: phrase, sessions: 2, wrapFetch: recordRequests });
    // Session 1: the phrase typed into the key field.
    const el = await openKeyEntry(sessions[0].client);
    await typeAndSubmit(el, phrase);
    await waitFor('phrase spotted', () => alertText(el).includes('it looks like a Security Phrase'));
    expect(root(el).activeElement?.id, 'the field keeps focus').to.equal('key-input');
    await expect(el).to.be.accessible();
    await press(el, 'Use it as my Security Phrase');
    await stageIs(el, 'Verified', 60_000);
    expect(await crossSigned(sessions[0].client)).to.equal(true);
    // Session 2: the key typed into the phrase field.
    const el2 = await openKeyEntry(sessions[1].client);
    await press(el2, 'Use your Security Phrase instead');
    await stageIs(el2, 'Enter your Security Phrase');
    // A 10 000-character paste in the phrase field: checked without freezing the page, and refused as wrong.
    const huge = 'long pasted text '.repeat(600).slice(0, 10_000);
    const blocks: number[] = [];
    const observer = new PerformanceObserver((list) => blocks.push(...list.getEntries().map((e) => e.duration)));
    observer.observe({ type: 'longtask', buffered: false });
    await paste(el2, huge);
    await sendKeys({ press: 'Enter' });
    await waitFor('huge phrase refused', () => alertText(el2).includes('doesn’t match this account'), { timeoutMs: 30_000 });
    observer.disconnect();
    expect(Math.max(0, ...blocks), 'longest main-thread block while checking 10 000 characters').to.be.lessThan(400);
    await typeAndSubmit(el2, recoveryKey);
    await waitFor('key spotted', () => alertText(el2).includes('That is a Security Key, not a Security Phrase'));
    await expect(el2).to.be.accessible();
    await press(el2, 'Use it as my Security Key');
    await stageIs(el2, 'Verified', 60_000);
    expect(await crossSigned(sessions[1].client)).to.equal(true);
    scan.check([recoveryKey, phrase], requests, [document.body]);
  });

  it('a well-formed key of another account says it doesn’t match, beside Try again and the way out for a lost key (reset behind its warning)', async () => {
    const { a, clientA, sessions, recoveryKey } = await setUpAccount({ wrapFetch: recordRequests });
    const { client } = sessions[0];
    const masterBefore = (await clientA.getCrypto()!.getCrossSigningKeyId())!;
    expect(masterBefore).to.be.a('string');
    const el = await openKeyEntry(client);
    const other = encodeRecoveryKey(crypto.getRandomValues(new Uint8Array(32)))!;
    await typeAndSubmit(el, other);
    await waitFor('wrong key explained', () => alertText(el).includes('doesn’t match this account'));
    expect(buttons(el)).to.include.members(['Try again', 'I lost my Security Key']);
    expect(root(el).querySelector<HTMLInputElement>('#key-input')!.value, 'a checked key is not kept').to.equal('');
    await expect(el).to.be.accessible();
    await press(el, 'I lost my Security Key');
    await stageIs(el, 'Reset your encryption identity?');
    expect(root(el).textContent).to.contain('Nothing changes until you confirm');
    await expect(el).to.be.accessible();
    const resetRequests: XsRequestResetEvent[] = [];
    el.addEventListener('xs-request-reset', (e) => {
      resetRequests.push(e);
      e.preventDefault(); // the host opens its reset (e.g. <xs-setup-wizard mode="reset">)
    });
    await press(el, 'Continue to reset');
    await waitFor('handed over', () => root(el).textContent?.includes('Continue with the reset'));
    expect(resetRequests.map((e) => e.reason)).to.deep.equal(['cannot-verify']);
    // Nothing was changed on the account: A still sees the same identity and is still cross-signed.
    expect(await clientA.getCrypto()!.getCrossSigningKeyId()).to.equal(masterBefore);
    expect(await crossSigned(clientA)).to.equal(true);
    await press(el, 'Back');
    await stageIs(el, 'Enter your Security Key');
    await typeAndSubmit(el, recoveryKey);
    await stageIs(el, 'Verified', 60_000);
    expect(a.userId).to.equal(client.getSafeUserId());
    scan.check([recoveryKey, other], requests, [document.body]);
  });

  it('right key, recovery data out of sync (made by a second client): no loop back; a session without the keys offers another session or the reset; the session holding them repairs, checked through the other clients', async () => {
    const { clientA, sessions, recoveryKey, keyId } = await setUpAccount({ sessions: 2, wrapFetch: recordRequests });
    const [b, c] = sessions as [Account['sessions'][0], Account['sessions'][0]];
    // A second real client deletes the master key from secret storage.
    await c.client.setAccountData('m.cross_signing.master' as never, {});
    for (const client of [clientA, b.client]) {
      await waitFor('the deletion synced', async () => !(await client.secretStorage.isStored('m.cross_signing.master')));
    }
    // B (new, no keys): the right key says "out of sync" and offers another session or the reset — not the field again.
    const elB = await openKeyEntry(b.client);
    await typeAndSubmit(elB, recoveryKey);
    await stageIs(elB, 'Your recovery data is out of sync');
    expect(alertText(elB)).to.contain('Your Security Key is right');
    expect(buttons(elB)).to.include.members(['Verify with another session', 'Reset instead']);
    expect(root(elB).querySelector('#key-input'), 'no loop back to the field').to.equal(null);
    await expect(elB).to.be.accessible();
    await press(elB, 'Reset instead');
    await stageIs(elB, 'Reset your encryption identity?');
    await press(elB, 'Back');
    await stageIs(elB, 'Your recovery data is out of sync');
    expect(await crossSigned(b.client)).to.equal(false);

    // A (verified, holds the keys): its verify step says the keys are out of sync and repairs with the key.
    const elA = await fixture<XsVerifyLogin>(html`<xs-verify-login .client=${clientA}></xs-verify-login>`);
    await stageIs(elA, 'This session is verified');
    await waitFor('out of sync offered', () => root(elA).textContent?.includes('out of sync'));
    await expect(elA).to.be.accessible();
    await press(elA, 'Use your Security Key or Phrase');
    await stageIs(elA, 'Enter your Security Key');
    await typeAndSubmit(elA, recoveryKey);
    await stageIs(elA, 'Your recovery data is out of sync');
    expect(root(elA).textContent).to.contain('This session still has your current keys');
    await expect(elA).to.be.accessible();
    await press(elA, 'Store my keys again');
    await stageIs(elA, 'Verified', 60_000);
    expect(root(elA).textContent).to.contain('stored in your recovery data again');
    await expect(elA).to.be.accessible();

    // Checked through the other clients: C reads the master key under the default key with the Security Key…
    await waitFor('C sees the repaired entry', async () => (await c.client.secretStorage.isStored('m.cross_signing.master'))?.[keyId]);
    const cryptoC = c.client.getCrypto()!;
    expect((await cryptoC.getCrossSigningStatus()).privateKeysInSecretStorage, 'C: all three keys under the default key').to.equal(true);
    const storedMaster = await withSecretStorageKey(c.client, keyId, decodeRecoveryKey(recoveryKey), () => c.client.secretStorage.get('m.cross_signing.master'));
    const aMaster = ((await clientA.getCrypto()!.exportSecretsBundle!()) as SecretsBundle).cross_signing.master_key;
    expect(storedMaster?.replace(/=+$/, ''), 'C decrypts A’s master key with the Security Key').to.equal(aMaster.replace(/=+$/, ''));
    // …and B, through its own element, now verifies with the same key.
    await press(elB, 'Back');
    await stageIs(elB, 'Verify this session');
    await press(elB, 'Use your Security Key or Phrase');
    await stageIs(elB, 'Enter your Security Key');
    await typeAndSubmit(elB, recoveryKey);
    await stageIs(elB, 'Verified', 60_000);
    expect(await crossSigned(b.client)).to.equal(true);
    const local = (await b.client.getCrypto()!.getCrossSigningStatus()).privateKeysCachedLocally;
    expect(local).to.deep.equal({ masterKey: true, selfSigningKey: true, userSigningKey: true });
    scan.check([recoveryKey], requests, [document.body]);
  });

  it('phrase settings rewritten by a second client to 1 and to 10^9 rounds are refused with an explanation; the key still works', async () => {
    const phrase = `battery staple ${crypto.randomUUID()}`;
    const { sessions, recoveryKey, keyId } = await setUpAccount({ passphrase: phrase, sessions: 2, wrapFetch: recordRequests });
    const [b, c] = sessions as [Account['sessions'][0], Account['sessions'][0]];
    const type = `m.secret_storage.key.${keyId}`;
    const original = b.client.getAccountData(type as never)!.getContent<{ passphrase: Record<string, unknown> }>();
    for (const [iterations, words] of [[1, 'far below'], [1_000_000_000, 'far above']] as const) {
      await c.client.setAccountData(type as never, { ...original, passphrase: { ...original.passphrase, iterations } } as never);
      await waitFor('B sees the rewrite', () =>
        b.client.getAccountData(type as never)?.getContent<typeof original>().passphrase.iterations === iterations);
      const el = await openKeyEntry(b.client);
      await press(el, 'Use your Security Phrase instead');
      await stageIs(el, 'Enter your Security Phrase');
      await waitFor('refused at once', () => alertText(el).includes(words));
      expect(alertText(el)).to.contain('look wrong');
      expect(alertText(el)).to.contain(new Intl.NumberFormat('en').format(iterations));
      await expect(el).to.be.accessible();
      // Typing the phrase anyway derives nothing and says the same.
      const started = performance.now();
      await typeAndSubmit(el, phrase);
      await waitFor('still refused', () => alertText(el).includes(words));
      expect(performance.now() - started, 'no derivation ran').to.be.lessThan(5_000);
      expect(headingText(el)).to.equal('Enter your Security Phrase');
      el.remove();
    }
    const el = await openKeyEntry(b.client);
    await typeAndSubmit(el, recoveryKey);
    await stageIs(el, 'Verified', 60_000);
    expect(await crossSigned(b.client)).to.equal(true);
    scan.check([recoveryKey, phrase], requests, [document.body]);
  });
});
