// Filling the rows of <xs-session-list>: what a render shows in every row (texts, formatters, badges: `shownRowsOf`),
// and one row's element, filled again only when something it shows changed (`fillRow`), with its details, rename
// form and note rendered into it by Lit (`renderRowExtras`). The rows' markup is built in session-row.ts; row-slices.ts
// puts them in the list a slice at a time.
import { nothing, render } from 'lit';
import { formatterOf } from '../../i18n/registry.js';
import { splitUntrusted } from '../../internal/untrusted-text.js';
import type { SessionRow } from '../../sdk/sessions.js';
import { isInactive, type SessionListModel } from '../../state/session-list.js';
import { RowRecord, type ShownRows } from './row-slices.js';
import type { ClientLine } from './session-list-format.js';
import { sessionListStrings as S } from './session-list.strings.js';
import type { PartsContext } from './session-parts.js';
import type { updateRow } from './session-row-update.js';
import { createRow, extrasAnchor, setRowChecked, setRowExpanded, type RowElement, type RowTexts, type RowValues } from './session-row.js';

/** What filling a row needs from the list. */
export interface RowFillContext {
  model: SessionListModel;
  /** Rows whose details are open. */
  expanded: ReadonlySet<string>;
  note: PartsContext['note'];
  /** The values of the row being filled (one object for all rows: a long list makes no garbage per row). */
  values: RowValues;
  keyOf(deviceId: string): number;
  relative(ts: number, now: number): string;
  clientLine(ua: string | null, cache?: Map<string, ClientLine>): ClientLine;
  /** The elements of rows built so far, by device id. */
  rowNodes: Map<string, RowRecord>;
  renderExtras(r: SessionRow, rec: RowRecord): void;
  /**
   * Brings a built row up to date (session-row-update.ts, with the later parts); undefined while those load (reading
   * it starts the load, and the list renders again when they are here).
   */
  updateRow(): typeof updateRow | undefined;
}

/** What every row of this render shows, looked up once: texts, formatters, badges and the key that changes with them. */
export function shownRowsOf(rows: SessionRow[], now: number, threshold: number, canVouch: boolean, lang: string, tr: PartsContext['tr'], abs: Intl.DateTimeFormat): ShownRows {
        const texts: RowTexts = {
      details: tr('details'), rename: tr('rename'), verify: tr('verify'), signOut: tr('signOut'),
      inactive: tr('inactive'), invisibleChars: tr('invisibleChars'),
    };
    const select = formatterOf(lang, S, 'select');
    const ip = formatterOf(lang, S, 'ip');
    const lastActivity = formatterOf(lang, S, 'lastActivity');
    const badges = {
      verified: ['badge verified', tr('verified')],
      unverified: ['badge unverified', tr('unverified')],
      'no-keys': ['badge no-keys', tr('noKeys')],
      unknown: ['badge unknown', tr('trustUnknown')],
    } as const;
    return {
      rows, now, threshold, canVouch, texts, select, ip, lastActivity,
      lastActivityUnknown: tr('lastActivityUnknown'), unnamed: tr('unnamed'), badges, abs, activity: new Map(),
      clients: new Map(),
      textsKey: [lang, ...(Object.values(texts) as string[]), ...Object.values(badges).map((b) => b[1]), tr('lastActivityUnknown'), tr('unnamed'),
        select('\u0001'), ip('\u0001'), lastActivity('\u0001'), tr('clientOn', '\u0001', '\u0002'), tr('kindBrowser'),
        tr('kindDesktop'), tr('kindMobile')].join('\u0000'),
    };
}

/**
 * The element of a row, filled again only when something it shows changed. A row that leaves the list
 * (filter, search) keeps its element here, so showing it again costs an insertion, not a new row.
 */
export function fillRow(c: RowFillContext, r: SessionRow, rec: RowRecord | undefined, shown: ShownRows): RowElement {
  const m = c.model;
  const id = r.deviceId;
  const checked = m.selection.has(id);
  const expanded = c.expanded.has(id);
  const rename = m.rename?.deviceId === id ? m.rename : undefined;
  const note = c.note?.deviceId === id ? c.note : undefined;
  const seen = r.lastSeenTs;
  // Time enters a row only as its relative text and inactive flag, so a newer clock alone changes nothing.
  const when = seen !== null ? c.relative(seen, shown.now) : '';
  const inactive = isInactive(r, shown.now, shown.threshold);
  if (rec !== undefined && rec.row === r && rec.when === when && rec.inactive === inactive && rec.canVouch === shown.canVouch &&
      rec.textsKey === shown.textsKey) {
    if (rec.checked === checked && rec.expanded === expanded && rec.rename === rename && rec.note === note) return rec.li;
    // Only the row's own state changed (selection, details, rename, note): touch just that ("select all"
    // on a long list updates one checkbox per row).
    if (rec.checked !== checked) setRowChecked(rec.li, (rec.checked = checked));
    if (rec.expanded !== expanded) setRowExpanded(rec.li, (rec.expanded = expanded));
    rec.rename = rename;
    rec.note = note;
    c.renderExtras(r, rec);
    return rec.li;
  }
  let update: typeof updateRow | undefined;
  if (rec !== undefined && !(update = c.updateRow())) {
    // Filled again once the later parts are here (the row shows its former values until then).
    rec.textsKey = '';
    return rec.li;
  }
  const v = rowValues(c, r, shown, when, inactive);
  v.checked = checked;
  v.expanded = expanded;
  if (rec === undefined) c.rowNodes.set(id, (rec = new RowRecord(createRow(document, v, shown.texts))));
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
  c.renderExtras(r, rec);
  return rec.li;
}

/** What the row of `r` shows (in `c.values`; its selection and details are the caller's to set). */
export function rowValues(c: Pick<RowFillContext, 'values' | 'keyOf' | 'clientLine'>, r: SessionRow, shown: ShownRows, when: string, inactive: boolean): RowValues {
  const id = r.deviceId;
  const seen = r.lastSeenTs;
  const v = c.values;
  v.key = c.keyOf(id);
  v.deviceId = id;
  v.unnamed = !r.displayName;
  if (!r.displayName) {
    v.name = shown.unnamed;
    v.selectLabel = shown.select(`${shown.unnamed} ${id}`);
  } else {
    const parts = splitUntrusted(r.displayName);
    if (parts.length === 1 && 'text' in parts[0]) {
      v.name = r.displayName;
      v.selectLabel = shown.select(r.displayName);
    } else {
      v.name = parts;
      v.selectLabel = shown.select(parts.map((p) => ('text' in p ? p.text : `[${p.codePoint}]`)).join(''));
    }
  }
  const badge = shown.badges[r.trust] ?? shown.badges.unknown;
  v.trustClass = badge[0];
  v.trustLabel = badge[1];
  v.inactive = inactive;
  if (seen !== null) {
    v.title = shown.abs.format(seen);
    let activity = shown.activity.get(when);
    if (activity === undefined) shown.activity.set(when, (activity = shown.lastActivity(when)));
    v.activity = activity;
  } else {
    v.title = '';
    v.activity = shown.lastActivityUnknown;
  }
  v.ip = r.lastSeenIp ? ` · ${shown.ip(r.lastSeenIp)}` : '';
  v.canVerify = r.trust === 'unverified' && shown.canVouch;
  const client = c.clientLine(r.userAgent ?? null, shown.clients);
  v.clientKind = client.kind;
  v.clientKindLabel = client.kindLabel;
  v.clientText = client.text;
  return v;
}

/** This session's lines for its card (session-parts.ts): a row's (session-row.ts), without checkbox and buttons. */
export function cardBody(c: Pick<RowFillContext, 'values' | 'keyOf' | 'clientLine' | 'relative'>, r: SessionRow, shown: ShownRows): HTMLElement {
  const when = r.lastSeenTs !== null ? c.relative(r.lastSeenTs, shown.now) : '';
  const body = createRow(document, rowValues(c, r, shown, when, false), shown.texts).children[1] as HTMLElement;
  body.lastElementChild!.remove();
  return body;
}

/**
 * A row's details, rename form and note, rendered with Lit into the row while it shows any of them. While their
 * module is still loading (session-actions.ts) the row is filled again on the next render, which its arrival causes.
 */
export function renderRowExtras(parts: PartsContext, host: object, r: SessionRow, rec: RowRecord): void {
  const extras = rec.expanded || rec.rename !== undefined || rec.note !== undefined;
  if (extras || rec.extras) {
    const shown = extras ? parts.rowExtras(r, rec.expanded) : nothing;
    if (shown === undefined) {
      rec.textsKey = '';
      return;
    }
    render(shown, rec.li, { host, renderBefore: extrasAnchor(rec.li) });
    rec.extras = extras;
  }
}
