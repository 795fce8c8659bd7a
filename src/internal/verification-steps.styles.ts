import { css } from 'lit';

/**
 * Styles of the steps after the first one (the method steps, the end steps' warning and quote, the Security Key's
 * fields): adopted when the element's later module is here (see XsVerificationElement). Each element sets
 * `--_xs-emoji-size` and `--_xs-qr-size` from its own hooks.
 */
export const verificationStepStyles = css`
  @layer xs-component {
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
      font-size: var(--_xs-emoji-size, 2.5rem);
      line-height: 1.2;
    }
    .name {
      font-size: 0.9em;
    }
    ol.numbers {
      list-style: none;
      padding: 0;
      margin: var(--xs-space-s, 0.5rem) 0;
      display: flex;
      gap: var(--xs-space-l, 1.5rem);
      font-size: calc(var(--_xs-emoji-size, 2.5rem) * 0.8);
      font-variant-numeric: tabular-nums;
      font-weight: 600;
    }
    img[part='qr-code'] {
      width: var(--_xs-qr-size, 16rem);
      height: var(--_xs-qr-size, 16rem);
      max-width: 100%;
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
    .warning {
      border-inline-start: 4px solid var(--xs-color-danger, #b3261e);
      padding-inline-start: var(--xs-space-s, 0.5rem);
      color: var(--xs-color-danger, #b3261e);
    }
    .quote {
      font-style: italic;
      overflow-wrap: anywhere;
    }
  }
`;
