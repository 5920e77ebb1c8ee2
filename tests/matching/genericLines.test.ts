import assert from 'node:assert/strict';
import type { Article } from '../../src/knowledge/types';
import { Matcher } from '../../src/matching/matcher';
import { DEFAULT_PARAMETERS } from '../../src/matching/parameters';
import { englishArticle, kbOf } from '../helpers/articles';

const article = (id: string, error: string): Article => englishArticle(id, [error]);

const LINE = 'The pony gateway refused the request with status teapot.';
const TEAPOT = article('teapot', LINE);
const FEDERATION = article('federation', `ERROR: Updating the pony federation failed. Detailed information: ${LINE}`);
const MOVE = article('move', `The pony mailbox move stopped at the copy stage. Error details: ${LINE}`);

describe('matching: an error text that is a generic line other errors wrap', () => {
  it('is offered, not answered, when two other articles print it inside their own chains', () => {
    const m = new Matcher(kbOf([TEAPOT, FEDERATION, MOVE]));
    const r = m.match(LINE, { explain: true });
    const teapot = r.matches.find((x) => x.article === 'teapot');
    assert.deepEqual([r.decision, teapot?.score], ['clarify', 0.75]);
    assert.ok(teapot?.why?.rules.some((x) => x.rule === 'inner-message' && /generic line/.test(x.note)));
    // A wrapping article's own whole error is still answered with it.
    const federation = m.match(`ERROR: Updating the pony federation failed. Detailed information: ${LINE}`);
    assert.deepEqual([federation.decision, federation.matches[0]?.article], ['answer', 'federation']);
  });

  it('is answered when only one other article quotes it: that is its error in another log, not a family', () => {
    const r = new Matcher(kbOf([TEAPOT, FEDERATION, article('far', 'Replication of the pony database copy failed.')])).match(LINE);
    assert.deepEqual([r.decision, r.matches[0]?.article], ['answer', 'teapot']);
  });

  it('is no generic line when another article holds the very same text and nothing wraps it (one error, two articles)', () => {
    const r = new Matcher(
      kbOf([TEAPOT, article('teapot-twin', LINE), article('far', 'Replication of the pony database copy failed.')]),
    ).match(LINE, { explain: true });
    // Two articles holding one error whole are a family (family.test.ts): the paste names neither's scenario, so both
    // are offered — by that rule, not by this one.
    assert.deepEqual([r.decision, r.matches.map((x) => x.article).sort()], ['clarify', ['teapot', 'teapot-twin']]);
    assert.ok(!r.matches.some((x) => x.why?.rules.some((y) => y.rule === 'inner-message' && /generic line/.test(y.note))));
  });

  it('is found wherever its text stands in the index, not only as the first one', () => {
    const r = new Matcher(kbOf([FEDERATION, MOVE, TEAPOT])).match(LINE);
    assert.deepEqual([r.decision, r.matches.find((x) => x.article === 'teapot')?.score], ['clarify', 0.75]);
  });

  it('is no generic line when the others hold its words only inside a longer sentence: its unit stands in no other error', () => {
    const inside = (id: string, start: string) => article(id, `${start} because the pony gateway refused the request with status teapot.`);
    const r = new Matcher(kbOf([TEAPOT, inside('mover', 'The pony mailbox move stopped'), inside('sync', 'The pony sync paused')])).match(
      LINE,
    );
    assert.deepEqual([r.decision, r.matches[0]?.article, r.matches[0]?.score], ['answer', 'teapot', 1]);
  });

  it('counts neither a text as long as it (a twin) nor a longer text of its own article as a second wrapper', () => {
    const teapotScore = (kb: Article[]) =>
      new Matcher(kbOf(kb)).match(LINE, { explain: true }).matches.find((x) => x.article === 'teapot')?.score;
    // With its twin the error is a family the paste doesn't pick from (family.test.ts): capped by that rule; the
    // generic-line rule leaves it alone (the test above), so the score is the family's cap.
    assert.equal(teapotScore([TEAPOT, article('teapot-twin', LINE), FEDERATION]), DEFAULT_PARAMETERS.score.family.cap);
    const ownWrapper = englishArticle('teapot', [LINE, `The pony relay stopped. Error details: ${LINE}`]);
    assert.equal(teapotScore([ownWrapper, FEDERATION]), 1);
  });
});
