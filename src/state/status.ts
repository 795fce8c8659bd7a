// Pure derivation of the status: one overall state, the one action that fixes it, and the warnings.
// No DOM, no SDK: the inputs are the plain snapshots from src/sdk/status.ts.
import type { Failure } from '../sdk/errors.js';
import type { OwnStatusSnapshot, UserTrustSnapshot } from '../sdk/status.js';

/** The one-line answer for the own account and this session. */
export type OverallState =
  /** No MatrixClient was given. */
  | 'no-client'
  /** The client has no crypto (initRustCrypto was not called). */
  | 'crypto-off'
  /** The first read is running. */
  | 'checking'
  /** The status could not be read (e.g. the crypto store failed, or a read timed out). */
  | 'error'
  /** The account has no cross-signing keys. */
  | 'not-set-up'
  /** Keys exist, this session is not cross-signed. */
  | 'unverified'
  /** This session was just verified; its keys are arriving from the other session (bounded wait). */
  | 'receiving-keys'
  /** This session is verified, but private keys or the backup key are not here or not in secret storage. */
  | 'keys-missing'
  /** No key backup, or the backup is not trusted. */
  | 'no-backup'
  | 'ready';

export const OVERALL_STATES: readonly OverallState[] = [
  'no-client', 'crypto-off', 'checking', 'error', 'not-set-up', 'unverified', 'receiving-keys', 'keys-missing', 'no-backup', 'ready',
];

/** Why `keys-missing`: what is out of sync. */
export type MissingPart =
  /** Some cross-signing private keys are not in this session. */
  | 'private-keys'
  /** Secret storage is not set up, or lacks keys it should hold. */
  | 'secret-storage'
  /** A trusted backup exists but this session lacks its decryption key. */
  | 'backup-key';

/** The one primary action of a non-ready state. */
export type PrimaryAction =
  | { kind: 'setup'; reason: 'not-set-up' | 'secret-storage' }
  | { kind: 'verify'; reason: 'unverified' | 'keys-missing' }
  | { kind: 'backup'; reason: 'missing' | 'untrusted' }
  | { kind: 'retry' };

export interface OwnView {
  state: OverallState;
  primary: PrimaryAction | null;
  /** "Can't verify? Reset" is offered where verifying may be impossible. */
  offerReset: boolean;
  missing: MissingPart[];
  failure: Failure | null;
  /** keys-missing right after a verification: the other session did not send them all in time. */
  keysTimedOut?: boolean;
}

export interface OwnInput {
  hasClient: boolean;
  hasCrypto: boolean;
  snapshot: OwnStatusSnapshot | null;
  /** The last read failed (with no snapshot to show, the state is `error`). */
  failure: Failure | null;
  /** From the account model: the keys are arriving after a verification, or did not arrive in time. */
  receivingKeys?: 'waiting' | 'timed-out' | null;
}

/** What is missing for a verified session to be `ready` (besides the backup itself). */
export function missingParts(s: OwnStatusSnapshot): MissingPart[] {
  const out: MissingPart[] = [];
  const c = s.crossSigning.cached;
  if (!(c.master && c.selfSigning && c.userSigning)) out.push('private-keys');
  if (!s.secretStorage.ready || !s.crossSigning.inSecretStorage) out.push('secret-storage');
  if (s.backup && (s.backup.trusted || s.backup.matchesDecryptionKey) && !s.backup.decryptionKeyCached) out.push('backup-key');
  return out;
}

const RETRY: PrimaryAction = { kind: 'retry' };

/** The overall state and its action. */
export function deriveOwnView(input: OwnInput): OwnView {
  const view = (state: OverallState, primary: PrimaryAction | null = null, more?: Partial<OwnView>): OwnView => ({
    state,
    primary,
    offerReset: false,
    missing: [],
    failure: input.failure,
    ...more,
  });
  const s = input.snapshot;
  if (!input.hasClient) return view('no-client');
  if (!input.hasCrypto) return view('crypto-off');
  if (!s) return input.failure ? view('error', RETRY) : view('checking');
  // Just verified, keys on their way: neither "not verified" (a read from before the signature) nor "out of sync" /
  // "not backed up" (the secrets not here yet). The account model bounds the wait.
  if (input.receivingKeys === 'waiting' && s.crossSigning.published) return view('receiving-keys');
  if (!s.crossSigning.published) {
    // Setting up while the server could not be asked might replace an identity we just can't see.
    return s.identityFailure ? view('error', RETRY, { failure: s.identityFailure }) : view('not-set-up', { kind: 'setup', reason: 'not-set-up' });
  }
  if (!s.device.crossSigningVerified) return view('unverified', { kind: 'verify', reason: 'unverified' }, { offerReset: true });
  const missing = missingParts(s);
  if (missing.length) {
    // Keys we hold but secret storage lacks: storing them is a setup step. Keys we lack: get them by
    // verifying (from another session or with the recovery key); a reset is the way out if neither works.
    const onlyStorage = missing.every((m) => m === 'secret-storage');
    return view('keys-missing', onlyStorage ? { kind: 'setup', reason: 'secret-storage' } : { kind: 'verify', reason: 'keys-missing' }, {
      offerReset: !onlyStorage,
      missing,
      ...(input.receivingKeys === 'timed-out' && !onlyStorage ? { keysTimedOut: true } : {}),
    });
  }
  // With the backup endpoint failing we can't tell whether a backup exists: offer a retry, and the
  // backup-unreachable warning explains (setting up a new backup would replace one we can't see).
  if (!s.backup) return s.backupFailure ? view('no-backup', RETRY, { failure: s.backupFailure }) : view('no-backup', { kind: 'backup', reason: 'missing' });
  if (!s.backup.trusted && !s.backup.matchesDecryptionKey) return view('no-backup', { kind: 'backup', reason: 'untrusted' });
  return view('ready');
}

export type WarningCode =
  /** The default secret-storage key was replaced (a new recovery key/phrase), maybe elsewhere. */
  | 'recovery-changed'
  /** The key backup was replaced by a new version, maybe elsewhere. */
  | 'backup-changed'
  /** Our own cross-signing identity (master key) changed. */
  | 'identity-changed'
  /** The homeserver can't be reached right now; the status may be out of date. */
  | 'offline'
  /** The client is not syncing (not started yet, or stopped); live updates wait for it. */
  | 'not-syncing'
  /** The key backup endpoint failed; backup details may be out of date. */
  | 'backup-unreachable';

export interface Warning {
  code: WarningCode;
  /** Change warnings stay until dismissed; condition warnings go away by themselves. */
  dismissible: boolean;
  failure?: Failure;
}

/**
 * Remembers what the account looked like and raises change warnings when secret storage's default key,
 * the backup version or our identity is replaced elsewhere. A first appearance (setup) is not a change; a
 * removal shows as a state (e.g. `no-backup`) rather than a warning; a change made by this session (see
 * `ownChangeMark`) raises nothing.
 */
export class StatusWarnings {
  private last: { keyId: string | null; backup: string | null; master: string | null; mark: number } | null = null;
  private raised = new Set<WarningCode>();

  observe(s: OwnStatusSnapshot): void {
    const prev = this.last;
    // A failed backup read says nothing about the version: keep the last known one.
    const now = {
      keyId: s.secretStorage.defaultKeyId,
      backup: s.backupFailure ? prev?.backup ?? null : s.backup?.version ?? null,
      master: s.crossSigning.masterKey,
      mark: s.ownChangeMark ?? 0,
    };
    // A change this session made (the mark moved, or a change is running: odd) is no news to the person.
    if (prev && prev.mark === now.mark && now.mark % 2 === 0) {
      if (prev.keyId && now.keyId && prev.keyId !== now.keyId) this.raised.add('recovery-changed');
      if (prev.backup && now.backup && prev.backup !== now.backup) this.raised.add('backup-changed');
      if (prev.master && now.master && prev.master !== now.master) this.raised.add('identity-changed');
    }
    // A removal is remembered as "none", so setting up again afterwards is not a change.
    this.last = now;
  }

  dismiss(code: WarningCode): void {
    this.raised.delete(code);
  }

  /** Current warnings: raised changes first, then conditions of `s`. */
  list(s: OwnStatusSnapshot | null): Warning[] {
    const out: Warning[] = [...this.raised].map((code) => ({ code, dismissible: true }));
    if (!s) return out;
    if (s.sync === 'error') out.push({ code: 'offline', dismissible: false });
    else if (s.sync === 'not-started' || s.sync === 'stopped') out.push({ code: 'not-syncing', dismissible: false });
    if (s.backupFailure) out.push({ code: 'backup-unreachable', dismissible: false, failure: s.backupFailure });
    return out;
  }
}

/** Another user's trust, as the person sees it. */
export type UserTrustState =
  | 'checking'
  | 'error'
  /** We don't know their identity (no shared encrypted room yet), or they have none. */
  | 'unknown'
  | 'verified'
  /** We had verified them and their identity changed: verify again, or withdraw the requirement. */
  | 'was-verified'
  /** Their identity changed since we first saw it: acknowledge it (or verify). */
  | 'identity-changed'
  | 'not-verified';

export type UserAction = 'verify' | 'verify-again' | 'withdraw' | 'acknowledge' | 'retry';

export interface UserView {
  state: UserTrustState;
  actions: UserAction[];
}

/** A user's trust from a read of it (null: not read yet): the one derivation the user view and room trust share. */
export function trustOf(read: UserTrustSnapshot | null): Exclude<UserTrustState, 'error'> {
  if (!read) return 'checking';
  if (read.verified) return 'verified';
  if (read.wasVerified) return 'was-verified';
  if (read.needsApproval) return 'identity-changed';
  return read.known ? 'not-verified' : 'unknown';
}

const USER_ACTIONS: Partial<Record<UserTrustState, UserAction[]>> = {
  'was-verified': ['verify-again', 'withdraw'],
  'identity-changed': ['acknowledge', 'verify'],
  'not-verified': ['verify'],
};

export function deriveUserView(snapshot: UserTrustSnapshot | null, failure: Failure | null): UserView {
  if (!snapshot && failure) return { state: 'error', actions: ['retry'] };
  const state = trustOf(snapshot);
  return { state, actions: USER_ACTIONS[state] ?? [] };
}

/** An ed25519 key grouped in fours, so it can be read aloud and compared. */
export function groupKey(key: string | null | undefined): string {
  if (!key) return '';
  return key.replace(/\s+/g, '').match(/.{1,4}/g)!.join(' ');
}

export { Coalescer } from '../internal/coalescer.js';

/** What `xs-status-change` carries: the state and the public details (never key material). */
export type StatusDetails =
  | {
      subject: 'own';
      state: OverallState;
      missing: MissingPart[];
      warnings: WarningCode[];
      /** Null before the first read, or without a client/crypto. */
      snapshot: OwnStatusSnapshot | null;
    }
  | {
      subject: 'user';
      state: UserTrustState;
      userId: string;
      trust: UserTrustSnapshot | null;
    };
