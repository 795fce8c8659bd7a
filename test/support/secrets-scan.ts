// A secrets scan for end-to-end tests: records what a flow puts where a secret must never be — console
// output, xs-* events, DOM attributes (shadow roots included), web storage, and the requests a client sends —
// and checks that none of it contains the given secret texts.

type ConsoleMethod = 'log' | 'info' | 'warn' | 'error' | 'debug' | 'trace';
const METHODS: ConsoleMethod[] = ['log', 'info', 'warn', 'error', 'debug', 'trace'];

function stringify(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value, (_k, v: unknown) => (v instanceof Uint8Array ? Array.from(v).join(',') : v)) ?? String(value);
  } catch {
    return String(value);
  }
}

/** Every attribute value under `root`, crossing into open shadow roots. */
export function allAttributes(root: Node): string[] {
  const out: string[] = [];
  const walk = (node: Node) => {
    if (node instanceof Element) {
      for (const a of node.getAttributeNames()) out.push(`${a}=${node.getAttribute(a)}`);
      if (node.shadowRoot) walk(node.shadowRoot);
    }
    for (const child of node.childNodes) walk(child);
  };
  walk(root);
  return out;
}

export class SecretsScan {
  readonly console: string[] = [];
  readonly events: string[] = [];
  readonly requests: string[] = [];
  private restore: (() => void)[] = [];

  /** Starts recording console output and xs-* events (call stop() in the test's end). */
  start(): this {
    for (const m of METHODS) {
      const original = console[m];
      console[m] = (...args: unknown[]) => {
        this.console.push(args.map(stringify).join(' '));
        (original as (...a: unknown[]) => void).apply(console, args);
      };
      this.restore.push(() => (console[m] = original));
    }
    const dispatch = EventTarget.prototype.dispatchEvent;
    const events = this.events;
    EventTarget.prototype.dispatchEvent = function (this: EventTarget, event: Event) {
      if (event.type.startsWith('xs-')) events.push(`${event.type} ${stringify({ ...event })}`);
      return dispatch.call(this, event);
    };
    this.restore.push(() => (EventTarget.prototype.dispatchEvent = dispatch));
    return this;
  }

  /** A fetch wrapper for createTestClient({ wrapFetch }) that records each request's URL and body. */
  readonly wrapFetch = (inner: typeof fetch): typeof fetch => async (input, init) => {
    this.requests.push(`${String(input instanceof Request ? input.url : input)} ${typeof init?.body === 'string' ? init.body : ''}`);
    return inner(input, init);
  };

  stop(): void {
    for (const r of this.restore.splice(0).reverse()) r();
  }

  /**
   * Throws if any secret (compared without whitespace too) shows up in what was recorded, in the attributes
   * under `roots`, or in web storage. Returns how many places were scanned, so a test can show it scanned.
   */
  check(secrets: string[], roots: Node[]): number {
    const variants = secrets.flatMap((s) => [s, s.replace(/\s+/g, '')]).filter((s) => s.length >= 6);
    const storage = [localStorage, sessionStorage].flatMap((st) =>
      Array.from({ length: st.length }, (_, i) => `${st.key(i)}=${st.getItem(st.key(i)!)}`),
    );
    const places: [string, string[]][] = [
      ['console', this.console],
      ['events', this.events],
      ['requests', this.requests],
      ['attributes', roots.flatMap(allAttributes)],
      ['storage', storage],
    ];
    let scanned = 0;
    for (const [where, texts] of places) {
      for (const text of texts) {
        scanned++;
        const compact = text.replace(/\s+/g, '');
        for (const secret of variants) {
          if (text.includes(secret) || compact.includes(secret.replace(/\s+/g, ''))) {
            throw new Error(`a secret appeared in ${where}: ${text.slice(0, 120)}…`);
          }
        }
      }
    }
    return scanned;
  }
}
