import assert from 'node:assert/strict';
import { Matcher } from '../../src/matching/matcher';
import { englishArticle as article, kbOf } from '../helpers/articles';

/**
 * Another article's shorter error text inside what a hit checkScenario capped found (errorCaps.ts capInsideCapped): the
 * paste's error is the longer one, with a word the shorter lacks, so the shorter is capped with it — offered, not answered.
 */
describe('matching rules: a shorter error text inside one the scenario or product capped (errorCaps.ts capInsideCapped)', () => {
  const products = (name: string) => ({ products: [{ name, versions: [] }] });
  let m: Matcher;
  beforeEach(() => {
    m = new Matcher(
      kbOf([
        article('online', ['The wombat relay looped back to the burrow ZAP42 and was dropped.'], products('Exchange Online')),
        article('server', ['The wombat relay looped back to the burrow'], products('Exchange Server')),
        article('other', ['Numbat feeder jammed at the gate.']),
      ]),
    );
  });
  const top = (text: string) => {
    const r = m.match(text);
    return [r.decision, r.matches.map((x) => x.article)];
  };
  const server = 'Exchange Server 2019 CU14';

  it('answers the shorter text’s article where the paste holds only its words, on its product', () => {
    assert.deepEqual(top(`${server}\nThe wombat relay looped back to the burrow`), ['answer', ['server']]);
  });

  it('offers it where the paste holds the longer text that the product rule capped', () => {
    const [decision, articles] = top(`${server}\nThe wombat relay looped back to the burrow ZAP42 and was dropped.`);
    assert.equal(decision, 'clarify');
    assert.deepEqual([...articles].sort(), ['online', 'server']);
  });

  it('answers the longer text’s article where nothing capped it', () => {
    assert.deepEqual(top('The wombat relay looped back to the burrow ZAP42 and was dropped.')[0], 'answer');
  });
});
