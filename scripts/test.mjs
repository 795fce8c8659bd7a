#!/usr/bin/env node
// `npm test`: everything, on a fresh Debian machine as root.
//   1. static checks: typecheck, custom-elements.json up to date, the generated WebAssembly module up to date,
//      package build (tsc + rollup bundle), the examples under examples/ (loaded by test/e2e/examples.e2e.ts)
//   2. browser tests in Debian's chromium: the unit group, then the e2e group against a real Synapse
//      (started here unless XS_HOMESERVER_URL names another homeserver; stopped again if we started it);
//      in Debian's firefox-esr (installed like chromium): the unit group and the emoji verification e2e test
// Prints the counts per browser; the last line counts both browsers and the static checks.
// Ends with the line `N passed, N failed` and a non-zero exit code on any failure.
//   --group unit|e2e   only that browser group (and the static checks are skipped)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureChromium } from './chromium.mjs';
import { ensureFirefox } from './firefox.mjs';
import * as homeserver from './homeserver.mjs';

const args = process.argv.slice(2);
const groupIdx = args.indexOf('--group');
const onlyGroup = groupIdx >= 0 ? args[groupIdx + 1] : null;
const extra = args.filter((_, i) => i !== groupIdx && i !== groupIdx + 1);

const totals = { passed: 0, failed: 0, failures: [] };
const t0 = Date.now();

function step(name, cmd, cmdArgs, opts = {}) {
  process.stdout.write(`\n▶ ${name}\n`);
  const started = Date.now();
  const r = spawnSync(cmd, cmdArgs, { stdio: 'inherit', ...opts });
  process.stdout.write(`(${name}: ${Math.round((Date.now() - started) / 1000)} s)\n`);
  const ok = r.status === 0;
  if (ok) totals.passed += 1; else { totals.failed += 1; totals.failures.push(name); }
  return ok;
}

/** Passed / failed per browser, printed at the end. */
const perBrowser = new Map();

/**
 * One browser run: `group` (unit / e2e) in `browser` (chromium / firefox). `files` + `grep` narrow it to some tests
 * (Firefox's e2e run: the emoji verification only).
 */
function browserGroup(group, env, { browser = 'chromium', files, grep } = {}) {
  const label = `${group} (${browser})`;
  const results = path.join(os.tmpdir(), `xs-kit-results-${process.pid}-${group}-${browser}.json`);
  fs.rmSync(results, { force: true });
  process.stdout.write(`\n▶ browser tests: ${label}\n`);
  const started = Date.now();
  const runnerArgs = ['web-test-runner', '--config', 'web-test-runner.config.mjs', ...(files ? [] : ['--group', group]), ...extra];
  const r = spawnSync('npx', runnerArgs, {
    stdio: 'inherit',
    env: { ...process.env, ...env, XS_RESULTS_FILE: results, XS_BROWSER: browser,
      ...(files ? { XS_FILES: files.join(',') } : {}), ...(grep ? { XS_GREP: grep } : {}) },
  });
  process.stdout.write(`(${label}: ${Math.round((Date.now() - started) / 1000)} s)\n`);
  let counted = null;
  try { counted = JSON.parse(fs.readFileSync(results, 'utf8')); } catch { /* runner died before reporting */ }
  const tally = perBrowser.get(browser) ?? { passed: 0, failed: 0 };
  perBrowser.set(browser, tally);
  if (!counted) {
    totals.failed += 1; tally.failed += 1; totals.failures.push(`${label}: the test runner ended (${r.status}) without a report`);
    return;
  }
  if (group === 'e2e') {
    process.stdout.write(`\nTimings (${label}):\n`);
    for (const d of counted.durations) process.stdout.write(`  ${String(d.ms ?? '?').padStart(6)} ms  ${d.name}\n`);
  }
  // Per file, longest first (where CI time goes).
  const perFile = [...(counted.files ?? [])].sort((a, b) => b.ms - a.ms);
  if (perFile.length) {
    process.stdout.write(`\nPer file (${label}), longest first:\n`);
    for (const f of perFile) process.stdout.write(`  ${(f.ms / 1000).toFixed(1).padStart(6)} s  ${f.file}\n`);
  }
  let failed = counted.failed;
  totals.failures.push(...counted.failures.map((f) => `${label}: ${f}`), ...counted.brokenFiles.map((f) => `${label}: file ${f}`));
  if (counted.passed + counted.failed === 0) { failed += 1; totals.failures.push(`${label}: no test ran`); }
  if (r.status !== 0 && counted.failed === 0) { failed += 1; totals.failures.push(`${label}: runner exited ${r.status}`); }
  totals.passed += counted.passed; totals.failed += failed;
  tally.passed += counted.passed; tally.failed += failed;
}

/** The e2e test that also runs in Firefox: emoji verification between two sessions, through the elements' UI. */
const FIREFOX_E2E = { files: ['test/e2e/verify-login.e2e.ts'], grep: 'SAS: this new session asks the other sessions' };

/**
 * The local Synapse, started while the static checks and the unit group run (it needs no browser; a few seconds
 * saved). Resolves to { url, startedNow } or { error }. The steps before the e2e group block the event loop
 * (spawnSync), so start()'s own ready deadline is lifted; `synapseReady` bounds the wait from when it is needed.
 */
let synapse = null;
function startSynapseEarly() {
  if (synapse || process.env.XS_HOMESERVER_URL || onlyGroup === 'unit') return;
  synapse = homeserver.start({ readyTimeoutMs: 24 * 3_600_000 }).then((r) => r, (error) => ({ error }));
}

async function synapseReady(timeoutMs = 90_000) {
  let timer;
  const late = new Promise((resolve) => { timer = setTimeout(() => resolve(null), timeoutMs); });
  const r = await Promise.race([synapse, late]);
  clearTimeout(timer);
  if (r) return r;
  await homeserver.stop(); // start() then sees it exit and gives up
  await synapse;
  return { error: new Error(`Synapse did not answer within ${timeoutMs / 1000} s of being needed`) };
}

async function main() {
  startSynapseEarly();
  if (!onlyGroup) {
    step('typecheck (tsc --noEmit)', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
    step('custom-elements.json is current', 'node', ['scripts/check-manifest.mjs']);
    step('base64-lines.wasm.ts matches base64-lines.wat', 'node', ['scripts/build-wasm.mjs', '--check']);
    step('package build (tsc, rollup bundle, size budget)', 'npm', ['run', '--silent', 'build']);
    step('examples build (SDK browser build, vite React / Vue, React JSX types)', 'node', ['scripts/build-examples.mjs']);
  } else if (onlyGroup === 'e2e' && !['examples/plain-html/vendor', 'examples/react/dist', 'examples/vue/dist', 'bundle'].every((p) => fs.existsSync(p))) {
    // test/e2e/examples.e2e.ts loads the built examples: build them once if this checkout has not yet.
    step('package build (tsc, rollup bundle, size budget)', 'npm', ['run', '--silent', 'build']);
    step('examples build (SDK browser build, vite React / Vue, React JSX types)', 'node', ['scripts/build-examples.mjs']);
  }
  try {
    ensureChromium();
  } catch (e) {
    console.error(`[test] ${e.message}`);
    totals.failed += 1; totals.failures.push('chromium could not be installed');
    return;
  }
  let firefox = true;
  try {
    ensureFirefox();
  } catch (e) {
    console.error(`[test] ${e.message}`);
    totals.failed += 1; totals.failures.push('firefox-esr could not be installed (its tests fail, they are not skipped)');
    firefox = false;
  }
  if (!onlyGroup || onlyGroup === 'unit') {
    browserGroup('unit', {});
    if (firefox) browserGroup('unit', {}, { browser: 'firefox' });
  }
  if (!onlyGroup || onlyGroup === 'e2e') {
    let url = process.env.XS_HOMESERVER_URL;
    let startedNow = false;
    if (!url) {
      const r = await synapseReady();
      if (r.error) {
        console.error(`[test] the local Synapse could not start: ${r.error.message}`);
        totals.failed += 1; totals.failures.push('e2e: Synapse could not start (e2e tests fail, they are not skipped)');
        return;
      }
      ({ url, startedNow } = r);
    }
    try {
      browserGroup('e2e', { XS_HOMESERVER_URL: url });
      if (firefox) browserGroup('e2e', { XS_HOMESERVER_URL: url }, { browser: 'firefox', ...FIREFOX_E2E });
    } finally {
      if (startedNow) await homeserver.stop();
    }
  }
}

try {
  await main();
} finally {
  // Started early but never used (chromium could not be installed): stop it again.
  const r = synapse && (await synapse);
  if (r?.startedNow && (await homeserver.stop())) console.log('[test] Synapse stopped');
}
const secs = Math.round((Date.now() - t0) / 1000);
if (totals.failures.length) {
  console.log(`\nFailed:\n${totals.failures.map((f) => `  - ${f}`).join('\n')}`);
}
for (const [browser, t] of perBrowser) console.log(`${browser}: ${t.passed} passed, ${t.failed} failed`);
console.log(`\n(${secs} s)`);
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed === 0 && totals.passed > 0 ? 0 : 1);
