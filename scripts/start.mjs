#!/usr/bin/env node
// `npm start`: starts (or reuses) the local Synapse and serves the demo page.
//   XS_HOMESERVER_URL=https://…  use that homeserver instead of the local Synapse
//   XS_DEMO_PORT=8000            the demo's port (PORT works too)
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { startDevServer } from '@web/dev-server';
import { fileURLToPath } from 'node:url';
import * as homeserver from './homeserver.mjs';
import { commonJsPlugin, demoEnvPlugin, jsToTsMiddleware } from './wds-plugins.mjs';
import { cspMiddleware, strictCsp, strictCspForPage } from './csp.mjs';
import { staticHostMiddleware } from './static-host.mjs';

const rootDir = fileURLToPath(new URL('..', import.meta.url));
const port = Number(process.env.XS_DEMO_PORT ?? process.env.PORT ?? 8000);

let url = process.env.XS_HOMESERVER_URL;
let startedNow = false;
if (!url) {
  try {
    ({ url, startedNow } = await homeserver.start());
  } catch (e) {
    console.error(`[start] ${e.message}`);
    process.exit(1);
  }
}

let server;
try {
  server = await startDevServer({
  config: {
    rootDir,
    port,
    hostname: 'localhost',
    middleware: [
      (ctx, next) => (ctx.path === '/' ? ctx.redirect('/demo/') : next()),
      // The demo runs under the strict policy the README documents (no inline script or style, no blob:).
      cspMiddleware(strictCsp(url), ['/demo/']),
      // The plain-HTML example too, with its inline import map's hash.
      cspMiddleware(() => strictCspForPage(fileURLToPath(new URL('../examples/plain-html/index.html', import.meta.url)), url), ['/examples/plain-html/']),
      jsToTsMiddleware({ rootDir }),
      // The examples (after `npm run build && npm run examples`) and the drop-in bundle, as a plain static host serves them.
      staticHostMiddleware({ rootDir, prefixes: ['/examples/', '/bundle/', '/dist/themes/'] }),
    ],
    open: false,
    watch: false,
    nodeResolve: { exportConditions: ['browser', 'development'] },
    plugins: [demoEnvPlugin(url), commonJsPlugin({ rootDir }), esbuildPlugin({ ts: true, tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)), target: 'es2022' })],
  },
  readCliArgs: false,
  readFileConfig: false,
  logStartMessage: false,
  });
} catch (e) {
  console.error(e.code === 'EADDRINUSE'
    ? `[start] port ${port} is taken by another program; choose another with XS_DEMO_PORT=…`
    : `[start] the demo server could not start: ${e.message}`);
  if (startedNow) await homeserver.stop();
  process.exit(1);
}

console.log(`\nxs-kit demo: http://localhost:${port}/\nhomeserver:  ${url}${startedNow ? ' (local Synapse, started now)' : ''}\nCtrl-C stops the demo${startedNow ? ' and Synapse' : ''}.`);

async function shutdown() {
  await server.stop();
  if (startedNow) await homeserver.stop();
  process.exit(0);
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
