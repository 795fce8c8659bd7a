import { expect } from '@open-wc/testing';
import { encodeRecoveryKey } from 'matrix-js-sdk/lib/crypto-api/recovery-key.js';
import { KEY_LENGTH, compactKeyText, keyTextShape, sameKeyText } from './recovery-key-text.js';
import { sameRecoveryKey } from './setup-commit.js';
import { MAX_PHRASE_ITERATIONS, MIN_PHRASE_ITERATIONS, checkPhraseParams, recoveryPortFor, MalformedKeyError } from './recovery-key.js';
import type { MatrixClient } from 'matrix-js-sdk';

const KEY = encodeRecoveryKey(new Uint8Array(32).map((_, i) => (i * 37 + 11) & 0xff))!;
const groups = KEY.split(' ');

/** The key as people paste it: every kind of whitespace and invisible character between and around the groups. */
const MESSY = [
  `\u00a0${groups.slice(0, 3).join('\t')}`,
  groups.slice(3, 6).join('\u2007'),
  `${groups.slice(6, 9).join('\u202f')}\r\n`,
  `${groups.slice(9).join('\u200b \u2060')}\u00ad\ufeff\u2028`,
].join('\n');

describe('Security Key text (one normaliser for the kit)', () => {
  it('ignores any Unicode whitespace and invisible characters between or around the groups', () => {
    expect(KEY.replace(/ /g, '')).to.have.length(KEY_LENGTH);
    expect(compactKeyText(MESSY)).to.equal(KEY.replace(/ /g, ''));
    expect(sameKeyText(MESSY, KEY)).to.equal(true);
  });

  it('never folds case, and empty texts never match', () => {
    const swapped = KEY.replace(/[a-z]/, (c) => c.toUpperCase());
    expect(swapped).to.not.equal(KEY);
    expect(sameKeyText(swapped, KEY)).to.equal(false);
    expect(sameKeyText('', '')).to.equal(false);
    expect(sameKeyText(' \u00a0\t', '')).to.equal(false);
    expect(sameKeyText(KEY.slice(0, -1), KEY)).to.equal(false);
  });

  it('the wizard’s confirm step (sameRecoveryKey) reads keys the same way', () => {
    expect(sameRecoveryKey(MESSY, KEY)).to.equal(true);
    expect(sameRecoveryKey(KEY.toLowerCase(), KEY)).to.equal(false);
  });

  it('the verify path decodes a messy paste to the same key bytes, and refuses a changed case', () => {
    const port = recoveryPortFor({ cryptoCallbacks: {}, getCrypto: () => undefined } as unknown as MatrixClient);
    const a = port.decodeKey(KEY);
    const b = port.decodeKey(MESSY);
    expect([...b]).to.deep.equal([...a]);
    expect(() => port.decodeKey(KEY.replace(/[a-z]/, (c) => c.toUpperCase()))).to.throw(MalformedKeyError);
  });

  it('tells a key with a typo from something that is not a key at all', () => {
    expect(keyTextShape('')).to.deep.equal({ kind: 'empty' });
    expect(keyTextShape(' \n\u00a0')).to.deep.equal({ kind: 'empty' });
    expect(keyTextShape(MESSY)).to.deep.equal({ kind: 'key', length: 48, lookalikes: false });
    // One character lost, one lookalike typed:
    expect(keyTextShape(KEY.slice(0, -1))).to.deep.include({ kind: 'key', length: 47 });
    expect(keyTextShape(`${KEY.slice(0, 10)}0${KEY.slice(11)}`)).to.deep.include({ kind: 'key', lookalikes: true });
    // The start of a key, typed so far:
    expect(keyTextShape(KEY.slice(0, 20))).to.deep.include({ kind: 'key' });
    // A phrase, punctuation, far too short:
    expect(keyTextShape('correct horse battery staple')).to.deep.equal({ kind: 'other' });
    expect(keyTextShape('my-phrase!')).to.deep.equal({ kind: 'other' });
    expect(keyTextShape('abc')).to.deep.equal({ kind: 'other' });
    expect(keyTextShape(`${KEY} ${KEY}`)).to.deep.equal({ kind: 'other' });
  });
});

describe('Security Phrase settings read from the account (checkPhraseParams)', () => {
  const pp = (over: Record<string, unknown>) => ({ passphrase: { algorithm: 'm.pbkdf2', salt: 'abcdefghijklmnopqrstuvwxyz012345', iterations: 500_000, ...over } });

  it('accepts what clients write (500 000 rounds, 256 bits or none)', () => {
    expect(checkPhraseParams(pp({}))).to.deep.equal({ kind: 'ok', iterations: 500_000 });
    expect(checkPhraseParams(pp({ bits: 256 }))).to.deep.equal({ kind: 'ok', iterations: 500_000 });
    expect(checkPhraseParams(pp({ iterations: MIN_PHRASE_ITERATIONS }))).to.deep.include({ kind: 'ok' });
    expect(checkPhraseParams(pp({ iterations: MAX_PHRASE_ITERATIONS }))).to.deep.include({ kind: 'ok' });
    expect(checkPhraseParams({})).to.deep.equal({ kind: 'none' });
  });

  it('refuses too few rounds, absurdly many, and malformed settings', () => {
    expect(checkPhraseParams(pp({ iterations: 1 }))).to.deep.equal({ kind: 'unsafe', problem: 'too-few', iterations: 1 });
    expect(checkPhraseParams(pp({ iterations: MIN_PHRASE_ITERATIONS - 1 }))).to.deep.include({ problem: 'too-few' });
    expect(checkPhraseParams(pp({ iterations: 1e9 }))).to.deep.equal({ kind: 'unsafe', problem: 'too-many', iterations: 1e9 });
    expect(checkPhraseParams(pp({ iterations: MAX_PHRASE_ITERATIONS + 1 }))).to.deep.include({ problem: 'too-many' });
    for (const bad of [pp({ iterations: '500000' }), pp({ iterations: 1.5 }), pp({ iterations: -5 }), pp({ bits: 128 }), pp({ bits: 257 }),
      pp({ salt: '' }), pp({ salt: 'x'.repeat(5000) }), pp({ salt: 42 }), pp({ algorithm: 'm.argon2' }), { passphrase: 'x' }]) {
      const r = checkPhraseParams(bad);
      expect(r.kind, JSON.stringify(bad).slice(0, 80)).to.equal('unsafe');
    }
    expect(checkPhraseParams(pp({ iterations: -5 }))).to.deep.include({ problem: 'too-few' });
  });
});
