// The drop-in bundle: every xs-* tag registered, Lit included, for a plain <script type="module">.
// Input is the tsc output (dist/); lazily loaded parts (QR libraries) stay separate chunks.
// matrix-js-sdk is never bundled from its root: the host owns the client.
import commonjs from '@rollup/plugin-commonjs';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

export default {
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
    terser({ format: { comments: false } }),
  ],
  onwarn(warning, warn) {
    if (warning.code === 'THIS_IS_UNDEFINED') return;
    warn(warning);
  },
};
