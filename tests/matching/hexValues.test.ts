import assert from 'node:assert/strict';
import { englishArticle, explainedOutcome } from '../helpers/articles';

// A made-up error printed with different result codes: the paste pads or bares the code differently from the article.
const MESSAGE = 'The wombat parcel could not be posted to the quokka burrow.';
const denied = englishArticle('denied', [`${MESSAGE} Error 0x80070005`]);
const failed = englishArticle('failed', [`${MESSAGE} Error 0x80004005`]);
const padded = englishArticle('padded', [`${MESSAGE} [0x8007beef-0x000004dc-0x00000524]`]);
const other = englishArticle('other', [`${MESSAGE} [0x8007beef-0x000004dd-0x00000525]`]);

describe('matching: a result code written with other padding, or without 0x, is the same code (normalize.ts hexValue)', () => {
  it('answers the article whose HRESULT the paste writes without 0x', () => {
    const r = explainedOutcome([failed, denied], `${MESSAGE} Error 80070005`);
    assert.deepEqual([r.decision, r.articles[0]], ['answer', 'denied']);
  });

  it('answers the article whose later parts the paste writes with fewer leading zeros', () => {
    const r = explainedOutcome([other, padded], `${MESSAGE} [0x8007beef-0x0004dc-0x000524]`);
    assert.deepEqual([r.decision, r.articles[0]], ['answer', 'padded']);
  });
});
