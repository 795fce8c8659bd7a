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

/** Relative time of `ts` at `now` ("3 days ago"). */
export function relativeTime(f: Formats, ts: number, now: number): string {
  const s = Math.round((ts - now) / 1000);
  const a = Math.abs(s);
  if (a < 60) return phrase(f, s, 0);
  if (a < 3600) return phrase(f, Math.round(s / 60), 1);
  if (a < 86_400) return phrase(f, Math.round(s / 3600), 2);
  if (a < 30 * 86_400) return phrase(f, Math.round(s / 86_400), 3);
  if (a < 365 * 86_400) return phrase(f, Math.round(s / (30 * 86_400)), 4);
  return phrase(f, Math.round(s / (365 * 86_400)), 5);
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
  if (!info) return { kind: '', kindLabel: '', text: '' };
  if (info.kind === 'unknown') return { kind: '', kindLabel: '', text: info.text };
  const label = { browser: 'kindBrowser', desktop: 'kindDesktop', mobile: 'kindMobile' } as const;
  return { kind: info.kind, kindLabel: tr(label[info.kind]), text: info.os ? tr('clientOn', info.client, info.os) : info.client };
}
