// What <xs-verify-login> and <xs-verify-user> share as elements: the styles of their first steps, the timing
// attributes, and what of one VerificationFlow's wiring runs before anybody pressed anything — the first step from
// what the element knows, building the flow when it is needed (at once, or on the first click), joining a second
// click, tearing the flow down when the client or the role changes or the element goes away (which cancels a running
// verification, so the other side is told).
//
// The flow and every step after the first live in the element's lazily loaded module (issue 17), with the rest of
// the wiring (verification-wiring.ts: building the flow, mirroring its stage as a custom state, its outcome events,
// the render and focus timing while the protocol runs). The module loads in an idle moment after the first render, or
// at once when a verification is about to run (a request to answer, a session to ask); a click that finds it still
// loading waits for it (`updateComplete` too), and a second click joins the first.
//
// The lazy module works on the element itself: the members it reads are public and marked @internal (not API).
import { css, html, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { MatrixClient } from 'matrix-js-sdk';
import type { VerificationRequest } from 'matrix-js-sdk/lib/crypto-api/index.js';
import { VerificationPhase } from 'matrix-js-sdk/lib/crypto-api/verification.js';
import type { VerificationFlow, VerificationStage } from '../state/verification.js';
import type { SharedImport } from './shared-import.js';
import { actionRowStyles, stageTextStyles } from './stage.styles.js';
import type * as Wiring from './verification-wiring.js';
import { XsElement } from './xs-element.js';

/**
 * Styles of the first steps of both verification elements (the later steps' come with them: verification-steps.styles.ts).
 * Device IDs, user IDs and translated words can be long: a step wraps them rather than widen past the host.
 */
export const verificationElementStyles = css`
  @layer xs-component {
    [part='base'] {
      display: grid;
      gap: var(--xs-space-s, 0.5rem);
      overflow-wrap: anywhere;
    }
    h2 {
      margin: 0;
      font-size: 1.2em;
    }
  }
`;

/**
 * Stages an element shows besides the flow's own; `loading`: a request handed over mid-way (already answered or
 * started), while the module that follows it loads.
 */
export type ElementStage<Extra extends { kind: string }> = VerificationStage | { kind: 'no-client' } | { kind: 'loading' } | Extra;

/** The first step before the flow exists, and when its flow is needed: at once, on the first click, or never. */
export interface FirstStep<Extra extends { kind: string }> {
  stage: ElementStage<Extra>;
  run?: 'now' | 'on-demand';
}

/** An incoming request's first step as the SDK has it (what the flow will say), without the flow's module. */
export function incomingStage(request: VerificationRequest): VerificationStage | { kind: 'loading' } {
  if (request.phase !== VerificationPhase.Requested || request.initiatedByMe || request.accepting) return { kind: 'loading' };
  return { kind: 'incoming', deviceId: request.otherDeviceId };
}

/** Either verification element, as the shared wiring sees it. */
export type AnyVerificationElement = XsVerificationElement<LaterModule, { kind: string }>;

/**
 * An element's later module: the shared wiring (re-exported), the steps' styles (`adoptStepStyles` of
 * verification-steps.ts), and what differs per element — its flow, and what its outcome emits and says. (Each takes
 * its own element: method signatures, so an element's module fits.)
 */
export interface LaterModule {
  runFlow: typeof Wiring.runFlow;
  stateOf: typeof Wiring.stateOf;
  schedule: typeof Wiring.schedule;
  focusHeading: typeof Wiring.focusHeading;
  adoptStepStyles(root: Node): void;
  /** The flow for the element's current role and `client`. */
  createFlow(el: AnyVerificationElement, client: MatrixClient): VerificationFlow;
  /** The verification succeeded (read back): emit `xs-verified` (and whatever else follows). */
  succeeded(el: AnyVerificationElement, flow: VerificationFlow, stage: Extract<VerificationStage, { kind: 'done' }>): void;
  /** Why the verification ended, in this element's words. */
  cancelText(el: AnyVerificationElement, flow: VerificationFlow, stage: Extract<VerificationStage, { kind: 'cancelled' }>): string;
}

export abstract class XsVerificationElement<M extends LaterModule, Extra extends { kind: string } = never> extends XsElement {
  static override styles = [...XsElement.styles, actionRowStyles, stageTextStyles, verificationElementStyles];

  /** After both sides said done, how long to wait for the signatures to show up on the server (ms; read when a flow starts). */
  @property({ attribute: 'confirm-timeout', type: Number }) confirmTimeout = 20_000;

  /** After this long without an answer, say the other side may be offline or unable to answer (ms). */
  @property({ attribute: 'no-answer-timeout', type: Number }) noAnswerTimeout = 30_000;

  /** @internal The step shown (the flow's stage once there is a flow). */
  @state() stage: ElementStage<Extra> = { kind: 'no-client' };

  /** @internal The running flow (built and followed by verification-wiring.ts). */
  flow?: VerificationFlow;
  /** @internal The client whose flow waits to be built (set from `build` until the flow is built). */
  awaiting?: MatrixClient;

  /** The element's module with the flow and the steps after the first render, shared by its instances. */
  protected abstract readonly later: SharedImport<M>;
  /** That module for this instance: prefetched in an idle moment after the first render; `updateComplete` waits for it. */
  protected readonly laterPart = this.lazy(() => this.later.load(), 'idle', () => this.later.current);
  /** Counts builds: a load that returns after a rebuild builds nothing. */
  private builds = 0;
  /** A click's intent waiting for the module (a second click joins it). */
  private intent?: Promise<void>;

  /** @internal The module once here (for this instance or any other), else undefined; reading it starts nothing. */
  get loaded(): M | undefined {
    return this.later.current;
  }

  /** @internal The element's UI language (the later steps word themselves in it). */
  get uiLang(): string {
    return this.localize.lang;
  }

  /** The first step for the current role, shown before the flow's module is here (it needs nothing of it). */
  protected abstract firstStep(client: MatrixClient): FirstStep<Extra>;

  /** Called on every build with a client, before the flow exists (e.g. to look up whether the subject is verified). */
  protected firstBuilt(_client: MatrixClient): void {}

  /** Drops what the element keeps besides the flow (called before every rebuild and on disconnect). */
  protected teardownExtras(): void {}

  protected override clientChanged(client: MatrixClient | undefined) {
    this.build(client);
    return () => this.teardown();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // The later steps' styles come with their module, before any of them renders; so do the stages that set a
    // custom state (before the module, no state is on).
    const later = this.loaded;
    if (!later) return;
    later.adoptStepStyles(this.renderRoot);
    if ((changed as Map<PropertyKey, unknown>).has('stage')) {
      this.setExclusiveState(['waiting', 'comparing', 'done', 'cancelled'], later.stateOf(this.stage.kind));
    }
  }

  /** @internal (Re)creates the flow for the current role and client (at once when the module is here, else once it is). */
  build(client: MatrixClient | undefined): void {
    this.teardown();
    if (!client) {
      this.stage = { kind: 'no-client' };
      return;
    }
    const first = this.firstStep(client);
    this.stage = first.stage;
    this.firstBuilt(client);
    if (!first.run) return;
    this.awaiting = client;
    if (this.loaded || first.run === 'now') this.withFlow();
  }

  /**
   * Runs `act` on the flow (built first when it waits for one): at once when the module is here, else once it
   * arrived. While one intent waits, another is dropped (a double click sends one request); `updateComplete` waits
   * for it. Without `act`: only builds the flow.
   * @internal
   */
  withFlow(act?: (flow: VerificationFlow) => unknown): void {
    const m = this.loaded;
    if (m) return m.runFlow(this, act);
    if (!this.awaiting || (act && this.intent)) return;
    const builds = this.builds;
    const p: Promise<void> = this.laterPart
      .load()
      .then(
        (later) => void (builds === this.builds && later.runFlow(this, act)),
        () => undefined, // the module did not load (`laterPart.error`): the step stays, a click tries again
      )
      .finally(() => {
        if (this.intent === p) this.intent = undefined;
      });
    if (act) this.intent = p;
    this.trackLoad(p);
  }

  protected teardown(): void {
    this.builds++;
    this.awaiting = undefined;
    this.intent = undefined;
    this.teardownExtras();
    this.flow?.dispose();
    this.flow = undefined;
  }

  /** While the protocol runs, a step renders in a task of its own (verification-wiring.ts `schedule`). */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const m = this.loaded;
    return m && this.hasUpdated ? m.schedule(this, () => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  /** Once the flow's module is here, the new step's heading takes focus in the next frame (verification-wiring.ts). */
  protected override focusStageHeading(): void {
    const m = this.loaded;
    if (m) m.focusHeading(this);
    else super.focusStageHeading();
  }

  /** Runs `act` with the later module: at once when it is here, else once it arrived (`updateComplete` waits for it). */
  protected withLater(act: (later: M) => unknown): void {
    const m = this.loaded;
    if (m) void act(m);
    else void this.laterPart.load().then(act, () => undefined); // not loaded (`laterPart.error`): a click tries again
  }

  /** Accepts the incoming request (`.request`), as its Accept button does; e.g. after the person accepted it in a list. */
  accept(): void {
    this.withFlow((f) => f.accept());
  }

  /** A step of the later module: rendered once it is here (reading it starts the load), else an empty step. */
  protected later$(render: (later: M) => unknown): unknown {
    const m = this.loaded ?? this.laterPart.value;
    return m ? render(m) : html`<div part="base"></div>`;
  }

  /** @internal A stage heading (takes focus when the stage changes). */
  headingOf(text: string): TemplateResult {
    return html`<h2 tabindex="-1" data-stage-heading>${text}</h2>`;
  }

  /** @internal */
  button(label: string, onClick: () => void, cls = ''): TemplateResult {
    return html`<button type="button" part="action" class=${cls} @click=${onClick}>${label}</button>`;
  }
}
