import { css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { actionRowStyles } from '../../internal/stage.styles.js';
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
    actionRowStyles,
    css`
      label { display: block; font-weight: 600; }
      h3 { margin: 0 0 var(--xs-space-s, 0.5rem); font-size: 1.05em; }
      h3:focus { outline: none; }
    `,
  ];

  /** The UIA session to render (from the flow that needs authentication). */
  @property({ attribute: false }) session?: UiaSession<unknown>;

  @state() private stage: UiaStage = { kind: 'idle' };
  /** @internal The countdown's clock (auth-prompt.view.ts ticks it). */
  @state() nowMs = Date.now();
  /** @internal What the polite live region says: set once per rate-limit countdown and once when it is over. */
  @state() announcement: Announcement = null;
  /** @internal The countdown's timer. */
  tick?: ReturnType<typeof setInterval>;
  /**
   * The stages' templates, strings and how the element follows them: the first render (no session, or an idle one)
   * shows nothing.
   */
  private readonly view = this.lazy(() => import('./auth-prompt.view.js'));
  /** The stage the stages' module last followed (see willUpdate). */
  private followed?: UiaStage;
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
    const s = this.stage;
    if (changed.has('stage')) this.setExclusiveState(['password', 'external', 'rate-limited'], s.kind === 'fallback' || s.kind === 'oauth' ? 'external' : s.kind);
    // The countdown and the live region follow the stages from their module: once a session has left idle (a stage
    // that came before the module is followed when it arrives).
    const v = s.kind === 'idle' && !this.view.ready ? undefined : this.view.value;
    if (v && this.followed !== s) v.follow(this, this.followed, s);
    if (v) this.followed = s;
  }

  protected override updated(changed: Map<PropertyKey, unknown>): void {
    super.updated(changed as never);
    // After a wrong password the form is rendered anew: put the keyboard back in the field.
    if (changed.has('stage') && this.stage.kind === 'password' && this.stage.wrongPassword) this.renderRoot.querySelector('input')?.focus();
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

  protected override render() {
    // The live region stays in place across stages, so changing its text is what gets announced. Until the stages'
    // module is here (it loads in the first idle moment, or when a session first leaves idle) nothing shows.
    const v = this.stage.kind === 'idle' && !this.announcement && !this.view.ready ? undefined : this.view.value;
    return html`${v ? v.renderStage(this, this.localize, this.stage) : nothing}<p class="visually-hidden" role="status" aria-live="polite">${v ? v.announcementText(this.localize, this.announcement) : ''}</p>`;
  }
}
