import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { repeat } from 'lit/directives/repeat.js';
import type { MatrixClient } from 'matrix-js-sdk';
import { explainFailure } from '../../i18n/errors.strings.js';
import { actionRowStyles } from '../../internal/stage.styles.js';
import { cardStyles } from '../../internal/card.styles.js';
import { untrusted, untrustedStyles } from '../../internal/untrusted-html.js';
import { XsElement } from '../../internal/xs-element.js';
import type { RoomTrustSource } from '../../sdk/room-trust.js';
import { ROOM_TRUST_READ_TIMEOUT_MS, RoomTrustModel, roomTrustModel } from '../../state/room-trust-model.js';
import { ROOM_BADGES, deriveView, memoryAcknowledgementStore, type AcknowledgementStore, type MemberEntry, type RoomBadge, type RoomTrustStage, type RoomTrustView } from '../../state/room-trust.js';
import { roomTrustStyles } from './room-trust.styles.js';
import type { MoreHost, Notice } from './room-trust.more.js';
import { roomTrustStrings } from './room-trust.strings.js';

/** Rows of the unsigned-sessions list rendered per task. */
const UNSIGNED_CHUNK = 25;

type Key = keyof typeof roomTrustStrings.en;
type Stage = RoomTrustStage | { kind: 'no-client' };
type More = typeof import('./room-trust.more.js');

/** What shows without a model (no client or room): nothing to list, the badge "unavailable". */
const NO_VIEW = deriveView({ kind: 'no-room' }, [], '', 'all');

/**
 * @summary Trust in the people of one room, live: whose identity changed since you pinned or verified it
 * (Acknowledge, Verify, or — for someone you had verified — Withdraw the verification requirement); on demand,
 * the sessions their owners never verified; the device-isolation setting and, in its strict mode, who will not
 * receive keys. With `compact`, one badge for a room header that opens the detail.
 * @tag xs-room-trust
 * @event {XsRequestVerifyEvent} xs-request-verify - Cancelable. Verify was pressed for a member (`subject: 'user'`, `userId`, `reason` `identity-changed` or `requested`). Not cancelled: `<xs-verify-user>` opens inline.
 * @event {XsIdentityAcceptedEvent} xs-identity-accepted - A changed identity was acknowledged (`pinned`) or a verification requirement withdrawn (`withdrawn`), read back.
 * @event {XsErrorEvent} xs-error - Acknowledge or withdraw failed; the element shows why.
 * @csspart base - The detail's wrapper.
 * @csspart status - The summary line.
 * @csspart badge - The compact badge (a button).
 * @csspart dialog - The compact mode's detail dialog.
 * @csspart change - A member whose identity changed.
 * @csspart action - The buttons.
 * @csspart unsigned - The list of members with unsigned sessions.
 * @csspart isolation - The device-isolation paragraph.
 * @csspart verify - The inline `<xs-verify-user>` area.
 * @cssprop [--xs-room-trust-ok-color=var(--xs-color-success)] - Badge dot of a verified room.
 * @cssprop [--xs-room-trust-warn-color=var(--xs-color-warning)] - Badge dot of unverified sessions.
 * @cssprop [--xs-room-trust-bad-color=var(--xs-color-danger)] - Badge dot and banner edge of a changed identity.
 * @cssprop [--xs-room-trust-warning-background=var(--xs-color-warning-surface)] - Background of a change banner.
 * @cssstate checking - Members are being read.
 * @cssstate unavailable - No client, no crypto, unknown room, or the read failed.
 * @cssstate not-encrypted - The room is not encrypted.
 * @cssstate identity-changed - Someone's identity changed and nobody acknowledged it.
 * @cssstate unsigned-sessions - Someone has sessions their owner never verified.
 * @cssstate verified - Every other member is verified and every session signed.
 * @cssstate not-verified - No warnings, but not everyone is verified.
 */
export class XsRoomTrust extends XsElement {
  static override styles = [...XsElement.styles, actionRowStyles, cardStyles, untrustedStyles, roomTrustStyles];

  /** The room. */
  @property({ attribute: 'room-id' }) roomId?: string;

  /** One badge for a room header; pressing it opens the detail in a dialog. */
  @property({ type: Boolean, reflect: true }) compact = false;

  /**
   * Where acknowledged warnings are kept so they stay quiet (`load()` / `add(key)`; keys hold user and device
   * IDs and public keys only). Default: in memory, shared by the room views of one client.
   */
  @property({ attribute: false }) acknowledgements?: AcknowledgementStore;

  /** How long (ms) reading the member list or one batch of members may take before the element says it failed. */
  @property({ type: Number, attribute: 'read-timeout' }) readTimeout = ROOM_TRUST_READ_TIMEOUT_MS;

  /** Reads the room from this source instead of the client (tests, custom data). */
  @property({ attribute: false }) source?: RoomTrustSource;

  @state() private version = 0;
  @state() private showUnsigned = false;
  /** How many rows of the unsigned list are rendered: it grows a chunk per task, so opening a long list never blocks. */
  @state() private unsignedShown = 0;
  @state() private open = false;
  @state() private verifying?: string;
  @state() private unhandled = false;
  @state() private notice?: Notice;

  @query('dialog') private dialog?: HTMLDialogElement;

  /**
   * `<xs-verify-user>`, opened inline by "Verify": loaded when a member's identity changed (the only time the button
   * shows), not with the badge.
   */
  readonly #verifyUser = this.lazy(() => import('../../define/xs-verify-user.js'), 'demand');
  /** What shows or runs only after a press: decisions, outcomes, the unsigned sessions' list, the dialog's look (room-trust.more.ts). */
  private readonly more = this.lazy(() => import('./room-trust.more.js').then((m) => (m.adopt(this.renderRoot), m)));
  #model?: RoomTrustModel;
  /** With a custom `.source` and no store: this element's own in-memory store. */
  #ownStore?: AcknowledgementStore;
  #unsubscribe?: () => void;
  /** Rows rendered since connect (how the benchmark proves one member's update re-renders one row). */
  private rowRenders = 0;

  /** The room's badge. */
  get badge(): RoomBadge {
    return this.#view().badge;
  }

  /** Reads every member again. */
  refresh(): void {
    this.#model?.refresh();
  }

  #host(): MoreHost {
    return {
      localize: this.localize,
      withName: (text, name) => this.#nameIn(text, name),
      who: (e) => this.#who(e),
      invisible: this.#t('invisibleChars'),
      dismiss: (userId) => void this.#model?.dismissSessions(userId),
      rowRendered: () => this.rowRenders++,
      model: () => this.#model,
      notice: (n) => (this.notice = n),
      emit: (e) => this.emit(e),
      verifying: (u) => (this.verifying = u),
      unhandled: () => (this.unhandled = true),
      loadVerifyUser: () => (this.matrixClient ? this.#verifyUser.load() : undefined),
    };
  }

  /** A press whose code comes with room-trust.more.ts (here since the first idle moment, normally). */
  #press(run: (m: More) => void) {
    const m = this.more.value;
    if (m) run(m);
    else this.trackLoad(this.more.load().then(run, () => undefined));
  }

  #stage(): Stage {
    return this.#model?.stage ?? { kind: 'no-client' };
  }

  #view(): RoomTrustView {
    return this.#model?.view() ?? NO_VIEW;
  }

  protected override clientChanged(client: MatrixClient | undefined) {
    this.#attach(client);
    return () => this.#detach();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.hasUpdated && this.isConnected && (changed.has('roomId') || changed.has('acknowledgements') || changed.has('source') || changed.has('readTimeout'))) this.#attach(this.matrixClient);
  }

  #attach(client: MatrixClient | undefined) {
    this.#detach();
    this.verifying = this.notice = undefined;
    this.unhandled = false;
    if ((!client && !this.source) || !this.roomId) return;
    const model = (this.#model = this.source
      ? new RoomTrustModel(this.source, this.acknowledgements ?? (this.#ownStore ??= memoryAcknowledgementStore()))
      : roomTrustModel(client!, this.roomId, this.acknowledgements));
    this.#unsubscribe = model.subscribe(() => this.version++, { readTimeoutMs: this.readTimeout });
  }

  #detach() {
    this.#unsubscribe?.();
    this.#unsubscribe = this.#model = undefined;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const b = this.badge;
    if (!this.#verifyUser.ready && this.#view().changed.length) void this.#verifyUser.load().catch(() => undefined);
    this.setExclusiveState(ROOM_BADGES, b);
    if (this.getAttribute('badge') !== b) this.setAttribute('badge', b);
  }

  // ——— actions ———

  async #openDialog() {
    // The dialog's look comes with room-trust.more.ts (normally here already: it loads in the first idle moment).
    await this.more.load().catch(() => undefined);
    this.open = true;
    await this.updateComplete;
    if (this.dialog && !this.dialog.open) this.dialog.showModal();
    this.shadowRoot?.querySelector<HTMLElement>('dialog [data-stage-heading]')?.focus();
  }

  // ——— rendering ———

  #t(key: Key): string {
    return this.localize.t(roomTrustStrings, key as 'heading');
  }

  /** The text with `{name}` replaced by the name as inert, isolated text. */
  #nameIn(text: string, name: string): TemplateResult {
    const who = untrusted(name, this.#t('invisibleChars'));
    return html`${text.split('{name}').map((p, i) => (i ? html`${who}${p}` : p))}`;
  }

  #who(e: MemberEntry): TemplateResult {
    const invisible = this.#t('invisibleChars');
    return html`<span class="who"><strong>${untrusted(e.name, invisible)}</strong>${e.name !== e.userId ? html` <span class="id">${untrusted(e.userId, invisible)}</span>` : nothing}</span>`;
  }

  /** A row of buttons (`[label, press]`), the first one primary when asked. */
  #row(buttons: [Key, () => unknown][], primary = false, busy = false): TemplateResult {
    return html`<div class="row">
      ${buttons.map(([label, press], i) => html`<button type="button" part="action" class=${primary && !i ? 'primary' : nothing} ?disabled=${busy} @click=${press}>${this.#t(label)}</button>`)}
    </div>`;
  }

  protected override render() {
    if (!this.compact) return this.#renderDetail(false);
    const b = this.badge;
    const label = this.#t(`badge.${b}`);
    return html`<button type="button" part="badge" class="badge" data-badge=${b} aria-haspopup="dialog"
        aria-label=${this.localize.t(roomTrustStrings, 'badgeLabel', label)} @click=${() => this.#openDialog()}>${label}</button>
      <dialog part="dialog" aria-labelledby="heading" @close=${() => (this.open = false)}>${this.open ? this.#renderDetail(true) : nothing}</dialog>`;
  }

  #renderDetail(inDialog: boolean): TemplateResult {
    const stage = this.#stage();
    const v = this.#view();
    const lang = this.localize.lang;
    const listed = stage.kind === 'ready' || stage.kind === 'loading';
    // The summary: "unavailable" says why (no client, no room, no crypto, or the read failed).
    const summary = (v.badge === 'unavailable' ? `summary.unavailable.${stage.kind}` : `summary.${v.badge}`) as Key;
    return html`<section part="base" aria-labelledby="heading">
      <h2 id="heading" tabindex="-1" data-stage-heading>${this.#t('heading')}</h2>
      <div part="status" role="status">
        <p>${this.#t(summary)}${stage.kind === 'error' ? ` ${explainFailure(lang, stage.failure)}` : ''}</p>
        ${this.notice ? this.more.value?.noticeText(this.#host(), this.notice) : nothing}
      </div>
      ${stage.kind === 'loading' && stage.total > 0 ? html`<p class="progress">${this.localize.t(roomTrustStrings, 'progress', stage.done, stage.total)}</p>` : nothing}
      ${stage.kind === 'error' ? this.#row([['retry', () => this.refresh()]]) : nothing}
      ${v.changed.length
        ? html`<ul class="changes">${repeat(v.changed, (e) => e.userId, (e) => guard([e, lang, e.action ? this.more.ready : false], () => this.#renderChange(e)))}</ul>`
        : nothing}
      ${this.unhandled ? this.more.value?.unhandledVerify(this.localize) : nothing}
      ${this.#renderVerify()}
      ${listed ? this.#renderUnsigned(v, stage.kind === 'ready') : nothing}
      ${listed
        ? html`<div part="isolation" class="isolation" data-isolation=${v.isolation}>
            ${v.isolation === 'only-signed' ? this.more.value?.strictIsolation(this.#host(), v) : html`<p>${this.#t('isolation.all')}</p>`}
          </div>`
        : nothing}
      ${inDialog ? this.#row([['close', () => this.dialog?.close()]]) : nothing}
    </section>`;
  }

  #renderChange(e: MemberEntry): TemplateResult {
    this.rowRenders++;
    const was = e.trust === 'was-verified';
    const verify = () => {
      this.unhandled = false;
      this.#press((m) => m.verify(this.#host(), e));
    };
    const decide = (kind: 'acknowledge' | 'withdraw') => () => this.#press((m) => void m.decide(this.#host(), e, kind));
    // The first button is the primary one: "Verify again" for someone you had verified, else "Acknowledge".
    return html`<li part="change" class="change" data-user=${e.userId}>
      <p>${this.#who(e)}</p>
      <p role="alert">${this.#nameIn(this.#t(was ? 'change.was-verified' : 'change.identity-changed'), e.name)}</p>
      ${this.#row(was ? [['verifyAgain', verify], ['withdraw', decide('withdraw')]] : [['acknowledge', decide('acknowledge')], ['verify', verify]], true, e.action?.phase === 'running')}
      ${e.action ? this.more.value?.outcome(this.#host(), e) : nothing}
    </li>`;
  }

  #renderVerify() {
    const u = this.verifying;
    if (!u || !this.#verifyUser.ready) return nothing;
    return html`<div part="verify" class="verify">
      <xs-verify-user .client=${this.matrixClient} user-id=${u}></xs-verify-user>
      ${this.#row([['close', () => (this.verifying = undefined)]])}
    </div>`;
  }

  /** "Show sessions their owners didn't verify (n)"; the list itself comes with room-trust.more.ts. */
  #renderUnsigned(v: RoomTrustView, ready: boolean) {
    const sessions = v.unsigned.reduce((n, e) => n + (e.read?.unsigned.length ?? 0), 0);
    if (!sessions) return ready ? html`<p>${this.#t('noUnsigned')}</p>` : nothing;
    const shown = this.showUnsigned;
    return html`<div class="row">
        <button type="button" part="action" aria-expanded=${shown ? 'true' : 'false'} aria-controls="unsigned"
          @click=${() => this.#toggleUnsigned()}>${shown ? this.#t('hideUnsigned') : this.localize.t(roomTrustStrings, 'showUnsigned', sessions)}</button>
      </div>
      <div id="unsigned" ?hidden=${!shown}>${shown ? this.more.value?.unsignedList(this.#host(), v.unsigned.slice(0, this.unsignedShown)) : nothing}</div>`;
  }

  async #toggleUnsigned() {
    this.showUnsigned = !this.showUnsigned;
    this.unsignedShown = 0;
    while (this.showUnsigned && this.isConnected) {
      if (this.unsignedShown >= this.#view().unsigned.length) {
        // Keep up with members added later: the list shows every one while open.
        this.unsignedShown = Infinity;
        return;
      }
      this.unsignedShown += UNSIGNED_CHUNK;
      await this.updateComplete;
      await new Promise((r) => setTimeout(r, 0));
    }
  }
}
