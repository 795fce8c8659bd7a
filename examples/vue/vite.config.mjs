// A Vue 3 app as `npm create vue` makes one, plus the one setting custom elements need: tags starting with `xs-`
// are custom elements, not Vue components.
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';
import { xsKitFromHere } from '../xs-kit-from-here.mjs';

export default defineConfig({
  root: import.meta.dirname,
  base: './',
  plugins: [
    vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('xs-') } } }),
    xsKitFromHere(),
  ],
  build: { outDir: 'dist', emptyOutDir: true, reportCompressedSize: false, chunkSizeWarningLimit: 4096 },
  logLevel: 'warn',
});
