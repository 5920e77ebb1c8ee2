import assert from 'node:assert/strict';
import { partCodes } from '../../src/matching/errorCaps';
import { englishArticle, explainedOutcome } from '../helpers/articles';

// A made-up error whose result code has later parts: zeros (no extended code) in one article, values in another.
const MESSAGE = 'The wombat parcel could not be posted to the quokka burrow. Error is';
const zeros = englishArticle('zeros', [`${MESSAGE} [0x8007beef-00000000-00000000].`]);
const valued = englishArticle('valued', [`${MESSAGE} [0x8007beef-0x0004dc-0x000524].`]);
// The text that holds the pasted parts inside a longer report, as an NDR's article quotes it.
const report = englishArticle('report', [`Undeliverable parcel report from the dingo relay: ${MESSAGE} [0x8007beef-0x0004dc-0x000524].`]);
const far = englishArticle('far', ['Replication of the dingo database copy failed.']);

describe('matching: an error text whose result code has later parts of zeros, for a paste whose parts are not (errorCaps.ts capOtherCodeParts)', () => {
  it('reads an HRESULT and its later parts as numbers, with or without 0x', () => {
    assert.deepEqual(
      partCodes('Error is [0x8007BEEF-00000000-00000000] and 0x8007beef-0x000004dc-0x00000524.').map((c) => [c.head, c.parts]),
      [
        ['8007beef', [0, 0]],
        ['8007beef', [0x4dc, 0x524]],
      ],
    );
    assert.deepEqual(partCodes('Error 0x8007beef alone, a GUID d1cdba46-6f79-46f2 and 0x80190194 - 404'), []);
  });

  it('offers an error text that writes the later parts as zeros, for a paste whose parts are not', () => {
    const r = explainedOutcome([zeros, far], `${MESSAGE} [0x8007beef-0x0004dc-0x000524].`);
    assert.deepEqual([r.decision, r.articles[0]], ['clarify', 'zeros']);
    assert.match(r.notes, /0x8007beef-0x0004dc-0x000524 carries later parts that the error's 0x8007beef-00000000-00000000 writes as zeros/);
  });

  it('answers the article whose text holds the pasted parts, the one with zeros no longer close behind', () => {
    const r = explainedOutcome([zeros, report, far], `${MESSAGE} [0x8007beef-0x0004dc-0x000524].`);
    assert.deepEqual([r.decision, r.articles[0], r.articles[1]], ['answer', 'report', 'zeros']);
  });

  it('answers zeros for zeros, a code pasted without parts, and a paste that quotes the zeros too', () => {
    assert.equal(explainedOutcome([valued, far], `${MESSAGE} [0x8007beef-0x0004dc-0x000524].`).decision, 'answer');
    assert.equal(explainedOutcome([zeros, far], `${MESSAGE} [0x8007beef-00000000-00000000].`).decision, 'answer');
    assert.equal(explainedOutcome([zeros, far], `${MESSAGE} [0x8007beef].`).decision, 'answer');
    const both = `First ${MESSAGE} [0x8007beef-00000000-00000000].\nThen ${MESSAGE} [0x8007beef-0x0004dc-0x000524].`;
    assert.equal(explainedOutcome([zeros, far], both).decision, 'answer');
  });
});
