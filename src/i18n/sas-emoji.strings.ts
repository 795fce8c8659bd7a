// Names of the 64 SAS emoji, from the Matrix specification's table (client-server API, "SAS method: emoji"),
// generated into ./sas/ by scripts/gen-sas-emoji.mjs: English here (first load), every language the specification
// translates completely as its own lazily loaded module. The glyph and name both come from the SDK's own table (keyed
// by its English `description`), never from the other party, so they cannot be spoofed.
//
// A language shows the specification's names once its table is loaded (`loadSasNames`, called when a verification
// starts), else English — never a mix. A host may register all 64 names for a language itself
// (`registerTranslation('xx', { 'sas-emoji.Dog': '…', … })`); a complete set wins, an incomplete one is ignored.
import { defineStrings, hostTerms, translate, translationListeners, type Strings, type Terms } from './registry.js';
import { SAS_EMOJI, SAS_LANGUAGES, type SasLanguage } from './sas/index.js';

export type SasEmojiDescription = (typeof SAS_EMOJI)[number][1];

/** The spec's emoji table in order (index = the 6-bit number the SAS bits select). */
export const SAS_EMOJI_DESCRIPTIONS: readonly SasEmojiDescription[] = SAS_EMOJI.map(([, d]) => d);

/** English names (the spec's descriptions), one term per emoji. */
export const sasEmojiStrings = defineStrings(
  'sas-emoji',
  Object.fromEntries(SAS_EMOJI_DESCRIPTIONS.map((n) => [n, n])) as Record<SasEmojiDescription, string>,
);

const INDEX = new Map<string, number>(SAS_EMOJI_DESCRIPTIONS.map((d, i) => [d, i]));

/** BCP 47 tags (lower case) that name a table other than by their language code. */
const ALIASES: Record<string, SasLanguage> = {
  nb: 'nb-NO', no: 'nb-NO', 'nb-no': 'nb-NO', 'no-no': 'nb-NO',
  'pt-br': 'pt-BR',
  zh: 'zh-Hans', 'zh-cn': 'zh-Hans', 'zh-sg': 'zh-Hans', 'zh-hans': 'zh-Hans', 'zh-my': 'zh-Hans',
  'zh-tw': 'zh-Hant', 'zh-hk': 'zh-Hant', 'zh-mo': 'zh-Hant', 'zh-hant': 'zh-Hant',
};
/** The script a table is written in, where a language is written in more than one: `sr-Latn` gets no Cyrillic names. */
const SCRIPT: Record<string, string> = { sr: 'cyrl' };
const BY_LOWER = new Map<string, SasLanguage>(Object.keys(SAS_LANGUAGES).map((k) => [k.toLowerCase(), k as SasLanguage]));

/**
 * The specification's table for a BCP 47 tag (case-insensitive, `_` taken as `-`): the tag itself, its
 * language-script or language-region pair (`zh-Hant-TW` → `zh-Hant`, `pt-BR-x` → `pt-BR`), then its language
 * (`de-AT` → `de`, `pt-PT` → `pt`). Undefined when the specification has no complete table for it.
 */
export function sasLanguageOf(lang: string): SasLanguage | undefined {
  const parts = lang.trim().replace(/_/g, '-').toLowerCase().split('-').filter(Boolean);
  if (!parts.length) return undefined;
  const base = parts[0];
  const script = parts.find((p, i) => i > 0 && /^[a-z]{4}$/.test(p));
  if (script && SCRIPT[base] && SCRIPT[base] !== script) return undefined;
  for (const tag of [parts.join('-'), parts.slice(0, 2).join('-'), ...(script ? [`${base}-${script}`] : []), base]) {
    const hit = ALIASES[tag] ?? BY_LOWER.get(tag);
    if (hit) return hit;
  }
  return undefined;
}

const tables = new Map<SasLanguage, readonly string[]>();
const loading = new Map<SasLanguage, Promise<void>>();
const failed = new Set<SasLanguage>();

/** True when the names for `lang` can be shown at once (its table is loaded, or it has none and shows English). */
export function sasNamesReady(lang: string): boolean {
  const l = sasLanguageOf(lang);
  return !l || tables.has(l) || failed.has(l);
}

/**
 * Loads the specification's names for `lang` (once; elements re-render when they arrive). Undefined when there is
 * nothing to load. A table that fails to load leaves English names.
 */
export function loadSasNames(lang: string): Promise<void> | undefined {
  const l = sasLanguageOf(lang);
  if (!l || tables.has(l) || failed.has(l)) return undefined;
  let p = loading.get(l);
  if (!p) {
    p = SAS_LANGUAGES[l]()
      .then((m) => {
        if (m.default.length === SAS_EMOJI.length) tables.set(l, m.default);
        else failed.add(l);
      })
      .catch(() => void failed.add(l))
      .finally(() => {
        loading.delete(l);
        for (const listener of translationListeners) listener(); // the names on screen change
      });
    loading.set(l, p);
  }
  return p;
}

/** `lang` or its base language when the host registered every term of `strings` for it (the tag to look them up with). */
export function hostCompleteLanguage(lang: string, strings: Strings<Terms>): string | undefined {
  const code = lang.toLowerCase();
  return [code, code.split('-')[0]].find((c) => {
    const map = hostTerms.get(c);
    return !!map && Object.keys(strings.en).every((k) => map.has(`${strings.namespace}.${k}`));
  });
}

/**
 * The name to show and announce for the SDK's emoji `description`, in `lang`: the host's complete set, else the
 * specification's table once loaded, else English. Unknown descriptions are shown as given.
 */
export function sasEmojiName(lang: string, description: string): string {
  const i = INDEX.get(description);
  if (i === undefined) return description;
  const host = hostCompleteLanguage(lang, sasEmojiStrings);
  if (host) return translate(host, sasEmojiStrings, description as SasEmojiDescription);
  const l = sasLanguageOf(lang);
  return (l && tables.get(l)?.[i]) || description;
}
