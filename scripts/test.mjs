#!/usr/bin/env node
// `npm test`: everything, on a fresh Debian machine as root.
//   1. static checks: typecheck, custom-elements.json up to date, the generated WebAssembly module up to date,
//      package build (tsc + rollup bundle), the examples under examples/ (loaded by test/e2e/examples.e2e.ts),
//      lint (eslint, zero warnings)
//   2. browser tests in Debian's chromium: the unit group, then the e2e group against a real Synapse
//      (started here unless XS_HOMESERVER_URL names another homeserver; stopped again if we started it);
//      in Debian's firefox-esr (installed like chromium): the unit group and the emoji verification e2e test
// The static checks run while the chromium unit group does (neither needs the other; their output is printed a step
// at a time); the local Synapse starts at the beginning, while those run; the chromium e2e group runs as two shards
// side by side (e2eShards below).
// Prints the counts per browser; the last line counts both browsers and the static checks.
// Ends with the line `N passed, N failed` and a non-zero exit code on any failure.
//   --group unit|e2e   only that browser group (and the static checks are skipped)
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
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

/** Runs a command; resolves to its exit status (null if it could not start) and, with `capture`, its output. */
function run(cmd, cmdArgs, { capture = false, ...opts } = {}) {
  return new Promise((resolve) => {
    let output = '';
    const child = spawn(cmd, cmdArgs, { stdio: capture ? ['ignore', 'pipe', 'pipe'] : 'inherit', ...opts });
    if (capture) for (const s of [child.stdout, child.stderr]) s.on('data', (d) => (output += d));
    child.on('error', (e) => resolve({ status: null, output: `${output}${e.message}\n` }));
    child.on('close', (status) => resolve({ status, output }));
  });
}

/**
 * One static check. With `capture` (while a browser group runs beside it) its output is held and printed whole
 * when it ends, so the two don't interleave line by line.
 */
async function step(name, cmd, cmdArgs, { capture = false } = {}) {
  if (!capture) process.stdout.write(`\n▶ ${name}\n`);
  const started = Date.now();
  const r = await run(cmd, cmdArgs, { capture });
  const took = `(${name}: ${Math.round((Date.now() - started) / 1000)} s)\n`;
  process.stdout.write(capture ? `\n▶ ${name}\n${r.output}${took}` : took);
  const ok = r.status === 0;
  if (ok) totals.passed += 1; else { totals.failed += 1; totals.failures.push(name); }
  return ok;
}

async function staticChecks({ capture = false } = {}) {
  await step('typecheck (tsc --noEmit)', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json'], { capture });
  await step('custom-elements.json is current', 'node', ['scripts/check-manifest.mjs'], { capture });
  await step('base64-lines.wasm.ts matches base64-lines.wat', 'node', ['scripts/build-wasm.mjs', '--check'], { capture });
  await buildForE2e({ capture });
  // After the build: the React example's types (xs-kit, xs-kit/react) come from dist/.
  await step('lint (eslint, zero warnings)', 'npx', ['eslint', '.', '--max-warnings', '0'], { capture });
}

/** The package (bundle/) and the examples, which test/e2e/examples.e2e.ts loads. */
async function buildForE2e({ capture = false } = {}) {
  await step('package build (tsc, rollup bundle, size budget)', 'npm', ['run', '--silent', 'build'], { capture });
  await step('examples build (SDK browser build, vite React / Vue, React JSX types)', 'node', ['scripts/build-examples.mjs'], { capture });
}

/** Passed / failed per browser, printed at the end. */
const perBrowser = new Map();

/**
 * One browser run: `group` (unit / e2e) in `browser` (chromium / firefox). `files` + `grep` narrow it to some tests
 * (Firefox's e2e run: the emoji verification only).
 */
async function browserGroup(group, env, { browser = 'chromium', files, grep, shard, capture = false } = {}) {
  const label = `${group} (${browser}${shard ? `, ${shard}` : ''})`;
  const results = path.join(os.tmpdir(), `xs-kit-results-${process.pid}-${group}-${browser}${shard ? `-${shard}` : ''}.json`);
  fs.rmSync(results, { force: true });
  process.stdout.write(`\n▶ browser tests: ${label}${capture ? ' (its output follows when it ends)' : ''}\n`);
  const started = Date.now();
  const runnerArgs = ['web-test-runner', '--config', 'web-test-runner.config.mjs', ...(files ? [] : ['--group', group]), ...extra];
  const r = await run('npx', runnerArgs, {
    capture,
    env: { ...process.env, ...env, XS_RESULTS_FILE: results, XS_BROWSER: browser,
      ...(files ? { XS_FILES: files.join(',') } : {}), ...(grep ? { XS_GREP: grep } : {}) },
  });
  if (capture) process.stdout.write(`\n▶ browser tests: ${label}, its output:\n${r.output}`);
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

/**
 * The chromium e2e group in two shards that run at the same time, each in its own browser and test-runner port:
 * the fault matrices (files named *faults*) and the rest — about equal halves. An e2e test mostly waits (on the
 * homeserver, on timers, on the other client): one run used about half a core, so two side by side take little
 * more than the longer one.
 */
function e2eShards() {
  const all = fs.readdirSync('test/e2e', { recursive: true }).map(String).filter((f) => f.endsWith('.e2e.ts')).sort()
    .map((f) => `test/e2e/${f}`);
  // XS_E2E_SHARDS=1: one runner, the files one after the other (as before).
  if (process.env.XS_E2E_SHARDS === '1') return [{ name: 'all', files: all }];
  const faults = all.filter((f) => /faults/.test(path.basename(f)));
  return [{ name: 'faults', files: faults }, { name: 'flows', files: all.filter((f) => !faults.includes(f)) }]
    .filter((s) => s.files.length > 0);
}

/** A free TCP port on loopback (for the second shard's test runner). */
function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** The e2e test that also runs in Firefox: emoji verification between two sessions, through the elements' UI. */
const FIREFOX_E2E = { files: ['test/e2e/verify-login.e2e.ts'], grep: 'SAS: this new session asks the other sessions' };

/**
 * The local Synapse, started while the static checks and the unit group run (it needs no browser; a few seconds
 * saved). Resolves to { url, startedNow } or { error }. start()'s own ready deadline is lifted (the steps before
 * take minutes); `synapseReady` bounds the wait from when it is needed.
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
  if (onlyGroup === 'e2e' && !['examples/plain-html/vendor', 'examples/react/dist', 'examples/vue/dist', 'bundle'].every((p) => fs.existsSync(p))) {
    // test/e2e/examples.e2e.ts loads the built examples: build them once if this checkout has not yet.
    await buildForE2e();
  }
  try {
    ensureChromium();
  } catch (e) {
    console.error(`[test] ${e.message}`);
    totals.failed += 1; totals.failures.push('chromium could not be installed');
    if (!onlyGroup) await staticChecks();
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
  if (!onlyGroup) {
    // The static checks beside the chromium unit group (the unit tests load src/ only, never dist/ or bundle/).
    await Promise.all([staticChecks({ capture: true }), browserGroup('unit', {})]);
    if (firefox) await browserGroup('unit', {}, { browser: 'firefox' });
  } else if (onlyGroup === 'unit') {
    await browserGroup('unit', {});
    if (firefox) await browserGroup('unit', {}, { browser: 'firefox' });
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
      // Two shards side by side (the second on a free port, its output printed when it ends).
      const shards = e2eShards();
      const ports = [process.env.XS_WTR_PORT ?? '8000', ...(await Promise.all(shards.slice(1).map(() => freePort())))];
      await Promise.all(shards.map((sh, i) => browserGroup('e2e', { XS_HOMESERVER_URL: url, XS_WTR_PORT: String(ports[i]) },
        { files: sh.files, shard: sh.name, capture: i > 0 })));
      if (firefox) await browserGroup('e2e', { XS_HOMESERVER_URL: url }, { browser: 'firefox', ...FIREFOX_E2E });
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
