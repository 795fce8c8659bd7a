// Pretty-prints custom-elements.json so its diffs are readable.
import fs from 'node:fs';
const m = JSON.parse(fs.readFileSync('custom-elements.json', 'utf8'));
fs.writeFileSync('custom-elements.json', JSON.stringify(m, null, 2) + '\n');
