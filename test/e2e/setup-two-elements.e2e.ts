// <xs-setup-wizard> and <xs-status> on one client: the two elements read the one account model of that client
// (src/sdk/account.ts) and never contradict each other — through set-up on the page, this session verified by
// another session (SAS) and by the key on the same page, a reset made elsewhere, and the backup deleted elsewhere.
import { expect, fixture, html } from '@open-wc/testing';
import type { MatrixClient } from 'matrix-js-sdk';
import type { XsSetupWizard } from '../../src/components/setup-wizard/setup-wizard.js';
import type { XsStatus } from '../../src/components/status/status.js';
import '../../src/define/xs-setup-wizard.js';
import '../../src/define/xs-status.js';
import { passwordAuth, stopAllClients, waitForOwnDevice } from '../support/clients.js';
import { loginDevice, registerUser } from '../support/homeserver.js';
import { verifyOwnSessionsBySas } from '../support/sas.js';
import { button, generateAndConfirmKey, heading, kitClient, pressButton, root, unlockWithKey, waitHeading } from '../support/setup-wizard.js';
import { decodeRecoveryKey } from 'matrix-js-sdk/lib/crypto-api/index.js';
import { withSecretStorageKey } from '../../src/sdk/secret-storage-keys.js';
import { waitFor } from '../support/wait.js';

/** Which wizard steps agree with which status states (a step that describes the account must match the status). */
const AGREES: Record<string, string[]> = {
  'Secure your messages': ['not-set-up'],
  'Finish setting up secure messaging': ['keys-missing', 'no-backup'],
  'Secure messaging is set up': ['ready'],
  'Verify this session': ['unverified', 'keys-missing'],
};

async function pagePair(client: MatrixClient) {
  const box = await fixture<HTMLDivElement>(html`<div>
    <xs-status .client=${client} recheck-interval="1000"></xs-status>
    <xs-setup-wizard .client=${client}></xs-setup-wizard>
  </div>`);
  return { status: box.querySelector<XsStatus>('xs-status')!, wizard: box.querySelector<XsSetupWizard>('xs-setup-wizard')! };
}

/** Both elements settle on `step` / `state` together, and they agree. */
async function agreeOn(p: { status: XsStatus; wizard: XsSetupWizard }, step: string, state: string, timeoutMs = 30_000) {
  await waitFor(`wizard "${step}" with status "${state}" (now "${heading(p.wizard)}" / ${p.status.state})`, () => heading(p.wizard) === step && p.status.state === state, { timeoutMs });
  expect(AGREES[step], `"${step}" agrees with ${state}`).to.include(state);
}

describe('<xs-setup-wizard> + <xs-status> on one client (Synapse)', () => {
  afterEach(stopAllClients);

  it('agree through set-up here, verification elsewhere, the key on this page, a reset elsewhere and a backup deleted elsewhere', async () => {
    const a = await registerUser('twoel');
    const clientA = await kitClient(a);
    const pa = await pagePair(clientA);
    await agreeOn(pa, 'Secure your messages', 'not-set-up');
    await pressButton('Continue');
    const key = await generateAndConfirmKey(pa.wizard, { a11y: false });
    await waitHeading(pa.wizard, 'You’re all set');
    await waitFor('status ready', () => pa.status.state === 'ready', { timeoutMs: 10_000 });
    await pressButton('Done');
    await agreeOn(pa, 'Secure messaging is set up', 'ready');

    // A second session of the same user: both elements there say "verify this session".
    const sb = await loginDevice(a, 'Second session');
    const clientB = await kitClient(sb);
    const pb = await pagePair(clientB);
    await agreeOn(pb, 'Verify this session', 'unverified');
    // Verified elsewhere (session A, emoji): B gets the keys; both elements follow.
    await waitForOwnDevice(clientA, sb.deviceId);
    await verifyOwnSessionsBySas(clientA, clientB);
    await agreeOn(pb, 'Secure messaging is set up', 'ready', 45_000);

    // A third session: verified by the Security Key on the same page (same client): the wizard re-derives.
    const sc = await loginDevice(a, 'Third session');
    const pc = await pagePair(await kitClient(sc));
    await agreeOn(pc, 'Verify this session', 'unverified');
    const clientC = (pc.wizard as unknown as { matrixClient: MatrixClient }).matrixClient;
    await unlockWithKeyOn(clientC, key);
    await agreeOn(pc, 'Secure messaging is set up', 'ready', 45_000);

    // The backup deleted elsewhere (session A): B learns it on its next server check (the status re-checks every
    // second here); both elements say the backup is missing.
    const version = (await clientA.getCrypto()!.getKeyBackupInfo())!.version;
    await clientA.getCrypto()!.deleteKeyBackupVersion(version);
    await agreeOn(pb, 'Finish setting up secure messaging', 'no-backup', 45_000);

    // A reset elsewhere (session A replaces the identity): B's elements both say this session must be verified again.
    await clientA.getCrypto()!.resetEncryption(passwordAuth(a.userId, a.password));
    await agreeOn(pb, 'Verify this session', 'unverified', 45_000);
    expect(root(pb.wizard).textContent).to.not.include('You’re all set');
  });

  it('two wizards on one client confirm at the same moment: one commit runs, the other finds the account set up and writes nothing', async () => {
    const a = await registerUser('twowiz');
    const client = await kitClient(a);
    const box = await fixture<HTMLDivElement>(html`<div><xs-setup-wizard .client=${client}></xs-setup-wizard><xs-setup-wizard .client=${client}></xs-setup-wizard></div>`);
    const [w1, w2] = [...box.querySelectorAll<XsSetupWizard>('xs-setup-wizard')] as [XsSetupWizard, XsSetupWizard];
    const keys: string[] = [];
    for (const w of [w1, w2]) {
      await waitHeading(w, 'Secure your messages');
      button(w, 'Continue').click();
      await waitHeading(w, 'Choose how to unlock your messages');
      button(w, 'Generate a Security Key').click();
      await waitHeading(w, 'Save your Security Key');
      keys.push(root(w).querySelector('#key-text')!.textContent.trim());
      button(w, 'Download').click();
      await w.updateComplete;
      button(w, 'Continue').click();
      await waitHeading(w, 'Type your Security Key');
      root(w).querySelector<HTMLInputElement>('#confirm-key')!.value = keys.at(-1)!;
    }
    // Both at once (a double confirm across two elements).
    root(w1).querySelector('form')!.requestSubmit();
    root(w2).querySelector('form')!.requestSubmit();
    await waitHeading(w1, 'You’re all set', 45_000);
    await waitHeading(w2, 'Secure messaging is set up', 45_000);
    // The server has one setup, under the first key; the second key unlocks nothing.
    const other = await loginDevice(a, 'Checking device');
    await unlockWithKey(other, keys[0]);
    const probe = await kitClient(await loginDevice(a, 'Probe'));
    const [, info] = (await probe.secretStorage.getKey())!;
    expect(await probe.secretStorage.checkKey(decodeRecoveryKey(keys[1]), info), 'the second key was never stored').to.equal(false);
  });
});

/** The key entered on this page (the programmatic twin of the Security Key path), on the page's own client. */
async function unlockWithKeyOn(client: MatrixClient, key: string) {
  const crypto = client.getCrypto()!;
  const [keyId] = (await client.secretStorage.getKey())!;
  await withSecretStorageKey(client, keyId, decodeRecoveryKey(key), async () => {
    await crypto.userHasCrossSigningKeys(undefined, true);
    await crypto.bootstrapCrossSigning({});
    await crypto.loadSessionBackupPrivateKeyFromSecretStorage();
  });
}
