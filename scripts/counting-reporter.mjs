// Counts every test the runner executed (across groups) and writes the totals where scripts/test.mjs reads them,
// with the duration of each test and of each file (wall time from the previous file's end to this one's, as files
// run one at a time).
import fs from 'node:fs';
import path from 'node:path';

function walk(suite, acc, prefix = '') {
  for (const t of suite?.tests ?? []) {
    if (!t.skipped) acc.durations.push({ name: `${prefix}${t.name}`, ms: t.duration ?? null });
    if (t.skipped) acc.skipped += 1;
    else if (t.passed) acc.passed += 1;
    else { acc.failed += 1; acc.failures.push(t.name); }
  }
  for (const s of suite?.suites ?? []) walk(s, acc, `${prefix}${s.name} › `);
}

export function countingReporter() {
  let rootDir = process.cwd();
  let last = Date.now();
  const fileMs = new Map();
  return {
    start({ config }) {
      rootDir = config.rootDir ?? rootDir;
      last = Date.now();
    },
    reportTestFileResults({ testFile }) {
      const now = Date.now();
      fileMs.set(testFile, (fileMs.get(testFile) ?? 0) + (now - last));
      last = now;
    },
    onTestRunFinished({ sessions }) {
      const acc = { passed: 0, failed: 0, skipped: 0, failures: [], brokenFiles: [], durations: [], files: [] };
      for (const session of sessions) {
        walk(session.testResults, acc);
        // A file that failed to load or timed out counts as a failure even if it ran no test.
        if (!session.passed && (session.errors?.length ?? 0) > 0) {
          acc.failed += 1;
          acc.brokenFiles.push(session.testFile);
        }
      }
      for (const [file, ms] of fileMs) acc.files.push({ file: path.relative(rootDir, file), ms });
      const out = process.env.XS_RESULTS_FILE;
      if (out) fs.writeFileSync(out, JSON.stringify(acc));
    },
  };
}
