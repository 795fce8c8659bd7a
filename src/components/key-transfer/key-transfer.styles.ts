// The styles of <xs-key-transfer>'s first render, the choice; the steps bring theirs (key-transfer-steps.styles.ts,
// and the file picker's).
import { css } from 'lit';

export const keyTransferStyles = css`
  @layer xs-component {
    h3 { margin: 0 0 var(--xs-space-s, 0.5rem); font-size: 1.1em; }
    h3:focus { outline: none; }
    .row { display: flex; gap: var(--xs-space-s, 0.5rem); flex-wrap: wrap; margin-block-start: var(--xs-space-m, 1rem); }
  }
`;
