// The UI languages the kit ships (src/i18n/locales/) against the English source of every element: each fails here
// when it misses a key, has one the source doesn't, or breaks a placeholder. (The SAS emoji names come from the
// specification instead: sas-tables.test.ts.)
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../define/xs-status.js';
// The English source: every src/**/*.strings.ts (some load lazily with their view, so list them all here).
import '../components/auth-prompt/auth-prompt.strings.js';
import '../components/key-storage/key-storage.steps.strings.js';
import '../components/key-storage/key-storage.strings.js';
import '../components/key-transfer/key-transfer.strings.js';
import '../components/new-passphrase/new-passphrase.strength.strings.js';
import '../components/key-transfer/key-transfer-steps.strings.js';
import '../components/new-passphrase/new-passphrase.strings.js';
import '../components/room-trust/room-trust.more.strings.js';
import '../components/room-trust/room-trust.strings.js';
import '../components/session-list/session-actions.strings.js';
import '../components/session-list/session-list.strings.js';
import '../components/setup-wizard/setup-wizard.steps.strings.js';
import '../components/setup-wizard/setup-wizard.strings.js';
import '../components/status/status.details.strings.js';
import '../components/status/status.strings.js';
import '../components/verification-requests/verification-requests.rows.strings.js';
import '../components/verification-requests/verification-requests.strings.js';
import '../components/verify-login/verify-login-key.strings.js';
import '../components/verify-login/verify-login-steps.strings.js';
import '../components/verify-login/verify-login.strings.js';
import '../components/verify-user/verify-user-steps.strings.js';
import '../components/verify-user/verify-user.strings.js';
import './errors.strings.js';
import './verification-cancel.strings.js';
import { checkTranslation, describeProblems } from '../../test/support/translation-check.js';
import { SHIPPED_LANGUAGES } from './locales/index.js';
import { plural } from './plural.js';
import { sourceTerms, type Term } from './registry.js';

const source = () => new Map([...sourceTerms()].filter(([k]) => !k.startsWith('sas-emoji.')));

describe('shipped UI languages are complete', () => {
  it('the check finds missing and extra keys and broken placeholders', () => {
    const en = new Map<string, Term>([
      ['a.plain', 'Hello'],
      ['a.named', 'Check with {name}.'],
      ['a.fn', (n: number, who: string) => `${n} for ${who}`],
      ['a.plural', (count: string, n: number) => plural(n, { one: `${count} key`, other: `${count} keys` })],
      ['a.gone', 'Missing'],
    ]);
    const p = checkTranslation(en, {
      'a.plain': 'Hallo',
      'a.named': 'Frag {nam}.',
      'a.fn': (n: number) => `${n} für jemanden`,
      'a.plural': (count: string, n: number) => plural(n, { one: `${count} Schlüssel`, other: `${count} Schlüssel` }),
      'a.extra': 'Zu viel',
    });
    expect(p.missing).to.deep.equal(['a.gone']);
    expect(p.extra).to.deep.equal(['a.extra']);
    expect(p.placeholders).to.have.length(3);
    expect(p.placeholders.join('\n')).to.contain('a.named').and.contain('a.fn: takes 1 arguments, English 2').and.contain('a.fn: uses arguments [0], English [0,1]');
    expect(describeProblems('de', p)).to.contain('de: 1 missing keys:\n  a.gone');
  });

  it('ships German and French', () => {
    expect(Object.keys(SHIPPED_LANGUAGES).sort()).to.deep.equal(['de', 'fr']);
  });

  it('an element in a shipped language speaks it from its first render, and switches live', async () => {
    const el = await fixture<HTMLElement>(html`<xs-status lang="fr-CA"></xs-status>`);
    const text = () => el.shadowRoot!.textContent.replace(/\s+/g, ' ');
    expect(text()).to.contain('Non connecté');
    el.setAttribute('lang', 'de');
    await waitUntil(() => text().includes('Nicht verbunden'), 'German after lang="de"');
    el.removeAttribute('lang');
    document.documentElement.setAttribute('lang', 'fr');
    await waitUntil(() => text().includes('Non connecté'), 'French from <html lang>');
    document.documentElement.setAttribute('lang', 'en');
    await waitUntil(() => text().includes('Not connected'), 'English again');
  });

  for (const [lang, load] of Object.entries(SHIPPED_LANGUAGES)) {
    it(`${lang}: every key of every element, none more, placeholders intact`, async () => {
      const terms = (await load()).default;
      const problems = checkTranslation(source(), terms);
      const message = describeProblems(lang, problems);
      expect(message, message).to.equal('');
    });
  }
});
