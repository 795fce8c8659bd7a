import { html, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { MatrixClient } from 'matrix-js-sdk';
import { XsErrorEvent } from '../../events/xs-error.js';
import { XsKeysExportedEvent } from '../../events/xs-keys-exported.js';
import { XsKeysImportedEvent } from '../../events/xs-keys-imported.js';
import type { XsPassphraseValidityEvent } from '../../events/xs-passphrase-validity.js';
import { explainFailure } from '../../i18n/errors.strings.js';
import { filePickerStyles } from '../../internal/file-picker.styles.js';
import { XsElement } from '../../internal/xs-element.js';
import type { ExportStage } from '../../state/key-export.js';
import type { ImportStage } from '../../state/key-import.js';
import type { XsNewPassphrase } from '../new-passphrase/new-passphrase.js';
import type { BoundFlows } from './key-transfer-steps.js';
import { keyTransferStrings as S } from './key-transfer.strings.js';
import { keyTransferStyles } from './key-transfer.styles.js';

type View = 'menu' | 'export' | 'import';

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

  /**
   * The steps past the choice, their flows and the key file behind them (key-transfer-steps.ts): loaded when a step
   * is shown, or in the first idle moment after the choice was rendered.
   */
  private readonly steps = this.lazy(() => import('./key-transfer-steps.js'));
  /** The file the import flow holds, to show it in a re-rendered file input (after a failed attempt, or a drop). */
  private chosenFile?: File;
  /** The flows of the current client, once the steps are loaded (bound in `willUpdate`). */
  private flows?: BoundFlows & { client: MatrixClient };
  /** Computed once per client: a new array on every render would make the strength meter re-score forever. */
  private userInputs: string[] = [];

  private get activeView(): View {
    return this.mode ?? this.view;
  }

  protected override stageKey(): string | undefined {
    const v = this.activeView;
    if (v === 'menu') return 'menu';
    // A step still loading has no heading to focus yet: its key comes with it.
    if (!this.flows) return undefined;
    if (v === 'export') return `export:${this.exportStage.kind}`;
    return `import:${this.importStage.kind}`;
  }

  override connectedCallback() {
    super.connectedCallback();
    // Someone working in the element is about to export or import: start the crypto workers now, so that the call
    // does not wait for them to boot (they stop by themselves after a minute unused).
    this.addEventListener('focusin', this.warmUp);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.removeEventListener('focusin', this.warmUp);
  }

  private readonly warmUp = () => {
    void this.steps.load().then((m) => m.warmUpKeyFileWorkers(), () => undefined);
  };

  protected override clientChanged(client: MatrixClient | undefined) {
    this.chosenFile = undefined;
    this.exportStage = { kind: 'idle' };
    this.importStage = { kind: 'choose' };
    if (!client) return;
    const userId = client.getUserId() ?? '';
    this.userInputs = [userId, userId.replace(/^@/, '').split(':')[0] ?? '', userId.split(':')[1] ?? ''].filter(Boolean);
    return () => {
      this.flows?.unbind();
      this.flows = undefined;
    };
  }

  /** Binds the flows of the client once the steps are here (they arrive by themselves: see `steps`). */
  private bindFlows() {
    const client = this.matrixClient;
    const m = this.steps.value;
    if (!m || !client || !this.isConnected || this.flows?.client === client) return;
    const bound = m.bindFlows(client, {
      root: this.renderRoot,
      kdfRounds: () => this.kdfRounds,
      exportChanged: (s) => {
        this.exportStage = s;
        this.setCustomState('working', s.kind === 'working' || this.importStage.kind === 'decrypting' || this.importStage.kind === 'importing');
        if (s.kind === 'done') this.emit(new XsKeysExportedEvent(s.count, s.fileName));
        if (s.kind === 'failed') this.emit(new XsErrorEvent(`export-${s.failure.kind}`, explainFailure(this.localize.lang, s.failure), s.failure.httpStatus));
      },
      importChanged: (s) => {
        this.importStage = s;
        this.setCustomState('working', s.kind === 'decrypting' || s.kind === 'importing');
        if (s.kind === 'done') {
          const r = s.report;
          this.emit(new XsKeysImportedEvent(r.total, r.imported, r.skipped, r.alreadyPresent, r.malformed, r.unknownAlgorithm));
        }
        if (s.kind === 'choose' && s.problem) this.emit(new XsErrorEvent(`import-${m.problemCode(s.problem)}`, m.problemText(this.localize, s.problem)));
      },
    });
    this.flows = { ...bound, client };
    // The export form is shown only once it is known that there is something to export.
    if (this.activeView === 'export') void bound.exportFlow.check();
  }

  // ---- intents ----

  private open(view: View) {
    this.view = view;
    if (view === 'export') this.flows?.exportFlow.reset(true);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('mode') && changed.get('mode') !== undefined && this.mode === 'export') this.flows?.exportFlow.reset(true);
    // Only once the steps are here (reading `steps.value` before would load them for the choice alone).
    if (this.steps.ready) this.bindFlows();
  }

  private onValidity = (e: XsPassphraseValidityEvent) => {
    // Only our own state changes here: never set a property of <xs-new-passphrase> in response.
    this.passValid = e.valid;
  };

  private submitExport(e: SubmitEvent) {
    e.preventDefault();
    const field = this.newPassphrase;
    const flow = this.flows?.exportFlow;
    if (!field || !field.valid || !flow) return;
    const passphrase = field.takeValue();
    void flow.start(passphrase);
  }

  private pickFile(file: File) {
    this.importHint = undefined;
    this.chosenFile = file;
    this.flows?.importFlow.chooseFile(file);
  }

  private submitImport(e: SubmitEvent) {
    e.preventDefault();
    const flow = this.flows?.importFlow;
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

  private finishExport() {
    this.flows?.exportFlow.reset();
    this.passValid = false;
    if (!this.mode) this.view = 'menu';
  }

  private finishImport() {
    this.flows?.importFlow.reset();
    this.chosenFile = undefined;
    if (!this.mode) this.view = 'menu';
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

  private renderMenu() {
    const t = this.localize;
    return html`<div part="base">
      <h3 tabindex="-1" data-stage-heading>${t.t(S, 'menuHeading')}</h3>
      <p>${t.t(S, 'menuIntro')}</p>
      <div class="row">
        <button type="button" part="action" @click=${() => this.open('export')}>${t.t(S, 'chooseExport')}</button>
        <button type="button" part="action" @click=${() => this.open('import')}>${t.t(S, 'chooseImport')}</button>
      </div>
    </div>`;
  }

  protected override render() {
    if (!this.matrixClient) return html`<p part="status" role="status">${this.localize.t(S, 'notConnected')}</p>`;
    const view = this.activeView;
    if (view === 'menu') return this.renderMenu();
    const m = this.steps.value;
    // The step arrives in a moment (this renders again then; `updateComplete` waits for it).
    if (!m || !this.flows) return html`<div part="base"></div>`;
    const frame = { t: this.localize, back: this.mode ? undefined : () => this.open('menu') };
    if (view === 'export') {
      return m.renderExportStep(this.exportStage, {
        ...frame,
        flow: this.flows.exportFlow,
        userInputs: this.userInputs,
        passValid: this.passValid,
        onValidity: this.onValidity,
        submit: (e) => this.submitExport(e),
        finish: () => this.finishExport(),
      });
    }
    return m.renderImportStep(this.importStage, {
      ...frame,
      flow: this.flows.importFlow,
      hint: this.importHint,
      submit: (e) => this.submitImport(e),
      pickFile: (file) => this.pickFile(file),
      dragging: (on) => this.setCustomState('dragging', on),
      finish: () => this.finishImport(),
    });
  }
}
