import { css } from 'lit';

// The steps' shared look is in src/internal/verification-element.ts; this is what only <xs-verify-user> has.
export const verifyUserStyles = css`
  @layer xs-component {
    :host {
      /* Read by the shared method steps (src/internal/verification-steps.ts). */
      --_xs-emoji-size: var(--xs-verify-user-emoji-size, 2.5rem);
      --_xs-qr-size: var(--xs-verify-user-qr-size, 16rem);
    }
    .who {
      display: flex;
      flex-wrap: wrap;
      gap: 0 var(--xs-space-s, 0.5rem);
      align-items: baseline;
    }
    .who .name {
      font-weight: 600;
      font-size: 0.9em;
    }
    .who .id {
      color: var(--xs-color-text-muted, #5b616e);
      font-size: 0.9em;
    }
  }
`;
