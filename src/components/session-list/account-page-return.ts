// The hand-off to the account page of an OAuth account service (MAS) in <xs-session-list>: opening the page, and
// noticing when the person comes back (this page visible or focused again), so that the list checks on the server
// which sessions are still signed in (SessionListModel.checkExternal).
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { checkServerUrl } from '../../internal/safe-url.js';
import type { SessionListModel } from '../../state/session-list.js';

export class AccountPageReturn implements ReactiveController {
  constructor(host: ReactiveControllerHost, private readonly model: () => SessionListModel | undefined) {
    host.addController(this);
  }

  /** Opens the account page in a new tab: only a URL that passes the one server-URL check, without opener. */
  open(url: string): void {
    const check = checkServerUrl(url);
    if (!check.ok) return;
    window.open(check.url, '_blank', 'noopener');
    this.model()?.markExternalOpened();
  }

  /** Back from the account page: the list checks what happened there. */
  private readonly onReturn = () => {
    if (document.visibilityState !== 'visible') return;
    const m = this.model();
    if (m?.signOut.kind === 'external' && m.signOut.opened) void m.checkExternal();
  };

  hostConnected(): void {
    document.addEventListener('visibilitychange', this.onReturn);
    window.addEventListener('focus', this.onReturn);
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this.onReturn);
    window.removeEventListener('focus', this.onReturn);
  }
}
