import { html, nothing, type PropertyValues } from 'lit';
import { state } from 'lit/decorators.js';
import type { MatrixClient } from 'matrix-js-sdk';
import type { VerificationRequest } from 'matrix-js-sdk/lib/crypto-api/index.js';
import { CryptoEvent } from 'matrix-js-sdk/lib/crypto-api/CryptoEvent.js';
import { sharedImport } from '../../internal/shared-import.js';
import { actionRowStyles, stageTextStyles } from '../../internal/stage.styles.js';
import { XsElement } from '../../internal/xs-element.js';
import type { LocalizeController } from '../../i18n/localize.js';
import type { RequestEntry } from '../../state/verification-requests.js';
import type { RequestsQueue } from './verification-requests.rows.js';
import { requestsStrings } from './verification-requests.strings.js';

/**
 * The queue, its cards and the verification elements they continue in (which it defines): an empty list needs none
 * of it, so it loads in an idle moment after the first render, or at once when a request arrives before that.
 */
const rowsModule = sharedImport(() => import('./verification-requests.rows.js'));

/**
 * @summary Shows incoming verification requests — from your other sessions and from other people — with who
 * asks, from which session (name, ID, last seen and IP), and a countdown; Accept continues in
 * `<xs-verify-login>` / `<xs-verify-user>` right here, Ignore hides the request. Place it once anywhere.
 * @tag xs-verification-requests
 * @event {XsRequestVerifyEvent} xs-request-verify - Accept was pressed; `request` carries the SDK request,
 * `subject` is `own-session` or `user`. Cancel the event to place the verification yourself.
 * @event {XsVerifiedEvent} xs-verified - From the inline verification element.
 * @event {XsVerificationCancelledEvent} xs-verification-cancelled - From the inline verification element.
 * @csspart list - The list of requests.
 * @csspart request - One request.
 * @csspart who - Who asks (display name and user ID).
 * @csspart session - Which session asks.
 * @csspart countdown - Time left before the request expires.
 * @csspart action - The buttons.
 * @cssprop [--xs-verification-requests-background=var(--xs-color-surface)] - Background of a request.
 * @cssstate empty - No request to show.
 */
export class XsVerificationRequests extends XsElement {
  static override styles = [...XsElement.styles, actionRowStyles, stageTextStyles];

  /** @internal The requests shown (the queue sets them). */
  @state() entries: readonly RequestEntry[] = [];
  /** @internal What the live region says (the queue sets it). */
  @state() announcement = '';
  /** @internal (The queue words the cards in the element's language.) */
  declare readonly localize: LocalizeController;
  private readonly rows = this.lazy(() => rowsModule.load());
  private queue?: RequestsQueue;
  /** Until the queue's module is here: the client to follow, and the requests that arrived meanwhile. */
  private waiting?: { client: MatrixClient; held: VerificationRequest[]; stop: () => void };

  protected override clientChanged(client: MatrixClient | undefined) {
    this.entries = [];
    if (!client?.getCrypto()) return;
    // Requests arriving before the queue is here are held for it, and make it load at once.
    const held: VerificationRequest[] = [];
    const hold = (request: VerificationRequest) => {
      held.push(request);
      void this.rows.load().catch(() => undefined);
    };
    client.on(CryptoEvent.VerificationRequestReceived, hold);
    const waiting = { client, held, stop: () => client.off(CryptoEvent.VerificationRequestReceived, hold) };
    this.waiting = waiting;
    this.startQueue();
    return () => {
      waiting.stop();
      if (this.waiting === waiting) this.waiting = undefined;
      this.queue?.dispose();
      this.queue = undefined;
    };
  }

  /** Starts the queue for the client waiting for it, once the module is here (the host re-renders when it is). */
  private startQueue() {
    const m = rowsModule.current;
    const waiting = this.waiting;
    if (!m || !waiting) return;
    this.waiting = undefined;
    waiting.stop(); // the queue follows new requests itself
    this.queue = m.startQueue(this, waiting.client, waiting.held);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.waiting && this.rows.ready) this.startQueue();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.setCustomState('empty', this.entries.length === 0);
  }

  protected override render() {
    return html`<ul part="list" aria-label=${this.localize.t(requestsStrings, 'listLabel')} ?hidden=${this.entries.length === 0}>
        ${this.queue && this.entries.length ? this.queue.render(this.entries) : nothing}
      </ul>
      <p role="status" class="visually-hidden">${this.announcement}</p>`;
  }
}
