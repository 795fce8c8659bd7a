// The styles of <xs-session-list>'s later parts (session-actions.ts): a session's details, the rename form and the
// sign-out panel. Added to the element's shadow root when those parts arrive (src/internal/lazy-styles.ts).
import { css } from 'lit';

export const sessionActionStyles = css`
  @layer xs-component {
    [data-stage-heading]:focus { outline: none; }
    .panel {
      border: 2px solid var(--_xs-row-border);
      border-radius: var(--xs-radius, 8px);
      padding: var(--xs-space-m, 1rem);
      margin-block-end: var(--xs-space-m, 1rem);
      background: var(--xs-color-surface, #fff);
    }
    dl.details { display: grid; grid-template-columns: max-content 1fr; gap: 0.1rem var(--_xs-gap); margin: var(--_xs-gap) 0 0; }
    dl.details dt { font-weight: 600; }
    /* Each value takes the direction of its content: an id or an IP stays left to right on an RTL page, a date follows its language. */
    dl.details dd { margin: 0; unicode-bidi: plaintext; overflow-wrap: anywhere; font-family: var(--xs-font-family-mono, ui-monospace, monospace); font-size: 0.9em; }
    form.rename { display: grid; gap: 0.25rem; margin-block-start: var(--_xs-gap); max-width: 28rem; }
    form.rename label { font-weight: 600; }
    ul.targets { margin: var(--_xs-gap) 0; padding-inline-start: 1.25rem; overflow-wrap: anywhere; }
    .session-wide { grid-column: 1 / -1; }
  }
`;
