import assert from 'node:assert/strict';
import { Matcher } from '../../src/matching/matcher';
import { englishArticle as article, kbOf, ruleOutcome } from '../helpers/articles';

/**
 * The words after a quoted value (score.ts otherAfterValue): where the error's next word is a common one the paste has
 * too (`not`), the word after it says how the paste goes on (`not found` against `not accepted`); names and numbers right
 * after a quoted value (an address, a number) are more of what varies, so the word after them is the one compared.
 */
const WALRUS = '10333 [Client=UX, fn=SendAsync] Results=BadRequest {"error": {"code": "WalrusUrl_Duplicate", "message":"Walrus url ';

describe('matching rules: how a paste goes on after a quoted value (score.ts valueAfterWords, valueFollowers)', () => {
  const m = new Matcher(
    kbOf([
      article('gadget', ["The gadget quota check ran: gadget '<gadget GUID>' not found or marmot publishing is not enabled for your zoo."]),
      // A log record whose words before the value are most of the error (the HCW's InternalUrl_Duplicate shape).
      article('walrus', [`${WALRUS}'<walrus URL>' is invalid since it is already in use.`]),
      // `not` in every text: a common word (below the gadget error's mean weight), as in any real knowledge base.
      article('other', ['Unrelated marmot text that is not about the zoo.']),
      article('more', ['The pony stable could not be opened.']),
    ]),
  );
  const run = (text: string) => ruleOutcome(m.match(text, { explain: true }));

  it('answers the error with another value where the paste goes on as the error', () => {
    for (const paste of [
      "The gadget quota check ran: gadget 'EX02-Agent' not found or marmot publishing is not enabled for your zoo.",
      "The gadget quota check ran: gadget 'EX02-Agent' not found.",
      `${WALRUS}'https://ex02.contoso.com' is invalid since it is already in use.`,
      `${WALRUS}'https://ex02.contoso.com' 10.1.2.3 is invalid since it is already in use.`,
    ])
      assert.deepEqual(Object.values(run(paste)).slice(0, 2), ['answer', paste.startsWith('The') ? 'gadget' : 'walrus'], paste);
  });

  it('does not answer it where the word after the common word both have differs, and shows both words', () => {
    const r = run("The gadget quota check ran: gadget 'Alex Wilber' isn't an accepted wombat in the on-premises zoo.");
    assert.notEqual(r.decision, 'answer');
    assert.ok(
      r.notes.some((n) => n.endsWith(`after "gadget '…'" the error goes on with "not found", the paste with "not accepted"`)),
      r.notes.join('\n'),
    );
  });

  it('does not answer it where the paste goes on differently after names and numbers that follow its quoted value', () => {
    const r = run(`${WALRUS}'Alex Wilber' [fe80::2174:c9da:4ac0:74c2%13] pony meadow flooded at noon`);
    assert.notEqual(r.decision, 'answer', JSON.stringify(r));
  });
});
