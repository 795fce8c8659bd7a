import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { MatrixClient } from 'matrix-js-sdk';
import type { VerificationRequest } from 'matrix-js-sdk/lib/crypto-api/index.js';
import { XsVerifiedEvent } from '../../events/xs-verified.js';
import { explainCancel } from '../../i18n/verification-cancel.strings.js';
import { untrusted, untrustedStyles } from '../../internal/untrusted-html.js';
import { XsVerificationElement } from '../../internal/verification-element.js';
import { VerificationSteps, isMethodStage } from '../../internal/verification-steps.js';
import { isUserVerified, requestUserVerification } from '../../sdk/user-verification.js';
import { onVerificationRequest, portFor } from '../../sdk/verification.js';
import { SECURITY_CODES, VerificationFlow, type VerificationStage } from '../../state/verification.js';
import { verifyUserStyles } from './verify-user.styles.js';
import { explainUserStartFailure, verifyUserStrings } from './verify-user.strings.js';

type Key = keyof typeof verifyUserStrings.en;

/**
 * @summary Verifies another person: finds (or creates) your encrypted direct chat with them, sends the
 * request there, and compares emoji, numbers or QR codes with them. Also answers a request from another
 * person (`.request`). "Verified" is shown only once your server holds the signature.
 * @tag xs-verify-user
 * @event {XsVerifiedEvent} xs-verified - The person is verified (`userId`; `deviceId` is '' for a person).
 * @event {XsVerificationCancelledEvent} xs-verification-cancelled - It ended without success (`code`, `reason`, `byUs`).
 * @csspart base - The wrapper of each step.
 * @csspart who - The person's display name and user ID.
 * @csspart action - The buttons.
 * @csspart status - Progress and outcome text.
 * @csspart emoji - The list of emoji to compare.
 * @csspart numbers - The three numbers to compare (instead of the emoji, on request).
 * @csspart qr-code - The QR code image.
 * @csspart camera - The camera preview while scanning.
 * @cssprop [--xs-verify-user-emoji-size=2.5rem] - Size of the emoji glyphs.
 * @cssprop [--xs-verify-user-qr-size=16rem] - Size of the QR code.
 * @cssstate waiting - Waiting for the other person.
 * @cssstate comparing - Showing emoji or numbers to compare.
 * @cssstate done - Verified.
 * @cssstate cancelled - Cancelled, failed or refused.
 */
export class XsVerifyUser extends XsVerificationElement<{ kind: 'no-user' }> {
  static override styles = [...XsVerificationElement.styles, untrustedStyles, verifyUserStyles];

  /** The person to verify (ignored when `.request` is set: the request names them). */
  @property({ attribute: 'user-id' }) userId?: string;

  /** Send the request in this room instead of finding or creating an encrypted direct chat. */
  @property({ attribute: 'room-id' }) roomId?: string;

  /** An incoming request from another person (from `CryptoEvent.VerificationRequestReceived`) to answer. */
  @property({ attribute: false }) request?: VerificationRequest;

  /** Start step: we verified this person before. */
  @state() private alreadyVerified = false;
  @state() private displayName?: string;

  private readonly steps = new VerificationSteps(this, verifyUserStrings, () => this.localize.lang, () => this.flow);

  /** The person: from the request when answering one, else `user-id`. */
  private get person(): string | undefined {
    return this.request?.otherUserId ?? this.userId;
  }

  protected override stageKey() {
    return this.stage.kind;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const rebuild = ['userId', 'roomId', 'request'] as const;
    if (this.hasUpdated && this.isConnected && rebuild.some((k) => changed.has(k))) this.build(this.matrixClient);
  }

  protected override createFlow(client: MatrixClient) {
    this.alreadyVerified = false;
    const userId = this.person;
    if (!userId) return { kind: 'no-user' as const };
    this.displayName = client.getUser(userId)?.displayName ?? undefined;
    const timing = { confirmTimeoutMs: this.confirmTimeout, noAnswerMs: this.noAnswerTimeout };
    const roomId = this.roomId;
    return this.request
      ? new VerificationFlow({ role: 'incoming', port: portFor(client, this.request), ...timing })
      : new VerificationFlow({
          role: 'user',
          request: () => requestUserVerification(client, userId, roomId ? { roomId } : {}),
          ...timing,
          watchIncoming: (l) => onVerificationRequest(client, (r) => l(portFor(client, r))),
          peer: { userId },
        });
  }

  protected override flowBuilt(client: MatrixClient, flow: VerificationFlow): void {
    if (!this.request) void this.checkAlreadyVerified(client, this.person!, flow);
  }

  private async checkAlreadyVerified(client: MatrixClient, userId: string, flow: VerificationFlow) {
    try {
      const verified = await isUserVerified(client, userId);
      if (flow === this.flow) this.alreadyVerified = verified;
    } catch {
      /* not known yet: the start step offers to verify */
    }
  }

  protected override teardownExtras(): void {
    this.steps.reset();
  }

  protected override succeeded(): void {
    this.emit(new XsVerifiedEvent(this.person ?? '', ''));
  }

  protected override cancelText(s: Extract<VerificationStage, { kind: 'cancelled' }>): string {
    return explainCancel(this.localize.lang, s.code, 'user', s);
  }

  private t(key: Key): string {
    return this.localize.t(verifyUserStrings, key as 'accept');
  }

  private heading(key: Key): TemplateResult {
    return this.headingOf(this.t(key));
  }

  /** The person, as inert text: display name (when known) and user id. */
  private who(): TemplateResult {
    const id = this.person ?? '';
    const invisible = this.t('invisibleChars');
    return html`<p part="who" class="who" aria-label=${this.t('whoLabel')}>
      ${this.displayName && this.displayName !== id
        ? html`<span class="name">${untrusted(this.displayName, invisible)}</span> <span class="id">${untrusted(id, invisible)}</span>`
        : html`<span class="name">${untrusted(id, invisible)}</span>`}
    </p>`;
  }

  protected override render() {
    const s = this.stage;
    const f = this.flow;
    const incoming = f?.role === 'incoming';
    if (s.kind === 'no-client') return html`<p part="status" role="status">${this.t('notConnected')}</p>`;
    if (s.kind === 'no-user') return html`<p part="status" role="status">${this.t('noUser')}</p>`;
    if (isMethodStage(s)) return this.steps.render(s, this.who());
    const again = !incoming ? html`<div class="row">${this.button(this.t('startAgain'), () => void f?.start(), 'primary')}</div>` : nothing;
    switch (s.kind) {
      case 'start':
        return html`<div part="base">
          ${this.heading(this.alreadyVerified ? 'alreadyHeading' : 'startHeading')}
          ${this.who()}
          <p>${this.t(this.alreadyVerified ? 'alreadyVerified' : 'startIntro')}</p>
          <div class="row">${this.button(this.t(this.alreadyVerified ? 'verifyAgain' : 'startButton'), () => void f?.start(), 'primary')}</div>
        </div>`;
      case 'requesting':
        return html`<div part="base">${this.heading('startHeading')}${this.who()}<p part="status" role="status">${this.t('requesting')}</p></div>`;
      case 'waiting-accept':
        return html`<div part="base">
          ${this.heading('waitingHeading')}
          ${this.who()}
          <p part="status" role="status">${this.t('waitingIntro')}</p>
          ${s.slow ? html`<p role="status">${this.t('noAnswer')}</p>` : nothing}
          <div class="row">${this.button(this.t('cancel'), () => void f?.cancel())}</div>
        </div>`;
      case 'incoming':
        return html`<div part="base">
          ${this.heading('incomingHeading')}
          ${this.who()}
          <p>${this.t('incomingIntro')}</p>
          <div class="row">
            ${this.button(this.t('accept'), () => void f?.accept(), 'primary')}
            ${this.button(this.t('decline'), () => void f?.cancel())}
          </div>
        </div>`;
      case 'accepting':
        return html`<div part="base">${this.heading('incomingHeading')}${this.who()}<p part="status" role="status">${this.t('accepting')}</p></div>`;
      case 'done':
        return html`<div part="base">${this.heading('doneHeading')}${this.who()}
          <p part="status" role="status">${this.t(incoming ? 'doneIncoming' : 'done')}</p></div>`;
      case 'unsigned':
        return html`<div part="base">${this.heading('unsignedHeading')}${this.who()}
          <p part="status" role="alert">${this.t(incoming ? 'unsignedIncoming' : 'unsigned')}</p>${again}</div>`;
      case 'cancelled': {
        const security = SECURITY_CODES.includes(s.code);
        const quiet = s.code === 'm.accepted';
        return html`<div part="base">
          ${this.heading(security ? 'securityHeading' : 'cancelledHeading')}
          ${this.who()}
          <p part="status" role=${security ? 'alert' : 'status'} class=${security ? 'warning' : ''}>${this.cancelText(s)}</p>
          ${s.reason && !s.byUs && !quiet && s.code !== 'm.user' ? html`<p class="quote">${this.localize.t(verifyUserStrings, 'otherReason', s.reason)}</p>` : nothing}
          ${quiet ? nothing : again}
        </div>`;
      }
      case 'failed': {
        const refused = s.failure.kind === 'key-collision';
        return html`<div part="base">
          ${this.heading(refused ? 'refusedHeading' : 'failedHeading')}
          ${this.who()}
          <p part="status" role="alert" class=${refused ? 'warning' : ''}>${explainUserStartFailure(this.localize.lang, s.failure)}</p>
          ${refused ? nothing : again}
        </div>`;
      }
    }
  }
}
