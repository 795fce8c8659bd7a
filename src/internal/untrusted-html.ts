// Renders text other people control (display names, user ids, device names) for Lit templates: always as
// text inside a bidi isolate, invisible characters shown by their code point (see untrusted-text.ts).
import { css, html, type TemplateResult } from 'lit';
import { splitUntrusted } from './untrusted-text.js';

export function untrusted(s: string, invisibleTitle = ''): TemplateResult {
  return html`<bdi>${splitUntrusted(s).map((p) => ('text' in p ? p.text : html`<span class="hidden-char" title=${invisibleTitle}>${p.codePoint}</span>`))}</bdi>`;
}

export const untrustedStyles = css`
  @layer xs-component {
    .hidden-char {
      font-family: var(--xs-font-family-mono, ui-monospace, monospace);
      font-size: 0.8em;
      font-weight: 400;
      border: 1px dashed currentColor;
      border-radius: 3px;
      padding: 0 2px;
    }
  }
`;
