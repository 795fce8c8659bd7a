// @web/test-runner: Debian's chromium, headless; unit tests (no server) and e2e tests (real Synapse).
// `npm test` (scripts/test.mjs) installs chromium if missing, starts Synapse and sets XS_HOMESERVER_URL.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { fileURLToPath } from 'node:url';
import { commonJsPlugin } from './scripts/wds-plugins.mjs';
import { nioPeerPlugin } from './scripts/nio-peer-plugin.mjs';
import { chromiumArgs, chromiumPath } from './scripts/chromium.mjs';
import { countingReporter } from './scripts/counting-reporter.mjs';
import { defaultReporter } from '@web/test-runner';

const rootDir = fileURLToPath(new URL('.', import.meta.url));
const homeserverUrl = process.env.XS_HOMESERVER_URL ?? '';
const e2eTimeout = Number(process.env.XS_E2E_TIMEOUT_MS ?? 120_000);

export default {
  rootDir,
  nodeResolve: { exportConditions: ['browser', 'development'] },
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
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: chromiumPath(), headless: true, args: chromiumArgs() },
    }),
  ],
  plugins: [
    commonJsPlugin({ rootDir }),
    // e2e: a python3-matrix-nio peer (test/e2e/verify-legacy-peer.e2e.ts).
    nioPeerPlugin(),
    esbuildPlugin({ ts: true, tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)), target: 'es2022' }),
  ],
  // The SDK and rust crypto log verbosely; keep errors, warnings from our code and measurements.
  // "null pointer passed to rust" is the WASM noticing a client stopped mid-sync in teardown: harmless.
  filterBrowserLogs: ({ type, args }) =>
    (type === 'error' && !/null pointer passed to rust/.test(JSON.stringify(args))) || /\[(timing|bench|xs)\]/.test(JSON.stringify(args[0] ?? '')),
  testFramework: { config: { timeout: e2eTimeout, ui: 'bdd' } },
  testRunnerHtml: (testFramework) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>xs-kit tests</title></head><body>
<script>window.__XS_ENV__ = ${JSON.stringify({ homeserverUrl })};</script>
<script type="module" src="${testFramework}"></script>
</body></html>`,
  reporters: [defaultReporter(), countingReporter()],
};
