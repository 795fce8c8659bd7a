// What `<xs-room-trust>` shows or does only after a press, loaded in an idle moment after its first render (or with
// the press): acknowledging or withdrawing (and what it did), the note when nobody handles "Verify", the list of
// sessions their owners never verified, and what strict device isolation means here (a setting rarely chosen)
// (issue 17).
import { html, nothing, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { repeat } from 'lit/directives/repeat.js';
import { XsErrorEvent } from '../../events/xs-error.js';
import type { XsEvent } from '../../events/xs-event.js';
import { XsIdentityAcceptedEvent } from '../../events/xs-identity-accepted.js';
import { XsRequestVerifyEvent } from '../../events/xs-request-verify.js';
import { explainFailure } from '../../i18n/errors.strings.js';
import type { LocalizeController } from '../../i18n/localize.js';
import { adoptStyles } from '../../internal/lazy-styles.js';
import { untrusted } from '../../internal/untrusted-html.js';
import type { RoomTrustModel } from '../../state/room-trust-model.js';
import type { MemberEntry, RoomTrustView } from '../../state/room-trust.js';
import { roomTrustMoreStrings as S } from './room-trust.more.strings.js';
import { roomTrustMoreStyles } from './room-trust.more.styles.js';

type Key = keyof typeof S.en;

/** What the list needs from `<xs-room-trust>`. */
export interface MoreHost {
  readonly localize: LocalizeController;
  /** The text with `{name}` replaced by the name as inert, isolated text. */
  withName(text: string, name: string): TemplateResult;
  /** A member's name and user ID, as inert text. */
  who(e: MemberEntry): TemplateResult;
  /** What makes an invisible character visible (the element's term). */
  readonly invisible: string;
  dismiss(userId: string): void;
  /** Counts a rendered row (the benchmark's proof that one update re-renders one row). */
  rowRendered(): void;
  /** The room's model now (another room or client may have replaced it while a decision ran). */
  model(): RoomTrustModel | undefined;
  /** Shows (or, with undefined, clears) what the last decision did. */
  notice(n?: Notice): void;
  emit(event: XsEvent): boolean;
  /** Opens the inline `<xs-verify-user>` for a member (or, without one, closes it). */
  verifying(userId?: string): void;
  /** Says that nobody handles "Verify" here. */
  unhandled(): void;
  /** Loads `<xs-verify-user>`, or says why not; undefined without a client (then nothing can open inline). */
  loadVerifyUser(): Promise<unknown> | undefined;
}

/** "Verify" on a member: asks the host first (cancelable); not handled, `<xs-verify-user>` opens inline. */
export function verify(h: MoreHost, e: MemberEntry): void {
  if (!h.emit(new XsRequestVerifyEvent({ subject: 'user', reason: e.trust === 'was-verified' ? 'identity-changed' : 'requested', userId: e.userId }))) return;
  const load = h.loadVerifyUser();
  if (!load) return h.unhandled();
  h.verifying(e.userId);
  // <xs-verify-user> is a flow of its own: it loads now (normally it already did, when the change row showed).
  load.catch(() => {
    h.verifying();
    h.unhandled();
  });
}

/** What a decision did, as the status line says it. */
export interface Notice {
  kind: 'acknowledge' | 'withdraw';
  name: string;
}

/** Acknowledges (pins) a member's changed identity or withdraws their verification requirement; says what it did. */
export async function decide(h: MoreHost, e: MemberEntry, kind: 'acknowledge' | 'withdraw'): Promise<void> {
  const model = h.model();
  if (!model) return;
  h.notice();
  const r = await (kind === 'acknowledge' ? model.acknowledge(e.userId) : model.withdraw(e.userId));
  if (model !== h.model()) return;
  if (r.phase === 'done') {
    h.notice({ kind, name: e.name });
    h.emit(new XsIdentityAcceptedEvent(e.userId, kind === 'acknowledge' ? 'pinned' : 'withdrawn'));
  } else if (r.phase === 'failed') {
    h.emit(new XsErrorEvent(`room-trust.${kind}-failed`, explainFailure(h.localize.lang, r.failure), r.failure.httpStatus));
  }
}

/** Gives `<xs-room-trust>`'s shadow root this module's look, the dialog's included (called when it loads). */
export const adopt = (root: Node): void => adoptStyles(root, roomTrustMoreStyles);

const t = (l: LocalizeController, key: Key) => l.t(S, key as 'working');

/** After "Acknowledge" / "Withdraw …" was pressed on a member: running, done (read back) or not. */
export function noticeText(h: MoreHost, n: Notice): TemplateResult {
  return html`<p class="notice">${h.withName(t(h.localize, n.kind === 'acknowledge' ? 'done.acknowledge' : 'done.withdraw'), n.name)}</p>`;
}

export function outcome(h: MoreHost, e: MemberEntry): TemplateResult | typeof nothing {
  const a = e.action;
  if (!a) return nothing;
  const l = h.localize;
  if (a.phase === 'running') return html`<p role="status">${t(l, 'working')}</p>`;
  if (a.phase === 'not-applied') return html`<p role="alert">${h.withName(t(l, 'not-applied'), e.name)}</p>`;
  if (a.phase === 'failed') {
    return html`<p role="alert">${h.withName(t(l, a.kind === 'acknowledge' ? 'failed.acknowledge' : 'failed.withdraw'), e.name)} ${explainFailure(l.lang, a.failure)}</p>`;
  }
  return nothing;
}

export const unhandledVerify = (l: LocalizeController): TemplateResult => html`<p role="status">${t(l, 'unhandledVerify')}</p>`;

/** The members with sessions their owners never verified (the rows shown so far). */
export function unsignedList(h: MoreHost, rows: MemberEntry[]): TemplateResult {
  const lang = h.localize.lang;
  return html`<h3>${t(h.localize, 'unsignedHeading')}</h3>
    <ul part="unsigned">${repeat(rows, (e) => e.userId, (e) => guard([e, lang], () => unsignedRow(h, e)))}</ul>`;
}

function unsignedRow(h: MoreHost, e: MemberEntry): TemplateResult {
  h.rowRendered();
  const l = h.localize;
  const fresh = new Set(e.unsignedNew.map((s) => s.deviceId));
  return html`<li class="member" data-user=${e.userId}>
    ${h.who(e)}
    <ul>
      ${(e.read?.unsigned ?? []).map(
        (s) => html`<li class="device" data-device=${s.deviceId}>${s.displayName ? html`${untrusted(s.displayName, h.invisible)} ` : html`${t(l, 'unnamedSession')} `}<span class="id">${untrusted(s.deviceId, h.invisible)}</span>${fresh.has(s.deviceId) ? nothing : html` · ${t(l, 'dismissed')}`}</li>`,
      )}
    </ul>
    ${fresh.size
      ? html`<button type="button" part="action" aria-label=${l.t(S, 'dismissLabel', e.name)} @click=${() => h.dismiss(e.userId)}>${t(l, 'dismiss')}</button>`
      : nothing}
  </li>`;
}

/**
 * Strict device isolation (`only-signed`): what it means, who gets no keys on the sessions they didn't verify, and
 * whose changed identity blocks sending (their change rows themselves are the element's first render).
 */
export function strictIsolation(h: MoreHost, v: RoomTrustView): TemplateResult {
  const l = h.localize;
  return html`<p>${t(l, 'isolation.only-signed')}</p>
    ${v.withheld.length
      ? html`<p>${t(l, 'withheldIntro')}</p>
          <ul class="withheld">${v.withheld.map((e) => html`<li data-user=${e.userId}>${h.who(e)} — ${l.t(S, 'withheldCount', e.read?.unsigned.length ?? 0)}</li>`)}</ul>`
      : html`<p>${t(l, 'noneWithheld')}</p>`}
    ${v.blocking.map((e) => html`<p role="alert">${h.withName(t(l, 'blocking'), e.name)}</p>`)}`;
}
