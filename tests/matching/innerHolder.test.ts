import assert from 'node:assert/strict';
import { Matcher } from '../../src/matching/matcher';
import { englishArticle as article, kbOf } from '../helpers/articles';

/**
 * Two articles whose errors wrap the same inner message in different outer messages: where the paste holds one's own outer
 * message and that one is capped for the other product, the paste is its error — the other, which shares only the inner
 * message, is not answered for it. Here errorCaps.ts capInsideCapped caps the other with it (the other's words lie inside
 * what it found); ranking.ts innerOnly's holder rule, for a holder capped for another reason, is pinned in ranking.test.ts.
 */
describe('matching rules: the paste holds the own part of an article ranked below, whose inner message the leader shares', () => {
  const inner =
    'Detailed information: "An unexpected result was received from Walrus Live. Detailed information: "1007 PonyDenied: Access Denied.".".';
  const released = `The pony URI "contoso.com" for the llama farm couldn't be released. ${inner}`;
  const provisioned = `Set-PonyIdentifier: An error occurred while attempting to provision the stable to the partner gateway. ${inner}`;
  let m: Matcher;
  beforeEach(() => {
    m = new Matcher(
      kbOf([
        article('release', [released], { products: [{ name: 'Exchange Server', versions: [] }] }),
        article('provision', [provisioned], {
          products: [
            { name: 'Exchange Online', versions: [] },
            { name: 'Exchange Server', versions: [] },
          ],
        }),
        ...['yak', 'gnu', 'ibex', 'okapi'].map((a) => article(a, [`The ${a} server stopped the ${a} feed.`])),
      ]),
    );
  });

  it('offers the article whose own part the paste holds first, and does not answer the one sharing the inner message', () => {
    const r = m.match(`    + PSComputerName        : outlook.office365.com\n${released}`);
    assert.equal(r.decision, 'clarify');
    assert.deepEqual(
      r.matches.slice(0, 2).map((x) => x.article),
      ['release', 'provision'],
    );
  });

  it('answers each article for its own error, and the one the paste holds whole where nothing caps it', () => {
    assert.deepEqual(top(m.match(released)), ['answer', 'release']);
    assert.deepEqual(top(m.match(`    + PSComputerName        : outlook.office365.com\n${provisioned}`)), ['answer', 'provision']);
  });
});

function top(r: ReturnType<Matcher['match']>): [string, string | undefined] {
  return [r.decision, r.matches[0]?.article];
}
