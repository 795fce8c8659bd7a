// Fails when custom-elements.json is not what `npm run analyze` would write now.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { normalizeManifest } from './manifest-order.mjs';

// cem resolves --outdir against the working directory, so keep it relative.
const tmp = path.join('node_modules', '.cache', `xs-cem-${process.pid}`);
fs.mkdirSync(tmp, { recursive: true });
// cem rewrites package.json's customElements field to point at --outdir; put it back afterwards.
const pkg = fs.readFileSync('package.json', 'utf8');
const r = spawnSync('npx', ['cem', 'analyze', '--litelement', '--globs', 'src/**/*.ts', '--exclude', 'src/**/*.test.ts', '--outdir', tmp],
  { stdio: ['ignore', 'ignore', 'inherit'] });
fs.writeFileSync('package.json', pkg);
if (r.status !== 0) { console.error('cem analyze failed'); process.exit(1); }
const fresh = normalizeManifest(JSON.parse(fs.readFileSync(path.join(tmp, 'custom-elements.json'), 'utf8')));
let committed;
try { committed = normalizeManifest(JSON.parse(fs.readFileSync('custom-elements.json', 'utf8'))); } catch { committed = null; }
fs.rmSync(tmp, { recursive: true, force: true });
if (JSON.stringify(fresh) !== JSON.stringify(committed)) {
  console.error('custom-elements.json is stale: run `npm run analyze` and commit it.');
  process.exit(1);
}
console.log('custom-elements.json is current');
