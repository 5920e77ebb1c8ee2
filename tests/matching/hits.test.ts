import assert from 'node:assert/strict';
import { capAll, perArticle, type Hit, type MatchContext, type Ranked } from '../../src/matching/hits';

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

describe('matching: an answer cap over the whole paste (hits.ts capAll)', () => {
  const ranked = (...scores: number[]): Ranked[] =>
    scores.map((score, article) => ({ hit: { article } as unknown as Hit, score, adjustments: [] }));
  const seen = (list: Ranked[]) => list.map((r) => [r.score, r.adjustments.map((a) => `${a.rule}: ${a.note}`)]);

  it('lowers every match above the cap to it, leaves those at or below it, and notes the rule on the first only', () => {
    assert.deepEqual(seen(capAll(ranked(0.9, 0.8, 0.75, 0.5), 0.75, 'scenario', 'capped', true)), [
      [0.75, ['scenario: capped']],
      [0.75, []],
      [0.75, []],
      [0.5, []],
    ]);
    // A first match already at the cap is not capped: no note.
    assert.deepEqual(seen(capAll(ranked(0.75, 0.5), 0.75, 'scenario', 'capped', true)), [
      [0.75, []],
      [0.5, []],
    ]);
    // Not explaining: no note at all.
    assert.deepEqual(seen(capAll(ranked(0.9), 0.75, 'product', 'capped', false)), [[0.75, []]]);
  });
});
