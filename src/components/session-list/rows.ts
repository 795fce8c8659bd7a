// The rows of <xs-session-list>: what a render shows in every row (texts, formatters, badges: `show`), one row's
// element, filled again only when something it shows changed (`#fill`; its details, rename form and note, shown after
// a press, come with the later parts: session-actions.ts), and how the rows go into the list: in slices of a few milliseconds, keyed by
// device id, touching only rows whose values changed (`sync`). The rows' markup is built in session-row.ts.
import { formatterOf, onTranslationsChanged } from '../../i18n/registry.js';
import { splitUntrusted } from '../../internal/untrusted-text.js';
import type { SessionRow, SessionsSnapshot } from '../../sdk/sessions.js';
import { isInactive, type SessionListModel } from '../../state/session-list.js';
import { clientLineOf, formatsOf, relativeTime, type ClientLine, type Formats } from './session-list-format.js';
import { sessionListStrings as S } from './session-list.strings.js';
import type { XsSessionList } from './session-list.js';
import { createRow, type RowElement, type RowTexts, type RowValues } from './session-row.js';

/**
 * Long lists render in slices so that no task blocks the page for long (a garbage collection landing in a slice
 * adds to it, so slices stay well below the 50 ms of a long task). The rows are not part of the element's Lit
 * template: the element puts them in its `<ul>` itself (see session-row.ts). Each slice adds at most
 * `rowsPerSlice` rows not yet in the list and stops early when its script alone reaches SLICE_MS, then styles
 * what it added (so that work never piles up into one frame after several slices); the rest
 * follow in further tasks of the same kind, without another Lit update. `rowsPerSlice` is adapted after each
 * slice from its measured time per row (script and style, and the slice's fixed costs spread over its rows),
 * so a slice takes about SLICE_MS on any machine.
 */
const SLICE_MS = 5;

/** Bounds of `rowsPerSlice`: some progress per slice, and no frame flooded with new rows. */
const MIN_ROWS = 20;
const MAX_ROWS = 150;

/** Rows per slice learned by the last list that rendered: a new list starts from it. */
let learned = 60;

/** Runs `fn` in a new task without setTimeout's nesting clamp (a MessageChannel message). */
function nextTask(fn: () => void): { cancel(): void } {
  const ch = new MessageChannel();
  let live = true;
  ch.port1.onmessage = () => {
    ch.port1.close();
    if (live) fn();
  };
  ch.port2.postMessage(null);
  return { cancel: () => { live = false; ch.port1.close(); } };
}

/** Counts changes of the registered and loaded translations (a row's texts are up to date for one count). */
let translations = 0;
onTranslationsChanged(() => translations++);

/** What the rows of a render depend on, besides each row's own data. */
export interface ShownRows {
  rows: SessionRow[];
  now: number;
  threshold: number;
  canVouch: boolean;
  texts: RowTexts;
  /** Changes with the language or any registered or loaded translation. */
  textsKey: string;
  /** Formatters and texts of the row terms, looked up once per render. */
  select: (name: string) => string;
  ip: (ip: string) => string;
  lastActivity: (when: string) => string;
  lastActivityUnknown: string;
  unnamed: string;
  badges: Record<SessionRow['trust'], readonly [string, string]>;
  /** The Intl formatters (relative times, full dates for the rows' tooltips). */
  f: Formats;
  /** "Last activity …" by relative phrase (few distinct ones). */
  activity: Map<string, string>;
  /** The client line by user agent (few distinct ones). */
  clients: Map<string, ClientLine>;
}

/** A row's element, the values it shows now (compared to decide whether to update it) and its list pass. */
export class RowRecord {
  /** Whether the row shows extra parts (details, rename form, note), rendered into it with Lit. */
  extras = false;
  /** The last full list pass that wants this row. */
  pass = 0;
  /** What the row shows now (set by the list each time it renders the row). */
  row!: SessionRow;
  checked = false;
  expanded = false;
  rename: unknown;
  note: unknown;
  when = '';
  inactive = false;
  canVouch = false;
  textsKey = '';
  constructor(readonly li: RowElement) {}
}

/** The rows of the last render, put in the list in slices (see the comment at SLICE_MS). */
export class Rows {
  /** Rows a slice adds (see SLICE_MS). */
  #rowsPerSlice = learned;
  /** Whether every row of the view is in the list; if not, `resumeAt` is the index in `shown.rows` to go on from. */
  complete = true;
  #resumeAt = 0;
  /** What the last render shows in the list (the rows and what they depend on); `sync` puts it in the list. */
  shown?: ShownRows;
  /** Row elements by device id, in the DOM or not (see `rowFor`); pruned when the sessions change. */
  readonly rowNodes = new Map<string, RowRecord>();
  /** Counts full list passes (see `RowRecord.pass`). */
  #pass = 0;
  #chunkTimer?: { cancel(): void };
  #chunkWaiters: (() => void)[] = [];

  readonly #host: XsSessionList;
  /** The values of the row being filled (one object for all rows: a long list makes no garbage per row). */
  readonly #v: RowValues = {
    key: 0, deviceId: '', name: '', unnamed: false, selectLabel: '', checked: false, trustClass: '', trustLabel: '', inactive: false,
    title: '', activity: '', ip: '', expanded: false, canVerify: false, clientKind: '', clientKindLabel: '', clientText: '' };

  constructor(host: XsSessionList) {
    this.#host = host;
  }

  /** What every row of this render shows (`rows`), looked up once: texts, formatters, badges and their key. */
  show(rows: SessionRow[], m: SessionListModel, snap: SessionsSnapshot): void {
    const h = this.#host;
    const lang = h.renderLang;
    const tr = h.tr.bind(h);
    const term = <K extends 'select' | 'ip' | 'lastActivity'>(key: K) => formatterOf(lang, S, key);
    this.shown = {
      rows, now: m.now, threshold: m.thresholdMs, canVouch: snap.canVouch,
      texts: { details: tr('details'), rename: tr('rename'), verify: tr('verify'), signOut: tr('signOut'), inactive: tr('inactive'), invisibleChars: tr('invisibleChars') },
      textsKey: `${lang} ${translations}`,
      select: term('select'), ip: term('ip'), lastActivity: term('lastActivity'),
      lastActivityUnknown: tr('lastActivityUnknown'), unnamed: tr('unnamed'),
      badges: {
        verified: ['badge verified', tr('verified')],
        unverified: ['badge unverified', tr('unverified')],
        'no-keys': ['badge no-keys', tr('noKeys')],
        unknown: ['badge unknown', tr('trustUnknown')],
      },
      f: formatsOf(lang), activity: new Map(), clients: new Map(),
    };
  }

  /**
   * Puts the rows of `shown` in the list, in order, and brings rows whose values changed up to date. A full
   * pass (after a render) first removes rows no longer shown, then adds rows not yet in the list within its
   * share of a slice (see SLICE_MS) and notes where to go on (`resumeAt`). A pass that goes on (`full` false,
   * in a task of its own) only adds rows from there: nothing else changed, or a render would have started a
   * full pass. Runs of new rows go in as one fragment; rows in place are not touched.
   */
  sync(start: number, full: boolean): void {
    this.#chunkTimer?.cancel();
    this.#chunkTimer = undefined;
    const ul = this.#list();
    const shown = this.shown;
    if (!ul || !shown) {
      this.complete = true;
      return;
    }
    const want = shown.rows;
    if (full) {
      if (want.length === 0) ul.replaceChildren();
      else {
        const pass = ++this.#pass;
        for (const r of want) {
          const rec = this.rowNodes.get(r.deviceId);
          if (rec !== undefined) rec.pass = pass;
        }
        for (let c = ul.firstElementChild; c;) {
          const next = c.nextElementSibling;
          if (this.rowNodes.get((c as RowElement).deviceId!)?.pass !== pass) c.remove();
          c = next;
        }
      }
    }
    let i = full ? 0 : this.#resumeAt;
    let cur = i === 0 ? ul.firstElementChild : this.rowNodes.get(want[i - 1].deviceId)!.li.nextElementSibling;
    let run: DocumentFragment | undefined;
    let added = 0;
    let resume = -1;
    for (; i < want.length; i++) {
      const r = want[i];
      const rec = this.rowNodes.get(r.deviceId);
      if (rec === undefined || rec.li.parentNode !== ul) {
        if (resume >= 0) continue;
        // A full pass adds MIN_ROWS rows (a short list is complete at once), then more while it has spent less
        // than half a slice (it also renders the rest of the element, which is then styled); a slice that goes on
        // adds at least one row.
        if (full
          ? added >= MIN_ROWS && (added >= this.#rowsPerSlice >> 1 || performance.now() - start > SLICE_MS / 2)
          : added > 0 && (added >= this.#rowsPerSlice || performance.now() - start > SLICE_MS)) {
          resume = i;
          // A full pass still brings the rows already in the list up to date; one that goes on is done.
          if (full) continue;
          break;
        }
        added++;
      } else if (!full) {
        // In the list and up to date (the full pass saw it): new rows before it go in before it.
        if (run) ul.insertBefore(run, rec.li);
        run = undefined;
        cur = rec.li.nextElementSibling;
        continue;
      }
      const li = this.#fill(r, rec, shown);
      if (li === cur) {
        if (run) ul.insertBefore(run, cur);
        run = undefined;
        cur = cur.nextElementSibling;
      } else (run ??= document.createDocumentFragment()).append(li);
    }
    if (run) ul.insertBefore(run, cur);
    this.complete = resume < 0;
    this.#resumeAt = resume < 0 ? 0 : resume;
    if (added > 0) {
      // Style the rows added now, in this task, so that work never piles up into one frame after several slices.
      // (Styling is what costs per row; layout walks the whole list, so it is left to the next frame: one
      // layout per frame instead of one per slice.)
      void getComputedStyle(ul.lastElementChild!).display;
      // Learned from slices that only add rows (a full pass also renders the rest of the element).
      if (!full && added >= MIN_ROWS) {
        // Rows that fit in SLICE_MS at this slice's cost per row; a change goes half the way (one slow slice,
        // e.g. with a garbage collection in it, does not shrink the slices for long).
        const fit = (SLICE_MS * added) / Math.max(performance.now() - start, 0.1);
        const next = (this.#rowsPerSlice + fit) / 2;
        learned = this.#rowsPerSlice = Math.round(Math.min(MAX_ROWS, Math.max(MIN_ROWS, next)));
      }
    }
    if (!this.complete) this.#schedule();
    else this.#flush();
  }

  /** The next slice of rows, in a task of its own (no Lit update: only rows are added). */
  #schedule(): void {
    if (this.#chunkTimer !== undefined) return;
    this.#chunkTimer = nextTask(() => {
      this.#chunkTimer = undefined;
      if (!this.#host.isConnected || this.complete) return;
      this.sync(performance.now(), false);
      this.#host.applyFocus();
    });
  }

  #flush(): void {
    const waiters = this.#chunkWaiters;
    this.#chunkWaiters = [];
    waiters.forEach((w) => w());
  }

  /** Resolves after the next slice (or at once when there is nothing left to add). */
  nextSlice(): Promise<void> {
    return new Promise<void>((r) => this.#chunkWaiters.push(r));
  }

  /** The list left the document: its rows go (a reconnect builds them again). */
  release(): void {
    this.#chunkTimer?.cancel();
    this.#chunkTimer = undefined;
    this.#list()?.replaceChildren();
    this.rowNodes.clear();
    this.shown = undefined;
    this.complete = true;
    this.#flush();
  }

  #list(): HTMLUListElement | null {
    return this.#host.shadowRoot?.querySelector<HTMLUListElement>('ul.sessions') ?? null;
  }

  /**
   * The element of a row, filled again only when something it shows changed. A row that leaves the list
   * (filter, search) keeps its element here, so showing it again costs an insertion, not a new row.
   */
  #fill(r: SessionRow, rec: RowRecord | undefined, shown: ShownRows): RowElement {
    const h = this.#host;
    const m = h.sessions!;
    const id = r.deviceId;
    const checked = m.selection.has(id);
    const expanded = h.expanded.has(id);
    const rename = m.rename?.deviceId === id ? m.rename : undefined;
    const note = h.note?.deviceId === id ? h.note : undefined;
    // Time enters a row only as its relative text and inactive flag, so a newer clock alone changes nothing.
    const when = this.#when(r, shown);
    const inactive = isInactive(r, shown.now, shown.threshold);
    if (rec !== undefined && rec.row === r && rec.when === when && rec.inactive === inactive && rec.canVouch === shown.canVouch &&
        rec.textsKey === shown.textsKey) {
      if (rec.checked === checked && rec.expanded === expanded && rec.rename === rename && rec.note === note) return rec.li;
      // Only the row's own state changed, after a press (selection, details, rename, note): the later parts touch just
      // that ("select all" on a long list updates one checkbox per row), or fill the row again once they are here.
      rec.rename = rename;
      rec.note = note;
      const later = h.later.value;
      if (later) later.rowState(h, r, rec, checked, expanded);
      else rec.textsKey = '';
      return rec.li;
    }
    // Bringing a built row up to date comes with the later parts (session-row-update.ts); until they are here the
    // row shows its former values, and is filled again on the render their arrival causes.
    const update = rec && h.later.value?.updateRow;
    if (rec !== undefined && !update) {
      rec.textsKey = '';
      return rec.li;
    }
    const v = this.#values(r, shown, when, inactive);
    v.checked = checked;
    v.expanded = expanded;
    if (rec === undefined) this.rowNodes.set(id, (rec = new RowRecord(createRow(v, shown.texts, shown.textsKey))));
    else update!(rec.li, v, shown.texts);
    rec.row = r;
    rec.checked = checked;
    rec.expanded = expanded;
    rec.rename = rename;
    rec.note = note;
    rec.when = when;
    rec.inactive = inactive;
    rec.canVouch = shown.canVouch;
    rec.textsKey = shown.textsKey;
    // Details, rename form or note in the row (after a press): rendered by the later parts, or once they are here.
    if (rec.expanded || rename !== undefined || note !== undefined || rec.extras) {
      const later = h.later.value;
      if (later) later.rowExtrasIn(h, r, rec);
      else rec.textsKey = '';
    }
    return rec.li;
  }

  /** The relative time of the row's last activity ("3 days ago"), or ''. */
  #when(r: SessionRow, shown: ShownRows): string {
    return r.lastSeenTs !== null ? relativeTime(shown.f, r.lastSeenTs, shown.now) : '';
  }

  /** What the row of `r` shows (in one reused object; its selection and details are the caller's to set). */
  #values(r: SessionRow, shown: ShownRows, when: string, inactive: boolean): RowValues {
    const id = r.deviceId;
    const seen = r.lastSeenTs;
    const name = r.displayName;
    const v = this.#v;
    v.key = this.#host.keyOf(id);
    v.deviceId = id;
    v.unnamed = !name;
    if (!name) {
      v.name = shown.unnamed;
      v.selectLabel = shown.select(`${shown.unnamed} ${id}`);
    } else {
      const parts = splitUntrusted(name);
      if (parts.length === 1 && 'text' in parts[0]) {
        v.name = name;
        v.selectLabel = shown.select(name);
      } else {
        v.name = parts;
        v.selectLabel = shown.select(parts.map((p) => ('text' in p ? p.text : `[${p.codePoint}]`)).join(''));
      }
    }
    [v.trustClass, v.trustLabel] = shown.badges[r.trust] ?? shown.badges.unknown;
    v.inactive = inactive;
    if (seen !== null) {
      v.title = shown.f.abs.format(seen);
      let activity = shown.activity.get(when);
      if (activity === undefined) shown.activity.set(when, (activity = shown.lastActivity(when)));
      v.activity = activity;
    } else {
      v.title = '';
      v.activity = shown.lastActivityUnknown;
    }
    v.ip = r.lastSeenIp ? ` · ${shown.ip(r.lastSeenIp)}` : '';
    v.canVerify = r.trust === 'unverified' && shown.canVouch;
    // The client line by user agent, in the render's language (few distinct agents).
    const ua = r.userAgent ?? '';
    let client = shown.clients.get(ua);
    if (!client) shown.clients.set(ua, (client = clientLineOf(ua, this.#host.tr.bind(this.#host))));
    v.clientKind = client.kind;
    v.clientKindLabel = client.kindLabel;
    v.clientText = client.text;
    return v;
  }

  /** This session's lines for its card (session-parts.ts): a row's, without checkbox and buttons. */
  card(r: SessionRow): HTMLElement {
    const shown = this.shown!;
    const body = createRow(this.#values(r, shown, this.#when(r, shown), false), shown.texts, shown.textsKey).children[1] as HTMLElement;
    body.lastElementChild!.remove();
    return body;
  }
}
