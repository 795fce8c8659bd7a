// What a set-up commit (setup-commit.ts, setup-reset.ts) throws when it stops short, for the wizard's commit phase
// to explain: kept out of setup.ts, which the wizard's first step loads.
import type { SetupGap } from './setup.js';

/** Thrown when a commit finished but the account is not in the expected end state. */
export class SetupIncompleteError extends Error {
  override readonly name = 'SetupIncompleteError';
  constructor(readonly gaps: SetupGap[]) {
    super(`setup incomplete: ${gaps.join(', ')}`);
  }
}

/** Thrown when a setup would replace an identity this session does not hold (never silently overwrite). */
export class IdentityExistsError extends Error {
  override readonly name = 'IdentityExistsError';
  constructor() {
    super('a cross-signing identity exists and this session does not hold its keys');
  }
}

/** Thrown when a set-up finds the account already complete under another key (set up meanwhile elsewhere). */
export class AlreadySetUpError extends Error {
  override readonly name = 'AlreadySetUpError';
  constructor() {
    super('the account was set up meanwhile (another element or app)');
  }
}

/** Thrown when a set-up would replace a key backup nobody agreed to replace (the wizard asks first). */
export class BackupDecisionNeededError extends Error {
  override readonly name = 'BackupDecisionNeededError';
  constructor(readonly version: string) {
    super(`a key backup (version ${version}) exists that this session cannot use`);
  }
}

/** The typed key does not unlock the existing key backup. */
export class BackupKeyMismatchError extends Error {
  override readonly name = 'BackupKeyMismatchError';
  constructor() {
    super('that key does not unlock the key backup');
  }
}
