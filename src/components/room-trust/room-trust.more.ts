// What `<xs-room-trust>` shows only after a press, loaded in an idle moment after its first render (or with the
// press): what acknowledging or withdrawing did, the note when nobody handles "Verify", and the list of sessions
// their owners never verified (issue 17).
import { html, nothing, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { repeat } from 'lit/directives/repeat.js';
import { explainFailure } from '../../i18n/errors.strings.js';
import type { LocalizeController } from '../../i18n/localize.js';
import { adoptStyles } from '../../internal/lazy-styles.js';
import { untrusted } from '../../internal/untrusted-html.js';
import type { MemberEntry } from '../../state/room-trust.js';
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
}

/** Gives `<xs-room-trust>`'s shadow root this module's look, the dialog's included (called when it loads). */
export const adopt = (root: Node): void => adoptStyles(root, roomTrustMoreStyles);

const t = (l: LocalizeController, key: Key) => l.t(S, key as 'working');

/** After "Acknowledge" / "Withdraw …" was pressed on a member: running, done (read back) or not. */
export function notice(h: MoreHost, kind: 'acknowledge' | 'withdraw', name: string): TemplateResult {
  return html`<p class="notice">${h.withName(t(h.localize, kind === 'acknowledge' ? 'done.acknowledge' : 'done.withdraw'), name)}</p>`;
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
