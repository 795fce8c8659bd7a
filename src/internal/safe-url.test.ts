import { expect } from '@open-wc/testing';
import { checkServerUrl } from './safe-url.js';

// What a homeserver may send as a URL to open, and what the kit does with it.
// expected: the URL opened, or the UrlRefusal.
const table: [input: unknown, expected: string][] = [
  // opened (normalised)
  ['https://account.example.org/reset?session=abc', 'https://account.example.org/reset?session=abc'],
  ['HTTPS://Example.ORG/_matrix/client/v3/auth/m.login.sso/fallback/web?session=x', 'https://example.org/_matrix/client/v3/auth/m.login.sso/fallback/web?session=x'],
  ['https://[2001:db8::1]:8448/auth', 'https://[2001:db8::1]:8448/auth'],
  // http only on this machine (development)
  ['http://127.0.0.1:8008/_matrix/client/v3/auth/m.login.sso/fallback/web', 'http://127.0.0.1:8008/_matrix/client/v3/auth/m.login.sso/fallback/web'],
  ['http://127.5.6.7/x', 'http://127.5.6.7/x'],
  ['http://localhost:8080/', 'http://localhost:8080/'],
  ['http://[::1]:8008/a', 'http://[::1]:8008/a'],
  ['http://example.org/reset', 'insecure'],
  ['http://128.0.0.1/', 'insecure'],
  ['http://localhost.example.org/', 'insecure'],
  ['http://127.0.0.1.example.org/', 'insecure'],
  ['http://10.0.0.1/', 'insecure'],
  // other schemes
  ['javascript:alert(1)', 'scheme'],
  ['JavaScript:alert(document.domain)', 'scheme'],
  ['data:text/html,<script>alert(1)</script>', 'scheme'],
  ['file:///etc/passwd', 'scheme'],
  ['ftp://example.org/', 'scheme'],
  ['blob:https://example.org/1234', 'scheme'],
  ['mailto:admin@example.org', 'scheme'],
  // smuggling through characters the parser drops
  ['java\nscript:alert(1)', 'malformed'],
  ['java\tscript:alert(1)', 'malformed'],
  [' https://example.org/', 'malformed'],
  ['https://example.org/\u0000', 'malformed'],
  ['https://exa mple.org/', 'malformed'],
  // relative and broken
  ['/_matrix/client/v3/auth/m.login.sso/fallback/web?session=x', 'relative'],
  ['//evil.example/x', 'relative'],
  ['account/reset', 'relative'],
  ['https://', 'malformed'],
  ['https://exa[mple.org/', 'malformed'],
  ['http://', 'malformed'],
  [`https://example.org/${'a'.repeat(5000)}`, 'malformed'],
  // credentials in the URL
  ['https://user:pass@example.org/', 'credentials'],
  ['https://admin@example.org/', 'credentials'],
  ['http://user@localhost/', 'credentials'],
  // not a URL at all
  ['', 'missing'],
  ['   ', 'missing'],
  [undefined, 'missing'],
  [null, 'missing'],
  [42, 'missing'],
  [{ toString: () => 'https://example.org/' }, 'missing'],
];

describe('checkServerUrl', () => {
  for (const [input, expected] of table) {
    const label = typeof input === 'string' ? JSON.stringify(input.length > 60 ? `${input.slice(0, 60)}…` : input) : String(input);
    it(`${label} → ${expected}`, () => {
      const r = checkServerUrl(input);
      if (expected.includes(':')) expect(r).to.deep.equal({ ok: true, url: expected });
      else expect(r).to.deep.equal({ ok: false, refusal: expected });
    });
  }
});
