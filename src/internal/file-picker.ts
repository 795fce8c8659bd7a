// The kit's file picker, shared by the key import (<xs-key-transfer>) and the QR picture step of the verification
// elements: a button and a drop zone styled as part of the element, around the native <input type="file">. The
// input stays the control: it is only visually hidden (not display:none), keeps its label, takes the keyboard focus
// (its focus ring is drawn on the button) and opens the file dialog with Enter or Space, so keyboards and screen
// readers get the browser's own file control. The browser's "No file chosen" text is not shown: the chosen file is
// named once, by the line under the button.
import { css, html, nothing, type TemplateResult } from 'lit';

export interface FilePickerOptions {
  /** The input's id (tests and labels refer to it). */
  id: string;
  accept: string;
  /** The button's text: also the input's accessible name. */
  label: string;
  /** Under the button, e.g. "or drop the file here". */
  hint?: string;
  /** Ids of more text describing the input. */
  describedBy?: string;
  /** The line naming the chosen file, once (e.g. "Chosen: keys.txt (2 kB)"). */
  chosen?: string;
  /** Called with the picked or dropped file. */
  onFile: (file: File) => void;
  /** Called when a dragged file enters or leaves the zone (hosts set a custom state for styling). */
  onDragging?: (on: boolean) => void;
}

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

function dropped(e: DragEvent): File | undefined {
  return e.dataTransfer?.files?.[0];
}

/** The picker's template (see the file comment); render it in an element that includes `filePickerStyles`. */
export function filePicker(o: FilePickerOptions): TemplateResult {
  const onDragOver = (e: DragEvent) => {
    if (!e.dataTransfer?.types.includes('Files')) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
    o.onDragging?.(true);
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    o.onDragging?.(false);
    const file = dropped(e);
    if (file) o.onFile(file);
  };
  const onChange = (e: Event) => {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    if (file) o.onFile(file);
  };
  const describedBy = [o.hint ? `${o.id}-hint` : '', o.describedBy ?? ''].filter(Boolean).join(' ');
  return html`<div class="file-picker" part="drop-zone" @dragover=${onDragOver} @dragleave=${() => o.onDragging?.(false)} @drop=${onDrop}>
    <input id=${o.id} type="file" accept=${o.accept} aria-describedby=${describedBy || nothing} @change=${onChange} />
    <label for=${o.id} class="file-button" part="file-button">${o.label}</label>
    ${o.hint ? html`<p class="file-hint" id="${o.id}-hint">${o.hint}</p>` : nothing}
    ${o.chosen ? html`<p class="file-chosen" part="status">${o.chosen}</p>` : nothing}
  </div>`;
}
