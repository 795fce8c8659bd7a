import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { XsElement } from '../../internal/xs-element.js';
import type { Strength } from './new-passphrase.strength.js';
import { newPassphraseStrings as S } from './new-passphrase.strings.js';
import { newPassphraseStyles } from './new-passphrase.styles.js';

type Words = typeof import('./new-passphrase.strength.js');

/**
 * @summary A new passphrase, typed twice, with a strength meter. Used wherever the kit asks someone to choose a
 * passphrase (key export, secret storage set-up).
 * @tag xs-new-passphrase
 *
 * The value lives only in the two native inputs: it is never reflected to an attribute, never put in an
 * event, never stored. The host reads it once with `takeValue()`, which also clears the inputs.
 * The strength estimator (zxcvbn-ts core with the most used passwords and keyboard layouts; words of every language
 * are rated alike, docs/passphrase-strength.md) is loaded on the first keystroke; its advice is in the element's language.
 *
 * ```html
 * <xs-new-passphrase min-score="3"></xs-new-passphrase>
 * <script type="module">
 *   const field = document.querySelector('xs-new-passphrase');
 *   field.addEventListener('xs-passphrase-validity', (e) => (button.disabled = !e.valid));
 *   button.onclick = () => useIt(field.takeValue());
 * </script>
 * ```
 *
 * @event xs-passphrase-validity - `valid` changed (strong enough and confirmed). Carries `valid: boolean` only.
 * @csspart passphrase - The first input.
 * @csspart confirm - The confirmation input.
 * @csspart meter - The native `<meter>` showing the strength (0–4).
 * @csspart status - The polite live region with the strength in words and the estimator's advice.
 * @csspart error - The alert shown when the confirmation does not match.
 * @cssprop [--xs-new-passphrase-weak-color=var(--xs-color-danger)] - Reserved for meter theming.
 * @cssprop [--xs-new-passphrase-strong-color=var(--xs-color-success)] - Reserved for meter theming.
 * @cssstate valid - Strong enough and confirmed.
 * @cssstate mismatch - The confirmation was touched and differs.
 */
export class XsNewPassphrase extends XsElement {
  static override styles = [...XsElement.styles, newPassphraseStyles];
  static override shadowRootOptions: ShadowRootInit = { ...XsElement.shadowRootOptions, delegatesFocus: true };

  /** Lowest zxcvbn score (0–4) accepted. */
  @property({ type: Number, attribute: 'min-score' }) minScore = 3;
  /** Overrides the first field's label. */
  @property() label?: string;
  /** Overrides the confirmation field's label. */
  @property({ attribute: 'confirm-label' }) confirmLabel?: string;
  /** Words that make a passphrase guessable here (the user id, the server name…). */
  @property({ attribute: false }) userInputs: string[] = [];
  /** Disables both inputs (e.g. while the passphrase is in use). */
  @property({ type: Boolean, reflect: true }) disabled = false;

  /** @internal The estimate, as new-passphrase.strength.ts sets it. */
  @state() strength: Strength = { kind: 'empty' };
  /** @internal The confirmation was typed to the passphrase's length, or left: a difference shows from then on. */
  @state() confirmTouched = false;
  /** @internal */
  @state() confirmMatches = true;

  /** @internal */
  @query('#passphrase') passInput?: HTMLInputElement;
  /** @internal */
  @query('#confirm') confirmInput?: HTMLInputElement;

  /**
   * What typing changes — the match, the estimate, the validity — and the strength in words (new-passphrase.strength.ts,
   * which loads the estimator): loaded in the first idle moment, or with the first keystroke. Typing goes on while it
   * loads (the text is in the fields); then it reads the fields as they are.
   */
  private readonly words = this.lazy(() => import('./new-passphrase.strength.js'));
  /** @internal Which estimate is the latest; whether the last validity told was `valid`. */
  estimateSeq = 0;
  /** @internal */
  lastValid = false;

  /** Strong enough (score ≥ `minScore`) and the confirmation equals the passphrase. */
  get valid(): boolean {
    // Without new-passphrase.strength.ts there is no estimate yet: not valid.
    return this.words.ready && this.words.value!.isValid(this);
  }

  /** Returns the passphrase exactly as typed (no trimming, no normalisation) and clears both inputs. */
  takeValue(): string {
    const value = this.passInput?.value ?? '';
    this.clear();
    return value;
  }

  /** Empties both inputs and resets the meter. */
  clear(): void {
    if (this.passInput) this.passInput.value = '';
    if (this.confirmInput) this.confirmInput.value = '';
    // Before new-passphrase.strength.ts is here nothing else has changed (it sets the estimate, the match, validity).
    this.#words((w) => {
      w.reset(this);
      this.#check();
    });
  }

  override focus(options?: FocusOptions): void {
    this.passInput?.focus(options);
  }

  /** Runs `fn` with new-passphrase.strength.ts: at once when it is here; else when it is (`updateComplete` waits). */
  #words(fn: (w: Words) => void, load = false) {
    if (this.words.ready) fn(this.words.value!);
    else if (load) void this.words.load().then(fn, () => undefined);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('userInputs') && this.hasUpdated && this.passInput?.value) this.#words((w) => void w.estimate(this), true);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.#check();
  }

  /** The custom states and xs-passphrase-validity; nothing to tell before new-passphrase.strength.ts is here (not valid, no mismatch). */
  #check() {
    this.#words((w) => w.checkValidity(this, (name, on) => this.setCustomState(name, on)));
  }

  /** Typing in either field, and leaving the confirmation (new-passphrase.strength.ts `onField`). */
  #onField = (e: Event) => {
    const confirm = e.target === this.confirmInput;
    this.#words((w) => {
      w.onField(this, e.type === 'blur', confirm);
      this.#check();
    }, true);
  };

  /** Enter submits the surrounding form (new-passphrase.strength.ts `onKeyDown`). */
  #onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter') this.#words((w) => w.onKeyDown(this, e), true);
  };

  protected override render() {
    const st = this.strength;
    const mismatch = this.confirmTouched && !this.confirmMatches;
    // Anything but "empty" happened after a keystroke, which loaded the words (or the estimate had none to make).
    const words = st.kind === 'empty' ? undefined : this.words.value;
    return html`<div class="field">
        <label for="passphrase">${this.label ?? this.localize.t(S, 'label')}</label>
        <input id="passphrase" part="passphrase" type="password" autocomplete="new-password" spellcheck="false" autocapitalize="off"
          aria-describedby="hint strength" ?disabled=${this.disabled} @input=${this.#onField} @keydown=${this.#onKeyDown} />
        <p class="hint" id="hint">${this.localize.t(S, 'hint')}</p>
        <meter part="meter" min="0" max="4" low="2" high="3" optimum="4" .value=${st.kind === 'scored' ? st.estimate.score : 0} aria-label=${this.localize.t(S, 'meterLabel')} aria-valuetext=${words?.scoreText(this.localize, st) ?? ''}></meter>
        <div class="strength" id="strength" part="status" role="status" aria-live="polite">${words?.renderStrength(this.localize, st, this.minScore) ?? nothing}</div>
      </div><div class="field">
        <label for="confirm">${this.confirmLabel ?? this.localize.t(S, 'confirmLabel')}</label>
        <input id="confirm" part="confirm" type="password" autocomplete="new-password" spellcheck="false" autocapitalize="off"
          aria-invalid=${mismatch ? 'true' : 'false'} aria-describedby="mismatch" ?disabled=${this.disabled} @input=${this.#onField} @blur=${this.#onField} @keydown=${this.#onKeyDown} />
        <p id="mismatch" part="error" role="alert">${mismatch ? this.localize.t(S, 'mismatch') : nothing}</p>
      </div>`;
  }
}
