import { css } from 'lit';

export const verifyLoginStyles = css`
  @layer xs-component {
    :host {
      --_xs-verify-login-emoji-size: var(--xs-verify-login-emoji-size, 2.5rem);
      --_xs-verify-login-qr-size: var(--xs-verify-login-qr-size, 16rem);
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
    ol.emoji {
      list-style: none;
      padding: 0;
      margin: var(--xs-space-s, 0.5rem) 0;
      display: flex;
      flex-wrap: wrap;
      gap: var(--xs-space-m, 1rem);
    }
    ol.emoji li {
      display: grid;
      justify-items: center;
      min-width: 4.5rem;
      text-align: center;
    }
    .glyph {
      font-size: var(--_xs-verify-login-emoji-size);
      line-height: 1.2;
    }
    .name {
      font-size: 0.9em;
    }
    img[part='qr-code'] {
      width: var(--_xs-verify-login-qr-size);
      height: var(--_xs-verify-login-qr-size);
      image-rendering: pixelated;
      background: #fff;
      border-radius: var(--xs-radius-s, 4px);
    }
    video[part='camera'] {
      width: 100%;
      max-width: 24rem;
      border-radius: var(--xs-radius-s, 4px);
      background: #000;
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
    label {
      font-weight: 600;
    }
    .field {
      display: grid;
      gap: 0.25rem;
    }
    .field > input {
      /* A file input's intrinsic width (button + "No file chosen") would otherwise widen the whole step. */
      min-width: 0;
      max-width: 100%;
    }
  }
`;
