// Plays the other side of an own-device SAS verification with a real client: accepts the request that
// arrives, confirms the emoji when they show. Also an SDK-driven requester for tests that need one, and
// SAS between two SDK clients with both sides confirmed by the test (own sessions or two users).
import type { MatrixClient } from 'matrix-js-sdk';
import { CryptoEvent, VerificationPhase, VerificationRequestEvent, VerifierEvent, type ShowSasCallbacks, type VerificationRequest, type Verifier } from 'matrix-js-sdk/lib/crypto-api/index.js';
import { withTimeout } from '../../src/internal/async.js';
import { nextEmit, waitFor } from './wait.js';

function confirmWhenShown(verifier: Verifier): Promise<void> {
  verifier.on(VerifierEvent.ShowSas, (sas: ShowSasCallbacks) => void sas.confirm());
  const shown = verifier.getShowSasCallbacks();
  if (shown) void shown.confirm();
  return verifier.verify();
}

/** `responder` accepts the next verification request from its own user and confirms SAS; resolves when done. */
export function acceptNextSas(responder: MatrixClient, timeoutMs = 30_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error('no verification request arrived')), timeoutMs);
    const answer = async (req: VerificationRequest) => {
      try {
        await req.accept();
        const verifier = await waitFor('verifier on the responder', () => req.verifier ?? (req.phase === VerificationPhase.Cancelled ? Promise.reject(new Error('cancelled')) : undefined), { timeoutMs });
        await confirmWhenShown(verifier);
        await waitFor('done on the responder', () => req.phase === VerificationPhase.Done, { timeoutMs });
        clearTimeout(t);
        resolve();
      } catch (e) {
        clearTimeout(t);
        reject(e);
      }
    };
    const onRequest = (req: VerificationRequest) => {
      if (!req.isSelfVerification) return;
      responder.off(CryptoEvent.VerificationRequestReceived, onRequest);
      void answer(req); // settles the promise either way
    };
    responder.on(CryptoEvent.VerificationRequestReceived, onRequest);
  });
}

/** `requester` asks its own device `deviceId` to verify, starts SAS once ready and confirms. */
export async function requestSas(requester: MatrixClient, deviceId: string, timeoutMs = 30_000): Promise<void> {
  const req = await requester.getCrypto()!.requestDeviceVerification(requester.getUserId()!, deviceId);
  await untilReady(req, timeoutMs);
  const verifier = await req.startVerification('m.sas.v1');
  await confirmWhenShown(verifier);
  await waitFor('done on the requester', () => req.phase === VerificationPhase.Done, { timeoutMs });
}

/** Resolves when `req` is ready (the other side accepted); rejects if it is cancelled or the bound passes. */
function untilReady(req: VerificationRequest, timeoutMs: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error('the other device did not answer')), timeoutMs);
    const check = () => {
      if (req.phase === VerificationPhase.Ready) {
        clearTimeout(t);
        req.off(VerificationRequestEvent.Change, check);
        resolve();
      } else if (req.phase === VerificationPhase.Cancelled) {
        clearTimeout(t);
        reject(new Error(`cancelled: ${req.cancellationCode}`));
      }
    };
    req.on(VerificationRequestEvent.Change, check);
    check();
  });
}

/** Emoji names (e.g. "Dog") each side of a SAS was shown, in order. */
export interface SasEmoji {
  requester: string[];
  responder: string[];
}

/** Sends a request with `send` and resolves with it and the request `receiver` gets for it (listening before sending). */
export async function sendVerificationRequest(
  receiver: MatrixClient,
  send: () => Promise<VerificationRequest>,
  timeoutMs = 20_000,
): Promise<{ sent: VerificationRequest; received: VerificationRequest }> {
  const incoming = nextEmit<[VerificationRequest]>(receiver, CryptoEvent.VerificationRequestReceived, () => true, timeoutMs);
  const sent = await withTimeout(send(), timeoutMs, { what: 'verification request' });
  const [received] = await incoming;
  return { sent, received };
}

/** One side of a SAS: waits for the emoji, confirms them, waits for the verifier to finish; resolves with the names shown. */
async function confirmShownSas(verifier: Verifier, timeoutMs: number): Promise<string[]> {
  const done = verifier.verify();
  const ended = done.then(() => Promise.reject(new Error('verification ended before the emoji were shown')));
  ended.catch(() => undefined);
  const sas = await Promise.race([waitFor('SAS shown', () => verifier.getShowSasCallbacks(), { timeoutMs }), ended]);
  const names = sas.sas.emoji!.map(([, name]) => name);
  await sas.confirm();
  await withTimeout(done, timeoutMs, { what: 'verification done' });
  return names;
}

/**
 * Completes a SAS between `requester` and `responder`, the same verification as seen by two real clients,
 * both confirmed by the test: the responder accepts, the requester starts SAS once ready, each side confirms
 * the emoji it is shown. Resolves with what each side was shown once both requests are done.
 */
export async function completeSas(requester: VerificationRequest, responder: VerificationRequest, timeoutMs = 20_000): Promise<SasEmoji> {
  await withTimeout(responder.accept(), timeoutMs, { what: 'accept' });
  await untilReady(requester, timeoutMs);
  const verifierA = await withTimeout(requester.startVerification('m.sas.v1'), timeoutMs, { what: 'start' });
  const verifierB = await waitFor('verifier on the responder', () => responder.verifier, { timeoutMs });
  const [a, b] = await Promise.all([confirmShownSas(verifierA, timeoutMs), confirmShownSas(verifierB, timeoutMs)]);
  await waitFor('both done', () => requester.phase === VerificationPhase.Done && responder.phase === VerificationPhase.Done, { timeoutMs });
  return { requester: a, responder: b };
}

/** `a` verifies `b`, another session of the same user, by SAS; both sides confirmed by the test. */
export async function verifyOwnSessionsBySas(a: MatrixClient, b: MatrixClient, timeoutMs = 20_000): Promise<SasEmoji> {
  const { sent, received } = await sendVerificationRequest(b, () => a.getCrypto()!.requestDeviceVerification(a.getUserId()!, b.getDeviceId()!), timeoutMs);
  return completeSas(sent, received, timeoutMs);
}
