// A React 19 app as `npm create vite` makes one; React 19 needs nothing special for custom elements.
import { defineConfig } from 'vite';
import { xsKitFromHere } from '../xs-kit-from-here.mjs';

export default defineConfig({
  root: import.meta.dirname,
  base: './',
  plugins: [xsKitFromHere()],
  oxc: { jsx: { runtime: 'automatic' } },
  build: { outDir: 'dist', emptyOutDir: true, reportCompressedSize: false, chunkSizeWarningLimit: 4096 },
  logLevel: 'warn',
});
