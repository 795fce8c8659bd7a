import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { MatrixClient } from 'matrix-js-sdk';
import { XsErrorEvent } from '../../events/xs-error.js';
import { XsSetupDismissedEvent } from '../../events/xs-setup-dismissed.js';
import { explainFailure } from '../../i18n/errors.strings.js';
import { XsElement } from '../../internal/xs-element.js';
import { accountModel, type AccountState } from '../../sdk/account.js';
import { describeFailure } from '../../sdk/errors.js';
import { hasSecretStorageCallbacks } from '../../sdk/secret-storage-check.js';
import { createSetupAdapter, type SetupAdapter } from '../../sdk/setup.js';
import { SetupWizard, type WizardMode, type WizardStage } from '../../state/setup-wizard.js';
import { setupStrings as S } from './setup-wizard.strings.js';
import { setupWizardStyles } from './setup-wizard.styles.js';
import type { LaterState, SetupKey } from './setup-wizard.view.js';
import { actionRowStyles, stageTextStyles } from '../../internal/stage.styles.js';


/** What about the account the wizard's stages depend on (not sync phase or upload counts). */
function situationKey(st: AccountState): string {
  const s = st.snapshot;
  if (!s) return 'none';
  const c = s.crossSigning;
  return JSON.stringify([c.published, c.masterKey, c.cached, c.inSecretStorage, s.device.crossSigningVerified, s.secretStorage, s.backup?.version ?? null, s.backup?.decryptionKeyCached ?? null]);
}

/**
 * @summary Sets up cross-signing, secret storage and key backup; changes the Security Key; or resets
 * everything when the key is lost. Asks for the account password (or SSO / account-page approval) only when
 * the homeserver wants it.
 * @tag xs-setup-wizard
 *
 * The client must be created with `cryptoCallbacks: createSecretStorageCallbacks()` so the wizard can hand the
 * new key to the SDK without prompting. The key (or phrase) exists only in memory while the flow runs: it is
 * never in an attribute, an event or storage, and it is zeroed when the flow ends.
 *
 * ```html
 * <xs-setup-wizard mode="setup"></xs-setup-wizard>
 * <script type="module">
 *   wizard.addEventListener('xs-setup-dismissed', () => myPrefs.set('setup-asked-at', Date.now()));
 *   wizard.addEventListener('xs-setup-complete', (e) => console.log('done:', e.mode, e.method));
 * </script>
 * ```
 * "Don't ask me again": the wizard never stores preferences. On `xs-setup-dismissed` keep the choice in your own
 * settings and simply don't show the wizard again until the person asks for it.
 *
 * @event xs-setup-complete - The flow finished and its end state was read back from the server (`mode`, `method`); no key material.
 * @event xs-setup-closed - Done was pressed on the last step: the host may remove the wizard.
 * @event xs-setup-dismissed - "Ask me later" (or cancel before anything changed); the host keeps the preference.
 * @event xs-request-verify - Cancelable. An identity exists but this session lacks its keys (`subject: 'this-session'`, `reason: 'keys-missing'`).
 * @event xs-request-export - Cancelable. The person wants to export room keys before a reset.
 * @event xs-error - A step failed and the wizard shows it (`code`: the failure kind, `identity-exists` or `setup-incomplete`).
 * @event xs-request-sessions - Cancelable. After a reset: show the session list to verify or sign out old sessions.
 * @csspart base - The wrapper of each step.
 * @csspart key - The Security Key text.
 * @csspart action - Every button.
 * @csspart status - Progress text (polite live region).
 * @csspart auth - The embedded `<xs-auth-prompt>`.
 * @csspart passphrase - The embedded `<xs-new-passphrase>`.
 * @cssprop [--xs-setup-wizard-key-background=var(--xs-color-surface-raised)] - Background behind the key.
 * @cssstate busy - Working (loading, creating the key, saving).
 * @cssstate done - The flow finished.
 */
export class XsSetupWizard extends XsElement {
  static override styles = [...XsElement.styles, actionRowStyles, stageTextStyles, setupWizardStyles];

  /** `setup` (default), `change-key` or `reset`. Changing it restarts the flow; setting it again after "Ask me later" or Done restarts too. */
  @property({ reflect: true })
  get mode(): WizardMode {
    return this.#mode;
  }
  set mode(v: WizardMode) {
    const old = this.#mode;
    this.#mode = v;
    this.requestUpdate('mode', old);
    // Those stages are later steps: their module is here.
    if (old === v && this.hasUpdated && this.#laterSteps.ready && this.#laterSteps.value!.restartsOnSameMode(this.stage)) this.restart();
  }
  #mode: WizardMode = 'setup';
  /** Milliseconds without progress before "still saving…" is shown with Cancel/Retry. */
  @property({ type: Number, attribute: 'stall-ms' }) stallMs = 15_000;
  /** For tests and hosts with their own SDK layer: replaces the adapter built from the client. */
  @property({ attribute: false }) adapter?: SetupAdapter;

  @state() private stage: WizardStage = { kind: 'loading' };
  /** The client lacks createSecretStorageCallbacks(): the wizard could not hand the key to the SDK. */
  @state() private misconfigured = false;

  /**
   * Every step but the first screen of a new account (setup-wizard.steps.ts, with setup-wizard.intro.ts): loaded in
   * the first idle moment after the first render.
   */
  readonly #laterSteps = this.lazy(() => import('./setup-wizard.steps.js'));

  private wizard?: SetupWizard;
  #unsubscribe?: () => void;
  /** @internal What the later steps keep here between renders (their notes, the phrase's validity, the countdown). */
  readonly laterState: LaterState = {};
  readonly #onChange = () => {
    const prev = this.stage;
    const s = (this.stage = this.wizard!.stage);
    if (s.kind === 'dismissed' && prev.kind !== 'dismissed') this.emit(new XsSetupDismissedEvent());
    if (s.kind === 'load-failed' && prev.kind !== s.kind) this.emit(new XsErrorEvent(s.failure.kind, explainFailure(this.localize.lang, s.failure), s.failure.httpStatus));
    if (this.#laterSteps.ready) this.#laterSteps.value?.follow(this, this.localize, prev, s);
    this.requestUpdate();
  };

  /** Starts the flow again from where the account stands (after "Ask me later", Done, or at any time). */
  restart(): void {
    this.#setupWizard(this.matrixClient);
  }

  /** The stages the element draws itself: checking the account (or failing to), and the first step of a new account. */
  get #firstScreen(): boolean {
    const s = this.stage;
    return s.kind === 'loading' || s.kind === 'load-failed' || (s.kind === 'explain' && !s.repair);
  }

  protected override stageKey(): string | undefined {
    // A later step whose view is still loading shows the "checking" frame: its heading takes focus when it arrives.
    if (!this.#firstScreen && !this.#laterSteps.ready) return 'loading';
    return this.stage.kind;
  }

  protected override clientChanged(client: MatrixClient | undefined): void | (() => void) {
    this.#setupWizard(client);
    return () => this.#teardown();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.hasUpdated && (changed.has('mode') || changed.has('adapter') || changed.has('stallMs'))) this.#setupWizard(this.matrixClient);
    const s = this.stage;
    this.setExclusiveState(['busy', 'done'], s.kind === 'loading' ? 'busy' : this.#laterSteps.ready ? this.#laterSteps.value!.customState(s) : undefined);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#teardown();
  }

  #setupWizard(client: MatrixClient | undefined) {
    this.#teardown();
    this.misconfigured = !this.adapter && !!client?.getCrypto() && !hasSecretStorageCallbacks(client);
    if (this.misconfigured) return;
    const adapter = this.adapter ?? (client?.getCrypto() ? createSetupAdapter(client) : undefined);
    if (!adapter) {
      this.stage = { kind: 'loading' };
      this.requestUpdate();
      return;
    }
    const w = new SetupWizard(adapter, this.mode, { stallMs: this.stallMs, trackLoad: (load) => this.trackLoad(load) });
    this.wizard = w;
    w.addEventListener('change', this.#onChange);
    void w.start();
    // The account as every element on this client sees it: a change made elsewhere (verified by another session,
    // reset elsewhere, backup deleted) re-derives the stages that describe where the account stands.
    if (client?.getCrypto()) {
      let last: string | undefined;
      this.#unsubscribe = accountModel(client).subscribe({
        onState: (st: AccountState) => {
          const key = situationKey(st);
          if (last !== undefined && key !== last) void w.accountChanged();
          last = key;
        },
      });
    }
  }

  #teardown() {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.laterState.countdown?.stop();
    if (!this.wizard) return;
    this.wizard.removeEventListener('change', this.#onChange);
    this.wizard.end();
    this.wizard = undefined;
  }

  // ---- rendering ----

  /** @internal */
  t(key: SetupKey): string {
    return this.localize.t(S, key);
  }

  /** The step's heading (focused on each new step). */
  #heading(text: string) {
    return html`<h2 tabindex="-1" data-stage-heading>${text}</h2>`;
  }

  #button(label: string, onClick: () => void, cls = ''): TemplateResult {
    return html`<button type="button" part="action" class=${cls} @click=${onClick}>${label}</button>`;
  }

  protected override render() {
    const w = this.wizard;
    const s = this.stage;
    if (!w && !this.misconfigured) return html`<p part="status" role="status">${this.t('notConnected')}</p>`;
    const checking = html`<div part="base"><p part="status" role="status">${this.t('loading')}</p></div>`;
    const retry = (fn: () => void) => html`<div class="row">${this.#button(this.t('retry'), fn, 'primary')}</div>`;
    if (w && s.kind === 'loading') return checking;
    if (w && s.kind === 'load-failed') {
      return html`<div part="base">${this.#heading(this.t('loadFailed'))}<p role="alert">${explainFailure(this.localize.lang, s.failure)}</p>${retry(() => w.retry())}</div>`;
    }
    if (w && s.kind === 'explain' && !s.repair) {
      return html`<div part="base">${this.#heading(this.t('explainHeading'))}<p>${this.t('explainBody')}</p><div class="row">${this.#button(this.t('continue'), () => w.continue(), 'primary')}${this.#button(this.t('askLater'), () => w.dismiss())}</div></div>`;
    }
    // Every other step, and the note for a client without createSecretStorageCallbacks() (a developer's mistake).
    const later = this.#laterSteps.value;
    if (later) return later.renderStep(this, this.localize, s, w);
    // The later steps' view could not be loaded (the page's server went away): say so, offer to try again.
    if (this.#laterSteps.error) {
      return html`<div part="base"><p role="alert">${explainFailure(this.localize.lang, describeFailure(this.#laterSteps.error))}</p>${retry(() => void this.#laterSteps.load().catch(() => undefined))}</div>`;
    }
    return w ? checking : nothing;
  }
}
