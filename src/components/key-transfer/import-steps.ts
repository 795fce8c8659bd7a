// The import steps of <xs-key-transfer>: choosing the file (picked or dropped) and typing its passphrase, decrypting
// with Cancel, storing the keys (no Cancel: the store can't be interrupted half-way), the report, and "cancelled".
// Rendered for the import flow's stage; every action goes back to the element or the flow through the context.
import { html, nothing, type TemplateResult } from 'lit';
import { filePicker } from '../../internal/file-picker.js';
import type { ImportStage, KeyImportFlow } from '../../state/key-import.js';
import { keyTransferStepStrings as S } from './key-transfer-steps.strings.js';
import { fileSize, importReport, problemText } from './key-transfer-text.js';
import { backButton, heading, percent, progress, type FrameContext } from './step-frame.js';

/** What the import steps need from the element. */
export interface ImportContext extends FrameContext {
  flow: KeyImportFlow | undefined;
  /** Why the last submit was refused before it started (no file, no passphrase). */
  hint: 'noFile' | 'noPassphrase' | undefined;
  submit(e: SubmitEvent): void;
  pickFile(file: File): void;
  dragging(on: boolean): void;
  finish(): void;
}

export function renderImportStep(s: ImportStage, c: ImportContext): TemplateResult {
  const t = c.t;
  switch (s.kind) {
    case 'choose': {
      const problem = s.problem ? problemText(t, s.problem) : c.hint ? t.t(S, c.hint) : undefined;
      return html`<form part="base" @submit=${c.submit}>
        ${heading(c, 'importHeading')}
        <p>${t.t(S, 'importIntro')}</p>
        ${filePicker({
          id: 'file',
          accept: '.txt,text/plain',
          label: t.t(S, 'chooseFile'),
          hint: t.t(S, 'dropHint'),
          chosen: s.file ? t.t(S, 'chosenFile', s.file.name, fileSize(t, s.file.size)) : undefined,
          onFile: (file) => c.pickFile(file),
          onDragging: (on) => c.dragging(on),
        })}
        <label for="import-passphrase">${t.t(S, 'passphraseLabel')}</label>
        <input id="import-passphrase" type="password" autocomplete="off" spellcheck="false" autocapitalize="off"
          aria-invalid=${s.problem?.kind === 'file' && s.problem.code === 'wrong-passphrase-or-damaged' ? 'true' : 'false'}
          aria-describedby=${problem ? 'problem' : nothing} />
        ${problem ? html`<p id="problem" role="alert">${problem}</p>` : nothing}
        <div class="row">
          <button type="submit" class="primary" part="action">${t.t(S, 'importSubmit')}</button>
          ${backButton(c)}
        </div>
      </form>`;
    }
    case 'decrypting':
      return html`<div part="base">
        ${heading(c, 'importWorkingHeading')}
        ${progress(c, s.phase === 'decryption' ? s.fraction : undefined)}
        <p role="status" aria-live="polite" part="status">${s.phase === 'key-derivation' ? t.t(S, 'importKdf') : t.t(S, 'importDecrypting', percent(c, s.fraction))}</p>
        <div class="row"><button type="button" part="action" @click=${() => c.flow?.cancel()}>${t.t(S, 'cancel')}</button></div>
      </div>`;
    case 'importing':
      return html`<div part="base">
        ${heading(c, 'importWorkingHeading')}
        ${progress(c, s.total ? s.done / s.total : undefined)}
        <p role="status" aria-live="polite" part="status">${s.total ? t.t(S, 'importStoring', t.number(s.done), t.number(s.total)) : t.t(S, 'importStoringStart')}</p>
        <p>${t.t(S, 'importNoCancel')}</p>
      </div>`;
    case 'done': {
      const r = s.report;
      return html`<div part="base">
        ${heading(c, r.imported || !(r.malformed || r.unknownAlgorithm) ? 'importDoneHeading' : 'importNothingHeading')}
        ${importReport(t, r)}
        <div class="row">
          <button type="button" class="primary" part="action" @click=${() => c.finish()}>${t.t(S, 'done')}</button>
          <button type="button" part="action" @click=${() => c.flow?.reset()}>${t.t(S, 'importAnother')}</button>
        </div>
      </div>`;
    }
    case 'cancelled':
      return html`<div part="base">
        ${heading(c, 'importCancelledHeading')}
        <p role="status" part="status">${t.t(S, 'importCancelled')}</p>
        <div class="row">
          <button type="button" class="primary" part="action" @click=${() => c.flow?.reset()}>${t.t(S, 'importAnother')}</button>
          ${backButton(c)}
        </div>
      </div>`;
  }
}
