// <xs-verify-login> after its first render, loaded in an idle moment after it (or at once when a verification is
// about to run): the flow for each role and what its outcome emits, what the start step's "Use your Security Key or
// Phrase" and "Can't confirm?" do, the steps from "waiting" to "verified" or "cancelled" (the method steps are the
// shared VerificationSteps), the reset explanation, and the history restored after this session is verified.
import { html, nothing, type TemplateResult } from 'lit';
import type { MatrixClient } from 'matrix-js-sdk';
import { XsRequestResetEvent } from '../../events/xs-request-reset.js';
import { XsVerifiedEvent } from '../../events/xs-verified.js';
import { explainCancel } from '../../i18n/verification-cancel.strings.js';
import { translate } from '../../i18n/registry.js';
import { isolate } from '../../internal/bidi.js';
import { VerificationSteps, isMethodStage } from '../../internal/verification-steps.js';
import { onVerificationRequest, portFor, requestFromOtherSessions, requestToOwnDevice } from '../../sdk/verification.js';
import { SECURITY_CODES, VerificationFlow, type VerificationStage } from '../../state/verification.js';
import { HistoryRestoreView } from './history-restore-view.js';
import type { KeyEntry } from './verify-login-key.js';
import { explainStartFailure, verifyStepsStrings } from './verify-login-steps.strings.js';
import { verifyStrings } from './verify-login.strings.js';
import type { XsVerifyLogin } from './verify-login.js';

/** The later steps' styles, adopted by the element with this module. */
export { adoptStepStyles } from '../../internal/verification-steps.js';
export * from '../../internal/verification-wiring.js';

type Key = keyof typeof verifyStepsStrings.en;

/** The flow for the element's role: answer `.request`, verify `device-id`, or verify this session. */
export function createFlow(el: XsVerifyLogin, client: MatrixClient): VerificationFlow {
  const role = el.flowRole;
  const deviceId = el.deviceId;
  const timing = { confirmTimeoutMs: el.confirmTimeout, noAnswerMs: el.noAnswerTimeout };
  return new VerificationFlow(
    role === 'incoming'
      ? { role, port: portFor(client, el.request!), ...timing }
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
export function cancelText(el: XsVerifyLogin, flow: VerificationFlow | undefined, s: Extract<VerificationStage, { kind: 'cancelled' }>): string {
  return explainCancel(el.uiLang, s.code, flow && flow.role !== 'this-session' ? 'other-session' : 'this-session', s);
}

/** The verification succeeded (read back): the history restore starts (this session), then `xs-verified`. */
export function succeeded(el: XsVerifyLogin, flow: VerificationFlow, s: Extract<VerificationStage, { kind: 'done' }>): void {
  const client = el.flowClient;
  const userId = flow.ownUserId ?? client?.getSafeUserId() ?? '';
  const deviceId = flow.role === 'this-session' ? (flow.ownDeviceId ?? '') : (s.deviceId ?? el.deviceId ?? '');
  // First the shared account model learns that keys are on their way (so <xs-status> says so), then the host.
  if (flow.role === 'this-session' && client) viewOf(el).restore.start(client);
  el.dispatchEvent(new XsVerifiedEvent(userId, deviceId));
}

/** The element's later steps (made once, with this module). */
export function viewOf(el: XsVerifyLogin): LoginSteps {
  return (el.stepsView ??= new LoginSteps(el));
}

/** "Can't confirm?": the host opens its reset step (cancels the event), or the element explains the reset. */
export function cantConfirm(el: XsVerifyLogin): void {
  const f = el.flow;
  if (f && !f.settled && !['start', 'failed'].includes(el.stage.kind)) void f.cancel();
  if (el.dispatchEvent(new XsRequestResetEvent('cannot-verify'))) el.resetUnhandled = true;
}

/** Switches to the Security Key / Phrase path (this-session role); a pending request is cancelled first. */
export async function openKey(el: XsVerifyLogin): Promise<void> {
  const client = el.flowClient;
  if (!client) return;
  if (el.flow && !el.flow.settled && el.stage.kind !== 'start') await el.flow.cancel();
  const { KeyEntry } = await import('./verify-login-key.js');
  if (client !== el.flowClient) return; // the client changed (or the element went away) meanwhile
  el.closeKey();
  const back = () => {
    el.closeKey();
    if (el.flow?.settled && el.flow.role === 'this-session') el.build(client);
  };
  const entry: KeyEntry = new KeyEntry(client, {
    get lang() {
      return el.uiLang;
    },
    get root() {
      return el.shadowRoot;
    },
    changed: () => {
      if (entry === el.keyEntry) el.requestUpdate();
    },
    emit: (event) => el.dispatchEvent(event),
    verified: () => {
      if (entry !== el.keyEntry) return;
      el.alreadyVerified = true;
      el.keysOutOfSync = false;
      // As after a verification with another session: the history from the key backup, followed on "Verified".
      viewOf(el).restore.start(client);
      el.dispatchEvent(new XsVerifiedEvent(client.getSafeUserId(), client.getDeviceId() ?? ''));
    },
    afterDone: () => viewOf(el).restore.render(),
    back,
    useOtherSession: () => {
      back();
      el.withFlow((f) => f.start());
    },
  });
  el.keyEntry = entry;
  await entry.load();
}

/** <xs-verify-login>'s steps after the first one, for one element. */
export class LoginSteps {
  private readonly steps: VerificationSteps;
  /** After this session was verified: the secrets arriving and the history restored from the key backup. */
  readonly restore: HistoryRestoreView;

  constructor(private readonly host: XsVerifyLogin) {
    this.steps = new VerificationSteps(host, verifyStepsStrings, () => host.uiLang, () => host.flow);
    this.restore = new HistoryRestoreView(host, () => host.uiLang);
  }

  /** A new flow starts, or the element goes away. */
  reset(): void {
    this.restore.reset();
    this.steps.reset();
  }

  private t(key: Key): string {
    return translate(this.host.uiLang, verifyStepsStrings, key as 'back');
  }

  private heading(key: Key): TemplateResult {
    return this.host.headingOf(this.t(key));
  }

  /** "Can't confirm?" was not handled by the host: the reset explained here. */
  renderReset(): TemplateResult {
    return html`<div part="base">
      ${this.heading('resetHeading')}
      <p part="status" role="status">${this.t('resetUnhandled')}</p>
      <div class="row">${this.host.button(this.t('back'), () => this.host.build(this.host.flowClient))}</div>
    </div>`;
  }

  render(s: VerificationStage): unknown {
    const h = this.host;
    const f = h.flow;
    const lang = h.uiLang;
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
        return html`<div part="base">${h.headingOf(translate(lang, verifyStrings, 'incomingHeading'))}<p part="status" role="status">${this.t('accepting')}</p></div>`;
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
          <p part="status" role=${security ? 'alert' : 'status'} class=${security ? 'warning' : ''}>${cancelText(h, f, s)}</p>
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
