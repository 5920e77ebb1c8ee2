import assert from 'node:assert/strict';
import { perArticle, type MatchContext } from '../../src/matching/hits';

describe('matching: what a stage reads of an article alone, read once per matcher (hits.ts perArticle)', () => {
  it('reads each article once per match context, and afresh for another context (a knowledge reload)', () => {
    const reads: string[] = [];
    const first = { name: 'first' } as unknown as MatchContext;
    const reloaded = { name: 'reloaded' } as unknown as MatchContext;
    const of = perArticle((ctx, article) => {
      const name = (ctx as unknown as { name: string }).name;
      reads.push(`${name}:${article}`);
      return article === 2 ? undefined : `${name}-${article}`;
    });
    assert.equal(of(first, 1), 'first-1');
    assert.equal(of(first, 1), 'first-1');
    assert.equal(of(first, 3), 'first-3');
    // A value that is `undefined` is held too, not read again.
    assert.equal(of(first, 2), undefined);
    assert.equal(of(first, 2), undefined);
    assert.equal(of(reloaded, 1), 'reloaded-1');
    assert.equal(of(first, 1), 'first-1');
    assert.deepEqual(reads, ['first:1', 'first:3', 'first:2', 'reloaded:1']);
  });
});
