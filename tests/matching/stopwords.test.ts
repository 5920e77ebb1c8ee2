import assert from 'node:assert/strict';
import { guessLanguage } from '../../src/matching/stopwords';

/** guessLanguage (src/matching/stopwords.ts): the language whose frequent words a paste holds more of, or none. */
describe("matching/stopwords: guessing a paste's language", () => {
  it('says German or English by which frequent words are more, and nothing on a tie or without any', () => {
    assert.equal(guessLanguage(['der', 'ist', 'the'], 'der ist the'), 'de');
    assert.equal(guessLanguage(['the', 'is', 'der'], 'the is der'), 'en');
    assert.equal(guessLanguage(['der', 'the'], 'der the'), undefined);
    assert.equal(guessLanguage([], ''), undefined);
  });

  it('reads a short German sentence around English product words as German by its function words (im, sind)', () => {
    // `die` against `in` was a tie: the sentence was read as English and never translated.
    const terms = ['die', 'optionen', 'im', 'dialogfeld', 'ressourcenplanung', 'in', 'outlook', 'sind', 'deaktiviert'];
    assert.equal(guessLanguage(terms, 'Die Optionen im Dialogfeld Ressourcenplanung in Outlook sind deaktiviert.'), 'de');
    assert.equal(guessLanguage(['the', 'options', 'in', 'outlook', 'are', 'disabled'], 'The options in Outlook are disabled.'), 'en');
  });

  it('counts a German letter in the raw text as two German words', () => {
    assert.equal(guessLanguage(['the'], 'Größe the'), 'de');
    assert.equal(guessLanguage(['the', 'is'], 'Größe the is'), undefined);
    assert.equal(guessLanguage(['the', 'is', 'was'], 'Größe the is was'), 'en');
  });
});
