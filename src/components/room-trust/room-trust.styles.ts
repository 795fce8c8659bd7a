import { css } from 'lit';

export const roomTrustStyles = css`
  @layer xs-component {
    :host {
      --_xs-ok: var(--xs-room-trust-ok-color, var(--xs-color-success, #1e7b34));
      --_xs-warn: var(--xs-room-trust-warn-color, var(--xs-color-warning, #8a5a00));
      --_xs-bad: var(--xs-room-trust-bad-color, var(--xs-color-danger, #b3261e));
    }
    :host([compact]) {
      display: inline-block;
    }
    [part~='base'] {
      border: 1px solid var(--xs-color-border, #c6cad2);
      border-radius: var(--xs-radius, 8px);
      padding: var(--xs-space-m, 1rem);
      background: var(--xs-color-surface, #fff);
    }
    h2 {
      margin: 0 0 var(--xs-space-xs, 0.25rem);
      font-size: 1.15em;
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
      margin: var(--xs-space-s, 0.5rem) 0 0;
      padding: var(--xs-space-s, 0.5rem);
      border-radius: var(--xs-radius-s, 4px);
      border-inline-start: 4px solid var(--_xs-bad);
      background: var(--xs-room-trust-warning-background, var(--xs-color-warning-surface, #fff4d6));
      color: var(--xs-color-text, #1b1d22);
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
