// <xs-key-storage> under faults, against the real Synapse, driven through the element's own UI. One account, the
// cases in sequence (CI time): each cycle turns key storage off with one fault on one request, then on again with
// the same fault on one request of "on". Every case must end on a true screen — "Key storage is off" only when the
// server has no backup and no stored backup key, "Key storage is on" only when the server's backup is trusted and
// its key decrypts under the Security Key (read by separate requests) — and a failure screen's Try again must work.
//   fail = 503 or network down (alternating), lost = applied by the server but the response never arrives,
//   slow = held 1 s, 429 = rate-limited with an odd wait (Retry-After garbage / a past date / negative, with
//   retry_after_ms 1 s / a day — cut to the kit's cap, set to 2 s in this file; the default 30 s is errors.test.ts's).
//
// | flow    | request                                                  | fail | lost | slow | 429 |
// |---------|----------------------------------------------------------|------|------|------|-----|
// | off     | GET /room_keys/version (which versions; read-back)       |  ✓   |  ✓   |  ✓   |  ✓  |
// | off     | DELETE /room_keys/version/<v>                            |  ✓   |  ✓   |  ✓   |  ✓  |
// | off     | PUT account_data m.megolm_backup.v1 = {}                 |  ✓   |  ✓   |  ✓   |  ✓  |
// | off     | PUT account_data m.key_backup {enabled:false}            |  ✓   |  ✓   |  ✓   |  ✓  |
// | on      | POST /room_keys/version (the new backup)                 |  ✓   |  ✓   |  ✓   |  ✓  |
// | on      | PUT account_data m.megolm_backup.v1 (its key, encrypted) |  ✓   |  ✓   |  ✓   |  ✓  |
// | on      | PUT account_data m.key_backup {enabled:true}             |  ✓   |  ✓   |  ✓   |  ✓  |
// | on      | GET account_data m.secret_storage.default_key (read-back)|  ✓   |  ✓   |  ✓   |  ✓  |
// | check   | — (reads synced account data only; no request)          |  —   |  —   |  —   |  —  |
//
// Restore on demand (GET /room_keys/keys) is HistoryRestoreFlow's, whose failures and retry are unit-tested
// (src/state/history-restore.test.ts) and whose success is proven in key-storage.e2e.ts. The dehydration requests
// of set-up / change-key (PUT/GET …/dehydrated_device, PUT account_data org.matrix.msc3814) have their table in
// setup-dehydration-faults.e2e.ts.
import { expect, fixture, html } from '@open-wc/testing';
import type { MatrixClient } from 'matrix-js-sdk';
import { decodeRecoveryKey } from 'matrix-js-sdk/lib/crypto-api/recovery-key.js';
import '../../src/define/xs-key-storage.js';
import type { XsKeyStorage } from '../../src/components/key-storage/key-storage.js';
import { setMaxRetryAfterMs } from '../../src/sdk/errors.js';
import { serverAccountData, serverBackupVersion, verifySetupOnServer } from '../../src/sdk/setup-verify.js';
import { stopAllClients } from '../support/clients.js';
import { FAULTS, faultOnce, type Fault } from '../support/faults.js';
import { registerUser } from '../support/homeserver.js';
import { secretsScan } from '../support/secrets-scan.js';
import { kitClient, setUpViaUi } from '../support/setup-wizard.js';
import { waitFor } from '../support/wait.js';

type Match = (url: string, init?: RequestInit) => boolean;
const body = (init?: RequestInit) => (typeof init?.body === 'string' ? init.body : '');
const method = (init?: RequestInit) => init?.method ?? 'GET';
const path = (url: string) => url.split('?')[0];
const put = (type: string, empty: boolean): Match => (u, i) => method(i) === 'PUT' && u.includes(`/account_data/${type}`) && (body(i) === '{}') === empty;

const OFF: { request: string; match: Match }[] = [
  { request: 'GET /room_keys/version', match: (u, i) => method(i) === 'GET' && /\/room_keys\/version$/.test(path(u)) },
  { request: 'DELETE /room_keys/version/<v>', match: (u, i) => method(i) === 'DELETE' && u.includes('/room_keys/version/') },
  { request: 'PUT m.megolm_backup.v1 = {}', match: put('m.megolm_backup.v1', true) },
  { request: 'PUT m.key_backup (off)', match: (u, i) => method(i) === 'PUT' && u.includes('/account_data/m.key_backup') && body(i).includes('false') },
];
const ON: { request: string; match: Match }[] = [
  { request: 'POST /room_keys/version', match: (u, i) => method(i) === 'POST' && /\/room_keys\/version$/.test(path(u)) },
  { request: 'PUT m.megolm_backup.v1', match: put('m.megolm_backup.v1', false) },
  { request: 'PUT m.key_backup (on)', match: (u, i) => method(i) === 'PUT' && u.includes('/account_data/m.key_backup') && body(i).includes('true') },
  { request: 'GET m.secret_storage.default_key (read-back)', match: (u, i) => method(i) === 'GET' && u.includes('/account_data/m.secret_storage.default_key') },
];

const root = (el: Element) => el.shadowRoot!;
const heading = (el: Element) => root(el).querySelector('h2')?.textContent?.trim() ?? '';
const text = (el: Element) => root(el).textContent?.replace(/\s+/g, ' ').trim() ?? '';
const click = (el: Element, label: string) => {
  const b = [...root(el).querySelectorAll('button')].find((x) => x.textContent?.trim() === label);
  if (!b) throw new Error(`no button "${label}" in "${heading(el)}": ${text(el).slice(0, 200)}`);
  b.click();
};

/** Answers whatever the element shows until `done` (Try again on failures, the key on the key step); returns the headings seen. */
async function drive(el: XsKeyStorage, done: string, key: string, timeoutMs = 60_000): Promise<string[]> {
  const seen: string[] = [];
  let lastAlert = '';
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    await el.updateComplete;
    const h = heading(el);
    if (h && seen.at(-1) !== h) seen.push(h);
    if (h === done) return seen;
    const input = root(el).querySelector<HTMLInputElement>('#key-input');
    if (h === 'Enter your Security Key' && input && !input.value) {
      input.value = key;
      root(el).querySelector('form')!.requestSubmit();
    } else if (h === 'Key storage could not be turned off' || h === 'Key storage could not be turned on') {
      lastAlert = root(el).querySelector('[role=alert]')?.textContent?.trim() ?? '';
      click(el, 'Try again');
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`"${done}" not reached; headings: ${seen.join(' → ')}; last failure: ${lastAlert}; now: ${text(el).slice(0, 300)}`);
}

async function expectOff(client: MatrixClient) {
  expect(await serverBackupVersion(client), 'no backup on the server').to.equal(null);
  expect(await serverAccountData(client, 'm.megolm_backup.v1'), 'no stored backup key').to.equal(null);
}

async function expectOn(client: MatrixClient, raw: Uint8Array<ArrayBuffer>) {
  const gaps = (await verifySetupOnServer(client, raw)).filter((g) => g === 'backup' || g === 'backup-key-stored');
  expect(gaps, 'a trusted backup, its key under the Security Key').to.deep.equal([]);
}

describe('<xs-key-storage> under faults (Synapse)', () => {
  before(() => setMaxRetryAfterMs(2_000));
  after(() => setMaxRetryAfterMs());
  afterEach(stopAllClients);

  it('turning off and on ends true under every fault of every request, one account, in sequence', async function () {
    this.timeout(300_000);
    const faults = [...OFF, ...ON].map((t) => ({ ...t, fault: faultOnce(t.match, { fault: 'fail' }) }));
    const a = await registerUser('ksfaults');
    const client = await kitClient(a, { wrapFetch: (inner) => faults.reduce((f, t) => t.fault.wrap(f), inner) });
    const key = await setUpViaUi(client);
    const raw = decodeRecoveryKey(key.replace(/\s+/g, ''));
    const scan = secretsScan();
    const el = await fixture<XsKeyStorage>(html`<xs-key-storage .client=${client}></xs-key-storage>`);
    await waitFor('on', () => root(el).querySelector('[data-state=on]'), { timeoutMs: 20_000 });
    const arm = (i: number, fault: Fault, variant: number) => faults[i].fault.arm({ fault, variant, slowMs: 1000 });

    for (let round = 0; round < FAULTS.length * OFF.length; round++) {
      const fault = FAULTS[Math.floor(round / OFF.length)];
      const k = round % OFF.length;
      const variant = round % 4;
      const label = `${fault} on`;

      console.log(`[round ${round}] ${label}: ${OFF[k].request} / ${ON[k].request} (variant ${variant})`);
      arm(k, fault, variant);
      click(el, 'Turn off key storage');
      await waitFor('consent step', () => heading(el) === 'Turn off key storage?');
      click(el, 'Turn off and delete the backup');
      const offSeen = await drive(el, 'Key storage is off', key);
      expect(faults[k].fault.fired, `${label} ${OFF[k].request}: the fault was applied`).to.equal(true);
      await expectOff(client);
      // A failed DELETE must be shown. (The account model reads GET /room_keys/version too, so that fault may land on
      // its read; the SDK re-sends account data writes after a network error by itself: the end state is what counts.)
      if (fault === 'fail' && k === 1) expect(offSeen, `${label} ${OFF[k].request}: the failure was shown`).to.include('Key storage could not be turned off');
      click(el, 'Done');
      await waitFor(`off (${label} ${OFF[k].request})`, () => root(el).querySelector('[data-state=off]'), { timeoutMs: 20_000 });

      arm(OFF.length + k, fault, variant);
      click(el, 'Turn on key storage');
      const onSeen = await drive(el, 'Key storage is on', key);
      expect(faults[OFF.length + k].fault.fired, `${label} ${ON[k].request}: the fault was applied`).to.equal(true);
      await expectOn(client, raw);
      // (The SDK re-sends some failed writes itself — account data after a network error — so a failure screen is
      // not required here; the end state is.)
      if (fault === 'fail' && k === 0) expect(onSeen, `${label} ${ON[k].request}: the failure was shown`).to.include('Key storage could not be turned on');
      click(el, 'Done');
      await waitFor(`on (${label} ${ON[k].request})`, () => root(el).querySelector('[data-state=on]'), { timeoutMs: 20_000 });
    }
    scan.stop();
    // The Security Key never left the key field: not in the console, any request, storage, the DOM or an event.
    scan.check([key], faults[0].fault.seen, [el]);
  });
});
