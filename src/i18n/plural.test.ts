import { expect } from '@open-wc/testing';
import { num, plural, pluralCategory } from './plural.js';
import { defineStrings, registerTranslation, translate } from './registry.js';

describe('plural rules (Intl.PluralRules), not English-shaped', () => {
  const cats = (lang: string, ns: number[]) => ns.map((n) => pluralCategory(lang, n));

  it('categories per language: en, de, fr (0 and 1 are `one`), ar, pl', () => {
    expect(cats('en', [0, 1, 2, 5])).to.deep.equal(['other', 'one', 'other', 'other']);
    expect(cats('de', [0, 1, 2, 5])).to.deep.equal(['other', 'one', 'other', 'other']);
    expect(cats('fr', [0, 1, 2, 5])).to.deep.equal(['one', 'one', 'other', 'other']);
    expect(cats('ar', [0, 1, 2, 3, 11, 100])).to.deep.equal(['zero', 'one', 'two', 'few', 'many', 'other']);
    expect(cats('pl', [1, 2, 5, 22, 25])).to.deep.equal(['one', 'few', 'many', 'few', 'many']);
  });

  const S = defineStrings('plural-probe', {
    sessions: (n: number) => plural(n, { one: `${num(n)} session`, other: `${num(n)} sessions` }),
  });

  it('a term picks its forms by the rules of the language it is written in', () => {
    registerTranslation('fr', { 'plural-probe.sessions': (n: number) => plural(n, { one: `${num(n)} session`, other: `${num(n)} sessions` }) });
    registerTranslation('pl', {
      'plural-probe.sessions': (n: number) => plural(n, { one: `${num(n)} sesja`, few: `${num(n)} sesje`, many: `${num(n)} sesji`, other: `${num(n)} sesji` }),
    });
    expect(translate('en', S, 'sessions', 0)).to.equal('0 sessions');
    expect(translate('fr', S, 'sessions', 0)).to.equal('0 session');
    expect(translate('fr-CA', S, 'sessions', 1)).to.equal('1 session');
    expect(translate('fr', S, 'sessions', 2)).to.equal('2 sessions');
    expect([1, 2, 5, 22].map((n) => translate('pl', S, 'sessions', n))).to.deep.equal(['1 sesja', '2 sesje', '5 sesji', '22 sesje']);
    // A language without the term falls back to English — with English rules, not Polish or French ones.
    expect(translate('ja', S, 'sessions', 0)).to.equal('0 sessions');
  });

  it('numbers in terms are formatted for the requested language (and region)', () => {
    registerTranslation('de', { 'plural-probe.sessions': (n: number) => plural(n, { one: `${num(n)} Sitzung`, other: `${num(n)} Sitzungen` }) });
    expect(translate('de', S, 'sessions', 12345)).to.equal('12.345 Sitzungen');
    expect(translate('de-CH', S, 'sessions', 12345)).to.equal(`${new Intl.NumberFormat('de-CH').format(12345)} Sitzungen`);
    expect(translate('de-CH', S, 'sessions', 12345)).to.not.equal('12.345 Sitzungen');
    expect(translate('en', S, 'sessions', 12345)).to.equal('12,345 sessions');
  });
});
