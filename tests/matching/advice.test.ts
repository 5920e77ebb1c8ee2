import assert from 'node:assert/strict';
import { followsOwnSentence, isAdviceUnit } from '../../src/matching/advice';
import { Matcher } from '../../src/matching/matcher';
import { DEFAULT_PARAMETERS } from '../../src/matching/parameters';
import { englishArticle as article, kbOf } from '../helpers/articles';

/**
 * An error the paste holds only in its advice to the reader, none of its sentences that say what failed, where the paste
 * writes that advice after a message of its own, is offered, not answered (advice.ts, parameters.ts `score.adviceOnly`).
 */
describe('matching rules: advice after another message (adviceOnly)', () => {
  const error =
    'Cannot rename the walrus folder. Right-click the folder, and then click Properties to check your quokka permissions for this folder. See the folder owner or administrator to change your quokka permissions.';
  let m: Matcher;
  beforeEach(() => {
    m = new Matcher(
      kbOf([
        article('walrus', [error]),
        article('heron', ['Heron flamingo toucan synchronisation aborted.']),
        article('other', ['Unrelated zebra text about the zoo.']),
      ]),
    );
  });
  const advice =
    'Right-click the folder, and then click Properties to check your quokka permissions for the folder. See the folder owner or your administrator to change your quokka permissions.';

  it('answers the error pasted whole, or its advice alone or after a colon', () => {
    assert.deepEqual([m.match(error).decision, m.match(error).matches[0].article], ['answer', 'walrus']);
    const alone = m.match(advice);
    assert.deepEqual([alone.decision, alone.matches[0].article], ['answer', 'walrus']);
    const colon = m.match(`Renaming it only gives me this: ${advice}`);
    assert.deepEqual([colon.decision, colon.matches[0].article], ['answer', 'walrus']);
  });

  it('offers it, first, when the advice follows a message the error lacks', () => {
    const r = m.match(`Unable to add new entries. You don't have permission to create an entry in this folder. ${advice}`, {
      explain: true,
    });
    assert.equal(r.decision, 'clarify');
    assert.equal(r.matches[0].article, 'walrus');
    assert.equal(r.matches[0].score, DEFAULT_PARAMETERS.score.adviceOnly);
    assert.ok(
      r.matches[0].why!.rules.some((x) => x.rule === 'coverage' && x.note.includes("only the error's advice")),
      JSON.stringify(r.matches[0].why!.rules),
    );
    // The same message on a line of its own, the advice on the next (a dialog copied line by line).
    const lines = m.match(`You don't have permission to create an entry in this folder.\n${advice}`);
    assert.equal(lines.decision, 'clarify');
  });

  it("answers it when the paste holds the error's message too", () => {
    const r = m.match(`Cannot rename the walrus folder. ${advice}`);
    assert.deepEqual([r.decision, r.matches[0].article], ['answer', 'walrus']);
  });

  it('reads a sentence of advice by its opening imperative', () => {
    const terms = ['right', 'click', 'folder', 'see', 'owner', 'make', 'sure', 'make', 'copy', 'cannot', 'delete'];
    assert.equal(isAdviceUnit(terms, 0, 3, true), true);
    assert.equal(isAdviceUnit(terms, 3, 5, true), true);
    assert.equal(isAdviceUnit(terms, 5, 7, true), true);
    // `Make` without `sure` is no advice, nor is a statement, nor an imperative that opens no sentence.
    assert.equal(isAdviceUnit(terms, 7, 9, true), false);
    assert.equal(isAdviceUnit(terms, 9, 11, true), false);
    assert.equal(isAdviceUnit(terms, 3, 5, false), false);
  });

  it('finds the advice after a sentence end of the paste, not after a colon or at its start', () => {
    assert.equal(followsOwnSentence('It failed. Right-click the folder', 'right', 'click'), true);
    assert.equal(followsOwnSentence('It failed!\n  See the owner', 'see', undefined), true);
    assert.equal(followsOwnSentence('It only says: Right-click the folder', 'right', 'click'), false);
    assert.equal(followsOwnSentence('Right-click the folder', 'right', 'click'), false);
    assert.equal(followsOwnSentence('It failed. Right now we see', 'right', 'click'), false);
  });
});
