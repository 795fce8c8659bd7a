import { css } from 'lit';

// The first screen's styles (checking the account, what setting up means); the later steps' are
// setup-wizard.steps.styles.ts, adopted when those steps load.
export const setupWizardStyles = css`
  @layer xs-component {
    [part='base'] {
      display: flex;
      flex-direction: column;
      gap: var(--xs-space-s, 0.5rem);
    }
    h2 {
      margin: 0;
      font-size: 1.25em;
    }
  }
`;
