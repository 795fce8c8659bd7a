import { expect } from '@open-wc/testing';
import { registerTranslation } from './registry.js';
import { SAS_EMOJI_DESCRIPTIONS, loadSasNames, sasEmojiName, sasLanguageOf, sasNamesReady } from './sas-emoji.strings.js';

describe('SAS emoji names per language', () => {
  it('maps BCP 47 tags to the specification’s tables (aliases, case, `_`, region and script fallback)', () => {
    const table: Record<string, string | undefined> = {
      // Norwegian Bokmål: the spec's nb_NO
      nb: 'nb-NO', no: 'nb-NO', 'nb-NO': 'nb-NO', NB_no: 'nb-NO', 'no-NO': 'nb-NO', nn: undefined,
      // Portuguese: pt_BR for Brazil, the spec's pt for the rest
      'pt-BR': 'pt-BR', pt_br: 'pt-BR', pt: 'pt', 'pt-PT': 'pt', 'pt-AO': 'pt',
      // Chinese: simplified and traditional
      zh: 'zh-Hans', 'zh-CN': 'zh-Hans', 'zh-SG': 'zh-Hans', 'zh-Hans': 'zh-Hans', 'zh-Hans-CN': 'zh-Hans',
      'zh-TW': 'zh-Hant', 'zh-HK': 'zh-Hant', 'zh-MO': 'zh-Hant', 'zh-Hant': 'zh-Hant', 'zh-Hant-TW': 'zh-Hant', zh_Hant: 'zh-Hant',
      // The rest by language code, any region
      de: 'de', 'de-AT': 'de', 'DE-ch': 'de', fr: 'fr', 'fr-CA': 'fr', ar: 'ar', 'ar-EG': 'ar', ja: 'ja', uk: 'uk', 'es-419': 'es',
      sr: 'sr', 'sr-Cyrl': 'sr', 'sr-Latn': undefined,
      // English, and languages the spec translates incompletely (si, sq, tzm, szl) or not at all: English names
      en: undefined, 'en-GB': undefined, si: undefined, sq: undefined, tzm: undefined, szl: undefined, ko: undefined, '': undefined,
    };
    for (const [tag, want] of Object.entries(table)) expect(sasLanguageOf(tag), tag).to.equal(want);
  });

  it('English until the language’s table is loaded, then all 64 names in that language', async () => {
    expect(sasEmojiName('de-AT', 'Dog')).to.equal('Dog');
    expect(sasNamesReady('de-AT')).to.equal(false);
    await loadSasNames('de-AT');
    expect(sasNamesReady('de')).to.equal(true);
    expect(sasEmojiName('de-AT', 'Dog')).to.equal('Hund');
    expect(sasEmojiName('de', 'Thumbs Up')).to.equal('Daumen Hoch');
    const names = SAS_EMOJI_DESCRIPTIONS.map((d) => sasEmojiName('de', d));
    // (Four German names are the English words.)
    expect(names.filter((n, i) => n === SAS_EMOJI_DESCRIPTIONS[i])).to.deep.equal(['Panda', 'Pizza', 'Hammer', 'Ball']);
    await loadSasNames('zh-TW');
    await loadSasNames('zh-CN');
    expect(sasEmojiName('zh-TW', 'Santa')).to.not.equal(sasEmojiName('zh-CN', 'Santa'));
    expect(sasEmojiName('fr', 'Dog')).to.equal('Dog');
    await loadSasNames('fr');
    expect(sasEmojiName('fr-CA', 'Dog')).to.equal('Chien');
  });

  it('a language without a complete table shows English names, never a mix', async () => {
    expect(loadSasNames('sq')).to.equal(undefined);
    expect(SAS_EMOJI_DESCRIPTIONS.map((d) => sasEmojiName('sq', d))).to.deep.equal([...SAS_EMOJI_DESCRIPTIONS]);
    // A host's incomplete set is ignored…
    registerTranslation('sq', { 'sas-emoji.Dog': 'Qen' });
    expect(sasEmojiName('sq', 'Dog')).to.equal('Dog');
    // …a complete one is used (and wins over the specification's table).
    registerTranslation('sq', Object.fromEntries(SAS_EMOJI_DESCRIPTIONS.map((d) => [`sas-emoji.${d}`, `${d} (sq)`])));
    expect(sasEmojiName('sq-AL', 'Dog')).to.equal('Dog (sq)');
    expect(sasEmojiName('sq', 'Pin')).to.equal('Pin (sq)');
    // Unknown descriptions are shown as given.
    expect(sasEmojiName('de', 'Not an emoji')).to.equal('Not an emoji');
  });
});
