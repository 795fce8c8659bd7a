/** Every xs-* event type starts with the prefix. */
export type XsEventType = `xs-${string}`;

/**
 * Base of all events the kit emits: they bubble and cross shadow roots. Outcomes are not cancelable;
 * requests to the host are (the host calls `preventDefault()` to say "I handle this").
 * No event ever carries key material or passwords.
 */
export abstract class XsEvent extends Event {
  constructor(type: XsEventType, init: { cancelable?: boolean } = {}) {
    super(type, { bubbles: true, composed: true, cancelable: init.cancelable ?? false });
  }
}
