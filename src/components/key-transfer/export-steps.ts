// The export steps of <xs-key-transfer>: checking for keys, "no keys yet", the passphrase form, progress with Cancel,
// and the outcome (saved, cancelled, failed). Rendered for the export flow's stage; every action goes back to the
// element or the flow through the context.
import { html, type TemplateResult } from 'lit';
import type { XsPassphraseValidityEvent } from '../../events/xs-passphrase-validity.js';
import { explainFailure } from '../../i18n/errors.strings.js';
import type { ExportStage, KeyExportFlow } from '../../state/key-export.js';
import { keyTransferStepStrings as S } from './key-transfer-steps.strings.js';
import { backButton, heading, percent, progress, type FrameContext } from './step-frame.js';

/** What the export steps need from the element. */
export interface StepContext extends FrameContext {
  flow: KeyExportFlow | undefined;
  userInputs: string[];
  passValid: boolean;
  onValidity(e: XsPassphraseValidityEvent): void;
  submit(e: SubmitEvent): void;
  finish(): void;
}

export function renderExportStep(s: ExportStage, c: StepContext): TemplateResult {
  const t = c.t;
  switch (s.kind) {
    case 'checking':
      return html`<div part="base">
        ${heading(c, 'exportHeading')}
        ${progress(c)}
        <p role="status" aria-live="polite" part="status">${t.t(S, 'exportChecking')}</p>
      </div>`;
    case 'empty':
      return html`<div part="base">
        ${heading(c, 'exportEmptyHeading')}
        <p role="status" part="status">${t.t(S, 'exportEmpty')}</p>
        <p>${t.t(S, 'exportEmptyWhy')}</p>
        <div class="row">
          <button type="button" part="action" @click=${() => c.flow?.reset(true)}>${t.t(S, 'checkAgain')}</button>
          ${backButton(c)}
        </div>
      </div>`;
    case 'idle':
      return html`<form part="base" @submit=${c.submit}>
        ${heading(c, 'exportHeading')}
        <p>${t.t(S, 'exportIntro')}</p>
        <p class="warning" part="warning">${t.t(S, 'exportWarning')}</p>
        <xs-new-passphrase .userInputs=${c.userInputs} @xs-passphrase-validity=${c.onValidity}></xs-new-passphrase>
        <div class="row">
          <button type="submit" class="primary" part="action" ?disabled=${!c.passValid}>${t.t(S, 'exportSubmit')}</button>
          ${backButton(c)}
        </div>
      </form>`;
    case 'working': {
      const text =
        s.phase === 'collecting' ? t.t(S, 'exportCollecting') : s.phase === 'key-derivation' ? t.t(S, 'exportKdf') : t.t(S, 'exportEncrypting', percent(c, s.fraction));
      return html`<div part="base">
        ${heading(c, 'exportWorkingHeading')}
        ${progress(c, s.phase === 'encryption' ? s.fraction : undefined)}
        <p role="status" aria-live="polite" part="status">${text}</p>
        <div class="row"><button type="button" part="action" @click=${() => c.flow?.cancel()}>${t.t(S, 'cancel')}</button></div>
      </div>`;
    }
    case 'done':
      return html`<div part="base">
        ${heading(c, 'exportDoneHeading')}
        <p role="status" part="status">${t.t(S, 'exportDone', t.number(s.count), s.fileName, s.count)}</p>
        <div class="row">
          <button type="button" class="primary" part="action" @click=${() => c.finish()}>${t.t(S, 'done')}</button>
        </div>
      </div>`;
    case 'cancelled':
      return html`<div part="base">
        ${heading(c, 'exportCancelledHeading')}
        <p role="status" part="status">${t.t(S, 'exportCancelled')}</p>
        <div class="row">
          <button type="button" class="primary" part="action" @click=${() => c.flow?.reset()}>${t.t(S, 'exportAgain')}</button>
          ${backButton(c)}
        </div>
      </div>`;
    case 'failed':
      return html`<div part="base">
        ${heading(c, 'exportFailedHeading')}
        <p role="alert">${s.noCrypto ? t.t(S, 'noCrypto') : explainFailure(t.lang, s.failure)}</p>
        <div class="row">
          <button type="button" class="primary" part="action" @click=${() => c.flow?.reset()}>${t.t(S, 'exportAgain')}</button>
          ${backButton(c)}
        </div>
      </div>`;
  }
}
