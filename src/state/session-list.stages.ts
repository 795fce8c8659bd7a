// The stages of the session list (loading, signing out, renaming) and the events its model sends: what
// SessionListModel (session-list.ts) and the sign-out flow (session-sign-out.ts) share, and what elements render.
import type { UrlRefusal } from '../internal/safe-url.js';
import type { Failure } from '../sdk/errors.js';
import type { SessionsSnapshot } from '../sdk/sessions.js';
import type { UiaSession } from './uia.js';

export type LoadStage =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'ready'; snapshot: SessionsSnapshot }
  | { kind: 'failed'; failure: Failure };

export interface SignOutTarget {
  deviceId: string;
  displayName: string | undefined;
}

export type SignOutScope = 'one' | 'selected' | 'all-others' | 'current';

export type SignOutStage =
  | { kind: 'idle' }
  | { kind: 'confirm'; scope: SignOutScope; targets: SignOutTarget[] }
  | { kind: 'auth'; scope: SignOutScope; targets: SignOutTarget[]; uia: UiaSession<void> }
  /**
   * The account is managed by an OAuth account service (MAS): the sessions are signed out on its page (`url`,
   * checked; '' with `refusal` when the advertised one must not be opened). `opened` once the page was opened;
   * `remaining` the targets still signed in when the person came back (checked by reloading the list).
   */
  | { kind: 'external'; scope: SignOutScope; targets: SignOutTarget[]; url: string; refusal?: UrlRefusal; opened: boolean; checking: boolean; remaining?: SignOutTarget[] }
  /** Asking the homeserver whether an account service signs its sessions out (the answer was not known yet). */
  | { kind: 'checking'; scope: SignOutScope; targets: SignOutTarget[] }
  | { kind: 'signing-out'; scope: SignOutScope; targets: SignOutTarget[] }
  | { kind: 'done'; scope: SignOutScope; targets: SignOutTarget[] }
  /** `during: 'lookup'`: the homeserver could not be asked how it signs sessions out; nothing was signed out. */
  | { kind: 'failed'; scope: SignOutScope; targets: SignOutTarget[]; failure: Failure; during?: 'lookup' };

export type RenameState =
  | { kind: 'editing'; deviceId: string; draft: string; error?: RenameError }
  | { kind: 'saving'; deviceId: string; draft: string };

export type RenameError = { kind: 'empty' } | { kind: 'refused'; failure: Failure };

/** Emitted (as 'signed-out') when sessions were signed out; `detail` is the device ids. */
export class SignedOutEvent extends Event {
  constructor(readonly deviceIds: string[], readonly includesCurrent: boolean) {
    super('signed-out');
  }
}
/** Emitted (as 'renamed') after a rename. */
export class RenamedEvent extends Event {
  constructor(readonly deviceId: string, readonly displayName: string) {
    super('renamed');
  }
}
