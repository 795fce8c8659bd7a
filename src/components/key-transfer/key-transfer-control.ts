// What <xs-key-transfer> does past its first render (the choice between export and import), loaded with the steps
// (key-transfer-steps.ts): the flows' stages and the element's events for them, the export and import forms'
// intents, and which step to render. The element keeps the choice and hands the rest to this.
import type { MatrixClient } from 'matrix-js-sdk';
import { XsErrorEvent } from '../../events/xs-error.js';
import type { XsEvent } from '../../events/xs-event.js';
import { XsKeysExportedEvent } from '../../events/xs-keys-exported.js';
import { XsKeysImportedEvent } from '../../events/xs-keys-imported.js';
import type { XsPassphraseValidityEvent } from '../../events/xs-passphrase-validity.js';
import { explainFailure } from '../../i18n/errors.strings.js';
import type { LocalizeController } from '../../i18n/localize.js';
import { adoptStyles } from '../../internal/lazy-styles.js';
import { filePickerStyles } from '../../internal/file-picker.styles.js';
import type { ExportStage } from '../../state/key-export.js';
import type { ImportStage } from '../../state/key-import.js';
import type { XsNewPassphrase } from '../new-passphrase/new-passphrase.js';
import { renderExportStep } from './export-steps.js';
import { renderImportStep } from './import-steps.js';
import { bindFlows, type BoundFlows } from './key-transfer-steps.js';
import { keyTransferStepStyles } from './key-transfer-steps.styles.js';
import { problemCode, problemText } from './key-transfer-text.js';

/** What the steps need from the element. */
export interface StepsHost {
  requestUpdate(): void;
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly t: LocalizeController;
  kdfRounds(): number | undefined;
  emit(e: XsEvent): void;
  setState(name: 'working' | 'dragging', on: boolean): void;
  /** Back to the choice; undefined when the element shows only one of export and import (`mode`). */
  back(): (() => void) | undefined;
}

/** The steps of one element: the flows of its client, their stages, and the forms' intents. */
export class KeyTransferSteps {
  exportStage: ExportStage = { kind: 'idle' };
  importStage: ImportStage = { kind: 'choose' };
  private passValid = false;
  private importHint?: 'noFile' | 'noPassphrase';
  /** The file the import flow holds, to show it in a re-rendered file input (after a failed attempt, or a drop). */
  private chosenFile?: File;
  /** The flows of the current client. */
  flows?: BoundFlows & { client: MatrixClient };
  /** Computed once per client: a new array on every render would make the strength meter re-score forever. */
  private userInputs: string[] = [];

  constructor(private readonly h: StepsHost) {
    // The steps' styles join the element's before the first step renders.
    adoptStyles(h.renderRoot, filePickerStyles, keyTransferStepStyles);
  }

  private changed() {
    this.h.requestUpdate();
  }

  /** The client changed (or went): its flows go, the stages start over. */
  unbind(): void {
    this.flows?.unbind();
    this.flows = undefined;
    this.chosenFile = undefined;
    this.exportStage = { kind: 'idle' };
    this.importStage = { kind: 'choose' };
  }

  /** Binds the flows of `client` unless bound (`exporting`: the export step is shown, so it checks for keys). */
  bind(client: MatrixClient | undefined, exporting: boolean): void {
    if (!client || this.flows?.client === client) return;
    this.unbind();
    const userId = client.getUserId() ?? '';
    this.userInputs = [userId, userId.replace(/^@/, '').split(':')[0] ?? '', userId.split(':')[1] ?? ''].filter(Boolean);
    const h = this.h;
    const bound = bindFlows(client, {
      root: h.renderRoot,
      kdfRounds: () => h.kdfRounds(),
      exportChanged: (s) => {
        this.exportStage = s;
        h.setState('working', s.kind === 'working' || this.importStage.kind === 'decrypting' || this.importStage.kind === 'importing');
        this.changed();
        if (s.kind === 'done') h.emit(new XsKeysExportedEvent(s.count, s.fileName));
        if (s.kind === 'failed') h.emit(new XsErrorEvent(`export-${s.failure.kind}`, explainFailure(h.t.lang, s.failure), s.failure.httpStatus));
      },
      importChanged: (s) => {
        this.importStage = s;
        h.setState('working', s.kind === 'decrypting' || s.kind === 'importing');
        this.changed();
        if (s.kind === 'done') {
          const r = s.report;
          h.emit(new XsKeysImportedEvent(r.total, r.imported, r.skipped, r.alreadyPresent, r.malformed, r.unknownAlgorithm));
        }
        if (s.kind === 'choose' && s.problem) h.emit(new XsErrorEvent(`import-${problemCode(s.problem)}`, problemText(h.t, s.problem)));
      },
    });
    this.flows = { ...bound, client };
    // The export form is shown only once it is known that there is something to export.
    if (exporting) void bound.exportFlow.check();
  }

  /** The export step opens (from the choice, or `mode` became `export`): it checks again for keys. */
  openExport(): void {
    this.flows?.exportFlow.reset(true);
  }

  stageKey(view: 'export' | 'import'): string | undefined {
    // A step whose flows are not bound yet has no heading to focus: its key comes with them.
    if (!this.flows) return undefined;
    return view === 'export' ? `export:${this.exportStage.kind}` : `import:${this.importStage.kind}`;
  }

  private readonly onValidity = (e: XsPassphraseValidityEvent) => {
    // Only our own state changes here: never set a property of <xs-new-passphrase> in response.
    this.passValid = e.valid;
    this.changed();
  };

  private submitExport(e: SubmitEvent) {
    e.preventDefault();
    const field = this.h.renderRoot.querySelector<XsNewPassphrase>('xs-new-passphrase');
    const flow = this.flows?.exportFlow;
    if (!field || !field.valid || !flow) return;
    const passphrase = field.takeValue();
    void flow.start(passphrase);
  }

  private pickFile(file: File) {
    this.importHint = undefined;
    this.chosenFile = file;
    this.flows?.importFlow.chooseFile(file);
    this.changed();
  }

  private submitImport(e: SubmitEvent) {
    e.preventDefault();
    const flow = this.flows?.importFlow;
    const input = this.h.renderRoot.querySelector<HTMLInputElement>('#import-passphrase');
    if (!flow || !input) return;
    this.importHint = !flow.hasFile ? 'noFile' : !input.value ? 'noPassphrase' : undefined;
    this.changed();
    if (this.importHint) return;
    const passphrase = input.value;
    input.value = '';
    void flow.start(passphrase);
  }

  /** Done with a step's outcome: its flow starts over, and the element goes back to the choice (if it offers one). */
  private finish(view: 'export' | 'import') {
    if (view === 'export') {
      this.flows?.exportFlow.reset();
      this.passValid = false;
    } else {
      this.flows?.importFlow.reset();
      this.chosenFile = undefined;
    }
    this.h.back()?.();
    this.changed();
  }

  /** After a render of `view`: the import's file input shows the chosen file again (see below). */
  updated(view: 'export' | 'import'): void {
    // The file input is a new one after each attempt (the form is re-rendered after the progress step) and is
    // empty after a drop: without this it says "No file chosen" next to "Chosen: <file>".
    const s = this.importStage;
    if (view !== 'import' || s.kind !== 'choose') return;
    if (!s.file) {
      this.chosenFile = undefined;
      return;
    }
    const input = this.h.renderRoot.querySelector<HTMLInputElement>('#file');
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

  render(view: 'export' | 'import') {
    const h = this.h;
    const frame = { t: h.t, back: h.back() };
    if (view === 'export') {
      return renderExportStep(this.exportStage, {
        ...frame,
        flow: this.flows?.exportFlow,
        userInputs: this.userInputs,
        passValid: this.passValid,
        onValidity: this.onValidity,
        submit: (e) => this.submitExport(e),
        finish: () => this.finish('export'),
      });
    }
    return renderImportStep(this.importStage, {
      ...frame,
      flow: this.flows?.importFlow,
      hint: this.importHint,
      submit: (e) => this.submitImport(e),
      pickFile: (file) => this.pickFile(file),
      dragging: (on) => h.setState('dragging', on),
      finish: () => this.finish('import'),
    });
  }
}
