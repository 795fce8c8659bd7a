import { html, render } from 'lit';
import type { TextPart } from '../../internal/untrusted-text.js';

/**
 * The `<li>` of one session in `<xs-session-list>`, built without a template engine per row: a prototype row is
 * rendered once per set of texts from a Lit template without bindings, each row is a deep clone of it, and its values
 * are set with `textContent`, `setAttribute` and properties. Text from the server (names, IPs, device ids) is only ever
 * set as text. The markup (shown indented here; the prototype has no whitespace between elements):
 *
 * ```html
 * <li part="session" class="session" data-device data-id="K">
 *   <input type="checkbox" aria-label="Select NAME">
 *   <div>
 *     <span class="name" id="n-K"><bdi class="">NAME</bdi></span><span class="badge verified">Verified</span><span class="badge inactive" hidden>Inactive</span>
 *     <div class="client" data-kind="browser"><svg role="img" aria-label="Web browser" …><path d="…"/></svg><span>Chrome on Linux</span></div>
 *       (only in rows whose session reports a user agent: added when first needed, so lists without agents stay as small)
 *     <div class="meta"><span title="FULL DATE">Last activity …</span><span> · IP …</span><span class="mono"> · DEVICE</span></div>
 *     <div class="actions" role="group" aria-labelledby="n-K">
 *       <button type="button" part="action" data-action="details" aria-expanded="false">Details</button>
 *       <button type="button" part="action" data-action="rename">Rename</button>
 *       <button type="button" part="action" data-action="verify" hidden>Verify</button>
 *       <button type="button" part="action" data-action="sign-out">Sign out</button>
 *     </div>
 *   </div>
 *   (details, rename form and notes: rendered by the list at the end of the row when shown)
 * </li>
 * ```
 *
 * Filling a new row touches only the nodes whose values differ from the prototype's, so a long list creates
 * few JS wrappers and little garbage (a collection landing in a slice would make it a long task). Bringing a row up to
 * date when what it shows changed comes later (session-row-update.ts), with the list's later parts.
 */

/** Texts every row shows, in the render's language. */
export interface RowTexts {
  details: string;
  rename: string;
  verify: string;
  signOut: string;
  inactive: string;
  /** Tooltip of an invisible character shown by its code point. */
  invisibleChars: string;
}

/** The device kind's icon (stroked 16 × 16 outlines): a browser window, a monitor, a phone. */
export const DEVICE_ICONS = {
  browser: 'M1.5 2.5h13v11h-13z M1.5 5.5h13 M3.5 4h1',
  desktop: 'M1.5 2.5h13v8h-13z M5.5 13.5h5 M8 10.5v3',
  mobile: 'M4.5 1.5h7v13h-7z M7 12.5h2',
} as const;
export type DeviceIconKind = keyof typeof DEVICE_ICONS;

/** What one row shows (one object is reused for every row: it is read by `fillRow` only). */
export interface RowValues {
  /** Short stable key of the device id, for element ids. */
  key: number;
  deviceId: string;
  /** The name: plain text, or pieces with invisible characters shown by code point. */
  name: string | TextPart[];
  unnamed: boolean;
  selectLabel: string;
  checked: boolean;
  trustClass: string;
  trustLabel: string;
  inactive: boolean;
  /** Full date of the last activity (tooltip), or ''. */
  title: string;
  activity: string;
  /** ' · IP …', or '' when unknown (then hidden). */
  ip: string;
  expanded: boolean;
  canVerify: boolean;
  /** The device kind read from the user agent ('' when unknown or none: no icon). */
  clientKind: DeviceIconKind | '';
  /** Its name for assistive technology ("Web browser"). */
  clientKindLabel: string;
  /** "Chrome on Linux", or an unknown agent as plain text, or '' (the line is hidden). */
  clientText: string;
}

/** A row element; `deviceId` is read by the list's event handlers. */
export type RowElement = HTMLLIElement & { deviceId?: string };

/** The prototypes of a row and of its client line, for one set of texts (`key`). */
let prototypes: { key: string; li: RowElement; client: HTMLElement } | undefined;

function prototypeRow(t: RowTexts, key: string): RowElement {
  if (prototypes?.key !== key) {
    // Lit's markers stay in the prototype's texts as comments (clones carry them; they render nothing).
    const f = document.createDocumentFragment();
    render(html`<li part="session" class="session" data-device><input type="checkbox"><div><span class="name"><bdi class=""></bdi></span><span></span><span class="badge inactive" hidden>${t.inactive}</span><div class="meta"><span></span><span></span><span class="mono"> · </span></div><div class="actions" role="group"><button type="button" part="action" data-action="details" aria-expanded="false">${t.details}</button><button type="button" part="action" data-action="rename">${t.rename}</button><button type="button" part="action" data-action="verify" hidden>${t.verify}</button><button type="button" part="action" data-action="sign-out">${t.signOut}</button></div></div></li><div class="client" hidden><svg viewBox="0 0 16 16" width="16" height="16" fill="none" stroke="currentColor" stroke-width="1.3" role="img" aria-label=${''} class="device-icon"><path/></svg><span></span></div>`, f);
    const li = f.firstElementChild as RowElement;
    prototypes = { key, li, client: li.nextElementSibling as HTMLElement };
  }
  return prototypes.li;
}

/** The line naming the device kind and client: an icon (hidden without a kind) and the text. Hidden without text. */
export function clientLine(): HTMLElement {
  return prototypes!.client.cloneNode(true) as HTMLElement;
}

/** Sets the client line (see `clientLine`): only attributes and text, from the kit's own icon table. */
export function setClient(line: HTMLElement, v: RowValues) {
  if (line.hidden === !!v.clientText) line.hidden = !v.clientText;
  const svg = line.firstElementChild as SVGElement;
  const icon = v.clientKind ? DEVICE_ICONS[v.clientKind] : '';
  setAttr(line, 'data-kind', v.clientKind || 'unknown');
  if (svg.style.display !== (icon ? '' : 'none')) svg.style.display = icon ? '' : 'none';
  setAttr(svg.firstElementChild!, 'd', icon);
  setAttr(svg, 'aria-label', v.clientKindLabel);
  if (icon) svg.removeAttribute('aria-hidden');
  else svg.setAttribute('aria-hidden', 'true');
  setText(line.lastElementChild!, v.clientText);
}

export function setText(e: Element, v: string) {
  if (e.textContent !== v) e.textContent = v;
}

export function setAttr(e: Element, name: string, v: string) {
  if (e.getAttribute(name) !== v) e.setAttribute(name, v);
}

export function setName(bdi: Element, name: string | TextPart[], invisibleChars: string) {
  if (typeof name === 'string') {
    setText(bdi, name);
    return;
  }
  const doc = bdi.ownerDocument;
  bdi.replaceChildren(...name.map((p) => {
    if ('text' in p) return doc.createTextNode(p.text);
    const s = doc.createElement('span');
    s.className = 'hidden-char';
    s.title = invisibleChars;
    s.textContent = p.codePoint;
    return s;
  }));
}

/** A new row showing `v`, in texts `t` (`key` changes with them). */
export function createRow(v: RowValues, t: RowTexts, textsKey: string): RowElement {
  const li = prototypeRow(t, textsKey).cloneNode(true) as RowElement;
  const key = String(v.key);
  const nameId = `n-${key}`;
  li.deviceId = v.deviceId;
  li.setAttribute('data-id', key);
  const input = li.firstElementChild as HTMLInputElement;
  if (v.checked) input.checked = true;
  input.setAttribute('aria-label', v.selectLabel);
  const body = input.nextElementSibling!;
  const name = body.firstElementChild!;
  name.id = nameId;
  const bdi = name.firstElementChild!;
  if (v.unnamed) bdi.className = 'unnamed';
  if (typeof v.name === 'string') bdi.textContent = v.name;
  else setName(bdi, v.name, t.invisibleChars);
  const badge = name.nextElementSibling!;
  badge.className = v.trustClass;
  badge.textContent = v.trustLabel;
  if (v.inactive) (badge.nextElementSibling as HTMLElement).hidden = false;
  const actions = body.lastElementChild!;
  if (v.clientText) {
    const line = clientLine();
    setClient(line, v);
    body.insertBefore(line, actions.previousElementSibling);
  }
  actions.setAttribute('aria-labelledby', nameId);
  if (v.expanded) actions.firstElementChild!.setAttribute('aria-expanded', 'true');
  if (v.canVerify) (actions.lastElementChild!.previousElementSibling as HTMLElement).hidden = false;
  const meta = actions.previousElementSibling!;
  const seen = meta.firstElementChild!;
  seen.setAttribute('title', v.title);
  seen.textContent = v.activity;
  const ip = seen.nextElementSibling as HTMLElement;
  if (v.ip) ip.textContent = v.ip;
  else ip.hidden = true;
  meta.lastElementChild!.append(v.deviceId);
  return li;
}
