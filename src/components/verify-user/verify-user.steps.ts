// <xs-verify-user> after its first render, loaded in an idle moment after it (or at once when a request is to be
// answered): the flow, and the steps from "waiting" to "verified" or "cancelled" (the method steps are the shared
// VerificationSteps).
import { html, nothing, type TemplateResult } from 'lit';
import type { MatrixClient } from 'matrix-js-sdk';
import type { VerificationRequest } from 'matrix-js-sdk/lib/crypto-api/index.js';
import { explainCancel } from '../../i18n/verification-cancel.strings.js';
import { translate } from '../../i18n/registry.js';
import { VerificationSteps, isMethodStage, type StepsHost } from '../../internal/verification-steps.js';
import { requestUserVerification } from '../../sdk/user-verification.js';
import { onVerificationRequest, portFor } from '../../sdk/verification.js';
import { SECURITY_CODES, VerificationFlow, type VerificationStage } from '../../state/verification.js';
import { explainUserStartFailure, verifyUserStepsStrings } from './verify-user-steps.strings.js';
import { verifyUserStrings } from './verify-user.strings.js';

/** The later steps' styles, adopted by the element with this module. */
export { adoptStepStyles } from '../../internal/verification-steps.js';

type Key = keyof typeof verifyUserStepsStrings.en;

export interface UserFlowOptions {
  userId: string;
  roomId: string | undefined;
  request: VerificationRequest | undefined;
  confirmTimeoutMs: number;
  noAnswerMs: number;
}

/** The flow: answer `request`, or verify `userId` (in `roomId`, or the encrypted direct chat). */
export function createUserFlow(client: MatrixClient, o: UserFlowOptions): VerificationFlow {
  const timing = { confirmTimeoutMs: o.confirmTimeoutMs, noAnswerMs: o.noAnswerMs };
  const { userId, roomId } = o;
  return o.request
    ? new VerificationFlow({ role: 'incoming', port: portFor(client, o.request), ...timing })
    : new VerificationFlow({
        role: 'user',
        request: () => requestUserVerification(client, userId, roomId ? { roomId } : {}),
        ...timing,
        watchIncoming: (l) => onVerificationRequest(client, (r) => l(portFor(client, r))),
        peer: { userId },
      });
}

export function userCancelText(lang: string, s: Extract<VerificationStage, { kind: 'cancelled' }>): string {
  return explainCancel(lang, s.code, 'user', s);
}

/** What the later steps need of the element. */
export interface UserStepsHost extends StepsHost {
  readonly lang: string;
  readonly flow: VerificationFlow | undefined;
  heading(text: string): TemplateResult;
  button(label: string, onClick: () => void, cls?: string): TemplateResult;
  /** The person (display name and user id, as inert text). */
  who(): TemplateResult;
}

/** <xs-verify-user>'s steps after the first one, for one element. */
export class UserSteps {
  private readonly steps: VerificationSteps;

  constructor(private readonly host: UserStepsHost) {
    this.steps = new VerificationSteps(host, verifyUserStepsStrings, () => host.lang, () => host.flow);
  }

  reset(): void {
    this.steps.reset();
  }

  private t(key: Key): string {
    return translate(this.host.lang, verifyUserStepsStrings, key as 'cancel');
  }

  private heading(key: Key): TemplateResult {
    return this.host.heading(this.t(key));
  }

  render(s: VerificationStage): unknown {
    const h = this.host;
    const f = h.flow;
    const lang = h.lang;
    const incoming = f?.role === 'incoming';
    if (isMethodStage(s)) return this.steps.render(s, h.who());
    const again = !incoming ? html`<div class="row">${h.button(this.t('startAgain'), () => void f?.start(), 'primary')}</div>` : nothing;
    switch (s.kind) {
      case 'requesting':
        return html`<div part="base">${h.heading(translate(lang, verifyUserStrings, 'startHeading'))}${h.who()}<p part="status" role="status">${this.t('requesting')}</p></div>`;
      case 'waiting-accept':
        return html`<div part="base">
          ${this.heading('waitingHeading')}
          ${h.who()}
          <p part="status" role="status">${this.t('waitingIntro')}</p>
          ${s.slow ? html`<p role="status">${this.t('noAnswer')}</p>` : nothing}
          <div class="row">${h.button(this.t('cancel'), () => void f?.cancel())}</div>
        </div>`;
      case 'accepting':
        return html`<div part="base">${h.heading(translate(lang, verifyUserStrings, 'incomingHeading'))}${h.who()}<p part="status" role="status">${this.t('accepting')}</p></div>`;
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
          <p part="status" role=${security ? 'alert' : 'status'} class=${security ? 'warning' : ''}>${userCancelText(lang, s)}</p>
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
