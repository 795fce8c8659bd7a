// <xs-verify-login>'s Security Key path under faults, against the real Synapse: each request the flow makes
// fails, loses its response after the server applied it, is slow, or is rate-limited with an odd Retry-After.
// Every case ends on a true screen, the server state is checked through another real client, a retry
// (where one is needed) works, and a secrets scan runs after each test. Faults are injected by wrapping the client's fetchFn.
//
// Requests and faults (✓ = a test below):
//
// | Step | Request | fails (5xx) | response lost | slow (3 s) | 429, odd Retry-After |
// |---|---|---|---|---|---|
// | repair: store a cross-signing key | PUT /user/{id}/account_data/m.cross_signing.* | ✓ out of sync + "didn't work", key kept, Store again works | ✓ SDK re-sends (same content), repaired | ✓ "Storing…", then repaired | ✓ SDK retries (Retry-After garbage, retry_after_ms 1) then gives up: "didn't work", Store again works |
// | repair: the backup key | GET /room_keys/version, PUT …/account_data/m.megolm_backup.v1 | ✓ (GET 5xx) keys repaired on the server; "verified, but the backup couldn't be reached" + Try again connects it | — (same PUT path as above) | — | — |
// | restore: sign this session | POST /keys/signatures/upload | ✓ "didn't work" + Try again, then verified | ✓ verified (the signature was applied), or Try again | ✓ "Verifying…", then verified | ✓ |
// | restore: connect the backup | GET /room_keys/version | ✓ "verified, but the backup couldn't be reached" + Try again, then connected | — (read only) | — | — |
//
// Reads of secret storage come from the synced account data (no request). A 429 with a Retry-After of a day
// would be waited out by the SDK itself; the "Still storing…" text (after 15 s) keeps that from being a silent
// spinner — checked in the unit tests with a short stall time.
import { expect, fixture, html } from '@open-wc/testing';
import type { MatrixClient } from 'matrix-js-sdk';
import { decodeRecoveryKey } from 'matrix-js-sdk/lib/crypto-api/recovery-key.js';
import type { XsVerifyLogin } from '../../src/components/verify-login/verify-login.js';
import { withSecretStorageKey } from '../../src/sdk/secret-storage-keys.js';
import type { SecretsBundle } from '../../src/sdk/secrets-bundle.js';
import { stopAllClients } from '../support/clients.js';
import { secretsScan } from '../support/secrets-scan.js';
import { alertText, crossSigned, openKeyEntry, press, root, setUpAccount, stageIs, typeAndSubmit } from '../support/key-entry.js';
import { waitFor } from '../support/wait.js';

type FaultKind = '5xx' | 'lost' | 'slow' | '429';

/** A fetch wrapper whose faults are armed per test: the next `times` requests matching `match` get `kind`. */
function faultInjector() {
  const rules: { match: RegExp; method: string; kind: FaultKind; times: number; hits: number }[] = [];
  const wrap = (inner: typeof fetch): typeof fetch => async (input, init) => {
    const url = String(input instanceof Request ? input.url : input);
    const method = (init?.method ?? 'GET').toUpperCase();
    sent.push({ url, body: typeof init?.body === 'string' ? init.body : '' });
    const rule = rules.find((r) => r.method === method && r.match.test(url) && r.hits < r.times);
    if (!rule) return inner(input, init);
    rule.hits++;
    switch (rule.kind) {
      case '5xx':
        return new Response(JSON.stringify({ errcode: 'M_UNKNOWN', error: 'Internal server error (injected)' }), { status: 500, headers: { 'content-type': 'application/json' } });
      case '429':
        return new Response(JSON.stringify({ errcode: 'M_LIMIT_EXCEEDED', error: 'Too many requests (injected)', retry_after_ms: 1 }), {
          status: 429,
          headers: { 'content-type': 'application/json', 'retry-after': 'whenever' },
        });
      case 'slow':
        await new Promise((r) => setTimeout(r, 3_000));
        return inner(input, init);
      case 'lost':
        await inner(input, init); // the server applies it…
        throw new TypeError('Failed to fetch'); // …and the answer never arrives
    }
  };
  return {
    wrap,
    arm(method: string, match: RegExp, kind: FaultKind, times = 1) {
      const rule = { match, method, kind, times, hits: 0 };
      rules.push(rule);
      return rule;
    },
  };
}

/** Every request the faulty clients sent, and the Security Key of the test's account: for the secrets scan. */
let sent: { url: string; body: string }[] = [];
let secretOfTest: string | undefined;

/** The account set up by A, master key deleted from secret storage by C; A's element at the out-of-sync step. */
async function outOfSyncOnA(faults: ReturnType<typeof faultInjector>) {
  const account = await setUpAccount({ sessions: 1, wrapFetchA: faults.wrap });
  const { clientA, recoveryKey } = account;
  secretOfTest = recoveryKey;
  const c = account.sessions[0].client;
  await c.setAccountData('m.cross_signing.master' as never, {});
  await waitFor('A sees the deletion', async () => !(await clientA.secretStorage.isStored('m.cross_signing.master')));
  const el = await fixture<XsVerifyLogin>(html`<xs-verify-login .client=${clientA}></xs-verify-login>`);
  await stageIs(el, 'This session is verified');
  await waitFor('out of sync offered', () => root(el).textContent?.includes('out of sync'));
  await press(el, 'Use your Security Key or Phrase');
  await stageIs(el, 'Enter your Security Key');
  await typeAndSubmit(el, recoveryKey);
  await stageIs(el, 'Your recovery data is out of sync');
  return { ...account, c, el };
}

/** Through C: all three cross-signing keys under the default key, and the master one decrypts to A's. */
async function expectRepairedOnServer(c: MatrixClient, clientA: MatrixClient, recoveryKey: string, keyId: string) {
  await waitFor('C sees the repaired entry', async () => (await c.secretStorage.isStored('m.cross_signing.master'))?.[keyId]);
  expect((await c.getCrypto()!.getCrossSigningStatus()).privateKeysInSecretStorage).to.equal(true);
  const stored = await withSecretStorageKey(c, keyId, decodeRecoveryKey(recoveryKey), () => c.secretStorage.get('m.cross_signing.master'));
  const aMaster = ((await clientA.getCrypto()!.exportSecretsBundle!()) as SecretsBundle).cross_signing.master_key;
  expect(stored?.replace(/=+$/, '')).to.equal(aMaster.replace(/=+$/, ''));
}

const MASTER_PUT = /\/account_data\/m\.cross_signing\.master$/;

describe('<xs-verify-login> Security Key path under faults (Synapse)', () => {
  let scan: ReturnType<typeof secretsScan>;
  beforeEach(() => {
    sent = [];
    secretOfTest = undefined;
    scan = secretsScan();
  });
  afterEach(async () => {
    scan.stop();
    await stopAllClients();
    // Secrets scan: the key in no console line, request, storage, attribute, text left behind or event.
    expect(secretOfTest, 'the test set up an account').to.be.a('string');
    expect(sent.length, 'requests were recorded').to.be.greaterThan(5);
    scan.check([secretOfTest!], sent, [document.body]);
  });

  it('repair: storing the master key fails (5xx): the step says so, keeps the key, and Store again repairs', async () => {
    const faults = faultInjector();
    const { el, c, clientA, recoveryKey, keyId } = await outOfSyncOnA(faults);
    const rule = faults.arm('PUT', MASTER_PUT, '5xx');
    await press(el, 'Store my keys again');
    await waitFor('failure shown', () => root(el).textContent?.includes('Storing your keys didn’t work'));
    expect(rule.hits).to.equal(1);
    expect(root(el).querySelector('h2')?.textContent).to.equal('Your recovery data is out of sync');
    expect(await c.secretStorage.isStored('m.cross_signing.master'), 'still missing on the server').to.equal(null);
    await expect(el).to.be.accessible();
    await press(el, 'Store my keys again');
    await stageIs(el, 'Verified', 60_000);
    await expectRepairedOnServer(c, clientA, recoveryKey, keyId);
  });

  it('repair: the response to storing the master key is lost after the server applied it: the repair completes', async () => {
    const faults = faultInjector();
    const { el, c, clientA, recoveryKey, keyId } = await outOfSyncOnA(faults);
    const rule = faults.arm('PUT', MASTER_PUT, 'lost');
    await press(el, 'Store my keys again');
    await stageIs(el, 'Verified', 60_000);
    expect(rule.hits).to.equal(1);
    expect(root(el).textContent).to.contain('stored in your recovery data again');
    await expectRepairedOnServer(c, clientA, recoveryKey, keyId);
  });

  it('repair: a slow store shows "Storing…" and then the repaired result', async () => {
    const faults = faultInjector();
    const { el, c, clientA, recoveryKey, keyId } = await outOfSyncOnA(faults);
    faults.arm('PUT', MASTER_PUT, 'slow');
    await press(el, 'Store my keys again');
    await waitFor('progress shown', () => root(el).querySelector('[role=status]')?.textContent?.includes('Storing your keys again'));
    await stageIs(el, 'Verified', 60_000);
    await expectRepairedOnServer(c, clientA, recoveryKey, keyId);
  });

  it('repair: rate-limited with a garbage Retry-After until the SDK gives up: the step says so, and Store again repairs', async () => {
    const faults = faultInjector();
    const { el, c, clientA, recoveryKey, keyId } = await outOfSyncOnA(faults);
    const rule = faults.arm('PUT', MASTER_PUT, '429', 10);
    await press(el, 'Store my keys again');
    await waitFor('failure shown', () => root(el).textContent?.includes('Storing your keys didn’t work'), { timeoutMs: 60_000 });
    expect(rule.hits).to.be.at.least(1);
    rule.times = rule.hits; // the server stops limiting
    await press(el, 'Store my keys again');
    await stageIs(el, 'Verified', 60_000);
    await expectRepairedOnServer(c, clientA, recoveryKey, keyId);
  });

  it('repair: reading the backup version fails (5xx): the keys are repaired, the screen says the backup wasn’t reached, and Try again connects it', async () => {
    const faults = faultInjector();
    const { el, c, clientA, recoveryKey, keyId } = await outOfSyncOnA(faults);
    const rule = faults.arm('GET', /\/room_keys\/version$/, '5xx', 1_000);
    await press(el, 'Store my keys again');
    await waitFor('an outcome', () => ['Verified', 'Verification with the key didn’t work'].includes(root(el).querySelector('h2')?.textContent ?? '')
      || !!root(el).textContent?.includes('Storing your keys didn’t work'), { timeoutMs: 60_000 });
    expect(rule.hits, 'the fault was hit').to.be.at.least(1);
    rule.times = rule.hits; // the server is well again
    // Whatever the step, the cross-signing keys are back on the server (the backup read comes after them).
    await expectRepairedOnServer(c, clientA, recoveryKey, keyId);
    if (root(el).querySelector('h2')?.textContent === 'Verification with the key didn’t work') {
      expect(alertText(el)).to.contain('your key backup couldn’t be reached');
      await press(el, 'Try again');
      await stageIs(el, 'Enter your Security Key');
      await typeAndSubmit(el, recoveryKey);
    } else if (root(el).querySelector('h2')?.textContent !== 'Verified') {
      await press(el, 'Store my keys again');
    }
    await stageIs(el, 'Verified', 60_000);
    expect(root(el).textContent).to.contain('connected to your key backup');
  });

  for (const kind of ['5xx', 'lost', 'slow', '429'] as const) {
    it(`restore: signing this session meets "${kind}": a true screen, and Try again (if needed) verifies`, async () => {
      const faults = faultInjector();
      const account = await setUpAccount({ sessions: 1, wrapFetch: faults.wrap });
      secretOfTest = account.recoveryKey;
      const { client } = account.sessions[0];
      const el = await openKeyEntry(client);
      const rule = faults.arm('POST', /\/keys\/signatures\/upload$/, kind, kind === '429' ? 3 : 1);
      await typeAndSubmit(el, account.recoveryKey);
      await waitFor('an outcome', () => ['Verified', 'Verification with the key didn’t work'].includes(root(el).querySelector('h2')?.textContent ?? ''), { timeoutMs: 90_000 });
      expect(rule.hits, 'the fault was hit').to.be.at.least(1);
      rule.times = rule.hits; // the server is well again
      if (root(el).querySelector('h2')?.textContent !== 'Verified') {
        expect(alertText(el)).to.not.equal('');
        expect(await crossSigned(client), 'not claimed, not done').to.not.equal(true);
        await press(el, 'Try again');
        await stageIs(el, 'Enter your Security Key');
        await typeAndSubmit(el, account.recoveryKey);
        await stageIs(el, 'Verified', 60_000);
      }
      expect(await crossSigned(client)).to.equal(true);
      await waitFor('A sees the new session cross-signed', async () =>
        (await account.clientA.getCrypto()!.getDeviceVerificationStatus(client.getSafeUserId(), client.getDeviceId()!))?.crossSigningVerified);
    });
  }

  it('restore: connecting the backup fails (5xx): a true screen, and Try again verifies', async () => {
    const faults = faultInjector();
    const account = await setUpAccount({ sessions: 1, wrapFetch: faults.wrap });
    secretOfTest = account.recoveryKey;
    const { client } = account.sessions[0];
    const el = await openKeyEntry(client);
    // Every backup-version read fails while the key is checked: the SDK's own background checks too.
    const rule = faults.arm('GET', /\/room_keys\/version$/, '5xx', 1_000);
    await typeAndSubmit(el, account.recoveryKey);
    await stageIs(el, 'Verification with the key didn’t work', 60_000);
    // True: the session is verified, the backup is not connected — and it says so.
    expect(alertText(el)).to.contain('This session is verified, but your key backup couldn’t be reached');
    expect(await crossSigned(client)).to.equal(true);
    expect(await client.getCrypto()!.getActiveSessionBackupVersion()).to.equal(null);
    await expect(el).to.be.accessible();
    rule.times = rule.hits; // the server is well again
    {
      await press(el, 'Try again');
      await stageIs(el, 'Enter your Security Key');
      await typeAndSubmit(el, account.recoveryKey);
      await stageIs(el, 'Verified', 60_000);
    }
    expect(root(el).textContent).to.contain('connected to your key backup');
    expect(await client.getCrypto()!.getActiveSessionBackupVersion()).to.be.a('string');
  });
});
