// Serves files as a plain static host would (no transforms, no module resolution), for the examples and the drop-in
// bundle: the dev servers of the tests and the demo otherwise rewrite bare imports, and a page that works only
// because of that would prove nothing about a host. A koa middleware for @web/dev-server's `middleware` option.
import fs from 'node:fs';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.map': 'application/json', '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.txt': 'text/plain; charset=utf-8',
};

/** Serves `rootDir` + path for requests under one of `prefixes`, untouched; everything else goes on. */
export function staticHostMiddleware({ rootDir, prefixes }) {
  const root = path.resolve(rootDir);
  return async (ctx, next) => {
    if (!prefixes.some((p) => ctx.path.startsWith(p))) return next();
    let file = path.resolve(root, `.${decodeURIComponent(ctx.path)}`);
    if (!file.startsWith(root + path.sep)) return next();
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!fs.existsSync(file)) return next();
    ctx.status = 200;
    ctx.type = TYPES[path.extname(file)] ?? 'application/octet-stream';
    ctx.set('cache-control', 'no-cache');
    ctx.body = fs.createReadStream(file);
  };
}
