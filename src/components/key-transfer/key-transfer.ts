import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { MatrixClient } from 'matrix-js-sdk';
import '../../define/xs-new-passphrase.js';
import { XsErrorEvent } from '../../events/xs-error.js';
import { XsKeysExportedEvent } from '../../events/xs-keys-exported.js';
import { XsKeysImportedEvent } from '../../events/xs-keys-imported.js';
import type { XsPassphraseValidityEvent } from '../../events/xs-passphrase-validity.js';
import { explainFailure } from '../../i18n/errors.strings.js';
import { filePicker, filePickerStyles } from '../../internal/file-picker.js';
import { XsElement } from '../../internal/xs-element.js';
import { warmUpKeyFileWorkers } from '../../keyfile/megolm-key-file.js';
import { countRoomKeys, exportRoomKeys, importRoomKeys } from '../../sdk/room-keys.js';
import { KeyExportFlow, type ExportStage } from '../../state/key-export.js';
import { KeyImportFlow, type ImportStage } from '../../state/key-import.js';
import type { XsNewPassphrase } from '../new-passphrase/new-passphrase.js';
import { keyTransferStrings as S } from './key-transfer.strings.js';
import { keyTransferStyles } from './key-transfer.styles.js';
import { fileSize, importReport, problemCode, problemText } from './key-transfer-text.js';
import { renderExportStep } from './export-steps.js';

type View = 'menu' | 'export' | 'import';

type Terms = typeof S.en;
type PlainKey = { [K in keyof Terms]: Terms[K] extends string ? K : never }[keyof Terms];

/**
 * @summary Export the room keys of this device to a passphrase-protected file, and import such a file — with
 * progress, a real Cancel, and a report of what was imported. The file is the Matrix "Key exports" format, so it
 * works with Element and other clients.
 * @tag xs-key-transfer
 *
 * ```html
 * <xs-key-transfer></xs-key-transfer>                 <!-- a choice between export and import -->
 * <xs-key-transfer mode="import"></xs-key-transfer>   <!-- only one of them -->
 * ```
 *
 * @event xs-keys-exported - A key file was saved: `count` keys, `fileName`. Never the file or the passphrase.
 * @event xs-keys-imported - A key file was imported: `total` in the file, `imported` new, `skipped` already present or unusable.
 * @event xs-error - An export or import failed and the element explains it: `code`, `message`.
 * @csspart base - The wrapper of each step.
 * @csspart action - The buttons.
 * @csspart status - Progress text (a polite live region).
 * @csspart progress - The native `<progress>` bar.
 * @csspart warning - The warning about who can read an exported file.
 * @csspart drop-zone - The area that takes a dropped file (with the file button).
 * @csspart file-button - The button that opens the file dialog (the label of the visually hidden native file input).
 * @csspart report - The import report.
 * @csspart report-note - What was not imported, and why.
 * @cssprop [--xs-key-transfer-drop-border=var(--xs-color-border)] - Border colour of the drop zone.
 * @cssstate working - Exporting or importing.
 * @cssstate dragging - A file is dragged over the drop zone.
 */
export class XsKeyTransfer extends XsElement {
  static override styles = [...XsElement.styles, filePickerStyles, keyTransferStyles];

  /** Show only the export (`export`) or only the import (`import`); unset: a choice between both. */
  @property({ reflect: true }) mode?: 'export' | 'import';
  /** PBKDF2 rounds for new files (default 500 000, as Element). */
  @property({ type: Number, attribute: 'kdf-rounds' }) kdfRounds?: number;

  @state() private view: View = 'menu';
  @state() private exportStage: ExportStage = { kind: 'idle' };
  @state() private importStage: ImportStage = { kind: 'choose' };
  @state() private passValid = false;
  @state() private importHint?: 'noFile' | 'noPassphrase';

  @query('xs-new-passphrase') private newPassphrase?: XsNewPassphrase;
  @query('#import-passphrase') private importPassphrase?: HTMLInputElement;

  /** The file the import flow holds, to show it in a re-rendered file input (after a failed attempt, or a drop). */
  private chosenFile?: File;
  private exportFlow?: KeyExportFlow;
  private importFlow?: KeyImportFlow;
  /** Computed once per client: a new array on every render would make the strength meter re-score forever. */
  private userInputs: string[] = [];

  private get activeView(): View {
    return this.mode ?? this.view;
  }

  protected override stageKey(): string {
    const v = this.activeView;
    if (v === 'export') return `export:${this.exportStage.kind}`;
    if (v === 'import') return `import:${this.importStage.kind}`;
    return 'menu';
  }

  override connectedCallback() {
    super.connectedCallback();
    // Someone working in the element is about to export or import: start the crypto workers now, so that the call
    // does not wait for them to boot (they stop by themselves after a minute unused).
    this.addEventListener('focusin', warmUpKeyFileWorkers);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.removeEventListener('focusin', warmUpKeyFileWorkers);
  }

  protected override clientChanged(client: MatrixClient | undefined) {
    this.exportFlow?.reset();
    this.importFlow?.reset();
    this.exportFlow = this.importFlow = undefined;
    this.chosenFile = undefined;
    this.exportStage = { kind: 'idle' };
    this.importStage = { kind: 'choose' };
    if (!client) return;
    const userId = client.getUserId() ?? '';
    this.userInputs = [userId, userId.replace(/^@/, '').split(':')[0] ?? '', userId.split(':')[1] ?? ''].filter(Boolean);
    const exportFlow = (this.exportFlow = new KeyExportFlow({
      collect: () => exportRoomKeys(client),
      count: () => countRoomKeys(client),
      save: (file, name) => this.download(file, name),
      kdfRounds: () => this.kdfRounds,
    }));
    const importFlow = (this.importFlow = new KeyImportFlow({
      importKeys: (json, onProgress) => importRoomKeys(client, json, onProgress),
    }));
    const onExport = () => {
      const s = exportFlow.stage;
      this.exportStage = s;
      this.setCustomState('working', s.kind === 'working' || this.importStage.kind === 'decrypting' || this.importStage.kind === 'importing');
      if (s.kind === 'done') this.emit(new XsKeysExportedEvent(s.count, s.fileName));
      if (s.kind === 'failed') this.emit(new XsErrorEvent(`export-${s.failure.kind}`, explainFailure(this.localize.lang, s.failure), s.failure.httpStatus));
    };
    const onImport = () => {
      const s = importFlow.stage;
      this.importStage = s;
      this.setCustomState('working', s.kind === 'decrypting' || s.kind === 'importing');
      if (s.kind === 'done') {
        const r = s.report;
        this.emit(new XsKeysImportedEvent(r.total, r.imported, r.skipped, r.alreadyPresent, r.malformed, r.unknownAlgorithm));
      }
      if (s.kind === 'choose' && s.problem) this.emit(new XsErrorEvent(`import-${problemCode(s.problem)}`, problemText(this.localize, s.problem)));
    };
    exportFlow.addEventListener('change', onExport);
    importFlow.addEventListener('change', onImport);
    // The export form is shown only once it is known that there is something to export.
    if (this.activeView === 'export') void exportFlow.check();
    return () => {
      exportFlow.removeEventListener('change', onExport);
      importFlow.removeEventListener('change', onImport);
      // Leaving mid-flow stops the export (nothing is saved); an import already storing keys finishes in the store.
      exportFlow.cancel();
      importFlow.cancel();
    };
  }

  private download(file: Uint8Array<ArrayBuffer>, name: string) {
    const url = URL.createObjectURL(new Blob([file], { type: 'text/plain' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    a.rel = 'noopener';
    a.style.display = 'none';
    this.renderRoot.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }

  // ---- intents ----

  private open(view: View) {
    this.view = view;
    if (view === 'export') this.exportFlow?.reset(true);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('mode') && changed.get('mode') !== undefined && this.mode === 'export') this.exportFlow?.reset(true);
  }

  private onValidity = (e: XsPassphraseValidityEvent) => {
    // Only our own state changes here: never set a property of <xs-new-passphrase> in response.
    this.passValid = e.valid;
  };

  private submitExport(e: SubmitEvent) {
    e.preventDefault();
    const field = this.newPassphrase;
    if (!field || !field.valid || !this.exportFlow) return;
    const passphrase = field.takeValue();
    void this.exportFlow.start(passphrase);
  }

  private pickFile(file: File) {
    this.importHint = undefined;
    this.chosenFile = file;
    this.importFlow?.chooseFile(file);
  }

  private submitImport(e: SubmitEvent) {
    e.preventDefault();
    const flow = this.importFlow;
    const input = this.importPassphrase;
    if (!flow || !input) return;
    if (!flow.hasFile) {
      this.importHint = 'noFile';
      return;
    }
    if (!input.value) {
      this.importHint = 'noPassphrase';
      return;
    }
    this.importHint = undefined;
    const passphrase = input.value;
    input.value = '';
    void flow.start(passphrase);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // The file input is a new one after each attempt (the form is re-rendered after the progress step) and is
    // empty after a drop: without this it says "No file chosen" next to "Chosen: <file>".
    const s = this.importStage;
    if (this.activeView !== 'import' || s.kind !== 'choose') return;
    if (!s.file) {
      this.chosenFile = undefined;
      return;
    }
    const input = this.renderRoot.querySelector<HTMLInputElement>('#file');
    const file = this.chosenFile;
    if (!input || !file || input.files?.[0] === file) return;
    try {
      const list = new DataTransfer();
      list.items.add(file);
      input.files = list.files;
    } catch {
      // No DataTransfer constructor: the "Chosen:" line still names the file.
    }
  }

  // ---- rendering ----

  private heading(key: PlainKey) {
    return html`<h3 tabindex="-1" data-stage-heading>${this.localize.t(S, key)}</h3>`;
  }

  private backButton() {
    return this.mode ? nothing : html`<button type="button" part="action" @click=${() => this.open('menu')}>${this.localize.t(S, 'back')}</button>`;
  }

  private percent(f: number) {
    return this.localize.number(Math.min(1, Math.max(0, f)), { style: 'percent' });
  }

  private progress(value?: number) {
    return value === undefined
      ? html`<progress part="progress" aria-label=${this.localize.t(S, 'progressLabel')}></progress>`
      : html`<progress part="progress" max="1" .value=${value} aria-label=${this.localize.t(S, 'progressLabel')}></progress>`;
  }

  private renderMenu() {
    const t = this.localize;
    return html`<div part="base">
      ${this.heading('menuHeading')}
      <p>${t.t(S, 'menuIntro')}</p>
      <div class="row">
        <button type="button" part="action" @click=${() => this.open('export')}>${t.t(S, 'chooseExport')}</button>
        <button type="button" part="action" @click=${() => this.open('import')}>${t.t(S, 'chooseImport')}</button>
      </div>
    </div>`;
  }

  private renderExport() {
    return renderExportStep(this.exportStage, {
      t: this.localize,
      heading: (key) => this.heading(key),
      progress: (value) => this.progress(value),
      percent: (f) => this.percent(f),
      backButton: () => this.backButton(),
      flow: this.exportFlow,
      userInputs: this.userInputs,
      passValid: this.passValid,
      onValidity: this.onValidity,
      submit: (e) => this.submitExport(e),
      finish: () => this.finishExport(),
    });
  }

  private finishExport() {
    this.exportFlow?.reset();
    this.passValid = false;
    if (!this.mode) this.view = 'menu';
  }

  private finishImport() {
    this.importFlow?.reset();
    this.chosenFile = undefined;
    if (!this.mode) this.view = 'menu';
  }

  private renderImport() {
    const t = this.localize;
    const s = this.importStage;
    switch (s.kind) {
      case 'choose': {
        const problem = s.problem ? problemText(this.localize, s.problem) : this.importHint ? t.t(S, this.importHint) : undefined;
        return html`<form part="base" @submit=${(e: SubmitEvent) => this.submitImport(e)}>
          ${this.heading('importHeading')}
          <p>${t.t(S, 'importIntro')}</p>
          ${filePicker({
            id: 'file',
            accept: '.txt,text/plain',
            label: t.t(S, 'chooseFile'),
            hint: t.t(S, 'dropHint'),
            chosen: s.file ? t.t(S, 'chosenFile', s.file.name, fileSize(t, s.file.size)) : undefined,
            onFile: (file) => this.pickFile(file),
            onDragging: (on) => this.setCustomState('dragging', on),
          })}
          <label for="import-passphrase">${t.t(S, 'passphraseLabel')}</label>
          <input id="import-passphrase" type="password" autocomplete="off" spellcheck="false" autocapitalize="off"
            aria-invalid=${s.problem?.kind === 'file' && s.problem.code === 'wrong-passphrase-or-damaged' ? 'true' : 'false'}
            aria-describedby=${problem ? 'problem' : nothing} />
          ${problem ? html`<p id="problem" role="alert">${problem}</p>` : nothing}
          <div class="row">
            <button type="submit" class="primary" part="action">${t.t(S, 'importSubmit')}</button>
            ${this.backButton()}
          </div>
        </form>`;
      }
      case 'decrypting':
        return html`<div part="base">
          ${this.heading('importWorkingHeading')}
          ${this.progress(s.phase === 'decryption' ? s.fraction : undefined)}
          <p role="status" aria-live="polite" part="status">${s.phase === 'key-derivation' ? t.t(S, 'importKdf') : t.t(S, 'importDecrypting', this.percent(s.fraction))}</p>
          <div class="row"><button type="button" part="action" @click=${() => this.importFlow?.cancel()}>${t.t(S, 'cancel')}</button></div>
        </div>`;
      case 'importing':
        return html`<div part="base">
          ${this.heading('importWorkingHeading')}
          ${this.progress(s.total ? s.done / s.total : undefined)}
          <p role="status" aria-live="polite" part="status">${s.total ? t.t(S, 'importStoring', t.number(s.done), t.number(s.total)) : t.t(S, 'importStoringStart')}</p>
          <p>${t.t(S, 'importNoCancel')}</p>
        </div>`;
      case 'done': {
        const r = s.report;
        return html`<div part="base">
          ${this.heading(r.imported || !(r.malformed || r.unknownAlgorithm) ? 'importDoneHeading' : 'importNothingHeading')}
          ${importReport(t, r)}
          <div class="row">
            <button type="button" class="primary" part="action" @click=${() => this.finishImport()}>${t.t(S, 'done')}</button>
            <button type="button" part="action" @click=${() => this.importFlow?.reset()}>${t.t(S, 'importAnother')}</button>
          </div>
        </div>`;
      }
      case 'cancelled':
        return html`<div part="base">
          ${this.heading('importCancelledHeading')}
          <p role="status" part="status">${t.t(S, 'importCancelled')}</p>
          <div class="row">
            <button type="button" class="primary" part="action" @click=${() => this.importFlow?.reset()}>${t.t(S, 'importAnother')}</button>
            ${this.backButton()}
          </div>
        </div>`;
    }
  }

  protected override render() {
    if (!this.matrixClient) return html`<p part="status" role="status">${this.localize.t(S, 'notConnected')}</p>`;
    switch (this.activeView) {
      case 'menu': return this.renderMenu();
      case 'export': return this.renderExport();
      case 'import': return this.renderImport();
    }
  }
}
