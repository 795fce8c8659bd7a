// The user's sessions: the homeserver's device list (names, last activity) merged with the crypto
// device info (keys, cross-signing verification). Only this module calls the SDK for the session list.
import type { AuthDict, MatrixClient } from 'matrix-js-sdk';
import { CryptoEvent } from 'matrix-js-sdk/lib/crypto-api/CryptoEvent.js';
import type { AccountManagement } from './account-management.js';

/** Verification as the list shows it. `no-keys`: the session never uploaded encryption keys (not "unverified"). */
export type SessionTrust = 'verified' | 'unverified' | 'no-keys' | 'unknown';

export interface SessionRow {
  deviceId: string;
  /** The display name as the server has it: attacker-controlled text. */
  displayName: string | undefined;
  lastSeenTs: number | null;
  lastSeenIp: string | null;
  /**
   * The user agent the server recorded (`last_seen_user_agent`, where it reports it): attacker-controlled text.
   * Optional, so that custom sources written before it keep compiling.
   */
  userAgent?: string | null;
  trust: SessionTrust;
  /** The session's ed25519 key, when it has keys. */
  fingerprint: string | undefined;
  isCurrent: boolean;
}

export interface SessionsSnapshot {
  userId: string;
  currentDeviceId: string;
  /** Every session, this one included. */
  sessions: SessionRow[];
  /** This session is cross-signed, so verifying another one through it makes that one trusted. */
  canVouch: boolean;
  /** False when the client has no crypto (trust is then `unknown`). */
  cryptoAvailable: boolean;
  /**
   * The dehydrated device (MSC3814, an offline device that receives keys while all sessions are closed), kept
   * out of `sessions`: it is no session a person signs in with, and never "unverified" in the list's sense.
   */
  dehydratedDeviceId?: string;
}

/** What the session-list state machine needs from the homeserver. Fakes implement it in unit tests. */
export interface SessionsSource {
  readonly userId: string;
  load(): Promise<SessionsSnapshot>;
  rename(deviceId: string, name: string): Promise<void>;
  /** Deletes other sessions; `auth` null is the first (unauthenticated) try of user-interactive auth. */
  deleteSessions(deviceIds: string[], auth: AuthDict | null): Promise<void>;
  /** Signs this session out (its access token stops working). */
  signOutCurrent(): Promise<void>;
  fallbackUrl(stage: string, session: string): string;
  /**
   * The homeserver's account-management page, when an OAuth account service (MAS) manages the account: other
   * sessions are then signed out there. Undefined (or absent) for password accounts. Rejects when the server
   * could not be asked (then it is not known whether there is one); a later call asks again.
   */
  accountManagement?(): Promise<AccountManagement | undefined>;
  /** Calls `onChange` when devices or trust may have changed; returns the unsubscribe function. */
  subscribe(onChange: () => void): () => void;
}

function userAgentOf(d: object): string | null {
  const ua = (d as { last_seen_user_agent?: unknown }).last_seen_user_agent;
  return typeof ua === 'string' ? ua : null;
}

/** The session list of `client`'s own user. */
export function sessionsSource(client: MatrixClient): SessionsSource {
  const userId = client.getUserId() ?? '';
  const currentDeviceId = client.getDeviceId() ?? '';
  let accountManagement: Promise<AccountManagement | undefined> | undefined;
  return {
    userId,
    async load() {
      const crypto = client.getCrypto();
      const [{ devices }, deviceMap] = await Promise.all([
        client.getDevices(),
        crypto ? crypto.getUserDeviceInfo([userId], true) : Promise.resolve(undefined),
      ]);
      const cryptoDevices = deviceMap?.get(userId);
      // The one place the dehydrated device is told apart (the crypto layer marks it; its name is server data).
      const dehydrated = devices.find((d) => cryptoDevices?.get(d.device_id)?.dehydrated === true);
      const rows = await Promise.all(
        devices.filter((d) => d !== dehydrated).map(async (d): Promise<SessionRow> => {
          const cd = cryptoDevices?.get(d.device_id);
          let trust: SessionTrust = 'unknown';
          if (crypto) {
            if (!cd) trust = 'no-keys';
            else {
              const status = await crypto.getDeviceVerificationStatus(userId, d.device_id);
              trust = status?.crossSigningVerified ? 'verified' : 'unverified';
            }
          }
          return {
            deviceId: d.device_id,
            displayName: d.display_name ?? undefined,
            lastSeenTs: typeof d.last_seen_ts === 'number' ? d.last_seen_ts : null,
            lastSeenIp: typeof d.last_seen_ip === 'string' ? d.last_seen_ip : null,
            // Not in the spec (MSC3852 proposed it); some servers send it, Synapse 1.1xx keeps it for its admin API.
            userAgent: userAgentOf(d),
            trust,
            fingerprint: cd?.getFingerprint(),
            isCurrent: d.device_id === currentDeviceId,
          };
        }),
      );
      const current = rows.find((r) => r.isCurrent);
      return {
        userId,
        currentDeviceId,
        sessions: rows,
        canVouch: current?.trust === 'verified',
        cryptoAvailable: !!crypto,
        ...(dehydrated ? { dehydratedDeviceId: dehydrated.device_id } : {}),
      };
    },
    async rename(deviceId, name) {
      await client.setDeviceDetails(deviceId, { display_name: name });
    },
    async deleteSessions(deviceIds, auth) {
      await client.deleteMultipleDevices(deviceIds, auth ?? undefined);
    },
    async signOutCurrent() {
      await client.logout(true);
    },
    fallbackUrl(stage, session) {
      return client.getFallbackAuthUrl(stage, session);
    },
    accountManagement() {
      // One request at a time (callers join it); an answer is kept, a failure is asked again by the next call. Its
      // code loads with the question (the list's first render does not wait for the answer).
      return (accountManagement ??= import('./account-management.js').then((m) => m.discoverAccountManagement(client)).catch((e: unknown) => {
        accountManagement = undefined;
        throw e;
      }));
    },
    subscribe(onChange) {
      // Own devices changed (new login, signed out, keys uploaded, a signature added by a verification),
      // or our identity's trust changed (this session got verified, identity reset).
      const mine = (users: string | string[]) => {
        if ([users].flat().includes(userId)) onChange();
      };
      const on = [[CryptoEvent.DevicesUpdated, mine], [CryptoEvent.UserTrustStatusChanged, mine], [CryptoEvent.KeysChanged, onChange]] as const;
      const emitter = client as unknown as Record<'on' | 'off', (e: string, f: (typeof on)[number][1]) => void>;
      for (const [e, f] of on) emitter.on(e, f);
      return () => {
        for (const [e, f] of on) emitter.off(e, f);
      };
    },
  };
}
