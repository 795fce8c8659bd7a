// Signing sessions out, the part of the session list that runs after a person confirmed (loaded then, or prefetched
// when the confirmation is asked for): this session's logout, the hand-off to an OAuth account service's page and the
// check on return, and user-interactive authentication for deleting other sessions. It drives the list's sign-out
// stage through a narrow port (`SignOutPort`, made by SessionListModel); the stages are declared in session-list.ts.
import { accountManagementLink } from '../sdk/account-management.js';
import type { AccountManagement } from '../sdk/account-management.js';
import { describeFailure, type Failure } from '../sdk/errors.js';
import type { SessionsSource } from '../sdk/sessions.js';
import type { LoadStage, SignOutStage } from './session-list.stages.js';
import { UiaCancelledError, UiaSession } from './uia.js';

/** What the sign-out flow reads and changes on the list (SessionListModel makes it). */
export interface SignOutPort {
  readonly source: SessionsSource;
  stage(): SignOutStage;
  set(stage: SignOutStage): void;
  load(): LoadStage;
  refreshFailure(): Failure | undefined;
  reload(): Promise<void>;
  /** Asks the homeserver for its account page (or joins the lookup running); resolves when it answered or failed. */
  lookUpAccountManagement(): Promise<void>;
  /** Whether the homeserver answered, its answer, and the last failure to ask. */
  accountManagement(): { known: boolean; value: AccountManagement | undefined; failure: Failure | undefined };
  /** Drops sessions from the selection. */
  deselect(ids: string[]): void;
  /** Drops sessions from the list shown (until the next load). */
  removeRows(ids: string[]): void;
  /** Reports sessions signed out (the list's 'signed-out' event). */
  report(ids: string[], includesCurrent: boolean): void;
}

/** The person confirmed: sign out (with user-interactive auth for other sessions). */
export async function confirmSignOut(p: SignOutPort): Promise<void> {
  const st = p.stage();
  const source = p.source;
  if (st.kind !== 'confirm' && st.kind !== 'failed') return;
  const { scope, targets } = st;
  const ids = targets.map((t) => t.deviceId);
  if (scope === 'current') {
    p.set({ kind: 'signing-out', scope, targets });
    try {
      await source.signOutCurrent();
    } catch (e) {
      p.set({ kind: 'failed', scope, targets, failure: describeFailure(e) });
      return;
    }
    p.set({ kind: 'done', scope, targets });
    p.report(ids, true);
    return;
  }
  if (!p.accountManagement().known) {
    // Not known yet (the lookup is slow, or failed at load): ask (or join the lookup) before choosing the way.
    p.set({ kind: 'checking', scope, targets });
    await p.lookUpAccountManagement();
    const now = p.stage();
    if (now.kind !== 'checking' || now.targets !== targets) return; // cancelled meanwhile
    const am = p.accountManagement();
    if (!am.known) {
      p.set({ kind: 'failed', scope, targets, failure: am.failure ?? { kind: 'unknown' }, during: 'lookup' });
      return;
    }
  }
  const am = p.accountManagement().value;
  if (am) {
    // No password prompt that could never succeed: the account page signs them out; the list checks on return.
    const link = accountManagementLink(am, ids);
    p.set({ kind: 'external', scope, targets, ...link, opened: false, checking: false });
    return;
  }
  const uia = new UiaSession<void>({
    userId: source.userId,
    fallbackUrl: (stage, session) => source.fallbackUrl(stage, session),
    request: (auth) => source.deleteSessions(ids, auth),
  });
  // A failure inside UIA (server error, network) refreshes the list, as every failed action does.
  uia.addEventListener('change', () => {
    if (uia.stage.kind === 'failed') void p.reload();
  });
  const current = () => {
    const s = p.stage();
    return s.kind === 'auth' && s.uia === uia;
  };
  p.set({ kind: 'auth', scope, targets, uia });
  try {
    await uia.run();
  } catch (e) {
    if (!current()) return;
    if (e instanceof UiaCancelledError) p.set({ kind: 'idle' });
    else p.set({ kind: 'failed', scope, targets, failure: describeFailure(e) });
    void p.reload();
    return;
  }
  if (!current()) return;
  p.deselect(ids);
  p.removeRows(ids);
  p.set({ kind: 'done', scope, targets });
  p.report(ids, false);
  void p.reload();
}

/**
 * The person is back from the account page (the page became visible or got focus again): reload, and confirm
 * the outcome by what the server lists. Every target gone: done; some still there: say which, stay.
 */
export async function checkExternal(p: SignOutPort): Promise<void> {
  const st = p.stage();
  if (st.kind !== 'external' || !st.opened || st.checking) return;
  p.set({ ...st, checking: true });
  await p.reload();
  const now = p.stage();
  if (now.kind !== 'external' || now.targets !== st.targets) return;
  const load = p.load();
  if (load.kind !== 'ready' || p.refreshFailure()) {
    p.set({ ...now, checking: false });
    return;
  }
  const listed = new Set(load.snapshot.sessions.map((s) => s.deviceId));
  const remaining = st.targets.filter((t) => listed.has(t.deviceId));
  // Reported once each: the ones gone since the last check.
  const gone = (st.remaining ?? st.targets).filter((t) => !listed.has(t.deviceId)).map((t) => t.deviceId);
  p.deselect(gone);
  if (remaining.length === 0) p.set({ kind: 'done', scope: st.scope, targets: st.targets });
  else p.set({ ...now, checking: false, remaining });
  if (gone.length) p.report(gone, false);
}
