// Pretty-prints custom-elements.json with its modules sorted by path, so diffs are readable and the
// file does not depend on the order in which the analyzer's glob happened to find the sources.
import fs from 'node:fs';
import { normalizeManifest } from './manifest-order.mjs';
const m = normalizeManifest(JSON.parse(fs.readFileSync('custom-elements.json', 'utf8')));
fs.writeFileSync('custom-elements.json', JSON.stringify(m, null, 2) + '\n');
