// The Content-Security-Policy the demo is served under (npm start, and test/e2e/demo-csp.e2e.ts): the strictest one
// the kit and matrix-js-sdk work under — the README's "Content-Security-Policy" section explains each part.
// A page with an inline script the policy must allow (the plain-HTML example's import map) gets that script's hash:
//   node scripts/csp.mjs examples/plain-html/index.html [https://matrix.example.org]   prints the policy for that page
import { createHash } from 'node:crypto';
import fs from 'node:fs';

/** The policy for a page whose homeserver is `homeserverUrl`; `scriptHashes` ('sha256-…') allow inline scripts. */
export function strictCsp(homeserverUrl, { scriptHashes = [] } = {}) {
  const hs = new URL(homeserverUrl).origin;
  return [
    "default-src 'self'",
    // 'wasm-unsafe-eval': the SDK's rust crypto is WebAssembly (and so is the kit's key-file encoder).
    ['script-src', "'self'", "'wasm-unsafe-eval'", ...scriptHashes].join(' '),
    "style-src 'self'",
    // data:: the QR code to scan is a data: URL (and the QR library draws through one).
    "img-src 'self' data:",
    // The homeserver; 'self' serves the WebAssembly module.
    `connect-src 'self' ${hs}`,
    // The key-file workers are a file next to the kit's module (bundle/crypto-worker.js).
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
  ].join('; ');
}

/**
 * The `'sha256-…'` source of every inline `<script>` in `html` (an import map is one): the hash of the exact text
 * between the tags, as the browser computes it.
 */
export function inlineScriptHashes(html) {
  const hashes = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    if (/\bsrc\s*=/i.test(m[1])) continue;
    hashes.push(`'sha256-${createHash('sha256').update(m[2], 'utf8').digest('base64')}'`);
  }
  return hashes;
}

/** The strict policy for the HTML file `file` (its inline scripts allowed by hash). */
export function strictCspForPage(file, homeserverUrl) {
  return strictCsp(homeserverUrl, { scriptHashes: inlineScriptHashes(fs.readFileSync(file, 'utf8')) });
}

/** A koa middleware that sends `policy` with every response under one of `prefixes`. */
export function cspMiddleware(policy, prefixes) {
  return async (ctx, next) => {
    await next();
    if (prefixes.some((p) => ctx.path.startsWith(p))) ctx.set('content-security-policy', typeof policy === 'function' ? policy() : policy);
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [file, hs = 'https://matrix.example.org'] = process.argv.slice(2);
  if (!file) {
    console.error('usage: node scripts/csp.mjs page.html [homeserver URL]');
    process.exit(2);
  }
  console.log(strictCspForPage(file, hs));
}
