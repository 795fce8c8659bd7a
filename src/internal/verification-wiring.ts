// The wiring of a verification element (src/internal/verification-element.ts) to its VerificationFlow that runs only
// once there is a flow — loaded with the element's later steps (each element's later module re-exports it), so none
// of it is in the first render (issue 17): building the flow and following it (its stage on the element, the custom
// state, the outcome event once), and the timing of renders and heading focus while the protocol runs.
import { XsVerificationCancelledEvent } from '../events/xs-verification-cancelled.js';
import { METHOD_STAGES } from '../state/verification-stage.js';
import type { VerificationFlow } from '../state/verification.js';
import { afterCurrentTask, nextFrame } from './schedule.js';
import type { AnyVerificationElement } from './verification-element.js';

/** The stages in which the other side's messages are being exchanged. */
const PROTOCOL_STAGES: readonly string[] = ['requesting', 'waiting-accept', 'incoming', 'accepting', ...METHOD_STAGES];
const WAITING = ['waiting-accept', 'confirmed', 'starting', 'scanned', 'checking'];
/** Protocol stages that wait for the person (the next protocol message follows their action). */
const ACTION_STAGES: readonly string[] = ['incoming', 'choose', 'scan', 'compare-emoji', 'reciprocate'];
const ENDED_BADLY = ['cancelled', 'failed', 'unsigned'];

/** The element's custom state (`:state(…)`) in a stage, if any. */
export function stateOf(k: string): string | undefined {
  return WAITING.includes(k) ? 'waiting' : k === 'compare-emoji' ? 'comparing' : k === 'done' ? 'done' : ENDED_BADLY.includes(k) ? 'cancelled' : undefined;
}

/** Builds the element's flow when one waits to be built, then runs `act` on the flow (if there is one). */
export function runFlow(el: AnyVerificationElement, act?: (flow: VerificationFlow) => unknown): void {
  const client = el.awaiting;
  if (!el.flow && client) {
    el.awaiting = undefined;
    const flow = el.loaded!.createFlow(el, client);
    el.flow = flow;
    let emittedFor: unknown;
    flow.addEventListener('change', () => {
      if (flow !== el.flow) return;
      const s = flow.stage;
      el.stage = s;
      if (emittedFor === s) return;
      if (s.kind === 'done') {
        emittedFor = s;
        el.loaded!.succeeded(el, flow, s);
      } else if (s.kind === 'cancelled') {
        emittedFor = s;
        el.dispatchEvent(new XsVerificationCancelledEvent(s.code, el.loaded!.cancelText(el, flow, s), s.byUs));
      }
    });
    el.stage = flow.stage;
    // Another session of ours: the request goes out at once.
    if (flow.role === 'other-session') void flow.start();
  }
  if (el.flow && act) void act(el.flow);
}

/**
 * A step renders in a task of its own, right after the one that changed it — not in the middle of the SDK's work:
 * a stage changes inside the SDK's handling of a message (the emoji appear while it still has our next message to
 * send), and rendering there would hold that message back. Changes within one task render once. Only while the
 * protocol runs: the end steps and what an element shows besides (e.g. the Security Key path, whose steps each
 * replace the last) render as Lit schedules them (`update`). A step the person acts on next (choose a method, compare
 * the emoji, …) is urgent: the verification waits for that person, so it goes ahead of other tasks already queued
 * (e.g. network responses; see `afterCurrentTask`); the waiting steps don't hold anyone up and go in turn.
 */
export function schedule(el: AnyVerificationElement, update: () => void | Promise<unknown>): void | Promise<unknown> {
  const k = el.stage.kind;
  return PROTOCOL_STAGES.includes(k) ? afterCurrentTask(ACTION_STAGES.includes(k)).then(update) : update();
}

/**
 * The new step's heading takes focus in the next frame, not while the step renders: focusing makes the browser
 * compute the new step's styles at once, and the moment a step appears is when the protocol's next message is sent
 * or handled (the SDK's crypto runs on this thread). In the frame those styles are computed anyway. What took focus
 * meanwhile keeps it (a field the element focused after a problem, or the person's own Tab). The element's
 * `updateComplete` includes the focus (tests and hosts awaiting a step find the focus where it goes).
 */
export function focusHeading(el: AnyVerificationElement): void {
  const root = el.shadowRoot;
  if (!root) return;
  let moved = false;
  const onFocus = () => (moved = true);
  root.addEventListener('focusin', onFocus);
  el.trackLoad(
    nextFrame().then(() => {
      root.removeEventListener('focusin', onFocus);
      const active = root.activeElement;
      if (moved || !el.isConnected || (active && ['INPUT', 'TEXTAREA', 'SELECT'].includes(active.tagName))) return;
      root.querySelector<HTMLElement>('[data-stage-heading]')?.focus();
    }),
  );
}
