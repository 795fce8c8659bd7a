import { html, nothing, type TemplateResult } from 'lit';
import { explainFailure } from '../../i18n/errors.strings.js';
import type { SetupWizard, WizardStage } from '../../state/setup-wizard.js';
import type { XsNewPassphrase } from '../new-passphrase/new-passphrase.js';
import type { LaterView } from './setup-wizard.view.js';

// The steps that make the key (after choosing how, setup-wizard.intro.ts): the phrase, making it, showing it until it is saved
// (copy, download, print), and typing it back. The key is read from the flow only while it is shown.

async function copyKey(v: LaterView, w: SetupWizard) {
  const key = w.displayKey();
  if (!key) return;
  try {
    if (!navigator.clipboard?.writeText) throw new Error('no clipboard');
    await navigator.clipboard.writeText(key);
    w.markSaved('copy');
  } catch {
    w.markCopyFailed();
    await v.updated();
    selectKey(v);
  }
}

function selectKey(v: LaterView) {
  const el = v.root.querySelector<HTMLElement>('#key-text');
  if (!el) return;
  el.focus();
  const range = document.createRange();
  range.selectNodeContents(el);
  const sel = (v.root as unknown as { getSelection?: () => Selection | null }).getSelection?.() ?? window.getSelection();
  sel?.removeAllRanges();
  sel?.addRange(range);
}

function downloadKey(v: LaterView, w: SetupWizard) {
  const key = w.displayKey();
  if (!key) return;
  const text = `${v.t('fileHeader')}\n\n${key}\n`;
  // A blob: URL holds no key text itself and is revoked at once.
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = 'security-key.txt';
  a.rel = 'noopener';
  a.style.display = 'none';
  v.root.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
  w.markSaved('download');
}

function printKey(w: SetupWizard) {
  window.print();
  w.markSaved('print');
}

function submitPhrase(v: LaterView, w: SetupWizard) {
  const field = v.root.querySelector<XsNewPassphrase>('xs-new-passphrase');
  if (!field || !field.valid) return;
  w.submitPhrase(field.takeValue());
}

function submitConfirmKey(form: HTMLFormElement, w: SetupWizard) {
  const input = form.querySelector<HTMLInputElement>('#confirm-key')!;
  const value = input.value;
  input.value = '';
  w.confirmKey(value);
}

export function renderKeyStep(v: LaterView, s: WizardStage, w: SetupWizard): TemplateResult | undefined {
  switch (s.kind) {
    case 'phrase':
      return html`<form part="base" @submit=${(e: SubmitEvent) => v.submitForm(e, () => submitPhrase(v, w))}>
        ${v.heading('phraseHeading')}
        <p>${v.t('phraseBody')}</p>
        <xs-new-passphrase part="passphrase" min-score="3" label=${v.t('phraseLabel')} confirm-label=${v.t('phraseConfirmLabel')} .userInputs=${[v.userId]}
          @xs-passphrase-validity=${(e: { valid: boolean }) => v.keep({ phraseValid: e.valid })}></xs-new-passphrase>
        <div class="row">
          <button type="submit" part="action" class="primary" ?disabled=${!v.state.phraseValid}>${v.t('continue')}</button>
          ${v.button(v.t('back'), () => w.back())}
        </div>
      </form>`;
    case 'generating':
      return html`<div part="base"><p part="status" role="status">${v.t('generating')}</p></div>`;
    case 'generate-failed':
      return html`<div part="base">
        ${v.heading('generateFailed')}
        <p role="alert">${explainFailure(v.localize.lang, s.failure)}</p>
        <div class="row">${v.button(v.t('retry'), () => w.retry(), 'primary')}${v.button(v.t('back'), () => w.back())}</div>
      </div>`;
    case 'show-key': {
      const key = w.displayKey() ?? '';
      const savedMsg = s.saved === 'copy' ? 'copied' : s.saved === 'download' ? 'downloaded' : s.saved === 'print' ? 'printed' : null;
      return html`<div part="base">
        ${v.heading('showHeading')}
        <p>${v.t('showBody')}</p>
        <p id="key-label" class="visually-hidden">${v.t('keyLabel')}</p>
        <p id="key-text" class="key" part="key" tabindex="0" aria-labelledby="key-label" @copy=${() => w.markSaved('copy')}>${key}</p>
        <div class="row">
          ${v.button(v.t('copy'), () => void copyKey(v, w))}
          ${v.button(v.t('download'), () => downloadKey(v, w))}
          ${v.button(v.t('print'), () => printKey(w))}
        </div>
        <p part="status" role="status" id="saved-status">${s.copyFailed ? v.t('copyFailed') : savedMsg ? v.t(savedMsg) : nothing}</p>
        ${s.saved ? nothing : html`<p id="save-first">${v.t('saveFirst')}</p>`}
        <div class="row">
          <button type="button" part="action" class="primary" aria-disabled=${s.saved ? 'false' : 'true'} aria-describedby=${s.saved ? nothing : 'save-first'}
            ?disabled=${!s.saved} @click=${() => w.toConfirm()}>${v.t('continue')}</button>
          ${v.button(v.t('back'), () => w.back())}
        </div>
      </div>`;
    }
    case 'confirm-key':
      return html`<form part="base" @submit=${(e: SubmitEvent) => v.submitForm(e, (f) => submitConfirmKey(f, w))}>
        ${v.heading('confirmHeading')}
        <p id="confirm-body">${v.t('confirmBody')}</p>
        <label for="confirm-key">${v.t('confirmLabel')}</label>
        <input id="confirm-key" type="text" autocomplete="off" spellcheck="false" autocapitalize="off" required
          aria-describedby=${s.mismatch ? 'confirm-body confirm-err' : 'confirm-body'} aria-invalid=${s.mismatch ? 'true' : 'false'} />
        ${s.mismatch ? html`<p id="confirm-err" role="alert">${v.t('confirmMismatch')}</p>` : nothing}
        <div class="row">
          <button type="submit" part="action" class="primary">${v.t('continue')}</button>
          ${v.button(v.t('back'), () => w.back())}
        </div>
      </form>`;
    default:
      return undefined;
  }
}
