// <xs-verify-login> after its first render, loaded in an idle moment after it (or at once when a verification is
// about to run): the flow for each role, the steps from "waiting" to "verified" or "cancelled" (the method steps are
// the shared VerificationSteps), the reset explanation, and the history restored after this session is verified.
import { html, nothing, type TemplateResult } from 'lit';
import type { MatrixClient } from 'matrix-js-sdk';
import type { VerificationRequest } from 'matrix-js-sdk/lib/crypto-api/index.js';
import { explainCancel } from '../../i18n/verification-cancel.strings.js';
import { translate } from '../../i18n/registry.js';
import { isolate } from '../../internal/bidi.js';
import { VerificationSteps, isMethodStage, type StepsHost } from '../../internal/verification-steps.js';
import { onVerificationRequest, portFor, requestFromOtherSessions, requestToOwnDevice } from '../../sdk/verification.js';
import { SECURITY_CODES, VerificationFlow, type VerificationStage, type VerifyRole } from '../../state/verification.js';
import { HistoryRestoreView } from './history-restore-view.js';
import { explainStartFailure, verifyStepsStrings } from './verify-login-steps.strings.js';
import { verifyStrings } from './verify-login.strings.js';

/** The later steps' styles, adopted by the element with this module. */
export { adoptStepStyles } from '../../internal/verification-steps.js';

type Key = keyof typeof verifyStepsStrings.en;

export interface LoginFlowOptions {
  role: VerifyRole;
  deviceId: string | undefined;
  request: VerificationRequest | undefined;
  confirmTimeoutMs: number;
  noAnswerMs: number;
}

/** The flow for a role: answer `request`, verify `deviceId`, or verify this session. */
export function createLoginFlow(client: MatrixClient, o: LoginFlowOptions): VerificationFlow {
  const { role, deviceId } = o;
  const timing = { confirmTimeoutMs: o.confirmTimeoutMs, noAnswerMs: o.noAnswerMs };
  return new VerificationFlow(
    role === 'incoming'
      ? { role, port: portFor(client, o.request!), ...timing }
      : {
          role,
          request: () => (deviceId ? requestToOwnDevice(client, deviceId) : requestFromOtherSessions(client)),
          ...timing,
          // Both sessions starting at once converge on one verification.
          watchIncoming: (l) => onVerificationRequest(client, (r) => l(portFor(client, r))),
          peer: { userId: client.getSafeUserId(), ...(deviceId ? { deviceId } : {}) },
        },
  );
}

/** Why a verification ended, worded for the side the element plays. */
export function loginCancelText(lang: string, flow: VerificationFlow | undefined, s: Extract<VerificationStage, { kind: 'cancelled' }>): string {
  return explainCancel(lang, s.code, flow && flow.role !== 'this-session' ? 'other-session' : 'this-session', s);
}

/** What the later steps need of the element. */
export interface LoginStepsHost extends StepsHost {
  readonly lang: string;
  readonly deviceId: string | undefined;
  readonly flow: VerificationFlow | undefined;
  heading(text: string): TemplateResult;
  button(label: string, onClick: () => void, cls?: string): TemplateResult;
  /** "Use your Security Key or Phrase" and "Can't confirm?" (this-session role), as the start step shows them. */
  keyOption(): unknown;
  cantConfirmButton(): unknown;
  /** The Security Key path, as the primary action (after an unsigned verification). */
  openKey(): void;
  /** Back to the start (after the reset explanation). */
  rebuild(): void;
}

/** <xs-verify-login>'s steps after the first one, for one element. */
export class LoginSteps {
  private readonly steps: VerificationSteps;
  /** After this session was verified: the secrets arriving and the history restored from the key backup. */
  readonly restore: HistoryRestoreView;

  constructor(private readonly host: LoginStepsHost) {
    this.steps = new VerificationSteps(host, verifyStepsStrings, () => host.lang, () => host.flow);
    this.restore = new HistoryRestoreView(host, () => host.lang);
  }

  /** A new flow starts, or the element goes away. */
  reset(): void {
    this.restore.reset();
    this.steps.reset();
  }

  private t(key: Key): string {
    return translate(this.host.lang, verifyStepsStrings, key as 'back');
  }

  private heading(key: Key): TemplateResult {
    return this.host.heading(this.t(key));
  }

  /** "Can't confirm?" was not handled by the host: the reset explained here. */
  renderReset(): TemplateResult {
    return html`<div part="base">
      ${this.heading('resetHeading')}
      <p part="status" role="status">${this.t('resetUnhandled')}</p>
      <div class="row">${this.host.button(this.t('back'), () => this.host.rebuild())}</div>
    </div>`;
  }

  render(s: VerificationStage): unknown {
    const h = this.host;
    const f = h.flow;
    const lang = h.lang;
    const thisSession = f?.role === 'this-session';
    if (isMethodStage(s)) return this.steps.render(s);
    switch (s.kind) {
      case 'waiting-accept':
        return html`<div part="base">
          ${this.heading('waitingHeading')}
          <p part="status" role="status">${h.deviceId
            ? translate(lang, verifyStepsStrings, 'waitingDeviceIntro', isolate(h.deviceId))
            : this.t('waitingAnyIntro')}</p>
          ${s.slow ? html`<p role="status" class="slow">${this.t(h.deviceId ? 'noAnswerDevice' : 'noAnswerAny')}</p>` : nothing}
          <div class="row">${h.keyOption()} ${h.button(this.t('cancel'), () => void f?.cancel())} ${h.cantConfirmButton()}</div>
        </div>`;
      case 'accepting':
        return html`<div part="base">${h.heading(translate(lang, verifyStrings, 'incomingHeading'))}<p part="status" role="status">${this.t('accepting')}</p></div>`;
      case 'done': {
        const deviceId = s.deviceId ?? h.deviceId;
        const text = thisSession
          ? this.t('doneThisSession')
          : deviceId ? translate(lang, verifyStepsStrings, 'doneOtherSession', isolate(deviceId)) : this.t('doneOtherUnknown');
        return html`<div part="base">${this.heading('doneHeading')}<p part="status" role="status">${text}</p>${this.restore.render()}</div>`;
      }
      case 'unsigned':
        // Both sides said done, but the server holds no signature: never the shield.
        return html`<div part="base">
          ${this.heading('unsignedHeading')}
          <p part="status" role="alert">${this.t(thisSession ? 'unsignedThisSession' : 'unsignedOther')}</p>
          ${f?.role !== 'incoming'
            ? html`<div class="row">${thisSession ? h.button(translate(lang, verifyStrings, 'useKey'), () => h.openKey(), 'primary') : nothing}
                ${h.button(this.t('startAgain'), () => void f?.start(), thisSession ? '' : 'primary')} ${h.cantConfirmButton()}</div>`
            : nothing}
        </div>`;
      case 'cancelled': {
        const security = SECURITY_CODES.includes(s.code);
        const quiet = s.code === 'm.accepted';
        const canRestart = f?.role !== 'incoming';
        return html`<div part="base">
          ${this.heading(security ? 'securityHeading' : 'cancelledHeading')}
          <p part="status" role=${security ? 'alert' : 'status'} class=${security ? 'warning' : ''}>${loginCancelText(lang, f, s)}</p>
          ${s.reason && !s.byUs && !quiet && !['m.user', 'm.accepted'].includes(s.code)
            ? html`<p class="quote">${translate(lang, verifyStepsStrings, 'otherReason', s.reason)}</p>`
            : nothing}
          ${canRestart && !quiet ? html`<div class="row">${h.button(this.t('startAgain'), () => void f?.start(), 'primary')} ${h.keyOption()} ${h.cantConfirmButton()}</div>` : nothing}
        </div>`;
      }
      case 'failed':
        return html`<div part="base">
          ${this.heading('failedHeading')}
          <p part="status" role="alert">${explainStartFailure(lang, s.failure)}</p>
          ${f?.role !== 'incoming' ? html`<div class="row">${h.button(this.t('startAgain'), () => void f?.start(), 'primary')} ${h.keyOption()} ${h.cantConfirmButton()}</div>` : nothing}
        </div>`;
      default:
        return nothing;
    }
  }
}
