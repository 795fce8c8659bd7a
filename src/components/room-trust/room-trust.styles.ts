import { css } from 'lit';

// The card itself (border, surface, heading, the change box) is internal/card.styles.ts.
export const roomTrustStyles = css`
  @layer xs-component {
    :host {
      --_xs-ok: var(--xs-room-trust-ok-color, var(--xs-color-success, #1e7b34));
      --_xs-warn: var(--xs-room-trust-warn-color, var(--xs-color-warning, #8a5a00));
      --_xs-bad: var(--xs-room-trust-bad-color, var(--xs-color-danger, #b3261e));
      --_xs-warning-surface: var(--xs-room-trust-warning-background, var(--xs-color-warning-surface, #fff4d6));
    }
    :host([compact]) {
      display: inline-block;
    }
    h2:focus {
      outline: none;
    }
    p {
      margin: var(--xs-space-xs, 0.25rem) 0;
    }
    ul {
      list-style: none;
      padding: 0;
      margin: var(--xs-space-s, 0.5rem) 0 0;
    }
    .change {
      border-inline-start: 4px solid var(--_xs-bad);
      overflow-wrap: anywhere;
    }
    .who .id {
      font-family: var(--xs-font-family-mono, ui-monospace, monospace);
      font-size: 0.9em;
      color: var(--xs-color-text-muted, #4a4f59);
    }
    .badge {
      display: inline-flex;
      align-items: center;
      gap: var(--xs-space-xs, 0.25rem);
      min-height: 2rem;
      padding: var(--xs-space-xs, 0.25rem) var(--xs-space-s, 0.5rem);
      border-radius: 999px;
    }
    .badge::before {
      content: '';
      width: 0.6em;
      height: 0.6em;
      border-radius: 50%;
      background: var(--_xs-dot, var(--_xs-warn));
    }
    .badge[data-badge='verified'] {
      --_xs-dot: var(--_xs-ok);
    }
    .badge[data-badge='identity-changed'] {
      --_xs-dot: var(--_xs-bad);
    }
    .badge[data-badge='not-verified'],
    .badge[data-badge='checking'] {
      --_xs-dot: var(--xs-color-border, #c6cad2);
    }
  }
`;
