// What the Synapse tests of <xs-session-list> share: a session's token still works or not, the rows by device id,
// buttons by text, and keyboard-only navigation (Tab until something is focused) through shadow roots.
import { sendKeys } from '@web/test-runner-commands';
import type { XsSessionList } from '../../src/components/session-list/session-list.js';
import { homeserverUrl } from './env.js';
import type { Session } from './homeserver.js';

export async function whoami(s: Session) {
  const r = await fetch(`${homeserverUrl()}/_matrix/client/v3/account/whoami`, { headers: { authorization: `Bearer ${s.accessToken}` }, cache: 'no-store' });
  return { status: r.status, errcode: ((await r.json()) as { errcode?: string }).errcode };
}

export type Row = HTMLElement & { deviceId: string };
export const rows = (el: XsSessionList) => [...el.shadowRoot!.querySelectorAll<Row>('li.session')];
export const rowOf = (el: XsSessionList, id: string) => rows(el).find((r) => r.deviceId === id);
export const rowIds = (el: XsSessionList) => rows(el).map((r) => r.deviceId);
export const button = (root: ParentNode, text: string) => [...root.querySelectorAll<HTMLButtonElement>('button')].find((b) => !b.hidden && b.textContent!.trim().startsWith(text));

/** The focused element inside the element's shadow roots. */
export function deepActive(): Element | null {
  let a: Element | null = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
}

/** Presses Tab until `match` holds for the focused element (keyboard only). */
export async function tabTo(what: string, match: (el: Element | null) => boolean, { backwards = false, max = 60 } = {}) {
  for (let i = 0; i < max; i++) {
    if (match(deepActive())) return;
    if (backwards) {
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ up: 'Shift' });
    } else await sendKeys({ press: 'Tab' });
  }
  throw new Error(`Tab never reached ${what} (at ${deepActive()?.outerHTML.slice(0, 120)})`);
}
