// The passphrase-strength estimator, loaded lazily by passphrase-strength.ts (its own chunk, about 30 KiB gzip).
//
// zxcvbn-ts core finds the patterns people use — the most used passwords (top 5 000, passphrase-data.ts), keyboard
// rows and shapes on QWERTY, QWERTZ, AZERTY and Dvorak, repeats, sequences, dates, l33t and reversed spellings, the
// user's own id — and adds up the guesses. It is given no word list of any language. Instead, words are rated
// alike in every language by how much a word of natural language carries:
//
// - letters of alphabets (Latin, Cyrillic, Greek, Arabic, Hebrew, Devanagari, Thai, Hangul jamo…): a run of letters
//   is rated as text of some language, not as random characters: 10^(2.1 + 0.3 × letters) guesses (abjads such as
//   Arabic and Hebrew leave vowels unwritten, so their words are shorter: 10^(2.1 + 0.45 × letters)). That makes a
//   6-letter word about 10^3.9 — one of the ~10 000 common words of a language — and a 19-letter one 10^7.8, so a
//   single word of up to ~20 letters is below "Strong" in English, German or Arabic alike, and four random words
//   are "Very strong" in all of them. Words run together without spaces get less credit than with them: the
//   estimator has no word list to find where one ends;
// - Han ideographs and Hangul syllables carry a word or a syllable each: about 10^2 guesses a character, counted by
//   handing zxcvbn two placeholder characters for each (it rates unknown characters 10 guesses each), so repeats
//   and sequences of them are still found;
// - everything else (digits, symbols, kana) is zxcvbn's: 10 guesses a character unless a pattern makes it fewer.
//
// The verdict is zxcvbn's 0–4 scale on the total guesses (< 10^3, 10^6, 10^8, 10^10, above).
import { MatcherBaseClass, ZxcvbnFactory, type MatchEstimated, type MatchExtended, type MatchOptions } from '@zxcvbn-ts/core';
import { KEYBOARD_GRAPHS, TOP_PASSWORDS } from './passphrase-data.js';

export type StrengthScore = 0 | 1 | 2 | 3 | 4;

/** What the element says about a weak passphrase (keys of its strings, in new-passphrase.strings.ts). */
export type StrengthWarning = 'common' | 'similar' | 'userInputs' | 'keyboard' | 'repeat' | 'sequence' | 'dates' | 'singleWord';
export type StrengthSuggestion = 'moreWords' | 'predictable' | 'avoidPatterns';

export interface StrengthVerdict {
  score: StrengthScore;
  warning?: StrengthWarning;
  suggestions: StrengthSuggestion[];
  /** log10 of the estimated guesses (tests and measurements). */
  guessesLog10: number;
}

/** A run of letters is worth 10^(RUN_LOG10 + LETTER_LOG10 × letters) guesses (see above). */
const RUN_LOG10 = 2.1;
const LETTER_LOG10 = 0.3;
const ABJAD_LETTER_LOG10 = 0.45;
const ABJAD = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}]/u;
/** Letters (with their combining marks) of alphabets; kana, Han and Hangul are counted otherwise. */
const LETTER_RUN = /(?:(?![\p{Script=Han}\uac00-\ud7a3\p{Script=Hiragana}\p{Script=Katakana}])\p{L}\p{M}*){3,}/gu;
/** Scripts with a word or syllable per character: Han, and Hangul syllables (not the jamo, which are letters). */
const SYLLABIC = /[\p{Script=Han}\uac00-\ud7a3]/gu;

/** Two private-use characters per Han/Hangul character, far apart in code points so zxcvbn sees no sequence. */
function placeholders(c: string): string {
  const cp = c.codePointAt(0)!;
  return String.fromCharCode(0xe000 + (cp % 0x800), 0xf000 + (Math.floor(cp / 0x800) % 0x800));
}

/** zxcvbn's count of capitalisations of a word with `upper` capitals and `lower` small letters. */
function caseVariations(token: string): number {
  const upper = [...token].filter((c) => c !== c.toLowerCase()).length;
  const lower = [...token].filter((c) => c !== c.toUpperCase()).length;
  if (upper === 0 || lower === 0) return upper === 0 ? 1 : 2;
  if (upper === 1 && token[0] !== token[0].toLowerCase()) return 2;
  let n = 0;
  const binom = (a: number, b: number) => {
    let r = 1;
    for (let i = 1; i <= b; i++) r = (r * (a - i + 1)) / i;
    return r;
  };
  for (let k = 1; k <= Math.min(upper, lower); k++) n += binom(upper + lower, k);
  return n;
}

/** Runs of letters, as text: each run, each of its prefixes and each of its suffixes (so a password inside a run still counts). */
class LettersMatcher extends MatcherBaseClass {
  match({ password }: MatchOptions): MatchExtended[] {
    const found: MatchExtended[] = [];
    for (const m of password.matchAll(LETTER_RUN)) {
      const start = m.index;
      const end = start + m[0].length - 1;
      const spans = new Set<string>();
      for (let k = start + 2; k <= end; k++) spans.add(`${start}:${k}`);
      for (let k = start + 1; k <= end - 2; k++) spans.add(`${k}:${end}`);
      for (const span of spans) {
        const [i, j] = span.split(':').map(Number) as [number, number];
        found.push({ pattern: 'letters', i, j, token: password.slice(i, j + 1) });
      }
    }
    return found;
  }
}

function lettersGuesses(match: MatchExtended | MatchEstimated): number {
  let log10 = RUN_LOG10;
  for (const c of match.token) if (/\p{L}/u.test(c)) log10 += ABJAD.test(c) ? ABJAD_LETTER_LOG10 : LETTER_LOG10;
  return 10 ** log10 * caseVariations(match.token);
}

let factory: ZxcvbnFactory | undefined;

function zxcvbn(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory(
    {
      graphs: KEYBOARD_GRAPHS,
      dictionary: { passwords: TOP_PASSWORDS.split('\n') },
      // Off: it compares the whole input with every dictionary word (0.1–3.4 s per estimate on the main thread).
      useLevenshteinDistance: false,
    },
    {
      letters: {
        Matching: LettersMatcher,
        scoring: lettersGuesses,
        feedback: (options, _match, isSoleMatch) => ({
          warning: isSoleMatch ? options.translations.warnings.wordByItself : null,
          suggestions: [],
        }),
      },
    },
  );
  return factory;
}

const WARNINGS: Record<string, StrengthWarning> = {
  topTen: 'common', topHundred: 'common', common: 'common', pwned: 'common',
  similarToCommon: 'similar', userInputs: 'userInputs',
  straightRow: 'keyboard', keyPattern: 'keyboard',
  simpleRepeat: 'repeat', extendedRepeat: 'repeat', sequences: 'sequence',
  dates: 'dates', recentYears: 'dates', wordByItself: 'singleWord', namesByThemselves: 'singleWord', commonNames: 'singleWord',
};
const SUGGESTIONS: Record<string, StrengthSuggestion> = {
  anotherWord: 'moreWords', useWords: 'moreWords',
  capitalization: 'predictable', allUppercase: 'predictable', l33t: 'predictable', reverseWords: 'predictable',
  dates: 'avoidPatterns', recentYears: 'avoidPatterns', associatedYears: 'avoidPatterns', sequences: 'avoidPatterns',
  repeated: 'avoidPatterns', longerKeyboardPattern: 'avoidPatterns',
};

/** Estimates `value` (already cut to the length to estimate); `userInputs` count as the most likely words. */
export async function estimateStrength(value: string, userInputs: string[]): Promise<StrengthVerdict> {
  const result = await zxcvbn().checkAsync(value.replace(SYLLABIC, placeholders), userInputs);
  const score = result.score;
  const verdict: StrengthVerdict = { score, suggestions: [], guessesLog10: result.guessesLog10 };
  if (score > 2 || !value) return verdict;
  const warning = result.feedback.warning ? WARNINGS[result.feedback.warning] : undefined;
  if (warning) verdict.warning = warning;
  verdict.suggestions = [...new Set(result.feedback.suggestions.map((s) => SUGGESTIONS[s]).filter((s) => s !== undefined))];
  return verdict;
}
