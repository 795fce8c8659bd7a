// The decrypted contents of a key file: a JSON list of exported room keys (megolm sessions). Plain helpers with no
// SDK dependency: counting and collecting session ids without parsing (a JSON.parse of 100 000 sessions holds the
// main thread for a long time), and sorting the entries of a list that needs a closer look into the ones a crypto
// store can take and the ones it can't, by reason.

/** The only room-key algorithm of the Matrix spec (megolm). */
export const MEGOLM_ALGORITHM = 'm.megolm.v1.aes-sha2';

/** Why an entry of the list is not imported. */
export type EntryProblem = 'malformed' | 'unknown-algorithm';

/** The entries of a list, sorted. `valid` keeps their order; `sessionIds` are theirs, in the same order. */
export interface SortedEntries {
  total: number;
  valid: unknown[];
  sessionIds: string[];
  malformed: number;
  unknownAlgorithm: number;
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const isString = (v: unknown): v is string => typeof v === 'string';
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** What is wrong with one entry, or undefined when it has the shape of an exported megolm session. */
export function entryProblem(e: unknown): EntryProblem | undefined {
  if (!isObject(e)) return 'malformed';
  if (!isString(e['algorithm'])) return 'malformed';
  if (e['algorithm'] !== MEGOLM_ALGORITHM) return 'unknown-algorithm';
  for (const k of ['room_id', 'session_id', 'sender_key', 'session_key']) if (!isString(e[k]) || !e[k]) return 'malformed';
  if (!BASE64.test(e['sender_key'] as string) || !BASE64.test(e['session_key'] as string)) return 'malformed';
  const claimed = e['sender_claimed_keys'];
  if (claimed !== undefined && (!isObject(claimed) || !Object.values(claimed).every(isString))) return 'malformed';
  const chain = e['forwarding_curve25519_key_chain'];
  if (chain !== undefined && (!Array.isArray(chain) || !chain.every(isString))) return 'malformed';
  return undefined;
}

/** Sorts the entries of a parsed list. */
export function sortEntries(list: readonly unknown[]): SortedEntries {
  const out: SortedEntries = { total: list.length, valid: [], sessionIds: [], malformed: 0, unknownAlgorithm: 0 };
  for (const e of list) {
    const p = entryProblem(e);
    if (p === 'malformed') out.malformed++;
    else if (p === 'unknown-algorithm') out.unknownAlgorithm++;
    else {
      out.valid.push(e);
      out.sessionIds.push((e as { session_id: string }).session_id);
    }
  }
  return out;
}

/** Index just past the JSON string value after `"key"` at `at` (whitespace and a colon allowed), and the value; undefined when not a plain string. */
function stringAfterKey(json: string, at: number, keyLength: number): { value: string; end: number } | undefined {
  let i = at + keyLength;
  while (i < json.length && /\s/.test(json[i])) i++;
  if (json[i] !== ':') return undefined;
  i++;
  while (i < json.length && /\s/.test(json[i])) i++;
  if (json[i] !== '"') return undefined;
  const end = json.indexOf('"', i + 1);
  if (end < 0) return undefined;
  const value = json.slice(i + 1, end);
  // Session ids are unpadded base64: a backslash means an escape this scan does not decode.
  if (value.includes('\\')) return undefined;
  return { value, end: end + 1 };
}

/** Every `"session_id"` string value in the text of a key list, in order, without parsing it. */
export function scanSessionIds(json: string): string[] {
  const ids: string[] = [];
  const key = '"session_id"';
  for (let i = json.indexOf(key); i >= 0; i = json.indexOf(key, i + key.length)) {
    const v = stringAfterKey(json, i, key.length);
    if (v) ids.push(v.value);
  }
  return ids;
}

/**
 * True when the list's text looks like a plain list of megolm sessions: as many `"algorithm"` keys as
 * `"session_id"` keys, each naming megolm. Such a list goes to the crypto store as it is; any other is parsed and
 * sorted first (`sortEntries`).
 */
export function looksAllMegolm(json: string): boolean {
  const key = '"algorithm"';
  let algorithms = 0;
  for (let i = json.indexOf(key); i >= 0; i = json.indexOf(key, i + key.length)) {
    const v = stringAfterKey(json, i, key.length);
    if (!v || v.value !== MEGOLM_ALGORITHM) return false;
    algorithms++;
  }
  return algorithms === scanSessionIds(json).length;
}
