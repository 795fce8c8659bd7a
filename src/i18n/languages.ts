// Which UI languages the kit has, loading the shipped ones on demand, and the page's preferred one.
import { SHIPPED_LANGUAGES } from './locales/index.js';
import { registerShippedTranslation, registeredLanguages } from './registry.js';

const done = new Set<string>();
const pending = new Map<string, Promise<void>>();

/** The shipped language module for `lang` (`de` for `de-AT`), if the kit ships one. */
export function shippedLanguageOf(lang: string): string | undefined {
  const code = lang.toLowerCase();
  const base = code.split('-')[0];
  return code in SHIPPED_LANGUAGES ? code : base in SHIPPED_LANGUAGES ? base : undefined;
}

/** UI languages the kit has: English, the shipped ones, and those the host registered terms for. */
export function availableLanguages(): string[] {
  return [...new Set(['en', ...Object.keys(SHIPPED_LANGUAGES), ...registeredLanguages()])];
}

/** True when the kit has UI terms for `lang` or its base language. */
export function hasLanguage(lang: string): boolean {
  const code = lang.toLowerCase();
  const all = availableLanguages();
  return all.includes(code) || all.includes(code.split('-')[0]);
}

/**
 * Loads the kit's terms for `lang` if it ships them and they are not loaded yet; the promise settles when they are
 * registered (elements re-render). Undefined when there is nothing to wait for. A failed load is not retried; the
 * elements stay in English.
 */
export function loadLanguage(lang: string): Promise<void> | undefined {
  const code = shippedLanguageOf(lang);
  if (!code || done.has(code)) return undefined;
  let p = pending.get(code);
  if (!p) {
    p = SHIPPED_LANGUAGES[code]()
      .then((m) => registerShippedTranslation(code, m.default))
      .catch(() => undefined)
      .finally(() => {
        done.add(code);
        pending.delete(code);
      });
    pending.set(code, p);
  }
  return p;
}

/** The first of the browser's languages (`navigator.languages`) the kit has, else English. */
export function preferredLanguage(): string {
  const nav = typeof navigator === 'undefined' ? [] : navigator.languages?.length ? navigator.languages : [navigator.language];
  return nav.find((l) => l && hasLanguage(l)) ?? 'en';
}
