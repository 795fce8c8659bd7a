// The commits of <xs-setup-wizard> (set up / repair, change the key, reset's second half) and what follows them:
// loaded when the person has chosen a key, not with the wizard's first step (setup.ts reads where the account
// stands; its adapter loads this module for the calls below). See setup.ts for the order of a commit and the
// read-back (setup-verify.ts) that ends it.
import type { MatrixClient, UIAuthCallback } from 'matrix-js-sdk';
import { sleep } from '../internal/async.js';
import { exclusiveCommit } from './commit-lock.js';
import { whileChangingIdentity } from './identity-change.js';
import { refreshDehydration } from './dehydration-refresh.js';
import { sameKeyText } from './recovery-key-text.js';
import { withSecretStorageKey } from './secret-storage-keys.js';
import { withoutSecretStorageExport } from './setup-reset.js';
import { verifySetupOnServer } from './setup-verify.js';
import { AlreadySetUpError, BackupDecisionNeededError, IdentityExistsError, SetupIncompleteError } from './setup-errors.js';
import {
  cryptoOf,
  readSnapshot,
  situationOf,
  type FinishOptions,
  type FinishResult,
  type NewKey,
  type SetupGap,
} from './setup.js';

const AES = 'm.secret_storage.v1.aes-hmac-sha2';

/** Whitespace-insensitive comparison of a typed recovery key with the shown one. */
export function sameRecoveryKey(typed: string, shown: string): boolean {
  return sameKeyText(typed, shown); // one reading of typed keys for the whole kit: src/sdk/recovery-key-text.ts
}

/** The id of the default key if `key` is it (so a retry keeps using the same secret storage), else null. */
async function matchingDefaultKeyId(client: MatrixClient, key: NewKey): Promise<string | null> {
  const tuple = await client.secretStorage.getKey();
  if (!tuple) return null;
  const [id, info] = tuple;
  if ((info as { algorithm?: string }).algorithm !== AES) return null;
  try {
    return (await client.secretStorage.checkKey(key.generated.privateKey, info)) ? id : null;
  } catch {
    return null;
  }
}

/** Reads the server until nothing but `accepted` gaps is left or `ms` passes (the SDK settles some state asynchronously). */
async function settleOnServer(client: MatrixClient, key: NewKey, accepted: SetupGap[], ms: number): Promise<SetupGap[]> {
  const deadline = Date.now() + ms;
  for (;;) {
    const gaps = (await verifySetupOnServer(client, key.generated.privateKey)).filter((g) => !accepted.includes(g));
    if (gaps.length === 0 || Date.now() >= deadline) return gaps;
    await sleep(250);
  }
}

/** A new secret-storage key (random, or from the Security Phrase), held in memory for the flow only. */
export async function createKey(client: MatrixClient, passphrase: string | undefined): Promise<NewKey> {
  const generated = await cryptoOf(client).createRecoveryKeyFromPassphrase(passphrase);
  return { generated, fromPassphrase: passphrase !== undefined };
}

/** SetupAdapter.finishSetup: `finishSetup` one commit at a time per client, as an own-identity change. */
export function finishSetupExclusive(client: MatrixClient, key: NewKey, auth: UIAuthCallback<void>, opts: FinishOptions): Promise<FinishResult> {
  return exclusiveCommit(client, () => whileChangingIdentity(client, () => finishSetup(client, key, auth, opts)));
}

/** Brings the account to the complete end state with `key` (see SetupAdapter.finishSetup); run under exclusiveCommit. */
export async function finishSetup(client: MatrixClient, key: NewKey, auth: UIAuthCallback<void>, opts: FinishOptions): Promise<FinishResult> {
  const crypto = cryptoOf(client);
  const step = opts.onStep ?? (() => {});
  let before = await readSnapshot(client);
  const keyId = await matchingDefaultKeyId(client, key);
  /** true = made and read back; false = the server supports it but making it failed; undefined = not supported. */
  let dehydrated: boolean | undefined;
  if (opts.setupOnly && keyId === null && situationOf(before) === 'complete') throw new AlreadySetUpError();
  const plan = opts.backup ?? 'new-if-none';
  const unusableBackup = !!before.backupVersion && !before.backupKeyCached;
  if (plan === 'new-if-none' && unusableBackup && !before.backupReplaceable) throw new BackupDecisionNeededError(before.backupVersion!);
  // The SDK may ask for the key several times; it is answered from memory only during this call.
  await withSecretStorageKey(client, keyId, key.generated.privateKey, async () => {
    if (!before.keysCachedLocally) {
      step('identity');
      if (before.identityOnServer && !opts.allowNewIdentity) throw new IdentityExistsError();
      await crypto.userHasCrossSigningKeys(undefined, true);
      const inStorage = keyId !== null && before.crossSigningStored;
      const bootstrap = () =>
        crypto.bootstrapCrossSigning({
          authUploadDeviceSigningKeys: auth,
          // After a reset whose new keys were dropped (the trap): make them again unless storage has them.
          ...(before.identityOnServer && !inStorage ? { setupNewCrossSigning: true } : {}),
        });
      // New secret storage comes next (and stores the keys): the SDK must not try to write them into the old one.
      await (keyId === null ? withoutSecretStorageExport(client, bootstrap) : bootstrap());
      before = await readSnapshot(client);
      if (!before.keysCachedLocally) throw new SetupIncompleteError(['cross-signing-keys']);
    }
    step('storage');
    // `replace` keeps a backup this very flow already made (a retry after a lost response), else makes a new one.
    const newBackup =
      plan === 'replace'
        ? !(before.backupVersion && before.backupKeyCached && before.backupKeyStored && keyId !== null)
        : plan === 'new-if-none' && (!before.backupVersion || (unusableBackup && !!before.backupReplaceable));
    await crypto.bootstrapSecretStorage({
      createSecretStorageKey: () => Promise.resolve(key.generated),
      setupNewSecretStorage: keyId === null,
      setupNewKeyBackup: newBackup,
    });
    // Device dehydration (MSC3814), when the server has it: a new dehydrated device whose key is stored under
    // the (new) default key — set-up creates it, change-key rotates it (the old key would be under the old key).
    // Read back from the server: the device id the server now holds.
    dehydrated = await refreshDehydration(client).then(
      (id) => (id === undefined ? undefined : true),
      () => false,
    );
  });
  step('verifying');
  // A kept backup this session cannot use stays unconnected: that is the person's choice, not a failure.
  const accepted: SetupGap[] = plan === 'keep' && unusableBackup ? ['backup', 'backup-key-stored'] : [];
  const gaps = await settleOnServer(client, key, accepted, opts.settleMs ?? 10_000);
  if (dehydrated === false) gaps.push('dehydrated-device');
  if (gaps.length) throw new SetupIncompleteError(gaps);
  return { accepted };
}

/** Restores room keys from the connected backup; resolves with how many were imported. */
export async function restoreBackup(client: MatrixClient, onProgress?: (done: number, total: number) => void): Promise<{ imported: number; total: number }> {
  const res = await cryptoOf(client).restoreKeyBackup({
    progressCallback: (p) => {
      const d = p as { stage?: string; successes?: number; failures?: number; total?: number };
      if (d.stage === 'load_keys' && typeof d.total === 'number') onProgress?.((d.successes ?? 0) + (d.failures ?? 0), d.total);
    },
  });
  return { imported: res.imported, total: res.total };
}
