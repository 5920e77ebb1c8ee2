import assert from 'node:assert/strict';
import { Matcher } from '../../src/matching/matcher';
import { englishArticle as article, kbOf, ruleOutcome } from '../helpers/articles';

/**
 * An exception class named by its failure after the word (`MapiExceptionCallFailed`) is the error's code in words: where the
 * paste has another class of that family right before the message the error goes on with, it reports another failure with
 * the same message, offered, not answered (errorCaps.ts capOtherException). A class of no family names no failure.
 */
const OPEN =
  "Failed to open pen 'Walrus Pen'. Pen Error: The zoo is unable to open the pen that you specified. Error code: ZooExceptionGateJammed: Unable to open pen.";

describe('matching rules: another exception class of the family before the same message (errorCaps.ts capOtherException)', () => {
  let m: Matcher;
  beforeEach(() => {
    m = new Matcher(
      kbOf([
        article('open', [OPEN]),
        article('other', ['The pony stable could not be opened because the gate is locked.']),
        article('more', ['Marmot publishing is not enabled for your zoo.']),
      ]),
    );
  });
  const run = (text: string) => ruleOutcome(m.match(text, { explain: true }));
  const pasted = (cls: string) =>
    `Failed to open pen "Pen7". Pen Error: The zoo is unable to open the pen that you specified. Error: Operation failed with message: ${cls}: Unable to open pen. Lid: 65256 [Pen: Pen7, Zoo: zoo02]`;

  it("answers the error where the paste has the error's own class, or a class of no family (the message decides)", () => {
    for (const cls of ['ZooExceptionGateJammed', 'Contoso.Zoo.KeeperRemoteException']) {
      const r = run(pasted(cls));
      assert.deepEqual([r.decision, r.first], ['answer', 'open'], cls);
    }
  });

  it('offers it where the paste has another class of its family before the same words', () => {
    const r = run(pasted('ZooExceptionFenceBroken'));
    assert.deepEqual([r.decision, r.first], ['clarify', 'open']);
    assert.ok(
      r.notes.some((n) => n.includes('zooexceptionfencebroken') && n.includes('zooexceptiongatejammed')),
      r.notes.join('\n'),
    );
  });

  it("answers it where the paste holds the error's class too (an outer and an inner class)", () => {
    const r = run(pasted('ZooExceptionFenceBroken: Unable to open pen. ZooExceptionGateJammed'));
    assert.deepEqual([r.decision, r.first], ['answer', 'open']);
  });
});
