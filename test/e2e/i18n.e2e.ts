// Languages against the real Synapse: a verification between two sessions of one user where one element speaks
// German and the other French, driven through their own (translated) UI with the keyboard. Both show the same emoji
// in the same order, each with the specification's names in its language; the German side switches to French and
// back live in the middle of the comparison.
import { expect, fixture, html } from '@open-wc/testing';
import type { MatrixClient } from 'matrix-js-sdk';
import type { VerificationRequest } from 'matrix-js-sdk/lib/crypto-api/index.js';
import '../../src/define/xs-verify-login.js';
import type { XsVerifyLogin } from '../../src/components/verify-login/verify-login.js';
import { onVerificationRequest } from '../../src/sdk/verification.js';
import { stopAllClients } from '../support/clients.js';
import { waitFor } from '../support/wait.js';
import { crossSigned, emojiNames, events, press, root, setUpPair, stageIs } from '../support/verify-ui.js';

interface SpecEmoji {
  emoji: string;
  description: string;
  translated_descriptions: Record<string, string | null>;
}

const glyphs = (el: XsVerifyLogin) => [...root(el).querySelectorAll('[part=emoji] .glyph')].map((g) => g.textContent ?? '');
const shownNames = (el: XsVerifyLogin) => [...root(el).querySelectorAll('[part=emoji] .name')].map((g) => g.textContent ?? '');
const bare = (glyph: string) => glyph.replace(/\uFE0F/g, '');

/** Mounts an element inside `<section lang=…>` answering the next request `client` receives. */
function answerIn(lang: string, client: MatrixClient): Promise<XsVerifyLogin> {
  return new Promise((resolve, reject) => {
    const off = onVerificationRequest(client, (request: VerificationRequest) => {
      off();
      fixture<HTMLElement>(html`<section lang=${lang}><xs-verify-login id="fr" .client=${client} .request=${request}></xs-verify-login></section>`)
        .then((wrap) => resolve(wrap.querySelector('xs-verify-login')!), reject);
    });
  });
}

describe('languages with Synapse', () => {
  afterEach(stopAllClients);

  it('SAS between a German and a French element: same emoji, same order, each in its language (and lang switches live)', async () => {
    const spec = (await (await fetch(new URL('../fixtures/sas-emoji.json', import.meta.url))).json()) as SpecEmoji[];
    const byGlyph = new Map(spec.map((e) => [bare(e.emoji), e]));
    const namesIn = (lang: string, shown: string[]) => shown.map((g) => byGlyph.get(bare(g))?.translated_descriptions[lang]);

    const { b, clientA, clientB } = await setUpPair({ prefix: 'i18n' });
    const de = await fixture<XsVerifyLogin>(html`<xs-verify-login id="de" lang="de" .client=${clientB}></xs-verify-login>`);
    const deEvents = events(de);
    await stageIs(de, 'Diese Sitzung verifizieren');
    const answering = answerIn('fr', clientA);
    await press(de, 'Mit einer anderen Sitzung verifizieren');
    await stageIs(de, 'Warte auf deine andere Sitzung');

    const fr = await answering;
    await stageIs(fr, 'Demande de vérification');
    expect(root(fr).textContent).to.contain(b.deviceId);
    await press(fr, 'Accepter');

    await stageIs(de, 'Wähle, wie du verifizieren möchtest');
    await press(de, 'Emojis vergleichen');
    await stageIs(de, 'Vergleiche die Emojis');
    await stageIs(fr, 'Comparez les émojis');
    await expect(de).to.be.accessible();
    await expect(fr).to.be.accessible();

    // The same seven glyphs in the same order on both sides…
    const shown = glyphs(de);
    expect(shown).to.have.length(7);
    expect(glyphs(fr)).to.deep.equal(shown);
    // …each side naming them as the specification does in its language (announced and visible alike).
    const german = namesIn('de', shown);
    const french = namesIn('fr', shown);
    expect(german.every((n) => !!n) && french.every((n) => !!n), `names for ${shown.join(' ')}`).to.equal(true);
    expect(emojiNames(de)).to.deep.equal(german);
    expect(shownNames(de)).to.deep.equal(german);
    expect(emojiNames(fr)).to.deep.equal(french);
    expect(shownNames(fr)).to.deep.equal(french);
    expect(german).to.not.deep.equal(french);

    // Live: the German element switched to French mid-comparison names the same emoji in French, and back.
    de.setAttribute('lang', 'fr');
    await stageIs(de, 'Comparez les émojis');
    await waitFor('French names on the switched element', () => JSON.stringify(emojiNames(de)) === JSON.stringify(french));
    expect(glyphs(de)).to.deep.equal(shown);
    de.setAttribute('lang', 'de');
    await stageIs(de, 'Vergleiche die Emojis');
    await waitFor('German names again', () => JSON.stringify(emojiNames(de)) === JSON.stringify(german));

    await press(fr, 'Ils correspondent');
    await stageIs(fr, 'Presque terminé');
    await press(de, 'Sie stimmen überein');
    await stageIs(de, 'Verifiziert');
    await stageIs(fr, 'Vérifiée');
    await expect(de).to.be.accessible();
    expect(deEvents.verified.map((e) => e.deviceId)).to.deep.equal([b.deviceId]);
    await waitFor('B cross-signed (seen by A)', () => crossSigned(clientA, b.deviceId));
  });
});
