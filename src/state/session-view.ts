// What the session list shows, derived from the sessions: filters and counts, the inactivity threshold, the text
// query and the order (most recently active first). Pure functions, no state.
import type { SessionRow } from '../sdk/sessions.js';

export type SessionFilter = 'all' | 'verified' | 'unverified' | 'inactive';
export const SESSION_FILTERS: readonly SessionFilter[] = ['all', 'verified', 'unverified', 'inactive'];
export const DAY_MS = 86_400_000;

export interface SessionCounts {
  all: number;
  verified: number;
  unverified: number;
  inactive: number;
}

export interface SessionView {
  current: SessionRow | undefined;
  /** Other sessions after filter and text query, most recently active first. */
  visible: SessionRow[];
  /** Counts over all other sessions (not the text query). */
  counts: SessionCounts;
  /** All other sessions, most recently active first. */
  others: SessionRow[];
}

/** True when the session was last seen longer ago than `thresholdMs`. Unknown activity is not "inactive". */
export function isInactive(row: SessionRow, now: number, thresholdMs: number): boolean {
  return row.lastSeenTs !== null && now - row.lastSeenTs > thresholdMs;
}

export function matchesFilter(row: SessionRow, filter: SessionFilter, now: number, thresholdMs: number): boolean {
  return filter === 'all' || (filter === 'inactive' ? isInactive(row, now, thresholdMs) : row.trust === filter);
}

/** The name, the device id or the IP contains `q` (lower case). */
function matchesQuery(row: SessionRow, q: string): boolean {
  return !q || [row.displayName, row.deviceId, row.lastSeenIp].some((v) => (v ?? '').toLowerCase().includes(q));
}

const byActivity = (a: SessionRow, b: SessionRow) =>
  (b.lastSeenTs ?? -Infinity) - (a.lastSeenTs ?? -Infinity) || a.deviceId.localeCompare(b.deviceId);

/** Derives what the list shows. Pure: same inputs, same view. */
export function deriveView(sessions: readonly SessionRow[], filter: SessionFilter, query: string, now: number, thresholdMs: number): SessionView {
  const q = query.trim().toLowerCase();
  const counts: SessionCounts = { all: 0, verified: 0, unverified: 0, inactive: 0 };
  let current: SessionRow | undefined;
  const others: SessionRow[] = [];
  for (const r of sessions) {
    if (r.isCurrent) {
      current = r;
      continue;
    }
    others.push(r);
    counts.all++;
    if (r.trust === 'verified' || r.trust === 'unverified') counts[r.trust]++;
    if (isInactive(r, now, thresholdMs)) counts.inactive++;
  }
  others.sort(byActivity);
  const visible = filter === 'all' && !q ? others : others.filter((r) => matchesFilter(r, filter, now, thresholdMs) && matchesQuery(r, q));
  return { current, visible, counts, others };
}

/** The filter the security summary applies: unverified sessions first, then inactive ones. */
export function summaryFilter(counts: SessionCounts): SessionFilter | undefined {
  return counts.unverified > 0 ? 'unverified' : counts.inactive > 0 ? 'inactive' : undefined;
}
