// The live trust model of one room, shared by every view of that room on a client (per client and room,
// refcounted like the account model): it reads the members in batches, yielding to the page between batches so
// a room of thousands never blocks the main thread; on a change it re-reads only the members concerned (bursts
// coalesced into one run per frame) and replaces only their entries. Actions on a changed identity run one at a
// time per member (a second press joins the first) and are read back before they are reported done.
import type { MatrixClient } from 'matrix-js-sdk';
import { withTimeout } from '../internal/async.js';
import { Coalescer } from '../internal/coalescer.js';
import { describeFailure } from '../sdk/errors.js';
import type { DeviceIsolation } from '../sdk/device-isolation.js';
import { roomTrustSource, type MemberRead, type RoomMemberInfo, type RoomTrustSource } from '../sdk/room-trust.js';
import {
  defaultAcknowledgementStore,
  deriveView,
  makeEntry,
  type AcknowledgementStore,
  type MemberAction,
  type MemberEntry,
  type RoomTrustStage,
  type RoomTrustView,
} from './room-trust.js';

/** Members read per batch; the model yields to the page between batches. */
export const ROOM_TRUST_BATCH = 50;

/** How long one read (the member list, or one batch) may take before the view says it failed. */
export const ROOM_TRUST_READ_TIMEOUT_MS = 20_000;

export interface RoomTrustModelOptions {
  batchSize?: number;
  /** Gives the main thread back between batches (default: a macrotask). */
  yieldFn?: () => Promise<void>;
  /** Schedules a coalesced run (default: the next frame, see Coalescer). */
  frame?: (cb: () => void) => void;
}

/** What changed: the members whose entries were replaced, or null for "the stage or everything". */
export type RoomTrustListener = (changed: ReadonlySet<string> | null) => void;

const macrotask = () => new Promise<void>((r) => setTimeout(r, 0));

/** The decisions' code (room-trust-decide.ts), loaded with the first press. */
const decisions = () => import('./room-trust-decide.js');

export class RoomTrustModel {
  stage: RoomTrustStage = { kind: 'loading', done: 0, total: 0 };
  /** Entries by user ID, in the room's member order. */
  members = new Map<string, MemberEntry>();
  isolation: DeviceIsolation;
  /** @internal The member list as last read (room-trust-decide.ts rebuilds entries from it). */
  infos = new Map<string, RoomMemberInfo>();
  /** @internal Acknowledgements known on this page (loaded from the store, and added by decisions). */
  readonly acks = new Set<string>();
  readonly #listeners = new Map<RoomTrustListener, number | undefined>();
  readonly #dirty = new Set<string>();
  #roomDirty = true;
  #coalescer?: Coalescer;
  #abort?: AbortController;
  #unwatch?: () => void;
  readonly #running = new Map<string, Promise<MemberAction>>();
  readonly #batchSize: number;
  readonly #yieldFn: () => Promise<void>;

  constructor(
    readonly source: RoomTrustSource,
    readonly store: AcknowledgementStore,
    private readonly opts: RoomTrustModelOptions = {},
  ) {
    this.#batchSize = Math.max(1, opts.batchSize ?? ROOM_TRUST_BATCH);
    this.#yieldFn = opts.yieldFn ?? macrotask;
    this.isolation = source.isolation();
  }

  /**
   * The first subscriber starts the model, the last one stops it (every SDK listener removed). `readTimeoutMs`:
   * this subscriber's bound for one read (the model uses the smallest).
   */
  subscribe(listener: RoomTrustListener, opts: { readTimeoutMs?: number } = {}): () => void {
    this.#listeners.set(listener, opts.readTimeoutMs);
    if (this.#listeners.size === 1) this.#start();
    return () => {
      if (this.#listeners.delete(listener) && this.#listeners.size === 0) this.#stop();
    };
  }

  get active(): boolean {
    return this.#listeners.size > 0;
  }

  view(): RoomTrustView {
    return deriveView(this.stage, this.members.values(), this.source.ownUserId, this.isolation);
  }

  /** Reads every member again (e.g. "Check again" after an error). */
  refresh(): void {
    this.#roomDirty = true;
    for (const u of this.infos.keys()) this.#dirty.add(u);
    if (this.stage.kind === 'error') this.#setStage({ kind: 'loading', done: 0, total: this.infos.size });
    this.#coalescer?.request(true);
  }

  /** Pins a changed identity (an unverified member). Joins an acknowledgement already running for them. */
  acknowledge(userId: string): Promise<MemberAction> {
    return this.#act(userId, 'acknowledge');
  }

  /** Withdraws the verification requirement of a formerly verified member. Joins one already running. */
  withdraw(userId: string): Promise<MemberAction> {
    return this.#act(userId, 'withdraw');
  }

  /** Keeps the member's current unsigned sessions quiet (the badge stops counting them; a new one warns again). */
  async dismissSessions(userId: string): Promise<void> {
    await (await decisions()).dismissSessions(this, userId);
  }

  // ——— running ———

  #start() {
    const abort = new AbortController();
    this.#abort = abort;
    this.stage = { kind: 'loading', done: 0, total: 0 };
    this.members = new Map();
    this.infos = new Map();
    this.#dirty.clear();
    this.#roomDirty = true;
    const coalescer = new Coalescer(() => this.#run(abort.signal), this.opts.frame);
    this.#coalescer = coalescer;
    this.#unwatch = this.source.watch({
      room: () => {
        this.#roomDirty = true;
        coalescer.request();
      },
      users: (ids) => {
        let any = false;
        for (const u of ids) {
          if (this.infos.has(u)) {
            this.#dirty.add(u);
            any = true;
          }
        }
        if (any) coalescer.request();
      },
      isolation: (mode) => {
        this.isolation = mode;
        this.notify(null);
      },
    });
    void this.#loadAcks(abort.signal).then(() => coalescer.request());
  }

  #stop() {
    this.#unwatch?.();
    this.#unwatch = undefined;
    this.#coalescer?.dispose();
    this.#coalescer = undefined;
    this.#abort?.abort();
    this.#abort = undefined;
  }

  async #loadAcks(signal: AbortSignal) {
    try {
      const keys = await this.store.load();
      if (signal.aborted) return;
      for (const k of keys) this.acks.add(k);
    } catch {
      /* a failing host store: warnings show (louder, never wrongly quiet) */
    }
  }

  async #run(signal: AbortSignal): Promise<void> {
    if (signal.aborted) return;
    try {
      if (this.#roomDirty) {
        this.#roomDirty = false;
        const room = await this.#bounded(this.source.room(), 'member list', signal);
        if (signal.aborted) return;
        if (!room) return this.#setStage({ kind: 'no-room' });
        if (!room.encrypted) return this.#setStage({ kind: 'not-encrypted' });
        this.#applyMembers(room.members);
        // A list of more than one batch renders in this task, the first batch's reads and render in a task of their
        // own (together they made one long task in a large room's first render: rows compiled and filled at once).
        if (this.#dirty.size > this.#batchSize) await this.#yieldFn();
        if (signal.aborted) return;
      }
      await this.#drain(signal);
    } catch (e) {
      if (signal.aborted) return;
      this.#roomDirty = true;
      const failure = describeFailure(e);
      this.#setStage(failure.kind === 'client-stopped' || /no crypto/.test(String((e as Error)?.message)) ? { kind: 'no-crypto' } : { kind: 'error', failure });
    }
  }

  /** Takes the room's member list: new members get a "checking" entry and are read; gone ones are dropped. */
  #applyMembers(list: RoomMemberInfo[]) {
    const next = new Map<string, MemberEntry>();
    const infos = new Map<string, RoomMemberInfo>();
    const changed = new Set<string>();
    for (const info of list) {
      infos.set(info.userId, info);
      const prev = this.members.get(info.userId);
      if (!prev) {
        this.#dirty.add(info.userId);
        changed.add(info.userId);
      }
      const e = makeEntry(info, prev?.read ?? null, this.acks, prev?.action ?? null, prev);
      if (prev && e !== prev) changed.add(info.userId);
      next.set(info.userId, e);
    }
    for (const u of this.members.keys()) if (!infos.has(u)) changed.add(u);
    for (const u of this.#dirty) if (!infos.has(u)) this.#dirty.delete(u);
    this.members = next;
    this.infos = infos;
    this.#progress(this.stage.kind !== 'ready');
    this.notify(changed.size ? changed : null);
  }

  /** Reads the dirty members, a batch at a time, giving the main thread back between batches. */
  async #drain(signal: AbortSignal) {
    while (this.#dirty.size) {
      const batch: string[] = [];
      for (const u of this.#dirty) {
        batch.push(u);
        if (batch.length >= this.#batchSize) break;
      }
      for (const u of batch) this.#dirty.delete(u);
      let reads: MemberRead[];
      try {
        reads = await this.#bounded(this.source.read(batch), 'trust read', signal);
      } catch (e) {
        for (const u of batch) this.#dirty.add(u);
        throw e;
      }
      if (signal.aborted) return;
      this.#applyReads(reads);
      if (this.#dirty.size) await this.#yieldFn();
      if (signal.aborted) return;
    }
    if (this.stage.kind === 'loading') this.#setStage({ kind: 'ready' });
  }

  #bounded<T>(p: Promise<T>, what: string, signal: AbortSignal): Promise<T> {
    const ms = Math.min(...[...this.#listeners.values()].map((t) => t ?? Infinity));
    return withTimeout(p, Number.isFinite(ms) ? ms : ROOM_TRUST_READ_TIMEOUT_MS, { signal, what });
  }

  #applyReads(reads: MemberRead[]) {
    const changed = new Set<string>();
    for (const r of reads) {
      const info = this.infos.get(r.userId);
      if (!info) continue;
      const prev = this.members.get(r.userId);
      const e = makeEntry(info, r, this.acks, prev?.action ?? null, prev);
      if (e !== prev) {
        this.members.set(r.userId, e);
        changed.add(r.userId);
      }
    }
    this.#progress();
    this.notify(changed);
  }

  /** While loading (or, with `start`, from any stage but ready), how many members are read of how many. */
  #progress(start = false) {
    if (start || this.stage.kind === 'loading') this.stage = { kind: 'loading', done: this.infos.size - this.#dirty.size, total: this.infos.size };
  }

  #setStage(stage: RoomTrustStage) {
    this.stage = stage;
    this.notify(null);
  }

  /** @internal Tells the views what changed (the members whose entries were replaced, or null for everything). */
  notify(changed: ReadonlySet<string> | null): void {
    for (const l of [...this.#listeners.keys()]) l(changed);
  }

  #act(userId: string, kind: 'acknowledge' | 'withdraw'): Promise<MemberAction> {
    const joined = this.#running.get(userId);
    if (joined) return joined;
    // What a decision does loads with the first one (room-trust-decide.ts); the join above holds from the press on.
    const p = decisions()
      .then((d) => d.commit(this, userId, kind))
      .finally(() => this.#running.delete(userId));
    this.#running.set(userId, p);
    return p;
  }
}

const models = new WeakMap<object, Map<string, Map<AcknowledgementStore, RoomTrustModel>>>();

/**
 * The trust model of `roomId` on `client` with acknowledgements in `store` (default: the client's in-memory
 * store). One per client, room and store, shared by every view of them.
 */
export function roomTrustModel(client: MatrixClient, roomId: string, store?: AcknowledgementStore, opts?: RoomTrustModelOptions): RoomTrustModel {
  const s = store ?? defaultAcknowledgementStore(client);
  let byRoom = models.get(client);
  if (!byRoom) models.set(client, (byRoom = new Map<string, Map<AcknowledgementStore, RoomTrustModel>>()));
  let byStore = byRoom.get(roomId);
  if (!byStore) byRoom.set(roomId, (byStore = new Map<AcknowledgementStore, RoomTrustModel>()));
  let m = byStore.get(s);
  if (!m) byStore.set(s, (m = new RoomTrustModel(roomTrustSource(client, roomId), s, opts)));
  return m;
}
