// The kind of device and the client of a session, read from the user agent the homeserver recorded for it
// (`last_seen_user_agent` in the device list, where the server reports it). The agent is untrusted text: it is only
// matched against known product tokens here; what is not recognised is shown as plain text (shortened), never as
// markup. Product and system names are proper nouns and stay untranslated; the words around them are in the strings.

export type DeviceKind = 'browser' | 'desktop' | 'mobile';

export type ClientInfo =
  /** A recognised client: `client` (e.g. "Firefox", "Element") and, when known, its system (e.g. "Linux"). */
  | { kind: DeviceKind; client: string; os?: string }
  /** Not recognised: the agent itself, shortened, to show as plain text. */
  | { kind: 'unknown'; text: string };

/** Longest agent text shown for an unknown agent. */
const MAX_UNKNOWN = 80;

/**
 * Systems and browsers by a token of theirs, first match wins (Edge and Opera also say Chrome, Chrome also says Safari;
 * Android and iOS also name Linux and Mac OS X). A name without a pattern is its own token.
 */
type Table = readonly (readonly [string, RegExp?])[];
const SYSTEMS: Table = [
  ['iOS', /iPhone|iPad|iPod|\biOS\b/],
  ['Android'],
  ['Windows'],
  ['ChromeOS', /CrOS/],
  ['macOS', /Mac OS X|Macintosh|macOS/],
  ['Linux', /Linux|X11|Ubuntu|Fedora/],
];
const BROWSERS: Table = [
  ['Edge', /\bEdg(?:e|A|iOS)?\//],
  ['Opera', /\bOPR\/|\bOpera\b/],
  ['Samsung Internet', /\bSamsungBrowser\//],
  ['Firefox', /\bFirefox\/|\bFxiOS\//],
  ['Chrome', /\b(?:Headless)?Chrome\/|\bCriOS\/|\bChromium\//],
  ['Safari', /\bVersion\/[\d.]+.*\bSafari\//],
];
const match = (table: Table, ua: string) => table.find(([name, re]) => (re ?? RegExp(name)).test(ua))?.[0];

/** The app name of an agent token like "Element/1.11.50" or "Element X/25.01" (letters, digits, spaces, dots, dashes). */
const APP_TOKEN = /^([A-Za-z][A-Za-z0-9 ._-]{0,30}?)\/\d[\w.-]*/;

/** Reads a user agent; undefined when there is none. */
export function parseUserAgent(raw: string | null | undefined): ClientInfo | undefined {
  const ua = (raw ?? '').trim();
  if (!ua) return undefined;
  const os = match(SYSTEMS, ua);
  const withOs = (kind: DeviceKind, client: string): ClientInfo => (os ? { kind, client, os } : { kind, client });
  if (/^Mozilla\/5\.0/.test(ua)) {
    // Desktop apps built on Electron name themselves before Chrome/Electron, e.g. "… Element/1.11.50 Chrome/… Electron/…".
    if (/\bElectron\//.test(ua)) {
      const app = [...ua.matchAll(/\b([A-Za-z][A-Za-z0-9-]{1,30})\/\d[\w.]*/g)]
        .map((m) => m[1])
        .find((n) => !/^(Mozilla|AppleWebKit|Chrome|Electron|Safari|Gecko|KHTML)$/.test(n));
      return withOs('desktop', app ?? 'Electron');
    }
    const browser = match(BROWSERS, ua);
    if (browser) return withOs(/Mobile|Android|iPhone|iPad|iPod/.test(ua) ? 'mobile' : 'browser', browser);
  } else {
    // Native apps: "Element/1.6.10 (Linux; U; Android 13; …)", "Element X/25.01.0 (iPhone; iOS 18.2; …)".
    const app = APP_TOKEN.exec(ua);
    if (app && (os === 'Android' || os === 'iOS')) return { kind: 'mobile', client: app[1].trim(), os };
    if (app && os && /\((?:[^)]*;)?\s*(?:Windows|Macintosh|X11|Linux)/.test(ua)) return { kind: 'desktop', client: app[1].trim(), os };
  }
  return { kind: 'unknown', text: ua.length > MAX_UNKNOWN ? `${ua.slice(0, MAX_UNKNOWN - 1)}…` : ua };
}
