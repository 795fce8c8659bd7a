import { css } from 'lit';
import { untrustedStyles } from '../../internal/untrusted-html.js';

// An invisible character in a name (.hidden-char) looks as in the kit's other elements (untrustedStyles), a little apart.
// Rows off screen skip layout and paint (content-visibility): long lists stay fast. Device ids (.mono) are isolated, so
// their characters keep their order and the separator before them follows the page's direction. (Comments stay out
// of the CSS text: it ships as written.)
export const sessionListStyles = [untrustedStyles, css`
  @layer xs-component {
    :host {
      --_xs-gap: var(--xs-session-list-gap, var(--xs-space-s, 0.5rem));
      --_xs-row-border: var(--xs-session-list-row-border, var(--xs-color-border, #c6cad2));
    }
    h2, h3 { margin: 0 0 var(--_xs-gap); line-height: 1.25; }
    h2 { font-size: 1.25em; }
    h3 { font-size: 1.1em; }
    .card {
      border: 1px solid var(--_xs-row-border);
      border-radius: var(--xs-radius, 8px);
      padding: var(--xs-space-m, 1rem);
      margin-block-end: var(--xs-space-m, 1rem);
      background: var(--xs-color-surface, #fff);
    }
    .row { display: flex; gap: var(--_xs-gap); flex-wrap: wrap; align-items: center; }
    .filters { margin: 0 0 var(--_xs-gap); border: 0; padding: 0; }
    .filters legend, .search label, .name { font-weight: 600; }
    .filters legend { padding: 0; margin-block-end: 0.25rem; }
    button[aria-pressed='true'] { background: var(--xs-color-accent, #0b6bcb); border-color: var(--xs-color-accent, #0b6bcb); color: var(--xs-color-on-accent, #fff); }
    .search, .bulk { margin: var(--_xs-gap) 0; }
    .search { display: grid; gap: 0.25rem; max-width: 24rem; }
    ul.sessions { list-style: none; margin: 0; padding: 0; }
    li.session {
      display: grid;
      grid-template-columns: auto 1fr;
      gap: 0 var(--_xs-gap);
      padding: var(--_xs-gap) 0;
      border-block-start: 1px solid var(--_xs-row-border);
      content-visibility: auto;
      contain-intrinsic-size: auto 6rem;
    }
    li.session > input[type='checkbox'] { width: 1.25rem; height: 1.25rem; margin: 0.2rem 0 0; }
    .hidden-char { margin: 0 1px; }
    .badge {
      display: inline-block;
      font-size: 0.8em;
      border-radius: 999px;
      padding: 0 0.5em;
      margin-inline-start: 0.35em;
      border: 1px solid currentColor;
      vertical-align: 0.1em;
    }
    .badge, .meta, .hint { color: var(--xs-color-text-muted, #5c6370); }
    .badge.verified { color: var(--xs-color-success, #1a7f37); }
    .badge.unverified { color: var(--xs-color-danger, #b3261e); }
    .client { display: flex; align-items: center; gap: 0.35em; }
    .client, .meta, .hint { font-size: 0.9em; }
    .name, .client, .meta, .hint { overflow-wrap: anywhere; }
    .device-icon { flex: none; }
    .actions { display: flex; gap: 0.25rem; flex-wrap: wrap; margin-block-start: 0.25rem; }
    .actions button { min-height: 2rem; padding: 0.15rem 0.6rem; }
    .mono { font-family: var(--xs-font-family-mono, ui-monospace, monospace); font-size: 0.9em; unicode-bidi: isolate; }
  }
`];
