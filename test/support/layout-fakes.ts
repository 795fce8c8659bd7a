// Small fakes for rendering elements without a server in layout tests: an incoming verification request, a client
// for the verification elements, a password prompt session.
import type { MatrixClient } from 'matrix-js-sdk';
import { VerificationPhase } from 'matrix-js-sdk/lib/crypto-api/verification.js';
import { UiaSession } from '../../src/state/uia.js';

/** A verification request as the SDK hands it over (only what the elements read). */
export class FakeRequest {
  phase = VerificationPhase.Requested;
  initiatedByMe = false;
  accepting = false;
  otherDeviceId: string | undefined = 'PHONEDEVICE';
  otherUserId: string;
  isSelfVerification: boolean;
  chosenMethod: string | null = null;
  cancellationCode: string | null = null;
  timeout = 600_000;
  verifier = undefined;
  constructor(otherUserId: string) {
    this.otherUserId = otherUserId;
    this.isSelfVerification = otherUserId === '@me:example.org';
  }
  on() {}
  off() {}
  otherPartySupportsMethod() {
    return true;
  }
  async accept() {}
  async cancel() {}
}

export const verifyClient = {
  getSafeUserId: () => '@me:example.org',
  getUserId: () => '@me:example.org',
  getDeviceId: () => 'THIS',
  getUser: () => ({ displayName: 'سارة' }),
  getCrypto: () => undefined,
  on() {},
  off() {},
} as unknown as MatrixClient;

export function passwordSession() {
  const s = new UiaSession<string>({
    userId: '@me:example.org',
    fallbackUrl: () => 'https://hs.example.org/fallback',
    request: async () => {
      throw Object.assign(new Error('401'), { httpStatus: 401, data: { flows: [{ stages: ['m.login.password'] }], params: {}, session: 'S' } });
    },
  });
  void s.run().catch(() => {});
  return s;
}

