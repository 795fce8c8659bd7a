// Text that other people control (device names, user names) shown safely: always as text (never HTML),
// inside a bidi isolate by the caller (<bdi>), and with invisible characters made visible so a name
// can't hide a bidi override, a zero-width space or a control character.

/** A piece of untrusted text: plain text, or an invisible character shown by its code point. */
export type TextPart = { text: string } | { hidden: string; codePoint: string };

// Controls and format characters (bidi embeddings/overrides/isolates, zero-width space/joiner/non-joiner,
// word joiner, BOM, soft hyphen, Arabic letter mark, Mongolian vowel separator…), plus line/paragraph separators.
// (Global: `matchAll` works on a copy, `search` restores `lastIndex`, so one shared regex serves both.)
const INVISIBLE = /[\p{Cc}\p{Cf}\u2028\u2029\u3164\u115F\u1160\uFFA0]/gu;
const PICTO = /\p{Extended_Pictographic}/u;

const codePointOf = (ch: string) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * Splits `s` into visible text and invisible characters. A zero-width joiner between two emoji
 * (family, profession emoji) is kept: it is how those emoji are written.
 */
export function splitUntrusted(s: string): TextPart[] {
  if (s.search(INVISIBLE) < 0) return [{ text: s }];
  const parts: TextPart[] = [];
  let last = 0;
  for (const m of s.matchAll(INVISIBLE)) {
    const i = m.index;
    const ch = m[0];
    if (ch === '\u200D' && PICTO.test(s.slice(Math.max(0, i - 2), i)) && PICTO.test(s.slice(i + 1, i + 3))) continue;
    if (i > last) parts.push({ text: s.slice(last, i) });
    parts.push({ hidden: ch, codePoint: codePointOf(ch) });
    last = i + ch.length;
  }
  if (last < s.length) parts.push({ text: s.slice(last) });
  return parts;
}

/** True when `s` holds a character `splitUntrusted` would show by its code point. */
export function hasInvisible(s: string): boolean {
  return splitUntrusted(s).some((p) => 'hidden' in p);
}
