// <xs-setup-wizard>'s device-dehydration requests (MSC3814) under faults, against the real Synapse, through the
// element's own UI. One account for CI time: set-up once, then change-key again and again — each flow with one
// fault on one request, the four faults of a request one after the other. Set-up and change-key run the same
// dehydration step (setup.ts `finish` → dehydration.ts `refreshDehydration`), so the rows hold for both.
//   fail = 503 or network down (alternating), lost = applied by the server but the response never arrives,
//   slow = held 1.5 s (the wizard's stall limit is 0.5 s here: "Still saving…", then Keep waiting joins the save),
//   429  = rate-limited with an odd wait (Retry-After garbage / a past date / negative, with retry_after_ms 1 s / a
//          day — cut to the kit's cap, 2 s in this file; the default 30 s is src/sdk/errors.test.ts's).
// Each flow must end true: "You're all set" only when the server holds the set-up under the key just saved
// (setup-verify.ts), a dehydrated device other than the one before, and the dehydration key stored under the new
// default key — all read with separate requests. A failure screen must name only what is missing ("your offline
// device") and its Try again must finish the job. The Security Keys never leave the field (secrets scan).
//
// | flow              | request                                                          | fail | lost | slow | 429 |
// |-------------------|------------------------------------------------------------------|------|------|------|-----|
// | set-up/change-key | PUT /unstable/org.matrix.msc3814.v1/dehydrated_device (the device)|  ✓   |  ✓   |  ✓   |  ✓  |
// | set-up/change-key | PUT account_data org.matrix.msc3814 (its key, encrypted)         |  ✓   |  ✓   |  ✓   |  ✓  |
// | set-up/change-key | GET …/dehydrated_device (support probe, before the upload)       |  ✓   |  ✓   |  ✓   |  ✓  |
// | set-up/change-key | GET …/dehydrated_device (read-back, after the upload)            |  ✓   |  ✓   |  ✓   |  ✓  |
//
// The first case runs in the set-up, the rest in change-keys.
import { expect } from '@open-wc/testing';
import type { MatrixClient } from 'matrix-js-sdk';
import { decodeRecoveryKey } from 'matrix-js-sdk/lib/crypto-api/recovery-key.js';
import type { XsSetupWizard } from '../../src/components/setup-wizard/setup-wizard.js';
import { serverDehydratedDevice } from '../../src/sdk/dehydration.js';
import { setMaxRetryAfterMs } from '../../src/sdk/errors.js';
import { serverAccountData, verifySetupOnServer } from '../../src/sdk/setup-verify.js';
import { stopAllClients } from '../support/clients.js';
import { FAULTS, faultOnce } from '../support/faults.js';
import { registerUser } from '../support/homeserver.js';
import { secretsScan } from '../support/secrets-scan.js';
import { button, heading, kitClient, root, waitHeading, wizardFor } from '../support/setup-wizard.js';

type Match = (url: string, init?: RequestInit) => boolean;
const method = (init?: RequestInit) => init?.method ?? 'GET';
const isDevice = (url: string) => url.split('?')[0].endsWith('/org.matrix.msc3814.v1/dehydrated_device');

// The read-back GET is the one after this client's PUT of the device (set when that PUT goes out).
let uploaded = false;
const TARGETS: { request: string; match: Match }[] = [
  { request: 'PUT …/dehydrated_device', match: (u, i) => method(i) === 'PUT' && isDevice(u) },
  { request: 'PUT account_data org.matrix.msc3814', match: (u, i) => method(i) === 'PUT' && u.includes('/account_data/org.matrix.msc3814') },
  { request: 'GET …/dehydrated_device (probe)', match: (u, i) => method(i) === 'GET' && isDevice(u) && !uploaded },
  { request: 'GET …/dehydrated_device (read-back)', match: (u, i) => method(i) === 'GET' && isDevice(u) && uploaded },
];

/** Answers whatever the wizard shows until "You're all set"; returns the failure texts seen on the way. */
async function driveToDone(el: XsSetupWizard, timeoutMs = 60_000): Promise<string[]> {
  const failures: string[] = [];
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    await el.updateComplete;
    const h = heading(el);
    if (h === 'You’re all set') return failures;
    const buttons = [...root(el).querySelectorAll('button')].filter((b) => !b.disabled);
    const tryAgain = buttons.find((b) => b.textContent?.trim() === 'Try again');
    if (h === 'Not finished yet' && tryAgain) {
      failures.push(root(el).textContent.replace(/\s+/g, ' ').trim());
      tryAgain.click();
    } else if ((h === 'Stopped waiting' || h === 'Saving…') && tryAgain) tryAgain.click();
    else buttons.find((b) => b.textContent?.trim() === 'Keep waiting')?.click();
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`not done in time; now: ${heading(el)}: ${root(el).textContent?.replace(/\s+/g, ' ').slice(0, 300)}`);
}

/** One set-up or change-key through the wizard with the fault armed at the commit; returns the new key. */
async function runFlow(client: MatrixClient, mode: 'setup' | 'change-key', arm: () => void): Promise<{ key: string; failures: string[] }> {
  const el = await wizardFor(client, mode, 500);
  try {
    if (mode === 'setup') {
      await waitHeading(el, 'Secure your messages');
      button(el, 'Continue').click();
    }
    await waitHeading(el, mode === 'setup' ? 'Choose how to unlock your messages' : 'Choose your new Security Key');
    button(el, 'Generate a Security Key').click();
    await waitHeading(el, 'Save your Security Key');
    const key = root(el).querySelector('#key-text')!.textContent.trim();
    button(el, 'Download').click();
    await el.updateComplete;
    button(el, 'Continue').click();
    await waitHeading(el, 'Type your Security Key');
    root(el).querySelector<HTMLInputElement>('#confirm-key')!.value = key;
    uploaded = false;
    arm();
    root(el).querySelector('form')!.requestSubmit();
    return { key, failures: await driveToDone(el) };
  } finally {
    el.remove();
  }
}

describe('<xs-setup-wizard> dehydration requests under faults (Synapse)', () => {
  before(() => setMaxRetryAfterMs(2_000));
  after(() => setMaxRetryAfterMs());
  afterEach(stopAllClients);

  it('set-up and change-key end true under every fault of every dehydration request, one account, in sequence', async function () {
    this.timeout(300_000);
    const faults = TARGETS.map((t) => faultOnce(t.match, { fault: 'fail' }));
    const a = await registerUser('dehydfaults');
    const client = await kitClient(a, {
      wrapFetch: (inner) => {
        const faulty = faults.reduce((f, t) => t.wrap(f), inner);
        return (input, init) => {
          const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
          if (method(init) === 'PUT' && isDevice(url)) uploaded = true;
          return faulty(input, init);
        };
      },
    });
    const scan = secretsScan();
    const keys: string[] = [];
    let previous: string | null | undefined = null;
    for (const [t, target] of TARGETS.entries()) {
      for (const [f, fault] of FAULTS.entries()) {
        const label = `${target.request} — ${fault}`;
        const mode = keys.length === 0 ? 'setup' : 'change-key';
        const variant = fault === '429' ? (t + f) % 4 : t + f;
        const { key, failures } = await runFlow(client, mode, () => faults[t].arm({ fault: fault, variant, slowMs: 1500 }));
        keys.push(key);
        expect(faults[t].fired, `${label}: the fault was applied`).to.equal(true);
        // Any failure screen on the way named only the offline device as missing.
        for (const text of failures) expect(text, `${label}: the failure names what is missing`).to.contain('Still missing: your offline device.');
        // A failed or lost read of the device is the kit's own request (nobody re-sends it): the failure is shown.
        // (The SDK re-sends a failed device upload, and an account-data write after a network error, by itself.)
        if (target.request.startsWith('GET') && (fault === 'fail' || fault === 'lost')) expect(failures, `${label}: the gap was shown`).to.have.length(1);
        // The end, read back with separate requests: the set-up under the key just saved, a new dehydrated
        // device, and its key under the new default key.
        expect(await verifySetupOnServer(client, decodeRecoveryKey(key.replace(/\s+/g, ''))), `${label}: the set-up holds`).to.deep.equal([]);
        const device = await serverDehydratedDevice(client);
        expect(device, `${label}: a new dehydrated device`).to.be.a('string').and.not.equal(previous);
        previous = device;
        const defaultKey = (await serverAccountData<{ key: string }>(client, 'm.secret_storage.default_key'))!.key;
        const stored = await serverAccountData<{ encrypted?: Record<string, unknown> }>(client, 'org.matrix.msc3814');
        expect(Object.keys(stored?.encrypted ?? {}), `${label}: the dehydration key under the new default key`).to.deep.equal([defaultKey]);
      }
    }
    scan.stop();
    scan.check(keys, faults[0].seen, []);
  });
});
