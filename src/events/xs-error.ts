import { XsEvent } from './xs-event.js';

/** Something failed and the element shows it; `code` is stable (for hosts), `message` is for people. */
export class XsErrorEvent extends XsEvent {
  static readonly type = 'xs-error';
  constructor(
    readonly code: string,
    readonly message: string,
    readonly httpStatus?: number,
  ) {
    super(XsErrorEvent.type);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'xs-error': XsErrorEvent;
  }
}
