// What <xs-verify-login> and <xs-verify-user> share as elements: the styles of their steps, the timing attributes,
// and the wiring of one VerificationFlow — built for the current client and role, torn down when either changes or
// the element goes away (which cancels a running verification, so the other side is told), its stage mirrored as
// a custom state, and its outcome emitted once (`xs-verified` / `xs-verification-cancelled`). Each element says
// how to build its flow, what its outcome events carry, and renders its own start and end steps; the method steps
// in between are the shared VerificationSteps.
//
// The flow and every step after the first render live in the element's lazily loaded module (issue 17): until it is
// here the element shows its first step (start, or the incoming request) from what it knows without it. The module
// loads in an idle moment after the first render, or at once when a verification is about to run (a request to
// answer, a session to ask); a click that finds it still loading waits for it, and a second click joins the first.
import { css, html, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { MatrixClient } from 'matrix-js-sdk';
import type { VerificationRequest } from 'matrix-js-sdk/lib/crypto-api/index.js';
import { VerificationPhase } from 'matrix-js-sdk/lib/crypto-api/verification.js';
import { XsVerificationCancelledEvent } from '../events/xs-verification-cancelled.js';
import type { VerificationFlow, VerificationStage } from '../state/verification.js';
import type { LazyPart } from './lazy-part.js';
import type { SharedImport } from './shared-import.js';
import { actionRowStyles, stageTextStyles } from './stage.styles.js';
import { METHOD_STAGES } from '../state/verification-stage.js';
import { afterCurrentTask, nextFrame } from './schedule.js';
import { XsElement } from './xs-element.js';

/** Styles of the first steps of both verification elements (the later steps' come with them: verification-steps.styles.ts). */
export const verificationElementStyles = css`
  @layer xs-component {
    [part='base'] {
      display: grid;
      gap: var(--xs-space-s, 0.5rem);
      /* Device IDs, user IDs and translated words can be long: wrap them rather than widen the step past the host. */
      overflow-wrap: anywhere;
    }
    h2 {
      margin: 0;
      font-size: 1.2em;
    }
  }
`;

/** The stages in which the other side's messages are being exchanged. */
const PROTOCOL_STAGES: readonly string[] = ['requesting', 'waiting-accept', 'incoming', 'accepting', ...METHOD_STAGES];
const WAITING = ['waiting-accept', 'confirmed', 'starting', 'scanned', 'checking'];
const ENDED_BADLY = ['cancelled', 'failed', 'unsigned'];

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

/** What an element's later module gives besides its flow and steps: their styles (`adoptStepStyles` of verification-steps.ts). */
export interface LaterModule {
  adoptStepStyles(root: Node): void;
}

export abstract class XsVerificationElement<M extends LaterModule, Extra extends { kind: string } = never> extends XsElement {
  static override styles = [...XsElement.styles, actionRowStyles, stageTextStyles, verificationElementStyles];

  /** After both sides said done, how long to wait for the signatures to show up on the server (ms; read when a flow starts). */
  @property({ attribute: 'confirm-timeout', type: Number }) confirmTimeout = 20_000;

  /** After this long without an answer, say the other side may be offline or unable to answer (ms). */
  @property({ attribute: 'no-answer-timeout', type: Number }) noAnswerTimeout = 30_000;

  @state() protected stage: ElementStage<Extra> = { kind: 'no-client' };

  protected flow?: VerificationFlow;
  private emittedFor?: VerificationStage;

  /** The element's module with the flow and the steps after the first render, shared by its instances. */
  protected abstract readonly later: SharedImport<M>;
  /** That module for this instance: prefetched in an idle moment after the first render; `updateComplete` waits for it. */
  protected readonly laterPart: LazyPart<M> = this.lazy(() => this.later.load());
  /** The client whose flow waits for the module (set from `build` until the flow is built). */
  private awaiting?: MatrixClient;
  /** Counts builds: a load that returns after a rebuild builds nothing. */
  private builds = 0;
  /** A click's intent waiting for the module (a second click joins it). */
  private intent?: Promise<void>;

  /** The module once here (for this instance or any other), else undefined; reading it starts nothing. */
  protected get loaded(): M | undefined {
    return this.later.current;
  }

  /** The first step for the current role, shown before the flow's module is here (it needs nothing of it). */
  protected abstract firstStep(client: MatrixClient): FirstStep<Extra>;

  /** The flow for the element's current role and `client`, or a stage of its own when there is nothing to run. */
  protected abstract createFlow(client: MatrixClient, later: M): VerificationFlow | Extra;

  /** Called on every build with a client, before the flow exists (e.g. to look up whether the subject is verified). */
  protected firstBuilt(_client: MatrixClient): void {}

  /** The verification succeeded (read back): emit `xs-verified` (and whatever else follows). */
  protected abstract succeeded(flow: VerificationFlow, stage: Extract<VerificationStage, { kind: 'done' }>): void;

  /** Why the verification ended, in this element's words. */
  protected abstract cancelText(stage: Extract<VerificationStage, { kind: 'cancelled' }>): string;

  /** Called after a new flow was built (e.g. to send the request at once). */
  protected flowBuilt(_client: MatrixClient, _flow: VerificationFlow): void {}

  /** Drops what the element keeps besides the flow (called before every rebuild and on disconnect). */
  protected teardownExtras(): void {}

  protected override clientChanged(client: MatrixClient | undefined) {
    this.build(client);
    return () => this.teardown();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // The later steps' styles come with their module, before any of them renders.
    const later = this.loaded;
    if (later) later.adoptStepStyles(this.renderRoot);
    if ((changed as Map<PropertyKey, unknown>).has('stage')) {
      const k = this.stage.kind;
      this.setExclusiveState(['waiting', 'comparing', 'done', 'cancelled'],
        WAITING.includes(k) ? 'waiting' : k === 'compare-emoji' ? 'comparing' : k === 'done' ? 'done' : ENDED_BADLY.includes(k) ? 'cancelled' : undefined);
    }
  }

  /** (Re)creates the flow for the current role and client (at once when the module is here, else once it is). */
  protected build(client: MatrixClient | undefined): void {
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
    if (this.loaded) this.buildFlow(client, this.loaded);
    else if (first.run === 'now') void this.ensureFlow().catch(() => undefined);
  }

  private buildFlow(client: MatrixClient, later: M) {
    this.awaiting = undefined;
    const made = this.createFlow(client, later);
    if (!(made instanceof EventTarget)) {
      this.stage = made;
      return;
    }
    const flow = made;
    this.flow = flow;
    flow.addEventListener('change', () => this.flowChanged(flow));
    this.stage = flow.stage;
    this.flowBuilt(client, flow);
  }

  /** The flow, built once the module is here; undefined when there is none to build (or the element rebuilt meanwhile). */
  private async ensureFlow(): Promise<VerificationFlow | undefined> {
    if (this.flow || !this.awaiting) return this.flow;
    const builds = this.builds;
    const later = await this.laterPart.load();
    if (builds !== this.builds) return undefined;
    if (!this.flow && this.awaiting) this.buildFlow(this.awaiting, later);
    return this.flow;
  }

  /**
   * Runs `act` on the flow: at once when it exists or its module is here, else once the module arrived. While one
   * intent waits, another is dropped (a double click sends one request); `updateComplete` waits for it.
   */
  protected withFlow(act: (flow: VerificationFlow) => unknown): void {
    if (!this.flow && this.awaiting && this.loaded) this.buildFlow(this.awaiting, this.loaded);
    if (this.flow) {
      void act(this.flow);
      return;
    }
    if (this.intent || !this.awaiting) return;
    const builds = this.builds;
    const intent = this.ensureFlow().then(
      (flow) => {
        if (flow && builds === this.builds) void act(flow);
      },
      () => undefined, // the module did not load (`laterPart.error`): the step stays, a click tries again
    );
    this.intent = intent;
    void intent.finally(() => {
      if (this.intent === intent) this.intent = undefined;
    });
    this.trackLoad(intent);
  }

  protected teardown(): void {
    this.builds++;
    this.awaiting = undefined;
    this.intent = undefined;
    this.teardownExtras();
    this.flow?.dispose();
    this.flow = undefined;
  }

  private flowChanged(flow: VerificationFlow) {
    if (flow !== this.flow) return;
    const s = flow.stage;
    this.stage = s;
    if (this.emittedFor === s) return;
    if (s.kind === 'done') {
      this.emittedFor = s;
      this.succeeded(flow, s);
    } else if (s.kind === 'cancelled') {
      this.emittedFor = s;
      this.emit(new XsVerificationCancelledEvent(s.code, this.cancelText(s), s.byUs));
    }
  }

  private headingFocus?: Promise<void>;

  /**
   * A step renders in a task of its own, right after the one that changed it — not in the middle of the SDK's work:
   * a stage changes inside the SDK's handling of a message (the emoji appear while it still has our next message to
   * send), and rendering there would hold that message back. Changes within one task render once. Only while the
   * protocol runs: the first render, the end steps and what an element shows besides (e.g. the Security Key path,
   * whose steps each replace the last) render as Lit schedules them.
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    if (!this.hasUpdated || !PROTOCOL_STAGES.includes(this.stage.kind)) return super.scheduleUpdate();
    return afterCurrentTask().then(() => super.scheduleUpdate());
  }

  /**
   * The new step's heading takes focus in the next frame, not while the step renders: focusing makes the browser
   * compute the new step's styles at once, and the moment a step appears is when the protocol's next message is
   * sent or handled (the SDK's crypto runs on this thread). In the frame those styles are computed anyway. What took
   * focus meanwhile keeps it (a field the element focused after a problem, or the person's own Tab).
   */
  protected override focusStageHeading(): void {
    const root = this.shadowRoot;
    if (!root) return;
    let moved = false;
    const onFocus = () => (moved = true);
    root.addEventListener('focusin', onFocus);
    const pending = nextFrame().then(() => {
      root.removeEventListener('focusin', onFocus);
      if (this.headingFocus === pending) this.headingFocus = undefined;
      const active = root.activeElement;
      if (moved || !this.isConnected || (active && ['INPUT', 'TEXTAREA', 'SELECT'].includes(active.tagName))) return;
      root.querySelector<HTMLElement>('[data-stage-heading]')?.focus();
    });
    this.headingFocus = pending;
  }

  /** `updateComplete` includes the heading's focus (tests and hosts awaiting a step find the focus where it goes). */
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    if (this.headingFocus) await this.headingFocus;
    return done;
  }

  /** Accepts the incoming request (`.request`), as its Accept button does; e.g. after the person accepted it in a list. */
  accept(): void {
    this.withFlow((f) => f.accept());
  }

  /** A stage heading (takes focus when the stage changes). */
  protected headingOf(text: string): TemplateResult {
    return html`<h2 tabindex="-1" data-stage-heading>${text}</h2>`;
  }

  protected button(label: string, onClick: () => void, cls = ''): TemplateResult {
    return html`<button type="button" part="action" class=${cls} @click=${onClick}>${label}</button>`;
  }
}
