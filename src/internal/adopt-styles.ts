// Styles that come with a later view: a lazily loaded module adds the rules of the parts only it shows to the element's
// shadow root when it arrives (before those parts render), so they leave the first render with the same look (after
// the element's own rules, as if they were last in its `styles`).
import type { CSSResult } from 'lit';

/** Adds `styles` to `root` (an element's shadow root) once. */
export function adoptStyles(root: Node, styles: CSSResult): void {
  const sheet = styles.styleSheet;
  if (!(root instanceof ShadowRoot)) return;
  if (sheet) {
    if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  } else if (![...root.querySelectorAll('style')].some((s) => s.textContent === styles.cssText)) {
    // No constructable style sheets (Lit then renders `styles` as <style> elements too).
    const style = document.createElement('style');
    style.textContent = styles.cssText;
    root.append(style);
  }
}
