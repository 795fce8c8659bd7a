// The styles of <xs-key-transfer>'s export and import steps, added to the element when the steps arrive
// (key-transfer-control.ts); the choice's are in key-transfer.styles.ts, the file picker's in file-picker.styles.ts.
import { css } from 'lit';

export const keyTransferStepStyles = css`
  @layer xs-component {
    label { display: block; font-weight: 600; margin-block-start: var(--xs-space-s, 0.5rem); }
    .warning { border-inline-start: 4px solid var(--xs-color-warning, #b26a00); padding-inline-start: var(--xs-space-s, 0.5rem); }
    progress { width: 100%; }
    :host { --_xs-drop-border: var(--xs-key-transfer-drop-border, var(--xs-color-border, #c6cad2)); }
    :host(:state(dragging)) { --_xs-drop-border: var(--xs-color-accent, #0b6bcb); }
    dl { display: grid; grid-template-columns: auto auto; gap: 0.25rem 1rem; justify-content: start; }
    dt { font-weight: 600; }
    dd { margin: 0; font-variant-numeric: tabular-nums; }
    input[type='password'] { width: 100%; max-width: 28rem; }
  }
`;
