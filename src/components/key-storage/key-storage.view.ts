// What <xs-key-storage> does after its overview, loaded in the first idle moment after the overview renders or with
// the first press (issue 17: the overview is the element's first render, key-storage.ts): the turn-off flow, the
// Security Key entry reused for "turn on" and "check my key", and the history restore.
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { MatrixClient } from 'matrix-js-sdk';
import { XsErrorEvent } from '../../events/xs-error.js';
import type { XsEvent } from '../../events/xs-event.js';
import { XsKeyStorageChangeEvent } from '../../events/xs-key-storage-change.js';
import { explainFailure } from '../../i18n/errors.strings.js';
import { translate } from '../../i18n/registry.js';
import { accountModel } from '../../sdk/account.js';
import { describeFailure } from '../../sdk/errors.js';
import { BackupInTheWayError, turnBackupOff, type KeyCheckResult } from '../../sdk/key-storage.js';
import type { RecoveryPort } from '../../sdk/recovery-key.js';
import { KeyStorageFlow, type KeyStorageStage } from '../../state/key-storage-flow.js';
import type { RecoveryStage } from '../../state/recovery-key.js';
import { HistoryRestoreView } from '../verify-login/history-restore-view.js';
import type { KeyEntry } from '../verify-login/verify-login-key.js';
import { keyStorageStepsStrings as S } from './key-storage.steps.strings.js';
import { keyStorageStrings as O } from './key-storage.strings.js';

type Keys<T> = { [K in keyof T]: T[K] extends string ? K : never }[keyof T];
type Term = Keys<typeof S.en> | Keys<typeof O.en>;
/** What the Security Key entry is open for. */
type Purpose = 'on' | 'check';
/** A press on the overview. */
export type OverviewAction = 'off' | 'on' | 'restore' | 'check';
export type KeyStorageMode = 'backup' | 'check-key';

/** What the view needs from its element. */
export interface KeyStorageHost extends ReactiveControllerHost {
  readonly mode: KeyStorageMode;
  readonly lang: string;
  readonly root: ShadowRoot | null;
  emit(event: XsEvent): boolean;
  setState(name: string, on: boolean): void;
}

export class KeyStorageView {
  private client?: MatrixClient;
  private stage: KeyStorageStage = { kind: 'overview' };
  private keyEntry?: KeyEntry;
  private purpose?: Purpose;
  private checkResult?: KeyCheckResult;
  private lastOnError?: unknown;
  private flow?: KeyStorageFlow;
  private detach?: () => void;
  private readonly restoreView: HistoryRestoreView;

  constructor(private readonly host: KeyStorageHost) {
    this.restoreView = new HistoryRestoreView(host, () => host.lang);
  }

  private t(key: Term): string {
    return key in S.en ? translate(this.host.lang, S, key as 'back') : translate(this.host.lang, O, key as 'heading');
  }

  private changed() {
    this.host.setState('working', this.stage.kind === 'turning-off' || this.keyEntry?.stage.kind === 'restoring');
    this.host.requestUpdate();
  }

  stageKey(): string {
    if (this.keyEntry) return `${this.purpose}-${this.keyEntry.stageKey()}`;
    return this.stage.kind;
  }

  afterRender(): void {
    this.keyEntry?.afterRender();
  }

  /** The element's client changed (or the element connected / disconnected: undefined). */
  setClient(client: MatrixClient | undefined): void {
    this.detach?.();
    this.detach = undefined;
    this.client = client;
    this.stage = { kind: 'overview' };
    this.closeEntry();
    this.restoreView.reset();
    if (!client) return this.changed();
    // The element follows the account model (its overview); the flows here only ask it to read again.
    const model = accountModel(client);
    const flow = new KeyStorageFlow({ turnOff: () => turnBackupOff(client) });
    this.flow = flow;
    flow.addEventListener('change', () => {
      if (flow !== this.flow) return;
      this.stage = flow.stage;
      if (flow.stage.kind === 'off-done') {
        model.refresh(true);
        this.host.emit(new XsKeyStorageChangeEvent(false));
      } else if (flow.stage.kind === 'off-failed') {
        model.refresh(true);
        this.host.emit(new XsErrorEvent('key-storage.off-failed', explainFailure(this.host.lang, flow.stage.failure), flow.stage.failure.httpStatus));
      }
      this.changed();
    });
    this.detach = () => {
      flow.dispose();
      if (this.flow === flow) this.flow = undefined;
    };
    this.modeChanged();
  }

  /** `mode` changed: the check opens at once in `check-key`. */
  modeChanged(): void {
    this.closeEntry();
    this.flow?.back();
    if (this.host.mode === 'check-key' && this.client) void this.openEntry(this.client, 'check');
    this.changed();
  }

  /** Opens the Security Key entry (loaded when first needed, like `<xs-verify-login>`'s). */
  private async openEntry(client: MatrixClient, purpose: Purpose) {
    this.closeEntry();
    const [{ KeyEntry }, { backupOnPort, keyCheckPort }] = await Promise.all([
      import('../verify-login/verify-login-key.js'),
      import('../../sdk/key-storage-ports.js'),
    ]);
    if (this.client !== client) return;
    this.closeEntry();
    const base: RecoveryPort =
      purpose === 'on'
        ? backupOnPort(client)
        : keyCheckPort(client, (r) => {
            this.checkResult = r;
          });
    const port: RecoveryPort = {
      ...base,
      restore: async (raw, key, onStep) => {
        this.lastOnError = undefined;
        try {
          return await base.restore(raw, key, onStep);
        } catch (e) {
          this.lastOnError = e;
          throw e;
        }
      },
    };
    const host = this.host;
    const entry: KeyEntry = new KeyEntry(
      client,
      {
        get lang() {
          return host.lang;
        },
        get root() {
          return host.root;
        },
        changed: () => {
          if (entry.stage.kind === 'failed' && purpose === 'on') {
            const f = describeFailure(this.lastOnError);
            host.emit(new XsErrorEvent('key-storage.on-failed', explainFailure(host.lang, f), f.httpStatus));
          }
          this.changed();
        },
        emit: (e) => host.emit(e),
        verified: () => {
          if (purpose !== 'on') return;
          accountModel(client).refresh(true);
          host.emit(new XsKeyStorageChangeEvent(true));
        },
        back: () => this.leaveEntry(),
        useOtherSession: () => this.leaveEntry(),
        renderStage: (k) => this.renderEntryStage(entry, purpose, k),
        submitLabel: this.t(purpose === 'on' ? 'onSubmit' : 'checkSubmit'),
      },
      port,
    );
    this.keyEntry = entry;
    this.purpose = purpose;
    this.checkResult = undefined;
    this.changed();
    void entry.load();
  }

  private closeEntry() {
    this.keyEntry?.dispose();
    this.keyEntry = undefined;
    this.purpose = undefined;
    this.checkResult = undefined;
  }

  /** "Back" from the key entry: nothing was changed (the key is only used after it is entered). */
  private leaveEntry() {
    const done = this.keyEntry?.stage.kind === 'done';
    const wasOn = this.purpose === 'on';
    this.closeEntry();
    if (this.host.mode === 'check-key' && this.client) return void this.openEntry(this.client, 'check');
    if (wasOn && !done) this.flow?.cancel();
    else this.flow?.back();
    this.changed();
  }

  private button(label: string, onClick: () => void, cls = ''): TemplateResult {
    return html`<button type="button" part="action" class=${cls} @click=${onClick}>${label}</button>`;
  }

  private heading(text: string): TemplateResult {
    return html`<h2 tabindex="-1" data-stage-heading>${text}</h2>`;
  }

  /** The entry's stages that mean something else here than in verification. */
  private renderEntryStage(entry: KeyEntry, purpose: Purpose, k: RecoveryStage): TemplateResult | undefined {
    const back = this.button(this.t('back'), () => this.leaveEntry());
    if (purpose === 'on') {
      switch (k.kind) {
        case 'restoring':
          return html`<div part="base">${this.heading(this.t('turningOnHeading'))}<p part="status" role="status">${this.t('turningOn')}</p></div>`;
        case 'done':
          return html`<div part="base">${this.heading(this.t('onDoneHeading'))}<p part="status" role="status">${this.t('onDone')}</p>
            <div class="row">${this.button(this.t('done'), () => this.leaveEntry(), 'primary')}</div></div>`;
        case 'failed': {
          const why = this.lastOnError instanceof BackupInTheWayError ? this.t('onInTheWay') : explainFailure(this.host.lang, describeFailure(this.lastOnError));
          return html`<div part="base">${this.heading(this.t('onFailedHeading'))}<p part="status" role="alert">${why}</p>
            <div class="row">${this.button(this.t('tryAgain'), () => entry.flow.retry(), 'primary')} ${back}</div></div>`;
        }
        default:
          return undefined;
      }
    }
    switch (k.kind) {
      case 'done':
        return html`<div part="base">${this.heading(this.t('resultHeading'))}
          <p part="result" role="status" data-result=${this.checkResult ?? nothing}>${this.checkResult ? this.t(`result.${this.checkResult}`) : ''}</p>
          <div class="row">${this.button(this.t('checkAnother'), () => entry.flow.retry(), 'primary')} ${this.host.mode === 'check-key' ? nothing : back}</div></div>`;
      case 'failed':
        return html`<div part="base">${this.heading(this.t('checkFailedHeading'))}
          <p part="status" role="alert">${explainFailure(this.host.lang, describeFailure(this.lastOnError))}</p>
          <div class="row">${this.button(this.t('tryAgain'), () => entry.flow.retry(), 'primary')} ${back}</div></div>`;
      default:
        return undefined;
    }
  }

  render(): TemplateResult {
    if (!this.client) return html`<div part="base">${this.heading(this.t(this.host.mode === 'check-key' ? 'checkHeading' : 'heading'))}<p part="status">${this.t('noClient')}</p></div>`;
    if (this.keyEntry) {
      const enter = this.keyEntry.stage.kind === 'enter' && this.purpose === 'check';
      return html`${this.keyEntry.render()}${enter ? html`<p class="note">${this.t('checkIntro')}</p>` : nothing}`;
    }
    if (this.host.mode === 'check-key') return html`<div part="base">${this.heading(this.t('checkHeading'))}<p part="status" role="status">${this.t('state.checking')}</p></div>`;
    const s = this.stage;
    const flow = this.flow!;
    switch (s.kind) {
      case 'overview':
        // The element renders the overview itself (key-storage.ts).
        return html`<div part="base">${this.heading(this.t('heading'))}<p part="status" role="status">${this.t('state.checking')}</p></div>`;
      case 'confirm-off':
        return html`<div part="base">
          ${this.heading(this.t('confirmOffHeading'))}
          <p>${this.t('confirmOffIntro')}</p>
          <ul part="warning" class="warning"><li>${this.t('confirmOffNew')}</li><li>${this.t('confirmOffDeleted')}</li></ul>
          <p>${this.t('confirmOffKept')}</p>
          <div class="row">
            ${this.button(this.t('confirmOff'), () => void flow.confirmOff(), 'danger')}
            ${this.button(this.t('cancel'), () => flow.cancel(), 'primary')}
          </div>
        </div>`;
      case 'turning-off':
        return html`<div part="base">${this.heading(this.t('confirmOffHeading'))}<p part="status" role="status">${this.t('turningOff')}</p></div>`;
      case 'off-done':
        return html`<div part="base">${this.heading(this.t('offDoneHeading'))}<p part="status" role="status">${this.t('offDone')}</p>
          <div class="row">${this.button(this.t('done'), () => flow.back(), 'primary')}</div></div>`;
      case 'off-failed':
        return html`<div part="base">${this.heading(this.t('offFailedHeading'))}
          <p part="status" role="alert">${this.t('offFailed')} ${explainFailure(this.host.lang, s.failure)}</p>
          <div class="row">${this.button(this.t('tryAgain'), () => void flow.confirmOff(), 'primary')} ${this.button(this.t('back'), () => flow.back())}</div></div>`;
      case 'turn-on':
        return html`<div part="base">${this.heading(this.t('heading'))}<p part="status" role="status">${this.t('state.checking')}</p></div>`;
      case 'restore':
        return html`<div part="base">${this.heading(this.t('restoreHeading'))}${this.restoreView.render()}
          <div class="row">${this.button(this.t('back'), () => flow.back())}</div></div>`;
    }
  }

  /** The overview shows (rendered by the element): no step of a flow is open. */
  atOverview(): boolean {
    return !!this.client && !this.keyEntry && this.stage.kind === 'overview' && this.host.mode !== 'check-key';
  }

  /** What the overview adds after a flow came back to it ("Nothing changed."). */
  overviewNote(): 'cancelled' | undefined {
    return this.stage.kind === 'overview' ? this.stage.note : undefined;
  }

  /** A press on the overview's buttons. */
  act(action: OverviewAction): void {
    const client = this.client;
    const flow = this.flow;
    if (!client || !flow || !this.atOverview()) return;
    switch (action) {
      case 'off':
        return flow.askOff();
      case 'on':
        flow.turnOn();
        return void this.openEntry(client, 'on');
      case 'restore':
        // A second press (or Try again) while a restore runs joins it (HistoryRestoreView keeps one flow).
        flow.restore();
        return this.restoreView.start(client);
      case 'check':
        return void this.openEntry(client, 'check');
    }
  }
}
