// The <xs-session-list> unit tests' page helpers: the usual four sessions on a fake client, mounting, waiting for a
// render, and finding rows and buttons in the shadow root.
import { fixture, html } from '@open-wc/testing';
import { fakeSessionsClient } from './fake-sessions-client.js';
import '../../src/define/xs-session-list.js';
import type { XsSessionList } from '../../src/components/session-list/session-list.js';

export const DAY = 86_400_000;
export const now = Date.now();
export const settle = () => new Promise((r) => setTimeout(r, 0));

export function sessionsOpts() {
  return {
    currentDeviceId: 'CUR',
    devices: [
      { deviceId: 'CUR', displayName: 'This browser', lastSeenTs: now, lastSeenIp: '10.0.0.1', verified: true },
      { deviceId: 'VER', displayName: 'Laptop', lastSeenTs: now - 3_600_000, verified: true },
      { deviceId: 'UNV', displayName: 'Phone', lastSeenTs: now - 120_000, lastSeenIp: '10.0.0.2' },
      { deviceId: 'OLD', displayName: 'Old tablet', lastSeenTs: now - 200 * DAY, noKeys: true },
    ],
  };
}

export function sessions() {
  return fakeSessionsClient(sessionsOpts());
}

export async function mount(fake = sessions(), attrs = '') {
  const el = await fixture<XsSessionList>(html`<xs-session-list .client=${fake.client} inactive-days=${attrs || '90'}></xs-session-list>`);
  await waitRendered(el, () => el.shadowRoot!.querySelector('ul.sessions, [role=alert]'));
  return { el, fake };
}

export async function waitRendered(el: XsSessionList, check: () => unknown, tries = 100) {
  for (let i = 0; i < tries; i++) {
    await el.updateComplete;
    if (check()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('condition not met');
}

export const $ = <T extends Element = HTMLElement>(el: XsSessionList, sel: string) => el.shadowRoot!.querySelector<T & Element>(sel) as T;
export const $$ = (el: XsSessionList, sel: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(sel)];
export const rowIds = (el: XsSessionList) => $$(el, 'li.session').map((li) => (li as HTMLElement & { deviceId: string }).deviceId);
export const rowOf = (el: XsSessionList, id: string) => $$(el, 'li.session').find((li) => (li as HTMLElement & { deviceId: string }).deviceId === id)!;
export const button = (root: ParentNode, text: string) => [...root.querySelectorAll<HTMLButtonElement>('button')].find((b) => !b.hidden && b.textContent.trim().startsWith(text))!;
