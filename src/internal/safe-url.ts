// URLs that come from a homeserver (the SSO fallback page, an `m.oauth` approval page, an account-management
// page) are untrusted input. This is the one check every place that opens such a URL goes through: a
// well-formed absolute `https:` URL, or `http:` on a loopback host for development. Everything else —
// `javascript:`, `data:`, relative paths, garbage, user names or passwords inside the URL — is refused,
// and the caller explains why instead of opening it.

/** Why a server URL was refused. */
export type UrlRefusal =
  | 'missing' // no URL at all (absent, empty, not a string)
  | 'malformed' // not a URL, control characters, absurdly long
  | 'relative' // a path without scheme and host
  | 'scheme' // javascript:, data:, file:, ftp:, …
  | 'insecure' // http: on a host that is not this machine
  | 'credentials'; // user name or password inside the URL

export type UrlCheck = { ok: true; url: string } | { ok: false; refusal: UrlRefusal };

/** Longer than any real approval or fallback URL; longer strings are refused rather than parsed. */
const MAX_LENGTH = 4096;

/** Is `hostname` (as the URL parser normalised it) this machine: localhost, 127.0.0.0/8 or ::1? */
function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

/**
 * Checks a URL received from the homeserver before anything opens it. On success `url` is the parsed,
 * normalised form — open that one, never the raw string.
 */
export function checkServerUrl(raw: unknown): UrlCheck {
  if (typeof raw !== 'string' || raw.trim() === '') return { ok: false, refusal: 'missing' };
  // The URL parser silently drops tabs and newlines (`java\nscript:`) and trims control characters:
  // a server that sends them is not sending a URL.
  // eslint-disable-next-line no-control-regex -- control characters are what this refuses
  if (raw.length > MAX_LENGTH || /[\u0000-\u001f\u007f\s]/.test(raw)) return { ok: false, refusal: 'malformed' };
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    try {
      new URL(raw, 'https://base.invalid/');
      return { ok: false, refusal: 'relative' };
    } catch {
      return { ok: false, refusal: 'malformed' };
    }
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return { ok: false, refusal: 'scheme' };
  if (!u.hostname) return { ok: false, refusal: 'malformed' };
  if (u.username || u.password) return { ok: false, refusal: 'credentials' };
  if (u.protocol === 'http:' && !isLoopback(u.hostname)) return { ok: false, refusal: 'insecure' };
  return { ok: true, url: u.href };
}
