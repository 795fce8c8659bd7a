// Room-key export and import through the client's CryptoApi. The only SDK calls of <xs-key-transfer>.
import type { MatrixClient } from 'matrix-js-sdk';
import type { ImportRoomKeyProgressData, ImportRoomKeyStage } from 'matrix-js-sdk/lib/crypto-api/index.js';
import { looksAllMegolm, scanSessionIds, sortEntries } from '../keyfile/key-list.js';

/** The client has no crypto (initRustCrypto not called) or was stopped. */
export class CryptoUnavailableError extends Error {
  override readonly name = 'CryptoUnavailableError';
  constructor() {
    super('This client has no end-to-end encryption set up');
  }
}

/** The file decrypted, but its contents are not a list of exported room keys. */
export class NotAKeyListError extends Error {
  override readonly name = 'NotAKeyListError';
  constructor(readonly detail: string) {
    super('The file does not contain a list of room keys');
  }
}

export interface ImportReport {
  /** Entries in the file. */
  total: number;
  /** Sessions this device did not have before (now stored). */
  imported: number;
  /** Entries not imported: total − imported (the sum of the three reasons below). */
  skipped: number;
  /** Sessions this device already had (or that appear twice in the file). */
  alreadyPresent: number;
  /** Entries that are not an exported room key, or that the crypto store refused as unusable. */
  malformed: number;
  /** Room keys of an algorithm other than megolm (`m.megolm.v1.aes-sha2`). */
  unknownAlgorithm: number;
}

function cryptoOf(client: MatrixClient) {
  const crypto = client.getCrypto();
  if (!crypto) throw new CryptoUnavailableError();
  return crypto;
}

/**
 * Number of sessions in an export's JSON, counted without parsing it (a JSON.parse of 100 000 sessions would
 * hold the main thread for a long time). Every exported session has exactly one "session_id" key.
 */
export function countSessions(json: string): number {
  let n = 0;
  for (let i = json.indexOf('"session_id"'); i >= 0; i = json.indexOf('"session_id"', i + 12)) n++;
  return n;
}

/** How many room keys this device holds (the exported keys are dropped at once). */
export async function countRoomKeys(client: MatrixClient): Promise<number> {
  return countSessions(await cryptoOf(client).exportRoomKeysAsJson());
}

/** Every room key this device holds, as the JSON list the export file encrypts, and how many there are. */
export async function exportRoomKeys(client: MatrixClient): Promise<{ json: string; count: number }> {
  const json = await cryptoOf(client).exportRoomKeysAsJson();
  return { json, count: countSessions(json) };
}

/** Errors of the rust crypto's list parser: nothing was stored. */
const PARSE_ERROR = /invalid type|missing field|expected|EOF|invalid value|unknown variant|key had a invalid|invalid length|invalid base64|invalid curve|invalid ed25519/i;

function isParseError(e: unknown): boolean {
  return PARSE_ERROR.test(e instanceof Error ? e.message : String(e));
}

/**
 * Imports the JSON list of room keys: every usable entry, even when others are malformed or of an unknown algorithm
 * (those are counted by reason). `onProgress(done, total)` follows importRoomKeysAsJson's progress.
 * A plain list of megolm sessions goes to the crypto store as it is; any other list is parsed and sorted first, and
 * entries the store still refuses are found by halving (the store parses the whole list before storing anything,
 * so a refused call stored nothing). The report compares the sessions this device holds before and after, so
 * `imported` counts only new ones and importing the same file twice reports them as already present.
 */
export async function importRoomKeys(
  client: MatrixClient,
  json: string,
  onProgress?: (done: number, total: number) => void,
): Promise<ImportReport> {
  const crypto = cryptoOf(client);
  // A cheap shape check first, so obviously wrong contents are explained rather than half-imported.
  const head = json.trimStart();
  if (!head.startsWith('[')) throw new NotAKeyListError('not a JSON list');
  const beforeList = scanSessionIds(await crypto.exportRoomKeysAsJson());
  const beforeIds = new Set(beforeList);
  const store = (list: string) =>
    crypto.importRoomKeysAsJson(list, {
      progressCallback: (p: ImportRoomKeyProgressData) => {
        if (p.stage === ('load_keys' as ImportRoomKeyStage.LoadKeys)) onProgress?.(p.successes, p.total);
      },
    });

  let total: number;
  let sessionIds: string[];
  let malformed = 0;
  let unknownAlgorithm = 0;
  let refused = 0;
  let fast = looksAllMegolm(json);
  if (fast) {
    sessionIds = scanSessionIds(json);
    total = sessionIds.length;
    if (total === 0 && !/^\[\s*\]\s*$/.test(head.slice(0, 64))) throw new NotAKeyListError('no sessions in the list');
    try {
      await store(json);
    } catch (e) {
      if (!isParseError(e)) throw e;
      fast = false; // an entry the store can't read: sort them
    }
  }
  if (!fast) {
    let list: unknown;
    try {
      list = JSON.parse(json);
    } catch (e) {
      throw new NotAKeyListError(e instanceof Error ? e.message : String(e));
    }
    if (!Array.isArray(list)) throw new NotAKeyListError('not a JSON list');
    const sorted = sortEntries(list);
    // eslint-disable-next-line no-useless-assignment -- lets the parsed list go before the long store below
    list = undefined;
    // Nothing in it even looks like a room key (an object with a session id): not a key list at all.
    if (sorted.total > 0 && sorted.valid.length === 0 && sorted.unknownAlgorithm === 0) throw new NotAKeyListError('no room keys in the list');
    total = sorted.total;
    malformed = sorted.malformed;
    unknownAlgorithm = sorted.unknownAlgorithm;
    const kept: string[] = [];
    refused = await storeUsable(sorted.valid, store, (ids) => kept.push(...ids));
    sessionIds = kept;
  }
  // New sessions by count (ids in a file need not match the ones the store derives from the keys); already present
  // by the file's session ids; what neither explains was refused by the store.
  const after = scanSessionIds(await crypto.exportRoomKeysAsJson()).length;
  let alreadyPresent = 0;
  const seen = new Set<string>();
  for (const id of sessionIds!) {
    if (beforeIds.has(id) || seen.has(id)) alreadyPresent++;
    seen.add(id);
  }
  const candidates = sessionIds!.length - alreadyPresent;
  const imported = Math.max(0, Math.min(candidates, after - beforeList.length));
  malformed += refused + candidates - imported;
  return { total: total!, imported, skipped: total! - imported, alreadyPresent, malformed, unknownAlgorithm };
}

/**
 * Stores `entries`; when the store refuses the list, halves it until the refused entries are alone. Calls `kept`
 * with the session ids of the entries that went through; returns how many were refused.
 */
async function storeUsable(entries: unknown[], store: (json: string) => Promise<void>, kept: (ids: string[]) => void): Promise<number> {
  if (entries.length === 0) return 0;
  try {
    await store(JSON.stringify(entries));
    kept(entries.map((e) => (e as { session_id: string }).session_id));
    return 0;
  } catch (e) {
    if (!isParseError(e)) throw e;
    if (entries.length === 1) return 1;
  }
  const mid = entries.length >> 1;
  return (await storeUsable(entries.slice(0, mid), store, kept)) + (await storeUsable(entries.slice(mid), store, kept));
}
