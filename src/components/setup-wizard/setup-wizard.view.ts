import type { TemplateResult } from 'lit';
import type { XsEvent } from '../../events/xs-event.js';
import type { LocalizeController } from '../../i18n/localize.js';
import type { RetryCountdown } from './setup-wizard.countdown.js';
import type { setupStepStrings } from './setup-wizard.steps.strings.js';
import type { setupStrings } from './setup-wizard.strings.js';

/** A key of the first screen's strings (setup-wizard.strings.ts). */
export type SetupKey = Extract<keyof typeof setupStrings.en, string>;

/** What the later steps keep on the element between renders: made and changed by them, only held by the element. */
export interface LaterState {
  /** The notes a press leaves (verify: cleared on every change of step). */
  verifyHint?: boolean;
  exportHint?: boolean;
  sessionsHint?: boolean;
  /** The phrase step's two fields are strong enough and match. */
  phraseValid?: boolean;
  /** The rate-limit countdown of the commit's steps. */
  countdown?: RetryCountdown;
}

/**
 * What the later steps use of `<xs-setup-wizard>` (the element itself, its `@internal` members): setup-wizard.steps.ts
 * builds their view from it.
 */
export interface WizardHost {
  /** A first-screen string; the later steps add theirs (setup-wizard.steps.ts). */
  t(key: SetupKey): string;
  restart(): void;
  /** What the later steps keep here. */
  readonly laterState: LaterState;
  requestUpdate(): void;
  readonly shadowRoot: ShadowRoot | null;
  readonly matrixClient?: { getUserId(): string | null } | undefined;
  readonly updateComplete: Promise<boolean>;
  dispatchEvent(event: Event): boolean;
}

/** What the step renderers in the other setup-wizard files use of the element. */
export interface StepView {
  localize: LocalizeController;
  /** A first-screen string; the later steps add theirs (setup-wizard.steps.ts). */
  t(key: SetupKey): string;
  /** The step's heading (focused on each new step). `hidden`: for screen readers only, when an embedded element shows its own. */
  headingText(text: string, hidden?: boolean): TemplateResult;
  button(label: string, onClick: () => void, cls?: string, disabled?: boolean): TemplateResult;
  /** The element's `emit` (typed xs-* events); false when a listener cancelled it. */
  emit(event: XsEvent): boolean;
  restart(): void;
  /** What the later steps keep here, and a new render after they changed it. */
  state: LaterState;
  redraw(): void;
  /** The element's shadow root, the signed-in user, and a wait for the next render (the key steps' intents). */
  root: ShadowRoot;
  userId: string;
  updated(): Promise<unknown>;
}

/** A key of either strings file (the later steps use both). */
export type AnyKey = SetupKey | Extract<keyof typeof setupStepStrings.en, string>;

/** The view the later steps render with (setup-wizard.steps.ts makes it): strings of both files, and their intents. */
export interface LaterView extends Omit<StepView, 't'> {
  t(key: AnyKey, ...args: string[]): string;
  heading(key: AnyKey, hidden?: boolean): TemplateResult;
  num(n: number): string;
  submitForm(e: SubmitEvent, fn: (form: HTMLFormElement) => void): void;
  /** "Verify this session": asks the host (xs-request-verify); when nobody handles it, says how. */
  requestVerify(): void;
  /** Changes what the later steps keep (`state`) and renders again. */
  keep(patch: LaterState): void;
  /** A rate-limited failure may be retried from then on (ms epoch; 0 = now). */
  retryAt: number;
}
