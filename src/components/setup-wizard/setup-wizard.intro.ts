import { html, nothing, type TemplateResult } from 'lit';
import { XsRequestExportEvent } from '../../events/xs-request-export.js';
import type { SetupWizard, WizardStage } from '../../state/setup-wizard.js';
import type { AnyKey, LaterView } from './setup-wizard.view.js';

// Where the account stands when it is not new (already set up, keys missing, an interrupted run to repair), the
// reset's warning and typed confirmation, and choosing how to make the key (the first step of a key change). The
// first screen of a new account is drawn by the element itself (setup-wizard.ts); these load with the later steps.

function submitResetConfirm(v: LaterView, form: HTMLFormElement, w: SetupWizard) {
  const input = form.querySelector<HTMLInputElement>('#reset-word')!;
  w.confirmReset(input.value, v.t('resetWord'));
}

export function renderIntroStep(v: LaterView, s: WizardStage, w: SetupWizard): TemplateResult | undefined {
  const heading = (key: AnyKey) => v.heading(key);
  switch (s.kind) {
      case 'already-set-up':
        return html`<div part="base">
          ${heading('alreadyHeading')}
          <p>${v.t('alreadyBody')}</p>
          <div class="row">
            ${v.button(v.t('changeKey'), () => w.switchMode('change-key'), 'primary')}
            ${v.button(v.t('reset'), () => w.switchMode('reset'), 'danger')}
          </div>
        </div>`;
      case 'keys-missing':
        return html`<div part="base">
          ${heading('keysMissingHeading')}
          <p>${v.t('keysMissingBody')}</p>
          ${v.state.verifyHint ? html`<p role="status" part="status">${v.t('verifyHint')}</p>` : nothing}
          <div class="row">
            ${v.button(v.t('verifyThisSession'), () => v.requestVerify(), 'primary')}
            ${v.button(v.t('resetInstead'), () => w.switchMode('reset'), 'danger')}
          </div>
        </div>`;
      case 'explain':
        // An interrupted run (a new account's explanation is the element's own first screen).
        return html`<div part="base">
          ${heading('explainRepairHeading')}
          <p>${v.t('explainRepairBody')}</p>
          <div class="row">
            ${v.button(v.t('continue'), () => w.continue(), 'primary')}
            ${v.button(v.t('askLater'), () => w.dismiss())}
          </div>
        </div>`;
      case 'reset-warning':
        return html`<div part="base">
          ${heading('resetHeading')}
          <p>${v.t('resetIntro')}</p>
          <h3>${v.t('keptHeading')}</h3>
          <ul><li>${v.t('kept1')}</li><li>${v.t('kept2')}</li><li>${v.t('kept3')}</li></ul>
          <h3>${v.t('lostHeading')}</h3>
          <ul><li>${v.t('lost1')}</li><li>${v.t('lost2')}</li><li>${v.t('lost3')}</li></ul>
          ${s.activeSession ? nothing : html`<p class="warning" role="alert" id="no-session-warning">${v.t('noSessionWarning')}</p>`}
          ${v.state.exportHint ? html`<p role="status" part="status">${v.t('exportHint')}</p>` : nothing}
          <div class="row">
            ${v.button(v.t('exportFirst'), () => v.keep({ exportHint: v.emit(new XsRequestExportEvent('before-reset')) }))}
            ${v.button(v.t('resetContinue'), () => w.continue(), 'danger')}
            ${v.button(v.t('cancel'), () => w.dismiss())}
          </div>
        </div>`;
      case 'reset-confirm': {
        const word = v.t('resetWord');
        return html`<form part="base" @submit=${(e: SubmitEvent) => v.submitForm(e, (f) => submitResetConfirm(v, f, w))}>
          ${heading('resetConfirmHeading')}
          <label for="reset-word">${v.t('resetConfirmLabel', word)}</label>
          <input id="reset-word" type="text" autocomplete="off" spellcheck="false" autocapitalize="off" required
            aria-invalid=${s.mismatch ? 'true' : 'false'} aria-describedby=${s.mismatch ? 'reset-err' : nothing} />
          ${s.mismatch ? html`<p id="reset-err" role="alert">${v.t('resetConfirmMismatch', word)}</p>` : nothing}
          <div class="row">
            <button type="submit" part="action" class="danger">${v.t('resetConfirmButton')}</button>
            ${v.button(v.t('back'), () => void w.start('reset'))}
          </div>
        </form>`;
      }
      case 'choose':
        return html`<div part="base">
          ${heading(w.mode === 'change-key' ? 'chooseChangeHeading' : 'chooseHeading')}
          <p>${v.t('chooseBody')}</p>
          <div class="row">
            ${v.button(v.t('chooseKey'), () => w.choose('key'), 'primary')}
            ${v.button(v.t('choosePhrase'), () => w.choose('phrase'))}
            ${v.button(v.t('back'), () => w.back())}
          </div>
        </div>`;
    default:
      return undefined;
  }
}
