import assert from 'node:assert/strict';
import { goesOnAfter } from '../../src/matching/advice';
import { Matcher } from '../../src/matching/matcher';
import { DEFAULT_PARAMETERS } from '../../src/matching/parameters';
import { englishArticle as article, kbOf } from '../helpers/articles';

/**
 * An error of plain sentences held without its first sentence and to its end, where the paste goes on right after it with a
 * sentence of its own, is offered, not answered (advice.ts capOtherMessages, parameters.ts `score.headless`).
 */
describe('matching rules: a shared sentence inside another message (headless)', () => {
  let m: Matcher;
  beforeEach(() => {
    m = new Matcher(
      kbOf([
        article('walrus', [
          'Cannot display the walrus folder. Quokka problems are preventing the marmot connection to the numbat gateway.',
        ]),
        article('heron', ['Heron flamingo toucan synchronisation aborted.']),
        article('other', ['Unrelated zebra text about the zoo.']),
      ]),
    );
  });
  const shared = 'Quokka problems are preventing the marmot connection to the numbat gateway.';

  it('answers the error whole, its second sentence alone, or followed by the words of no sentence', () => {
    for (const paste of [`Cannot display the walrus folder. ${shared} Wombat bilby.`, shared, `${shared}\nVersion: 2.8.0.9`]) {
      const r = m.match(paste);
      assert.deepEqual([r.decision, r.matches[0].article], ['answer', 'walrus'], paste);
    }
  });

  it('offers it, first, when the paste goes on after it with a sentence of its own', () => {
    const r = m.match(`${shared} Your dingo adapter does not have a default kiwi.`, { explain: true });
    assert.equal(r.decision, 'clarify');
    assert.equal(r.matches[0].article, 'walrus');
    assert.equal(r.matches[0].score, DEFAULT_PARAMETERS.score.headless);
    assert.ok(
      r.matches[0].why!.rules.some((x) => x.rule === 'coverage' && x.note.includes('without its first sentence')),
      JSON.stringify(r.matches[0].why!.rules),
    );
  });

  it('finds the end of the error and a sentence after it, short words between its words allowed', () => {
    assert.equal(
      goesOnAfter('preventing connection to Microsoft Exchange. Your network adapter', ['connection', 'microsoft', 'exchange']),
      true,
    );
    assert.equal(goesOnAfter('preventing connection to Microsoft Exchange.', ['connection', 'microsoft', 'exchange']), false);
    assert.equal(goesOnAfter('another organization relationship. Domains', ['other', 'organization', 'relationship']), false);
    assert.equal(goesOnAfter('connection to Microsoft Exchange.\nVersion: 2.8.0.9', ['connection', 'microsoft', 'exchange']), false);
  });
});
