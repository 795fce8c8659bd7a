// Secrets scan for e2e tests: nothing secret in the console, in requests (URLs or bodies), in web storage, in DOM
// attributes or text left behind, or in any xs-* event. Start before the flow, check after it with the secrets.
const XS_EVENTS = [
  'xs-setup-complete', 'xs-setup-closed', 'xs-setup-dismissed', 'xs-error', 'xs-status-change', 'xs-request-verify',
  'xs-request-reset', 'xs-request-setup', 'xs-request-backup', 'xs-request-export', 'xs-request-sessions', 'xs-verified',
  'xs-verification-cancelled', 'xs-key-storage-change', 'xs-request-key-storage',
];

export function secretsScan() {
  const logged: string[] = [];
  const events: string[] = [];
  const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
  const originals = methods.map((m) => console[m].bind(console));
  methods.forEach((m, i) => {
    console[m] = (...args: unknown[]) => {
      try {
        logged.push(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a) ?? String(a))).join(' '));
      } catch {
        logged.push(String(args));
      }
      originals[i](...args);
    };
  });
  const onEvent = (e: Event) => {
    const own: Record<string, unknown> = {};
    for (const k of Object.keys(e)) own[k] = (e as unknown as Record<string, unknown>)[k];
    events.push(`${e.type} ${JSON.stringify(own)}`);
  };
  for (const t of XS_EVENTS) document.addEventListener(t, onEvent, true);
  return {
    stop() {
      methods.forEach((m, i) => ((console as unknown as Record<string, unknown>)[m] = originals[i]));
      for (const t of XS_EVENTS) document.removeEventListener(t, onEvent, true);
    },
    /** Throws naming where a secret (any of `secrets`, also without spaces) was found. */
    check(secrets: string[], requests: { url: string; body: string }[], elements: Element[]) {
      const needles = secrets.flatMap((s) => [s, s.replace(/\s+/g, '')]).filter((s) => s.length >= 8);
      const storage: string[] = [];
      for (const st of [localStorage, sessionStorage]) for (let i = 0; i < st.length; i++) storage.push(`${st.key(i)}=${st.getItem(st.key(i)!)}`);
      const dom: string[] = [];
      const walk = (n: Element) => {
        for (const a of n.attributes) dom.push(`${a.name}=${a.value}`);
        if (n.shadowRoot) for (const c of n.shadowRoot.querySelectorAll('*')) walk(c);
        for (const c of n.children) walk(c);
      };
      for (const el of elements) {
        walk(el);
        dom.push(el.shadowRoot?.textContent ?? '', el.textContent ?? '');
        for (const i of el.shadowRoot?.querySelectorAll('input') ?? []) dom.push(i.value);
      }
      const places: [string, string[]][] = [
        ['console', logged],
        ['requests', requests.map((r) => `${r.url} ${r.body}`)],
        ['storage', storage],
        ['DOM', dom],
        ['events', events],
      ];
      for (const [where, texts] of places) {
        for (const t of texts) for (const n of needles) if (t.includes(n)) throw new Error(`a secret was found in ${where}: …${t.slice(Math.max(0, t.indexOf(n) - 40), t.indexOf(n)).replace(/\s+/g, ' ')}<secret>`);
      }
    },
  };
}
