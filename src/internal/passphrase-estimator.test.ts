// The passphrase-strength estimator: weak things stay weak in every language, and a passphrase of random words is
// not called weak because its words are not English (docs/passphrase-strength.md).
import { expect } from '@open-wc/testing';
import { registerTranslation } from '../i18n/registry.js';
import { KEYBOARD_GRAPHS, TOP_PASSWORDS } from './passphrase-data.js';
import { estimatePassphrase, estimateStrength } from './passphrase-strength.js';

const USER_ID = '@alice:example.org';

async function rate(value: string, userInputs: string[] = [USER_ID]) {
  return estimateStrength(value, userInputs);
}

describe('passphrase strength estimator', () => {
  it('weak things stay weak (0–1: "Very weak" or "Weak"), in every language and on every keyboard', async () => {
    const weak = ['password1', '123456789', 'qwertzuiop', 'azertyuiop', 'qwertyuiop', 'aaaaaaaaaa', USER_ID, 'alice2024',
      'P@ssw0rd!', 'passwort123', 'iloveyou', '01.02.1990', 'zxcvbnm,./', 'hallo1234', 'azerty123', '哈哈哈哈哈哈哈哈', '123456789abc'];
    for (const value of weak) {
      const v = await rate(value);
      expect(v.score, `${value} (10^${v.guessesLog10.toFixed(1)})`).to.be.at.most(1);
    }
  });

  it('says why: a keyboard row, a repeat, a much used password, the user id, a single word', async () => {
    expect((await rate('qwertzuiop')).warning).to.equal('keyboard');
    expect((await rate('aaaaaaaaaa')).warning).to.equal('repeat');
    expect((await rate('password1')).warning).to.equal('common');
    expect((await rate(USER_ID)).warning).to.equal('userInputs');
    expect((await rate('Schmetterling')).warning).to.equal('singleWord');
    expect((await rate('password1')).suggestions).to.include('moreWords');
    expect((await rate('correct violet harbour tractor')).warning, 'no warning for a strong one').to.equal(undefined);
  });

  it('a single word is not enough (below "Strong") in any language, long ones too', async () => {
    for (const word of ['butterfly', 'Schmetterling', 'papillon', 'mariposa', 'бабочка', 'فراشة', 'פרפר', '蝴蝶', '나비', 'Geburtstagskuchen', 'anticonstitutionnel']) {
      const v = await rate(word);
      expect(v.score, `${word} (10^${v.guessesLog10.toFixed(1)})`).to.be.below(3);
    }
  });

  it('four random words are strong in every language, not only in English', async () => {
    const phrases = {
      en: 'correct violet harbour tractor',
      de: 'Apfelbaum Wolke Treppe Segelboot',
      fr: 'pomme nuage escalier voilier',
      es: 'manzana nube escalera velero',
      ru: 'яблоко облако лестница парус',
      ar: 'تفاحة سحابة درج مركب',
      he: 'תפוח ענן מדרגות סירה',
      zh: '苹果云朵楼梯帆船',
      ko: '사과 구름 계단 돛단배',
      hi: 'सेब बादल सीढ़ी नाव',
    };
    const logs: Record<string, number> = {};
    for (const [lang, phrase] of Object.entries(phrases)) {
      const v = await rate(phrase);
      logs[lang] = v.guessesLog10;
      expect(v.score, `${lang}: ${phrase} (10^${v.guessesLog10.toFixed(1)})`).to.equal(4);
    }
    console.log(`[timing] four-word phrases, log10 guesses: ${JSON.stringify(Object.fromEntries(Object.entries(logs).map(([k, v]) => [k, +v.toFixed(1)])))}`);
  });

  it('two words are at least fair, three words strong (a language does not change that)', async () => {
    for (const two of ['Wolke Treppe', 'nuage escalier', 'سحابة درج', 'cloud stairs']) expect((await rate(two)).score, two).to.be.at.least(2);
    for (const three of ['Wolke Treppe Segelboot', 'nuage escalier voilier', 'سحابة درج مركب', 'cloud stairs sailboat']) {
      expect((await rate(three)).score, three).to.be.at.least(3);
    }
  });

  it('the user id and the server name count as known words', async () => {
    const phrase = 'quixoticzebragrumblefjord';
    const without = await rate(phrase, []);
    const withInputs = await rate(phrase, ['@quixoticzebra:grumblefjord.example']);
    expect(without.score).to.be.at.least(3);
    expect(withInputs.score).to.be.at.most(1);
    expect(withInputs.warning).to.equal('userInputs');
  });

  it('estimatePassphrase() words its advice in the language asked for (registered translations), English by default', async () => {
    registerTranslation('x-estimator-test', { 'newPassphrase.warnKeyboard': 'TASTATUR', 'newPassphrase.suggestMoreWords': 'MEHR' });
    const en = await estimatePassphrase('qwertzuiop');
    expect(en.score).to.be.at.most(1);
    expect(en.warning).to.equal('Rows and shapes of keys on a keyboard are easy to guess.');
    const other = await estimatePassphrase('qwertzuiop', [], 'x-estimator-test');
    expect(other.warning).to.equal('TASTATUR');
    expect(other.suggestions).to.include('MEHR');
  });

  it('its data is the top of @zxcvbn-ts/language-common (scripts/gen-passphrase-data.mjs is current)', async () => {
    const base = '/node_modules/@zxcvbn-ts/language-common/src';
    const passwords = (await (await fetch(`${base}/passwords.json`)).json()) as string[];
    const graphs = (await (await fetch(`${base}/adjacencyGraphs.json`)).json()) as unknown;
    const ours = TOP_PASSWORDS.split('\n');
    expect(ours.length).to.equal(5000);
    expect(ours).to.deep.equal(passwords.slice(0, ours.length));
    expect(KEYBOARD_GRAPHS).to.deep.equal(graphs);
    expect(Object.keys(KEYBOARD_GRAPHS)).to.include.members(['qwerty', 'qwertz', 'azerty', 'dvorak']);
  });
});
