// <xs-verification-requests> once requests may come: the queue (its model on the SDK's incoming requests), the
// request cards, and the verification elements a card continues in when accepted. The element's first render is
// an empty list; this loads in an idle moment after it, or at once when a request arrives before that.
import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { MatrixClient } from 'matrix-js-sdk';
import type { VerificationRequest } from 'matrix-js-sdk/lib/crypto-api/index.js';
import { XsRequestVerifyEvent } from '../../events/xs-request-verify.js';
import { untrusted, untrustedStyles } from '../../internal/untrusted-html.js';
import { adoptStyles } from '../../internal/lazy-styles.js';
import { XsElement } from '../../internal/xs-element.js';
import { incomingRequestsPort, type Requester } from '../../sdk/verification-requests.js';
import { VerificationRequestsModel, type RequestEntry } from '../../state/verification-requests.js';
import { XsVerifyLogin, verifyLoginSteps } from '../verify-login/verify-login.js';
import { XsVerifyUser, verifyUserSteps } from '../verify-user/verify-user.js';
import { requestRowsStrings } from './verification-requests.rows.strings.js';
import { requestsStyles } from './verification-requests.styles.js';
import type { XsVerificationRequests } from './verification-requests.js';

XsElement.define('xs-verify-login', XsVerifyLogin);
XsElement.define('xs-verify-user', XsVerifyUser);

type Key = keyof typeof requestRowsStrings.en;

/** The cards' styles (the element adopts them with the queue; an empty list needs none). */
export const rowStyles = [untrustedStyles, requestsStyles];

/** The queue of `client`'s requests for the element, with the cards' styles; `held`: requests that arrived before this module. */
export function startQueue(el: XsVerificationRequests, client: MatrixClient, held: readonly VerificationRequest[]): RequestsQueue {
  adoptStyles(el.renderRoot, ...rowStyles);
  return new RequestsQueue(el, client, held);
}

/** The incoming requests of one client, as cards. */
export class RequestsQueue {
  private readonly model: VerificationRequestsModel;
  private readonly seen = new Set<string>();
  /** Entries accepted here whose verification element finished (shows Close). */
  private finished = new Set<string>();

  /** `held`: requests that arrived before this module was here. */
  constructor(private readonly host: XsVerificationRequests, client: MatrixClient, held: readonly VerificationRequest[]) {
    const model = new VerificationRequestsModel(incomingRequestsPort(client, held));
    this.model = model;
    model.addEventListener('change', () => this.update());
    this.update();
  }

  private update() {
    const model = this.model;
    const fresh = model.entries.filter((e) => !this.seen.has(e.key));
    for (const e of fresh) this.seen.add(e.key);
    if (fresh.length) this.host.announcement = this.t('arrived');
    // Accept continues in a verification element: its steps load now, so the click finds them here.
    for (const e of fresh) void (e.handle.request.isSelfVerification ? verifyLoginSteps : verifyUserSteps).load().catch(() => undefined);
    this.changed();
  }

  /** The entries changed (in place too: who asks, the countdown, accepted): render again. */
  private changed() {
    this.host.entries = this.model.entries;
    this.host.requestUpdate();
  }

  dispose(): void {
    this.model.dispose();
  }

  private t(key: Key): string {
    return this.host.localize.t(requestRowsStrings, key as 'accept');
  }

  private async acceptEntry(entry: RequestEntry) {
    const own = entry.handle.request.isSelfVerification;
    const event = new XsRequestVerifyEvent({
      subject: own ? 'own-session' : 'user',
      reason: 'incoming',
      userId: entry.handle.request.otherUserId,
      ...(entry.handle.request.otherDeviceId ? { deviceId: entry.handle.request.otherDeviceId } : {}),
      request: entry.handle.request,
    });
    if (!this.host.dispatchEvent(event)) {
      // The host places the verification itself (nothing is rendered here for it, so nothing here cancels it).
      this.model.finish(entry.key);
      this.host.announcement = this.t('handedOver');
      return;
    }
    await this.model.accept(entry.key, false);
    await this.host.updateComplete;
    const el = this.host.renderRoot.querySelector<XsVerifyLogin | XsVerifyUser>(`[data-key="${entry.key}"]`);
    el?.accept();
  }

  private onInlineEnd(key: string) {
    this.finished = new Set([...this.finished, key]);
    this.changed();
  }

  private close(key: string) {
    this.model.finish(key);
    const next = new Set(this.finished);
    next.delete(key);
    this.finished = next;
    this.changed();
  }

  private countdown(entry: RequestEntry): string {
    const s = this.model.secondsLeft(entry);
    const m = Math.floor(s / 60);
    const sec = s % 60;
    const l = this.host.localize;
    const time = `${l.number(m)}:${l.number(sec, { minimumIntegerDigits: 2 })}`;
    return l.t(requestRowsStrings, 'expiresIn', time);
  }

  private lastSeen(r: Requester): string | undefined {
    if (!r.lastSeenTs) return undefined;
    const l = this.host.localize;
    const minutes = Math.round((r.lastSeenTs - Date.now()) / 60_000);
    const when = Math.abs(minutes) < 60
      ? l.relativeTime(minutes, 'minute')
      : Math.abs(minutes) < 60 * 48 ? l.relativeTime(Math.round(minutes / 60), 'hour') : l.relativeTime(Math.round(minutes / 1440), 'day');
    return r.lastSeenIp ? l.t(requestRowsStrings, 'lastSeenFrom', when, r.lastSeenIp) : l.t(requestRowsStrings, 'lastSeen', when);
  }

  private renderWaiting(entry: RequestEntry): TemplateResult {
    const r = entry.requester;
    const titleId = `t-${entry.key}`;
    const invisible = this.t('invisibleChars');
    const own = entry.handle.request.isSelfVerification;
    const seen = r && this.lastSeen(r);
    return html`<li part="request" aria-labelledby=${titleId}>
      <h3 id=${titleId}>${this.t(own ? 'ownTitle' : 'otherTitle')}</h3>
      ${!r
        ? html`<p>${this.t('reading')}</p>`
        : html`${own
            ? nothing
            : html`<p part="who" class="who">
                ${r.displayName && r.displayName !== r.userId ? html`<span class="name">${untrusted(r.displayName, invisible)}</span> ` : nothing}
                <span class=${r.displayName ? 'id' : 'name'}>${untrusted(r.userId, invisible)}</span>
              </p>`}
          ${r.deviceId
            ? html`<p part="session" class="session">
                ${this.t('session')}: <span class="name">${untrusted(r.deviceName || this.t('unnamedSession'), invisible)}</span>
                <span class="meta">(${untrusted(r.deviceId, invisible)})${seen ? html`, ${untrusted(seen, invisible)}` : nothing}</span>
              </p>`
            : nothing}`}
      <p>${this.t(own ? 'ownHint' : 'otherHint')}</p>
      <p part="countdown" class="countdown"><span role="timer">${this.countdown(entry)}</span></p>
      <div class="row">
        <button type="button" part="action" class="primary" aria-describedby=${titleId} @click=${() => void this.acceptEntry(entry)}>${this.t('accept')}</button>
        <button type="button" part="action" aria-describedby=${titleId} @click=${() => this.model.ignore(entry.key)}>${this.t('ignore')}</button>
      </div>
    </li>`;
  }

  private renderAccepted(entry: RequestEntry): TemplateResult {
    const request = entry.handle.request;
    const end = () => this.onInlineEnd(entry.key);
    const client = this.host.matrixClient;
    const inline = request.isSelfVerification
      ? html`<xs-verify-login data-key=${entry.key} .client=${client} .request=${request}
          @xs-verified=${end} @xs-verification-cancelled=${end}></xs-verify-login>`
      : html`<xs-verify-user data-key=${entry.key} .client=${client} .request=${request}
          @xs-verified=${end} @xs-verification-cancelled=${end}></xs-verify-user>`;
    return html`<li part="request">
      ${inline}
      ${this.finished.has(entry.key)
        ? html`<div class="row"><button type="button" part="action" @click=${() => this.close(entry.key)}>${this.t('dismiss')}</button></div>`
        : nothing}
    </li>`;
  }

  /** The list's items. */
  render(entries: readonly RequestEntry[]): unknown {
    return repeat(entries, (e) => e.key, (e) => (e.state === 'waiting' ? this.renderWaiting(e) : this.renderAccepted(e)));
  }
}
