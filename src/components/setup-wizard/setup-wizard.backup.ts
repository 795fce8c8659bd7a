import { html, nothing, type TemplateResult } from 'lit';
import { explainFailure } from '../../i18n/errors.strings.js';
import type { SetupWizard, WizardStage } from '../../state/setup-wizard.js';
import type { LaterView } from './setup-wizard.view.js';

// The steps about a key backup that this session cannot use (another app's, or an earlier identity's): show it,
// restore from it with its key, keep it, or replace it after an explicit confirmation.

function submitBackupKey(form: HTMLFormElement, w: SetupWizard) {
  const input = form.querySelector<HTMLInputElement>('#backup-key')!;
  const value = input.value;
  input.value = '';
  void w.submitBackupKey(value);
}

export function renderBackupStep(v: LaterView, s: WizardStage, w: SetupWizard): TemplateResult | undefined {
  switch (s.kind) {
      case 'existing-backup':
        return html`<div part="base">
          ${v.heading('existingBackupHeading')}
          <p>${v.t('existingBackupBody', s.version)}</p>
          <div class="row">
            ${v.button(v.t('useBackup'), () => w.useExistingBackup(), 'primary')}
            ${v.button(v.t('keepBackup'), () => w.keepExistingBackup())}
            ${v.button(v.t('replaceBackup'), () => w.replaceExistingBackup(), 'danger')}
            ${v.button(v.t('back'), () => w.back())}
          </div>
        </div>`;
      case 'backup-key': {
        const err = s.problem === 'malformed' ? v.t('backupKeyMalformed') : s.problem === 'mismatch' ? v.t('backupKeyMismatch') : s.failure ? explainFailure(v.localize.lang, s.failure) : '';
        return html`<form part="base" @submit=${(e: SubmitEvent) => v.submitForm(e, (f) => submitBackupKey(f, w))}>
          ${v.heading('backupKeyHeading')}
          <p id="backup-key-body">${v.t('backupKeyBody')}</p>
          <label for="backup-key">${v.t('backupKeyLabel')}</label>
          <input id="backup-key" type="text" autocomplete="off" spellcheck="false" autocapitalize="off" required
            aria-describedby=${err ? 'backup-key-body backup-key-err' : 'backup-key-body'} aria-invalid=${err ? 'true' : 'false'} />
          ${err ? html`<p id="backup-key-err" role="alert">${err}</p>` : nothing}
          <div class="row">
            <button type="submit" part="action" class="primary">${v.t('continue')}</button>
            ${v.button(v.t('back'), () => w.back())}
          </div>
        </form>`;
      }
      case 'connecting-backup':
        return html`<div part="base"><p part="status" role="status">${v.t('connectingBackup')}</p></div>`;
      case 'backup-replace-confirm':
        return html`<div part="base">
          ${v.heading('replaceHeading')}
          <p class="warning" role="alert">${v.t('replaceBody', s.version)}</p>
          <div class="row">
            ${v.button(v.t('replaceConfirm'), () => w.confirmReplaceBackup(), 'danger')}
            ${v.button(v.t('back'), () => w.back())}
          </div>
        </div>`;
    default:
      return undefined;
  }
}
