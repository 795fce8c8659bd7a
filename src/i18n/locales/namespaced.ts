import type { Term } from '../registry.js';

/** `{ ns: { key: term } }` → `{ 'ns.key': term }`, the form registerTranslation takes. */
export function namespaced(byNamespace: Record<string, Record<string, Term>>): Record<string, Term> {
  const out: Record<string, Term> = {};
  for (const [ns, terms] of Object.entries(byNamespace)) for (const [k, v] of Object.entries(terms)) out[`${ns}.${k}`] = v;
  return out;
}
