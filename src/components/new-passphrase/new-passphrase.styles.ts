import { css } from 'lit';

export const newPassphraseStyles = css`
  @layer xs-component {
    .field {
      display: flex;
      flex-direction: column;
      gap: var(--xs-space-xs, 0.25rem);
      margin-block-end: var(--xs-space-m, 1rem);
    }
    label {
      font-weight: 600;
    }
    input {
      width: 100%;
    }
    .hint,
    .strength,
    [role='alert'] {
      margin: 0;
      font-size: 0.875em;
    }
    .hint {
      color: var(--xs-color-text-muted, #50555f);
    }
    meter {
      width: 100%;
      height: 0.75rem;
    }
    [role='alert']:empty {
      display: none;
    }
  }
`;
