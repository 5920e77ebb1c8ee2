import assert from 'node:assert/strict';
import { Matcher } from '../../src/matching/matcher';
import { englishArticle as article, kbOf } from '../helpers/articles';

/**
 * Near twins where one twin is capped for the other product (ranking.ts nearTwins, errorCaps.ts checkScenario): the cap
 * rules that article's cause out, not the doubt which of the two texts the paste's error is — the other twin is offered,
 * not answered, for a paste that holds the shorter text only.
 */
describe('matching rules: a near twin capped for the other product still makes the doubt', () => {
  const short = 'The connection to the walrus pony is unavailable. The llama must be online to complete this quokka action.';
  const long = 'The connection to the walrus pony server is unavailable. The llama must be online to complete this quokka action.';
  let m: Matcher;
  beforeEach(() => {
    m = new Matcher(
      kbOf([
        article('setup', [short], {
          title: { en: 'Setting up a narwhal profile fails' },
          products: [{ name: 'Exchange Online', versions: [] }],
        }),
        article('encryption', [long], { title: { en: 'Zebra encryption required by the gateway' } }),
        // `server` a common word, as it is in the corpus: the paste's product line supplies it to the longer twin.
        ...['yak', 'gnu', 'ibex', 'okapi', 'tapir', 'dingo'].map((a) => article(a, [`The ${a} server stopped the ${a} feed.`])),
      ]),
    );
  });

  it('offers both for the shorter text pasted on an on-premises server', () => {
    const r = m.match(`Exchange Server 2019 CU14\n${short}`);
    assert.equal(r.decision, 'clarify');
    assert.deepEqual(r.matches.map((x) => x.article).sort(), ['encryption', 'setup']);
    assert.equal(m.match(short).decision, 'clarify', 'as without the product line');
  });

  it('still answers the on-premises twin when the paste holds its own, longer text', () => {
    const r = m.match(`Exchange Server 2019 CU14\n${long}`);
    assert.deepEqual([r.decision, r.matches[0].article], ['answer', 'encryption']);
  });
});
