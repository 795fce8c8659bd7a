// Formatting for <xs-session-list>: the Intl formatters per language (made once per page, shared by all lists),
// relative times memoised per phrase, and the device kind and client line read from a user agent.
import { parseUserAgent } from '../../internal/user-agent.js';
import type { DeviceIconKind } from './session-row.js';

export interface Formats {
  rel: Intl.RelativeTimeFormat;
  abs: Intl.DateTimeFormat;
  /** Relative-time phrases by `n * 8 + unit` (see `phrase`). */
  phrases: Map<number, string>;
}

const formatsByLang = new Map<string, Formats>();

/** The Intl formatters of a language, made once per page (constructing them is slow) and shared by all lists. */
export function formatsOf(lang: string): Formats {
  let f = formatsByLang.get(lang);
  if (!f) {
    f = {
      rel: new Intl.RelativeTimeFormat(lang, { numeric: 'auto' }),
      abs: new Intl.DateTimeFormat(lang, { dateStyle: 'full', timeStyle: 'long' }),
      phrases: new Map(),
    };
    formatsByLang.set(lang, f);
  }
  return f;
}

const UNITS: readonly Intl.RelativeTimeFormatUnit[] = ['second', 'minute', 'hour', 'day', 'month', 'year'];
/** Each unit's length in seconds, and the distance (seconds) below which it is the unit of a relative time. */
const SECONDS = [1, 60, 3600, 86_400, 30 * 86_400, 365 * 86_400];
const BELOW = [60, 3600, 86_400, 30 * 86_400, 365 * 86_400, Infinity];

/**
 * `Intl.RelativeTimeFormat` output for `n` of `UNITS[unit]`, memoised per language (many rows share "3 days
 * ago"; formatting is slow). The key is a number, so a look-up allocates nothing.
 */
function phrase(f: Formats, n: number, unit: number): string {
  const key = n * 8 + unit;
  let v = f.phrases.get(key);
  if (v === undefined) f.phrases.set(key, (v = f.rel.format(n, UNITS[unit])));
  return v;
}

/** Relative time of `ts` at `now` ("3 days ago"), in the largest unit that keeps it below the next one. */
export function relativeTime(f: Formats, ts: number, now: number): string {
  const s = Math.round((ts - now) / 1000);
  let unit = 0;
  while (Math.abs(s) >= BELOW[unit]) unit++;
  return phrase(f, Math.round(s / SECONDS[unit]), unit);
}

/** What a row says about its device kind and client (see `parseUserAgent`). */
export interface ClientLine {
  kind: DeviceIconKind | '';
  kindLabel: string;
  text: string;
}

type ClientTerm = 'kindBrowser' | 'kindDesktop' | 'kindMobile' | 'clientOn';

/** The client line of a user agent, its words from `tr` (the list's strings). */
export function clientLineOf(ua: string | null, tr: (key: ClientTerm, ...args: string[]) => string): ClientLine {
  const info = parseUserAgent(ua);
  if (!info || info.kind === 'unknown') return { kind: '', kindLabel: '', text: info?.text ?? '' };
  const label = { browser: 'kindBrowser', desktop: 'kindDesktop', mobile: 'kindMobile' } as const;
  return { kind: info.kind, kindLabel: tr(label[info.kind]), text: info.os ? tr('clientOn', info.client, info.os) : info.client };
}
