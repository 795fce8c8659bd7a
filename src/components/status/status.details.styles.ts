import { css } from 'lit';

/** The look of what status.details.ts shows (the details' facts, the notes after a press): adopted when it loads. */
export const statusDetailsStyles = css`
  @layer xs-component {
    .note {
      margin: var(--xs-space-s, 0.5rem) 0 0;
      color: var(--xs-color-text-muted, #50555f);
    }
    h3 {
      font-size: 1em;
      margin: var(--xs-space-s, 0.5rem) 0 var(--xs-space-xs, 0.25rem);
    }
    dl {
      display: grid;
      /* One label column width for every list in the details, so the values line up across the sections; at
         most half the width, so on a narrow screen the values keep room instead of one character per line. */
      grid-template-columns: min(50%, 20rem) minmax(0, 1fr);
      gap: var(--xs-space-xs, 0.25rem) var(--xs-space-m, 1rem);
      margin: 0;
    }
    dt {
      color: var(--xs-color-text-muted, #50555f);
    }
    dd {
      margin: 0;
      overflow-wrap: anywhere;
    }
    code {
      font-family: var(--xs-font-family-mono, ui-monospace, monospace);
      /* Keys and ids read left to right on an RTL page too (a leading "+" or "/" must not move to the end). */
      direction: ltr;
      unicode-bidi: isolate;
    }
    label.toggle {
      display: flex;
      gap: var(--xs-space-s, 0.5rem);
      align-items: flex-start;
      margin-block-start: var(--xs-space-s, 0.5rem);
    }
  }
`;
