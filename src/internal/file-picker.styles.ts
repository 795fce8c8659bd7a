// The file picker's styles (file-picker.ts), apart from its template: an element that shows the picker only in a
// later step adopts them from its first render and loads the template with that step.
import { css } from 'lit';

export const filePickerStyles = css`
  @layer xs-component {
    .file-picker {
      position: relative;
      display: grid;
      justify-items: start;
      gap: var(--xs-space-xs, 0.25rem);
      overflow-wrap: anywhere;
      border: 2px dashed var(--_xs-drop-border, var(--xs-color-border, #c6cad2));
      border-radius: var(--xs-radius, 8px);
      padding: var(--xs-space-m, 1rem);
    }
    /* Visually hidden, still focusable and announced (not display:none). */
    .file-picker input[type='file'] {
      position: absolute;
      inset-inline-start: 0;
      inset-block-start: 0;
      width: 1px;
      height: 1px;
      min-width: 0;
      padding: 0;
      border: 0;
      margin: 0;
      opacity: 0;
      overflow: hidden;
      clip-path: inset(50%);
    }
    .file-picker .file-button {
      display: inline-flex;
      align-items: center;
      min-height: 2.25rem;
      padding: 0.25rem 0.9rem;
      border: 1px solid var(--xs-color-accent, #0b6bcb);
      border-radius: var(--xs-radius-s, 6px);
      color: var(--xs-color-accent, #0b6bcb);
      background: var(--xs-color-surface, #fff);
      font-weight: 600;
      cursor: pointer;
    }
    .file-picker .file-button:hover { background: var(--xs-color-surface-raised, #f4f6f8); }
    .file-picker input[type='file']:focus-visible + .file-button {
      outline: 2px solid var(--xs-color-focus, var(--xs-color-accent, #0b6bcb));
      outline-offset: 2px;
    }
    .file-picker .file-hint, .file-picker .file-chosen { margin: 0; }
    .file-picker .file-hint { color: var(--xs-color-text-muted, #5c6370); font-size: 0.9em; }
    .file-picker .file-chosen { font-weight: 600; }
  }
`;
