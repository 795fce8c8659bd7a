// Right-to-left at 360 px, in Arabic: each element (in a stage reachable without a server, from small fakes) is
// rendered in a 360 px wide container with lang="ar" dir="rtl" on a 360 px wide viewport, screenshotted with the
// browser's own renderer (saved under test-results/screenshots/<browser>/, gitignored) and checked geometrically:
// - nothing overflows: every visible box stays inside the container, and the page does not scroll sideways;
// - mirrored: the same element rendered with dir="ltr" has every block, button, input, icon and heading at the
//   mirrored place (its inset from the right in RTL = its inset from the left in LTR), and each heading's text
//   starts at the right edge of its box (the start side);
// - action rows run from the start: the first button in a row (the primary one, per the design) is the rightmost;
// - what must read left to right still does: the Security Key's groups, keys and ids.
// The CSS itself is scanned for physical properties by src/internal/logical-css.test.ts.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand, setViewport } from '@web/test-runner-commands';
import type { TemplateResult } from 'lit';
import type { MatrixClient } from 'matrix-js-sdk';
import '../../src/define/xs-auth-prompt.js';
import '../../src/define/xs-key-storage.js';
import '../../src/define/xs-key-transfer.js';
import '../../src/define/xs-new-passphrase.js';
import '../../src/define/xs-room-trust.js';
import '../../src/define/xs-session-list.js';
import '../../src/define/xs-setup-wizard.js';
import '../../src/define/xs-status.js';
import '../../src/define/xs-verification-requests.js';
import '../../src/define/xs-verify-login.js';
import '../../src/define/xs-verify-user.js';
import { registerTranslation, type Term } from '../../src/i18n/registry.js';
import { FakeClient, readyStatus } from '../support/fake-status-client.js';
import { fakeRoomTrustSource, ME } from '../support/fake-room-trust.js';
import { fakeSessionsClient } from '../support/fake-sessions-client.js';
import { ENCODED, fakeAdapter, snapshots } from '../support/setup-fakes.js';
import { FakeRequest, passwordSession, verifyClient } from '../support/layout-fakes.js';
import { barColours, deep, directionOf, firstLine, label, mirrorables, rangeRects, textNode, titles, visible } from '../support/layout-geometry.js';

const WIDTH = 360;
const TOLERANCE = 1.5;

const root = (el: Element) => el.shadowRoot!;
const buttonNamed = (el: Element, label: string) => [...root(el).querySelectorAll('button')].find((b) => b.textContent?.trim() === label)!;
const settle = () => new Promise((r) => setTimeout(r, 0));

interface Case {
  name: string;
  render: () => TemplateResult;
  /** Brings the element to the stage to check. */
  ready: (el: HTMLElement) => Promise<void>;
  /** Arabic terms registered for this element (the kit ships no Arabic). */
  translations?: Record<string, Term>;
  /** Checks of this element beyond the shared ones. */
  extra?: (el: HTMLElement) => void | Promise<void>;
}

// Times shown are hours old, so a render a few seconds later shows the same words in both directions.
const NOW = Date.now();

const CASES: Case[] = [
  {
    name: 'new-passphrase',
    render: () => html`<xs-new-passphrase></xs-new-passphrase>`,
    ready: async (el) => {
      const input = root(el).querySelector<HTMLInputElement>('#passphrase')!;
      input.value = 'anticonstitutionnel'; // one long word: "Fair", the meter half full
      input.dispatchEvent(new Event('input'));
      await waitUntil(() => root(el).querySelector('.strength li'), 'advice shown', { timeout: 10_000 });
      expect(root(el).querySelector('meter')!.value).to.equal(2);
    },
    extra: async (el) => {
      // The meter fills from the start side: in the picture, its RTL fill is the mirror of its LTR fill.
      const meter = root(el).querySelector('meter')!;
      expect(getComputedStyle(meter).direction).to.equal('rtl');
      const rtl = await barColours(meter, 'rtl-360-ar-new-passphrase-meter');
      const ltrCase = await mount(CASES[0], 'ltr');
      const ltr = await barColours(root(ltrCase.el).querySelector('meter')!, 'ltr-360-ar-new-passphrase-meter');
      ltrCase.wrap.remove();
      expect(rtl.start, 'filled at the start (right)').to.not.equal(rtl.end);
      expect(rtl.start, 'RTL start = LTR start (the fill)').to.equal(ltr.start);
      expect(rtl.end, 'RTL end = LTR end (the track)').to.equal(ltr.end);
    },
  },
  {
    name: 'setup-wizard',
    render: () => html`<xs-setup-wizard .adapter=${fakeAdapter(snapshots.fresh)}></xs-setup-wizard>`,
    ready: async (el) => {
      const wizard = el as HTMLElement & { updateComplete: Promise<unknown> };
      const next = async (label: string) => {
        await waitUntil(() => buttonNamed(el, label), label);
        buttonNamed(el, label).click();
        await wizard.updateComplete;
      };
      await next('Continue');
      await next('Generate a Security Key');
      await waitUntil(() => root(el).querySelector('.key')?.textContent?.trim(), 'the key shown');
    },
    extra: (el) => {
      // The Security Key reads the same in every language: left to right, its groups in order.
      const key = root(el).querySelector<HTMLElement>('.key')!;
      expect(getComputedStyle(key).direction).to.equal('ltr');
      expect(key.textContent.trim()).to.equal(ENCODED);
      const groups = rangeRects(textNode(key), ENCODED.split(' ').slice(0, 2));
      if (groups[0].top === groups[1].top) expect(groups[0].left, 'first group left of the second').to.be.lessThan(groups[1].left);
    },
  },
  {
    name: 'status',
    render: () => html`<xs-status .client=${new FakeClient({ ...readyStatus(), deviceVerified: false, ownVerified: false }).asClient}></xs-status>`,
    ready: async (el) => {
      await waitUntil(() => el.getAttribute('state') === 'unverified', 'unverified');
    },
    extra: (el) => {
      // The state bar is on the start side.
      const base = root(el).querySelector('[part~=base]')!;
      const style = getComputedStyle(base);
      const [start, end] = directionOf(el) === 'rtl' ? [style.borderRightWidth, style.borderLeftWidth] : [style.borderLeftWidth, style.borderRightWidth];
      expect(start).to.equal('6px');
      expect(end).to.equal('1px');
    },
  },
  {
    name: 'status-user',
    render: () =>
      html`<xs-status user-id="@omar:example.org" .client=${new FakeClient({
        ...readyStatus(),
        users: { '@omar:example.org': { known: true, verified: true, wasVerified: true, needsApproval: false, masterKey: 'OMARMASTERKEY' } },
      }).asClient}></xs-status>`,
    ready: async (el) => {
      await waitUntil(() => el.getAttribute('state') === 'verified', 'verified');
    },
    // An Arabic heading: the id sits inside right-to-left text, where a bare "@" would move to the id's other end.
    translations: { 'status.user.heading': (userId: string) => `الثقة في ${userId}` },
    extra: (el) => {
      // The user id inside the (translated) heading sentence reads left to right: "@" before the name.
      const h2 = root(el).querySelector('h2')!;
      const [at, name] = rangeRects(textNode(h2, '@omar'), ['@', 'omar']);
      if (Math.abs(at.top - name.top) < 2) expect(at.right, `${h2.textContent}: "@" before the name`).to.be.at.most(name.left + 0.5);
    },
  },
  {
    name: 'session-list',
    render: () =>
      html`<xs-session-list .client=${fakeSessionsClient({
        currentDeviceId: 'CUR',
        devices: [
          { deviceId: 'CUR', displayName: 'متصفح العمل', lastSeenTs: NOW - 3 * 3_600_000, lastSeenIp: '10.0.0.1', verified: true },
          { deviceId: 'UNVERIFIEDPHONE', displayName: 'هاتف سارة', lastSeenTs: NOW - 5 * 3_600_000, lastSeenIp: '10.0.0.2' },
          { deviceId: 'OLD', displayName: 'Old tablet', lastSeenTs: NOW - 200 * 86_400_000, noKeys: true },
        ],
      }).client}></xs-session-list>`,
    ready: async (el) => {
      await waitUntil(() => ['هاتف سارة', 'Old tablet', 'UNVERIFIEDPHONE'].every((t) => root(el).textContent.includes(t)), 'rows');
    },
    extra: (el) => {
      // A device id keeps its characters in order.
      const mono = [...root(el).querySelectorAll<HTMLElement>('.mono')].find((m) => m.textContent.includes('UNVERIFIEDPHONE'))!;
      expect(getComputedStyle(mono).unicodeBidi).to.equal('isolate');
      const [a, b] = rangeRects(textNode(mono, 'UNVERIFIEDPHONE'), ['UNVERIFIED', 'PHONE']);
      if (a.top === b.top) expect(a.left).to.be.lessThan(b.left);
    },
  },
  {
    name: 'room-trust',
    render: () =>
      html`<xs-room-trust room-id="!r:x" .source=${fakeRoomTrustSource([ME, '@layla:example.org', '@omar:example.org'], {
        '@layla:example.org': { verified: true },
        '@omar:example.org': { needsApproval: true, wasVerified: true },
      }).source}></xs-room-trust>`,
    ready: async (el) => {
      await waitUntil(() => (el as HTMLElement & { badge: string }).badge !== 'checking', 'first read');
    },
  },
  {
    name: 'verify-login',
    render: () => html`<xs-verify-login .client=${verifyClient} .request=${new FakeRequest('@me:example.org')}></xs-verify-login>`,
    ready: async (el) => {
      await waitUntil(() => root(el).querySelector('h2') && root(el).querySelectorAll('button').length >= 2, 'request step', { timeout: 10_000 });
    },
  },
  {
    name: 'verify-user',
    render: () => html`<xs-verify-user .client=${verifyClient} .request=${new FakeRequest('@layla:example.org')}></xs-verify-user>`,
    ready: async (el) => {
      await waitUntil(() => root(el).querySelector('h2') && root(el).querySelectorAll('button').length >= 2, 'request step', { timeout: 10_000 });
    },
  },
  {
    name: 'verification-requests',
    render: () => {
      const request = Object.assign(new FakeRequest('@me:example.org'), { pending: true, declining: false });
      const client = {
        ...verifyClient,
        getCrypto: () => ({ getVerificationRequestsToDeviceInProgress: () => [request], getUserDeviceInfo: async () => new Map() }),
        getDevices: async () => ({ devices: [{ device_id: 'PHONEDEVICE', display_name: 'هاتف سارة', last_seen_ts: NOW - 4 * 3_600_000, last_seen_ip: '10.0.0.2' }] }),
      } as unknown as MatrixClient;
      return html`<xs-verification-requests .client=${client}></xs-verification-requests>`;
    },
    ready: async (el) => {
      await waitUntil(() => root(el).textContent.includes('هاتف سارة') && root(el).querySelectorAll('button').length >= 2, 'the request', { timeout: 10_000 });
    },
  },
  {
    name: 'auth-prompt',
    render: () => html`<xs-auth-prompt .session=${passwordSession()}></xs-auth-prompt>`,
    ready: async (el) => {
      await waitUntil(() => root(el).querySelector('input[type=password]'), 'password step');
    },
  },
  {
    name: 'key-transfer',
    render: () => html`<xs-key-transfer mode="import" .client=${{ getUserId: () => '@me:example.org', getCrypto: () => ({}) }}></xs-key-transfer>`,
    ready: async (el) => {
      await waitUntil(() => root(el).querySelector('.file-picker'), 'import step');
    },
  },
  {
    name: 'key-storage',
    render: () => html`<xs-key-storage .client=${new FakeClient(readyStatus()).asClient}></xs-key-storage>`,
    ready: async (el) => {
      await waitUntil(() => {
        const s = root(el).querySelector('[data-state]')?.getAttribute('data-state');
        return s && s !== 'checking' && root(el).querySelector('button');
      }, 'first read');
    },
  },
];


async function mount(c: Case, dir: 'rtl' | 'ltr'): Promise<{ wrap: HTMLElement; el: HTMLElement }> {
  if (c.translations) registerTranslation('ar', c.translations);
  const wrap = await fixture<HTMLDivElement>(html`<div lang="ar" dir=${dir} style="width: ${WIDTH}px; margin: 0; padding: 0">${c.render()}</div>`);
  const el = wrap.firstElementChild as HTMLElement;
  await c.ready(el);
  // Lazy parts load in the first idle moment after the first render: let that moment come, so both directions are
  // measured with the same parts loaded (updateComplete then waits for a load still running).
  await new Promise((r) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(() => r(undefined), { timeout: 3000 }) : setTimeout(r, 250)));
  await settle();
  await (el as HTMLElement & { updateComplete?: Promise<unknown> }).updateComplete;
  await new Promise((r) => requestAnimationFrame(() => r(undefined)));
  return { wrap, el };
}

describe(`right-to-left layout at ${WIDTH} px, in Arabic`, function () {
  this.timeout(60_000);
  let bodyMargin = '';
  let checkedIds = 0;

  before(async () => {
    await setViewport({ width: WIDTH, height: 900 });
    bodyMargin = document.body.style.margin;
    document.body.style.margin = '0';
  });

  after(async () => {
    document.body.style.margin = bodyMargin;
    await setViewport({ width: 800, height: 600 });
  });

  for (const c of CASES) {
    it(`<xs-${c.name}> lays out mirrored, inside 360 px, and is screenshotted`, async () => {
      // LTR reference first (same language and content, only the direction differs).
      const ltr = await mount(c, 'ltr');
      const ltrBox = ltr.wrap.getBoundingClientRect();
      const ltrBoxes = mirrorables(ltr.el).map((e) => ({ name: label(e), r: e.getBoundingClientRect() }));
      const ltrLines = titles(ltr.el).map((h) => firstLine(h));
      ltr.wrap.remove();

      const { wrap, el } = await mount(c, 'rtl');
      expect(directionOf(el)).to.equal('rtl');
      const box = wrap.getBoundingClientRect();
      expect(box.width).to.equal(WIDTH);

      // Nothing overflows horizontally.
      expect(document.scrollingElement!.scrollWidth, 'the page does not scroll sideways').to.be.at.most(WIDTH);
      const outside = deep(root(el))
        .filter(visible)
        .filter((e) => {
          const r = e.getBoundingClientRect();
          return r.right > box.right + 0.5 || r.left < box.left - 0.5;
        })
        .map(label);
      expect(outside, 'boxes outside the 360 px container').to.deep.equal([]);
      for (const e of deep(root(el)).filter(visible)) {
        if (getComputedStyle(e).overflowX === 'visible') continue;
        expect((e as HTMLElement).scrollWidth, `${label(e)} scrolls sideways`).to.be.at.most((e as HTMLElement).clientWidth + 1);
      }

      // Mirrored: each laid-out box's inset from the right in RTL is its inset from the left in LTR.
      const rtlBoxes = mirrorables(el).map((e) => ({ name: label(e), r: e.getBoundingClientRect() }));
      expect(rtlBoxes.map((b) => b.name), 'the same boxes in both directions').to.deep.equal(ltrBoxes.map((b) => b.name));
      expect(rtlBoxes.length, 'boxes to compare').to.be.greaterThan(2);
      const unmirrored = rtlBoxes
        .map((b, i) => ({ b, l: ltrBoxes[i] }))
        .filter(({ b, l }) => Math.abs(box.right - b.r.right - (l.r.left - ltrBox.left)) > TOLERANCE || Math.abs(b.r.width - l.r.width) > TOLERANCE)
        .map(({ b, l }) => `${b.name}: RTL ${(box.right - b.r.right).toFixed(1)} from the right, LTR ${(l.r.left - ltrBox.left).toFixed(1)} from the left`);
      expect(unmirrored, 'boxes not at their mirrored place').to.deep.equal([]);

      // Headings (labels where there are none) start at the right (their start side), where the LTR ones start at the left.
      const headings = titles(el);
      expect(headings.length, 'a heading or label').to.be.greaterThan(0);
      headings.forEach((h, i) => {
        const line = firstLine(h)!;
        const hr = h.getBoundingClientRect();
        const padRight = parseFloat(getComputedStyle(h).paddingRight);
        expect(hr.right - padRight - line.right, `${label(h)}: text starts at the right`).to.be.within(-TOLERANCE, TOLERANCE);
        const l = ltrLines[i];
        if (l) expect(box.right - line.right, `${label(h)}: mirrored text start`).to.be.closeTo(l.left - ltrBox.left, TOLERANCE);
      });

      // Action rows run from the start: the first button of a line is the rightmost.
      for (const row of deep(root(el)).filter((e) => e.classList.contains('row') && visible(e))) {
        const buttons = [...row.querySelectorAll(':scope > button')].filter(visible).map((b) => ({ b, r: b.getBoundingClientRect() }));
        for (let i = 1; i < buttons.length; i++) {
          if (Math.abs(buttons[i].r.top - buttons[i - 1].r.top) > 2) continue; // wrapped to the next line
          expect(buttons[i].r.right, `${label(buttons[i].b)} left of ${label(buttons[i - 1].b)}`).to.be.lessThan(buttons[i - 1].r.left + 0.5);
        }
        const primary = buttons.find(({ b }) => b.classList.contains('primary'));
        if (primary && primary === buttons[0]) {
          const sameLine = buttons.filter(({ r }) => Math.abs(r.top - primary.r.top) <= 2);
          expect(Math.max(...sameLine.map(({ r }) => r.right)), 'the primary button is at the start (right)').to.equal(primary.r.right);
        }
      }

      // User ids read left to right inside RTL text ("@omar:example.org", not "omar:example.org@").
      for (const id of deep(root(el)).filter((e) => e.localName === 'bdi' && /^@\w+:/.test(e.textContent.trim()) && visible(e))) {
        const text = id.textContent.trim();
        const [at, name] = rangeRects(textNode(id, text), ['@', text.slice(1, text.indexOf(':'))]);
        if (Math.abs(at.top - name.top) < 2) expect(at.right, `${text}: "@" before the name`).to.be.at.most(name.left + 0.5);
        checkedIds++;
      }
      // No glyph that points a direction (it would point the wrong way here): arrows in text would need flipping.
      expect(deep(root(el)).map((e) => e.shadowRoot ? '' : e.textContent).join(' ')).not.to.match(/[←→⇐⇒⟵⟶➔➜‹›]/);

      await c.extra?.(el);

      // The record: the browser's own rendering of the element at 360 px.
      const shot = await executeServerCommand<{ file: string; base64: string }, { name: string; clip: Record<string, number> }>('xs-screenshot', {
        name: `rtl-360-ar-${c.name}`,
        clip: { x: box.left + window.scrollX, y: box.top + window.scrollY, width: WIDTH, height: Math.ceil(box.height) },
      });
      const image = await createImageBitmap(await (await fetch(`data:image/png;base64,${shot.base64}`)).blob());
      expect(image.width, 'screenshot width (device pixels)').to.equal(Math.round(WIDTH * devicePixelRatio));
      // The picture agrees with the layout: the ink of the first heading's first line spans where the DOM says its
      // text is — at the right — and nowhere left of it.
      const line = firstLine(headings[0])!;
      const hBox = headings[0].getBoundingClientRect();
      const canvas = new OffscreenCanvas(image.width, image.height);
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(image, 0, 0);
      const dpr = devicePixelRatio;
      const y0 = Math.max(0, Math.floor((line.top - box.top) * dpr));
      const rows = Math.max(1, Math.min(Math.floor((line.bottom - line.top) * dpr), image.height - y0));
      // Only the heading's own box: the element's border (a coloured bar on the start side) is not text.
      const x0 = Math.max(0, Math.floor((hBox.left - box.left) * dpr));
      const cols = Math.max(1, Math.min(Math.ceil(hBox.width * dpr), image.width - x0));
      const pixels = ctx.getImageData(x0, y0, cols, rows).data;
      let minX = Infinity;
      let maxX = -Infinity;
      for (let i = 0; i < pixels.length; i += 4) {
        if (pixels[i] + pixels[i + 1] + pixels[i + 2] >= 300) continue; // not dark: no text ink
        const x = x0 + ((i / 4) % cols);
        minX = Math.min(minX, x);
        maxX = Math.max(maxX, x);
      }
      const slack = 4 * dpr;
      expect(maxX, `${shot.file}: ink of the heading found`).to.be.greaterThan(-1);
      expect(maxX / dpr, `${shot.file}: the heading's ink ends at its right edge`).to.be.closeTo(line.right - box.left, slack);
      expect(minX / dpr, `${shot.file}: no heading ink left of its text`).to.be.at.least(line.left - box.left - slack);
    });
  }

  it('user ids were found and checked in the elements above', () => {
    expect(checkedIds).to.be.greaterThan(0);
  });
});
