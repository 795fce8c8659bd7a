import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { repeat } from 'lit/directives/repeat.js';
import type { MatrixClient } from 'matrix-js-sdk';
import { XsErrorEvent } from '../../events/xs-error.js';
import { XsIdentityAcceptedEvent } from '../../events/xs-identity-accepted.js';
import { XsRequestVerifyEvent } from '../../events/xs-request-verify.js';
import { explainFailure } from '../../i18n/errors.strings.js';
import { actionRowStyles } from '../../internal/stage.styles.js';
import { cardStyles } from '../../internal/card.styles.js';
import { untrusted, untrustedStyles } from '../../internal/untrusted-html.js';
import { XsElement } from '../../internal/xs-element.js';
import type { RoomTrustSource } from '../../sdk/room-trust.js';
import { ROOM_TRUST_READ_TIMEOUT_MS, RoomTrustModel, roomTrustModel } from '../../state/room-trust-model.js';
import { ROOM_BADGES, memoryAcknowledgementStore, type AcknowledgementStore, type MemberEntry, type RoomBadge, type RoomTrustStage, type RoomTrustView } from '../../state/room-trust.js';
import { roomTrustStyles } from './room-trust.styles.js';
import type { MoreHost } from './room-trust.more.js';
import { roomTrustStrings } from './room-trust.strings.js';

/** Rows of the unsigned-sessions list rendered per task. */
const UNSIGNED_CHUNK = 25;

type Key = keyof typeof roomTrustStrings.en;
type Stage = RoomTrustStage | { kind: 'no-client' };

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
  @state() private notice?: { kind: 'acknowledge' | 'withdraw'; name: string };

  @query('dialog') private dialog?: HTMLDialogElement;

  /**
   * `<xs-verify-user>`, opened inline by "Verify": loaded when a member's identity changed (the only time the button
   * shows), not with the badge.
   */
  private readonly verifyUser = this.lazy(() => import('../../define/xs-verify-user.js'), 'demand');
  /** What shows only after a press: outcomes, the unsigned sessions' list, the dialog's look (room-trust.more.ts). */
  private readonly more = this.lazy(() => import('./room-trust.more.js').then((m) => (m.adopt(this.renderRoot), m)));
  private model?: RoomTrustModel;
  /** With a custom `.source` and no store: this element's own in-memory store. */
  private ownStore?: AcknowledgementStore;
  private unsubscribe?: () => void;
  /** Rows rendered since connect (how the benchmark proves one member's update re-renders one row). */
  private rowRenders = 0;

  /** The room's badge. */
  get badge(): RoomBadge {
    return this.view().badge;
  }

  /** Reads every member again. */
  refresh(): void {
    this.model?.refresh();
  }

  private moreHost(): MoreHost {
    return {
      localize: this.localize,
      withName: (text, name) => this.nameIn(text, name),
      who: (e) => this.who(e),
      invisible: this.t('invisibleChars'),
      dismiss: (userId) => void this.model?.dismissSessions(userId),
      rowRendered: () => this.rowRenders++,
    };
  }

  private stage(): Stage {
    return this.model ? this.model.stage : { kind: 'no-client' };
  }

  private view(): RoomTrustView {
    if (!this.model) return { badge: 'unavailable', changed: [], unsigned: [], unsignedNew: 0, unknown: 0, allVerified: false, isolation: 'all', withheld: [], blocking: [] };
    return this.model.view();
  }

  protected override clientChanged(client: MatrixClient | undefined) {
    this.attach(client);
    return () => this.detachModel();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.hasUpdated && this.isConnected && (changed.has('roomId') || changed.has('acknowledgements') || changed.has('source') || changed.has('readTimeout'))) this.attach(this.matrixClient);
  }

  private attach(client: MatrixClient | undefined) {
    this.detachModel();
    this.verifying = undefined;
    this.notice = undefined;
    this.unhandled = false;
    if ((!client && !this.source) || !this.roomId) return;
    const model = this.source
      ? new RoomTrustModel(this.source, this.acknowledgements ?? (this.ownStore ??= memoryAcknowledgementStore()))
      : roomTrustModel(client!, this.roomId, this.acknowledgements);
    this.model = model;
    this.unsubscribe = model.subscribe(() => this.version++, { readTimeoutMs: this.readTimeout });
  }

  private detachModel() {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.model = undefined;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const b = this.badge;
    if (!this.verifyUser.ready && this.model && this.view().changed.length) void this.verifyUser.load().catch(() => undefined);
    this.setExclusiveState(ROOM_BADGES, b);
    if (this.getAttribute('badge') !== b) this.setAttribute('badge', b);
  }

  // ——— actions ———

  private async decide(e: MemberEntry, kind: 'acknowledge' | 'withdraw') {
    const model = this.model;
    if (!model) return;
    this.notice = undefined;
    const r = kind === 'acknowledge' ? await model.acknowledge(e.userId) : await model.withdraw(e.userId);
    if (model !== this.model) return;
    if (r.phase === 'done') {
      this.notice = { kind, name: e.name };
      this.emit(new XsIdentityAcceptedEvent(e.userId, kind === 'acknowledge' ? 'pinned' : 'withdrawn'));
    } else if (r.phase === 'failed') {
      this.emit(new XsErrorEvent(`room-trust.${kind}-failed`, explainFailure(this.localize.lang, r.failure), r.failure.httpStatus));
    }
  }

  private verify(e: MemberEntry) {
    this.unhandled = false;
    const handled = !this.emit(new XsRequestVerifyEvent({ subject: 'user', reason: e.trust === 'was-verified' ? 'identity-changed' : 'requested', userId: e.userId }));
    if (handled) return;
    if (!this.matrixClient) {
      this.unhandled = true;
      return;
    }
    this.verifying = e.userId;
    // <xs-verify-user> is a flow of its own: it loads now (normally it already did, see `updated`).
    void this.verifyUser.load().catch(() => {
      this.verifying = undefined;
      this.unhandled = true;
    });
  }

  private async openDialog() {
    // The dialog's look comes with room-trust.more.ts (normally here already: it loads in the first idle moment).
    await this.more.load().catch(() => undefined);
    this.open = true;
    await this.updateComplete;
    if (this.dialog && !this.dialog.open) this.dialog.showModal();
    this.shadowRoot?.querySelector<HTMLElement>('dialog [data-stage-heading]')?.focus();
  }

  private closeDialog() {
    this.dialog?.close();
  }

  // ——— rendering ———

  private t(key: Key): string {
    return this.localize.t(roomTrustStrings, key as 'heading');
  }

  /** A term with `{name}` replaced by the name as inert, isolated text. */
  private withName(key: Key, name: string): TemplateResult {
    return this.nameIn(this.t(key), name);
  }

  private nameIn(text: string, name: string): TemplateResult {
    const parts = text.split('{name}');
    const who = untrusted(name, this.t('invisibleChars'));
    return html`${parts.map((p, i) => (i === 0 ? p : html`${who}${p}`))}`;
  }

  private who(e: MemberEntry): TemplateResult {
    const invisible = this.t('invisibleChars');
    return html`<span class="who"><strong>${untrusted(e.name, invisible)}</strong>${e.name !== e.userId ? html` <span class="id">${untrusted(e.userId, invisible)}</span>` : nothing}</span>`;
  }

  protected override render() {
    if (!this.compact) return this.renderDetail(false);
    const b = this.badge;
    const label = this.t(`badge.${b}` as Key);
    return html`<button type="button" part="badge" class="badge" data-badge=${b} aria-haspopup="dialog"
        aria-label=${this.localize.t(roomTrustStrings, 'badgeLabel', label)} @click=${() => this.openDialog()}>${label}</button>
      <dialog part="dialog" aria-labelledby="heading" @close=${() => (this.open = false)}>${this.open ? this.renderDetail(true) : nothing}</dialog>`;
  }

  private summaryKey(stage: Stage, badge: RoomBadge): Key {
    if (badge === 'unavailable') {
      const k = stage.kind === 'no-client' || stage.kind === 'no-room' || stage.kind === 'no-crypto' || stage.kind === 'error' ? stage.kind : 'error';
      return `summary.unavailable.${k}` as Key;
    }
    return `summary.${badge}` as Key;
  }

  private renderDetail(inDialog: boolean): TemplateResult {
    const stage = this.stage();
    const v = this.view();
    const lang = this.localize.lang;
    return html`<section part="base" aria-labelledby="heading">
      <h2 id="heading" tabindex="-1" data-stage-heading>${this.t('heading')}</h2>
      <div part="status" role="status">
        <p>${this.t(this.summaryKey(stage, v.badge))}${stage.kind === 'error' ? ` ${explainFailure(lang, stage.failure)}` : ''}</p>
        ${this.notice ? this.more.value?.notice(this.moreHost(), this.notice.kind, this.notice.name) : nothing}
      </div>
      ${stage.kind === 'loading' && stage.total > 0 ? html`<p class="progress">${this.localize.t(roomTrustStrings, 'progress', stage.done, stage.total)}</p>` : nothing}
      ${stage.kind === 'error' ? html`<div class="row"><button type="button" part="action" @click=${() => this.refresh()}>${this.t('retry')}</button></div>` : nothing}
      ${v.changed.length
        ? html`<ul class="changes">${repeat(v.changed, (e) => e.userId, (e) => guard([e, lang, e.action ? this.more.ready : false], () => this.renderChange(e)))}</ul>`
        : nothing}
      ${this.unhandled ? this.more.value?.unhandledVerify(this.localize) : nothing}
      ${this.renderVerify()}
      ${this.renderUnsigned(v)}
      ${stage.kind === 'ready' || stage.kind === 'loading' ? this.renderIsolation(v) : nothing}
      ${inDialog ? html`<div class="row"><button type="button" part="action" @click=${() => this.closeDialog()}>${this.t('close')}</button></div>` : nothing}
    </section>`;
  }

  private renderChange(e: MemberEntry): TemplateResult {
    this.rowRenders++;
    const a = e.action;
    const busy = a?.phase === 'running';
    const was = e.trust === 'was-verified';
    const verify = () => this.verify(e);
    // The first button is the primary one: "Verify again" for someone you had verified, else "Acknowledge".
    const buttons: [Key, () => unknown][] = was
      ? [['verifyAgain', verify], ['withdraw', () => this.decide(e, 'withdraw')]]
      : [['acknowledge', () => this.decide(e, 'acknowledge')], ['verify', verify]];
    return html`<li part="change" class="change" data-user=${e.userId}>
      <p>${this.who(e)}</p>
      <p role="alert">${this.withName(was ? 'change.was-verified' : 'change.identity-changed', e.name)}</p>
      <div class="row">
        ${buttons.map(([label, press], i) => html`<button type="button" part="action" class=${i ? '' : 'primary'} ?disabled=${busy} @click=${press}>${this.t(label)}</button>`)}
      </div>
      ${a ? this.more.value?.outcome(this.moreHost(), e) : nothing}
    </li>`;
  }

  private renderVerify() {
    const u = this.verifying;
    if (!u || !this.verifyUser.ready) return nothing;
    return html`<div part="verify" class="verify">
      <xs-verify-user .client=${this.matrixClient} user-id=${u}></xs-verify-user>
      <div class="row"><button type="button" part="action" @click=${() => (this.verifying = undefined)}>${this.t('close')}</button></div>
    </div>`;
  }

  private renderUnsigned(v: RoomTrustView) {
    const stage = this.stage();
    if (stage.kind !== 'ready' && stage.kind !== 'loading') return nothing;
    const sessions = v.unsigned.reduce((n, e) => n + (e.read?.unsigned.length ?? 0), 0);
    if (!sessions) return stage.kind === 'ready' ? html`<p>${this.t('noUnsigned')}</p>` : nothing;
    return html`<div class="row">
        <button type="button" part="action" aria-expanded=${this.showUnsigned ? 'true' : 'false'} aria-controls="unsigned"
          @click=${() => this.toggleUnsigned()}>${this.showUnsigned ? this.t('hideUnsigned') : this.localize.t(roomTrustStrings, 'showUnsigned', sessions)}</button>
      </div>
      <div id="unsigned" ?hidden=${!this.showUnsigned}>
        ${this.showUnsigned ? this.more.value?.unsignedList(this.moreHost(), v.unsigned.slice(0, this.unsignedShown)) : nothing}
      </div>`;
  }

  private toggleUnsigned() {
    this.showUnsigned = !this.showUnsigned;
    this.unsignedShown = 0;
    if (this.showUnsigned) void this.growUnsigned();
  }

  private async growUnsigned() {
    while (this.showUnsigned && this.isConnected) {
      const total = this.view().unsigned.length;
      if (this.unsignedShown >= total) {
        // Keep up with members added later: the list shows every one while open.
        this.unsignedShown = Infinity;
        return;
      }
      this.unsignedShown += UNSIGNED_CHUNK;
      await this.updateComplete;
      await new Promise((r) => setTimeout(r, 0));
    }
  }

  /** The device-isolation setting; in its strict mode (rarely chosen) what follows comes with room-trust.more.ts. */
  private renderIsolation(v: RoomTrustView) {
    return html`<div part="isolation" class="isolation" data-isolation=${v.isolation}>
      ${v.isolation === 'only-signed' ? this.more.value?.strictIsolation(this.moreHost(), v) : html`<p>${this.t('isolation.all')}</p>`}
    </div>`;
  }
}
