// Issue 17's size measure (run after `npm run build`, which leaves dist/): every define module built together with
// lit, matrix-js-sdk, the QR libraries and the strength estimator external, as rollup splits them (shared code in
// shared chunks, dynamic imports in lazy chunks), minified like the drop-in bundle.
//   - a define module's size: the define module built alone, everything it imports statically, one gzip stream,
//     minus the same for the base every element shares (src/internal/xs-element.ts with i18n, context, events)
//     — what registering that element adds to the page besides the shared base. (Its own entry chunk in the build
//     of all elements is printed too, but rollup moves an element imported by a lazy chunk into a shared chunk, so
//     that figure alone says little.)
//   - first render: every chunk reachable from the define modules by static imports (no dynamic import followed),
//     gzip of their code as one stream (what the drop-in bundle's entry file holds for all elements together).
// Prints a table; `--check` fails above the budgets (XS_FIRST_RENDER_KB, default 40; XS_DEFINE_KB, default 12);
// `--modules` also lists the largest modules of the first render (bytes before minifying), to find what is heavy.
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

/** One module built alone: everything it imports statically, one gzip stream. */
async function alone(file) {
  const b = await rollup({ input: file, external, plugins: [nodeResolve({ browser: true }), terser({ format: { comments: false } })], onwarn() {} });
  const out = (await b.generate({ format: 'es', chunkFileNames: '[name].js' })).output.filter((c) => c.type === 'chunk');
  const byName = new Map(out.map((c) => [c.fileName, c]));
  const seen = new Set();
  const walk = (n) => {
    if (seen.has(n) || !byName.has(n)) return;
    seen.add(n);
    for (const i of byName.get(n).imports) walk(i);
  };
  walk(out.find((c) => c.isEntry).fileName);
  const ids = [...seen].flatMap((n) => Object.keys(byName.get(n).modules));
  return { kb: kib([...seen].map((n) => byName.get(n).code).join('\n')), hasBase: ids.some((id) => id.endsWith('/internal/xs-element.js')) };
}

let failed = false;
const base = (await alone('dist/internal/xs-element.js')).kb;
console.log(`shared base (xs-element with i18n, context, events; built alone, gzip): ${base.toFixed(1)} KiB`);
console.log('define module: built alone, minus the shared base (gzip) | its own chunk in the build of all elements');
for (const c of [...chunks.values()].filter((c) => c.isEntry).sort((a, b) => a.name.localeCompare(b.name))) {
  const a = await alone(`dist/define/${c.name}.js`);
  const adds = a.hasBase ? a.kb - base : a.kb; // an element not built on the base (the provider) counts whole
  const over = adds > DEFINE_KB;
  if (over) failed = true;
  console.log(`  ${c.name.padEnd(28)} ${adds.toFixed(1).padStart(5)} KiB | ${kib(c.code).toFixed(1).padStart(4)} KiB${over ? `  over ${DEFINE_KB} KiB` : ''}`);
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
  console.log('largest modules of the first render (bytes as rendered into the chunk, before minifying):');
  for (const [len, id] of mods.slice(0, 40)) console.log(`  ${(len / 1024).toFixed(1).padStart(5)} KiB  ${id}`);
}
if (check && failed) {
  console.error('over the element size budget (issue 17)');
  process.exit(1);
}
