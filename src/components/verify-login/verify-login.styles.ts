import { css } from 'lit';

export const verifyLoginStyles = css`
  @layer xs-component {
    :host {
      /* Read by the shared method steps (src/internal/verification-steps.ts). */
      --_xs-emoji-size: var(--xs-verify-login-emoji-size, 2.5rem);
      --_xs-qr-size: var(--xs-verify-login-qr-size, 16rem);
    }
    [part='base'] {
      display: grid;
      gap: var(--xs-space-s, 0.5rem);
      /* Device IDs and translated words can be long: wrap them rather than widen the step past the host. */
      overflow-wrap: anywhere;
    }
    h2 {
      margin: 0;
      font-size: 1.2em;
    }
    .warning {
      border-left: 4px solid var(--xs-color-danger, #b3261e);
      padding-left: var(--xs-space-s, 0.5rem);
      color: var(--xs-color-danger, #b3261e);
    }
    .quote {
      font-style: italic;
      overflow-wrap: anywhere;
    }
    button.link {
      background: none;
      border-color: transparent;
      text-decoration: underline;
      color: var(--xs-color-accent, #0b6bcb);
    }
  }
`;
