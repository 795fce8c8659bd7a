/**
 * A small translation registry. English is bundled with each element (its `*.strings.ts`); the kit ships more
 * languages as lazily loaded modules (`src/i18n/locales/`, loaded by `loadLanguage` when an element's language
 * resolves to one), and hosts add or override terms with `registerTranslation('de', { 'status.heading': '…' })`,
 * keys being `<namespace>.<key>`. Look-up order for `de-AT`: the host's `de-AT`, the kit's `de-AT`, the host's `de`,
 * the kit's `de`, then English.
 *
 * A term that is a function is called with the term's arguments while `termLanguage()` names the language the term
 * was found in — `plural()` (plural.ts) reads it, so a term picks its plural forms by that language's rules.
 */
export type Term = string | ((...args: never[]) => string);
export type Terms = Record<string, Term>;

export interface Strings<T extends Terms> {
  readonly namespace: string;
  readonly en: T;
}

/** A language's terms for one namespace: the English keys, each a string or a function with the same parameters. */
export type TranslationOf<S> = S extends Strings<infer T> ? { [K in keyof T]?: T[K] extends string ? string : T[K] } : never;

type Args<V> = V extends (...args: infer A) => string ? A : [];

/**
 * Terms hosts registered (win over the kit's). Exported for sas-emoji.strings.ts, which reads them (its complete-set
 * rule) and loads with a verification: what only it needs stays out of every element's first render.
 */
export const hostTerms = new Map<string, Map<string, Term>>();
/** Terms of the languages the kit ships, once loaded. */
const shipped = new Map<string, Map<string, Term>>();
/** Called when something that changes rendered text happened (sas-emoji.strings.ts calls them when a name table loaded). */
export const translationListeners = new Set<() => void>();
/** Every set of strings defined so far (the completeness check walks them; two sets may share a namespace). */
const defined = new Set<Strings<Terms>>();

/** Declares a namespace's English strings (bundled); returns the handle elements look terms up with. */
export function defineStrings<T extends Terms>(namespace: string, en: T): Strings<T> {
  const strings = { namespace, en };
  defined.add(strings);
  return strings;
}

/** The English source terms of the modules loaded so far, keyed `<namespace>.<key>`. */
export function sourceTerms(): Map<string, Term> {
  const all = new Map<string, Term>();
  for (const s of defined) for (const [k, v] of Object.entries(s.en)) all.set(`${s.namespace}.${k}`, v);
  return all;
}

function put(into: Map<string, Map<string, Term>>, lang: string, terms: Record<string, Term>) {
  const code = lang.toLowerCase();
  let map = into.get(code);
  if (!map) into.set(code, (map = new Map<string, Term>()));
  for (const [k, v] of Object.entries(terms)) map.set(k, v);
  for (const l of translationListeners) l();
}

/** Adds or overrides terms for a language. Keys are `<namespace>.<key>`. Re-renders connected elements. */
export function registerTranslation(lang: string, terms: Record<string, Term>): void {
  put(hostTerms, lang, terms);
}

/** The kit's own terms for a shipped language (called by `loadLanguage`); registered terms still win. */
export function registerShippedTranslation(lang: string, terms: Record<string, Term>): void {
  put(shipped, lang, terms);
}

/** Languages with terms registered by the host or loaded from the kit (English is always available). */
export function registeredLanguages(): string[] {
  return [...new Set(['en', ...hostTerms.keys(), ...shipped.keys()])];
}

export function onTranslationsChanged(listener: () => void): () => void {
  translationListeners.add(listener);
  return () => translationListeners.delete(listener);
}

let current = 'en';

/**
 * The language of the term being formatted (for `plural()` and `num()` inside terms): the requested tag when the term
 * was found in it or its base language (`de-CH` for a German term), English for an English fallback; `en` outside.
 */
export function termLanguage(): string {
  return current;
}

function lookup<T extends Terms>(lang: string, strings: Strings<T>, key: keyof T & string): [Term, string] {
  const full = `${strings.namespace}.${key}`;
  const code = (lang || 'en').toLowerCase();
  const base = code.split('-')[0];
  for (const c of code === base ? [code] : [code, base]) {
    const term = hostTerms.get(c)?.get(full) ?? shipped.get(c)?.get(full);
    if (term !== undefined) return [term, c];
  }
  const en = hostTerms.get('en')?.get(full);
  return en !== undefined ? [en, 'en'] : [strings.en[key], 'en'];
}

/** The language a term formats in: the requested tag when the term is in it or its base (`de-CH`), else the term's. */
function formatLanguage(requested: string, found: string): string {
  const code = (requested || 'en').toLowerCase();
  return found === code || found === code.split('-')[0] ? code : found;
}

function call(term: Term, lang: string, args: unknown[]): string {
  if (typeof term !== 'function') return String(term);
  const outer = current;
  current = lang;
  try {
    return (term as (...a: unknown[]) => string)(...args);
  } finally {
    current = outer;
  }
}

/** Looks a term up for `lang` and formats it. */
export function translate<T extends Terms, K extends keyof T & string>(
  lang: string,
  strings: Strings<T>,
  key: K,
  ...args: Args<T[K]>
): string {
  const [term, found] = lookup(lang, strings, key);
  return call(term, formatLanguage(lang, found), args);
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
  const [term, found] = lookup(lang, strings, key);
  const format = formatLanguage(lang, found);
  return typeof term === 'function' ? (...args: Args<T[K]>) => call(term, format, args) : () => String(term);
}
