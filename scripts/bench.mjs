#!/usr/bin/env node
// `npm run bench`: the key-file benchmark in Debian's chromium (headless).
// For 1 000 / 10 000 / 100 000 realistic sessions it runs, in the browser page test/bench/key-file.bench.html:
//   the kit's encryptMegolmKeyFile / decryptMegolmKeyFile (WebCrypto), the rust crypto's
//   OlmMachine.encryptExportedRoomKeys / decryptExportedRoomKeys (matrix-sdk-crypto-wasm) on the same data,
//   and a bare WebCrypto PBKDF2 (SHA-512, same rounds), both on the idle main thread and inside an idle worker
//   (timed there, from call to result — the way the kit's own key derivation, which runs in its worker, is timed).
// It reports the median time (total, key derivation, the rest), the longest main-thread task seen by a
// PerformanceObserver('longtask') in the page, and the peak memory of the page's renderer process during each
// call (peak RSS from /proc, reset before every call, minus the RSS before it) relative to the file size.
// Each implementation runs in its own fresh browser context (own renderer process) per size; the runs of the kit,
// the rust helpers and the bare PBKDF2 are interleaved, so a change in machine load hits them alike.
//
// Env: XS_BENCH_PORT (else XS_WTR_PORT, else 8000) for the page server; XS_BENCH_SIZES=1000,10000 to pick sizes;
// XS_BENCH_ROUNDS (default 500000); XS_BENCH_REPS (default 5, 7 above 10 000 sessions: the machine is noisy).
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startDevServer } from '@web/dev-server';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import puppeteer from 'puppeteer-core';
import { chromiumArgs, ensureChromium } from './chromium.mjs';
import { commonJsPlugin, jsToTsMiddleware } from './wds-plugins.mjs';

const rootDir = fileURLToPath(new URL('..', import.meta.url));
const port = Number(process.env.XS_BENCH_PORT ?? process.env.XS_WTR_PORT ?? 8000);
const sizes = (process.env.XS_BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number);
const rounds = Number(process.env.XS_BENCH_ROUNDS ?? 500_000);

const log = (...a) => process.stderr.write(`[bench] ${a.join(' ')}\n`);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function status(pid) {
  const text = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (k) => Number(new RegExp(`^${k}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? NaN) * 1024;
  return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
}

const server = await startDevServer({
  config: {
    rootDir,
    port,
    nodeResolve: { exportConditions: ['browser', 'development'] },
    // The key-file worker is loaded as `new URL('./crypto-worker.entry.js', import.meta.url)`: served from the .ts.
    middleware: [jsToTsMiddleware({ rootDir })],
    plugins: [
      commonJsPlugin({ rootDir }),
      esbuildPlugin({ ts: true, tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)), target: 'es2022' }),
    ],
  },
  readCliArgs: false,
  readFileConfig: false,
  logStartMessage: false,
});

const browser = await puppeteer.launch({
  executablePath: ensureChromium(),
  headless: true,
  args: [...chromiumArgs().filter((a) => !a.startsWith('--headless')), '--js-flags=--expose-gc', '--site-per-process'],
  protocolTimeout: 15 * 60_000,
});
const chromeVersion = await browser.version();
const browserCdp = await browser.target().createCDPSession();
const renderers = async () =>
  new Set((await browserCdp.send('SystemInfo.getProcessInfo')).processInfo.filter((p) => p.type === 'renderer').map((p) => p.id));

/** A fresh browser context with the bench page, and the pid of its renderer. */
async function openPage() {
  const before = await renderers();
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  page.on('console', (m) => m.type() === 'error' && !/404/.test(m.text()) && log('page error:', m.text()));
  page.on('pageerror', (e) => log('page exception:', e.message));
  await page.goto(`http://127.0.0.1:${port}/test/bench/key-file.bench.html`);
  await page.waitForFunction(() => document.getElementById('state')?.textContent === 'ready', { timeout: 60_000 });
  await page.evaluate(() => window.bench.init());
  // The new context may have started a renderer for about:blank too; the page's is the one holding the wasm.
  const fresh = [...(await renderers())].filter((id) => !before.has(id) && fs.existsSync(`/proc/${id}`));
  if (fresh.length === 0) throw new Error("could not identify the page's renderer process");
  fresh.sort((a, b) => status(b).rss - status(a).rss);
  return { page, context, pid: fresh[0] };
}

/** Runs bench[op](...args) once: resets the peak RSS first, returns the page's result plus the peak memory growth. */
async function call({ page, pid }, op, ...args) {
  await page.evaluate(() => window.bench.gc());
  fs.writeFileSync(`/proc/${pid}/clear_refs`, '5'); // resets VmHWM to the current RSS
  const base = status(pid).rss;
  const r = await page.evaluate((o, a) => window.bench[o](...a), op, args);
  return { ...r, peakBytes: status(pid).hwm - base };
}

const results = [];
try {
  for (const n of sizes) {
    const reps = Number(process.env.XS_BENCH_REPS ?? (n > 10_000 ? 7 : 5));
    log(`${n} sessions, ${rounds} rounds, ${reps} runs each`);

    // Three pages (own renderer processes): the kit, the rust encrypt, the rust decrypt. The runs are interleaved
    // so both implementations and the bare PBKDF2 see the same machine load (this machine is shared).
    const kit = await openPage();
    const { jsonBytes } = await kit.page.evaluate((k) => window.bench.prepare(k), n);
    const { fileBytes } = await kit.page.evaluate((r) => window.bench.prepareFile(r), rounds);
    const rE = await openPage();
    await rE.page.evaluate((k) => window.bench.prepare(k), n);
    const rD = await openPage();
    await rD.page.evaluate((k) => window.bench.prepare(k), n);
    await rD.page.evaluate((r) => window.bench.prepareFile(r), rounds);
    const runs = { bare: [], bareW: [], enc: [], dec: [], rustEnc: [], rustKdfEnc: [], rustDec: [], rustKdfDec: [], prim: [] };
    for (let i = 0; i < reps; i++) {
      runs.bare.push(await call(kit, 'barePbkdf2', rounds));
      runs.bareW.push(await call(kit, 'barePbkdf2Worker', rounds));
      runs.enc.push(await call(kit, 'kitEncrypt', rounds));
      runs.rustEnc.push(await call(rE, 'rustEncrypt', rounds, 'all'));
      runs.rustKdfEnc.push(await call(rE, 'rustEncrypt', rounds, 'empty'));
      runs.dec.push(await call(kit, 'kitDecrypt'));
      await kit.page.evaluate(() => window.bench.checkDecrypted());
      runs.rustDec.push(await call(rD, 'rustDecrypt'));
      runs.rustKdfDec.push(await call(rD, 'rustDecryptEmpty', rounds));
      runs.prim.push(await kit.page.evaluate(() => window.bench.primitives()));
    }
    for (const p of [kit, rE, rD]) await p.context.close();
    // The kit must have run in its workers (a worker script that fails to load falls back to the page, silently).
    for (const r of [...runs.enc, ...runs.dec]) {
      if (!Object.keys(r.phases ?? {}).some((k) => k.startsWith('worker'))) throw new Error('the kit ran without its crypto workers (did the worker script load?)');
    }
    const agg = (list) => ({
      totalMs: median(list.map((r) => r.totalMs)),
      kdfMs: list[0].kdfMs === undefined ? undefined : median(list.map((r) => r.kdfMs)),
      peakBytes: Math.max(...list.map((r) => r.peakBytes)),
      longestTaskMs: Math.max(...list.map((r) => r.longestTaskMs)),
      phases: list[0].phases ? Object.fromEntries(Object.keys(list[0].phases).map((k) => [k, median(list.map((r) => r.phases?.[k] ?? 0))])) : undefined,
      runs: list,
    });
    const bare = agg(runs.bare);
    const bareW = agg(runs.bareW);
    const kitEnc = agg(runs.enc);
    const kitDec = agg(runs.dec);
    const rustEnc = agg(runs.rustEnc);
    const rustKdfEnc = agg(runs.rustKdfEnc);
    const rustDec = agg(runs.rustDec);
    const rustKdfDec = agg(runs.rustKdfDec);

    const prim = Object.fromEntries(Object.keys(runs.prim[0]).map((k) => [k, median(runs.prim.map((p) => p[k]))]));
    const row = { n, jsonBytes, fileBytes, bare, bareW, kitEnc, kitDec, rustEnc, rustKdfEnc, rustDec, rustKdfDec, prim };
    results.push(row);
    log(`  done: kit enc ${kitEnc.totalMs.toFixed(0)} ms, dec ${kitDec.totalMs.toFixed(0)} ms; rust enc ${rustEnc.totalMs.toFixed(0)} ms, dec ${rustDec.totalMs.toFixed(0)} ms`);
  }
} finally {
  await browser.close();
  await server.stop();
}

// ---- report ----
const f0 = (x) => (x === undefined ? '–' : x.toFixed(0));
const f2 = (x) => x.toFixed(2);
const mb = (b) => (b / 1e6).toFixed(1);
const lines = [];
lines.push(`Key-file benchmark — ${new Date().toISOString()} — ${chromeVersion}`);
lines.push(`PBKDF2-SHA-512 ${rounds} rounds; median of the runs; times in ms; memory = peak renderer RSS growth during the call / file size.`);
lines.push(`Bare PBKDF2: import + deriveBits, timed on the idle main thread ("main") and inside an idle worker from call to result ("worker", measured like the kit's KDF, which runs in its worker); KDF ratio = kit KDF / bare worker (and / bare main).`);
lines.push(`"longest task" = longest main-thread task (PerformanceObserver longtask; 0 = none ≥ 50 ms).`);
lines.push('');
lines.push('| sessions | file MB | op | kit total | kit KDF | kit non-KDF | bare PBKDF2 worker / main | KDF ratio worker / main | rust total | rust KDF | rust non-KDF | speed-up total | speed-up non-KDF | kit mem × file | rust mem × file | kit longest task | rust longest task |');
lines.push('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
for (const r of results) {
  for (const [op, kit, rust, rustKdf] of [['encrypt', r.kitEnc, r.rustEnc, r.rustKdfEnc], ['decrypt', r.kitDec, r.rustDec, r.rustKdfDec]]) {
    const kitNon = kit.totalMs - kit.kdfMs;
    const rustNon = rust.totalMs - rustKdf.totalMs;
    lines.push(
      `| ${r.n} | ${mb(r.fileBytes)} | ${op} | ${f0(kit.totalMs)} | ${f0(kit.kdfMs)} | ${f0(kitNon)} | ${f0(r.bareW.kdfMs)} / ${f0(r.bare.totalMs)} | ${f2(kit.kdfMs / r.bareW.kdfMs)} / ${f2(kit.kdfMs / r.bare.totalMs)} | ${f0(rust.totalMs)} | ${f0(rustKdf.totalMs)} | ${f0(rustNon)} | ${f2(rust.totalMs / kit.totalMs)}× | ${f2(rustNon / Math.max(kitNon, 0.001))}× | ${f2(kit.peakBytes / r.fileBytes)} | ${f2(rust.peakBytes / r.fileBytes)} | ${f0(kit.longestTaskMs)} | ${f0(rust.longestTaskMs)} |`,
    );
  }
}
lines.push('');
lines.push('Speed besides the key derivation ("non-KDF"): file MB / non-KDF seconds; ratio = kit MB/s ÷ rust MB/s (same run, same machine load). Target: ≥ 400 MB/s.');
lines.push('');
lines.push('| sessions | op | kit non-KDF MB/s | rust non-KDF MB/s | ratio |');
lines.push('|---|---|---|---|---|');
const mbps = (bytes, ms) => bytes / 1e6 / (Math.max(ms, 0.001) / 1000);
for (const r of results) {
  for (const [op, kit, rust, rustKdf] of [['encrypt', r.kitEnc, r.rustEnc, r.rustKdfEnc], ['decrypt', r.kitDec, r.rustDec, r.rustKdfDec]]) {
    const k = mbps(r.fileBytes, kit.totalMs - kit.kdfMs);
    const ru = mbps(r.fileBytes, rust.totalMs - rustKdf.totalMs);
    lines.push(`| ${r.n} | ${op} | ${k.toFixed(0)} | ${ru.toFixed(0)} | ${(k / ru).toFixed(1)}× |`);
  }
}
lines.push('');
lines.push('The primitives alone on the idle page, same data, same run (median ms; MB/s of the file size) — one thread\'s floor for the work besides the key derivation:');
for (const r of results) {
  const p = r.prim;
  const encFloor = (p['UTF-8 encode'] ?? 0) + (p['AES-CTR'] ?? 0) + (p['HMAC-SHA-256'] ?? 0);
  const decFloor = (p['base64 decode'] ?? 0) + (p['AES-CTR'] ?? 0) + (p['HMAC-SHA-256'] ?? 0) + (p['UTF-8 decode'] ?? 0);
  lines.push(`- ${r.n} sessions: ${Object.entries(p).map(([k, v]) => `${k} ${v.toFixed(0)} (${mbps(r.fileBytes, v).toFixed(0)} MB/s)`).join('; ')}. ` +
    `Sum, encrypt (UTF-8 + AES + HMAC, base64 encoding not included): ${encFloor.toFixed(0)} ms; kit non-KDF ${f0(r.kitEnc.totalMs - r.kitEnc.kdfMs)} ms. ` +
    `Sum, decrypt (base64 + AES + HMAC + UTF-8): ${decFloor.toFixed(0)} ms; kit non-KDF ${f0(r.kitDec.totalMs - r.kitDec.kdfMs)} ms.`);
}
lines.push('');
lines.push('Where the kit\'s time went (median ms per phase; "page" = the main thread, "(with yields)" includes the gaps between its slices; worker phases overlap the page\'s waiting):');
for (const r of results) {
  for (const [op, kit] of [['encrypt', r.kitEnc], ['decrypt', r.kitDec]]) {
    if (!kit.phases) continue;
    lines.push(`- ${r.n} sessions, ${op} (total ${f0(kit.totalMs)} ms, KDF ${f0(kit.kdfMs)} ms): ${Object.entries(kit.phases).map(([k, v]) => `${k} ${v.toFixed(0)}`).join('; ')}`);
  }
}
const big = results.find((r) => r.n === 100_000);
if (big) {
  lines.push('');
  lines.push('Targets at 100 000 sessions:');
  for (const [op, kit, rust] of [['encrypt', big.kitEnc, big.rustEnc], ['decrypt', big.kitDec, big.rustDec]]) {
    const speed = rust.totalMs / kit.totalMs;
    const ratio = kit.kdfMs / big.bareW.kdfMs;
    const mem = kit.peakBytes / big.fileBytes;
    const nonKdf = kit.totalMs - kit.kdfMs;
    lines.push(
      `- ${op}: non-KDF ≥400 MB/s (≤${f0((big.fileBytes / 400e6) * 1000)} ms): ${mbps(big.fileBytes, nonKdf).toFixed(0)} MB/s (${f0(nonKdf)} ms) ${mbps(big.fileBytes, nonKdf) >= 400 ? 'MET' : 'NOT MET'}; total vs rust: ${speed.toFixed(2)}×; KDF ≤1.1× bare PBKDF2 (worker): ${ratio.toFixed(2)} (vs main-thread bare ${(kit.kdfMs / big.bare.totalMs).toFixed(2)}) ${ratio <= 1.1 ? 'MET' : 'NOT MET'}; ` +
        `memory ≤3× file: ${mem.toFixed(2)} ${mem <= 3 ? 'MET' : 'NOT MET'}; no task >100 ms: ${kit.longestTaskMs.toFixed(0)} ms ${kit.longestTaskMs <= 100 ? 'MET' : 'NOT MET'}`,
    );
  }
}
const report = lines.join('\n');
process.stdout.write(`${report}\n`);
fs.mkdirSync(new URL('../test-results/', import.meta.url), { recursive: true });
fs.writeFileSync(new URL('../test-results/bench.json', import.meta.url), JSON.stringify({ rounds, results }, null, 2));
fs.writeFileSync(new URL('../test-results/bench.md', import.meta.url), `${report}\n`);
