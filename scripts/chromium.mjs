// Debian's chromium, found or installed with apt; the flags that keep it off the network.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

export function chromiumPath() {
  if (process.env.CHROME_PATH) return process.env.CHROME_PATH;
  return CANDIDATES.find((p) => fs.existsSync(p)) ?? CANDIDATES[0];
}

export function chromiumArgs() {
  const args = [
    '--headless=new', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-quic',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
    '--disable-default-apps', '--disable-extensions', '--mute-audio',
  ];
  if (typeof process.getuid === 'function' && process.getuid() === 0) args.push('--no-sandbox');
  return args;
}

/** Installs Debian's chromium with apt when it is missing. Throws with the reason otherwise. */
export function ensureChromium() {
  if (fs.existsSync(chromiumPath())) return chromiumPath();
  if (typeof process.getuid === 'function' && process.getuid() !== 0)
    throw new Error(`chromium is missing and installing it needs root: apt-get install chromium (or set CHROME_PATH)`);
  process.stderr.write('[chromium] installing Debian\'s chromium with apt-get…\n');
  for (const args of [['update'], ['install', '-y', '--no-install-recommends', 'chromium', 'fonts-noto-color-emoji']]) {
    const r = spawnSync('apt-get', args, { stdio: ['ignore', 'ignore', 'inherit'], timeout: 15 * 60_000,
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (r.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed (${r.status ?? r.error?.message})`);
  }
  if (!fs.existsSync(chromiumPath())) throw new Error('apt-get installed chromium, but no /usr/bin/chromium appeared');
  return chromiumPath();
}
