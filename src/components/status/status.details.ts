// What `<xs-status>` shows behind its first screen, loaded in an idle moment after it (or when first asked for):
// the details disclosure's facts, what a press asks of the host (the request events) or does (acknowledging or
// withdrawing another person's identity), the notes after a request nobody handled, and the outcome of an action on
// another person's identity (issue 17: the headline, its explanation and its buttons are the first render; "Check
// again" stays with the element, it must work while the network fails).
import { html, nothing, type TemplateResult } from 'lit';
import type { MatrixClient } from 'matrix-js-sdk';
import { XsErrorEvent } from '../../events/xs-error.js';
import type { XsEvent } from '../../events/xs-event.js';
import { XsIdentityAcceptedEvent } from '../../events/xs-identity-accepted.js';
import { XsRequestBackupEvent, type BackupRequestReason } from '../../events/xs-request-backup.js';
import { XsRequestKeyStorageEvent, type KeyStorageRequest } from '../../events/xs-request-key-storage.js';
import { XsRequestResetEvent, type ResetReason } from '../../events/xs-request-reset.js';
import { XsRequestSetupEvent, type SetupReason } from '../../events/xs-request-setup.js';
import { XsRequestVerifyEvent } from '../../events/xs-request-verify.js';
import { explainFailure } from '../../i18n/errors.strings.js';
import type { LocalizeController } from '../../i18n/localize.js';
import { adoptStyles } from '../../internal/lazy-styles.js';
import { describeFailure, type Failure } from '../../sdk/errors.js';
import { acknowledgeIdentity, withdrawVerification, type DeviceIsolation, type OwnStatusSnapshot } from '../../sdk/status.js';
import type { OwnView } from '../../state/status.js';
import { groupKey } from '../../state/status.js';
import { statusDetailsStrings as S } from './status.details.strings.js';
import { statusDetailsStyles } from './status.details.styles.js';

type Key = keyof typeof S.en;

/** A request the host did not handle (the event was not cancelled). */
export type Unhandled = 'setup' | 'verify' | 'backup' | 'reset' | 'verify-user' | 'key-storage';

/** What acknowledging or withdrawing did (another person's view). */
export type UserResult = { ok: true } | { ok: false; failure: Failure };

/** What a press asks for: a request to the host (its kind is the note's when nobody handles it), or a decision. */
export type Ask =
  | { kind: 'setup'; reason: SetupReason }
  | { kind: 'verify'; reason: 'unverified' | 'keys-missing' }
  | { kind: 'backup'; reason: BackupRequestReason }
  | { kind: 'reset'; reason: ResetReason }
  | { kind: 'key-storage'; reason: KeyStorageRequest }
  | { kind: 'verify-user'; reason: 'requested' | 'identity-changed' }
  | { kind: 'acknowledge' }
  | { kind: 'withdraw' };

/** What a press needs from `<xs-status>`. */
export interface AskHost {
  readonly client: MatrixClient;
  /** The person of the user view (decisions and "Verify" on them). */
  readonly userId: string;
  readonly lang: string;
  /** The outcome of a decision, given before the event about it is sent (a listener sees the element already showing it). */
  done(result: UserResult): void;
  /** Nobody handled the request (the event was not cancelled). */
  unhandled(kind: Unhandled): void;
  emit(event: XsEvent): boolean;
}

const REQUESTS = { setup: XsRequestSetupEvent, backup: XsRequestBackupEvent, reset: XsRequestResetEvent, 'key-storage': XsRequestKeyStorageEvent };

/** Runs a press: sends its request event (cancelable: cancelled = the host handles it), or decides. */
export function ask(h: AskHost, a: Ask): void {
  if (a.kind === 'acknowledge' || a.kind === 'withdraw') return void decideUser(h, a.kind);
  const c = h.client;
  const event =
    a.kind === 'verify' ? new XsRequestVerifyEvent({ subject: 'this-session', reason: a.reason, userId: c.getUserId() ?? undefined, deviceId: c.getDeviceId() ?? undefined })
    : a.kind === 'verify-user' ? new XsRequestVerifyEvent({ subject: 'user', reason: a.reason, userId: h.userId })
    : new REQUESTS[a.kind](a.reason as never);
  if (h.emit(event)) h.unhandled(a.kind);
}

/** Acknowledges another person's changed identity (pins it) or withdraws the verification requirement. */
async function decideUser(h: AskHost, a: 'acknowledge' | 'withdraw'): Promise<void> {
  try {
    if (a === 'acknowledge') await acknowledgeIdentity(h.client, h.userId);
    else await withdrawVerification(h.client, h.userId);
    h.done({ ok: true });
    h.emit(new XsIdentityAcceptedEvent(h.userId, a === 'acknowledge' ? 'pinned' : 'withdrawn'));
  } catch (e) {
    const failure = describeFailure(e);
    h.done({ ok: false, failure });
    h.emit(new XsErrorEvent(`status.${a}-failed`, explainFailure(h.lang, failure), failure.httpStatus));
  }
}

/** What the details need from `<xs-status>`. */
export interface DetailsHost {
  readonly deviceIsolation: DeviceIsolation;
  readonly onIsolation: (e: Event) => void;
}

/** Gives `<xs-status>`'s shadow root this module's look (called when it loads). */
export const adopt = (root: Node): void => adoptStyles(root, statusDetailsStyles);

const t = (l: LocalizeController, key: Key): string => l.t(S, key as 'yes');

const yesNo = (l: LocalizeController, v: boolean | null | undefined): string =>
  v === null || v === undefined ? t(l, 'unknown') : t(l, v ? 'yes' : 'no');

const row = (label: string, value: string | TemplateResult, key?: string) =>
  html`<dt>${label}</dt><dd data-detail=${key ?? nothing}>${value}</dd>`;

/**
 * The words of a later state, after this session was verified: its keys arriving (headline and explanation), or not
 * all of them in time (`keys-missing`'s explanation; its headline is the element's).
 */
export function afterVerification(l: LocalizeController, v: OwnView): { headline?: string; explain: string } {
  if (v.state === 'receiving-keys') return { headline: t(l, 'headline.receiving-keys'), explain: t(l, 'explain.receiving-keys') };
  const what = v.missing.filter((m) => m !== 'secret-storage').map((m) => t(l, `missing.${m}`));
  return { explain: l.t(S, 'explain.keys-missing.timed-out', what.join(', ')) };
}

export function unhandledNote(l: LocalizeController, kind: Unhandled): TemplateResult {
  return html`<p class="note" role="status">${t(l, `unhandled.${kind}`)}</p>`;
}

/** The outcome of acknowledging or withdrawing (another person's view). */
export function userOutcome(l: LocalizeController, busy: boolean, result: UserResult | null): TemplateResult {
  return html`${busy ? html`<p class="note" role="status">${t(l, 'user.working')}</p>` : nothing}
    ${result?.ok === false ? html`<p role="alert">${t(l, 'user.failed')} ${explainFailure(l.lang, result.failure)}</p>` : nothing}
    ${result?.ok ? html`<p class="note" role="status">${t(l, 'user.accepted')}</p>` : nothing}`;
}

/** Another person's master key, grouped in fours. */
export function userDetails(l: LocalizeController, masterKey: string): TemplateResult {
  return html`<dl>${row(t(l, 'details.masterKey'), html`<code>${groupKey(masterKey)}</code>`, 'master-key')}</dl>`;
}

/** The facts behind the own account's state. */
export function ownDetails(host: DetailsHost, l: LocalizeController, s: OwnStatusSnapshot): TemplateResult {
  const b = s.backup;
  return html`<h3>${t(l, 'details.crossSigning')}</h3>
    <dl>
      ${row(t(l, 'details.published'), yesNo(l, s.crossSigning.published), 'published')}
      ${row(t(l, 'details.trusted'), yesNo(l, s.crossSigning.trusted), 'trusted')}
      ${row(t(l, 'details.masterKey'), s.crossSigning.masterKey ? html`<code>${groupKey(s.crossSigning.masterKey)}</code>` : t(l, 'none'), 'master-key')}
      ${row(t(l, 'details.cachedMaster'), yesNo(l, s.crossSigning.cached.master), 'cached-master')}
      ${row(t(l, 'details.cachedSelfSigning'), yesNo(l, s.crossSigning.cached.selfSigning), 'cached-self-signing')}
      ${row(t(l, 'details.cachedUserSigning'), yesNo(l, s.crossSigning.cached.userSigning), 'cached-user-signing')}
      ${row(t(l, 'details.inSecretStorage'), yesNo(l, s.crossSigning.inSecretStorage), 'in-secret-storage')}
    </dl>
    <h3>${t(l, 'details.secretStorage')}</h3>
    <dl>
      ${row(t(l, 'details.ssReady'), yesNo(l, s.secretStorage.ready), 'secret-storage-ready')}
      ${row(t(l, 'details.defaultKey'), s.secretStorage.defaultKeyId ? html`<code>${s.secretStorage.defaultKeyId}</code>` : t(l, 'none'), 'default-key')}
      ${s.dehydratedDevice ? row(t(l, 'details.dehydrated'), html`<code>${s.dehydratedDevice}</code>`, 'dehydrated-device') : nothing}
    </dl>
    <h3>${t(l, 'details.backup')}</h3>
    ${b
      ? html`<dl>
          ${row(t(l, 'details.version'), b.version, 'backup-version')}
          ${row(t(l, 'details.algorithm'), html`<code>${b.algorithm}</code>`, 'backup-algorithm')}
          ${row(t(l, 'details.backupTrusted'), yesNo(l, b.trusted), 'backup-trusted')}
          ${row(t(l, 'details.active'), yesNo(l, b.active), 'backup-active')}
          ${row(t(l, 'details.keyCached'), yesNo(l, b.decryptionKeyCached), 'backup-key-cached')}
          ${row(t(l, 'details.backupKeyStored'), yesNo(l, s.secretStorage.backupKeyStored), 'backup-key-stored')}
          ${row(t(l, 'details.waiting'), html`<span aria-live="polite">${s.keysToUpload === null ? t(l, 'unknown') : l.number(s.keysToUpload)}</span>`, 'keys-waiting')}
        </dl>`
      : html`<p data-detail="backup-version">${t(l, s.backupFailure ? 'details.backupUnknown' : 'details.noBackup')}</p>`}
    <h3>${t(l, 'details.session')}</h3>
    <dl>
      ${row(t(l, 'details.deviceId'), html`<code>${s.device.deviceId}</code>`, 'device-id')}
      ${row(t(l, 'details.fingerprint'), html`<code>${groupKey(s.device.ed25519) || t(l, 'unknown')}</code>`, 'fingerprint')}
      ${row(t(l, 'details.sessionVerified'), yesNo(l, s.device.crossSigningVerified), 'session-verified')}
    </dl>
    <label class="toggle">
      <input type="checkbox" .checked=${host.deviceIsolation === 'only-signed'} @change=${host.onIsolation} aria-describedby="isolation-hint" />
      <span>${t(l, 'details.isolation')}</span>
    </label>
    <p id="isolation-hint" class="note">${t(l, 'details.isolationHint')}</p>`;
}
