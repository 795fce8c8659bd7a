import { expect } from '@open-wc/testing';
import { hasInvisible, splitUntrusted } from './untrusted-text.js';

describe('untrusted text', () => {
  it('shows bidi overrides, zero-width and control characters by code point', () => {
    expect(splitUntrusted('abc\u202Egpj.exe')).to.deep.equal([{ text: 'abc' }, { hidden: '\u202E', codePoint: 'U+202E' }, { text: 'gpj.exe' }]);
    expect(splitUntrusted('a\u200Bb\u200C\u2066\uFEFF\n')).to.deep.equal([
      { text: 'a' }, { hidden: '\u200B', codePoint: 'U+200B' }, { text: 'b' }, { hidden: '\u200C', codePoint: 'U+200C' },
      { hidden: '\u2066', codePoint: 'U+2066' }, { hidden: '\uFEFF', codePoint: 'U+FEFF' }, { hidden: '\n', codePoint: 'U+000A' },
    ]);
    expect(hasInvisible('plain <img src=x>')).to.equal(false);
  });

  it('keeps the joiner inside emoji sequences and leaves other scripts alone', () => {
    const family = '👩\u200D👩\u200D👧 phone';
    expect(splitUntrusted(family)).to.deep.equal([{ text: family }]);
    expect(splitUntrusted('هاتف علي')).to.deep.equal([{ text: 'هاتف علي' }]);
    expect(hasInvisible('a\u200Db')).to.equal(true);
  });
});
