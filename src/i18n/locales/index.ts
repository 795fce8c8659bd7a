// The UI languages the kit ships besides English, each one lazily loaded module of `<namespace>.<key>` terms
// (`loadLanguage` in ../languages.ts loads one when an element's language resolves to it).
import type { Term } from '../registry.js';

export const SHIPPED_LANGUAGES: Record<string, () => Promise<{ default: Record<string, Term> }>> = {
  de: () => import('./de/index.js'),
  fr: () => import('./fr/index.js'),
};
