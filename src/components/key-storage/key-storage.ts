import { html, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { MatrixClient } from 'matrix-js-sdk';
import { actionRowStyles, stageTextStyles } from '../../internal/stage.styles.js';
import { XsElement } from '../../internal/xs-element.js';
import { verifyLoginStyles } from '../verify-login/verify-login.styles.js';
import type { KeyStorageView } from './key-storage.view.js';

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

  /** The element's logic and steps, loaded on first connect (the drop-in bundle carries only this shell). */
  @state() private view?: KeyStorageView;
  private loading?: Promise<void>;
  private current?: MatrixClient;

  override connectedCallback(): void {
    super.connectedCallback();
    this.loading ??= import('./key-storage.view.js').then(({ KeyStorageView }) => {
      // eslint-disable-next-line @typescript-eslint/no-this-alias -- the getters below read the element's live values (`this` there is the literal)
      const el = this;
      this.view = new KeyStorageView({
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
      if (this.isConnected) this.view.setClient(this.current);
    });
  }

  protected override clientChanged(client: MatrixClient | undefined) {
    this.current = client;
    this.view?.setClient(client);
    return () => {
      this.current = undefined;
      this.view?.setClient(undefined);
    };
  }

  protected override stageKey(): string | undefined {
    return this.view?.stageKey();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('mode') && this.hasUpdated) this.view?.modeChanged();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.view?.afterRender();
  }

  protected override render() {
    return this.view?.render() ?? html`<div part="base" aria-busy="true"></div>`;
  }
}

