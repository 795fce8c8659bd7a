import { XsEvent } from './xs-event.js';

/** Why setup is asked for. */
export type SetupReason =
  /** The account has no cross-signing keys yet (e.g. open `<xs-setup-wizard>`). */
  | 'not-set-up'
  /** This session holds the keys but secret storage lacks them (set up or repair recovery). */
  | 'secret-storage';

/** Asks the host to run encryption setup. Cancelable: `preventDefault()` says "the host handles it". */
export class XsRequestSetupEvent extends XsEvent {
  static readonly type = 'xs-request-setup';
  constructor(readonly reason: SetupReason) {
    super(XsRequestSetupEvent.type, { cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'xs-request-setup': XsRequestSetupEvent;
  }
}
