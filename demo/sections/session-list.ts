// <xs-session-list>: the user's sessions, with rename, verify (through <xs-verify-login>) and sign-out.
import '../../src/define/xs-session-list.js';
import '../../src/define/xs-verify-login.js';
import type { XsRequestVerifyEvent } from '../../src/events/xs-request-verify.js';
import { sectionFrame, type DemoContext, type DemoSection } from './section.js';

const snippet = `<xs-session-list inactive-days="90"></xs-session-list>
<script type="module">
  import 'xs-kit/define/xs-session-list.js';
  import 'xs-kit/define/xs-verify-login.js';
  const list = document.querySelector('xs-session-list');
  list.client = matrixClient; // or inside <xs-client-provider>
  list.addEventListener('xs-request-verify', (e) => {
    e.preventDefault(); // the host handles it: verify that session with <xs-verify-login>
    const v = document.createElement('xs-verify-login');
    if (e.subject === 'own-session') v.deviceId = e.deviceId;
    dialog.replaceChildren(v);
    dialog.showModal();
  });
  list.addEventListener('xs-sessions-signed-out', (e) => console.log(e.deviceIds, e.includesCurrent));
  list.addEventListener('xs-session-renamed', (e) => console.log(e.deviceId, e.displayName));
</script>`;

export const sessionListSection: DemoSection = {
  render(ctx: DemoContext) {
    const wrap = document.createElement('div');
    const list = document.createElement('xs-session-list');
    const dialog = document.createElement('dialog');
    dialog.setAttribute('aria-label', 'Verify a session');
    const close = document.createElement('button');
    close.type = 'button';
    close.textContent = 'Close';
    close.addEventListener('click', () => dialog.close());
    dialog.addEventListener('close', () => dialog.replaceChildren());

    list.addEventListener('xs-request-verify', (e: XsRequestVerifyEvent) => {
      e.preventDefault();
      const v = document.createElement('xs-verify-login');
      if (e.subject === 'own-session' && e.deviceId) v.deviceId = e.deviceId;
      v.addEventListener('xs-verified', () => void list.reload());
      dialog.replaceChildren(v, close);
      dialog.showModal();
    });

    // On a throwaway demo account, another session can be added to have something to review and sign out.
    if (ctx.password) {
      const add = document.createElement('button');
      add.type = 'button';
      add.textContent = 'Log in one more session of this account (no encryption) to try the list';
      add.addEventListener('click', () => void (async () => {
        await fetch(`${ctx.baseUrl}/_matrix/client/v3/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            type: 'm.login.password', identifier: { type: 'm.id.user', user: ctx.userId }, password: ctx.password,
            initial_device_display_name: `Demo session ${new Date().toLocaleTimeString()}`,
          }),
        });
        await list.reload();
      })().catch((err: unknown) => console.error('[demo] could not log in another session', err)));
      wrap.append(add);
    }
    wrap.append(list, dialog);
    const frame = sectionFrame('Review your sessions — <xs-session-list>', snippet, wrap, ['xs-request-verify', 'xs-sessions-signed-out', 'xs-session-renamed']);
    return frame;
  },
};
