// Debian's firefox-esr, found or installed with apt; driven headless by puppeteer-core over WebDriver BiDi (no browser
// is downloaded).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const CANDIDATES = ['/usr/bin/firefox-esr', '/usr/bin/firefox'];

export function firefoxPath() {
  if (process.env.FIREFOX_PATH) return process.env.FIREFOX_PATH;
  return CANDIDATES.find((p) => fs.existsSync(p)) ?? CANDIDATES[0];
}

/** Where the test browser saves downloads (a test that presses "Download" really downloads). */
const downloadDir = path.join(os.tmpdir(), 'xs-kit-firefox-downloads');
fs.mkdirSync(downloadDir, { recursive: true });

/** Preferences that keep it off the network and quiet. */
export const firefoxPrefs = {
  // A download (the setup wizard's "Download" of the Security Key in its unit tests) must not open the downloads
  // panel: the panel takes the focus from the page, the test page's document no longer has it
  // (document.hasFocus() false), and in the later test files of the same tab Enter on a focused button is delivered
  // but activates nothing — seen in the full unit group, never with a file alone.
  'browser.download.alwaysOpenPanel': false,
  'browser.download.panel.shown': true,
  'browser.download.always_ask_before_handling_new_types': false,
  'browser.download.useDownloadDir': true,
  'browser.download.folderList': 2,
  'browser.download.dir': downloadDir,
  'browser.download.start_downloads_in_tmp_dir': true,
  'app.update.enabled': false,
  'browser.shell.checkDefaultBrowser': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'toolkit.telemetry.enabled': false,
  'network.captive-portal-service.enabled': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'extensions.update.enabled': false,
  'media.navigator.permission.disabled': true,
  // Full-resolution performance.now() (as chromium gives the tests): timings of short work are not rounded to 0.
  'privacy.reduceTimerPrecision': false,
};

/** Installs Debian's firefox-esr with apt when it is missing. Throws with the reason otherwise. */
export function ensureFirefox() {
  if (fs.existsSync(firefoxPath())) return firefoxPath();
  if (typeof process.getuid === 'function' && process.getuid() !== 0)
    throw new Error('firefox-esr is missing and installing it needs root: apt-get install firefox-esr (or set FIREFOX_PATH)');
  process.stderr.write("[firefox] installing Debian's firefox-esr with apt-get…\n");
  for (const args of [['update'], ['install', '-y', '--no-install-recommends', 'firefox-esr', 'fonts-noto-color-emoji']]) {
    const r = spawnSync('apt-get', args, { stdio: ['ignore', 'ignore', 'inherit'], timeout: 15 * 60_000,
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (r.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed (${r.status ?? r.error?.message})`);
  }
  if (!fs.existsSync(firefoxPath())) throw new Error('apt-get installed firefox-esr, but no /usr/bin/firefox-esr appeared');
  return firefoxPath();
}
