// Parts of <xs-session-list>'s first render, with Lit: this session's card (its lines built like a row's, rows.ts),
// the security recommendations, and the controls above the list (filters, search, selection). (The rows themselves
// are built in session-row.ts; a session's details, rename form and notes come later, with session-actions.ts.)
import { html, nothing, type TemplateResult } from 'lit';
import type { SessionRow } from '../../sdk/sessions.js';
import { SESSION_FILTERS, summaryFilter } from '../../state/session-list.js';
import type { XsSessionList } from './session-list.js';

export function summary(c: XsSessionList): TemplateResult {
  const m = c.sessions!;
  const { counts } = m.view;
  const target = summaryFilter(counts);
  return html`<section class="card" part="summary" aria-labelledby="sum-h">
    <h3 id="sum-h">${c.tr('summaryHeading')}</h3>
    ${target
      ? html`<p class="row"><span>${c.tr('summary', counts.unverified, counts.inactive)}</span>
          <button type="button" part="action" @click=${() => m.setFilter(target)}>${c.tr('review')}</button></p>
          ${counts.unverified ? html`<p class="hint">${c.tr('unverifiedHint', counts.unverified)}</p>` : nothing}
          ${counts.inactive ? html`<p class="hint">${c.tr('inactiveHint')} ${c.tr('inactiveFor', c.inactiveDays)}</p>` : nothing}`
      : html`<p>${c.tr('allGood')}</p>`}
  </section>`;
}


/** Above the list of other sessions: the filters, the search, and the selection with its sign-out buttons. */
export function listControls(c: XsSessionList): TemplateResult {
  const m = c.sessions!;
  const { counts, visible } = m.view;
  const so = m.signOut;
  const selected = m.selection.size;
  const allShownSelected = visible.length > 0 && m.selection.size >= visible.length && visible.every((r) => m.selection.has(r.deviceId));
  return html`
  <fieldset class="filters" part="filters">
    <legend>${c.tr('filterLabel')}</legend>
    <div class="row">${SESSION_FILTERS.map((f) => html`<button type="button" part="action"
      aria-pressed=${m.filter === f ? 'true' : 'false'} data-filter=${f} @click=${() => m.setFilter(f)}>${c.tr(`filter${(f[0].toUpperCase() + f.slice(1)) as Capitalize<typeof f>}`, counts[f])}</button>`)}</div>
  </fieldset>
  <div class="search">
    <label for="q">${c.tr('search')}</label>
    <input id="q" type="search" autocomplete="off" spellcheck="false" placeholder=${c.tr('searchPlaceholder')} .value=${m.query} @input=${(e: InputEvent) => m.setQuery((e.target as HTMLInputElement).value)} />
  </div>
  <p class="visually-hidden" role="status">${c.tr('shown', visible.length, counts.all)}</p>
  <div class="row bulk">
    <label class="row"><input type="checkbox" .checked=${allShownSelected} ?disabled=${visible.length === 0}
      @change=${(e: Event) => m.selectVisible((e.target as HTMLInputElement).checked)} />${c.tr('selectShown')}</label>
    ${selected ? c.later.value?.selectionControls(c, selected) : nothing}
    <button type="button" part="action" data-bulk="all-others" ?disabled=${so.kind !== 'idle'} @click=${() => m.requestSignOut('all-others')}>${c.tr('signOutAllOthers')}</button>
  </div>`;
}

/** The card of this session, on top of the list. */
export function currentCard(c: XsSessionList, row: SessionRow): TemplateResult {
  const m = c.sessions!;
  const k = c.keyOf(row.deviceId);
  const expanded = c.expanded.has(row.deviceId);
  const hint = row.trust === 'unverified' ? 'currentUnverifiedHint' : row.trust === 'no-keys' ? 'noKeysHint' : row.trust === 'verified' ? 'verifiedHint' : undefined;
  /* eslint-disable lit-a11y/click-events-have-key-events -- the card's clicks come from the native buttons in it */
  return html`<section class="card" part="current" aria-labelledby="cur-h" data-device data-id=${k} .deviceId=${row.deviceId}
      @click=${(e: MouseEvent) => c.onListClick(e)}>
    <h3 id="cur-h">${c.tr('currentHeading')}</h3>
    ${c.rows.card(row)}
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
