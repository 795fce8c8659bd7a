// Right-to-left: every element's CSS is written with logical properties, so one stylesheet lays out LTR and RTL
// pages. This scans the styles each registered element adopts (its own and the shared ones) for physical
// properties; the layout itself is checked at 360 px in Arabic by test/unit/rtl-layout.test.ts.
import { expect } from '@open-wc/testing';
import type { CSSResultOrNative } from 'lit';
import '../define/xs-auth-prompt.js';
import '../define/xs-client-provider.js';
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
import { physicalCss } from '../../test/support/logical-css.js';

const TAGS = [
  'xs-auth-prompt', 'xs-client-provider', 'xs-key-storage', 'xs-key-transfer', 'xs-new-passphrase', 'xs-room-trust',
  'xs-session-list', 'xs-setup-wizard', 'xs-status', 'xs-verification-requests', 'xs-verify-login', 'xs-verify-user',
] as const;

function cssTextOf(style: CSSResultOrNative): string {
  if (style instanceof CSSStyleSheet) return Array.from(style.cssRules, (r) => r.cssText).join('\n');
  return style.cssText;
}

describe('logical CSS (right-to-left)', () => {
  it('the scanner finds physical properties, values and one-sided shorthands (so the check below can fail)', () => {
    const bad = [
      '.a { margin-left: 1rem; }',
      '.b { padding-right: 2px; }',
      '.c { position: absolute; left: 0; }',
      '.d { text-align: right; }',
      '.e { border-left: 4px solid red; }',
      '.f { margin: 0 0 0 1rem; }',
      '.g { border-top-left-radius: 4px; }',
      '.h { float: left; }',
      '.i { transform: translateX(4px); }',
      '@layer x { .j { padding: 1px 2px 3px 4px; } }',
      '.k { margin-top: 1px; }',
      '.l { border-radius: 4px 0 0 4px; }',
    ];
    for (const css of bad) expect(physicalCss(css), css).to.not.be.empty;
    const good = [
      '.a { margin-inline-start: 1rem; padding-inline-end: 2px; }',
      '.c { position: absolute; inset-inline-start: 0; inset-block-start: 0; }',
      '.d { text-align: start; border-inline-start: 4px solid red; }',
      '.f { margin: 0 1rem; padding: 1px 2px 3px; border-radius: 4px; }',
      ':host(:dir(rtl)) .icon { transform: scale(-1, 1); }',
      'h2:focus { outline: none; } button:focus-visible { outline-offset: 2px; }',
      '.g { border-start-start-radius: 4px; justify-content: space-between; }',
    ];
    for (const css of good) expect(physicalCss(css), css).to.deep.equal([]);
  });

  for (const tag of TAGS) {
    it(`<${tag}> adopts no physical CSS`, () => {
      const ctor: (CustomElementConstructor & { elementStyles?: CSSResultOrNative[] }) | undefined = customElements.get(tag);
      expect(ctor, tag).to.exist;
      const styles = ctor!.elementStyles ?? [];
      expect(styles.length, `${tag} has styles`).to.be.greaterThan(0);
      const findings = styles.flatMap((s) => physicalCss(cssTextOf(s)));
      expect(findings.map((f) => `${f.problem}: ${f.where}`), tag).to.deep.equal([]);
    });
  }

  it('the styles adopted with lazily loaded parts have no physical CSS', async () => {
    const late = await lateStyles();
    expect(Object.keys(late)).to.not.be.empty;
    for (const [from, styles] of Object.entries(late)) {
      const findings = styles.flatMap((s) => physicalCss(cssTextOf(s)));
      expect(findings.map((f) => `${f.problem}: ${f.where}`), from).to.deep.equal([]);
    }
  });
});
