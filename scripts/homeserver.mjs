#!/usr/bin/env node
// Local Synapse for the demo and the end-to-end tests.
//
//   node scripts/homeserver.mjs ensure   install Synapse into a Debian sid chroot (once)
//   node scripts/homeserver.mjs start    ensure + start on 127.0.0.1 (reuses a running one)
//   node scripts/homeserver.mjs stop     stop the one we started
//   node scripts/homeserver.mjs status   print the URL if it answers
//
// The chroot lives outside the repository, in $XS_CACHE_DIR (default ~/.cache/xs-kit).
// The Debian archive address is read from this machine's own apt configuration.
// Every wait is bounded; every failure says why and exits non-zero.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const cacheDir = process.env.XS_CACHE_DIR || path.join(os.homedir(), '.cache', 'xs-kit');
export const rootDir = path.join(cacheDir, 'synapse-root');
export const port = Number(process.env.XS_SYNAPSE_PORT || 8018);
export const homeserverUrl = `http://127.0.0.1:${port}`;
// One data directory (and PID file) per port, so parallel runs on other ports share the installed tree.
const dataInRoot = port === 8018 ? '/xs-data' : `/xs-data-${port}`;
const dataDir = path.join(rootDir, dataInRoot);
const pidFile = path.join(cacheDir, port === 8018 ? 'synapse.pid' : `synapse-${port}.pid`);
const readyMarker = path.join(rootDir, '.xs-synapse-installed');
export const logFile = path.join(dataDir, 'homeserver.log');

const HOW_ELSE =
  'To use another homeserver instead, set XS_HOMESERVER_URL=https://… (it must allow open registration ' +
  'without email for the tests), e.g.  XS_HOMESERVER_URL=https://matrix.example.org npm test';

class LauncherError extends Error {}
const fail = (msg) => { throw new LauncherError(msg); };
const log = (msg) => process.stderr.write(`[homeserver] ${msg}\n`);

function run(cmd, args, { timeoutMs = 10 * 60_000, what = `${cmd} ${args.join(' ')}` } = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: timeoutMs, maxBuffer: 64 << 20 });
  if (r.error) fail(`${what}: ${r.error.message}`);
  if (r.status !== 0) {
    const tail = `${r.stdout ?? ''}\n${r.stderr ?? ''}`.trim().split('\n').slice(-15).join('\n');
    fail(`${what} exited with ${r.status ?? r.signal}:\n${tail}`);
  }
  return r.stdout;
}

function checkHost() {
  if (process.platform !== 'linux') fail(`the local Synapse needs Linux (this is ${process.platform}). ${HOW_ELSE}`);
  if (typeof process.getuid === 'function' && process.getuid() !== 0)
    fail(`installing and running the local Synapse needs root (debootstrap and chroot). Run as root, or: ${HOW_ELSE}`);
  if (!fs.existsSync('/etc/debian_version') || !commandExists('apt-get'))
    fail(`the local Synapse is installed with Debian's tools (apt-get, debootstrap); this machine is not Debian-like. ${HOW_ELSE}`);
}

function commandExists(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).status === 0;
}

/** The Debian archive this machine's apt already uses (never a host name written here). */
export function debianMirror() {
  const uris = [];
  const dir = '/etc/apt/sources.list.d';
  if (fs.existsSync(dir)) {
    for (const f of fs.readdirSync(dir).sort()) {
      if (!f.endsWith('.sources')) continue;
      const text = fs.readFileSync(path.join(dir, f), 'utf8');
      for (const stanza of text.split(/\n\s*\n/)) {
        const types = /^Types:\s*(.+)$/im.exec(stanza)?.[1] ?? 'deb';
        const suites = /^Suites:\s*(.+)$/im.exec(stanza)?.[1] ?? '';
        const u = /^URIs:\s*(.+)$/im.exec(stanza)?.[1];
        if (u && /\bdeb\b/.test(types) && !/security/.test(suites)) uris.push(...u.trim().split(/\s+/));
      }
    }
  }
  if (fs.existsSync('/etc/apt/sources.list')) {
    for (const line of fs.readFileSync('/etc/apt/sources.list', 'utf8').split('\n')) {
      const m = /^\s*deb\s+(?:\[[^\]]*\]\s+)?(\S+)\s+(\S+)/.exec(line);
      if (m && !/security/.test(m[2])) uris.push(m[1]);
    }
  }
  const mirror = uris.find((u) => /^https?:\/\//.test(u) && !/security/.test(u));
  if (!mirror) fail('could not find a Debian archive address in /etc/apt/sources.list.d/*.sources or /etc/apt/sources.list');
  return mirror.replace(/\/+$/, '');
}

function chroot(args, opts) {
  return run('chroot', [rootDir, ...args], opts);
}

function ensureProc() {
  const proc = path.join(rootDir, 'proc');
  if (!fs.existsSync(path.join(proc, 'self'))) {
    fs.mkdirSync(proc, { recursive: true });
    run('mount', ['-t', 'proc', 'proc', proc], { what: 'mounting /proc in the chroot' });
  }
}

export function ensureInstalled() {
  checkHost();
  if (fs.existsSync(readyMarker)) return;
  const started = Date.now();
  if (!commandExists('debootstrap')) {
    log('installing debootstrap with apt-get…');
    run('apt-get', ['update'], { what: 'apt-get update' });
    run('apt-get', ['install', '-y', '--no-install-recommends', 'debootstrap'], { what: 'apt-get install debootstrap' });
  }
  const mirror = debianMirror();
  if (!fs.existsSync(path.join(rootDir, 'usr/bin/apt-get'))) {
    log(`creating a minimal Debian sid tree in ${rootDir} (about a minute, once)…`);
    fs.rmSync(rootDir, { recursive: true, force: true });
    fs.mkdirSync(cacheDir, { recursive: true });
    try {
      run('debootstrap', ['--variant=minbase', 'sid', rootDir, mirror], { what: 'debootstrap sid', timeoutMs: 20 * 60_000 });
    } catch (e) {
      fail(`${e.message}\n(no network to the Debian archive? The archive address comes from this machine's apt configuration.)`);
    }
  }
  fs.copyFileSync('/etc/resolv.conf', path.join(rootDir, 'etc/resolv.conf'));
  ensureProc();
  log('installing matrix-synapse inside the chroot…');
  // The archive snapshot this machine reaches can be older than its Release files' Valid-Until.
  fs.writeFileSync(path.join(rootDir, 'etc/apt/apt.conf.d/99xs-kit'), 'Acquire::Check-Valid-Until "false";\n');
  chroot(['apt-get', 'update'], { what: 'apt-get update (chroot)' });
  chroot(['env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', 'install', '-y', '--no-install-recommends', 'matrix-synapse'],
    { what: 'apt-get install matrix-synapse (chroot)', timeoutMs: 20 * 60_000 });
  fs.writeFileSync(readyMarker, new Date().toISOString() + '\n');
  log(`Synapse installed in ${Math.round((Date.now() - started) / 1000)} s`);
}

/**
 * python3-matrix-nio (with python3-olm) in the same Debian tree: an independent, older Matrix client that the e2e
 * tests log in as a legacy peer (it never answers verification requests and only speaks the direct to-device SAS
 * start). Installed once, idempotently, next to Synapse (about 20 s, a few MB).
 */
export function ensureNio() {
  ensureInstalled();
  const marker = path.join(rootDir, '.xs-nio-installed');
  if (fs.existsSync(marker) && fs.existsSync(path.join(rootDir, 'usr/lib/python3/dist-packages/nio'))) return;
  ensureProc();
  fs.copyFileSync('/etc/resolv.conf', path.join(rootDir, 'etc/resolv.conf'));
  log('installing python3-matrix-nio inside the chroot (the legacy peer of the e2e tests)…');
  const install = () => chroot(['env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', 'install', '-y', '--no-install-recommends', 'python3-matrix-nio'],
    { what: 'apt-get install python3-matrix-nio (chroot)', timeoutMs: 10 * 60_000 });
  try {
    install();
  } catch {
    chroot(['apt-get', 'update'], { what: 'apt-get update (chroot)' });
    install();
  }
  fs.writeFileSync(marker, new Date().toISOString() + '\n');
}

/** Runs `python3 <script> <args>` inside the Debian tree (where matrix-nio is); the script is copied in first. */
export function spawnInTree(scriptPath, args, opts = {}) {
  const name = `/xs-${path.basename(scriptPath)}`;
  fs.copyFileSync(scriptPath, path.join(rootDir, name.slice(1)));
  return spawn('chroot', [rootDir, 'python3', '-u', name, ...args], { stdio: ['ignore', 'pipe', 'pipe'], ...opts });
}

/** Secrets are made once per data directory; the YAML is written on every start (so the port follows XS_SYNAPSE_PORT). */
function secrets() {
  const file = path.join(dataDir, 'secrets.json');
  try { return JSON.parse(fs.readFileSync(file, 'utf8')); } catch { /* first start */ }
  const secret = () => randomBytes(24).toString('hex');
  const made = { registration: secret(), macaroon: secret(), form: secret() };
  fs.writeFileSync(file, JSON.stringify(made), { mode: 0o600 });
  return made;
}

function writeConfig() {
  const cfg = path.join(dataDir, 'homeserver.yaml');
  fs.mkdirSync(path.join(dataDir, 'media'), { recursive: true });
  const sec = secrets();
  const limit = '{ per_second: 1000, burst_count: 10000 }';
  // Written whole (not appended to a generated file), so no setting can be swallowed by a comment line.
  const yaml = `# Generated by xs-kit scripts/homeserver.mjs for local tests and the demo. Loopback only.
server_name: "localhost"
public_baseurl: "${homeserverUrl}/"
listeners:
  - port: ${port}
    bind_addresses: ['127.0.0.1']
    type: http
    tls: false
    x_forwarded: false
    resources:
      - names: [client]
        compress: false
database:
  name: sqlite3
  args:
    database: ${dataInRoot}/homeserver.db
log_config: ${dataInRoot}/log.config
media_store_path: ${dataInRoot}/media
signing_key_path: ${dataInRoot}/localhost.signing.key
trusted_key_servers: []
suppress_key_server_warning: true
report_stats: false
enable_metrics: false
presence:
  enabled: false
url_preview_enabled: false
enable_registration: true
enable_registration_without_verification: true
# Tests register and log in hundreds of accounts and enter passwords for UIA: the default 12 bcrypt rounds cost
# ~0.25 s of CPU per hash on a small machine; 4 rounds cost ~1 ms (a loopback test server, not a real one).
bcrypt_rounds: 4
registration_shared_secret: "${sec.registration}"
macaroon_secret_key: "${sec.macaroon}"
form_secret: "${sec.form}"
rc_message: ${limit}
rc_registration: ${limit}
rc_registration_token_validity: ${limit}
rc_login:
  address: ${limit}
  account: ${limit}
  failed_attempts: ${limit}
rc_admin_redaction: ${limit}
rc_joins:
  local: ${limit}
  remote: ${limit}
rc_joins_per_room: ${limit}
rc_invites:
  per_room: ${limit}
  per_user: ${limit}
  per_issuer: ${limit}
rc_3pid_validation: ${limit}
rc_key_requests: ${limit}
rc_delayed_event_mgmt: ${limit}
rc_presence:
  per_user: ${limit}
# Device dehydration (MSC3814): the offline device that receives room keys while all sessions are closed.
experimental_features:
  msc3814_enabled: true
`;
  const logConfig = `version: 1
formatters:
  precise:
    format: '%(asctime)s - %(name)s - %(lineno)d - %(levelname)s - %(request)s - %(message)s'
handlers:
  file:
    class: logging.handlers.RotatingFileHandler
    formatter: precise
    filename: ${dataInRoot}/homeserver.log
    maxBytes: 20000000
    backupCount: 2
    encoding: utf8
loggers:
  synapse.storage.SQL:
    level: WARNING
root:
  level: INFO
  handlers: [file]
disable_existing_loggers: false
`;
  fs.writeFileSync(path.join(dataDir, 'log.config'), logConfig);
  fs.writeFileSync(cfg, yaml);
  if (fs.existsSync(path.join(dataDir, 'localhost.signing.key'))) return;
  chroot(['python3', '-m', 'synapse.app.homeserver', '--config-path', `${dataInRoot}/homeserver.yaml`, '--generate-keys'],
    { what: 'synapse --generate-keys', timeoutMs: 120_000 });
}

function readPid() {
  try {
    const pid = Number(fs.readFileSync(pidFile, 'utf8').trim());
    if (pid > 0) { process.kill(pid, 0); return pid; }
  } catch { /* not running */ }
  return null;
}

async function answers(timeoutMs = 2000) {
  try {
    const r = await fetch(`${homeserverUrl}/_matrix/client/versions`, { signal: AbortSignal.timeout(timeoutMs) });
    return r.ok;
  } catch { return false; }
}

function portTaken() {
  return new Promise((resolve) => {
    const s = net.connect({ host: '127.0.0.1', port }, () => { s.destroy(); resolve(true); });
    s.on('error', () => resolve(false));
    s.setTimeout(1000, () => { s.destroy(); resolve(false); });
  });
}

function logTail(n = 25) {
  try { return fs.readFileSync(logFile, 'utf8').trim().split('\n').slice(-n).join('\n'); } catch { return '(no log yet)'; }
}

/** Starts Synapse (or reuses ours if it already runs). Resolves to { url, startedNow }. */
export async function start({ readyTimeoutMs = 90_000 } = {}) {
  ensureInstalled();
  const running = readPid();
  if (running && (await answers())) return { url: homeserverUrl, startedNow: false };
  if (running)
    fail(`a Synapse from ${cacheDir} already runs (pid ${running}) but does not answer on port ${port}; stop it first: node scripts/homeserver.mjs stop`);
  if (await portTaken())
    fail(`port ${port} on 127.0.0.1 is taken by another program. Free it or choose another port: XS_SYNAPSE_PORT=… `);
  writeConfig();
  ensureProc();
  fs.copyFileSync('/etc/resolv.conf', path.join(rootDir, 'etc/resolv.conf'));
  const out = fs.openSync(path.join(cacheDir, port === 8018 ? 'synapse.stdout.log' : `synapse-${port}.stdout.log`), 'a');
  const child = spawn('chroot', [rootDir, 'python3', '-m', 'synapse.app.homeserver', '--config-path', `${dataInRoot}/homeserver.yaml`],
    { detached: true, stdio: ['ignore', out, out] });
  fs.writeFileSync(pidFile, String(child.pid));
  let exited = null;
  child.on('exit', (code, sig) => { exited = code ?? sig; });
  child.unref();
  const deadline = Date.now() + readyTimeoutMs;
  while (Date.now() < deadline) {
    if (exited !== null) {
      fs.rmSync(pidFile, { force: true });
      fail(`Synapse exited (${exited}) before it was ready. Last log lines (${logFile}):\n${logTail()}`);
    }
    if (await answers()) { log(`Synapse is up at ${homeserverUrl}`); return { url: homeserverUrl, startedNow: true }; }
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  fail(`Synapse did not answer ${homeserverUrl}/_matrix/client/versions within ${readyTimeoutMs / 1000} s. Last log lines:\n${logTail()}`);
}

/**
 * Unmounts the chroot's /proc once no Synapse of this cache runs any more, so deleting the cache
 * directory (rm -rf) never walks into the live /proc.
 */
function releaseProc() {
  const proc = path.join(rootDir, 'proc');
  if (!fs.existsSync(path.join(proc, 'self'))) return;
  let files = [];
  try { files = fs.readdirSync(cacheDir).filter((f) => /^synapse(-\d+)?\.pid$/.test(f)); } catch { /* no cache */ }
  for (const f of files) {
    const other = Number(fs.readFileSync(path.join(cacheDir, f), 'utf8').trim());
    try { if (other) { process.kill(other, 0); return; } } catch { /* not running */ }
  }
  spawnSync('umount', ['-l', proc], { stdio: 'ignore' });
}

export async function stop({ timeoutMs = 20_000 } = {}) {
  try { return await stopSynapse(timeoutMs); } finally { releaseProc(); }
}

async function stopSynapse(timeoutMs) {
  const pid = readPid();
  if (!pid) { fs.rmSync(pidFile, { force: true }); return false; }
  // chroot exec()s python, so the pid is Synapse itself.
  try { process.kill(pid, 'SIGTERM'); } catch { /* gone */ }
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try { process.kill(pid, 0); } catch { fs.rmSync(pidFile, { force: true }); return true; }
    await new Promise((r) => setTimeout(r, 100));
  }
  try { process.kill(pid, 'SIGKILL'); } catch { /* gone */ }
  fs.rmSync(pidFile, { force: true });
  return true;
}

async function main(cmd) {
  switch (cmd) {
    case 'ensure': ensureInstalled(); console.log(`Synapse installed in ${rootDir}`); break;
    case 'ensure-nio': ensureNio(); console.log(`matrix-nio installed in ${rootDir}`); break;
    case 'start': { const r = await start(); console.log(r.url); break; }
    case 'stop': console.log((await stop()) ? 'stopped' : 'not running'); break;
    case 'status': {
      const ok = readPid() && (await answers());
      console.log(ok ? `running at ${homeserverUrl}` : 'not running');
      process.exitCode = ok ? 0 : 1;
      break;
    }
    default: console.error('usage: node scripts/homeserver.mjs ensure|start|stop|status'); process.exitCode = 2;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main(process.argv[2]).catch((e) => {
    console.error(`[homeserver] ${e instanceof LauncherError ? e.message : e.stack}`);
    process.exit(1);
  });
}
