// Plural forms by the language's own rules (Intl.PluralRules), for use inside terms:
//   en: (n: number) => plural(n, { one: `${n} session`, other: `${n} sessions` })
//   fr: (n: number) => plural(n, { one: `${n} session`, other: `${n} sessions` })   // French `one` is 0 and 1
//   pl: (n: number) => plural(n, { one: '1 sesja', few: `${n} sesje`, many: `${n} sesji`, other: `${n} sesji` })
// The language is the one the term was found in (registry.ts sets it while a term is formatted), so a German term
// gets German rules even when the page asked for `de-AT`, and an English fallback gets English rules.
import { termLanguage } from './registry.js';

export type PluralCategory = Intl.LDMLPluralRule;
/** The forms of a word or sentence per plural category; `other` is required, missing categories fall back to it. */
export type PluralForms = Partial<Record<PluralCategory, string>> & { other: string };

const rules = new Map<string, Intl.PluralRules>();

/** The plural category of `n` in `lang` (cardinal). */
export function pluralCategory(lang: string, n: number): PluralCategory {
  let r = rules.get(lang);
  if (!r) {
    try {
      r = new Intl.PluralRules(lang);
    } catch {
      r = new Intl.PluralRules('en');
    }
    rules.set(lang, r);
  }
  return r.select(n);
}

/** The form for `n` in the language of the term being formatted. */
export function plural(n: number, forms: PluralForms): string {
  return forms[pluralCategory(termLanguage(), n)] ?? forms.other;
}

/** `n` formatted for the language of the term being formatted (Intl.NumberFormat: grouping, digits). */
export function num(n: number, options?: Intl.NumberFormatOptions): string {
  try {
    return new Intl.NumberFormat(termLanguage(), options).format(n);
  } catch {
    return String(n);
  }
}
