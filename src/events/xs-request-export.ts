import { XsEvent } from './xs-event.js';

/**
 * Asks the host to let the person export their room keys (e.g. open `<xs-key-export>`), typically before a
 * reset. Cancelable: `preventDefault()` says "the host handles it"; otherwise the element explains what to do.
 */
export class XsRequestExportEvent extends XsEvent {
  static readonly type = 'xs-request-export';
  constructor(
    /** Why: 'before-reset' from the setup wizard's reset path. */
    readonly reason: 'before-reset' | 'requested' = 'requested',
  ) {
    super(XsRequestExportEvent.type, { cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'xs-request-export': XsRequestExportEvent;
  }
}
