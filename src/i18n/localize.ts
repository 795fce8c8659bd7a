import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { loadLanguage, preferredLanguage } from './languages.js';
import { onTranslationsChanged, translate, type Strings, type Terms } from './registry.js';

type Host = ReactiveControllerHost & HTMLElement;
type Args<V> = V extends (...args: infer A) => string ? A : [];

const controllers = new Set<LocalizeController>();
let observer: MutationObserver | undefined;
/** The document and the shadow roots observed for `lang` / `dir` changes. */
const observed = new WeakSet<Node>();

function changed(records?: MutationRecord[]) {
  // A `dir` change re-renders every element (what they draw may depend on it); a `lang` change those whose language changed.
  const dir = records?.some((r) => r.attributeName === 'dir');
  for (const c of controllers) c.languageMayHaveChanged(dir);
}

/**
 * Watches `lang` (and `dir`) anywhere on the path from `host` to the document: the document's whole tree, and every
 * shadow root the host sits in (a MutationObserver on a document does not see into shadow roots). Also the browser's
 * language list (`languagechange`).
 */
function watch(host: Node) {
  if (typeof MutationObserver === 'undefined' || typeof document === 'undefined') return;
  if (!observer) {
    observer = new MutationObserver(changed);
    addEventListener('languagechange', () => changed());
  }
  const options = { attributes: true, subtree: true, attributeFilter: ['lang', 'dir'] };
  if (!observed.has(document)) {
    observed.add(document);
    observer.observe(document, options);
  }
  for (let root = host.getRootNode(); root instanceof ShadowRoot; root = root.host.getRootNode()) {
    if (observed.has(root)) continue;
    observed.add(root);
    observer.observe(root, options);
  }
}

/**
 * Language of an element: its own `lang`, then the nearest `[lang]` ancestor (crossing shadow roots), then
 * `<html lang>`, then the first of `navigator.languages` the kit has a UI language for, then English.
 */
export function languageOf(el: Element): string {
  let node: Node | null = el;
  while (node) {
    if (node instanceof Element) {
      const lang = node.getAttribute('lang');
      if (lang) return lang;
    }
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return (typeof document !== 'undefined' && document.documentElement.getAttribute('lang')) || preferredLanguage();
}

/**
 * Re-renders its host when its language or the registered translations change. Live: `lang` on the host, on any
 * ancestor in the document or in the shadow roots the host sits in, on `<html>`, and the browser's languages.
 */
export class LocalizeController implements ReactiveController {
  private unlisten?: () => void;
  private resolved?: string;
  constructor(private readonly host: Host) {
    host.addController(this);
  }
  hostConnected() {
    this.resolved = undefined;
    controllers.add(this);
    watch(this.host);
    this.unlisten = onTranslationsChanged(() => this.host.requestUpdate());
  }
  hostDisconnected() {
    controllers.delete(this);
    this.unlisten?.();
  }
  hostUpdate() {
    this.resolved = undefined;
    void this.ready();
  }
  /** (Called when a `lang` attribute changed somewhere.) Re-renders when this host's language is another now. */
  languageMayHaveChanged(always = false) {
    const before = this.resolved;
    this.resolved = undefined;
    if (always || this.lang !== before) this.host.requestUpdate();
  }
  /** The host's language (BCP 47 tag as written, e.g. `de-AT`). */
  get lang(): string {
    return (this.resolved ??= languageOf(this.host));
  }
  /** Settles when the kit's terms for the host's language are loaded; undefined when they are (or there are none). */
  ready(): Promise<void> | undefined {
    return loadLanguage(this.lang);
  }
  t<T extends Terms, K extends keyof T & string>(strings: Strings<T>, key: K, ...args: Args<T[K]>): string {
    return translate(this.lang, strings, key, ...args);
  }
  number(n: number, options?: Intl.NumberFormatOptions): string {
    return new Intl.NumberFormat(this.lang, options).format(n);
  }
  date(d: Date | number, options?: Intl.DateTimeFormatOptions): string {
    return new Intl.DateTimeFormat(this.lang, options).format(d);
  }
  relativeTime(value: number, unit: Intl.RelativeTimeFormatUnit, options?: Intl.RelativeTimeFormatOptions): string {
    return new Intl.RelativeTimeFormat(this.lang, { numeric: 'auto', ...options }).format(value, unit);
  }
}
