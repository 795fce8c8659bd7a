// Plays the other side of an own-device SAS verification with a real client: accepts the request that
// arrives, confirms the emoji when they show. Also an SDK-driven requester for tests that need one.
import type { MatrixClient } from 'matrix-js-sdk';
import { CryptoEvent, VerificationPhase, VerificationRequestEvent, VerifierEvent, type ShowSasCallbacks, type VerificationRequest, type Verifier } from 'matrix-js-sdk/lib/crypto-api/index.js';
import { waitFor } from './wait.js';

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
    const onRequest = async (req: VerificationRequest) => {
      if (!req.isSelfVerification) return;
      responder.off(CryptoEvent.VerificationRequestReceived, onRequest);
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
    responder.on(CryptoEvent.VerificationRequestReceived, onRequest);
  });
}

/** `requester` asks its own device `deviceId` to verify, starts SAS once ready and confirms. */
export async function requestSas(requester: MatrixClient, deviceId: string, timeoutMs = 30_000): Promise<void> {
  const req = await requester.getCrypto()!.requestDeviceVerification(requester.getUserId()!, deviceId);
  await new Promise<void>((resolve, reject) => {
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
  const verifier = await req.startVerification('m.sas.v1');
  await confirmWhenShown(verifier);
  await waitFor('done on the requester', () => req.phase === VerificationPhase.Done, { timeoutMs });
}
