import { css } from 'lit';

export const setupWizardStyles = css`
  @layer xs-component {
    :host {
      --_xs-key-bg: var(--xs-setup-wizard-key-background, var(--xs-color-surface-raised, #f4f6f8));
    }
    [part='base'] {
      display: flex;
      flex-direction: column;
      gap: var(--xs-space-s, 0.5rem);
    }
    h2 {
      margin: 0;
      font-size: 1.25em;
    }
    .key {
      font-family: var(--xs-font-family-mono, ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace);
      font-size: 1.1em;
      word-spacing: 0.4em;
      letter-spacing: 0.05em;
      background: var(--_xs-key-bg);
      border-radius: var(--xs-radius, 8px);
      padding: var(--xs-space-m, 1rem);
      user-select: all;
      overflow-wrap: anywhere;
      /* A Security Key reads the same in every language: left to right, its groups in order, also on an RTL page. */
      direction: ltr;
      unicode-bidi: isolate;
    }
    #confirm-key,
    #backup-key {
      /* Typed Security Keys too. */
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
