import { html, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { XsElement } from '../../internal/xs-element.js';
import type { KeyTransferSteps } from './key-transfer-control.js';
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
  static override styles = [...XsElement.styles, keyTransferStyles];

  /** Show only the export (`export`) or only the import (`import`); unset: a choice between both. */
  @property({ reflect: true }) mode?: 'export' | 'import';
  /** PBKDF2 rounds for new files (default 500 000, as Element). */
  @property({ type: Number, attribute: 'kdf-rounds' }) kdfRounds?: number;

  @state() private view: View = 'menu';

  /**
   * The steps past the choice, their flows, intents and styles, and the key file behind them
   * (key-transfer-control.ts): loaded when a step is shown, or in the first idle moment after the choice was rendered.
   */
  readonly #steps = this.lazy(() => import('./key-transfer-control.js'));
  /** The steps of this element, once loaded (made in `willUpdate`). */
  #ctl?: KeyTransferSteps;

  get #activeView(): View {
    return this.mode ?? this.view;
  }

  protected override stageKey(): string | undefined {
    const v = this.#activeView;
    // A step still loading has no heading to focus yet: its key comes with it.
    return v === 'menu' ? 'menu' : this.#ctl?.stageKey(v);
  }

  override connectedCallback() {
    super.connectedCallback();
    // Someone working in the element is about to export or import: start the crypto workers now, so that the call
    // does not wait for them to boot (they stop by themselves after a minute unused).
    this.addEventListener('focusin', this.#warmUp);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.removeEventListener('focusin', this.#warmUp);
  }

  readonly #warmUp = () => {
    // Only the workers' module (the steps load by themselves): the workers boot while the rest still loads.
    void import('../../keyfile/key-file-common.js').then((m) => m.warmUpKeyFileWorkers(), () => undefined);
  };

  protected override clientChanged() {
    this.#ctl?.unbind();
    return () => this.#ctl?.unbind();
  }

  #open(view: View) {
    this.view = view;
    if (view === 'export') this.#ctl?.openExport();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('mode') && changed.get('mode') !== undefined && this.mode === 'export') this.#ctl?.openExport();
    // Only once the steps are here (reading `steps.value` before would load them for the choice alone).
    const m = this.#steps.ready ? this.#steps.value : undefined;
    if (!m || !this.isConnected) return;
    this.#ctl ??= new m.KeyTransferSteps({
      renderRoot: this.renderRoot,
      t: this.localize,
      requestUpdate: () => this.requestUpdate(),
      kdfRounds: () => this.kdfRounds,
      emit: (e) => this.emit(e),
      setState: (name, on) => this.setCustomState(name, on),
      back: () => (this.mode ? undefined : () => this.#open('menu')),
    });
    this.#ctl.bind(this.matrixClient, this.#activeView === 'export');
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const v = this.#activeView;
    if (v !== 'menu') this.#ctl?.updated(v);
  }

  protected override render() {
    const t = this.localize;
    if (!this.matrixClient) return html`<p part="status" role="status">${t.t(S, 'notConnected')}</p>`;
    const view = this.#activeView;
    if (view === 'menu') {
      return html`<div part="base">
        <h3 tabindex="-1" data-stage-heading>${t.t(S, 'menuHeading')}</h3>
        <p>${t.t(S, 'menuIntro')}</p>
        <div class="row">
          <button type="button" part="action" @click=${() => this.#open('export')}>${t.t(S, 'chooseExport')}</button>
          <button type="button" part="action" @click=${() => this.#open('import')}>${t.t(S, 'chooseImport')}</button>
        </div>
      </div>`;
    }
    // The step arrives in a moment (this renders again then; `updateComplete` waits for it).
    if (!this.#steps.value || !this.#ctl?.flows) return html`<div part="base"></div>`;
    return this.#ctl.render(view);
  }
}
