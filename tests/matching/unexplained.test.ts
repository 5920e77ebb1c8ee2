import assert from 'node:assert/strict';
import { Matcher } from '../../src/matching/matcher';
import { DEFAULT_PARAMETERS } from '../../src/matching/parameters';
import { englishArticle as article, kbOf } from '../helpers/articles';

/**
 * An answer whose error explains little of what the paste says in error words, none of them a code, is offered
 * (errorCaps.ts capUnexplained, parameters.ts `score.unexplained`).
 */
describe('matching rules: an error that explains little of the paste (unexplained)', () => {
  const m = new Matcher(
    kbOf([
      article('walrus', ['The walrus pony gateway is unavailable.', '550 5.7.61 Quokka refusal.']),
      article('heron', ['Heron flamingo toucan synchronisation aborted.']),
      article('pelican', ['Pelican ostrich kiwi enrolment refused.']),
      article('condor', ['Condor vulture albatross handshake expired.']),
      article('stork', ['Stork crane ibis mailbox quarantined.']),
      article('other', ['Unrelated zebra text about the zoo.']),
    ]),
  );
  const message = 'The walrus pony gateway is unavailable.';
  // A paste that says much more in error words (each of them in some article's error text) than the article's message does.
  const more = `${message}\nHeron flamingo toucan, pelican ostrich kiwi, condor vulture albatross, stork crane ibis: synchronisation aborted, enrolment refused, handshake expired.`;

  it('answers the message pasted alone, or with little else', () => {
    const r = m.match(message);
    assert.deepEqual([r.decision, r.matches[0].article], ['answer', 'walrus']);
    const s = m.match(`Since Monday our app says: ${message}`);
    assert.deepEqual([s.decision, s.matches[0].article], ['answer', 'walrus']);
  });

  it('offers it, first, when the paste says much more in error words than the message explains', () => {
    const r = m.match(more, { explain: true });
    assert.equal(r.decision, 'clarify');
    assert.equal(r.matches[0].article, 'walrus');
    assert.equal(r.matches[0].score, DEFAULT_PARAMETERS.score.unexplained.cap);
    assert.ok(
      r.matches[0].why!.rules.some((x) => x.rule === 'coverage' && x.note.includes("of the paste's error words")),
      JSON.stringify(r.matches[0].why!.rules),
    );
  });

  it('answers it when the error found holds a code: the code names the error, whatever else the paste says', () => {
    const coded = `550 5.7.61 Quokka refusal.\nHeron flamingo toucan, pelican ostrich kiwi, condor vulture albatross, stork crane ibis: synchronisation aborted, enrolment refused, handshake expired.`;
    const r = m.match(coded);
    assert.deepEqual([r.decision, r.matches[0].article], ['answer', 'walrus']);
  });
});
