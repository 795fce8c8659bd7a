import { css } from 'lit';

// The steps' shared look is in src/internal/verification-element.ts; this is what only <xs-verify-login> has: the
// sizes the shared method steps read (src/internal/verification-steps.ts), a typed Security Key that reads left to
// right on an RTL page too, and "Can't confirm?" as a link. (No comments inside the CSS: its text ships as written.)
export const verifyLoginStyles = css`
  @layer xs-component {
    :host {
      --_xs-emoji-size: var(--xs-verify-login-emoji-size, 2.5rem);
      --_xs-qr-size: var(--xs-verify-login-qr-size, 16rem);
    }
    input[name='security-key'] {
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
