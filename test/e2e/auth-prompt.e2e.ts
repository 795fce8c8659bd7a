// User-interactive auth through <xs-auth-prompt> against the real Synapse: deleting another session
// needs the password; a wrong one is refused in place, the right one completes.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define/xs-auth-prompt.js';
import type { XsAuthPrompt } from '../../src/components/auth-prompt/auth-prompt.js';
import { UiaSession } from '../../src/state/uia.js';
import { createTestClient, stopAllClients } from '../support/clients.js';
import { userWithDevices } from '../support/homeserver.js';
import { waitFor } from '../support/wait.js';

describe('<xs-auth-prompt> with Synapse', () => {
  afterEach(stopAllClients);

  it('signs out another session after a wrong, then the right password, keyboard only', async () => {
    const [a, b] = await userWithDevices(2, 'uia');
    const client = await createTestClient(a, { start: false });
    const uia = new UiaSession<unknown>({
      userId: a.userId,
      fallbackUrl: (stage, s) => client.getFallbackAuthUrl(stage, s),
      request: (auth) => client.deleteMultipleDevices([b.deviceId], auth ?? undefined),
    });
    const done = uia.run();
    const el = await fixture<XsAuthPrompt>(html`<xs-auth-prompt .session=${uia}></xs-auth-prompt>`);
    await waitFor('password stage', () => el.shadowRoot!.querySelector('input[type=password]'));
    await el.updateComplete;

    el.shadowRoot!.querySelector<HTMLInputElement>('input[type=password]')!.focus();
    await sendKeys({ type: 'not-the-password' });
    await sendKeys({ press: 'Enter' });
    await waitFor('wrong password shown', () => el.shadowRoot!.querySelector('[role=alert]')?.textContent?.includes('Incorrect password'));
    await expect(el).to.be.accessible();

    el.shadowRoot!.querySelector<HTMLInputElement>('input[type=password]')!.focus();
    await sendKeys({ type: a.password });
    await sendKeys({ press: 'Enter' });
    await done;
    expect(uia.stage.kind).to.equal('done');

    const { devices } = await client.getDevices();
    expect(devices.map((d) => d.device_id)).to.not.include(b.deviceId);
    const r = await fetch(`${client.baseUrl}/_matrix/client/v3/account/whoami`, { headers: { authorization: `Bearer ${b.accessToken}` }, cache: 'no-store' });
    expect(r.status).to.equal(401);
    expect(((await r.json()) as { errcode?: string }).errcode).to.equal('M_UNKNOWN_TOKEN');
  });
});
