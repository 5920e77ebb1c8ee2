import assert from 'node:assert/strict';
import { Matcher } from '../../src/matching/matcher';
import { englishArticle as article, kbOf, ruleOutcome } from '../helpers/articles';

/**
 * A name or number where the error has a word (score.ts contradiction, `inserted`): the paste put a value in there, and the
 * word after its names and numbers says whether it goes on as the error (a value added) or as another error (`…Exception:
 * 1007 AccessDenied` where the error has `…Exception: Failed to logon`).
 */
const FEED =
  'Zoo Indexer has failed to feed the walrus (<walrus GUID>) in pen (<pen>) due to error: (Contoso.Zoo.WalrusFeedFailedException: Failed to open the walrus gate). This walrus will be retried later.';

describe('matching rules: a value the paste puts where the error has a word (score.ts contradiction)', () => {
  const m = new Matcher(
    kbOf([
      article('feed', [FEED]),
      article('other', ['The pony stable could not be opened because the gate is locked.']),
      article('more', ['Marmot publishing is not enabled for your zoo.']),
    ]),
  );
  const run = (text: string) => ruleOutcome(m.match(text, { explain: true }));
  const pasted = (inner: string) =>
    `Zoo Indexer has failed to feed the walrus (8832ee80-47b8-4b0e-a98f-c4a239794707) in pen (Pen1) due to error: (Contoso.Zoo.WalrusFeedFailedException: ${inner}`;

  it('answers the error where the paste goes on as the error after the value it put in', () => {
    for (const inner of [
      'Failed to open the walrus gate). This walrus will be retried later.',
      '2212 Failed to open the walrus gate). This walrus will be retried later.',
    ])
      assert.deepEqual(Object.values(run(pasted(inner))).slice(0, 2), ['answer', 'feed'], inner);
  });

  it('does not answer it where the paste goes on with another error after the value', () => {
    // Only the exception's class name is left of the error's own words there: found by that code, offered.
    const r = run(pasted('1007 GateLocked: Gate Locked.'));
    assert.deepEqual([r.decision, r.first], ['clarify', 'feed']);
    assert.deepEqual(r.notes, ['0.6: a code at most 3 articles hold']);
  });
});
