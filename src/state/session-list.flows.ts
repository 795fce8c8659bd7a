// What the session list's model runs after a press, loaded then (SessionListModel loads it on demand; <xs-session-list>
// loads it with its later parts, so that its `updateComplete` waits for it): saving a new name, and signing out
// (session-sign-out.ts). Both change the model through a narrow port (`ModelPort`, made by SessionListModel).
import { describeFailure } from '../sdk/errors.js';
import { RenamedEvent } from './session-list.stages.js';
import { patchLoad, type ModelPort } from './session-sign-out.js';

export { checkExternal, confirmSignOut } from './session-sign-out.js';

/** Saves the draft. Empty names are refused here; the server's refusal keeps the edit open with its reason. */
export async function saveRename(p: ModelPort, draft: string): Promise<boolean> {
  const m = p.model;
  const r = m.rename;
  if (r?.kind !== 'editing') return false;
  const { deviceId } = r;
  const name = draft.trim();
  if (!name) {
    m.rename = { kind: 'editing', deviceId, draft, error: { kind: 'empty' } };
    p.changed();
    return false;
  }
  m.rename = { kind: 'saving', deviceId, draft };
  p.changed();
  try {
    await p.source.rename(deviceId, name);
  } catch (e) {
    if (m.rename?.deviceId !== deviceId) return false;
    m.rename = { kind: 'editing', deviceId, draft, error: { kind: 'refused', failure: describeFailure(e) } };
    p.changed();
    void m.reload();
    return false;
  }
  m.rename = undefined;
  patchLoad(p, (sessions) => sessions.map((s) => (s.deviceId === deviceId ? { ...s, displayName: name } : s)));
  m.dispatchEvent(new RenamedEvent(deviceId, name));
  void m.reload();
  return true;
}
