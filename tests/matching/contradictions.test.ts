import assert from 'node:assert/strict';
import { Matcher } from '../../src/matching/matcher';
import { DEFAULT_PARAMETERS } from '../../src/matching/parameters';
import { buildQueryView, contradictions, scoreSignal, scoreWithContradictions } from '../../src/matching/score';
import { buildSignals, contentTerms } from '../../src/matching/signals';
import { englishArticle, kbOf } from '../helpers/articles';

/**
 * Every contradiction of an error text, not only the first (score.ts contradictions): the scorer needs one to lower a
 * score, but a rule that asks whether the paste goes on differently at one place (codeHits.ts otherAfter: right after a
 * code) must not be hidden from it by an earlier one.
 */
const SEEDING = 'Seeding of the wombat database failed on the passive node. QuokkaFailureException: The pony store refused the delivery';
const seeding = englishArticle('seeding', [SEEDING], { title: { en: 'Setup stops on a northern farm' } });
const far = englishArticle('far', ['Replication of the quokka database copy failed.']);

describe('matching: every contradiction of an error text (score.ts contradictions, codeHits.ts otherAfter)', () => {
  const index = buildSignals([seeding, far]);
  const read = (paste: string) => {
    const view = buildQueryView(contentTerms(paste));
    return {
      first: scoreSignal(0, view, index, DEFAULT_PARAMETERS.score).contradiction,
      all: contradictions(0, view, index, DEFAULT_PARAMETERS.score),
    };
  };

  it('lists each place the paste goes on differently, in order; the scorer’s own is the first', () => {
    const { first, all } = read('Seeding of the wombat database stopped on the passive node. QuokkaFailureException: koala meadow flooded');
    assert.deepEqual(all, [
      { context: 'wombat database', expected: 'failed', pasted: 'stopped' },
      { context: 'node quokkafailureexception', expected: 'pony', pasted: 'koala' },
    ]);
    assert.deepEqual(first, all[0]);
  });

  it('reads the same list and score in one pass with the score (scoreWithContradictions, as codeHits asks)', () => {
    for (const paste of [
      'Seeding of the wombat database stopped on the passive node. QuokkaFailureException: koala meadow flooded',
      'Seeding of the wombat database failed on the active node. QuokkaFailureException: koala meadow flooded',
      SEEDING,
    ]) {
      const view = buildQueryView(contentTerms(paste));
      const { score, all } = scoreWithContradictions(0, view, index, DEFAULT_PARAMETERS.score);
      assert.deepEqual(all, contradictions(0, view, index, DEFAULT_PARAMETERS.score), paste);
      assert.deepEqual(score, scoreSignal(0, view, index, DEFAULT_PARAMETERS.score), paste);
    }
  });

  it('lists none where the paste follows the error text', () => {
    assert.deepEqual(read(SEEDING).all, []);
    assert.deepEqual(read('Seeding of the wombat database failed on the passive node.').all, []);
  });

  describe('a code hit (otherAfter) reads them all', () => {
    let m: Matcher;
    beforeEach(() => {
      m = new Matcher(kbOf([seeding, far]));
    });
    const decision = (paste: string) => m.match(paste).decision;

    it('offers nothing where the paste goes on differently after the code and somewhere before it too', () => {
      assert.equal(
        decision('Seeding of the wombat database stopped on the passive node. QuokkaFailureException: koala meadow flooded'),
        'none',
      );
      assert.equal(
        decision('Seeding of the wombat database failed on the active node. QuokkaFailureException: koala meadow flooded'),
        'none',
      );
    });

    it('still offers the article where the paste goes on as the error text after the code', () => {
      const r = m.match('Seeding of the wombat database stopped on the passive node. QuokkaFailureException: The pony store refused');
      assert.equal(r.decision, 'clarify');
      assert.deepEqual(
        r.matches.map((x) => x.article),
        ['seeding'],
      );
    });
  });
});
