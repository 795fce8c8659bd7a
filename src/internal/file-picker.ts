// The kit's file picker, shared by the key import (<xs-key-transfer>) and the QR picture step of the verification
// elements: a button and a drop zone styled as part of the element, around the native <input type="file">. The
// input stays the control: it is only visually hidden (not display:none), keeps its label, takes the keyboard focus
// (its focus ring is drawn on the button) and opens the file dialog with Enter or Space, so keyboards and screen
// readers get the browser's own file control. The browser's "No file chosen" text is not shown: the chosen file is
// named once, by the line under the button.
import { html, nothing, type TemplateResult } from 'lit';

export { filePickerStyles } from './file-picker.styles.js';

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
