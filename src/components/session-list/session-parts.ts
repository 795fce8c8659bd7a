// Parts of <xs-session-list>'s first render, with Lit: this session's card with its badges and activity line, the
// security recommendations, and the controls above the list (filters, search, selection). (The rows themselves are
// built in session-row.ts; a session's details, rename form and notes come later, with session-actions.ts.)
import { html, nothing, svg, type TemplateResult } from 'lit';
import type { SessionRow } from '../../sdk/sessions.js';
import { summaryFilter, type SessionFilter, type SessionListModel, type SignOutStage } from '../../state/session-list.js';
import type { ClientLine } from './session-list-format.js';
import type { sessionListStrings } from './session-list.strings.js';
import { DEVICE_ICONS } from './session-row.js';

type Terms = typeof sessionListStrings.en;

/** What the parts need from the list (looked up for the render in progress). */
export interface PartsContext {
  model: SessionListModel;
  lang: string;
  tr<K extends keyof Terms>(key: K, ...args: Parameters<Terms[K] extends (...a: never[]) => string ? Terms[K] : () => string>): string;
  /** Full dates. */
  abs: Intl.DateTimeFormat;
  /** "3 days ago", at the model's clock. */
  relative(ts: number): string;
  keyOf(deviceId: string): number;
  clientLine(ua: string | null): ClientLine;
  note: { deviceId: string; text: 'verifyUnhandled' | 'verifyCurrentUnhandled' | 'renamed' } | undefined;
  /** Focuses the element `selector` finds once it is rendered. */
  focusLater(selector: string): void;
  setFilter(f: SessionFilter): void;
  onSearch(e: InputEvent): void;
  inactiveDays: number;
  /** A session's name as isolated text. */
  name(row: { displayName: string | undefined }): TemplateResult;
  /** Sessions whose details are open. */
  expanded: ReadonlySet<string>;
  onCardClick(e: MouseEvent): void;
  /** The sign-out panel (nothing while its module loads: session-actions.ts). */
  signOutPanel(st: Exclude<SignOutStage, { kind: 'idle' }>): TemplateResult | typeof nothing;
  /**
   * A session's details, rename form and note, those it shows now (session-actions.ts); undefined while that module
   * loads (the list renders again when it is here).
   */
  rowExtras(row: SessionRow, expanded: boolean): TemplateResult | typeof nothing | undefined;
  /** The later parts (session-actions.ts), once here; reading starts their load (the list renders again then). */
  later(): typeof import('./session-actions.js') | undefined;
}

/** The client line of the current session's card (the rows build theirs in session-row.ts, same markup). */
export function clientTemplate(c0: PartsContext, row: SessionRow): TemplateResult | typeof nothing {
  const c = c0.clientLine(row.userAgent ?? null);
  if (!c.text) return nothing;
  return html`<div class="client" data-kind=${c.kind || 'unknown'}>${c.kind
    ? html`<svg viewBox="0 0 16 16" width="16" height="16" fill="none" stroke="currentColor" stroke-width="1.3" role="img" class="device-icon" aria-label=${c.kindLabel}>${svg`<path d=${DEVICE_ICONS[c.kind]}></path>`}</svg>`
    : nothing}<span>${c.text}</span></div>`;
}

function trustBadge(c: PartsContext, row: SessionRow): [string, string] {
  switch (row.trust) {
    case 'verified': return ['badge verified', c.tr('verified')];
    case 'unverified': return ['badge unverified', c.tr('unverified')];
    case 'no-keys': return ['badge no-keys', c.tr('noKeys')];
    default: return ['badge unknown', c.tr('trustUnknown')];
  }
}

/** Badges and the activity line, flat (one template per row keeps 1 000-row lists cheap). */
export function badgesAndMeta(c: PartsContext, row: SessionRow, inactive: boolean): TemplateResult {
  const [cls, label] = trustBadge(c, row);
  const seen = row.lastSeenTs;
  return html`<span class=${cls}>${label}</span><span class="badge inactive" ?hidden=${!inactive}>${c.tr('inactive')}</span>
    ${clientTemplate(c, row)}<div class="meta"><span title=${seen !== null ? c.abs.format(seen) : ''}>${seen !== null
      ? c.tr('lastActivity', c.relative(seen)) : c.tr('lastActivityUnknown')}</span><span ?hidden=${!row.lastSeenIp}>${row.lastSeenIp ? ` · ${c.tr('ip', row.lastSeenIp)}` : ''}</span><span class="mono"> · ${row.deviceId}</span></div>`;
}

export function summary(c: PartsContext): TemplateResult {
  const m = c.model;
  const { counts } = m.view;
  const target = summaryFilter(counts);
  return html`<section class="card" part="summary" aria-labelledby="sum-h">
    <h3 id="sum-h">${c.tr('summaryHeading')}</h3>
    ${target
      ? html`<p class="row"><span>${c.tr('summary', counts.unverified, counts.inactive)}</span>
          <button type="button" part="action" @click=${() => c.setFilter(target)}>${c.tr('review')}</button></p>
          ${counts.unverified ? html`<p class="hint">${c.tr('unverifiedHint', counts.unverified)}</p>` : nothing}
          ${counts.inactive ? html`<p class="hint">${c.tr('inactiveHint')} ${c.tr('inactiveFor', c.inactiveDays)}</p>` : nothing}`
      : html`<p>${c.tr('allGood')}</p>`}
  </section>`;
}

const FILTER_KEYS = { all: 'filterAll', verified: 'filterVerified', unverified: 'filterUnverified', inactive: 'filterInactive' } as const;

/** Above the list of other sessions: the filters, the search, and the selection with its sign-out buttons. */
export function listControls(c: PartsContext): TemplateResult {
  const m = c.model;
  const { counts, visible } = m.view;
  const so = m.signOut;
  const selected = m.selection.size;
  const allShownSelected = visible.length > 0 && m.selection.size >= visible.length && visible.every((r) => m.selection.has(r.deviceId));
  return html`
  <fieldset class="filters" part="filters">
    <legend>${c.tr('filterLabel')}</legend>
    <div class="row">${(['all', 'verified', 'unverified', 'inactive'] as const).map((f) => html`<button type="button" part="action"
      aria-pressed=${m.filter === f ? 'true' : 'false'} data-filter=${f} @click=${() => c.setFilter(f)}>${c.tr(FILTER_KEYS[f], counts[f])}</button>`)}</div>
  </fieldset>
  <div class="search">
    <label for="q">${c.tr('search')}</label>
    <input id="q" type="search" autocomplete="off" spellcheck="false" placeholder=${c.tr('searchPlaceholder')} .value=${m.query} @input=${(e: InputEvent) => c.onSearch(e)} />
  </div>
  <p class="visually-hidden" role="status">${c.tr('shown', visible.length, counts.all)}</p>
  <div class="row bulk">
    <label class="row"><input type="checkbox" .checked=${allShownSelected} ?disabled=${visible.length === 0}
      @change=${(e: Event) => m.selectVisible((e.target as HTMLInputElement).checked)} />${c.tr('selectShown')}</label>
    ${selected ? c.later()?.selectionControls(c, selected) : nothing}
    <button type="button" part="action" data-bulk="all-others" ?disabled=${so.kind !== 'idle'} @click=${() => m.requestSignOut('all-others')}>${c.tr('signOutAllOthers')}</button>
  </div>`;
}

/** The card of this session, on top of the list. */
export function currentCard(c: PartsContext, row: SessionRow): TemplateResult {
  const m = c.model;
  const k = c.keyOf(row.deviceId);
  const expanded = c.expanded.has(row.deviceId);
  const hint = row.trust === 'unverified' ? 'currentUnverifiedHint' : row.trust === 'no-keys' ? 'noKeysHint' : row.trust === 'verified' ? 'verifiedHint' : undefined;
  /* eslint-disable lit-a11y/click-events-have-key-events -- the card's clicks come from the native buttons in it */
  return html`<section class="card" part="current" aria-labelledby="cur-h" data-device data-id=${k} .deviceId=${row.deviceId}
      @click=${(e: MouseEvent) => c.onCardClick(e)}>
    <h3 id="cur-h">${c.tr('currentHeading')}</h3>
    <div><span class="name" id="n-${k}">${c.name(row)}</span>${badgesAndMeta(c, row, false)}</div>
    ${hint ? html`<p class="hint">${c.tr(hint)}</p>` : nothing}
    <div class="actions" role="group" aria-labelledby="n-${k}">
      <button type="button" part="action" data-action="details" aria-expanded=${expanded ? 'true' : 'false'}>${c.tr('details')}</button>
      <button type="button" part="action" data-action="rename">${c.tr('rename')}</button>
      ${row.trust === 'unverified' ? html`<button type="button" class="primary" part="action" data-action="verify">${c.tr('verifyCurrent')}</button>` : nothing}
      <button type="button" part="action" data-action="sign-out">${c.tr('signOutCurrent')}</button>
    </div>
    ${c.rowExtras(row, expanded)}
    ${m.view.current === row && m.signOut.kind !== 'idle' && m.signOut.scope === 'current' ? c.signOutPanel(m.signOut) : nothing}
  </section>`;
  /* eslint-enable lit-a11y/click-events-have-key-events */
}
