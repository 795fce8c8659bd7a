// Incoming verification requests as plain data for <xs-verification-requests>: who asks, from which session
// (name, id, last seen and IP from the device list, for our own sessions), how long the request lives, and
// whether it is still ours to answer. The only code here that reads VerificationRequest for that element.
import type { MatrixClient } from 'matrix-js-sdk';
import type { VerificationRequest } from 'matrix-js-sdk/lib/crypto-api/index.js';
import { CryptoEvent } from 'matrix-js-sdk/lib/crypto-api/CryptoEvent.js';
import { VerificationPhase, VerificationRequestEvent } from 'matrix-js-sdk/lib/crypto-api/verification.js';

/** Where an incoming request stands, as the list needs it. */
export interface IncomingView {
  /** Still waiting for an answer from us (not accepted elsewhere, not cancelled, not done). */
  open: boolean;
  /** Milliseconds left before it expires (null when unknown). */
  timeoutMs: number | null;
}

/** Who sent the request and from which session (all text is other people's: render it as text). */
export interface Requester {
  userId: string;
  own: boolean;
  displayName: string | undefined;
  deviceId: string | undefined;
  deviceName: string | undefined;
  lastSeenTs: number | undefined;
  lastSeenIp: string | undefined;
}

export interface IncomingRequestHandle {
  /** The SDK request, handed to the verification element or the host. */
  readonly request: VerificationRequest;
  readonly key: string;
  view(): IncomingView;
  onChange(listener: () => void): () => void;
  describe(): Promise<Requester>;
  accept(): Promise<void>;
}

export interface IncomingRequestsPort {
  /** Requests already waiting when the element connects. */
  existing(): IncomingRequestHandle[];
  /** Calls `listener` for every new incoming request; returns the unsubscribe function. */
  subscribe(listener: (handle: IncomingRequestHandle) => void): () => void;
}

let counter = 0;
const keys = new WeakMap<VerificationRequest, string>();

function keyOf(request: VerificationRequest): string {
  let k = keys.get(request);
  if (!k) keys.set(request, (k = `r${++counter}`));
  return k;
}

function isOpen(request: VerificationRequest): boolean {
  const phase = request.phase;
  // `pending` is false once another of our sessions answered (the request went passive here).
  return request.pending && (phase === VerificationPhase.Requested || phase === VerificationPhase.Unsent) && !request.accepting && !request.declining;
}

async function describe(client: MatrixClient, request: VerificationRequest): Promise<Requester> {
  const userId = request.otherUserId;
  const own = userId === client.getUserId();
  const deviceId = request.otherDeviceId;
  const out: Requester = { userId, own, displayName: undefined, deviceId, deviceName: undefined, lastSeenTs: undefined, lastSeenIp: undefined };
  if (!own) out.displayName = client.getUser(userId)?.displayName ?? undefined;
  if (!deviceId) return out;
  if (own) {
    // The device list of our own account has the name, and when and from where the session was last seen.
    try {
      const { devices } = await client.getDevices();
      const d = devices.find((x) => x.device_id === deviceId);
      out.deviceName = d?.display_name ?? undefined;
      out.lastSeenTs = d?.last_seen_ts ?? undefined;
      out.lastSeenIp = d?.last_seen_ip ?? undefined;
      if (d) return out;
    } catch {
      /* fall back to the crypto device list */
    }
  }
  const device = (await client.getCrypto()?.getUserDeviceInfo([userId]))?.get(userId)?.get(deviceId);
  out.deviceName ??= device?.displayName;
  return out;
}

export function handleFor(client: MatrixClient, request: VerificationRequest): IncomingRequestHandle {
  return {
    request,
    key: keyOf(request),
    view: () => ({ open: isOpen(request), timeoutMs: request.timeout }),
    onChange(listener) {
      request.on(VerificationRequestEvent.Change, listener);
      return () => request.off(VerificationRequestEvent.Change, listener);
    },
    describe: () => describe(client, request),
    accept: () => request.accept(),
  };
}

/**
 * The incoming requests of `client`: from our own other sessions (to-device) and from other people (in-room).
 * `held`: requests the element caught before it had this port (its first render waits for nothing), shown as
 * existing ones when still open.
 */
export function incomingRequestsPort(client: MatrixClient, held: readonly VerificationRequest[] = []): IncomingRequestsPort {
  return {
    existing() {
      const crypto = client.getCrypto();
      const me = client.getUserId();
      if (!crypto || !me) return [];
      // The SDK wraps a request anew on each read: the same request is the same sender and transaction.
      const seen = new Set<string>();
      return [...held, ...crypto.getVerificationRequestsToDeviceInProgress(me)]
        .filter((r) => {
          if (r.initiatedByMe || !isOpen(r)) return false;
          if (!r.transactionId) return true;
          const id = `${r.otherUserId}|${r.transactionId}`;
          if (seen.has(id)) return false;
          seen.add(id);
          return true;
        })
        .map((r) => handleFor(client, r));
    },
    subscribe(listener) {
      const l = (request: VerificationRequest) => {
        if (!request.initiatedByMe) listener(handleFor(client, request));
      };
      client.on(CryptoEvent.VerificationRequestReceived, l);
      return () => client.off(CryptoEvent.VerificationRequestReceived, l);
    },
  };
}
