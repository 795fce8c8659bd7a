// The bare SDK run of `npm run bench:verify` (verify.bench.ts): the same verification as the elements', by SDK calls.
import type { MatrixClient } from 'matrix-js-sdk';
import { CryptoEvent, VerificationPhase, VerificationRequestEvent, VerifierEvent, type ShowSasCallbacks, type VerificationRequest } from 'matrix-js-sdk/lib/crypto-api/index.js';
import { stopAllClients } from '../support/clients.js';
import { sendVerificationRequest } from '../support/sas.js';
import { waitFor } from '../support/wait.js';
import { setUpPair } from '../support/verify-ui.js';
import { bounded, fast, followClients, mark, ownSigned, traceEnd, traceStart, traced } from './verify-trace.js';

/** Bare SDK: one side of the SAS — confirm as soon as it is shown, until done. */
async function sdkSide(req: VerificationRequest, start: boolean, name: string, t0: number) {
  if (start) {
    await bounded(`${name}: ready`, new Promise<void>((resolve, reject) => {
      const check = () => {
        if (req.phase === VerificationPhase.Ready) resolve();
        else if (req.phase === VerificationPhase.Cancelled) reject(new Error('cancelled'));
        else return;
        req.off(VerificationRequestEvent.Change, check);
      };
      req.on(VerificationRequestEvent.Change, check);
      check();
    }));
    mark('sdk 2 ready on B', t0);
    await req.startVerification('m.sas.v1');
  }
  // The verifier exists once the request is started (on its Change event, as the elements react to it).
  const verifier = await new Promise<NonNullable<VerificationRequest['verifier']>>((resolve, reject) => {
    const bound = setTimeout(() => reject(new Error(`${name}: no verifier within 30 s`)), fast.timeoutMs);
    const check = () => {
      if (!req.verifier) return;
      req.off(VerificationRequestEvent.Change, check);
      clearTimeout(bound);
      resolve(req.verifier);
    };
    req.on(VerificationRequestEvent.Change, check);
    check();
  });
  const shown = new Promise<ShowSasCallbacks>((resolve) => {
    verifier.on(VerifierEvent.ShowSas, resolve);
    const now = verifier.getShowSasCallbacks();
    if (now) resolve(now);
  });
  const done = verifier.verify();
  done.catch(() => undefined);
  const sas = await bounded(`${name}: emoji`, Promise.race([shown, done.then(() => Promise.reject(new Error('ended before the emoji')))]));
  mark(`sdk 3 emoji on ${name}`, t0);
  await sas.confirm();
  await bounded(`${name}: verifier done`, done);
  await waitFor('done', () => req.phase === VerificationPhase.Done, fast);
  mark(`sdk 4 done on ${name}`, t0);
}

export async function bareSdk(): Promise<number> {
  const pair = await setUpPair({ prefix: 'bench-sdk', a: traced('A'), b: traced('B') });
  followClients(pair);
  const t0 = performance.now();
  traceStart('sdk');
  const { sent, received } = await sendVerificationRequest(pair.clientA, () => pair.clientB.getCrypto()!.requestOwnUserVerification());
  mark('sdk 1 request received by A', t0);
  await received.accept();
  // The same read-back the elements do before "Verified" (src/state/verification-readback.ts), by SDK calls: both
  // sessions cross-signed, first as the server says (a /keys/query), then from the store on each trust event and every
  // 150 ms, and from the server again every second; a change during a read is read again right after it.
  const signed = (client: MatrixClient, name: string) =>
    new Promise<void>((resolve, reject) => {
      let busy = false;
      let again = false;
      let over = false;
      const check = async (refresh: boolean) => {
        if (over) return;
        if (busy) {
          again = true;
          return;
        }
        busy = true;
        let ok: boolean;
        try {
          if (refresh) await client.getCrypto()!.userHasCrossSigningKeys(undefined, true);
          ok = !!(await ownSigned(client, pair.a.deviceId)) && !!(await ownSigned(client, pair.b.deviceId));
        } catch {
          ok = false;
        } finally {
          busy = false;
        }
        if (over) return;
        if (ok) {
          end();
          mark(`sdk 5 verified on ${name}`, t0);
          resolve();
        } else if (again) {
          again = false;
          void check(false);
        }
      };
      const onEvent = () => void check(false);
      const events = [CryptoEvent.DevicesUpdated, CryptoEvent.UserTrustStatusChanged, CryptoEvent.KeysChanged];
      for (const e of events) client.on(e as never, onEvent as never);
      const fastPoll = setInterval(() => void check(false), 150);
      const slowPoll = setInterval(() => void check(true), 1000);
      const bound = setTimeout(() => {
        end();
        reject(new Error(`${name}: not read back as cross-signed within 30 s`));
      }, fast.timeoutMs);
      const end = () => {
        over = true;
        for (const e of events) client.off(e as never, onEvent as never);
        clearInterval(fastPoll);
        clearInterval(slowPoll);
        clearTimeout(bound);
      };
      void check(true);
    });
  // The elements restore the history from the backup once the new session is verified (its keys arriving a moment
  // later), while the other side is still reading back: the same work here, by SDK calls, not awaited either.
  const restoreOnB = async () => {
    const crypto = pair.clientB.getCrypto()!;
    await waitFor('secrets on B', async () => {
      const k = (await crypto.getCrossSigningStatus()).privateKeysCachedLocally;
      return k.masterKey && k.selfSigningKey && k.userSigningKey && (await crypto.getSessionBackupPrivateKey()) !== null;
    }, { timeoutMs: 30_000, intervalMs: 100 });
    await crypto.checkKeyBackupAndEnable();
    await crypto.restoreKeyBackup();
  };
  await Promise.all([
    sdkSide(sent, true, 'B', t0).then(() => signed(pair.clientB, 'B')).then(() => void restoreOnB().catch(() => undefined)),
    sdkSide(received, false, 'A', t0).then(() => signed(pair.clientA, 'A')),
  ]);
  const ms = performance.now() - t0;
  traceEnd();
  await stopAllClients();
  return ms;
}
