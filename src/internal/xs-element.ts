import { consume } from '@lit/context';
import { LitElement, css, type CSSResult, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { MatrixClient } from 'matrix-js-sdk';
import { matrixClientContext } from '../context/index.js';
import type { XsEvent } from '../events/xs-event.js';
import { LocalizeController } from '../i18n/localize.js';
import { guardUiaRequests } from '../sdk/uia-guard.js';
import { LazyPart, type Prefetch } from './lazy-part.js';

/**
 * Styles every element starts from: tokens with fallbacks, so the kit looks right with no page CSS. (`[hidden]` is
 * `display: none !important`: the UA's [hidden] rule loses to any author display rule, e.g. .badge's inline-block.
 * Comments stay out of the CSS text: it ships as written.)
 */
export const baseStyles = css`
  @layer xs-component {
    :host {
      display: block;
      box-sizing: border-box;
      color: var(--xs-color-text, #1b1d22);
      font-family: var(--xs-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
      font-size: var(--xs-font-size, 1rem);
      line-height: 1.5;
    }
    :host([hidden]),
    [hidden] {
      display: none !important;
    }
    *, *::before, *::after {
      box-sizing: inherit;
    }
    button {
      font: inherit;
      cursor: pointer;
      border-radius: var(--xs-radius, 8px);
      padding: var(--xs-space-s, 0.5rem) var(--xs-space-m, 1rem);
      border: 1px solid var(--xs-color-border, #c6cad2);
      background: var(--xs-color-surface, #fff);
      color: inherit;
      min-height: 2.5rem;
    }
    button.primary {
      background: var(--xs-color-accent, #0b6bcb);
      border-color: var(--xs-color-accent, #0b6bcb);
      color: var(--xs-color-on-accent, #fff);
    }
    button.danger {
      background: var(--xs-color-danger, #b3261e);
      border-color: var(--xs-color-danger, #b3261e);
      color: var(--xs-color-on-accent, #fff);
    }
    button:disabled {
      opacity: 0.55;
      cursor: not-allowed;
    }
    button:focus-visible, input:focus-visible, summary:focus-visible, a:focus-visible {
      outline: 3px solid var(--xs-color-focus, #3d8af7);
      outline-offset: 2px;
    }
    input {
      font: inherit;
      padding: var(--xs-space-s, 0.5rem);
      border-radius: var(--xs-radius-s, 4px);
      border: 1px solid var(--xs-color-border, #c6cad2);
      background: var(--xs-color-surface, #fff);
      color: inherit;
    }
    [role='alert'] {
      color: var(--xs-color-danger, #b3261e);
    }
    .visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }
  }
`;

/**
 * The one base class of the kit. It:
 * - consumes the Matrix client from the context (`xs-matrix-client`, subscribed) and also accepts `.client`
 *   (which wins); when the effective client changes it calls `clientChanged()` so the element drops old
 *   listeners and re-derives; it wraps the client's fetch once so the kit's authentication requests report
 *   rate limits and network failures instead of the SDK re-sending them (`src/sdk/uia-guard.ts`);
 * - gives `emit()` for typed xs-* events, `localize` for text, `setCustomState()` for `:state(…)` styling;
 * - registers tags idempotently (`define()`).
 *
 * The global tokens every element reads (defaults = the light theme; `xs-kit/themes/dark.css` sets the colors for dark):
 * @cssprop [--xs-color-text=#1b1d22] - Text.
 * @cssprop [--xs-color-text-muted=#5c6370] - Secondary text (hints, timestamps).
 * @cssprop [--xs-color-surface=#ffffff] - Background of the elements, inputs and plain buttons.
 * @cssprop [--xs-color-surface-raised=#f4f6f8] - Background of raised areas (codes, cards).
 * @cssprop [--xs-color-border=#c6cad2] - Borders of buttons, inputs and cards.
 * @cssprop [--xs-color-accent=#0b6bcb] - Primary buttons and links.
 * @cssprop [--xs-color-on-accent=#ffffff] - Text on the accent color (and on danger buttons).
 * @cssprop [--xs-color-success=#17663a] - Success (verified, ready).
 * @cssprop [--xs-color-warning=#8a5300] - Warnings.
 * @cssprop [--xs-color-warning-surface=#fff4d6] - Background of warning boxes.
 * @cssprop [--xs-color-danger=#b3261e] - Errors and destructive buttons.
 * @cssprop [--xs-color-focus=#3d8af7] - The focus ring.
 * @cssprop [--xs-font-family=system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif] - Font.
 * @cssprop [--xs-font-family-mono=ui-monospace, 'DejaVu Sans Mono', Menlo, Consolas, monospace] - Font of keys, codes and IDs.
 * @cssprop [--xs-font-size=1rem] - Base font size.
 * @cssprop [--xs-space-xs=0.25rem] - Smallest spacing.
 * @cssprop [--xs-space-s=0.5rem] - Small spacing (button padding, gaps).
 * @cssprop [--xs-space-m=1rem] - Medium spacing.
 * @cssprop [--xs-space-l=1.5rem] - Large spacing (between steps).
 * @cssprop [--xs-radius-s=4px] - Radius of inputs and small boxes.
 * @cssprop [--xs-radius=8px] - Radius of buttons and cards.
 */
export class XsElement extends LitElement {
  static override styles: CSSResult[] = [baseStyles];

  /** Registers `tag` for this class unless the tag is already defined (a second copy is harmless). */
  static define(tag: string, ctor: CustomElementConstructor = this): void {
    if (!customElements.get(tag)) customElements.define(tag, ctor);
  }

  /** The MatrixClient to use. Set it directly, or provide one with `<xs-client-provider>` / `provideMatrixClient()`. */
  @property({ attribute: false }) client?: MatrixClient;

  /** The client provided by an ancestor through the context protocol. */
  @consume({ context: matrixClientContext, subscribe: true })
  @state()
  protected contextClient?: MatrixClient;

  protected readonly localize = new LocalizeController(this);
  protected readonly internals: ElementInternals = this.attachInternals();

  /**
   * An update waits for the kit's terms of the element's language when they are still loading (the first render in
   * German is German, not English for a moment) — at most a second, then it renders (in English) and re-renders when
   * they arrive; with nothing to load it runs as Lit schedules it.
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const loading = this.localize.ready();
    if (!loading) return super.scheduleUpdate();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const bound = new Promise<void>((r) => (timer = setTimeout(r, 1000)));
    return Promise.race([loading, bound]).then(() => {
      clearTimeout(timer);
      return super.scheduleUpdate();
    });
  }

  private readonly loads = new Set<Promise<unknown>>();

  /**
   * A part the first render does not need (a later step, a rare dialog, a flow's logic), loaded by `load` — a
   * dynamic `import()` — in the first idle moment after connecting or when first read (see `LazyPart`); `current`
   * gives it when it is already here (loaded by another instance), so nothing is scheduled and no update follows.
   */
  protected lazy<T>(load: () => Promise<T>, prefetch: Prefetch = 'idle', current?: () => T | undefined): LazyPart<T> {
    return new LazyPart(this, load, prefetch, current);
  }

  /** @internal Lazy parts register their loads here, so `updateComplete` waits for them. */
  trackLoad(load: Promise<unknown>): void {
    this.loads.add(load);
    void load.finally(() => this.loads.delete(load));
  }

  /** Also waits for lazy parts being loaded, and the update each causes. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    while (this.loads.size) {
      await Promise.all([...this.loads]);
      done = await super.getUpdateComplete();
    }
    return done;
  }

  private activeClient?: MatrixClient;
  private detach?: () => void;
  private lastStageKey?: string;

  /**
   * Multi-step elements return a key of the current stage. When it changes after the first render, the
   * element's `[data-stage-heading]` (an h2/h3 with tabindex="-1") takes focus, so screen readers and
   * keyboard users land on the new step.
   */
  protected stageKey(): string | undefined {
    return undefined;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const key = this.stageKey();
    if (key === undefined || key === this.lastStageKey) return;
    const first = this.lastStageKey === undefined;
    this.lastStageKey = key;
    if (!first) this.focusStageHeading();
  }

  /** The stage changed: its heading takes focus (at once; an element may defer it, see XsVerificationElement). */
  protected focusStageHeading(): void {
    this.shadowRoot?.querySelector<HTMLElement>('[data-stage-heading]')?.focus();
  }

  /** The effective client: `.client` if set, else the provided one. */
  get matrixClient(): MatrixClient | undefined {
    return this.client ?? this.contextClient;
  }

  /**
   * Called when the effective client changes, and on connect/disconnect. Attach SDK listeners here and
   * return a function that removes them; it runs before the next call.
   */
  protected clientChanged(_client: MatrixClient | undefined): void | (() => void) {}

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) this.switchClient(this.matrixClient, true);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.detach?.();
    this.detach = undefined;
    this.activeClient = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (!this.hasUpdated || changed.has('client') || changed.has('contextClient' as keyof XsElement)) {
      this.switchClient(this.matrixClient);
    }
  }

  private switchClient(next: MatrixClient | undefined, force = false) {
    if (!force && next === this.activeClient && this.hasUpdated) return;
    this.detach?.();
    this.detach = undefined;
    this.activeClient = next;
    if (!this.isConnected) return;
    // The kit's password prompts must see 429s and network failures themselves (src/sdk/uia-guard.ts).
    guardUiaRequests(next);
    this.detach = this.clientChanged(next) ?? undefined;
  }

  /** Dispatches an xs-* event from this element; returns false if a cancelable event was cancelled. */
  protected emit(event: XsEvent): boolean {
    return this.dispatchEvent(event);
  }

  /** Turns a custom state (`:state(name)`) on or off. */
  protected setCustomState(name: string, on: boolean): void {
    try {
      if (on) this.internals.states.add(name);
      else this.internals.states.delete(name);
    } catch {
      /* browsers without CustomStateSet: styling hook only */
    }
  }

  /** Turns exactly one of a group of custom states on. */
  protected setExclusiveState(all: readonly string[], current: string | undefined): void {
    for (const s of all) this.setCustomState(s, s === current);
  }
}
