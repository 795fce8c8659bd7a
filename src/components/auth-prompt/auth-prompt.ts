import { css, html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { explainFailure } from '../../i18n/errors.strings.js';
import { checkServerUrl, type UrlRefusal } from '../../internal/safe-url.js';
import { XsElement } from '../../internal/xs-element.js';
import type { UiaSession, UiaStage } from '../../state/uia.js';
import { authStrings } from './auth-prompt.strings.js';

/**
 * @summary Asks for whatever the homeserver wants before a sensitive action (user-interactive auth):
 * the account password inline, or a confirmation on the homeserver's own page (SSO, account management),
 * with a countdown when rate-limited. Embedded by flows that need it; it renders a `UiaSession`.
 * A page address from the server opens only when it passes the kit's check (`https:`, or `http:` on this
 * machine); otherwise the prompt says why it was not opened. After a 429 the countdown is shown (announced
 * once, not every second) and nothing is re-sent until the person presses "Try again".
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
      .row { display: flex; gap: var(--xs-space-s, 0.5rem); flex-wrap: wrap; margin-block-start: var(--xs-space-s, 0.5rem); }
      label { display: block; font-weight: 600; }
      h3 { margin: 0 0 var(--xs-space-s, 0.5rem); font-size: 1.05em; }
      h3:focus { outline: none; }
    `,
  ];

  /** The UIA session to render (from the flow that needs authentication). */
  @property({ attribute: false }) session?: UiaSession<unknown>;

  @state() private stage: UiaStage = { kind: 'idle' };
  @state() private nowMs = Date.now();
  /** Text for the polite live region: set once per rate-limit countdown and once when it is over. */
  @state() private announcement = '';
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
    clearInterval(this.tick);
    this.tick = undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.session) this.watch(this.session);
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    super.willUpdate(changed as never);
    if (changed.has('session')) this.watch(this.session);
    if (changed.has('stage')) {
      const s = this.stage;
      const old = changed.get('stage') as UiaStage | undefined;
      this.setExclusiveState(['password', 'external', 'rate-limited'],
        s.kind === 'fallback' || s.kind === 'oauth' ? 'external' : s.kind);
      clearInterval(this.tick);
      this.tick = undefined;
      if (s.kind === 'rate-limited' && !s.ready) this.tick = setInterval(() => (this.nowMs = Date.now()), 500);
      // The countdown itself is a timer (not live); the live region speaks at its start and at its end only.
      if (s.kind !== 'rate-limited') this.announcement = '';
      else if (s.ready) this.announcement = this.localize.t(authStrings, 'rateLimitedReady');
      else if (old?.kind !== 'rate-limited' || old.until !== s.until) this.announcement = this.localize.t(authStrings, 'rateLimited', Math.ceil(s.waitMs / 1000));
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
    // Checked again right here: nothing reaches window.open without passing the one URL check.
    const check = checkServerUrl(url);
    if (!check.ok) return;
    // noopener: the homeserver's page must not script us.
    window.open(check.url, '_blank', 'noopener');
    this.session?.markOpened();
  }

  private refusalText(refusal: UrlRefusal | undefined) {
    const t = this.localize;
    if (!refusal || refusal === 'missing') return t.t(authStrings, 'noUrl');
    const why = { scheme: 'urlScheme', insecure: 'urlInsecure', relative: 'urlRelative', malformed: 'urlMalformed', credentials: 'urlCredentials' } as const;
    return `${t.t(authStrings, 'urlRefused')} ${t.t(authStrings, why[refusal])} ${t.t(authStrings, 'urlWhatNow')}`;
  }

  private heading() {
    return html`<h3 tabindex="-1" data-stage-heading>${this.localize.t(authStrings, 'heading')}</h3>`;
  }

  private cancelButton() {
    return html`<button type="button" part="action" @click=${() => this.session?.cancel()}>${this.localize.t(authStrings, 'cancel')}</button>`;
  }

  protected override render() {
    // The live region stays in place across stages, so changing its text is what gets announced.
    return html`${this.renderStage()}<p class="visually-hidden" role="status" aria-live="polite">${this.announcement}</p>`;
  }

  private renderStage() {
    const s = this.stage;
    const t = this.localize;
    switch (s.kind) {
      case 'idle':
        return nothing;
      case 'working':
        return html`<div part="base"><p role="status" part="status">${t.t(authStrings, 'working')}</p></div>`;
      case 'password':
        return html`<form part="base" @submit=${(e: SubmitEvent) => this.submit(e)}>
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
          ${s.url ? nothing : html`<p role="alert" id="url-refused">${this.refusalText(s.refusal)}</p>`}
          ${s.notYet ? html`<p role="alert">${t.t(authStrings, 'notYet')}</p>` : nothing}
          <div class="row">
            ${s.url ? html`<button type="button" class=${s.opened ? '' : 'primary'} part="action" @click=${() => this.openExternal(s.url)}>${t.t(authStrings, 'open')}</button>` : nothing}
            ${s.opened ? html`<button type="button" class="primary" part="action" @click=${() => this.session?.confirmExternal()}>${t.t(authStrings, 'confirmed')}</button>` : nothing}
            ${this.cancelButton()}
          </div>
        </div>`;
      case 'rate-limited': {
        const secs = Math.max(1, Math.ceil((s.until - this.nowMs) / 1000));
        return html`<div part="base">
          ${this.heading()}
          <p role="timer" aria-live="off" part="status" id="countdown">
            ${s.ready ? t.t(authStrings, 'rateLimitedReady') : t.t(authStrings, 'rateLimited', secs)}
          </p>
          ${s.capped && !s.ready ? html`<p id="capped">${t.t(authStrings, 'rateLimitedCapped', Math.ceil(s.waitMs / 1000))}</p>` : nothing}
          <div class="row">
            ${s.ready ? html`<button type="button" class="primary" part="action" @click=${() => this.session?.retry()}>${t.t(authStrings, 'retry')}</button>` : nothing}
            ${this.cancelButton()}
          </div>
        </div>`;
      }
      case 'failed': {
        // Say "authentication did not succeed" only when the server refused it; a network failure,
        // a server error or a rate limit is worded as what it is.
        const refused = ['forbidden', 'bad-request', 'not-found', 'unknown'].includes(s.failure.kind);
        return html`<div part="base">
          ${this.heading()}
          <p role="alert">${refused ? `${t.t(authStrings, 'failed')} ` : ''}${explainFailure(t.lang, s.failure)}</p>
          <div class="row">
            <button type="button" class="primary" part="action" @click=${() => this.session?.retry()}>${t.t(authStrings, 'retry')}</button>
            ${this.cancelButton()}
          </div>
        </div>`;
      }
      case 'done':
        return html`<p role="status" part="status">${t.t(authStrings, 'done')}</p>`;
      case 'cancelled':
        return html`<p role="status" part="status">${t.t(authStrings, 'cancelled')}</p>`;
    }
  }
}
