// How <xs-session-list> puts its rows in the list: in slices of a few milliseconds, keyed by device id, touching only
// rows whose values changed. What a row shows is the list's (`rowFor`, session-row.ts); this file is the when and
// where.
import type { SessionRow } from '../../sdk/sessions.js';
import type { ClientLine } from './session-list-format.js';
import type { RowElement, RowTexts } from './session-row.js';

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

/** What the rows of a render depend on, besides each row's own data. */
export interface ShownRows {
  rows: SessionRow[];
  now: number;
  threshold: number;
  canVouch: boolean;
  texts: RowTexts;
  /** Changes with the language or a registered translation of any text a row shows. */
  textsKey: string;
  /** Formatters and texts of the row terms, looked up once per render. */
  select: (name: string) => string;
  ip: (ip: string) => string;
  lastActivity: (when: string) => string;
  lastActivityUnknown: string;
  unnamed: string;
  badges: Record<SessionRow['trust'], readonly [string, string]>;
  /** Full dates (the rows' tooltips). */
  abs: Intl.DateTimeFormat;
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

/** What the slicer needs from the list. */
export interface SliceHost {
  /** The list's `<ul>`, when rendered. */
  list(): HTMLUListElement | null;
  /** The element of a row, (re)filled when something it shows changed. */
  rowFor(r: SessionRow, rec: RowRecord | undefined, shown: ShownRows): RowElement;
  /** Focus what the list wanted focused once it is in the DOM. */
  applyFocus(): void;
  connected(): boolean;
}

/** The rows of the last render, put in the list in slices (see the comment at SLICE_MS). */
export class RowSlicer {
  /** Rows a slice adds (see SLICE_MS). */
  private rowsPerSlice = learned;
  /** Whether every row of the view is in the list; if not, `resumeAt` is the index in `shown.rows` to go on from. */
  complete = true;
  private resumeAt = 0;
  /** What the last render shows in the list (the rows and what they depend on); `sync` puts it in the list. */
  shown?: ShownRows;
  /** Row elements by device id, in the DOM or not (see `rowFor`); pruned when the sessions change. */
  readonly rowNodes = new Map<string, RowRecord>();
  /** Counts full list passes (see `RowRecord.pass`). */
  private pass = 0;
  private chunkTimer?: { cancel(): void };
  private chunkWaiters: (() => void)[] = [];

  constructor(private readonly host: SliceHost) {}

  /**
   * Puts the rows of `shown` in the list, in order, and brings rows whose values changed up to date. A full
   * pass (after a render) first removes rows no longer shown, then adds rows not yet in the list within its
   * share of a slice (see SLICE_MS) and notes where to go on (`resumeAt`). A pass that goes on (`full` false,
   * in a task of its own) only adds rows from there: nothing else changed, or a render would have started a
   * full pass. Runs of new rows go in as one fragment; rows in place are not touched.
   */
  sync(start: number, full: boolean): void {
    this.chunkTimer?.cancel();
    this.chunkTimer = undefined;
    const ul = this.host.list();
    const shown = this.shown;
    if (!ul || !shown) {
      this.complete = true;
      return;
    }
    const want = shown.rows;
    if (full) {
      if (want.length === 0) ul.replaceChildren();
      else {
        const pass = ++this.pass;
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
    let i = full ? 0 : this.resumeAt;
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
          ? added >= MIN_ROWS && (added >= this.rowsPerSlice >> 1 || performance.now() - start > SLICE_MS / 2)
          : added > 0 && (added >= this.rowsPerSlice || performance.now() - start > SLICE_MS)) {
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
      const li = this.host.rowFor(r, rec, shown);
      if (li === cur) {
        if (run) ul.insertBefore(run, cur);
        run = undefined;
        cur = cur.nextElementSibling;
      } else (run ??= document.createDocumentFragment()).append(li);
    }
    if (run) ul.insertBefore(run, cur);
    this.complete = resume < 0;
    this.resumeAt = resume < 0 ? 0 : resume;
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
        const next = (this.rowsPerSlice + fit) / 2;
        learned = this.rowsPerSlice = Math.round(Math.min(MAX_ROWS, Math.max(MIN_ROWS, next)));
      }
    }
    if (!this.complete) this.schedule();
    else this.flush();
  }

  /** The next slice of rows, in a task of its own (no Lit update: only rows are added). */
  private schedule(): void {
    if (this.chunkTimer !== undefined) return;
    this.chunkTimer = nextTask(() => {
      this.chunkTimer = undefined;
      if (!this.host.connected() || this.complete) return;
      this.sync(performance.now(), false);
      this.host.applyFocus();
    });
  }

  private flush(): void {
    const waiters = this.chunkWaiters;
    this.chunkWaiters = [];
    waiters.forEach((w) => w());
  }

  /** Resolves after the next slice (or at once when there is nothing left to add). */
  nextSlice(): Promise<void> {
    return new Promise<void>((r) => this.chunkWaiters.push(r));
  }

  /** The list left the document: its rows go (a reconnect builds them again). */
  release(): void {
    this.chunkTimer?.cancel();
    this.chunkTimer = undefined;
    this.host.list()?.replaceChildren();
    this.rowNodes.clear();
    this.shown = undefined;
    this.complete = true;
    this.flush();
  }
}
