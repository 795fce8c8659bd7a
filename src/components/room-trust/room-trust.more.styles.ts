import { css } from 'lit';

/** The look of what room-trust.more.ts shows (the unsigned sessions' list) and of the compact mode's dialog: adopted when it loads. */
export const roomTrustMoreStyles = css`
  @layer xs-component {
    h3 {
      margin: var(--xs-space-m, 1rem) 0 var(--xs-space-xs, 0.25rem);
      font-size: 1em;
    }
    .device .id {
      font-family: var(--xs-font-family-mono, ui-monospace, monospace);
      font-size: 0.9em;
      color: var(--xs-color-text-muted, #4a4f59);
    }
    .member {
      padding: var(--xs-space-xs, 0.25rem) 0;
      border-block-start: 1px solid var(--xs-color-border, #c6cad2);
      overflow-wrap: anywhere;
    }
    .member ul {
      margin: 0;
      margin-inline-start: var(--xs-space-m, 1rem);
    }
    dialog {
      max-width: min(40rem, 95vw);
      padding: 0;
      border: none;
      border-radius: var(--xs-radius, 8px);
      background: var(--xs-color-surface, #fff);
      color: inherit;
    }
    dialog::backdrop {
      background: rgb(0 0 0 / 0.35);
    }
  }
`;
