import { XsEvent } from './xs-event.js';

/**
 * `<xs-key-transfer>` imported a key file. Counts only: entries in the file, newly imported, not imported
 * (`skipped`), and the reasons those were not: already present, malformed or refused by the crypto store, of an
 * unknown algorithm (`skipped` = the sum of the three).
 */
export class XsKeysImportedEvent extends XsEvent {
  static readonly type = 'xs-keys-imported';
  constructor(
    readonly total: number,
    readonly imported: number,
    readonly skipped: number,
    readonly alreadyPresent = skipped,
    readonly malformed = 0,
    readonly unknownAlgorithm = 0,
  ) {
    super(XsKeysImportedEvent.type);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'xs-keys-imported': XsKeysImportedEvent;
  }
}
