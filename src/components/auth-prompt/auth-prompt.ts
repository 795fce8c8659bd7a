import { css, html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { XsElement } from '../../internal/xs-element.js';
import type { UiaSession, UiaStage } from '../../state/uia.js';
import type { Announcement } from './auth-prompt.view.js';

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
  /** What the polite live region says: set once per rate-limit countdown and once when it is over. */
  @state() private announcement: Announcement = null;
  /** The stages' templates and strings: the first render (no session, or an idle one) shows nothing. */
  private readonly view = this.lazy(() => import('./auth-prompt.view.js'));
  @query('input[type=password]') private passwordInput?: HTMLInputElement;
  private tick?: ReturnType<typeof setInterval>;
  private watched?: UiaSession<unknown>;
  private readonly onChange = () => {
    this.stage = this.session!.stage;
    this.nowMs = Date.now();
  };

  protected override stageKey() {
    if (this.stage.kind === 'working') return undefined;
    // A stage shows (and its heading can take focus) once the stages' module is here.
    return this.view.ready ? this.stage.kind : 'idle';
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
      if (s.kind !== 'rate-limited') this.announcement = null;
      else if (s.ready) this.announcement = { kind: 'ready' };
      else if (old?.kind !== 'rate-limited' || old.until !== s.until) this.announcement = { kind: 'wait', seconds: Math.ceil(s.waitMs / 1000) };
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

  private readonly onSubmit = (e: SubmitEvent) => {
    e.preventDefault();
    const input = this.passwordInput;
    if (!input || !input.value) return;
    const value = input.value;
    input.value = '';
    this.session?.submitPassword(value);
  };

  protected override render() {
    // The live region stays in place across stages, so changing its text is what gets announced. Until the stages'
    // module is here (it loads in the first idle moment, or when a session first leaves idle) nothing shows.
    const v = this.stage.kind === 'idle' && !this.announcement && !this.view.ready ? undefined : this.view.value;
    return html`${v ? v.renderStage({ session: this.session, nowMs: this.nowMs, onSubmit: this.onSubmit }, this.localize, this.stage) : nothing}<p class="visually-hidden" role="status" aria-live="polite">${v ? v.announcementText(this.localize, this.announcement) : ''}</p>`;
  }
}
