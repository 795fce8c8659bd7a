// Mounting <xs-status> on a fake client and reading what it shows (the status element's test files share it).
import { fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define/xs-status.js';
import type { XsStatus } from '../../src/components/status/status.js';
import { FakeClient, readyStatus, type FakeStatus } from './fake-status-client.js';

export function fake(over: Partial<FakeStatus> = {}, opts: { crypto?: boolean } = {}) {
  return new FakeClient({ ...readyStatus(), ...over }, opts);
}

export async function mount(client: FakeClient | undefined, extra: { userId?: string; recheckInterval?: number } = {}) {
  return fixture<XsStatus>(
    html`<xs-status .client=${client?.asClient} user-id=${extra.userId ?? ''} .recheckInterval=${extra.recheckInterval ?? 60_000}></xs-status>`,
  );
}

export async function settled(el: XsStatus, state: string) {
  await waitUntil(() => el.state === state, `state ${state} (now ${el.state})`, { timeout: 3000 });
  await el.updateComplete;
}

export const $ = (el: XsStatus) => {
  const root = el.shadowRoot!;
  return {
    headline: root.querySelector('h2')?.textContent?.trim(),
    text: root.textContent?.replace(/\s+/g, ' ') ?? '',
    button: (re: RegExp) => [...root.querySelectorAll('button')].find((b) => re.test(b.textContent ?? '')),
    buttons: () => [...root.querySelectorAll('button')].map((b) => b.textContent?.trim()),
    detail: (k: string) => root.querySelector(`[data-detail="${k}"]`)?.textContent?.trim(),
    warnings: () => [...root.querySelectorAll('[part~=warning]')].map((w) => w.getAttribute('data-warning')),
  };
};

