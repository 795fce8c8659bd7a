import { css } from 'lit';

export const verifyUserStyles = css`
  @layer xs-component {
    :host {
      /* Read by the shared method steps (src/internal/verification-steps.ts). */
      --_xs-emoji-size: var(--xs-verify-user-emoji-size, 2.5rem);
      --_xs-qr-size: var(--xs-verify-user-qr-size, 16rem);
    }
    [part='base'] {
      display: grid;
      gap: var(--xs-space-s, 0.5rem);
      overflow-wrap: anywhere;
    }
    h2 {
      margin: 0;
      font-size: 1.2em;
    }
    .who {
      display: flex;
      flex-wrap: wrap;
      gap: 0 var(--xs-space-s, 0.5rem);
      align-items: baseline;
    }
    .who .name {
      font-weight: 600;
    }
    .who .id {
      color: var(--xs-color-text-muted, #5b616e);
      font-size: 0.9em;
    }
    .warning {
      border-left: 4px solid var(--xs-color-danger, #b3261e);
      padding-left: var(--xs-space-s, 0.5rem);
      color: var(--xs-color-danger, #b3261e);
    }
    .quote {
      font-style: italic;
    }
  }
`;
