// The only code that touches matrix-js-sdk's VerificationRequest / Verifier. It turns them into a small
// port (plain data + intent methods) that src/state/verification.ts drives, and that tests fake.
//
// Facts it relies on (matrix-js-sdk 43, rust crypto): `request.methods` throws, so methods are read with
// otherPartySupportsMethod(); `verifier` exists only in phase Started; `VerifierEvent.Cancel` is never
// emitted, so cancellation comes from the phase, `cancellationCode` and the rejection of `verify()`
// ("Verification cancelled by us|them with code <code>: <reason>"); `cancel()` always sends m.user.
import type { Device, MatrixClient } from 'matrix-js-sdk';
import type { ShowQrCodeCallbacks, ShowSasCallbacks, VerificationRequest, Verifier } from 'matrix-js-sdk/lib/crypto-api/index.js';
import { CryptoEvent } from 'matrix-js-sdk/lib/crypto-api/CryptoEvent.js';
import { VerificationPhase, VerificationRequestEvent, VerifierEvent } from 'matrix-js-sdk/lib/crypto-api/verification.js';

export const METHOD_SAS = 'm.sas.v1';
export const METHOD_QR_SHOW = 'm.qr_code.show.v1';
export const METHOD_QR_SCAN = 'm.qr_code.scan.v1';
export const METHOD_RECIPROCATE = 'm.reciprocate.v1';

export type RequestPhase = 'requested' | 'ready' | 'started' | 'cancelled' | 'done';

/** What the flow needs to know about a request, as plain data. */
export interface RequestView {
  phase: RequestPhase;
  initiatedByMe: boolean;
  /** Our answer (ready) is being sent. */
  accepting: boolean;
  /** The other device, once known (undefined before anyone answers a request sent to all own sessions). */
  otherDeviceId: string | undefined;
  otherUserId: string;
  /** 'm.sas.v1' or 'm.reciprocate.v1' once started. */
  chosenMethod: string | null;
  cancellationCode: string | null;
  /** True when the SDK says we sent the cancellation; undefined when it can't tell. */
  cancelledByUs: boolean | undefined;
  /** The other side can scan a QR code we show. */
  otherCanScan: boolean;
  /** The other side shows a QR code we could scan. */
  otherCanShow: boolean;
  /** Milliseconds before the request expires (0 = expired), null when not known. */
  timeoutMs: number | null;
}

/** One emoji of the short authentication string: the glyph and the SDK's English description (the spec's name). */
export interface SasEmoji {
  glyph: string;
  description: string;
}

export interface SasView {
  emoji: SasEmoji[];
  decimal: [number, number, number] | undefined;
  confirm(): Promise<void>;
  mismatch(): void;
  cancel(): void;
}

/** Shown on the device whose QR code the other device scanned: the person confirms the other device says "verified". */
export interface ReciprocateView {
  confirm(): void;
  cancel(): void;
}

export interface VerifierHandlers {
  onSas(sas: SasView): void;
  onReciprocate(qr: ReciprocateView): void;
}

/** How a verifier ended when it did not succeed. */
export interface VerifierEnd {
  code: string | undefined;
  byUs: boolean | undefined;
  reason: string | undefined;
}

/** A verification request as the state machine sees it. */
export interface VerificationPort {
  readonly ownUserId: string;
  readonly ownDeviceId: string;
  view(): RequestView;
  onChange(listener: () => void): () => void;
  accept(): Promise<void>;
  cancel(): Promise<void>;
  startSas(): Promise<void>;
  generateQrCode(): Promise<Uint8ClampedArray | undefined>;
  scanQrCode(bytes: Uint8ClampedArray): Promise<void>;
  /** True once the verifier of phase Started exists. */
  hasVerifier(): boolean;
  /** Runs the verifier of phase Started once: resolves when done, rejects with VerifierEndError otherwise. */
  runVerifier(handlers: VerifierHandlers): Promise<void>;
  /**
   * Reads back whether the trust this verification should have produced is there: for a self-verification,
   * both sessions cross-signed by the identity; for another user, their identity signed by our user-signing key.
   * `refresh` also asks the server for the latest keys of the user(s) concerned.
   */
  checkTrust(refresh: boolean): Promise<boolean>;
  /**
   * Calls `listener` when device lists or identities changed (to re-check trust, or notice a session removed);
   * `ownDevices` is true when our own user's device list is among what changed.
   */
  onTrustChange(listener: (ownDevices: boolean) => void): () => void;
  /** False once the other device (own sessions only) is known and no longer in the device list. */
  otherDeviceExists(): Promise<boolean>;
  /**
   * How a cancelled request ended, when the request itself doesn't say (its code is null): read from the
   * verifier it had before a method started (e.g. the QR code we showed, which the other side scanned wrongly).
   */
  verifierEnd(): Promise<VerifierEnd | undefined>;
}

export class VerifierEndError extends Error {
  override readonly name = 'VerifierEndError';
  constructor(readonly end: VerifierEnd) {
    super(`verification ended${end.code ? ` with ${end.code}` : ''}`);
  }
}

/** Parses the SDK's "Verification cancelled by us|them with code <code>: <reason>" rejection. */
export function parseVerifierError(e: unknown): VerifierEnd {
  const message = e instanceof Error ? e.message : String(e);
  const m = /cancelled by (us|them) with code (\S+?):\s?([\s\S]*)$/.exec(message);
  if (!m) return { code: undefined, byUs: undefined, reason: undefined };
  return { byUs: m[1] === 'us', code: m[2], reason: m[3]?.slice(0, 200) };
}

function phaseOf(p: VerificationPhase): RequestPhase {
  switch (p) {
    case VerificationPhase.Ready: return 'ready';
    case VerificationPhase.Started: return 'started';
    case VerificationPhase.Cancelled: return 'cancelled';
    case VerificationPhase.Done: return 'done';
    default: return 'requested';
  }
}

function sasView(cb: ShowSasCallbacks): SasView {
  return {
    emoji: (cb.sas.emoji ?? []).map(([glyph, description]) => ({ glyph, description })),
    decimal: cb.sas.decimal,
    confirm: () => cb.confirm(),
    mismatch: () => cb.mismatch(),
    cancel: () => cb.cancel(),
  };
}

function reciprocateView(cb: ShowQrCodeCallbacks): ReciprocateView {
  return { confirm: () => cb.confirm(), cancel: () => cb.cancel() };
}

/** Whether `deviceId` of our own user is cross-signed by our identity, as this client has it stored. */
async function ownDeviceSigned(client: MatrixClient, deviceId: string): Promise<boolean> {
  return (await cryptoOf(client).getDeviceVerificationStatus(client.getSafeUserId(), deviceId))?.crossSigningVerified ?? false;
}

/** Events after which trust or device lists may read differently. */
const TRUST_EVENTS = [CryptoEvent.DevicesUpdated, CryptoEvent.UserTrustStatusChanged, CryptoEvent.KeysChanged] as const;

/** Wraps an SDK VerificationRequest (outgoing or incoming) as a port. */
export function portFor(client: MatrixClient, request: VerificationRequest): VerificationPort {
  const ownUserId = client.getSafeUserId();
  const ownDeviceId = client.getDeviceId() ?? '';
  let ranVerifier: Verifier | undefined;
  let lastOtherDevice: string | undefined;
  const port: VerificationPort = {
    ownUserId,
    ownDeviceId,
    view(): RequestView {
      const code = request.cancellationCode;
      if (request.otherDeviceId) lastOtherDevice = request.otherDeviceId;
      return {
        phase: phaseOf(request.phase),
        initiatedByMe: request.initiatedByMe,
        accepting: request.accepting,
        otherDeviceId: request.otherDeviceId,
        otherUserId: request.otherUserId,
        chosenMethod: request.chosenMethod,
        cancellationCode: code,
        // cancellingUserId is our own id for both sides of a self-verification: only trust it across users.
        cancelledByUs: code && !request.isSelfVerification ? request.cancellingUserId === ownUserId : undefined,
        otherCanScan: request.otherPartySupportsMethod(METHOD_QR_SCAN),
        otherCanShow: request.otherPartySupportsMethod(METHOD_QR_SHOW),
        timeoutMs: request.timeout,
      };
    },
    onChange(listener) {
      request.on(VerificationRequestEvent.Change, listener);
      return () => request.off(VerificationRequestEvent.Change, listener);
    },
    accept: () => request.accept(),
    cancel: () => request.cancel(),
    async startSas() {
      await request.startVerification(METHOD_SAS);
    },
    generateQrCode: () => request.generateQRCode(),
    async scanQrCode(bytes) {
      await request.scanQRCode(bytes);
    },
    hasVerifier: () => request.verifier !== undefined,
    async runVerifier(handlers) {
      const verifier = request.verifier;
      if (!verifier) throw new Error('no verifier yet');
      if (ranVerifier === verifier) return;
      ranVerifier = verifier;
      const onSas = (cb: ShowSasCallbacks) => handlers.onSas(sasView(cb));
      const onQr = (cb: ShowQrCodeCallbacks) => handlers.onReciprocate(reciprocateView(cb));
      verifier.on(VerifierEvent.ShowSas, onSas);
      verifier.on(VerifierEvent.ShowReciprocateQr, onQr);
      try {
        const done = verifier.verify();
        // The callbacks may already exist (e.g. the SAS keys arrived before we listened).
        const sas = verifier.getShowSasCallbacks();
        if (sas) handlers.onSas(sasView(sas));
        const qr = verifier.getReciprocateQrCodeCallbacks();
        if (qr) handlers.onReciprocate(reciprocateView(qr));
        await done;
      } catch (e) {
        throw new VerifierEndError(parseVerifierError(e));
      } finally {
        verifier.off(VerifierEvent.ShowSas, onSas);
        verifier.off(VerifierEvent.ShowReciprocateQr, onQr);
      }
    },
    async checkTrust(refresh) {
      const crypto = cryptoOf(client);
      if (request.otherUserId === ownUserId) {
        // For our own user this asks the server (a /keys/query) before answering.
        if (refresh) await crypto.userHasCrossSigningKeys(ownUserId, true);
        const other = request.otherDeviceId ?? lastOtherDevice;
        if (!(await ownDeviceSigned(client, ownDeviceId))) return false;
        return other ? ownDeviceSigned(client, other) : false;
      }
      return (await crypto.getUserVerificationStatus(request.otherUserId)).isCrossSigningVerified();
    },
    onTrustChange(listener) {
      const devices = (users: unknown) => listener(Array.isArray(users) && users.includes(ownUserId));
      const other = () => listener(false);
      client.on(CryptoEvent.DevicesUpdated, devices);
      for (const e of TRUST_EVENTS) if (e !== CryptoEvent.DevicesUpdated) client.on(e as never, other as never);
      return () => {
        client.off(CryptoEvent.DevicesUpdated, devices);
        for (const e of TRUST_EVENTS) if (e !== CryptoEvent.DevicesUpdated) client.off(e as never, other as never);
      };
    },
    async verifierEnd() {
      // rust crypto records a cancellation of the QR verification (e.g. m.key_mismatch when the scanned secret
      // is wrong) on the verifier only; `request.verifier` is hidden outside phase Started, so the request's own
      // field is read. Its verify() rejects with "cancelled by us|them with code …".
      const inner = (request as unknown as { _verifier?: Verifier })._verifier ?? request.verifier;
      if (!inner?.hasBeenCancelled) return undefined;
      try {
        await inner.verify();
        return undefined;
      } catch (e) {
        const end = parseVerifierError(e);
        return end.code ? end : undefined;
      }
    },
    async otherDeviceExists() {
      if (request.otherUserId !== ownUserId) return true;
      const other = request.otherDeviceId ?? lastOtherDevice;
      if (!other) return true;
      lastOtherDevice = other;
      const devices = (await cryptoOf(client).getUserDeviceInfo([ownUserId])).get(ownUserId);
      return devices ? devices.has(other) : true;
    },
  };
  return port;
}

/** Thrown when this account has no cross-signing identity yet: there is nothing to verify against. */
export class NoIdentityError extends Error {
  override readonly name = 'NoIdentityError';
  constructor() {
    super('this account has no cross-signing identity yet');
  }
}

function cryptoOf(client: MatrixClient) {
  const crypto = client.getCrypto();
  if (!crypto) throw new Error('the MatrixClient has no crypto (call initRustCrypto first)');
  return crypto;
}

/** None of the user's other sessions is cross-signed, so none would get a self-verification request. */
export class NoOtherSessionError extends Error {
  override readonly name = 'NoOtherSessionError';
  constructor() {
    super('no other cross-signed session to ask');
  }
}

/** "Verify this session": asks all the user's other sessions (rust crypto only asks the cross-signed ones). */
export async function requestFromOtherSessions(client: MatrixClient): Promise<VerificationPort> {
  const crypto = cryptoOf(client);
  const userId = client.getSafeUserId();
  // The identity as stored answers at once; only when none is stored is the server asked (a /keys/query).
  if (!(await crypto.getUserCrossSigningKeys(userId))?.master_key && !(await crypto.userHasCrossSigningKeys(userId, true))) throw new NoIdentityError();
  const devices = (await crypto.getUserDeviceInfo([userId])).get(userId) ?? new Map<string, Device>();
  // The dehydrated device (MSC3814) is signed too, but it never answers: not a session to ask.
  const others = [...devices.keys()].filter((id) => id !== client.getDeviceId() && !devices.get(id)?.dehydrated);
  const signed = await Promise.all(others.map(async (id) => (await crypto.getDeviceVerificationStatus(userId, id))?.signedByOwner));
  if (!signed.some(Boolean)) throw new NoOtherSessionError();
  return portFor(client, await crypto.requestOwnUserVerification());
}

/** "Verify my other session `deviceId`": this session sends the request to that one device. */
export async function requestToOwnDevice(client: MatrixClient, deviceId: string): Promise<VerificationPort> {
  const crypto = cryptoOf(client);
  const userId = client.getSafeUserId();
  if (!(await crypto.userHasCrossSigningKeys(userId, true))) throw new NoIdentityError();
  return portFor(client, await crypto.requestDeviceVerification(userId, deviceId));
}

export { isDeviceCrossSigned } from './verification-trust.js';

/**
 * Calls `listener` for every verification request another session sends to this one (to hand to
 * `<xs-verify-login .request=…>`). Returns the unsubscribe function.
 */
export function onVerificationRequest(client: MatrixClient, listener: (request: VerificationRequest) => void): () => void {
  client.on(CryptoEvent.VerificationRequestReceived, listener);
  return () => client.off(CryptoEvent.VerificationRequestReceived, listener);
}
