// @web/test-runner: Debian's chromium, headless; unit tests (no server) and e2e tests (real Synapse).
// `npm test` (scripts/test.mjs) installs chromium if missing, starts Synapse and sets XS_HOMESERVER_URL.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher, puppeteerCore } from '@web/test-runner-chrome';
import { fileURLToPath } from 'node:url';
import { commonJsPlugin, demoEnvPlugin, jsToTsMiddleware } from './scripts/wds-plugins.mjs';
import { cspMiddleware, strictCsp, strictCspForPage } from './scripts/csp.mjs';
import fs from 'node:fs';
import { nioPeerPlugin } from './scripts/nio-peer-plugin.mjs';
import { chromiumArgs, chromiumPath } from './scripts/chromium.mjs';
import { firefoxPath, firefoxPrefs } from './scripts/firefox.mjs';
import { countingReporter } from './scripts/counting-reporter.mjs';
import { staticHostMiddleware } from './scripts/static-host.mjs';
import { screenshotPlugin } from './scripts/screenshot-plugin.mjs';
import { defaultReporter } from '@web/test-runner';

const rootDir = fileURLToPath(new URL('.', import.meta.url));
const homeserverUrl = process.env.XS_HOMESERVER_URL ?? '';
const e2eTimeout = Number(process.env.XS_E2E_TIMEOUT_MS ?? 120_000);

// XS_GREP=text: only the tests whose title contains it are registered (scripts/test.mjs: the one emoji e2e test in
// Firefox). Mocha's own grep reports the others as failed under the test runner, so \`it\` is filtered as it is defined.
const grepScript = process.env.XS_GREP
  ? `<script>(() => {
  const want = ${JSON.stringify(process.env.XS_GREP)};
  let real;
  const only = function (title, ...rest) { return String(title).includes(want) ? real.call(this, title, ...rest) : undefined; };
  Object.defineProperty(window, 'it', { configurable: true, get: () => only, set: (v) => { real = v; } });
})();</script>`
  : '';

const plainHtmlPage = fileURLToPath(new URL('./examples/plain-html/index.html', import.meta.url));

/**
 * test/e2e/examples.e2e.ts loads the plain-HTML example as `index.html?csp-watch`: the page exactly as served, with
 * the demo's violation recorder (demo/csp-watch.js, an external classic script) as the first thing in its head, so
 * that a violation during parsing (e.g. the inline import map refused) is recorded too. The import map's text, and so
 * its hash, is untouched.
 */
async function cspWatchMiddleware(ctx, next) {
  if (ctx.path !== '/examples/plain-html/index.html' || !('csp-watch' in ctx.query)) return next();
  ctx.type = 'text/html; charset=utf-8';
  ctx.set('cache-control', 'no-cache');
  ctx.body = fs.readFileSync(plainHtmlPage, 'utf8').replace(/<head>/i, '<head><script src="/demo/csp-watch.js"></script>');
}

export default {
  rootDir,
  // Tests run the libraries' development builds (Lit's warnings); benchmarks (XS_BUILD=production) run what the
  // drop-in bundle ships (rollup.config.mjs resolves 'production'), so the elements are timed as users get them.
  nodeResolve: { exportConditions: ['browser', process.env.XS_BUILD === 'production' ? 'production' : 'development'] },
  concurrency: 1,
  concurrentBrowsers: 1,
  // A whole e2e file may hold several multi-device flows.
  testsFinishTimeout: 15 * 60_000,
  browserStartTimeout: 60_000,
  port: Number(process.env.XS_WTR_PORT ?? 8000),
  // XS_FILES=a.test.ts,b.e2e.ts runs just those files (no groups).
  ...(process.env.XS_FILES
    ? { files: process.env.XS_FILES.split(',') }
    : {
        files: ['src/**/*.test.ts', 'test/e2e/**/*.e2e.ts'],
        groups: [
          { name: 'unit', files: ['src/**/*.test.ts', 'test/unit/**/*.test.ts'] },
          { name: 'e2e', files: ['test/e2e/**/*.e2e.ts'] },
        ],
      }),
  // The examples and the drop-in bundle as a host serves them (built by scripts/build-examples.mjs / npm run build).
  // The demo page under the README's strict policy (test/e2e/demo-csp.e2e.ts loads it); the plain-HTML example under
  // the same policy plus its import map's hash (scripts/csp.mjs computes it from the page as served).
  middleware: [
    ...(homeserverUrl ? [cspMiddleware(strictCsp(homeserverUrl), ['/demo/'])] : []),
    ...(homeserverUrl ? [cspMiddleware(() => strictCspForPage(plainHtmlPage, homeserverUrl), ['/examples/plain-html/'])] : []),
    cspWatchMiddleware,
    jsToTsMiddleware({ rootDir }),
    staticHostMiddleware({ rootDir, prefixes: ['/examples/', '/bundle/', '/dist/themes/'] }),
  ],
  // XS_BROWSER=firefox: Debian's firefox-esr through puppeteer-core's WebDriver BiDi (scripts/test.mjs runs the unit
  // group and the emoji e2e test there too).
  browsers: [
    process.env.XS_BROWSER === 'firefox'
      ? chromeLauncher({
          puppeteer: puppeteerCore,
          // Each test file's tab in front, so that it has the focus keyboard tests type into.
          createPage: async ({ context }) => {
            const page = await context.newPage();
            await page.bringToFront();
            return page;
          },
          launchOptions: { browser: 'firefox', executablePath: firefoxPath(), headless: true, extraPrefsFirefox: firefoxPrefs },
        })
      : chromeLauncher({
          launchOptions: { executablePath: chromiumPath(), headless: true, args: chromiumArgs() },
        }),
  ],
  plugins: [
    demoEnvPlugin(homeserverUrl),
    commonJsPlugin({ rootDir }),
    // e2e: a python3-matrix-nio peer (test/e2e/verify-legacy-peer.e2e.ts).
    nioPeerPlugin(),
    // Layout tests save screenshots under test-results/screenshots/ (test/unit/rtl-layout.test.ts).
    screenshotPlugin({ rootDir }),
    esbuildPlugin({ ts: true, tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)), target: 'es2022' }),
  ],
  // The SDK and rust crypto log verbosely; keep errors, warnings from our code and measurements.
  // "null pointer passed to rust" is the WASM noticing a client stopped mid-sync in teardown: harmless.
  filterBrowserLogs: ({ type, args }) =>
    (type === 'error' && !/null pointer passed to rust/.test(JSON.stringify(args))) || /\[(timing|bench|xs)\]/.test(JSON.stringify(args[0] ?? '')),
  testFramework: { config: { timeout: e2eTimeout, ui: 'bdd' } },
  testRunnerHtml: (testFramework) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>xs-kit tests</title></head><body>
<script>window.__XS_ENV__ = ${JSON.stringify({ homeserverUrl })};</script>${grepScript}
<script type="module" src="${testFramework}"></script>
</body></html>`,
  reporters: [defaultReporter(), countingReporter()],
};
