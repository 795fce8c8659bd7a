import { html, nothing, type TemplateResult } from 'lit';
import { XsErrorEvent } from '../../events/xs-error.js';
import type { XsEvent } from '../../events/xs-event.js';
import { XsRequestSessionsEvent } from '../../events/xs-request-sessions.js';
import { XsSetupCompleteEvent } from '../../events/xs-setup-complete.js';
import { XsSetupClosedEvent } from '../../events/xs-setup-closed.js';
import { explainFailure } from '../../i18n/errors.strings.js';
import type { SetupWizard, WizardStage } from '../../state/setup-wizard.js';
import type { SetupGap } from '../../sdk/setup.js';
import type { LaterView } from './setup-wizard.view.js';
import { setupStepStrings as S } from './setup-wizard.steps.strings.js';

const GAP_KEYS: Record<SetupGap, keyof typeof S.en> = {
  'cross-signing-keys': 'gapKeys',
  'secret-storage': 'gapStorage',
  'cross-signing-stored': 'gapStored',
  backup: 'gapBackup',
  'backup-key-stored': 'gapBackupStored',
  'dehydrated-device': 'gapDehydrated',
};

// The steps of a commit and its outcome: saving (with the stall, join and rate-limit states), the sign-in prompt,
// failure, restoring history, and the end screens — each of which states only what was read back from the server.

/** The events of a step these views draw, when the wizard arrives at it from `prev`: done, or why not. */
export function announceOutcome(emit: (event: XsEvent) => void, lang: string, prev: WizardStage, s: WizardStage): void {
  if (s.kind === 'done' && prev.kind !== 'done') emit(new XsSetupCompleteEvent(s.mode, s.method));
  if ((s.kind === 'generate-failed' || s.kind === 'commit-failed') && prev.kind !== s.kind) {
    const code = s.kind === 'commit-failed' && s.identityExists ? 'identity-exists' : s.kind === 'commit-failed' && s.gaps.length ? 'setup-incomplete' : s.failure.kind;
    emit(new XsErrorEvent(code, explainFailure(lang, s.failure), s.failure.httpStatus));
  }
}

/** Done: the host may remove the wizard; else it shows where the account stands. */
function closeDone(v: LaterView, w: SetupWizard) {
  v.emit(new XsSetupClosedEvent());
  void w.start('setup');
}

export function renderOutcomeStep(v: LaterView, s: WizardStage, w: SetupWizard): TemplateResult | undefined {
  switch (s.kind) {
      case 'committing': {
        const stepKey = s.step === 'reset' ? 'stepReset' : s.step === 'identity' ? 'stepIdentity' : s.step === 'storage' ? 'stepStorage' : 'stepVerifying';
        return html`<div part="base">
          ${v.heading('commitHeading')}
          <p part="status" role="status">${v.t(stepKey)}${s.joined ? html`<br />${v.t('joined')}` : nothing}${s.stalled ? html`<br />${v.t('stalled')}` : nothing}</p>
          ${s.retryAt && s.retryAt > Date.now() ? html`<p part="status" class="countdown">${v.t('rateLimitedSaving', v.num(Math.ceil((s.retryAt - Date.now()) / 1000)))}</p>` : nothing}
          ${s.stalled
            ? html`<div class="row">${v.button(v.t('keepWaiting'), () => w.retry(), 'primary')}${v.button(v.t('stopWaiting'), () => w.cancelCommit())}</div>`
            : nothing}
        </div>`;
      }
      case 'stopped-waiting':
        return html`<div part="base">
          ${v.heading('stoppedHeading')}
          <p role="status" part="status">${v.t('stoppedBody')}</p>
          <div class="row">${v.button(v.t('retry'), () => w.retry(), 'primary')}${v.button(v.t('closeUnfinished'), () => w.dismiss())}</div>
        </div>`;
      case 'reset-cancelled':
        return html`<div part="base">
          ${v.heading('resetCancelledHeading')}
          <p role="status" part="status">${v.t('resetCancelledBody')}</p>
          <div class="row">${v.button(v.t('close'), () => w.dismiss(), 'primary')}${v.button(v.t('startAgain'), () => w.retry())}</div>
        </div>`;
      case 'restoring':
        return html`<div part="base">
          ${v.heading('commitHeading')}
          <p part="status" role="status">${s.total ? v.t('restoringProgress', v.num(s.done), v.num(s.total)) : v.t('restoring')}</p>
          ${s.total ? html`<progress max=${s.total} value=${s.done} aria-hidden="true"></progress>` : nothing}
        </div>`;
      case 'auth':
        // The prompt shows its own "Confirm it’s you" heading: a second visible one right above it would repeat it.
        return html`<div part="base">
          ${v.heading('authHeading', true)}
          <xs-auth-prompt part="auth" .session=${s.uia}></xs-auth-prompt>
        </div>`;
      case 'commit-failed': {
        const gaps = s.gaps.map((g) => v.t(GAP_KEYS[g])).join(', ');
        return html`<div part="base">
          ${v.heading('failedHeading')}
          <p role="alert">
            ${s.identityExists ? v.t('failedIdentity') : s.failure.kind === 'aborted' ? v.t('failedAborted') : v.t('failedBody')}
            ${s.failure.kind !== 'aborted' && !s.identityExists && !gaps ? explainFailure(v.localize.lang, s.failure) : nothing}
            ${gaps ? v.t('failedGaps', gaps) : nothing}
          </p>
          ${s.failure.kind === 'rate-limited' ? html`<p part="status" role="status" aria-live="polite">${v.retryAt ? v.t('rateLimited', v.num(Math.max(1, Math.ceil((v.retryAt - Date.now()) / 1000)))) : v.t('rateLimitedNow')}</p>` : nothing}
          <div class="row">
            ${s.identityExists
              ? v.button(v.t('verifyThisSession'), () => v.requestVerify(), 'primary')
              : v.button(v.t('retry'), () => w.retry(), 'primary', v.retryAt > 0)}
            ${v.button(v.t('closeUnfinished'), () => w.dismiss())}
          </div>
          ${v.state.verifyHint ? html`<p role="status" part="status">${v.t('verifyHint')}</p>` : nothing}
        </div>`;
      }
      case 'done':
        return html`<div part="base">
          ${v.heading('doneHeading')}
          <p part="status" role="status">${v.t(s.mode === 'reset' ? 'doneReset' : s.mode === 'change-key' ? 'doneChange' : 'doneSetup')}
            ${s.restored === null ? nothing : s.restored < 0 ? v.t('restoreFailed') : v.localize.t(S, 'restoredKeys', s.restored, v.num(s.restored))}</p>
          <div class="row">
            ${s.mode === 'reset' ? v.button(v.t('reviewSessions'), () => v.keep({ sessionsHint: v.emit(new XsRequestSessionsEvent('after-reset')) })) : nothing}
            ${v.button(v.t('done'), () => closeDone(v, w), 'primary')}
          </div>
          ${v.state.sessionsHint ? html`<p role="status" part="status">${v.t('reviewHint')}</p>` : nothing}
        </div>`;
      case 'done-without-backup':
        return html`<div part="base">
          ${v.heading('doneWithoutBackupHeading')}
          <p part="status" role="status">${v.t('doneWithoutBackupBody', s.version)}</p>
          <div class="row">
            ${v.button(v.t('useBackup'), () => w.useExistingBackup(), 'primary')}
            ${v.button(v.t('replaceBackup'), () => w.replaceExistingBackup(), 'danger')}
            ${v.button(v.t('done'), () => closeDone(v, w))}
          </div>
        </div>`;
    default:
      return undefined;
  }
}
