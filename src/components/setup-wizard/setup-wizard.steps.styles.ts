import { css } from 'lit';

// The styles of the wizard's later steps (the key, typed keys, warnings, the reset's lists): adopted by
// setup-wizard.steps.ts when those steps load (src/internal/lazy-styles.ts), not with the first screen.
// A Security Key, shown or typed, reads the same in every language: left to right, its groups in order, also on an
// RTL page (`direction: ltr` on `.key`, `#confirm-key` and `#backup-key`).
export const setupStepStyles = css`
  @layer xs-component {
    .key {
      font-family: var(--xs-font-family-mono, ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace);
      font-size: 1.1em;
      word-spacing: 0.4em;
      letter-spacing: 0.05em;
      background: var(--xs-setup-wizard-key-background, var(--xs-color-surface-raised, #f4f6f8));
      border-radius: var(--xs-radius, 8px);
      padding: var(--xs-space-m, 1rem);
      user-select: all;
      overflow-wrap: anywhere;
      direction: ltr;
      unicode-bidi: isolate;
    }
    #confirm-key,
    #backup-key {
      direction: ltr;
    }
    .warning {
      border-inline-start: 4px solid var(--xs-color-danger, #b3261e);
      padding-inline-start: var(--xs-space-s, 0.5rem);
    }
    label {
      font-weight: 600;
    }
    input[type='text'] {
      width: 100%;
    }
    ul {
      margin: 0;
      padding-inline-start: 1.25rem;
    }
    h3 {
      margin: var(--xs-space-s, 0.5rem) 0 0;
      font-size: 1em;
    }
  }
`;
