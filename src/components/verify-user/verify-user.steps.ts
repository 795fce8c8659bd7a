// <xs-verify-user> after its first render, loaded in an idle moment after it (or at once when a request is to be
// answered): the flow, and the steps from "waiting" to "verified" or "cancelled" (the method steps are the shared
// VerificationSteps).
import { html, nothing, type TemplateResult } from 'lit';
import type { MatrixClient } from 'matrix-js-sdk';
import { XsVerifiedEvent } from '../../events/xs-verified.js';
import { explainCancel } from '../../i18n/verification-cancel.strings.js';
import { translate } from '../../i18n/registry.js';
import { VerificationSteps, isMethodStage } from '../../internal/verification-steps.js';
import { requestUserVerification } from '../../sdk/user-verification.js';
import { onVerificationRequest, portFor } from '../../sdk/verification.js';
import { SECURITY_CODES, VerificationFlow, type VerificationStage } from '../../state/verification.js';
import { explainUserStartFailure, verifyUserStepsStrings } from './verify-user-steps.strings.js';
import { verifyUserStrings } from './verify-user.strings.js';
import type { XsVerifyUser } from './verify-user.js';

/** The later steps' styles, adopted by the element with this module. */
export { adoptStepStyles } from '../../internal/verification-steps.js';
export * from '../../internal/verification-wiring.js';

type Key = keyof typeof verifyUserStepsStrings.en;

/** The flow: answer `.request`, or verify `user-id` (in `room-id`, or the encrypted direct chat). */
export function createFlow(el: XsVerifyUser, client: MatrixClient): VerificationFlow {
  const timing = { confirmTimeoutMs: el.confirmTimeout, noAnswerMs: el.noAnswerTimeout };
  const { person: userId, roomId, request } = el;
  return request
    ? new VerificationFlow({ role: 'incoming', port: portFor(client, request), ...timing })
    : new VerificationFlow({
        role: 'user',
        request: () => requestUserVerification(client, userId!, roomId ? { roomId } : {}),
        ...timing,
        watchIncoming: (l) => onVerificationRequest(client, (r) => l(portFor(client, r))),
        peer: { userId: userId! },
      });
}

export function cancelText(el: XsVerifyUser, _flow: VerificationFlow | undefined, s: Extract<VerificationStage, { kind: 'cancelled' }>): string {
  return explainCancel(el.uiLang, s.code, 'user', s);
}

export function succeeded(el: XsVerifyUser): void {
  el.dispatchEvent(new XsVerifiedEvent(el.person ?? '', ''));
}

/** The element's later steps (made once, with this module). */
export function viewOf(el: XsVerifyUser): UserSteps {
  return (el.stepsView ??= new UserSteps(el));
}

/** <xs-verify-user>'s steps after the first one, for one element. */
export class UserSteps {
  private readonly steps: VerificationSteps;

  constructor(private readonly host: XsVerifyUser) {
    this.steps = new VerificationSteps(host, verifyUserStepsStrings, () => host.uiLang, () => host.flow);
  }

  reset(): void {
    this.steps.reset();
  }

  private t(key: Key): string {
    return translate(this.host.uiLang, verifyUserStepsStrings, key as 'cancel');
  }

  private heading(key: Key): TemplateResult {
    return this.host.headingOf(this.t(key));
  }

  render(s: VerificationStage): unknown {
    const h = this.host;
    const f = h.flow;
    const lang = h.uiLang;
    const incoming = f?.role === 'incoming';
    if (isMethodStage(s)) return this.steps.render(s, h.who());
    const again = !incoming ? html`<div class="row">${h.button(this.t('startAgain'), () => void f?.start(), 'primary')}</div>` : nothing;
    switch (s.kind) {
      case 'requesting':
        return html`<div part="base">${h.headingOf(translate(lang, verifyUserStrings, 'startHeading'))}${h.who()}<p part="status" role="status">${this.t('requesting')}</p></div>`;
      case 'waiting-accept':
        return html`<div part="base">
          ${this.heading('waitingHeading')}
          ${h.who()}
          <p part="status" role="status">${this.t('waitingIntro')}</p>
          ${s.slow ? html`<p role="status">${this.t('noAnswer')}</p>` : nothing}
          <div class="row">${h.button(this.t('cancel'), () => void f?.cancel())}</div>
        </div>`;
      case 'accepting':
        return html`<div part="base">${h.headingOf(translate(lang, verifyUserStrings, 'incomingHeading'))}${h.who()}<p part="status" role="status">${this.t('accepting')}</p></div>`;
      case 'done':
        return html`<div part="base">${this.heading('doneHeading')}${h.who()}
          <p part="status" role="status">${this.t(incoming ? 'doneIncoming' : 'done')}</p></div>`;
      case 'unsigned':
        return html`<div part="base">${this.heading('unsignedHeading')}${h.who()}
          <p part="status" role="alert">${this.t(incoming ? 'unsignedIncoming' : 'unsigned')}</p>${again}</div>`;
      case 'cancelled': {
        const security = SECURITY_CODES.includes(s.code);
        const quiet = s.code === 'm.accepted';
        return html`<div part="base">
          ${this.heading(security ? 'securityHeading' : 'cancelledHeading')}
          ${h.who()}
          <p part="status" role=${security ? 'alert' : 'status'} class=${security ? 'warning' : ''}>${cancelText(h, f, s)}</p>
          ${s.reason && !s.byUs && !quiet && s.code !== 'm.user' ? html`<p class="quote">${translate(lang, verifyUserStepsStrings, 'otherReason', s.reason)}</p>` : nothing}
          ${quiet ? nothing : again}
        </div>`;
      }
      case 'failed': {
        const refused = s.failure.kind === 'key-collision';
        return html`<div part="base">
          ${this.heading(refused ? 'refusedHeading' : 'failedHeading')}
          ${h.who()}
          <p part="status" role="alert" class=${refused ? 'warning' : ''}>${explainUserStartFailure(lang, s.failure)}</p>
          ${refused ? nothing : again}
        </div>`;
      }
      default:
        return nothing;
    }
  }
}
