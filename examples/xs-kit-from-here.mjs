// Only because these examples live inside the xs-kit repository: resolves `xs-kit` and `xs-kit/…` through the
// package's own `exports` (Node's self-reference), as `node_modules/xs-kit` resolves in an app. An app that installed
// xs-kit from npm does not need this plugin.
import { fileURLToPath } from 'node:url';

export function xsKitFromHere() {
  return {
    name: 'xs-kit-from-here',
    enforce: 'pre',
    resolveId(id) {
      if (id === 'xs-kit' || id.startsWith('xs-kit/')) return fileURLToPath(import.meta.resolve(id));
      return null;
    },
  };
}
