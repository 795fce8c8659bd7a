// Dev-server plugins shared by the test runner and the demo server.
//
// matrix-js-sdk (and the QR libraries) pull in CommonJS packages. The dev server serves files as
// they are, so CommonJS under node_modules is wrapped here: Node require()s the module once to learn
// its export names, and esbuild bundles it into an ES module that re-exports them.
import { build } from 'esbuild';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const ESM_SYNTAX = /(^|[\n;])\s*(import\s*[\w{*'"]|export\s+(\*|\{|default|const|let|var|function|class|async))/;
const CJS_SYNTAX = /\b(module\.exports|exports\.[\w$]+\s*=|require\s*\()/;

function packageType(file) {
  let dir = path.dirname(file);
  while (dir !== path.dirname(dir)) {
    const pj = path.join(dir, 'package.json');
    if (fs.existsSync(pj)) {
      try { return JSON.parse(fs.readFileSync(pj, 'utf8')).type ?? 'commonjs'; } catch { return 'commonjs'; }
    }
    dir = path.dirname(dir);
  }
  return 'commonjs';
}

function isCommonJs(file, text) {
  if (file.endsWith('.mjs')) return false;
  if (file.endsWith('.cjs')) return true;
  if (packageType(file) === 'module') return false;
  return !ESM_SYNTAX.test(text) && CJS_SYNTAX.test(text);
}

export function commonJsPlugin({ rootDir }) {
  const cache = new Map();
  return {
    name: 'xs-commonjs',
    async serve(context) {
      const urlPath = decodeURIComponent(context.path);
      if (!urlPath.endsWith('.js') && !urlPath.endsWith('.cjs')) return undefined;
      let file;
      const outside = /^\/__wds-outside-root__\/(\d+)\/(.*)$/.exec(urlPath);
      if (outside) file = path.resolve(rootDir, '../'.repeat(Number(outside[1])), outside[2]);
      else file = path.join(rootDir, urlPath);
      if (!file.includes(`${path.sep}node_modules${path.sep}`) || !fs.existsSync(file)) return undefined;
      if (cache.has(file)) return cache.get(file);
      const text = fs.readFileSync(file, 'utf8');
      if (!isCommonJs(file, text)) { cache.set(file, undefined); return undefined; }
      let names = [];
      try {
        const mod = createRequire(file)(file);
        if (mod && (typeof mod === 'object' || typeof mod === 'function'))
          names = Object.keys(mod).filter((n) => /^[A-Za-z_$][\w$]*$/.test(n) && n !== 'default');
      } catch { /* browser-only module: default export only */ }
      const contents =
        `const m = require(${JSON.stringify(file)});\nexport default m;\n` +
        (names.length ? `export const { ${names.join(', ')} } = m;\n` : '');
      const result = await build({
        stdin: { contents, resolveDir: path.dirname(file), sourcefile: '__xs_cjs_wrapper__.js', loader: 'js' },
        bundle: true, format: 'esm', platform: 'browser', write: false, logLevel: 'silent',
        define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
      });
      const served = { body: result.outputFiles[0].text, type: 'js' };
      cache.set(file, served);
      return served;
    },
  };
}

/**
 * `new URL('./x.js', import.meta.url)` in src/ (e.g. the key-file worker) names the compiled file; the dev servers
 * serve src/ as TypeScript, so such a request is answered with x.ts (compiled by the esbuild plugin).
 */
export function jsToTsMiddleware({ rootDir }) {
  return (ctx, next) => {
    if (ctx.path.startsWith('/src/') && ctx.path.endsWith('.js')) {
      const ts = `${ctx.path.slice(0, -3)}.ts`;
      if (!fs.existsSync(path.join(rootDir, ctx.path)) && fs.existsSync(path.join(rootDir, ts))) ctx.path = ts;
    }
    return next();
  };
}

/** Serves /demo/env.js: the homeserver the demo page talks to. */
export function demoEnvPlugin(homeserverUrl) {
  return {
    name: 'xs-demo-env',
    serve(context) {
      if (context.path === '/demo/env.js') return { body: `export const homeserverUrl = ${JSON.stringify(homeserverUrl)};\n`, type: 'js' };
      return undefined;
    },
  };
}
