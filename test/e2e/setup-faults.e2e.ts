// <xs-setup-wizard> under faults, against the real Synapse, driven through the element's own UI.
//
// Every request that set-up, change-key and reset make gets each fault once (test/support/faults.ts):
//   fail = 503 or network down (alternating), lost = applied by the server but the response never arrives,
//   slow = held 1.5 s (the wizard's stall limit is 0.5 s: "Still saving…", then Keep waiting joins the running save),
//   429  = rate-limited with an odd wait (Retry-After garbage / a past date / retry_after_ms negative / a day — cut
//          to the kit's cap, set to 3 s in this file).
// Each case must end on a true screen: "You're all set" only with the server complete — checked by a second,
// independent session that unlocks with the saved key — and any failure screen offers a retry that works.
// Every case also runs the secrets scan (console, requests, storage, DOM, events).
//
// | flow       | request                                             | fail | lost | slow | 429 |
// |------------|-----------------------------------------------------|------|------|------|-----|
// | set-up     | POST /keys/query (own identity, forced)             |  ✓   |  ✓   |  ✓   |  ✓  |
// | set-up     | POST /keys/device_signing/upload (new identity)     |  ✓   |  ✓   |  ✓   |  ✓ (a day) |
// | set-up     | POST /keys/signatures/upload (sign this session)    |  ✓   |  ✓   |  ✓   |  ✓  |
// | set-up     | PUT account_data m.secret_storage.key.<id>          |  ✓   |  ✓   |  ✓   |  ✓  |
// | set-up     | PUT account_data m.secret_storage.default_key       |  ✓   |  ✓   |  ✓   |  ✓  |
// | set-up     | PUT account_data m.cross_signing.master             |  ✓   |  ✓   |  ✓   |  ✓  |
// | set-up     | POST /room_keys/version (new backup)                |  ✓   |  ✓   |  ✓   |  ✓  |
// | set-up     | PUT account_data m.megolm_backup.v1                 |  ✓   |  ✓   |  ✓   |  ✓  |
// | set-up     | GET /room_keys/version (backup check, read-back)    |  ✓   |  ✓   |  ✓   |  ✓  |
// | set-up     | GET account_data (read-back from the server)        |  ✓   |  ✓   |  ✓   |  ✓  |
// | change-key | PUT account_data m.secret_storage.key.<id>          |  ✓   |  ✓   |  ✓   |  ✓  |
// | change-key | PUT account_data m.secret_storage.default_key       |  ✓   |  ✓   |  ✓   |  ✓  |
// | change-key | PUT account_data m.cross_signing.self_signing       |  ✓   |  ✓   |  ✓   |  ✓  |
// | change-key | PUT account_data m.megolm_backup.v1                 |  ✓   |  ✓   |  ✓   |  ✓  |
// | change-key | GET account_data (read-back)                        |  ✓   |  ✓   |  ✓   |  ✓  |
// | reset      | POST /keys/device_signing/upload with the password  |  ✓   |  ✓   |  ✓   |  ✓  |
// | reset      | PUT account_data m.cross_signing.master = {} (old)  |  ✓   |  ✓   |  ✓   |  ✓  |
// | reset      | DELETE /room_keys/version/<old>                     |  ✓   |  ✓   |  ✓   |  ✓  |
//
// The other requests of change-key and reset (the forced own-identity query, the new key description and default
// key, the secrets, the new backup and its key, the read-back) go through the same code as set-up's (`finishSetup`)
// and are the set-up rows above.
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { MatrixClient } from 'matrix-js-sdk';
import type { XsSetupWizard } from '../../src/components/setup-wizard/setup-wizard.js';
import { setMaxRetryAfterMs } from '../../src/sdk/errors.js';
import { stopAllClients } from '../support/clients.js';
import { FAULTS, faultOnce, type Fault, type FaultPlan } from '../support/faults.js';
import { loginDevice, registerUser, type Session } from '../support/homeserver.js';
import { secretsScan } from '../support/secrets-scan.js';
import { serverState } from '../support/server-state.js';
import { button, heading, kitClient, root, setUpViaUi, tabTo, unlockWithKey, waitHeading, wizardFor } from '../support/setup-wizard.js';

type Flow = 'setup' | 'change-key' | 'reset';
type Match = (url: string, init?: RequestInit) => boolean;

const body = (init?: RequestInit) => (typeof init?.body === 'string' ? init.body : '');
const put = (type: string): Match => (url, init) => init?.method === 'PUT' && url.includes(`/account_data/${type}`) && body(init) !== '{}';

const TARGETS: { flow: Flow; request: string; match: Match; dayLong?: boolean }[] = [
  { flow: 'setup', request: 'POST /keys/query', match: (u, i) => i?.method === 'POST' && u.includes('/keys/query') },
  { flow: 'setup', request: 'POST /keys/device_signing/upload', match: (u, i) => i?.method === 'POST' && u.includes('/keys/device_signing/upload'), dayLong: true },
  { flow: 'setup', request: 'POST /keys/signatures/upload', match: (u, i) => i?.method === 'POST' && u.includes('/keys/signatures/upload') },
  { flow: 'setup', request: 'PUT m.secret_storage.key.*', match: put('m.secret_storage.key.') },
  { flow: 'setup', request: 'PUT m.secret_storage.default_key', match: put('m.secret_storage.default_key') },
  { flow: 'setup', request: 'PUT m.cross_signing.master', match: put('m.cross_signing.master') },
  { flow: 'setup', request: 'POST /room_keys/version', match: (u, i) => i?.method === 'POST' && /\/room_keys\/version$/.test(u.split('?')[0]) },
  { flow: 'setup', request: 'PUT m.megolm_backup.v1', match: put('m.megolm_backup.v1') },
  { flow: 'setup', request: 'GET /room_keys/version', match: (u, i) => (i?.method ?? 'GET') === 'GET' && /\/room_keys\/version$/.test(u.split('?')[0]) },
  { flow: 'setup', request: 'GET account_data (read-back)', match: (u, i) => (i?.method ?? 'GET') === 'GET' && u.includes('/account_data/m.secret_storage.default_key') },
  { flow: 'change-key', request: 'PUT m.secret_storage.key.*', match: put('m.secret_storage.key.') },
  { flow: 'change-key', request: 'PUT m.secret_storage.default_key', match: put('m.secret_storage.default_key') },
  { flow: 'change-key', request: 'PUT m.cross_signing.self_signing', match: put('m.cross_signing.self_signing') },
  { flow: 'change-key', request: 'PUT m.megolm_backup.v1', match: put('m.megolm_backup.v1') },
  { flow: 'change-key', request: 'GET account_data (read-back)', match: (u, i) => (i?.method ?? 'GET') === 'GET' && u.includes('/account_data/m.secret_storage.default_key') },
  { flow: 'reset', request: 'POST /keys/device_signing/upload (with password)', match: (u, i) => i?.method === 'POST' && u.includes('/keys/device_signing/upload') && /"auth"/.test(body(i)) },
  { flow: 'reset', request: 'PUT m.cross_signing.master = {} (old secret removed)', match: (u, i) => i?.method === 'PUT' && u.includes('/account_data/m.cross_signing.master') && body(i) === '{}' },
  { flow: 'reset', request: 'DELETE /room_keys/version/<old>', match: (u, i) => i?.method === 'DELETE' && u.includes('/room_keys/version/') },
];

/** Answers whatever the wizard shows until "You're all set"; returns the headings seen on the way. */
async function driveToDone(el: XsSetupWizard, password: string, timeoutMs = 90_000): Promise<string[]> {
  const seen: string[] = [];
  const deadline = Date.now() + timeoutMs;
  let answered: unknown;
  while (Date.now() < deadline) {
    await el.updateComplete;
    const h = heading(el);
    if (h && seen.at(-1) !== h) seen.push(h);
    const text = root(el).textContent ?? '';
    if (/Too many attempts/.test(text) && !seen.includes('countdown')) seen.push('countdown');
    if (h === 'You’re all set') return seen;
    const wizard = (el as unknown as { wizard: { stage: { kind: string; uia?: { stage: { kind: string } } } } }).wizard;
    const st = wizard.stage;
    const tryAgain = [...root(el).querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Try again' && !b.disabled);
    if ((st.kind === 'commit-failed' || st.kind === 'stopped-waiting' || st.kind === 'load-failed') && tryAgain) tryAgain.click();
    else if (st.kind === 'committing' && [...root(el).querySelectorAll('button')].some((b) => b.textContent?.trim() === 'Keep waiting')) button(el, 'Keep waiting').click();
    else if (st.kind === 'auth') {
      const prompt = root(el).querySelector('xs-auth-prompt')!;
      const pr = prompt.shadowRoot;
      const pw = pr?.querySelector<HTMLInputElement>('#pw');
      const again = [...(pr?.querySelectorAll('button') ?? [])].find((b) => b.textContent?.trim() === 'Try again' && !b.disabled);
      // Each new password step is answered once (after a failure or a countdown the prompt asks again).
      if (pw && st.uia?.stage.kind === 'password' && answered !== st.uia.stage) {
        answered = st.uia.stage;
        await tabTo('password field', (x) => x.id === 'pw');
        await sendKeys({ type: password });
        await sendKeys({ press: 'Enter' });
      } else if (again) again.click();
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`not done in time; headings: ${seen.join(' → ')}; now: ${root(el).textContent?.replace(/\s+/g, ' ').slice(0, 300)}`);
}

/** From the wizard's first step of `flow` to the confirm-key step; returns the key shown (not yet confirmed). */
async function toConfirmKey(el: XsSetupWizard, flow: Flow): Promise<string> {
  if (flow === 'setup') {
    await waitHeading(el, 'Secure your messages');
    button(el, 'Continue').click();
  } else if (flow === 'reset') {
    await waitHeading(el, 'Reset your encryption');
    button(el, 'Continue to reset').click();
    await waitHeading(el, 'Confirm the reset');
    root(el).querySelector<HTMLInputElement>('#reset-word')!.value = 'reset';
    root(el).querySelector('form')!.requestSubmit();
  }
  await waitHeading(el, flow === 'change-key' ? 'Choose your new Security Key' : 'Choose how to unlock your messages');
  button(el, 'Generate a Security Key').click();
  await waitHeading(el, 'Save your Security Key');
  const key = root(el).querySelector('#key-text')!.textContent.trim();
  button(el, 'Download').click();
  await el.updateComplete;
  button(el, 'Continue').click();
  await waitHeading(el, 'Type your Security Key');
  return key;
}

async function confirmKey(el: XsSetupWizard, key: string) {
  root(el).querySelector<HTMLInputElement>('#confirm-key')!.value = key;
  root(el).querySelector('form')!.requestSubmit();
}

/** The server holds a complete set-up under `key`: a second, independent session unlocks with it. */
async function expectServerComplete(a: Session, client: MatrixClient, key: string) {
  const state = await serverState(client);
  expect(state.master, 'one identity, the one this session holds').to.equal(await client.getCrypto()!.getCrossSigningKeyId());
  expect(state.backupVersion, 'a key backup').to.not.equal(null);
  const other = await loginDevice(a, 'Checking device');
  const b = await unlockWithKey(other, key);
  const check = await b.getCrypto()!.checkKeyBackupAndEnable();
  expect(check?.backupInfo.version, 'the second session connects the same backup').to.equal(state.backupVersion);
  expect(check?.trustInfo.trusted, 'the backup is trusted by the identity').to.equal(true);
}

/** One flow through the wizard with the fault armed at the commit; checks the end on the server and the secrets scan. */
async function runFlow(a: Session, client: MatrixClient, flow: Flow, injected: ReturnType<typeof faultOnce>, plan: FaultPlan, request: string, oldKey?: string) {
  const before = flow !== 'setup' ? await serverState(client) : undefined;
  const scan = secretsScan();
  const el = await wizardFor(client, flow, 500);
  try {
    const key = await toConfirmKey(el, flow);
    injected.arm(plan);
    await confirmKey(el, key);
    const seen = await driveToDone(el, a.password);
    expect(injected.fired, `the fault hit ${request}`).to.equal(true);
    if (plan.fault === 'slow' && /^PUT|^POST/.test(request)) expect(seen.join(' '), 'slowness shown').to.match(/Saving…/);
    await expectServerComplete(a, client, key);
    if (before) {
      const after = await serverState(client);
      expect(after.defaultKey, 'a new default key').to.not.equal(before.defaultKey);
      if (flow === 'change-key') expect(after.master, 'change-key keeps the identity').to.equal(before.master);
      else expect(after.master, 'reset replaces the identity').to.not.equal(before.master);
    }
    scan.check([key, ...(oldKey ? [oldKey] : [])], injected.seen, [el]);
    scan.check([a.password], [], [el]);
    return key;
  } finally {
    scan.stop();
    el.remove();
  }
}

const planFor = (fault: Fault, t: number, f: number, dayLong?: boolean): FaultPlan => ({
  fault,
  variant: fault === '429' ? (dayLong ? 3 : t % 3) : t + f,
  slowMs: 1500,
});

describe('<xs-setup-wizard> under faults (Synapse; every request × fail / lost / slow / 429)', () => {
  // The day-long Retry-After is cut to the kit's cap; a 3 s cap here keeps the run short (the default 30 s cap
  // is src/sdk/errors.test.ts's).
  before(() => setMaxRetryAfterMs(3_000));
  after(() => setMaxRetryAfterMs());
  afterEach(stopAllClients);

  TARGETS.forEach((target, t) => {
    if (target.flow === 'setup') {
      // A set-up happens once per account: one account per fault.
      for (const [f, fault] of FAULTS.entries()) {
        it(`setup: ${target.request} — ${fault}`, async () => {
          const a = await registerUser(`fault${t}${fault.replace('429', 'rl')}`);
          const injected = faultOnce(target.match, planFor(fault, t, f, target.dayLong));
          const client = await kitClient(a, { wrapFetch: injected.wrap });
          await runFlow(a, client, 'setup', injected, planFor(fault, t, f, target.dayLong), target.request);
        });
      }
    } else {
      // Change-key and reset repeat on one account: the four faults one after the other, each in its own flow.
      it(`${target.flow}: ${target.request} — ${FAULTS.join(', ')}`, async () => {
        const a = await registerUser(`fault${t}${target.flow}`);
        const injected = faultOnce(target.match, planFor('fail', t, 0));
        const client = await kitClient(a, { wrapFetch: injected.wrap });
        let key = await setUpViaUi(client);
        for (const [f, fault] of FAULTS.entries()) {
          key = await runFlow(a, client, target.flow, injected, planFor(fault, t, f, target.dayLong), `${target.request} (${fault})`, key);
        }
      });
    }
  });
});
