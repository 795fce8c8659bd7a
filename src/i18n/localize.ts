import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { onTranslationsChanged, translate, type Strings, type Terms } from './registry.js';

type Host = ReactiveControllerHost & HTMLElement;
type Args<V> = V extends (...args: infer A) => string ? A : [];

const hosts = new Set<Host>();
let docObserver: MutationObserver | undefined;

function watchDocumentLang() {
  if (docObserver || typeof MutationObserver === 'undefined') return;
  docObserver = new MutationObserver(() => hosts.forEach((h) => h.requestUpdate()));
  docObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang', 'dir'] });
}

/**
 * Language of an element: its own `lang`, then the nearest `[lang]` ancestor (crossing shadow roots),
 * then `<html lang>`, then English.
 */
export function languageOf(el: Element): string {
  let node: Node | null = el;
  while (node) {
    if (node instanceof Element && node.getAttribute('lang')) return node.getAttribute('lang')!;
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return document.documentElement.lang || 'en';
}

/** Re-renders its host when the language or the registered translations change. */
export class LocalizeController implements ReactiveController {
  private unlisten?: () => void;
  constructor(private readonly host: Host) {
    host.addController(this);
  }
  hostConnected() {
    hosts.add(this.host);
    watchDocumentLang();
    this.unlisten = onTranslationsChanged(() => this.host.requestUpdate());
  }
  hostDisconnected() {
    hosts.delete(this.host);
    this.unlisten?.();
  }
  get lang(): string {
    return languageOf(this.host);
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
