import { XsEvent } from './xs-event.js';

/** Which flow of `<xs-setup-wizard>` finished. */
export type SetupMode = 'setup' | 'change-key' | 'reset';

/**
 * `<xs-setup-wizard>` finished: cross-signing, secret storage and key backup are in place.
 * Carries only what happened — never the key or the phrase.
 */
export class XsSetupCompleteEvent extends XsEvent {
  static readonly type = 'xs-setup-complete';
  constructor(
    /** The flow that finished. */
    readonly mode: SetupMode,
    /** How the new secret-storage key was made: a generated Security Key, or from a Security Phrase. */
    readonly method: 'key' | 'phrase',
  ) {
    super(XsSetupCompleteEvent.type);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'xs-setup-complete': XsSetupCompleteEvent;
  }
}
