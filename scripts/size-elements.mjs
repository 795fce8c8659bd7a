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
// `--modules` also lists what each module and folder adds to the first render's gzip, to find what is heavy.
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
  // Each first-render module minified alone (top-level names kept, as inside a chunk), and what it adds to the
  // first render's gzip: the stream's size with it minus without it (shared words compress across modules, so a
  // module's own gzip would overstate it). Grouped by folder, then the largest modules.
  const { minify } = await import('terser');
  const mods = [];
  for (const n of first) {
    for (const [id, m] of Object.entries(chunks.get(n).modules)) {
      if (!m.code) continue;
      const min = (await minify(m.code, { module: false, toplevel: false, parse: { bare_returns: true } })).code ?? '';
      mods.push({ id: id.replace(`${process.cwd()}/`, '').replace(/^dist\//, ''), code: min });
    }
  }
  const whole = kib(mods.map((m) => m.code).join('\n'));
  for (const [i, m] of mods.entries()) m.adds = whole - kib(mods.filter((_, j) => j !== i).map((x) => x.code).join('\n'));
  const groups = new Map();
  for (const m of mods) {
    const g = m.id.startsWith('components/') ? m.id.split('/').slice(0, 2).join('/') : m.id.split('/')[0];
    groups.set(g, (groups.get(g) ?? 0) + m.adds);
  }
  console.log('first render by folder (KiB of gzip each adds; the sum exceeds the whole by what modules share):');
  for (const [g, v] of [...groups].sort((a, b) => b[1] - a[1])) console.log(`  ${v.toFixed(2).padStart(6)}  ${g}`);
  console.log('largest modules of the first render (KiB of gzip each adds | KiB minified):');
  for (const m of mods.sort((a, b) => b.adds - a.adds).slice(0, Number(process.env.XS_MODULES_TOP ?? 50))) {
    console.log(`  ${m.adds.toFixed(2).padStart(6)} | ${(m.code.length / 1024).toFixed(1).padStart(5)}  ${m.id}`);
  }
}
if (check && failed) {
  console.error('over the element size budget (issue 17)');
  process.exit(1);
}
