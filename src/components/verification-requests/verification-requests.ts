import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { MatrixClient } from 'matrix-js-sdk';
import { XsRequestVerifyEvent } from '../../events/xs-request-verify.js';
import { actionRowStyles, stageTextStyles } from '../../internal/stage.styles.js';
import { untrusted, untrustedStyles } from '../../internal/untrusted-html.js';
import { XsElement } from '../../internal/xs-element.js';
import { incomingRequestsPort, type Requester } from '../../sdk/verification-requests.js';
import { VerificationRequestsModel, type RequestEntry } from '../../state/verification-requests.js';
import { XsVerifyLogin } from '../verify-login/verify-login.js';
import { XsVerifyUser } from '../verify-user/verify-user.js';
import { requestsStyles } from './verification-requests.styles.js';
import { requestsStrings } from './verification-requests.strings.js';

XsElement.define('xs-verify-login', XsVerifyLogin);
XsElement.define('xs-verify-user', XsVerifyUser);

type Key = keyof typeof requestsStrings.en;

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
  static override styles = [...XsElement.styles, actionRowStyles, stageTextStyles, untrustedStyles, requestsStyles];

  @state() private entries: RequestEntry[] = [];
  /** Entries accepted here whose verification element finished (shows Close). */
  @state() private finished = new Set<string>();
  @state() private announcement = '';
  private model?: VerificationRequestsModel;
  private seen = new Set<string>();

  protected override clientChanged(client: MatrixClient | undefined) {
    this.entries = [];
    if (!client?.getCrypto()) return;
    const model = new VerificationRequestsModel(incomingRequestsPort(client));
    this.model = model;
    const update = () => {
      const fresh = model.entries.filter((e) => !this.seen.has(e.key));
      for (const e of fresh) this.seen.add(e.key);
      if (fresh.length) this.announcement = this.t('arrived');
      // Entries change in place (who asks, the countdown, accepted): render again even when the list is the same.
      this.entries = model.entries;
      this.requestUpdate();
    };
    model.addEventListener('change', update);
    update();
    return () => {
      model.dispose();
      if (this.model === model) this.model = undefined;
    };
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.setCustomState('empty', this.entries.length === 0);
  }

  private t(key: Key): string {
    return this.localize.t(requestsStrings, key as 'accept');
  }

  private async acceptEntry(entry: RequestEntry) {
    const model = this.model;
    if (!model) return;
    const own = entry.handle.request.isSelfVerification;
    const event = new XsRequestVerifyEvent({
      subject: own ? 'own-session' : 'user',
      reason: 'incoming',
      userId: entry.handle.request.otherUserId,
      ...(entry.handle.request.otherDeviceId ? { deviceId: entry.handle.request.otherDeviceId } : {}),
      request: entry.handle.request,
    });
    if (!this.emit(event)) {
      // The host places the verification itself (nothing is rendered here for it, so nothing here cancels it).
      model.finish(entry.key);
      this.announcement = this.t('handedOver');
      return;
    }
    await model.accept(entry.key, false);
    await this.updateComplete;
    const el = this.renderRoot.querySelector<XsVerifyLogin | XsVerifyUser>(`[data-key="${entry.key}"]`);
    el?.accept();
  }

  private onInlineEnd(key: string) {
    this.finished = new Set([...this.finished, key]);
  }

  private close(key: string) {
    this.model?.finish(key);
    const next = new Set(this.finished);
    next.delete(key);
    this.finished = next;
  }

  private countdown(entry: RequestEntry): string {
    const s = this.model?.secondsLeft(entry) ?? 0;
    const m = Math.floor(s / 60);
    const sec = s % 60;
    const time = `${this.localize.number(m)}:${this.localize.number(sec, { minimumIntegerDigits: 2 })}`;
    return this.localize.t(requestsStrings, 'expiresIn', time);
  }

  private lastSeen(r: Requester): string | undefined {
    if (!r.lastSeenTs) return undefined;
    const minutes = Math.round((r.lastSeenTs - Date.now()) / 60_000);
    const when = Math.abs(minutes) < 60
      ? this.localize.relativeTime(minutes, 'minute')
      : Math.abs(minutes) < 60 * 48 ? this.localize.relativeTime(Math.round(minutes / 60), 'hour') : this.localize.relativeTime(Math.round(minutes / 1440), 'day');
    return r.lastSeenIp ? this.localize.t(requestsStrings, 'lastSeenFrom', when, r.lastSeenIp) : this.localize.t(requestsStrings, 'lastSeen', when);
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
        <button type="button" part="action" aria-describedby=${titleId} @click=${() => this.model?.ignore(entry.key)}>${this.t('ignore')}</button>
      </div>
    </li>`;
  }

  private renderAccepted(entry: RequestEntry): TemplateResult {
    const request = entry.handle.request;
    const end = () => this.onInlineEnd(entry.key);
    const inline = request.isSelfVerification
      ? html`<xs-verify-login data-key=${entry.key} .client=${this.matrixClient} .request=${request}
          @xs-verified=${end} @xs-verification-cancelled=${end}></xs-verify-login>`
      : html`<xs-verify-user data-key=${entry.key} .client=${this.matrixClient} .request=${request}
          @xs-verified=${end} @xs-verification-cancelled=${end}></xs-verify-user>`;
    return html`<li part="request">
      ${inline}
      ${this.finished.has(entry.key)
        ? html`<div class="row"><button type="button" part="action" @click=${() => this.close(entry.key)}>${this.t('dismiss')}</button></div>`
        : nothing}
    </li>`;
  }

  protected override render() {
    return html`<ul part="list" aria-label=${this.t('listLabel')} ?hidden=${this.entries.length === 0}>
        ${repeat(this.entries, (e) => e.key, (e) => (e.state === 'waiting' ? this.renderWaiting(e) : this.renderAccepted(e)))}
      </ul>
      <p role="status" class="visually-hidden">${this.announcement}</p>`;
  }
}
