import { css } from 'lit';

/** A row of actions under a stage's text (wizard, verification, status). */
export const actionRowStyles = css`
  @layer xs-component {
    .row {
      display: flex;
      gap: var(--xs-space-s, 0.5rem);
      flex-wrap: wrap;
      margin-block-start: var(--xs-space-s, 0.5rem);
    }
  }
`;

/** Step headings take focus programmatically (tabindex=-1) without a ring; paragraphs sit tight. */
export const stageTextStyles = css`
  @layer xs-component {
    h2:focus {
      outline: none;
    }
    p {
      margin: 0;
    }
  }
`;
