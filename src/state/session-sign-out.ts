// Signing sessions out, the part of the session list that runs after a person confirmed (loaded with
// session-list.flows.ts): this session's logout, the hand-off to an OAuth account service's page and the check on
// return, and user-interactive authentication for deleting other sessions. It drives the list's sign-out stage
// through a narrow port (`ModelPort`, made by SessionListModel); the stages are declared in session-list.stages.ts.
import { accountManagementLink } from '../sdk/account-management.js';
import type { AccountManagement } from '../sdk/account-management.js';
import { describeFailure, type Failure } from '../sdk/errors.js';
import type { SessionRow, SessionsSource } from '../sdk/sessions.js';
import type { SessionListModel } from './session-list.js';
import { SignedOutEvent, type SignOutStage } from './session-list.stages.js';
import { UiaCancelledError, UiaSession } from './uia.js';

/** What the flows read and change on the list besides its public state (SessionListModel makes it). */
export interface ModelPort {
  readonly model: SessionListModel;
  readonly source: SessionsSource;
  /** The model changed: its 'change' event. */
  changed(): void;
  /** Asks the homeserver for its account page (or joins the lookup running); resolves when it answered or failed. */
  lookUpAccountManagement(): Promise<void>;
  /** Whether the homeserver answered, its answer, and the last failure to ask. */
  accountManagement(): { known: boolean; value: AccountManagement | undefined; failure: Failure | undefined };
}

function set(p: ModelPort, stage: SignOutStage) {
  p.model.signOut = stage;
  p.changed();
}

/** Changes the sessions shown (until the next load). */
export function patchLoad(p: ModelPort, change: (sessions: SessionRow[]) => SessionRow[]): void {
  const load = p.model.load;
  if (load.kind !== 'ready') return;
  p.model.load = { kind: 'ready', snapshot: { ...load.snapshot, sessions: change(load.snapshot.sessions) } };
  p.changed();
}

function deselect(p: ModelPort, ids: string[]) {
  for (const id of ids) p.model.selection.delete(id);
}

/** The person confirmed: sign out (with user-interactive auth for other sessions). */
export async function confirmSignOut(p: ModelPort): Promise<void> {
  const m = p.model;
  const st = m.signOut;
  const source = p.source;
  if (st.kind !== 'confirm' && st.kind !== 'failed') return;
  const { scope, targets } = st;
  const ids = targets.map((t) => t.deviceId);
  if (scope === 'current') {
    set(p, { kind: 'signing-out', scope, targets });
    try {
      await source.signOutCurrent();
    } catch (e) {
      set(p, { kind: 'failed', scope, targets, failure: describeFailure(e) });
      return;
    }
    set(p, { kind: 'done', scope, targets });
    m.dispatchEvent(new SignedOutEvent(ids, true));
    return;
  }
  if (!p.accountManagement().known) {
    // Not known yet (the lookup is slow, or failed at load): ask (or join the lookup) before choosing the way.
    set(p, { kind: 'checking', scope, targets });
    await p.lookUpAccountManagement();
    const now = m.signOut;
    if (now.kind !== 'checking' || now.targets !== targets) return; // cancelled meanwhile
    const am = p.accountManagement();
    if (!am.known) {
      set(p, { kind: 'failed', scope, targets, failure: am.failure ?? { kind: 'unknown' }, during: 'lookup' });
      return;
    }
  }
  const am = p.accountManagement().value;
  if (am) {
    // No password prompt that could never succeed: the account page signs them out; the list checks on return.
    const link = accountManagementLink(am, ids);
    set(p, { kind: 'external', scope, targets, ...link, opened: false, checking: false });
    return;
  }
  const uia = new UiaSession<void>({
    userId: source.userId,
    fallbackUrl: (stage, session) => source.fallbackUrl(stage, session),
    request: (auth) => source.deleteSessions(ids, auth),
  });
  // A failure inside UIA (server error, network) refreshes the list, as every failed action does.
  uia.addEventListener('change', () => {
    if (uia.stage.kind === 'failed') void m.reload();
  });
  const current = () => {
    const s = m.signOut;
    return s.kind === 'auth' && s.uia === uia;
  };
  set(p, { kind: 'auth', scope, targets, uia });
  try {
    await uia.run();
  } catch (e) {
    if (!current()) return;
    if (e instanceof UiaCancelledError) set(p, { kind: 'idle' });
    else set(p, { kind: 'failed', scope, targets, failure: describeFailure(e) });
    void m.reload();
    return;
  }
  if (!current()) return;
  deselect(p, ids);
  const gone = new Set(ids);
  patchLoad(p, (sessions) => sessions.filter((s) => !gone.has(s.deviceId)));
  set(p, { kind: 'done', scope, targets });
  m.dispatchEvent(new SignedOutEvent(ids, false));
  void m.reload();
}

/**
 * The person is back from the account page (the page became visible or got focus again): reload, and confirm
 * the outcome by what the server lists. Every target gone: done; some still there: say which, stay.
 */
export async function checkExternal(p: ModelPort): Promise<void> {
  const m = p.model;
  const st = m.signOut;
  if (st.kind !== 'external' || !st.opened || st.checking) return;
  set(p, { ...st, checking: true });
  await m.reload();
  const now = m.signOut;
  if (now.kind !== 'external' || now.targets !== st.targets) return;
  const load = m.load;
  if (load.kind !== 'ready' || m.refreshFailure) {
    set(p, { ...now, checking: false });
    return;
  }
  const listed = new Set(load.snapshot.sessions.map((s) => s.deviceId));
  const remaining = st.targets.filter((t) => listed.has(t.deviceId));
  // Reported once each: the ones gone since the last check.
  const gone = (st.remaining ?? st.targets).filter((t) => !listed.has(t.deviceId)).map((t) => t.deviceId);
  deselect(p, gone);
  if (remaining.length === 0) set(p, { kind: 'done', scope: st.scope, targets: st.targets });
  else set(p, { ...now, checking: false, remaining });
  if (gone.length) m.dispatchEvent(new SignedOutEvent(gone, false));
}
