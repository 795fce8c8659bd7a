// Geometry of rendered elements for layout tests (test/unit/rtl-layout.test.ts): their shadow trees, nested ones
// included, the boxes that mirror under dir="rtl", the first line of a heading, and the colours of a bar in a screenshot
// taken by the xs-screenshot command (scripts/screenshot-plugin.mjs).
import { executeServerCommand } from '@web/test-runner-commands';

const root = (el: Element) => el.shadowRoot!;

/** A screenshot of a bar (meter, progress): its colour a fifth of the way in from its start and from its end. */
export async function barColours(bar: Element, name: string): Promise<{ start: string; end: string }> {
  const r = bar.getBoundingClientRect();
  const shot = await executeServerCommand<{ base64: string }, { name: string; clip: Record<string, number> }>('xs-screenshot', {
    name,
    clip: { x: r.left + window.scrollX, y: r.top + window.scrollY, width: r.width, height: r.height },
  });
  const image = await createImageBitmap(await (await fetch(`data:image/png;base64,${shot.base64}`)).blob());
  const ctx = new OffscreenCanvas(image.width, image.height).getContext('2d')!;
  ctx.drawImage(image, 0, 0);
  const at = (fraction: number) => {
    const [red, green, blue] = ctx.getImageData(Math.round(image.width * fraction), Math.floor(image.height / 2), 1, 1).data;
    return `rgb(${red}, ${green}, ${blue})`;
  };
  const rtl = getComputedStyle(bar).direction === 'rtl';
  return rtl ? { start: at(0.8), end: at(0.2) } : { start: at(0.2), end: at(0.8) };
}

/** The (first) text node of `el` holding `containing`. */
export function textNode(el: Element, containing = ''): Text {
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n.textContent!.trim() && n.textContent!.includes(containing)) return n as Text;
  throw new Error(`no text node with ${containing}`);
}

export function directionOf(el: Element): string {
  return getComputedStyle(el).direction;
}

/** Client rects of the given substrings of a text node (in order of appearance). */
export function rangeRects(node: Node, parts: string[]): DOMRect[] {
  const text = node.textContent ?? '';
  let from = 0;
  return parts.map((p) => {
    const at = text.indexOf(p, from);
    from = at + p.length;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + p.length);
    return range.getClientRects()[0];
  });
}

/** Every element of the element's shadow tree, nested xs-* shadow trees included, in document order. */
export function deep(root: ParentNode): Element[] {
  const out: Element[] = [];
  for (const e of root.querySelectorAll('*')) {
    out.push(e);
    if (e.shadowRoot) out.push(...deep(e.shadowRoot));
  }
  return out;
}

export function visible(e: Element): boolean {
  const r = e.getBoundingClientRect();
  return r.width > 1 && r.height > 1 && e.checkVisibility({ visibilityProperty: true, opacityProperty: true });
}

export function label(e: Element): string {
  // Digits compare by their shape too: a countdown ("Expires in 2:00" → "1:59") or a time may tick between the two renders.
  const text = e.textContent?.trim().replace(/\s+/g, ' ').slice(0, 30).replace(/\d/g, '9');
  // (Ids numbered per render, such as a request's, compare by their shape.)
  return `${e.localName}${e.id ? `#${e.id.replace(/\d+/g, 'N')}` : ''}${e.getAttribute('class') ? `.${e.getAttribute('class')!.split(' ').join('.')}` : ''}${text ? ` "${text}"` : ''}`;
}

/** Boxes laid out as blocks, flex or grid items: these mirror exactly (inline text fragments follow the bidi algorithm instead). */
const LAID_OUT = new Set(['h2', 'h3', 'h4', 'p', 'div', 'section', 'form', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'details', 'button', 'input', 'meter', 'progress', 'img', 'svg', 'label', 'summary', 'fieldset']);

export function mirrorables(el: HTMLElement): Element[] {
  return deep(root(el)).filter((e) => {
    if (!LAID_OUT.has(e.localName) || !visible(e)) return false;
    const display = getComputedStyle(e).display;
    // An inline-level box sits in a line of text, where bidi reordering of the words decides its place.
    if (display.startsWith('inline') && getComputedStyle(e.parentElement ?? e).display.match(/^(block|list-item)$/)) return false;
    return true;
  });
}

/** The headings of the element's stage, or its labels when it has none (<xs-new-passphrase>). */
export function titles(el: HTMLElement): Element[] {
  const all = deep(root(el)).filter((e) => visible(e) && e.textContent.trim());
  const headings = all.filter((e) => /^h[234]$/.test(e.localName));
  return headings.length ? headings : all.filter((e) => e.localName === 'label');
}

/** The union of a heading's first line of text. */
export function firstLine(h: Element): { left: number; right: number; top: number; bottom: number } | undefined {
  const range = document.createRange();
  range.selectNodeContents(h);
  const rects = [...range.getClientRects()].filter((r) => r.width > 0);
  if (!rects.length) return undefined;
  const top = Math.min(...rects.map((r) => r.top));
  const line = rects.filter((r) => Math.abs(r.top - top) < 4);
  return { left: Math.min(...line.map((r) => r.left)), right: Math.max(...line.map((r) => r.right)), top, bottom: Math.max(...line.map((r) => r.bottom)) };
}
