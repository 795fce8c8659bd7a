// The part of <xs-verify-login>'s "Verified" step that follows the keys arriving from the other session and
// the history being restored from the key backup (progress, then "1,234 keys restored").
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { MatrixClient } from 'matrix-js-sdk';
import { translate } from '../../i18n/registry.js';
import { accountModel } from '../../sdk/account.js';
import { historyRestorePortFor } from '../../sdk/history-restore.js';
import { HistoryRestoreFlow, type HistoryRestoreStage } from '../../state/history-restore.js';
import { verifyStepsStrings } from './verify-login-steps.strings.js';

export class HistoryRestoreView implements ReactiveController {
  private flow?: HistoryRestoreFlow;
  private stage?: HistoryRestoreStage;

  constructor(private readonly host: ReactiveControllerHost, private readonly lang: () => string) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.reset();
  }

  /** This session is verified: wait for the keys from the other session, then restore (once). */
  start(client: MatrixClient): void {
    if (this.flow) return;
    const flow = new HistoryRestoreFlow(historyRestorePortFor(client));
    this.flow = flow;
    // The account model every element on this client shares says "receiving keys" (not "not verified" or "out of
    // sync") until they are here; it follows their arrival itself.
    accountModel(client).expectKeys();
    flow.addEventListener('change', () => {
      if (flow !== this.flow) return;
      this.stage = flow.stage;
      this.host.requestUpdate();
    });
    this.stage = flow.stage;
    this.host.requestUpdate();
    void flow.start();
  }

  reset(): void {
    this.flow?.dispose();
    this.flow = undefined;
    this.stage = undefined;
  }

  render() {
    const r = this.stage;
    if (!r) return nothing;
    const lang = this.lang();
    const t = (k: keyof typeof verifyStepsStrings.en & string) => translate(lang, verifyStepsStrings, k as 'restoreWaiting');
    const n = (x: number) => new Intl.NumberFormat(lang).format(x);
    switch (r.kind) {
      case 'waiting-secrets':
        return html`<p part="restore" role="status">${t('restoreWaiting')}</p>`;
      case 'restoring':
        return html`<div part="restore" class="restore">
          <p role="status">${r.total ? translate(lang, verifyStepsStrings, 'restoringCount', n(r.done), n(r.total)) : t('restoringFetch')}</p>
          <progress max=${r.total || 1} .value=${r.total ? r.done : 0} aria-label=${t('restoreProgressLabel')}></progress>
        </div>`;
      case 'restored':
        return html`<p part="restore" role="status">${r.total === 0
          ? t('restoredNone')
          : r.imported === 0
            ? translate(lang, verifyStepsStrings, 'restoredAlready', n(r.total), r.total)
            : translate(lang, verifyStepsStrings, 'restored', n(r.imported), r.imported)}</p>`;
      case 'no-backup':
        return html`<p part="restore" role="status">${t('restoreNoBackup')}</p>`;
      case 'secrets-missing':
      case 'failed':
        return html`<div part="restore" class="restore">
          <p role="alert">${r.kind === 'failed' ? t('restoreFailed') : t('restoreSecretsMissing')}</p>
          <div class="row"><button type="button" part="action" @click=${() => void this.flow?.retry()}>${t('tryAgain')}</button></div>
        </div>`;
    }
  }
}
