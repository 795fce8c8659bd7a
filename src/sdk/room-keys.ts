// Room-key export and import through the client's CryptoApi. The only SDK calls of <xs-key-transfer>.
import type { MatrixClient } from 'matrix-js-sdk';
import type { ImportRoomKeyProgressData } from 'matrix-js-sdk/lib/crypto-api/index.js';

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
  /** Sessions in the file. */
  total: number;
  /** Sessions this device did not have before (now stored). */
  imported: number;
  /** Sessions already known (or not usable): total − imported. */
  skipped: number;
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

/** Every room key this device holds, as the JSON list the export file encrypts, and how many there are. */
export async function exportRoomKeys(client: MatrixClient): Promise<{ json: string; count: number }> {
  const json = await cryptoOf(client).exportRoomKeysAsJson();
  return { json, count: countSessions(json) };
}

/**
 * Imports the JSON list of room keys. `onProgress(done, total)` follows importRoomKeysAsJson's progress.
 * The report compares the sessions this device holds before and after, so `imported` counts only new ones and
 * importing the same file twice reports 0 imported the second time.
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
  const total = countSessions(json);
  if (total === 0 && !/^\[\s*\]\s*$/.test(head.slice(0, 64))) throw new NotAKeyListError('no sessions in the list');
  const before = countSessions(await crypto.exportRoomKeysAsJson());
  try {
    await crypto.importRoomKeysAsJson(json, {
      progressCallback: (p: ImportRoomKeyProgressData) => {
        if (p.stage === 'load_keys') onProgress?.(p.successes, p.total);
      },
    });
  } catch (e) {
    // The rust crypto parses the whole list before storing anything; a parse error means nothing was imported.
    const message = e instanceof Error ? e.message : String(e);
    if (/invalid type|missing field|expected|EOF|invalid value|unknown variant|key had a invalid/i.test(message)) throw new NotAKeyListError(message);
    throw e;
  }
  const after = countSessions(await crypto.exportRoomKeysAsJson());
  const imported = Math.max(0, Math.min(total, after - before));
  return { total, imported, skipped: total - imported };
}
