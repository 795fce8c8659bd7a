// The Content-Security-Policy the demo is served under (npm start, and test/e2e/demo-csp.e2e.ts): the strictest one
// the kit and matrix-js-sdk work under — the README's "Content-Security-Policy" section explains each part.
/** The policy for a page whose homeserver is `homeserverUrl`. */
export function strictCsp(homeserverUrl) {
  const hs = new URL(homeserverUrl).origin;
  return [
    "default-src 'self'",
    // 'wasm-unsafe-eval': the SDK's rust crypto is WebAssembly (and so is the kit's key-file encoder).
    "script-src 'self' 'wasm-unsafe-eval'",
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

/** A koa middleware that sends `policy` with every response under one of `prefixes`. */
export function cspMiddleware(policy, prefixes) {
  return async (ctx, next) => {
    await next();
    if (prefixes.some((p) => ctx.path.startsWith(p))) ctx.set('content-security-policy', policy);
  };
}
