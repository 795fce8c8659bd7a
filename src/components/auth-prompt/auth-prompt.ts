import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
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
  /** The UIA session to render (from the flow that needs authentication). */
  @property({ attribute: false }) session?: UiaSession<unknown>;

  /** @internal The session's stage, as auth-prompt.view.ts follows it. */
  @state() stage: UiaStage = { kind: 'idle' };
  /** @internal The countdown's clock (auth-prompt.view.ts ticks it, and renders again). */
  nowMs = 0;
  /** @internal What the polite live region says: set once per rate-limit countdown and once when it is over (with a stage). */
  announcement: Announcement = null;
  /**
   * The stages (their templates, strings and styles) and how the element follows a session: the first render (no
   * session) shows nothing, so they load in the first idle moment, or as soon as a session is given.
   */
  private readonly view = this.lazy(() => import('./auth-prompt.view.js'));

  protected override stageKey() {
    const k = this.stage.kind;
    // A stage shows (and its heading can take focus) once the stages' module is here.
    return k === 'working' ? undefined : this.view.ready ? k : 'idle';
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    super.willUpdate(changed as never);
    // From here on the stages' module follows the session (it watches it, ticks the countdown, moves the focus).
    if (this.session || this.view.ready) this.view.value?.follow(this);
    const k = this.stage.kind;
    this.setExclusiveState(['password', 'external', 'rate-limited'], k === 'fallback' || k === 'oauth' ? 'external' : k);
  }

  protected override render() {
    // The live region stays in place across stages, so changing its text is what gets announced.
    const v = this.view.ready ? this.view.value : undefined;
    return html`${v ? v.renderStage(this, this.localize, this.stage) : nothing}<p class="visually-hidden" role="status" aria-live="polite">${v ? v.announcementText(this.localize, this.announcement) : ''}</p>`;
  }
}
