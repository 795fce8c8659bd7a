// After tsc: copies the theme CSS into dist/ and writes the bundle entry that imports every define module.
import fs from 'node:fs';
import path from 'node:path';

fs.mkdirSync('dist/themes', { recursive: true });
for (const f of fs.readdirSync('src/themes')) if (f.endsWith('.css')) fs.copyFileSync(path.join('src/themes', f), path.join('dist/themes', f));
const defines = fs.readdirSync('dist/define').filter((f) => f.endsWith('.js')).sort();
fs.writeFileSync('dist/bundle-entry.js',
  `// Generated: registers every xs-* tag, and re-exports the package API.\n` +
  defines.map((f) => `import './define/${f}';`).join('\n') + `\nexport * from './index.js';\n`);
