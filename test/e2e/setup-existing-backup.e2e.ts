// <xs-setup-wizard> finds a key backup that another app made (here: a second, real client without cross-signing
// that created a backup and backed up the key of a message it sent). The backup is shown, never deleted silently:
// restore from it with its key (wrong keys explained, the right one connects it and restores the history), keep it
// (the end screen says it is not connected — no "all set"), or replace it after an explicit confirmation.
// Keyboard only; accessibility checked on every new step; server state read back through a second session.
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { MatrixClient } from 'matrix-js-sdk';
import { encodeRecoveryKey } from 'matrix-js-sdk/lib/crypto-api/recovery-key.js';
import { RustBackupManager } from 'matrix-js-sdk/lib/rust-crypto/backup.js';
import { createTestClient, stopAllClients } from '../support/clients.js';
import { realisticSessionsJson } from '../support/room-key-sessions.js';
import { loginDevice, registerUser, type Session } from '../support/homeserver.js';
import { secretsScan } from '../support/secrets-scan.js';
import { serverState } from '../support/server-state.js';
import { expectHeadingFocused, generateAndConfirmKey, kitClient, pressButton, root, tabTo, unlockWithKey, waitHeading, wizardFor } from '../support/setup-wizard.js';
import { waitFor } from '../support/wait.js';

/** Another app: creates a key backup (no cross-signing, no secret storage) and backs up one room key. Returns its recovery key. */
async function otherAppBackup(a: Session): Promise<{ version: string; recoveryKey: string; app: MatrixClient }> {
  const app = await createTestClient(await loginDevice(a, 'Other app'));
  const crypto = app.getCrypto()!;
  await crypto.resetKeyBackup();
  // The SDK delays its first backup upload by up to 10 s at random (to spread load); a test needs no spreading.
  (RustBackupManager as unknown as { maxBackupLoopStartDelayMillis: number }).maxBackupLoopStartDelayMillis = 0;
  // The app's message history: three room keys it holds, which it backs up.
  await crypto.importRoomKeysAsJson(await realisticSessionsJson(3, 1));
  const info = (await crypto.getKeyBackupInfo())!;
  await waitFor('room keys in the backup', async () => {
    const r = await fetch(`${app.baseUrl}/_matrix/client/v3/room_keys/version`, { headers: { authorization: `Bearer ${app.getAccessToken()}` }, cache: 'no-store' });
    return ((await r.json()) as { count?: number }).count! > 0;
  }, { timeoutMs: 30_000, intervalMs: 250 });
  const raw = (await crypto.getSessionBackupPrivateKey())!;
  return { version: info.version, recoveryKey: encodeRecoveryKey(raw)!, app };
}

/** A new session of a user whose other app made a backup, its wizard at "You already have a key backup". */
async function atExistingBackup(prefix: string) {
  const a = await registerUser(prefix);
  const other = await otherAppBackup(a);
  const client = await kitClient(await loginDevice(a, 'This app'));
  const el = await wizardFor(client);
  await waitHeading(el, 'Secure your messages');
  await pressButton('Continue');
  await waitHeading(el, 'You already have a key backup');
  return { a, other, client, el };
}

/** How many room keys the server's current backup holds. */
async function backupCount(client: MatrixClient): Promise<number> {
  const r = await fetch(`${client.baseUrl}/_matrix/client/v3/room_keys/version`, { headers: { authorization: `Bearer ${client.getAccessToken()}` }, cache: 'no-store' });
  return ((await r.json()) as { count: number }).count;
}

async function typeInto(id: string, text: string) {
  await tabTo(`#${id}`, (x) => x.id === id);
  await sendKeys({ type: text });
  await sendKeys({ press: 'Enter' });
}

describe('<xs-setup-wizard> with a key backup another app made (Synapse)', () => {
  afterEach(stopAllClients);

  it('restore from it with its key: wrong keys explained, the right one connects it, history restored, then set up (keyboard only)', async () => {
    const { a, other, client, el } = await atExistingBackup('foreignuse');
    const scan = secretsScan();
    expectHeadingFocused(el);
    expect(root(el).textContent).to.include(`version ${other.version}`);
    await expect(el).to.be.accessible();
    await pressButton('Restore from it with its key');
    await waitHeading(el, 'Enter the backup’s recovery key');
    await expect(el).to.be.accessible();
    await typeInto('backup-key', 'not a key at all');
    await waitFor('malformed explained', () => root(el).querySelector('#backup-key-err')?.textContent?.includes('not a recovery key'));
    await expect(el).to.be.accessible();
    // A well-formed key of another backup.
    const wrong = encodeRecoveryKey(crypto.getRandomValues(new Uint8Array(32)))!;
    await typeInto('backup-key', wrong);
    await waitFor('mismatch explained', () => root(el).querySelector('#backup-key-err')?.textContent?.includes('does not unlock this backup'));
    // The right key, with a PDF's line breaks and non-breaking spaces.
    await typeInto('backup-key', other.recoveryKey.replace(/ /g, '\u00a0'));
    const key = await generateAndConfirmKey(el);
    await waitHeading(el, 'You’re all set');
    const count = await backupCount(client);
    expect(count).to.be.greaterThan(0);
    expect(root(el).textContent).to.include(count === 1 ? '1 key was restored from your backup' : `${count} keys were restored from your backup`);
    await expect(el).to.be.accessible();
    const state = await serverState(client);
    expect(state.backupVersion, 'the other app’s backup is kept and used').to.equal(other.version);
    const b = await unlockWithKey(await loginDevice(a, 'Checking device'), key);
    const check = await b.getCrypto()!.checkKeyBackupAndEnable();
    expect(check?.backupInfo.version).to.equal(other.version);
    expect(check?.trustInfo.matchesDecryptionKey, 'its key is in secret storage under the new key').to.equal(true);
    scan.check([key, other.recoveryKey], [], [el]);
    scan.stop();
  });

  it('keep it: set up without it; the end screen says it is not connected and offers to connect or replace it', async () => {
    const { other, client, el } = await atExistingBackup('foreignkeep');
    await pressButton('Keep it, set up without it');
    await generateAndConfirmKey(el, { a11y: false });
    await waitHeading(el, 'Set up — without your key backup');
    expectHeadingFocused(el);
    await expect(el).to.be.accessible();
    expect(root(el).textContent).to.not.include('You’re all set');
    expect((await serverState(client)).backupVersion, 'the backup is untouched').to.equal(other.version);
    // Connect it after all: its key, then the wizard stores it under the new Security Key.
    await pressButton('Restore from it with its key');
    await typeInto('backup-key', other.recoveryKey);
    await waitHeading(el, 'You’re all set', 45_000);
    expect((await serverState(client)).backupVersion).to.equal(other.version);
  });

  it('replace it: only after an explicit confirmation that says what is lost', async () => {
    const { a, other, client, el } = await atExistingBackup('foreignreplace');
    await pressButton('Replace it…');
    await waitHeading(el, 'Replace your key backup?');
    await expect(el).to.be.accessible();
    expect(root(el).textContent).to.include('can no longer be read');
    expect((await serverState(client)).backupVersion, 'nothing deleted before the confirmation').to.equal(other.version);
    await pressButton('Back');
    await waitHeading(el, 'You already have a key backup');
    await pressButton('Replace it…');
    await pressButton('Delete it and make a new backup');
    const key = await generateAndConfirmKey(el, { a11y: false });
    await waitHeading(el, 'You’re all set');
    const after = await serverState(client);
    expect(after.backupVersion).to.not.equal(other.version);
    const b = await unlockWithKey(await loginDevice(a, 'Checking device'), key);
    expect((await b.getCrypto()!.checkKeyBackupAndEnable())?.trustInfo.trusted).to.equal(true);
  });
});
