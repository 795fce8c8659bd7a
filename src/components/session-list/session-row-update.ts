// Bringing a row of <xs-session-list> up to date when what it shows changed after it was built (a rename, a trust or
// activity change, another language): loaded with the list's later parts (session-actions.ts); the first render only
// builds rows (session-row.ts).
import { clientLine, setAttr, setClient, setName, setText, type RowElement, type RowTexts, type RowValues } from './session-row.js';

/** Brings `li` (made by `createRow` for the same device) up to `v` and `t`: sets only what differs. */
export function updateRow(li: RowElement, v: RowValues, t: RowTexts): void {
  const input = li.firstElementChild as HTMLInputElement;
  if (input.checked !== v.checked) input.checked = v.checked;
  setAttr(input, 'aria-label', v.selectLabel);
  const body = input.nextElementSibling!;
  const name = body.firstElementChild!;
  const bdi = name.firstElementChild!;
  setAttr(bdi, 'class', v.unnamed ? 'unnamed' : '');
  setName(bdi, v.name, t.invisibleChars);
  const badge = name.nextElementSibling!;
  setAttr(badge, 'class', v.trustClass);
  setText(badge, v.trustLabel);
  const inactive = badge.nextElementSibling as HTMLElement;
  if (inactive.hidden === v.inactive) inactive.hidden = !v.inactive;
  setText(inactive, t.inactive);
  let meta = inactive.nextElementSibling!;
  if (meta.classList.contains('client')) {
    setClient(meta as HTMLElement, v);
    meta = meta.nextElementSibling!;
  } else if (v.clientText) {
    const line = clientLine();
    setClient(line, v);
    meta.before(line);
  }
  const seen = meta.firstElementChild!;
  setAttr(seen, 'title', v.title);
  setText(seen, v.activity);
  const ip = seen.nextElementSibling as HTMLElement;
  if (ip.hidden === !!v.ip) ip.hidden = !v.ip;
  setText(ip, v.ip);
  const actions = meta.nextElementSibling!;
  const details = actions.firstElementChild!;
  setAttr(details, 'aria-expanded', v.expanded ? 'true' : 'false');
  setText(details, t.details);
  const rename = details.nextElementSibling!;
  setText(rename, t.rename);
  const verify = rename.nextElementSibling as HTMLElement;
  if (verify.hidden === v.canVerify) verify.hidden = !v.canVerify;
  setText(verify, t.verify);
  setText(verify.nextElementSibling!, t.signOut);
}
