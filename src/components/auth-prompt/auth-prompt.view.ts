// The prompt's stages (password form, the homeserver's page, countdown, failure), their styles, and how the element
// follows its session (watching it, the countdown's clock, the live region, the focus after a wrong password): loaded
// when the element is given a session — or in the first idle moment after it connects — not with the element: a
// prompt appears only when a server asks for authentication (issue 17).
import { css, html, nothing, type ReactiveController, type ReactiveElement, type TemplateResult } from 'lit';
import { explainFailure } from '../../i18n/errors.strings.js';
import type { LocalizeController } from '../../i18n/localize.js';
import { adoptStyles } from '../../internal/lazy-styles.js';
import { checkServerUrl, type UrlRefusal } from '../../internal/safe-url.js';
import { actionRowStyles } from '../../internal/stage.styles.js';
import type { UiaSession, UiaStage } from '../../state/uia.js';
import { authStrings } from './auth-prompt.strings.js';

/** The stages' styles, adopted when this module follows an element. */
export const authPromptStyles = css`
  @layer xs-component {
    label { display: block; font-weight: 600; }
    h3 { margin: 0 0 var(--xs-space-s, 0.5rem); font-size: 1.05em; }
    h3:focus { outline: none; }
  }
`;

/** What the stages need from `<xs-auth-prompt>`, and what following them sets there. */
export interface AuthPromptHost extends ReactiveElement {
  readonly session?: UiaSession<unknown> | undefined;
  stage: UiaStage;
  nowMs: number;
  announcement: Announcement;
}

/** What the polite live region says: at the start of a countdown and when it is over (not every second). */
export type Announcement = { kind: 'wait'; seconds: number } | { kind: 'ready' } | null;

/** How one element follows its session: a controller of the element from the first `follow()` on. */
class Follower implements ReactiveController {
  private watched?: UiaSession<unknown>;
  /** The stage the countdown and the live region last followed, and the one last rendered. */
  private followed?: UiaStage;
  private shown?: UiaStage;
  private tick?: ReturnType<typeof setInterval>;
  private readonly onChange = () => {
    this.host.stage = this.watched!.stage;
    this.host.nowMs = Date.now();
  };

  constructor(private readonly host: AuthPromptHost) {}

  private watch(s: UiaSession<unknown> | undefined) {
    if (this.watched === s) return;
    this.watched?.removeEventListener('change', this.onChange);
    this.watched = s;
    if (s) {
      s.addEventListener('change', this.onChange);
      this.onChange();
    }
  }

  hostConnected(): void {
    this.watch(this.host.session);
  }

  hostDisconnected(): void {
    this.watch(undefined);
    clearInterval(this.tick);
    this.tick = undefined;
  }

  /** Before each render: the session given now, and the countdown's clock and the live region for a new stage. */
  hostUpdate(): void {
    const h = this.host;
    this.watch(h.session);
    const s = h.stage;
    if (s === this.followed) return;
    const old = this.followed;
    this.followed = s;
    clearInterval(this.tick);
    this.tick = undefined;
    if (s.kind === 'rate-limited' && !s.ready) {
      this.tick = setInterval(() => {
        h.nowMs = Date.now();
        h.requestUpdate();
      }, 500);
    }
    // The countdown itself is a timer (not live); the live region speaks at its start and at its end only.
    if (s.kind !== 'rate-limited') h.announcement = null;
    else if (s.ready) h.announcement = { kind: 'ready' };
    else if (old?.kind !== 'rate-limited' || old.until !== s.until) h.announcement = { kind: 'wait', seconds: Math.ceil(s.waitMs / 1000) };
  }

  /** After a wrong password the form is rendered anew: put the keyboard back in the field. */
  hostUpdated(): void {
    const s = this.host.stage;
    if (s === this.shown) return;
    this.shown = s;
    if (s.kind === 'password' && s.wrongPassword) this.host.renderRoot.querySelector('input')?.focus();
  }
}

const followers = new WeakMap<AuthPromptHost, Follower>();

/** From now on this module follows `host`'s session (called before each of its renders; the first call sets it up). */
export function follow(host: AuthPromptHost): void {
  if (followers.has(host)) return;
  const f = new Follower(host);
  followers.set(host, f);
  adoptStyles(host.renderRoot, actionRowStyles, authPromptStyles);
  host.addController(f); // a connected host calls hostConnected() at once
  f.hostUpdate();
}

/** The password form's submit: the password goes to the session once and leaves the field. */
function submitPassword(host: AuthPromptHost, e: SubmitEvent) {
  e.preventDefault();
  const input = (e.currentTarget as HTMLFormElement).querySelector('input');
  if (!input || !input.value) return;
  const value = input.value;
  input.value = '';
  host.session?.submitPassword(value);
}

export function announcementText(l: LocalizeController, a: Announcement): string {
  if (!a) return '';
  return a.kind === 'ready' ? l.t(authStrings, 'rateLimitedReady') : l.t(authStrings, 'rateLimited', a.seconds);
}

function openExternal(host: AuthPromptHost, url: string) {
  // Checked again right here: nothing reaches window.open without passing the one URL check.
  const check = checkServerUrl(url);
  if (!check.ok) return;
  // noopener: the homeserver's page must not script us.
  window.open(check.url, '_blank', 'noopener');
  host.session?.markOpened();
}

function refusalText(l: LocalizeController, refusal: UrlRefusal | undefined) {
  if (!refusal || refusal === 'missing') return l.t(authStrings, 'noUrl');
  const why = { scheme: 'urlScheme', insecure: 'urlInsecure', relative: 'urlRelative', malformed: 'urlMalformed', credentials: 'urlCredentials' } as const;
  return `${l.t(authStrings, 'urlRefused')} ${l.t(authStrings, why[refusal])} ${l.t(authStrings, 'urlWhatNow')}`;
}

const heading = (l: LocalizeController) => html`<h3 tabindex="-1" data-stage-heading>${l.t(authStrings, 'heading')}</h3>`;

const cancelButton = (host: AuthPromptHost, l: LocalizeController) =>
  html`<button type="button" part="action" @click=${() => host.session?.cancel()}>${l.t(authStrings, 'cancel')}</button>`;

export function renderStage(host: AuthPromptHost, t: LocalizeController, s: UiaStage): TemplateResult | typeof nothing {
  switch (s.kind) {
    case 'idle':
      return nothing;
    case 'working':
      return html`<div part="base"><p role="status" part="status">${t.t(authStrings, 'working')}</p></div>`;
    case 'password':
      return html`<form part="base" @submit=${(e: SubmitEvent) => submitPassword(host, e)}>
        ${heading(t)}
        <p id="intro">${t.t(authStrings, 'passwordIntro')}</p>
        <label for="pw">${t.t(authStrings, 'passwordLabel')}</label>
        <input id="pw" type="password" name="password" autocomplete="current-password" spellcheck="false" required
          aria-describedby="intro${s.wrongPassword ? ' err' : ''}" aria-invalid=${s.wrongPassword ? 'true' : 'false'} />
        ${s.wrongPassword ? html`<p id="err" role="alert">${t.t(authStrings, 'wrongPassword')}</p>` : nothing}
        <div class="row">
          <button type="submit" class="primary" part="action">${t.t(authStrings, 'submit')}</button>
          ${cancelButton(host, t)}
        </div>
      </form>`;
    case 'fallback':
    case 'oauth':
      return html`<div part="base">
        ${heading(t)}
        <p>${t.t(authStrings, s.kind === 'oauth' ? 'oauthIntro' : 'fallbackIntro')}</p>
        ${s.url ? nothing : html`<p role="alert" id="url-refused">${refusalText(t, s.refusal)}</p>`}
        ${s.notYet ? html`<p role="alert">${t.t(authStrings, 'notYet')}</p>` : nothing}
        <div class="row">
          ${s.url ? html`<button type="button" class=${s.opened ? '' : 'primary'} part="action" @click=${() => openExternal(host, s.url)}>${t.t(authStrings, 'open')}</button>` : nothing}
          ${s.opened ? html`<button type="button" class="primary" part="action" @click=${() => host.session?.confirmExternal()}>${t.t(authStrings, 'confirmed')}</button>` : nothing}
          ${cancelButton(host, t)}
        </div>
      </div>`;
    case 'rate-limited': {
      const secs = Math.max(1, Math.ceil((s.until - host.nowMs) / 1000));
      return html`<div part="base">
        ${heading(t)}
        <p role="timer" aria-live="off" part="status" id="countdown">
          ${s.ready ? t.t(authStrings, 'rateLimitedReady') : t.t(authStrings, 'rateLimited', secs)}
        </p>
        ${s.capped && !s.ready ? html`<p id="capped">${t.t(authStrings, 'rateLimitedCapped', Math.ceil(s.waitMs / 1000))}</p>` : nothing}
        <div class="row">
          ${s.ready ? html`<button type="button" class="primary" part="action" @click=${() => host.session?.retry()}>${t.t(authStrings, 'retry')}</button>` : nothing}
          ${cancelButton(host, t)}
        </div>
      </div>`;
    }
    case 'failed': {
      // Say "authentication did not succeed" only when the server refused it; a network failure,
      // a server error or a rate limit is worded as what it is.
      const refused = ['forbidden', 'bad-request', 'not-found', 'unknown'].includes(s.failure.kind);
      return html`<div part="base">
        ${heading(t)}
        <p role="alert">${refused ? `${t.t(authStrings, 'failed')} ` : ''}${explainFailure(t.lang, s.failure)}</p>
        <div class="row">
          <button type="button" class="primary" part="action" @click=${() => host.session?.retry()}>${t.t(authStrings, 'retry')}</button>
          ${cancelButton(host, t)}
        </div>
      </div>`;
    }
    case 'done':
      return html`<p role="status" part="status">${t.t(authStrings, 'done')}</p>`;
    case 'cancelled':
      return html`<p role="status" part="status">${t.t(authStrings, 'cancelled')}</p>`;
  }
}
