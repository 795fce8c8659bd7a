import type { MatrixClient } from 'matrix-js-sdk';

export interface DemoContext {
  client: MatrixClient;
  baseUrl: string;
  userId: string;
  /** Only for throwaway demo accounts created on the page. */
  password: string | undefined;
}

/** One element's part of the demo page: the live element, its markup snippet and a log of its events. */
export interface DemoSection {
  render(ctx: DemoContext): HTMLElement;
}

/** A section frame: heading, snippet, the element, and an event log for `events`. */
export function sectionFrame(title: string, snippet: string, element: HTMLElement, events: string[]): HTMLElement {
  const section = document.createElement('section');
  const h = document.createElement('h2');
  h.textContent = title;
  const pre = document.createElement('pre');
  pre.textContent = snippet;
  const log = document.createElement('ol');
  log.className = 'events';
  log.setAttribute('aria-label', `${title} events`);
  for (const type of events) {
    element.addEventListener(type, (e) => {
      const li = document.createElement('li');
      const { type: t, ...fields } = Object.fromEntries(Object.entries(e).concat([['type', e.type]]));
      li.textContent = `${t} ${JSON.stringify(fields)}`;
      log.prepend(li);
    });
  }
  section.append(h, pre, element, log);
  return section;
}
