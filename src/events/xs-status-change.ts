import type { StatusDetails } from '../state/status.js';
import { XsEvent } from './xs-event.js';

/**
 * The status changed (state, details or warnings). Not cancelable. `details` holds public facts only
 * (key ids, versions, public keys, flags) — never key material.
 */
export class XsStatusChangeEvent extends XsEvent {
  static readonly type = 'xs-status-change';
  constructor(readonly details: StatusDetails) {
    super(XsStatusChangeEvent.type);
  }
  /** Shortcut for `details.state`. */
  get state(): StatusDetails['state'] {
    return this.details.state;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'xs-status-change': XsStatusChangeEvent;
  }
}
