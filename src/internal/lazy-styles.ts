import type { CSSResult } from 'lit';

const adopted = new WeakMap<ShadowRoot, Set<CSSResult>>();

/**
 * Adds the styles of a lazily loaded part (a later view, a dialog: issue 17) to an element's shadow root, once,
 * after the element's own — the same `@layer xs-component`, the same `::part` names and look as if they had come
 * with the element. Imported by the lazy modules only, so it stays out of the first render. Where a browser can't
 * adopt style sheets (Lit's fallback), a `<style>` goes before Lit's content, with the page's `litNonce`.
 */
export function adoptStyles(root: Node | null | undefined, ...styles: CSSResult[]): void {
  if (!(root instanceof ShadowRoot)) return;
  let done = adopted.get(root);
  if (!done) adopted.set(root, (done = new Set()));
  for (const s of styles) {
    if (done.has(s)) continue;
    done.add(s);
    const sheet = s.styleSheet;
    if (sheet && 'adoptedStyleSheets' in root) {
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    } else {
      const el = document.createElement('style');
      const nonce = (globalThis as { litNonce?: string }).litNonce;
      if (nonce) el.setAttribute('nonce', nonce);
      el.textContent = s.cssText;
      root.prepend(el);
    }
  }
}
