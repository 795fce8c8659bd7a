import { css } from 'lit';

// The card itself (border, surface, heading, the warning box) is internal/card.styles.ts. The indicator follows the
// `state` attribute, which the element always mirrors beside its custom state. The heading wraps anywhere: a long
// user id ("Trust in @…:server") must stay inside the card.
export const statusStyles = css`
  @layer xs-component {
    :host {
      --_xs-ok: var(--xs-status-ok-color, var(--xs-color-success, #1e7b34));
      --_xs-warn: var(--xs-status-warn-color, var(--xs-color-warning, #8a5a00));
      --_xs-bad: var(--xs-status-bad-color, var(--xs-color-danger, #b3261e));
      --_xs-warning-surface: var(--xs-status-warning-background, var(--xs-color-warning-surface, #fff4d6));
    }
    :host([state='ready']),
    :host([state='verified']) {
      --_xs-indicator: var(--_xs-ok);
    }
    :host([state='unverified']),
    :host([state='error']),
    :host([state='was-verified']),
    :host([state='identity-changed']) {
      --_xs-indicator: var(--_xs-bad);
    }
    [part~='base'] {
      border-inline-start: 6px solid var(--_xs-indicator, var(--_xs-warn));
    }
    h2 {
      overflow-wrap: anywhere;
    }
    .explain {
      margin: var(--xs-space-xs, 0.25rem) 0 0;
    }
    .warning {
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
