import { html, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { MatrixClient } from 'matrix-js-sdk';
import type { VerificationRequest } from 'matrix-js-sdk/lib/crypto-api/index.js';
import { sharedImport } from '../../internal/shared-import.js';
import { untrusted, untrustedStyles } from '../../internal/untrusted-html.js';
import { XsVerificationElement, incomingStage, type FirstStep } from '../../internal/verification-element.js';
import { isUserVerified } from '../../sdk/verification-trust.js';
import { verifyUserStyles } from './verify-user.styles.js';
import { verifyUserStrings } from './verify-user.strings.js';
import type { UserSteps } from './verify-user.steps.js';

type Key = keyof typeof verifyUserStrings.en;

/** Everything after the first render: the flow and the later steps (src/internal/verification-element.ts). */
export const verifyUserSteps = sharedImport(() => import('./verify-user.steps.js'));
type Later = typeof import('./verify-user.steps.js');

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
export class XsVerifyUser extends XsVerificationElement<Later, { kind: 'no-user' }> {
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

  protected readonly later = verifyUserSteps;
  /** Counts builds: an "already verified?" answer for an earlier build is dropped. */
  #checks = 0;
  /** @internal The later steps, once their module is here. */
  stepsView?: UserSteps;

  /** @internal The person: from the request when answering one, else `user-id`. */
  get person(): string | undefined {
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

  protected override firstStep(client: MatrixClient): FirstStep<{ kind: 'no-user' }> {
    this.alreadyVerified = false;
    const userId = this.person;
    if (!userId) return { stage: { kind: 'no-user' } };
    this.displayName = client.getUser(userId)?.displayName ?? undefined;
    return this.request ? { stage: incomingStage(this.request), run: 'now' } : { stage: { kind: 'start' }, run: 'on-demand' };
  }

  protected override firstBuilt(client: MatrixClient): void {
    const check = ++this.#checks;
    if (!this.request && this.person) void this.#checkAlreadyVerified(client, this.person, check);
  }

  async #checkAlreadyVerified(client: MatrixClient, userId: string, check: number) {
    try {
      const verified = await isUserVerified(client, userId);
      if (check === this.#checks) this.alreadyVerified = verified;
    } catch {
      /* not known yet: the start step offers to verify */
    }
  }

  protected override teardownExtras(): void {
    this.#checks++;
    this.stepsView?.reset();
  }

  #t(key: Key): string {
    return this.localize.t(verifyUserStrings, key as 'accept');
  }

  #heading(key: Key): TemplateResult {
    return this.headingOf(this.#t(key));
  }

  /** @internal The person, as inert text: display name (when known) and user id. */
  who(): TemplateResult {
    const id = this.person ?? '';
    const invisible = this.#t('invisibleChars');
    return html`<p part="who" class="who" aria-label=${this.#t('whoLabel')}>
      ${this.displayName && this.displayName !== id
        ? html`<span class="name">${untrusted(this.displayName, invisible)}</span> <span class="id">${untrusted(id, invisible)}</span>`
        : html`<span class="name">${untrusted(id, invisible)}</span>`}
    </p>`;
  }

  protected override render() {
    const s = this.stage;
    switch (s.kind) {
      case 'no-client':
        return html`<p part="status" role="status">${this.#t('notConnected')}</p>`;
      case 'no-user':
        return html`<p part="status" role="status">${this.#t('noUser')}</p>`;
      case 'loading':
        return html`<div part="base"></div>`;
      case 'start':
        return html`<div part="base">
          ${this.#heading(this.alreadyVerified ? 'alreadyHeading' : 'startHeading')}
          ${this.who()}
          <p>${this.#t(this.alreadyVerified ? 'alreadyVerified' : 'startIntro')}</p>
          <div class="row">${this.button(this.#t(this.alreadyVerified ? 'verifyAgain' : 'startButton'), () => this.withFlow((f) => f.start()), 'primary')}</div>
        </div>`;
      case 'incoming':
        return html`<div part="base">
          ${this.#heading('incomingHeading')}
          ${this.who()}
          <p>${this.#t('incomingIntro')}</p>
          <div class="row">
            ${this.button(this.#t('accept'), () => this.accept(), 'primary')}
            ${this.button(this.#t('decline'), () => this.withFlow((f) => f.cancel()))}
          </div>
        </div>`;
      default:
        return this.later$((m) => m.viewOf(this).render(s));
    }
  }
}
