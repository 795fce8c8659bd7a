/**
 * A small translation registry. English is bundled with each element (its `*.strings.ts`);
 * hosts add languages with `registerTranslation('de', { 'status.heading': '…' })`, keys being
 * `<namespace>.<key>`. Missing terms fall back to the base language (`pt` for `pt-BR`), then English.
 */
export type Term = string | ((...args: never[]) => string);
export type Terms = Record<string, Term>;

export interface Strings<T extends Terms> {
  readonly namespace: string;
  readonly en: T;
}

type Args<V> = V extends (...args: infer A) => string ? A : [];

const registry = new Map<string, Map<string, Term>>();
const listeners = new Set<() => void>();

/** Declares a namespace's English strings (bundled); returns the handle elements look terms up with. */
export function defineStrings<T extends Terms>(namespace: string, en: T): Strings<T> {
  return { namespace, en };
}

/** Adds or overrides terms for a language. Keys are `<namespace>.<key>`. Re-renders connected elements. */
export function registerTranslation(lang: string, terms: Record<string, Term>): void {
  const code = lang.toLowerCase();
  let map = registry.get(code);
  if (!map) registry.set(code, (map = new Map()));
  for (const [k, v] of Object.entries(terms)) map.set(k, v);
  for (const l of listeners) l();
}

/** Languages with registered terms (English is always available). */
export function registeredLanguages(): string[] {
  return ['en', ...[...registry.keys()].filter((l) => l !== 'en')];
}

export function onTranslationsChanged(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function lookup<T extends Terms>(lang: string, strings: Strings<T>, key: keyof T & string): Term {
  const full = `${strings.namespace}.${key}`;
  const code = (lang || 'en').toLowerCase();
  const candidates = [code, code.split('-')[0]!, 'en'];
  let term: Term | undefined;
  for (const c of candidates) {
    term = registry.get(c)?.get(full);
    if (term !== undefined) break;
  }
  return term ?? strings.en[key]!;
}

/** Looks a term up for `lang` and formats it. */
export function translate<T extends Terms, K extends keyof T & string>(
  lang: string,
  strings: Strings<T>,
  key: K,
  ...args: Args<T[K]>
): string {
  const term = lookup(lang, strings, key);
  return typeof term === 'function' ? (term as (...a: unknown[]) => string)(...args) : String(term);
}

/**
 * The formatter of one term for `lang` (the same look-up as `translate`, done once): for a term formatted
 * many times in one render, e.g. once per row of a long list.
 */
export function formatterOf<T extends Terms, K extends keyof T & string>(
  lang: string,
  strings: Strings<T>,
  key: K,
): (...args: Args<T[K]>) => string {
  const term = lookup(lang, strings, key);
  return typeof term === 'function' ? (term as (...a: Args<T[K]>) => string) : () => String(term);
}
