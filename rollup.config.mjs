// The drop-in bundle: every xs-* tag registered, Lit included, for a plain <script type="module">.
// Input is the tsc output (dist/); lazily loaded parts (QR libraries) stay separate chunks.
// matrix-js-sdk is never bundled from its root: the host owns the client.
// The key-file worker is its own file, bundle/crypto-worker.js (self-contained), so a CSP needs `worker-src 'self'`.
import commonjs from '@rollup/plugin-commonjs';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import path from 'node:path';

const WORKER_REF = './crypto-worker.entry.js';
const WORKER_FILE = 'crypto-worker.js';

/** Points `new URL('./crypto-worker.entry.js', import.meta.url)` at bundle/crypto-worker.js from whichever chunk holds it. */
function workerUrl() {
  return {
    name: 'xs-worker-url',
    renderChunk(code, chunk) {
      if (!code.includes(WORKER_REF)) return null;
      let rel = path.posix.relative(path.posix.dirname(chunk.fileName), WORKER_FILE);
      if (!rel.startsWith('.')) rel = `./${rel}`;
      return { code: code.split(WORKER_REF).join(rel), map: null };
    },
  };
}

const onwarn = (warning, warn) => {
  if (warning.code === 'THIS_IS_UNDEFINED') return;
  warn(warning);
};

export default [
  {
    input: { 'xs-kit': 'dist/bundle-entry.js' },
    // Lazy chunks (QR libraries, the Security Key path) import shared code from the entry itself, so the entry stays
    // one file (no facade re-exporting a hashed chunk) and scripts/size.mjs measures what a page really loads first.
    preserveEntrySignatures: 'allow-extension',
    output: { dir: 'bundle', format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js', sourcemap: true },
    plugins: [
      nodeResolve({ browser: true, exportConditions: ['browser', 'production'] }),
      // The QR libraries ship UMD/CommonJS only; without this their lazy chunks have no default export
      // (and qr-code-styling's UMD wrapper throws in a module). Limited to them so nothing else changes.
      commonjs({ include: [/node_modules\/(jsqr|qr-code-styling)\//], requireReturnsDefault: 'auto' }),
      workerUrl(),
      terser({ format: { comments: false } }),
    ],
    onwarn,
  },
  {
    input: 'dist/keyfile/crypto-worker.entry.js',
    output: { file: `bundle/${WORKER_FILE}`, format: 'es', sourcemap: true },
    plugins: [terser({ format: { comments: false } })],
    onwarn,
  },
];
