#!/usr/bin/env node
// Builds the examples under examples/ (after `npm run build`, which makes dist/ and bundle/ they use):
//   plain-html  the browser build of matrix-js-sdk the page's import map points at (the one command in
//               examples/README.md), with the crypto WebAssembly next to it
//   react, vue  `vite build` each; the React example is typechecked too (the JSX types from xs-kit/react)
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
process.chdir(root);
const t0 = Date.now();

// The recipe a host runs once (see examples/README.md), with this repository's paths.
const out = 'examples/plain-html/vendor/matrix-js-sdk';
fs.rmSync(out, { recursive: true, force: true });
execSync(
  `npx esbuild node_modules/matrix-js-sdk/lib/browser-index.js --bundle --format=esm --splitting --minify ` +
    `--outdir=${out} --entry-names=matrix-js-sdk --log-level=warning` +
    ` && mkdir -p ${out}/pkg && cp node_modules/@matrix-org/matrix-sdk-crypto-wasm/pkg/matrix_sdk_crypto_wasm_bg.wasm ${out}/pkg/`,
  { stdio: 'inherit' },
);

const { build } = await import('vite');
for (const name of ['react', 'vue']) await build({ configFile: `examples/${name}/vite.config.mjs` });
execSync('npx tsc --noEmit -p examples/react/tsconfig.json', { stdio: 'inherit' });
console.log(`examples built in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
