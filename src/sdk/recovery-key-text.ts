// The text of a Security Key (the spec's "recovery key"), as people type, paste and copy it.
//
// The spec says to disregard whitespace when reading a key. People paste keys from password managers, PDFs,
// chat messages and printed sheets, which bring tabs, line breaks, non-breaking spaces (U+00A0, U+2007,
// U+202F) and invisible format characters (zero-width space U+200B, zero-width (non-)joiner U+200C/U+200D,
// word joiner U+2060, byte-order mark U+FEFF, soft hyphen U+00AD) between the groups. None of these can be
// part of a key: the key alphabet (base58) is plain ASCII letters and digits, so removing them never turns
// a wrong key into a right one. Case is never folded: base58 tells `a` from `A`.
//
// This is the ONE place that decides what a typed key is; the setup wizard's "type the key you saved" check
// (sameRecoveryKey in setup-commit.ts) and the Security Key entry of <xs-verify-login> (recovery-key.ts) both use it.

/** Every Unicode White_Space character, plus the invisible format characters that copy and paste bring along. */
const IGNORED = /[\p{White_Space}\u200B-\u200D\u2060\uFEFF\u00AD]/gu;

/** The base58 alphabet (Bitcoin's): digits and letters without 0, O, I and l. */
const BASE58 = /^[1-9A-HJ-NP-Za-km-z]*$/;
/** Characters people type for base58 ones that look alike (0/O for o, I/l for 1…). */
const LOOKALIKES = /[0OIl]/;

/** Length of an encoded key without spaces: 2 prefix bytes + 32 key bytes + 1 parity byte = 35 bytes → 48 base58 characters. */
export const KEY_LENGTH = 48;

/** `text` without whitespace or invisible characters, case kept. */
export function compactKeyText(text: string): string {
  return text.replace(IGNORED, '');
}

/** What a piece of typed text looks like, before anything is decoded. */
export type KeyTextShape =
  | { kind: 'empty' }
  /** Only key characters, about the length of a key: a Security Key, maybe with a typo. */
  | { kind: 'key'; length: number; lookalikes: boolean }
  /** Anything else: words, punctuation, far too short or long — not a Security Key. */
  | { kind: 'other' };

/**
 * How `text` looks: like a Security Key (possibly mistyped: a lookalike character such as `0` or `l`, one
 * character too many or too few) or not at all. Used to tell "a key with a typo" from "a phrase or something
 * else in the key field", and to spot a key pasted into the phrase field.
 */
export function keyTextShape(text: string): KeyTextShape {
  const compact = compactKeyText(text);
  if (!compact) return { kind: 'empty' };
  const lookalikes = LOOKALIKES.test(compact);
  const alphabet = BASE58.test(compact.replace(/[0OIl]/g, ''));
  // Every key starts with "Es" (the 0x8B 0x01 prefix); a typed key may lose or gain a few characters.
  const near = Math.abs(compact.length - KEY_LENGTH) <= 8;
  if (alphabet && (near || (compact.startsWith('Es') && compact.length >= 12 && compact.length <= KEY_LENGTH + 8))) {
    return { kind: 'key', length: compact.length, lookalikes };
  }
  return { kind: 'other' };
}

/**
 * True when `typed` is the key `shown`, ignoring whitespace and invisible characters (never case). Compares
 * in time independent of where the texts differ; empty texts never match.
 */
export function sameKeyText(typed: string, shown: string): boolean {
  const a = compactKeyText(typed);
  const b = compactKeyText(shown);
  if (a.length !== b.length || a.length === 0) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
