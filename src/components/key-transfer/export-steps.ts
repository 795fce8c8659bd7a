// The export steps of <xs-key-transfer>: checking for keys, "no keys yet", the passphrase form, progress with Cancel,
// and the outcome (saved, cancelled, failed). Rendered for the export flow's stage; every action goes back to the
// element or the flow through the context.
import { html, nothing, type TemplateResult } from 'lit';
import type { XsPassphraseValidityEvent } from '../../events/xs-passphrase-validity.js';
import { explainFailure } from '../../i18n/errors.strings.js';
import type { LocalizeController } from '../../i18n/localize.js';
import type { ExportStage, KeyExportFlow } from '../../state/key-export.js';
import { keyTransferStrings as S } from './key-transfer.strings.js';

type Terms = typeof S.en;
export type PlainKey = { [K in keyof Terms]: Terms[K] extends string ? K : never }[keyof Terms];

/** What the steps need from the element. */
export interface StepContext {
  t: LocalizeController;
  heading(key: PlainKey): TemplateResult;
  progress(value?: number): TemplateResult;
  percent(fraction: number): string;
  backButton(): TemplateResult | typeof nothing;
  flow: KeyExportFlow | undefined;
  userInputs: string[];
  passValid: boolean;
  onValidity: (e: XsPassphraseValidityEvent) => void;
  submit: (e: SubmitEvent) => void;
  finish(): void;
}

export function renderExportStep(s: ExportStage, c: StepContext): TemplateResult {
  const t = c.t;
  switch (s.kind) {
    case 'checking':
      return html`<div part="base">
        ${c.heading('exportHeading')}
        ${c.progress()}
        <p role="status" aria-live="polite" part="status">${t.t(S, 'exportChecking')}</p>
      </div>`;
    case 'empty':
      return html`<div part="base">
        ${c.heading('exportEmptyHeading')}
        <p role="status" part="status">${t.t(S, 'exportEmpty')}</p>
        <p>${t.t(S, 'exportEmptyWhy')}</p>
        <div class="row">
          <button type="button" part="action" @click=${() => c.flow?.reset(true)}>${t.t(S, 'checkAgain')}</button>
          ${c.backButton()}
        </div>
      </div>`;
    case 'idle':
      return html`<form part="base" @submit=${c.submit}>
        ${c.heading('exportHeading')}
        <p>${t.t(S, 'exportIntro')}</p>
        <p class="warning" part="warning">${t.t(S, 'exportWarning')}</p>
        <xs-new-passphrase .userInputs=${c.userInputs} @xs-passphrase-validity=${c.onValidity}></xs-new-passphrase>
        <div class="row">
          <button type="submit" class="primary" part="action" ?disabled=${!c.passValid}>${t.t(S, 'exportSubmit')}</button>
          ${c.backButton()}
        </div>
      </form>`;
    case 'working': {
      const text =
        s.phase === 'collecting' ? t.t(S, 'exportCollecting') : s.phase === 'key-derivation' ? t.t(S, 'exportKdf') : t.t(S, 'exportEncrypting', c.percent(s.fraction));
      return html`<div part="base">
        ${c.heading('exportWorkingHeading')}
        ${c.progress(s.phase === 'encryption' ? s.fraction : undefined)}
        <p role="status" aria-live="polite" part="status">${text}</p>
        <div class="row"><button type="button" part="action" @click=${() => c.flow?.cancel()}>${t.t(S, 'cancel')}</button></div>
      </div>`;
    }
    case 'done':
      return html`<div part="base">
        ${c.heading('exportDoneHeading')}
        <p role="status" part="status">${t.t(S, 'exportDone', t.number(s.count), s.fileName, s.count)}</p>
        <div class="row">
          <button type="button" class="primary" part="action" @click=${() => c.finish()}>${t.t(S, 'done')}</button>
        </div>
      </div>`;
    case 'cancelled':
      return html`<div part="base">
        ${c.heading('exportCancelledHeading')}
        <p role="status" part="status">${t.t(S, 'exportCancelled')}</p>
        <div class="row">
          <button type="button" class="primary" part="action" @click=${() => c.flow?.reset()}>${t.t(S, 'exportAgain')}</button>
          ${c.backButton()}
        </div>
      </div>`;
    case 'failed':
      return html`<div part="base">
        ${c.heading('exportFailedHeading')}
        <p role="alert">${s.noCrypto ? t.t(S, 'noCrypto') : explainFailure(t.lang, s.failure)}</p>
        <div class="row">
          <button type="button" class="primary" part="action" @click=${() => c.flow?.reset()}>${t.t(S, 'exportAgain')}</button>
          ${c.backButton()}
        </div>
      </div>`;
  }
}
