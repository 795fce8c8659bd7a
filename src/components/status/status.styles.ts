import { css } from 'lit';

export const statusStyles = css`
  @layer xs-component {
    :host {
      --_xs-ok: var(--xs-status-ok-color, var(--xs-color-success, #1e7b34));
      --_xs-warn: var(--xs-status-warn-color, var(--xs-color-warning, #8a5a00));
      --_xs-bad: var(--xs-status-bad-color, var(--xs-color-danger, #b3261e));
    }
    [part~='base'] {
      border: 1px solid var(--xs-color-border, #c6cad2);
      border-radius: var(--xs-radius, 8px);
      padding: var(--xs-space-m, 1rem);
      background: var(--xs-color-surface, #fff);
      border-inline-start: 6px solid var(--_xs-indicator, var(--_xs-warn));
    }
    :host(:state(ready)) [part~='base'],
    :host([state='ready']) [part~='base'],
    :host(:state(verified)) [part~='base'],
    :host([state='verified']) [part~='base'] {
      --_xs-indicator: var(--_xs-ok);
    }
    :host(:state(unverified)) [part~='base'],
    :host([state='unverified']) [part~='base'],
    :host(:state(error)) [part~='base'],
    :host([state='error']) [part~='base'],
    :host(:state(was-verified)) [part~='base'],
    :host([state='was-verified']) [part~='base'],
    :host(:state(identity-changed)) [part~='base'],
    :host([state='identity-changed']) [part~='base'] {
      --_xs-indicator: var(--_xs-bad);
    }
    h2 {
      margin: 0;
      font-size: 1.15em;
      /* A long user id ("Trust in @…:server") must wrap inside the card, not run out of it. */
      overflow-wrap: anywhere;
    }
    .explain {
      margin: var(--xs-space-xs, 0.25rem) 0 0;
    }
    .warning {
      margin: var(--xs-space-s, 0.5rem) 0 0;
      padding: var(--xs-space-s, 0.5rem);
      border-radius: var(--xs-radius-s, 4px);
      background: var(--xs-status-warning-background, var(--xs-color-warning-surface, #fff4d6));
      color: var(--xs-color-text, #1b1d22);
      display: flex;
      gap: var(--xs-space-s, 0.5rem);
      align-items: flex-start;
      justify-content: space-between;
    }
    .warning p {
      margin: 0;
    }
    details {
      margin-block-start: var(--xs-space-m, 1rem);
    }
    summary {
      cursor: pointer;
      font-weight: 600;
    }
  }
`;
