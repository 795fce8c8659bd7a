import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { MatrixClient } from 'matrix-js-sdk';
import { actionRowStyles, stageTextStyles } from '../../internal/stage.styles.js';
import { XsElement } from '../../internal/xs-element.js';
import { accountModel, type AccountState } from '../../sdk/account.js';
import { backupTurnedOff } from '../../sdk/key-backup-setting.js';
import { backupView, type BackupView } from '../../state/key-storage.js';
import { verifyLoginStyles } from '../verify-login/verify-login.styles.js';
import { keyStorageStrings as S } from './key-storage.strings.js';
import type { KeyStorageView, OverviewAction } from './key-storage.view.js';

type Term = { [K in keyof typeof S.en]: (typeof S.en)[K] extends string ? K : never }[keyof typeof S.en];

/**
 * @summary Key storage as today's Matrix apps offer it: whether the key backup is on (live), turning it off (after
 * saying what is lost) and on again (with the Security Key), restoring the message history from it on demand, and
 * "is this still my Security Key?" — every change read back from the server before it is reported.
 * @tag xs-key-storage
 *
 * ```html
 * <xs-key-storage></xs-key-storage>                   <!-- backup on/off, restore, check a key -->
 * <xs-key-storage mode="check-key"></xs-key-storage>  <!-- only the Security Key check -->
 * ```
 *
 * Turning key storage on hands the Security Key to the SDK: create the client with
 * `cryptoCallbacks: createSecretStorageCallbacks()` (from `xs-kit`). The check needs no callbacks and changes nothing.
 *
 * @event xs-key-storage-change - Key storage was turned on or off and the server holds it (`enabled`).
 * @event xs-error - Turning key storage on or off failed; the element explains it (`code`, `message`).
 * @event xs-request-reset - "I lost my Security Key" was followed to the reset warning (cancelable, as in `<xs-verify-login>`).
 * @csspart base - The wrapper of each step.
 * @csspart status - The live state / progress text.
 * @csspart action - The buttons.
 * @csspart warning - What turning off loses (a `.warning` list).
 * @csspart restore - The history restore's progress and result.
 * @csspart result - The answer of a key check.
 * @cssstate on - Key storage is on.
 * @cssstate off - Key storage is off.
 * @cssstate working - A change is running.
 */
export class XsKeyStorage extends XsElement {
  // The verification steps' look (shared, so the bundle carries it once): stage grid, headings, `.warning`.
  static override styles = [...XsElement.styles, actionRowStyles, stageTextStyles, verifyLoginStyles];

  /** `backup` (default): key storage on/off, restore, and the key check; `check-key`: only the Security Key check. */
  @property({ reflect: true }) mode: 'backup' | 'check-key' = 'backup';

  /** The own account, live (the one model every element on this client shares). */
  @state() private account: AccountState = { snapshot: null, failure: null };
  #current?: MatrixClient;

  /**
   * The steps after the overview (turning off and on, the key check, the restore), loaded in the first idle moment
   * after the overview renders, or with the first press; in `check-key` mode the check is the first step.
   */
  readonly #steps = this.lazy(() =>
    import('./key-storage.view.js').then(({ KeyStorageView }) => {
       
      const el = this;
      const view = new KeyStorageView({
        get mode() {
          return el.mode;
        },
        get lang() {
          return el.localize.lang;
        },
        get root() {
          return el.shadowRoot;
        },
        emit: (e) => this.emit(e),
        setState: (name, on) => this.setCustomState(name, on),
        addController: (c) => this.addController(c),
        removeController: (c) => this.removeController(c),
        requestUpdate: () => this.requestUpdate(),
        get updateComplete() {
          return el.updateComplete;
        },
      });
      if (this.isConnected) view.setClient(this.#current);
      return view;
    }),
  );

  protected override clientChanged(client: MatrixClient | undefined) {
    this.#current = client;
    this.account = { snapshot: null, failure: null };
    const view = this.#loadedSteps();
    view?.setClient(client);
    const unsubscribe = client ? accountModel(client).subscribe({ onState: (st) => (this.account = st) }) : undefined;
    return () => {
      unsubscribe?.();
      this.#current = undefined;
      this.#loadedSteps()?.setClient(undefined);
    };
  }

  /** The steps' view when it is here (reading this starts nothing). */
  #loadedSteps(): KeyStorageView | undefined {
    return this.#steps.ready ? this.#steps.value : undefined;
  }

  protected override stageKey(): string | undefined {
    // The overview is a stage of its own (a press moves the focus to the next step's heading), before the steps'
    // module is here too; the `check-key` check's first stage is the first render.
    return this.#loadedSteps()?.stageKey() ?? (this.mode === 'check-key' ? undefined : 'overview');
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('mode') && this.hasUpdated) this.#loadedSteps()?.modeChanged();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const v = this.#overview().state;
    this.setCustomState('on', !!this.#current && v === 'on');
    this.setCustomState('off', !!this.#current && v === 'off');
    this.#loadedSteps()?.afterRender();
  }

  #overview(): BackupView {
    return backupView(this.account.snapshot, this.account.failure, !!this.#current && backupTurnedOff(this.#current));
  }

  /** A press on the overview: the steps' module is normally here already (idle prefetch); a press waits for it. */
  async #act(action: OverviewAction) {
    const view = await this.#steps.load();
    view.act(action);
  }

  #t(key: Term): string {
    return this.localize.t(S, key as 'heading');
  }

  #frame(heading: Term, status: TemplateResult | string): TemplateResult {
    return html`<div part="base"><h2 tabindex="-1" data-stage-heading>${this.#t(heading)}</h2>${status}</div>`;
  }

  protected override render() {
    const check = this.mode === 'check-key';
    if (!this.#current) return this.#frame(check ? 'checkHeading' : 'heading', html`<p part="status">${this.#t('noClient')}</p>`);
    // In `check-key` mode the check is the first step: it loads now (and shows "Checking…" until it is here).
    const view = check ? this.#steps.value : this.#loadedSteps();
    if (view && !view.atOverview()) return view.render();
    if (check) return this.#frame('checkHeading', html`<p part="status" role="status">${this.#t('state.checking')}</p>`);
    return this.#renderOverview(view?.overviewNote());
  }

  #button(label: Term, action: OverviewAction, cls = ''): TemplateResult {
    return html`<button type="button" part="action" class=${cls} @click=${() => void this.#act(action)}>${this.#t(label)}</button>`;
  }

  #renderOverview(note: TemplateResult | typeof nothing | undefined) {
    const v = this.#overview();
    const actions: TemplateResult[] = [];
    if (v.state === 'on' || v.state === 'unusable') actions.push(this.#button('turnOff', 'off', v.state === 'on' ? '' : 'danger'));
    if (v.state === 'off') actions.push(this.#button('turnOn', 'on', 'primary'));
    if (v.state === 'on' && v.canRestore) actions.push(this.#button('restore', 'restore'));
    if (v.state !== 'checking' && v.state !== 'not-set-up' && v.state !== 'unknown') actions.push(this.#button('checkKey', 'check'));
    return html`<div part="base">
      <h2 tabindex="-1" data-stage-heading>${this.#t('heading')}</h2>
      <p part="status" role="status" data-state=${v.state}>${this.#t(`state.${v.state}`)}</p>
      ${v.state === 'off' && v.turnedOff ? html`<p>${this.#t('turnedOffElsewhere')}</p>` : nothing}
      ${v.dehydratedDevice ? html`<p data-dehydrated-device>${this.#t('dehydratedOn')}</p>` : nothing}
      ${note ?? nothing}
      ${actions.length ? html`<div class="row">${actions}</div>` : nothing}
    </div>`;
  }
}
