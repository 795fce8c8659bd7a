// Issue 17's size measure (run after `npm run build`, which leaves dist/): every define module built together with
// lit, matrix-js-sdk, the QR libraries and the strength estimator external, as rollup splits them (shared code in
// shared chunks, dynamic imports in lazy chunks), minified like the drop-in bundle.
//   - a define module's size: its own entry chunk, gzip (what registering that one element adds on its own);
//   - first render: every chunk reachable from the define modules by static imports (no dynamic import followed),
//     gzip of their code as one stream (what the drop-in bundle's entry file holds for all elements together).
// Prints a table; `--check` fails above the budgets (XS_FIRST_RENDER_KB, default 40; XS_DEFINE_KB, default 12);
// `--modules` also lists the largest modules of the first render (unminified bytes), to find what is heavy.
import { rollup } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import fs from 'node:fs';
import { gzipSync } from 'node:zlib';

const FIRST_KB = Number(process.env.XS_FIRST_RENDER_KB ?? 40);
const DEFINE_KB = Number(process.env.XS_DEFINE_KB ?? 12);
const check = process.argv.includes('--check');
const defs = fs.readdirSync('dist/define').filter((f) => f.endsWith('.js'));
const input = Object.fromEntries(defs.map((f) => [f.replace(/\.js$/, ''), `dist/define/${f}`]));
const external = (id) => /^(lit|lit-html|lit-element|@lit\/|@lit-labs\/|matrix-js-sdk|jsqr|qr-code-styling|@zxcvbn-ts\/)/.test(id);
const build = await rollup({ input, external, plugins: [nodeResolve({ browser: true }), terser({ format: { comments: false } })], onwarn() {} });
const { output } = await build.generate({ format: 'es', chunkFileNames: '[name].js' });
const chunks = new Map(output.filter((c) => c.type === 'chunk').map((c) => [c.fileName, c]));
const kib = (code) => gzipSync(code, { level: 9 }).length / 1024;

const first = new Set();
const visit = (name) => {
  if (first.has(name) || !chunks.has(name)) return;
  first.add(name);
  for (const i of chunks.get(name).imports) visit(i);
};
for (const c of chunks.values()) if (c.isEntry) visit(c.fileName);

let failed = false;
console.log('define module (own chunk, gzip)');
for (const c of [...chunks.values()].filter((c) => c.isEntry).sort((a, b) => a.name.localeCompare(b.name))) {
  const size = kib(c.code);
  const over = size > DEFINE_KB;
  if (over) failed = true;
  console.log(`  ${c.name.padEnd(28)} ${size.toFixed(1).padStart(5)} KiB${over ? `  over ${DEFINE_KB} KiB` : ''}`);
}
const firstKb = kib([...first].map((n) => chunks.get(n).code).join('\n'));
const lazyKb = kib([...chunks.keys()].filter((n) => !first.has(n)).map((n) => chunks.get(n).code).join('\n'));
console.log(`first render (all define modules and their static imports, one stream, gzip): ${firstKb.toFixed(1)} KiB (budget ${FIRST_KB})`);
console.log(`loaded later (the kit's own lazy chunks, one stream, gzip): ${lazyKb.toFixed(1)} KiB`);
if (firstKb > FIRST_KB) failed = true;

if (process.argv.includes('--modules')) {
  const mods = [];
  for (const n of first) for (const [id, m] of Object.entries(chunks.get(n).modules)) mods.push([m.renderedLength, id.replace(`${process.cwd()}/`, '')]);
  mods.sort((a, b) => b[0] - a[0]);
  console.log('largest modules of the first render (minified bytes before gzip):');
  for (const [len, id] of mods.slice(0, 40)) console.log(`  ${(len / 1024).toFixed(1).padStart(5)} KiB  ${id}`);
}
if (check && failed) {
  console.error('over the element size budget (issue 17)');
  process.exit(1);
}
