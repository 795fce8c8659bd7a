import { css } from 'lit';

/**
 * The card that `<xs-status>` and `<xs-room-trust>` draw (one module, so the first render carries it once): the
 * bordered surface of `[part~='base']`, its heading, and the warning box (`.warning`, `.change`), whose background
 * each element names on its host as `--_xs-warning-surface` (from its own documented custom property).
 */
export const cardStyles = css`
  @layer xs-component {
    [part~='base'] {
      border: 1px solid var(--xs-color-border, #c6cad2);
      border-radius: var(--xs-radius, 8px);
      padding: var(--xs-space-m, 1rem);
      background: var(--xs-color-surface, #fff);
    }
    h2 {
      margin: 0;
      font-size: 1.15em;
    }
    .warning,
    .change {
      margin: var(--xs-space-s, 0.5rem) 0 0;
      padding: var(--xs-space-s, 0.5rem);
      border-radius: var(--xs-radius-s, 4px);
      background: var(--_xs-warning-surface);
      color: var(--xs-color-text, #1b1d22);
    }
  }
`;
