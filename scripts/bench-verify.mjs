#!/usr/bin/env node
// `npm run bench:verify`: test/bench/verify.bench.ts in headless chromium against a Synapse (the local one,
// started here and stopped again, unless XS_HOMESERVER_URL names another). Prints per-round times and the
// medians; exits non-zero when the elements add more than 10 % over the bare SDK flow.
// Env: XS_WTR_PORT for the page server. 20 rounds each.
import { spawnSync } from 'node:child_process';
import * as homeserver from './homeserver.mjs';

let url = process.env.XS_HOMESERVER_URL;
let startedNow = false;
if (!url) ({ url, startedNow } = await homeserver.start());
try {
  const r = spawnSync('npx', ['web-test-runner', '--config', 'web-test-runner.config.mjs'], {
    stdio: 'inherit',
    env: { ...process.env, XS_BUILD: 'production', XS_FILES: 'test/bench/verify.bench.ts', XS_HOMESERVER_URL: url, XS_E2E_TIMEOUT_MS: String(30 * 60_000) },
  });
  process.exitCode = r.status ?? 1;
} finally {
  if (startedNow) await homeserver.stop();
}
