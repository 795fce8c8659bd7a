// The event log: one readable line per xs-* event from any panel (which panel, which event, its main fields), the
// whole detail on demand. Every event name comes from custom-elements.json, so new elements' events show up too.
// Untrusted values (names, reasons from other users) are only ever set as text.

/** Which panel an event came from: the nearest [data-panel] on its composed path. */
function panelOf(e: Event): string {
  for (const node of e.composedPath()) {
    if (node instanceof HTMLElement && node.dataset.panel) return node.dataset.panel;
  }
  return 'page';
}

function summary(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value.length > 60 ? `${value.slice(0, 57)}…` : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `${value.length} item${value.length === 1 ? '' : 's'}`;
  return undefined;
}

/** The event's own fields as JSON-able data (objects from the SDK become their class name). */
function detailOf(e: Event): Record<string, unknown> {
  const seen = new WeakSet<object>();
  const plain = (v: unknown, depth: number): unknown => {
    if (v === null || typeof v !== 'object') return typeof v === 'function' ? undefined : v;
    if (seen.has(v) || depth > 4) return '…';
    seen.add(v);
    if (Array.isArray(v)) return v.map((x) => plain(x, depth + 1));
    const proto = Object.getPrototypeOf(v) as { constructor?: { name?: string } } | null;
    if (proto !== Object.prototype && proto !== null) return `[${proto?.constructor?.name ?? 'object'}]`;
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x, depth + 1)]));
  };
  return Object.fromEntries(Object.entries(e).map(([k, v]) => [k, plain(v, 0)]));
}

export async function eventNames(): Promise<string[]> {
  const names = new Set<string>();
  try {
    const manifest = (await (await fetch('/custom-elements.json')).json()) as { modules: { declarations?: { events?: { name: string }[] }[] }[] };
    for (const m of manifest.modules) for (const d of m.declarations ?? []) for (const ev of d.events ?? []) if (ev.name.startsWith('xs-')) names.add(ev.name);
  } catch {
    /* no manifest: the log stays empty */
  }
  return [...names].sort();
}

/** Starts logging into `list` (newest first); returns a function that clears the log. */
export async function startEventLog(list: HTMLOListElement): Promise<() => void> {
  const clock = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  for (const name of await eventNames()) {
    document.addEventListener(name, (e) => {
      const detail = detailOf(e);
      const fields = Object.entries(detail)
        .map(([k, v]) => [k, summary(v)] as const)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => `${k}: ${v}`);
      const li = document.createElement('li');
      const more = document.createElement('details');
      const line = document.createElement('summary');
      const time = document.createElement('time');
      time.textContent = clock.format(new Date());
      const where = document.createElement('span');
      where.className = 'where';
      where.textContent = panelOf(e);
      const type = document.createElement('code');
      type.textContent = e.type;
      const text = document.createElement('span');
      text.textContent = fields.length ? fields.join(' · ') : '';
      line.append(time, ' ', where, ' ', type, ' ', text);
      const pre = document.createElement('pre');
      pre.textContent = JSON.stringify({ type: e.type, cancelable: e.cancelable, defaultPrevented: e.defaultPrevented, ...detail }, null, 2);
      more.append(line, pre);
      li.append(more);
      list.prepend(li);
    });
  }
  return () => list.replaceChildren();
}
