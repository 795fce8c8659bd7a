import { css, html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { explainFailure } from '../../i18n/errors.strings.js';
import { XsElement } from '../../internal/xs-element.js';
import type { UiaSession, UiaStage } from '../../state/uia.js';
import { authStrings } from './auth-prompt.strings.js';

/**
 * @summary Asks for whatever the homeserver wants before a sensitive action (user-interactive auth):
 * the account password inline, or a confirmation on the homeserver's own page (SSO, account management),
 * with a countdown when rate-limited. Embedded by flows that need it; it renders a `UiaSession`.
 * @tag xs-auth-prompt
 * @csspart base - The wrapper.
 * @csspart action - The buttons.
 * @csspart status - Progress and countdown text.
 * @cssstate password - Waiting for the password.
 * @cssstate external - Waiting for a confirmation on the homeserver's page.
 * @cssstate rate-limited - Counting down after a 429.
 */
export class XsAuthPrompt extends XsElement {
  static override styles = [
    ...XsElement.styles,
    css`
      .row { display: flex; gap: var(--xs-space-s, 0.5rem); flex-wrap: wrap; margin-top: var(--xs-space-s, 0.5rem); }
      label { display: block; font-weight: 600; }
      h3 { margin: 0 0 var(--xs-space-s, 0.5rem); font-size: 1.05em; }
      h3:focus { outline: none; }
    `,
  ];

  /** The UIA session to render (from the flow that needs authentication). */
  @property({ attribute: false }) session?: UiaSession<unknown>;

  @state() private stage: UiaStage = { kind: 'idle' };
  @state() private nowMs = Date.now();
  @query('input[type=password]') private passwordInput?: HTMLInputElement;
  private tick?: ReturnType<typeof setInterval>;
  private watched?: UiaSession<unknown>;
  private readonly onChange = () => {
    this.stage = this.session!.stage;
    this.nowMs = Date.now();
  };

  protected override stageKey() {
    return this.stage.kind === 'working' ? undefined : this.stage.kind;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.watch(undefined);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.session) this.watch(this.session);
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    super.willUpdate(changed as never);
    if (changed.has('session')) this.watch(this.session);
    if (changed.has('stage')) {
      this.setExclusiveState(['password', 'external', 'rate-limited'],
        this.stage.kind === 'fallback' || this.stage.kind === 'oauth' ? 'external' : this.stage.kind);
      clearInterval(this.tick);
      this.tick = undefined;
      if (this.stage.kind === 'rate-limited') this.tick = setInterval(() => (this.nowMs = Date.now()), 500);
    }
  }

  protected override updated(changed: Map<PropertyKey, unknown>): void {
    super.updated(changed as never);
    // After a wrong password the form is rendered anew: put the keyboard back in the field.
    if (changed.has('stage') && this.stage.kind === 'password' && this.stage.wrongPassword) this.passwordInput?.focus();
  }

  private watch(s: UiaSession<unknown> | undefined) {
    if (this.watched === s) return;
    this.watched?.removeEventListener('change', this.onChange);
    this.watched = s;
    if (s) {
      s.addEventListener('change', this.onChange);
      this.stage = s.stage;
    }
  }

  private submit(e: SubmitEvent) {
    e.preventDefault();
    const input = this.passwordInput;
    if (!input || !input.value) return;
    const value = input.value;
    input.value = '';
    this.session?.submitPassword(value);
  }

  private openExternal(url: string) {
    // noopener: the homeserver's page must not script us.
    window.open(url, '_blank', 'noopener');
    this.session?.markOpened();
  }

  private heading() {
    return html`<h3 tabindex="-1" data-stage-heading>${this.localize.t(authStrings, 'heading')}</h3>`;
  }

  private cancelButton() {
    return html`<button type="button" part="action" @click=${() => this.session?.cancel()}>${this.localize.t(authStrings, 'cancel')}</button>`;
  }

  protected override render() {
    const s = this.stage;
    const t = this.localize;
    switch (s.kind) {
      case 'idle':
        return nothing;
      case 'working':
        return html`<div part="base"><p role="status" part="status">${t.t(authStrings, 'working')}</p></div>`;
      case 'password':
        return html`<form part="base" @submit=${this.submit}>
          ${this.heading()}
          <p id="intro">${t.t(authStrings, 'passwordIntro')}</p>
          <label for="pw">${t.t(authStrings, 'passwordLabel')}</label>
          <input id="pw" type="password" name="password" autocomplete="current-password" spellcheck="false" required
            aria-describedby="intro${s.wrongPassword ? ' err' : ''}" aria-invalid=${s.wrongPassword ? 'true' : 'false'} />
          ${s.wrongPassword ? html`<p id="err" role="alert">${t.t(authStrings, 'wrongPassword')}</p>` : nothing}
          <div class="row">
            <button type="submit" class="primary" part="action">${t.t(authStrings, 'submit')}</button>
            ${this.cancelButton()}
          </div>
        </form>`;
      case 'fallback':
      case 'oauth':
        return html`<div part="base">
          ${this.heading()}
          <p>${t.t(authStrings, s.kind === 'oauth' ? 'oauthIntro' : 'fallbackIntro')}</p>
          ${s.url ? nothing : html`<p role="alert">${t.t(authStrings, 'noUrl')}</p>`}
          ${s.notYet ? html`<p role="alert">${t.t(authStrings, 'notYet')}</p>` : nothing}
          <div class="row">
            ${s.url ? html`<button type="button" class=${s.opened ? '' : 'primary'} part="action" @click=${() => this.openExternal(s.url)}>${t.t(authStrings, 'open')}</button>` : nothing}
            ${s.opened ? html`<button type="button" class="primary" part="action" @click=${() => this.session?.confirmExternal()}>${t.t(authStrings, 'confirmed')}</button>` : nothing}
            ${this.cancelButton()}
          </div>
        </div>`;
      case 'rate-limited': {
        const secs = Math.max(0, Math.ceil((s.until - this.nowMs) / 1000));
        return html`<div part="base">
          ${this.heading()}
          <p role="status" part="status">${t.t(authStrings, 'rateLimited', secs)}</p>
          <div class="row">${this.cancelButton()}</div>
        </div>`;
      }
      case 'failed':
        return html`<div part="base">
          ${this.heading()}
          <p role="alert">${t.t(authStrings, 'failed')} ${explainFailure(t.lang, s.failure)}</p>
          <div class="row">
            <button type="button" class="primary" part="action" @click=${() => this.session?.retry()}>${t.t(authStrings, 'retry')}</button>
            ${this.cancelButton()}
          </div>
        </div>`;
      case 'done':
        return html`<p role="status" part="status">${t.t(authStrings, 'done')}</p>`;
      case 'cancelled':
        return html`<p role="status" part="status">${t.t(authStrings, 'cancelled')}</p>`;
    }
  }
}
