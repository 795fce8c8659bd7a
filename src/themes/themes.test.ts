// Every shared `--xs-color-*` token an element reads must be set by both bundled themes (light, and dark in its
// class and media-query blocks): a token only one theme knows falls back to a light-theme literal in dark mode
// (e.g. a near-white key box behind near-white text).
import { expect } from '@open-wc/testing';
import type { CSSResultGroup } from 'lit';
import '../define/xs-auth-prompt.js';
import '../define/xs-key-storage.js';
import '../define/xs-key-transfer.js';
import '../define/xs-new-passphrase.js';
import '../define/xs-room-trust.js';
import '../define/xs-session-list.js';
import '../define/xs-setup-wizard.js';
import '../define/xs-status.js';
import '../define/xs-verification-requests.js';
import '../define/xs-verify-login.js';
import '../define/xs-verify-user.js';
import { lateStyles } from '../../test/support/late-styles.js';

const TAGS = ['xs-auth-prompt', 'xs-key-storage', 'xs-key-transfer', 'xs-new-passphrase', 'xs-room-trust', 'xs-session-list', 'xs-setup-wizard', 'xs-status', 'xs-verification-requests', 'xs-verify-login', 'xs-verify-user'];

function cssText(group: CSSResultGroup | undefined): string {
  if (!group) return '';
  if (Array.isArray(group)) return group.map((g) => cssText(g)).join('\n');
  return (group as { cssText: string }).cssText;
}

/** Token names set in each block of a theme file that starts with `selector` (or inside the media query). */
function declared(text: string, selector: string): Set<string> {
  const at = text.indexOf(selector);
  expect(at, `${selector} block`).to.be.greaterThan(-1);
  const block = text.slice(at, text.indexOf('}', at));
  return new Set([...block.matchAll(/(--xs-[a-z0-9-]+)\s*:/g)].map((m) => m[1]));
}

describe('themes', () => {
  it('every shared colour token the elements read is set by the light and both dark theme blocks', async () => {
    const light = await (await fetch(new URL('./light.css', import.meta.url))).text();
    const dark = await (await fetch(new URL('./dark.css', import.meta.url))).text();
    const blocks = {
      light: declared(light, '.xs-theme-light'),
      dark: declared(dark, '.xs-theme-dark'),
      'dark (media query)': declared(dark, '.xs-theme-auto'),
    };
    const used = new Set<string>();
    for (const tag of TAGS) {
      const ctor = customElements.get(tag) as unknown as { styles?: CSSResultGroup } | undefined;
      expect(ctor, tag).to.exist;
      for (const m of cssText(ctor!.styles).matchAll(/var\((--xs-color-[a-z0-9-]+)/g)) used.add(m[1]);
    }
    for (const styles of Object.values(await lateStyles())) {
      for (const m of cssText(styles as CSSResultGroup).matchAll(/var\((--xs-color-[a-z0-9-]+)/g)) used.add(m[1]);
    }
    expect(used.size, 'colour tokens found').to.be.greaterThan(5);
    for (const [name, set] of Object.entries(blocks)) {
      expect([...used].filter((t) => !set.has(t)), `tokens the ${name} theme does not set`).to.deep.equal([]);
    }
  });
});

describe('themes: the global tokens in custom-elements.json', () => {
  it('documents every token of the light theme on the base class (inherited by every tag), with the same default', async () => {
    const light = await (await fetch(new URL('./light.css', import.meta.url))).text();
    const values = new Map([...light.matchAll(/(--xs-[a-z0-9-]+)\s*:\s*([^;]+);/g)].map((m) => [m[1], m[2].trim()]));
    const manifest = (await (await fetch(new URL('../../custom-elements.json', import.meta.url))).json()) as { modules: { declarations?: unknown[] }[] };
    const declarations = manifest.modules.flatMap((m) => m.declarations ?? []) as {
      name: string;
      tagName?: string;
      cssProperties?: { name: string; default?: string }[];
    }[];
    const base = declarations.find((d) => d.name === 'XsElement')!;
    const documented = new Map((base.cssProperties ?? []).map((p) => [p.name, p.default]));
    expect([...documented.keys()].sort()).to.deep.equal([...values.keys()].sort());
    for (const [name, value] of values) expect(documented.get(name), name).to.equal(value);
    for (const el of declarations.filter((d) => d.tagName && d.tagName !== 'xs-client-provider')) {
      const names = new Set((el.cssProperties ?? []).map((p) => p.name));
      expect([...values.keys()].filter((n) => !names.has(n)), `${el.tagName} lists the global tokens`).to.deep.equal([]);
    }
  });
});
