import assert from 'node:assert/strict';
import { Matcher } from '../../src/matching/matcher';
import { kbOf, PORTRAITS } from '../helpers/articles';

const { params, prose: PROSE } = PORTRAITS;
/** The portraits article (its bounce, if `error`, carrying a status code of its own) among its rivals. */
const portraits = (error?: string) => {
  const articles = PORTRAITS.articles();
  if (error) articles[0].symptoms[0].errors = { en: [error] };
  return articles;
};

const outcome = (error: string | undefined, text: string) => {
  const r = new Matcher(kbOf(portraits(error)), params).match(text, { explain: true });
  return { decision: r.decision, first: r.matches[0]?.article, notes: (r.matches[0]?.why?.rules ?? []).map((x) => x.note) };
};

describe('matching: prose that finds an article whose bounce has another status code than the paste quotes', () => {
  const ERROR = '454 4.7.9 The portrait gateway refused the upload';
  const OTHER = `${PROSE} The connector shows 450 4.4.317 Cannot connect to remote server.`;

  it('offers the article, not answers it, and says why', () => {
    assert.deepEqual(outcome(ERROR, PROSE).decision, 'answer', 'the rule itself: prose alone is answered');
    const r = outcome(ERROR, OTHER);
    assert.deepEqual([r.decision, r.first], ['clarify', 'portraits']);
    assert.ok(
      r.notes.some((n) => n.includes('a status code that the article, which names codes of its own, never names')),
      JSON.stringify(r.notes),
    );
  });

  it('answers where the paste quotes the article’s own code, or the article names no code at all', () => {
    assert.equal(outcome(ERROR, `${PROSE} The connector shows 454 4.7.9 on every try.`).decision, 'answer');
    assert.equal(outcome(undefined, OTHER).decision, 'answer');
  });
});
