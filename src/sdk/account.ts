// One live model of the account per MatrixClient, shared by every element on the page that uses that client.
//
// It watches the SDK once (src/sdk/status.ts `watchStatus`), reads the own status on each change (bursts
// coalesced into one read per frame) and hands every subscriber the same snapshot, so two elements on one page
// can never show contradicting states. It starts with the first subscriber and stops (listeners removed) with the
// last. While this session changes its own identity (identity-change.ts) reads skip forced server queries and read
// again from the server when the change is over.
//
// Receiving keys: right after this session is verified (by another session, or with the Security Key) the
// cross-signing private keys and the backup key arrive a moment later (m.secret.send from the other session, or
// read from secret storage). Meanwhile the model says `receivingKeys: 'waiting'` instead of letting readers show
// "not verified" or "out of sync"; it reads again on each secret that arrives (SDK events, no polling) and ends
// the wait as soon as they are all here, or after `RECEIVE_KEYS_TIMEOUT_MS` with `'timed-out'` (then what is
// missing is shown as it is).
import type { MatrixClient } from 'matrix-js-sdk';
import { Coalescer } from '../internal/coalescer.js';
import { describeFailure, type Failure } from './errors.js';
import { readOwnStatus, STATUS_READ_TIMEOUT_MS, syncPhase, watchStatus, type OwnStatusMemory, type OwnStatusSnapshot } from './status.js';

export interface AccountState {
  /** The last successful read; null before the first one. */
  snapshot: OwnStatusSnapshot | null;
  /** The last read failed (the snapshot, if any, is the last known state). */
  failure: Failure | null;
  /**
   * This session was just verified and its keys are on their way (`waiting`), or did not all arrive in time
   * (`timed-out`, until they do or the session is verified again); null otherwise.
   */
  receivingKeys?: ReceivingKeys;
}

export type ReceivingKeys = 'waiting' | 'timed-out' | null;

/** How long the model waits for the secrets after this session was verified before saying what is missing. */
export const RECEIVE_KEYS_TIMEOUT_MS = 30_000;

/** All secrets a verified session should hold are here: the three private keys, and the backup key when there is a backup. */
export function secretsArrived(s: OwnStatusSnapshot): boolean {
  const c = s.crossSigning.cached;
  if (!(s.device.crossSigningVerified && c.master && c.selfSigning && c.userSigning)) return false;
  // No backup (or one we can't read): there is no backup key to wait for.
  return !s.backup || s.backup.decryptionKeyCached;
}

export interface AccountSubscription {
  /** Called with the new state after every read, and once at once when a state is known. */
  onState?(state: AccountState): void;
  /** Another user's trust or devices changed (for views of other users). */
  onUserChanged?(userId: string): void;
  /** This subscriber's bound for one read (the model uses the smallest of its subscribers'). */
  readTimeoutMs?: number;
  /** This subscriber's bound for the keys to arrive after a verification (the model uses the smallest). */
  receiveKeysTimeoutMs?: number;
  /**
   * This subscriber only follows changes (it reads what it needs itself): when it starts the model, the first read
   * is of the SDK's stores, not of the server (later reads follow the SDK's events as usual).
   */
  followOnly?: boolean;
}

export class AccountModel {
  state: AccountState = { snapshot: null, failure: null, receivingKeys: null };
  readonly #subs = new Set<AccountSubscription>();
  #memory: OwnStatusMemory = { keysToUpload: null };
  #coalescer?: Coalescer;
  #abort?: AbortController;
  #unwatch?: () => void;
  #receiveTimer?: ReturnType<typeof setTimeout>;

  constructor(readonly client: MatrixClient) {}

  /** Subscribes; returns the unsubscribe function. The first subscriber starts the model, the last stops it. */
  subscribe(sub: AccountSubscription): () => void {
    this.#subs.add(sub);
    if (this.#subs.size === 1) this.#start(!sub.followOnly);
    else if (this.state.snapshot || this.state.failure) queueMicrotask(() => this.#subs.has(sub) && sub.onState?.(this.state));
    return () => {
      if (!this.#subs.delete(sub)) return;
      if (this.#subs.size === 0) this.#stop();
    };
  }

  /** Reads again; `server` = ask the homeserver (identity, backup) instead of the SDK's caches. */
  refresh(server = true): void {
    this.#coalescer?.request(server);
  }

  /**
   * This session was just verified here (a verification flow read back its signature, or the Security Key was
   * accepted): its keys are on their way. Readers show "receiving keys" until they are here (bounded), not the
   * unverified or out-of-sync state a read in between would suggest.
   */
  expectKeys(): void {
    if (!this.running) return;
    if (this.state.snapshot && this.state.snapshot.device.crossSigningVerified && secretsArrived(this.state.snapshot)) return;
    this.#startReceiving();
    this.#publish({ ...this.state, receivingKeys: 'waiting' });
    this.#coalescer?.request(false);
  }

  get running(): boolean {
    return this.#subs.size > 0;
  }

  #start(server: boolean) {
    const abort = new AbortController();
    this.#abort = abort;
    const coalescer = new Coalescer((refresh) => this.#read(refresh, abort.signal));
    this.#coalescer = coalescer;
    const unwatch = watchStatus(this.client, {
      changed: (refresh) => coalescer.request(refresh),
      keysToUpload: (n) => {
        this.#memory.keysToUpload = n;
        if (this.state.snapshot) this.#publish({ ...this.state, snapshot: { ...this.state.snapshot, keysToUpload: n } });
      },
      secretReceived: () => coalescer.request(false),
      userChanged: (u) => {
        for (const s of [...this.#subs]) s.onUserChanged?.(u);
      },
    });
    const onFocus = () => coalescer.request(true);
    if (typeof window !== 'undefined') window.addEventListener('focus', onFocus);
    this.#unwatch = () => {
      unwatch();
      if (typeof window !== 'undefined') window.removeEventListener('focus', onFocus);
    };
    coalescer.request(server);
  }

  #stop() {
    this.#unwatch?.();
    this.#unwatch = undefined;
    this.#coalescer?.dispose();
    this.#coalescer = undefined;
    this.#abort?.abort();
    this.#abort = undefined;
    this.#stopReceiving();
    // The next subscriber starts from a fresh read, not from a state nobody kept up to date.
    this.state = { snapshot: null, failure: null, receivingKeys: null };
    this.#memory = { keysToUpload: null };
  }

  /** The smallest of the subscribers' bounds `key`, or `fallback` when none gave one. */
  #smallest(key: 'readTimeoutMs' | 'receiveKeysTimeoutMs', fallback: number): number {
    const t = Math.min(...[...this.#subs].map((s) => s[key] ?? Infinity));
    return Number.isFinite(t) ? t : fallback;
  }

  async #read(refresh: boolean, signal: AbortSignal): Promise<void> {
    if (signal.aborted || !this.client.getCrypto()) return;
    try {
      const snapshot = await readOwnStatus(this.client, this.#memory, { refresh, signal, timeoutMs: this.#smallest('readTimeoutMs', STATUS_READ_TIMEOUT_MS) });
      if (!signal.aborted) this.#publish({ snapshot, failure: null, receivingKeys: this.#receivingAfter(snapshot) });
    } catch (e) {
      if (signal.aborted) return;
      const failure = describeFailure(e);
      // Keep the last known state, but not a stale sync phase (e.g. the client was stopped).
      const last = this.state.snapshot;
      this.#publish({ snapshot: last ? { ...last, sync: syncPhase(this.client) } : null, failure, receivingKeys: this.state.receivingKeys ?? null });
    }
  }

  /** Whether the keys are still awaited after this read: a session seen turning verified without them starts the wait. */
  #receivingAfter(snapshot: OwnStatusSnapshot): ReceivingKeys {
    const prev = this.state.snapshot;
    const was = this.state.receivingKeys ?? null;
    if (secretsArrived(snapshot)) {
      this.#stopReceiving();
      return null;
    }
    // Verified elsewhere too (e.g. by the host's own verification UI): the transition itself says keys are coming.
    if (prev && !prev.device.crossSigningVerified && snapshot.device.crossSigningVerified) {
      this.#startReceiving();
      return 'waiting';
    }
    return was;
  }

  #startReceiving() {
    clearTimeout(this.#receiveTimer);
    this.#receiveTimer = setTimeout(() => {
      this.#receiveTimer = undefined;
      if (this.state.receivingKeys !== 'waiting') return;
      // Say what is missing, from a fresh read of what is here.
      this.#publish({ ...this.state, receivingKeys: 'timed-out' });
      this.#coalescer?.request(false);
    }, this.#smallest('receiveKeysTimeoutMs', RECEIVE_KEYS_TIMEOUT_MS));
  }

  #stopReceiving() {
    clearTimeout(this.#receiveTimer);
    this.#receiveTimer = undefined;
  }

  #publish(state: AccountState) {
    this.state = state;
    for (const s of [...this.#subs]) s.onState?.(state);
  }
}

const models = new WeakMap<MatrixClient, AccountModel>();

/** The account model of `client` (one per client, shared by every element). */
export function accountModel(client: MatrixClient): AccountModel {
  let m = models.get(client);
  if (!m) models.set(client, (m = new AccountModel(client)));
  return m;
}
