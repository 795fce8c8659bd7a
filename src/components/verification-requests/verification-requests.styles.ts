import { css } from 'lit';

export const requestsStyles = css`
  @layer xs-component {
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: var(--xs-space-m, 1rem);
    }
    li[part='request'] {
      display: grid;
      gap: var(--xs-space-xs, 0.25rem);
      padding: var(--xs-space-m, 1rem);
      border: 1px solid var(--xs-color-border, #c6cad2);
      border-radius: var(--xs-radius, 8px);
      background: var(--xs-verification-requests-background, var(--xs-color-surface, #fff));
      overflow-wrap: anywhere;
    }
    h3 {
      margin: 0;
      font-size: 1.05em;
    }
    .who .name {
      font-weight: 600;
    }
    .who .id,
    .session .meta {
      color: var(--xs-color-text-muted, #5b616e);
      font-size: 0.9em;
    }
    .countdown {
      font-variant-numeric: tabular-nums;
    }
  }
`;
