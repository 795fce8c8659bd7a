// Benchmark (`npm run bench:verify`, against the real Synapse): a new session verified by emoji, request to
// verified, through the elements (<xs-verify-login> on both sides, their buttons clicked as a person would,
// "Verified" shown only after the signatures are read back) against the same flow by bare SDK calls (request,
// accept, start SAS, confirm on both sides, done — test/support/sas.ts — then the same read-back of
// crossSigningVerified). The rounds
// are interleaved so machine load hits both alike; the account set-up is outside the timing.
// Target (issue 12): the elements add at most 10 %.
import { expect, fixture, html } from '@open-wc/testing';
import type { MatrixClient } from 'matrix-js-sdk';
import '../../src/define/xs-verify-login.js';
import type { XsVerifyLogin } from '../../src/components/verify-login/verify-login.js';
import { onVerificationRequest } from '../../src/sdk/verification.js';
import { stopAllClients } from '../support/clients.js';
import { completeSas, sendVerificationRequest } from '../support/sas.js';
import { waitFor } from '../support/wait.js';
import { headingText, root, setUpPair } from '../support/verify-ui.js';

const ROUNDS = 10;
const fast = { timeoutMs: 30_000, intervalMs: 5 };

function click(el: XsVerifyLogin, label: string) {
  const b = [...root(el).querySelectorAll('button')].find((x) => x.textContent?.trim() === label);
  if (!b) throw new Error(`no "${label}" in "${headingText(el)}"`);
  b.click();
}

const at = (el: XsVerifyLogin, heading: string) => waitFor(`"${heading}"`, () => headingText(el) === heading, fast);

async function ownSigned(client: MatrixClient, deviceId: string) {
  return (await client.getCrypto()!.getDeviceVerificationStatus(client.getSafeUserId(), deviceId))?.crossSigningVerified;
}

/** Per-phase times of the last elements round (ms since the request), for the breakdown. */
const phases: Record<string, number[]> = {};
const mark = (name: string, t0: number) => (phases[name] ??= []).push(performance.now() - t0);

async function throughElements(): Promise<number> {
  const pair = await setUpPair({ prefix: 'bench-el' });
  const newSide = await fixture<XsVerifyLogin>(html`<xs-verify-login .client=${pair.clientB}></xs-verify-login>`);
  const answered = new Promise<XsVerifyLogin>((resolve) => {
    const off = onVerificationRequest(pair.clientA, async (request) => {
      off();
      resolve(await fixture<XsVerifyLogin>(html`<xs-verify-login .client=${pair.clientA} .request=${request}></xs-verify-login>`));
    });
  });
  await at(newSide, 'Verify this session');
  const t0 = performance.now();
  click(newSide, 'Verify with another session');
  const oldSide = await answered;
  await at(oldSide, 'Verification request');
  mark('1 request shown on A', t0);
  click(oldSide, 'Accept');
  await at(newSide, 'Choose how to verify');
  mark('2 choose on B', t0);
  click(newSide, 'Compare emoji');
  await at(newSide, 'Compare the emoji');
  await at(oldSide, 'Compare the emoji');
  mark('3 emoji on both', t0);
  click(oldSide, 'They match');
  click(newSide, 'They match');
  const past = (el: XsVerifyLogin) => waitFor('done', () => ['Checking…', 'Verified'].includes(headingText(el)), fast);
  await Promise.all([past(newSide), past(oldSide)]);
  mark('4 done (checking) on both', t0);
  await Promise.all([at(newSide, 'Verified'), at(oldSide, 'Verified')]);
  const ms = performance.now() - t0;
  expect(await ownSigned(pair.clientB, pair.b.deviceId)).to.equal(true);
  newSide.remove();
  oldSide.remove();
  await stopAllClients();
  return ms;
}

async function bareSdk(): Promise<number> {
  const pair = await setUpPair({ prefix: 'bench-sdk' });
  const t0 = performance.now();
  // The test suite's own SDK-only SAS (test/support/sas.ts): request, accept, start, confirm both, done.
  const { sent, received } = await sendVerificationRequest(pair.clientA, () => pair.clientB.getCrypto()!.requestOwnUserVerification());
  mark('sdk 1 request received by A', t0);
  await completeSas(sent, received);
  mark('sdk 4 done on both', t0);
  // The same read-back the elements do before "Verified": both sessions cross-signed as the server says.
  await Promise.all([
    waitFor('B signed (B)', async () => {
      await pair.clientB.getCrypto()!.userHasCrossSigningKeys(undefined, true);
      return ownSigned(pair.clientB, pair.b.deviceId);
    }, fast),
    waitFor('B signed (A)', () => ownSigned(pair.clientA, pair.b.deviceId), fast),
  ]);
  const ms = performance.now() - t0;
  await stopAllClients();
  return ms;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

describe('bench: verification request → verified, elements vs bare SDK (Synapse)', () => {
  it(`${ROUNDS} interleaved rounds each`, async () => {
    const el: number[] = [];
    const sdk: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      // Alternate which goes first, so warm-up and drift don't favour one.
      if (i % 2 === 0) {
        el.push(await throughElements());
        sdk.push(await bareSdk());
      } else {
        sdk.push(await bareSdk());
        el.push(await throughElements());
      }
      console.log(`[bench] round ${i + 1}: elements ${el[i]!.toFixed(0)} ms, bare SDK ${sdk[i]!.toFixed(0)} ms`);
    }
    const mEl = median(el);
    const mSdk = median(sdk);
    const overhead = (mEl / mSdk - 1) * 100;
    for (const [name, xs] of Object.entries(phases).sort()) console.log(`[bench]   elements, ${name}: median ${median(xs).toFixed(0)} ms`);
    console.log(`[bench] median elements ${mEl.toFixed(0)} ms, bare SDK ${mSdk.toFixed(0)} ms, overhead ${overhead.toFixed(1)} % (target ≤ 10 %)`);
    expect(overhead, 'the elements add at most 10 %').to.be.at.most(10);
  });
});
