// The Security Key / Phrase path of <xs-verify-login>: renders the RecoveryKeyFlow's stages and forwards
// intent. The typed text lives only in the native input; nothing here keeps or logs it.
import { html, nothing, type TemplateResult } from 'lit';
import type { MatrixClient } from 'matrix-js-sdk';
import { XsRequestResetEvent } from '../../events/xs-request-reset.js';
import type { XsEvent } from '../../events/xs-event.js';
import { explainFailure } from '../../i18n/errors.strings.js';
import { translate } from '../../i18n/registry.js';
import { recoveryPortFor, type RecoveryPort } from '../../sdk/recovery-key.js';
import { RecoveryKeyFlow, keepsText, type KeyMethod, type KeyProblem, type RecoveryStage } from '../../state/recovery-key.js';
import { keyStrings } from './verify-login-key.strings.js';
import { verifyStepsStrings } from './verify-login-steps.strings.js';
import { verifyStrings } from './verify-login.strings.js';

type KeyTerm = keyof typeof keyStrings.en & string;
type VerifyTerm = keyof typeof verifyStepsStrings.en & string;

/** What the key path needs from its element. */
export interface KeyEntryHost {
  readonly lang: string;
  readonly root: ShadowRoot | null;
  /** Re-render (the stage changed). */
  changed(): void;
  emit(event: XsEvent): boolean;
  /** The flow verified this session. */
  verified(): void;
  /** Rendered below "Verified" (the element's history restore from the key backup). */
  afterDone?(): unknown;
  /** Leave the key path (back to the element's start). */
  back(): void;
  /** Leave the key path and ask another session (offered when the recovery data can't be repaired here). */
  useOtherSession(): void;
  /** Another element reusing the entry (e.g. <xs-key-storage>) renders these stages itself (undefined = the default). */
  renderStage?(stage: RecoveryStage): TemplateResult | undefined;
  /** The submit button's label (default "Verify"). */
  readonly submitLabel?: string;
}

/**
 * The Security Key / Phrase path inside `<xs-verify-login>` (not an element of its own): owns the
 * RecoveryKeyFlow, renders its stages into the element's shadow root, and reports back through KeyEntryHost.
 */
export class KeyEntry {
  readonly flow: RecoveryKeyFlow;
  /** The stage whose problem last moved focus to the field. */
  private problemFocused?: RecoveryStage;

  constructor(
    client: MatrixClient,
    private readonly host: KeyEntryHost,
    port: RecoveryPort = recoveryPortFor(client),
  ) {
    this.flow = new RecoveryKeyFlow(port);
    this.flow.addEventListener('change', () => {
      host.changed();
      if (this.flow.stage.kind === 'done') host.verified();
    });
  }

  get stage(): RecoveryStage {
    return this.flow.stage;
  }

  load(): Promise<void> {
    return this.flow.load();
  }

  dispose(): void {
    this.flow.dispose();
  }

  /** The stage key for focus management (a new key = a new step whose heading takes focus). */
  stageKey(): string {
    const k = this.stage;
    return `key-${k.kind}${k.kind === 'enter' ? `-${k.method}` : ''}`;
  }

  /**
   * After a rejected key or phrase the field takes focus (it is described by the announced problem), so the
   * person types again instead of Tabbing back from the heading; text kept for fixing is selected.
   */
  afterRender(): void {
    const k = this.stage;
    if (k.kind !== 'enter' || !k.problem || k === this.problemFocused) return;
    this.problemFocused = k;
    const input = this.input();
    input?.focus();
    if (keepsText(k.problem)) input?.select();
  }

  private input(): HTMLInputElement | null {
    return this.host.root?.querySelector<HTMLInputElement>('#key-input') ?? null;
  }

  private t(key: KeyTerm): string {
    return translate(this.host.lang, keyStrings, key as 'keyHeading');
  }

  private vt(key: VerifyTerm): string {
    return translate(this.host.lang, verifyStepsStrings, key as 'back');
  }

  private count(n: number): string {
    return new Intl.NumberFormat(this.host.lang).format(n);
  }

  private heading(text: string): TemplateResult {
    return html`<h2 tabindex="-1" data-stage-heading>${text}</h2>`;
  }

  private button(label: string, onClick: () => void, cls = ''): TemplateResult {
    return html`<button type="button" part="action" class=${cls} @click=${onClick}>${label}</button>`;
  }

  private submit = (e: SubmitEvent) => {
    e.preventDefault();
    const value = this.input()?.value ?? '';
    void this.flow.submit(value);
  };

  private switchTo(method: KeyMethod) {
    const value = this.input()?.value ?? '';
    void this.flow.switchAndSubmit(method, value);
  }

  private continueReset(from: 'lost-key' | 'out-of-sync') {
    const handled = !this.host.emit(new XsRequestResetEvent(from === 'lost-key' ? 'cannot-verify' : 'keys-missing'));
    this.flow.resetRequested(handled);
  }

  /** The sentence(s) for a problem, and the switch it offers (if any). */
  private problem(p: KeyProblem, phrase: boolean): { text: string; switchTo?: KeyMethod } {
    const L = this.host.lang;
    switch (p.kind) {
      case 'empty':
        return { text: this.t(phrase ? 'phraseEmpty' : 'keyEmpty') };
      case 'not-a-key':
        return { text: this.t('keyNotAKey') };
      case 'key-typo':
        return {
          text: [
            this.t('keyTypo'),
            p.length !== 48 ? translate(L, keyStrings, 'keyTypoLength', this.count(p.length)) : '',
            p.lookalikes ? this.t('keyTypoLookalikes') : '',
          ].filter(Boolean).join(' '),
        };
      case 'phrase-in-key-field':
        return { text: this.t('phraseInKeyField'), switchTo: 'phrase' };
      case 'key-in-phrase-field':
        return { text: this.t('keyInPhraseField'), switchTo: 'key' };
      case 'wrong-key':
        return { text: this.t('keyWrong') };
      case 'wrong-phrase':
        return p.looksLikeKey
          ? { text: `${this.t('phraseWrong')} ${this.t('phraseWrongLooksLikeKey')}` }
          : { text: this.t('phraseWrong') };
      case 'unsafe-kdf': {
        const { problem, iterations } = p.check;
        if (problem === 'invalid' || iterations === undefined) return { text: this.t('kdfInvalid') };
        return { text: translate(L, keyStrings, problem === 'too-few' ? 'kdfTooFew' : 'kdfTooMany', this.count(iterations)) };
      }
    }
  }

  render(): TemplateResult {
    const k = this.stage;
    const own = this.host.renderStage?.(k);
    if (own) return own;
    const back = this.button(this.vt('back'), () => this.host.back());
    switch (k.kind) {
      case 'loading':
        return html`<div part="base">${this.heading(this.t('keyHeading'))}<p part="status" role="status">${this.t('keyLoading')}</p></div>`;
      case 'unavailable':
        return html`<div part="base">
          ${this.heading(this.t(k.reason === 'no-storage' ? 'keyNoStorageHeading' : 'keyNoCallbacksHeading'))}
          <p part="status" role="alert">${this.t(k.reason === 'no-storage' ? 'keyNoStorage' : 'keyNoCallbacks')}</p>
          <div class="row">${back}</div>
        </div>`;
      case 'enter':
        return this.renderEnter(k, back);
      case 'checking':
        return html`<div part="base">${this.heading(this.t(k.method === 'phrase' ? 'phraseHeading' : 'keyHeading'))}
          <p part="status" role="status">${this.t(k.method === 'phrase' ? 'phraseChecking' : 'keyChecking')}</p></div>`;
      case 'restoring':
        return html`<div part="base">${this.heading(this.vt('startingHeading'))}
          <p part="status" role="status">${this.t(k.step === 'backup' ? 'restoringBackup' : 'restoringCrossSigning')}</p></div>`;
      case 'out-of-sync': {
        const why = ({ missing: 'outOfSyncMissing', 'other-key': 'outOfSyncOtherKey', undecryptable: 'outOfSyncUndecryptable', stale: 'outOfSyncStale' } as const)[k.reason];
        return html`<div part="base">
          ${this.heading(this.t('outOfSyncHeading'))}
          <p part="status" role="alert">${this.t(why)}</p>
          <p>${this.t(k.canRepair ? 'outOfSyncCanRepair' : 'outOfSyncNoRepair')}</p>
          ${k.failure ? html`<p role="alert">${this.t('repairFailed')} ${explainFailure(this.host.lang, k.failure)}</p>` : nothing}
          <div class="row">
            ${k.canRepair
              ? this.button(this.t('repair'), () => void this.flow.repair(), 'primary')
              : html`${this.button(translate(this.host.lang, verifyStrings, 'useOtherSession'), () => this.host.useOtherSession(), 'primary')}
                  ${this.button(this.t('resetInstead'), () => this.flow.lostKey())}`}
            ${back}
          </div>
        </div>`;
      }
      case 'repairing':
        return html`<div part="base">${this.heading(this.t('outOfSyncHeading'))}
          <p part="status" role="status">${this.t(k.stalled ? 'repairStalled' : 'repairing')}</p>
          ${k.stalled ? html`<div class="row">${back}</div>` : nothing}</div>`;
      case 'reset-warning':
        return html`<div part="base">
          ${this.heading(this.t('resetWarningHeading'))}
          <p>${this.t(k.from === 'lost-key' ? 'resetWarningLost' : 'resetWarningOutOfSync')}</p>
          <p class="warning">${this.t('resetWarningWhat')}</p>
          <div class="row">
            ${this.button(this.t('resetContinue'), () => this.continueReset(k.from), 'danger')}
            ${this.button(this.vt('back'), () => this.flow.backFromReset())}
          </div>
        </div>`;
      case 'reset-requested':
        return html`<div part="base">
          ${this.heading(this.t('resetWarningHeading'))}
          <p part="status" role=${k.handled ? 'status' : 'alert'}>${this.t(k.handled ? 'resetHandedOver' : 'resetUnhandled')}</p>
          <div class="row">${this.button(this.vt('back'), () => this.flow.backFromReset())}</div>
        </div>`;
      case 'done':
        return html`<div part="base">${this.heading(this.vt('doneHeading'))}
          <p part="status" role="status">${this.vt('doneThisSession')}</p>
          ${k.repaired ? html`<p>${this.t('repairedDone')}</p>` : nothing}
          ${k.backup === 'connected' ? html`<p>${this.t('backupConnected')}</p>` : nothing}
          ${k.backup === 'not-in-storage' || k.backup === 'mismatch' ? html`<p>${this.t('backupMissing')}</p>` : nothing}
          ${this.host.afterDone?.() ?? nothing}
        </div>`;
      case 'failed':
        return html`<div part="base">
          ${this.heading(this.t('keyFailedHeading'))}
          <p part="status" role="alert">${k.failure.kind === 'not-signed'
            ? this.t('notSigned')
            : k.failure.kind === 'backup-unreachable'
              ? `${this.t('backupUnreachable')} ${explainFailure(this.host.lang, k.failure.failure)}`
              : explainFailure(this.host.lang, k.failure)}</p>
          <div class="row">${this.button(this.t('tryAgain'), () => this.flow.retry(), 'primary')} ${back}</div>
        </div>`;
    }
  }

  private renderEnter(k: Extract<RecoveryStage, { kind: 'enter' }>, back: TemplateResult): TemplateResult {
    const phrase = k.method === 'phrase';
    const problem = k.problem ? this.problem(k.problem, phrase) : undefined;
    const offer = problem?.switchTo;
    // After a rejection the submit button says "Try again", beside the way out for a lost key.
    const submitLabel = k.problem && k.problem.kind !== 'empty' ? this.t('tryAgain') : this.host.submitLabel ?? this.t('keySubmit');
    return html`<form part="base" @submit=${this.submit}>
      ${this.heading(this.t(phrase ? 'phraseHeading' : 'keyHeading'))}
      <p id="key-intro">${this.t(phrase ? 'phraseIntro' : 'keyIntro')}</p>
      <div class="field">
        <label for="key-input">${this.t(phrase ? 'phraseLabel' : 'keyLabel')}</label>
        <input id="key-input" name=${phrase ? 'security-phrase' : 'security-key'} type="password" autocomplete="off"
          spellcheck="false" autocapitalize="off" aria-describedby=${problem ? 'key-intro key-problem' : 'key-intro'}
          aria-invalid=${problem ? 'true' : 'false'} />
      </div>
      ${problem ? html`<p id="key-problem" role="alert">${problem.text}</p>` : nothing}
      <div class="row">
        ${offer
          ? this.button(this.t(offer === 'phrase' ? 'useAsPhrase' : 'useAsKey'), () => this.switchTo(offer), 'primary')
          : nothing}
        <button type="submit" part="action" class=${offer ? '' : 'primary'}>${submitLabel}</button>
        ${k.phraseAvailable && !offer
          ? this.button(this.t(phrase ? 'useKeyInsteadShort' : 'usePhraseInstead'), () => this.flow.useMethod(phrase ? 'key' : 'phrase'))
          : nothing}
        ${this.button(this.t('lostKey'), () => this.flow.lostKey())}
        ${back}
      </div>
    </form>`;
  }
}
