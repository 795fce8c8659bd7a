import { css } from 'lit';

// The steps' shared look is in src/internal/verification-element.ts; this is what only <xs-verify-login> has.
export const verifyLoginStyles = css`
  @layer xs-component {
    :host {
      /* Read by the shared method steps (src/internal/verification-steps.ts). */
      --_xs-emoji-size: var(--xs-verify-login-emoji-size, 2.5rem);
      --_xs-qr-size: var(--xs-verify-login-qr-size, 16rem);
    }
    input[name='security-key'] {
      /* A typed Security Key reads left to right on an RTL page too. */
      direction: ltr;
    }
    button.link {
      background: none;
      border-color: transparent;
      text-decoration: underline;
      color: var(--xs-color-accent, #0b6bcb);
    }
  }
`;
