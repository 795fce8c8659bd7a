// Styles the elements adopt only when a lazily loaded part arrives (src/internal/lazy-styles.ts): not in any
// element's static `styles`, so the style checks (logical CSS, theme tokens) read them from here too.
import type { CSSResultOrNative } from 'lit';

/** Every lazily adopted style, by where it comes from. */
export async function lateStyles(): Promise<Record<string, readonly CSSResultOrNative[]>> {
  const [rows, steps, status, roomTrust, sessions, keyTransfer, setupSteps, authPrompt, passphrase] = await Promise.all([
    import('../../src/components/verification-requests/verification-requests.rows.js'),
    import('../../src/internal/verification-steps.js'),
    import('../../src/components/status/status.details.styles.js'),
    import('../../src/components/room-trust/room-trust.more.styles.js'),
    import('../../src/components/session-list/session-actions.styles.js'),
    import('../../src/components/key-transfer/key-transfer-steps.styles.js'),
    import('../../src/components/setup-wizard/setup-wizard.steps.styles.js'),
    import('../../src/components/auth-prompt/auth-prompt.view.js'),
    import('../../src/components/new-passphrase/new-passphrase.strength.js'),
  ]);
  return {
    'verification-requests rows': rows.rowStyles,
    'verification steps': steps.stepStyles,
    'status details': [status.statusDetailsStyles],
    'room trust, later parts': [roomTrust.roomTrustMoreStyles],
    'session list, actions': [sessions.sessionActionStyles],
    'key transfer steps': [keyTransfer.keyTransferStepStyles],
    'setup wizard, later steps': [setupSteps.setupStepStyles],
    'auth prompt stages': [authPrompt.authPromptStyles],
    'new passphrase, the advice': [passphrase.strengthStyles],
  };
}
