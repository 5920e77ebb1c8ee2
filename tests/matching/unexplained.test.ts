import assert from 'node:assert/strict';
import { Matcher } from '../../src/matching/matcher';
import { DEFAULT_PARAMETERS } from '../../src/matching/parameters';
import { englishArticle as article, kbOf } from '../helpers/articles';

/**
 * An answer whose error explains little of what the paste says in error words, none of them a code, is offered
 * (errorCaps.ts capUnexplained, parameters.ts `score.unexplained`).
 */
describe('matching rules: an error that explains little of the paste (unexplained)', () => {
  let m: Matcher;
  beforeEach(() => {
    m = new Matcher(
      kbOf([
        article('walrus', ['The walrus pony gateway is unavailable.', '550 5.7.61 Quokka refusal.']),
        article('heron', ['Heron flamingo toucan synchronisation aborted.']),
        article('pelican', ['Pelican ostrich kiwi enrolment refused.']),
        article('condor', ['Condor vulture albatross handshake expired.']),
        article('stork', ['Stork crane ibis mailbox quarantined.']),
        article('other', ['Unrelated zebra text about the zoo.']),
      ]),
    );
  });
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
  it("reads the share off the article's error text that explains the most: its own longer error, found with a value changed", () => {
    const long =
      "Heron flamingo toucan synchronisation of 'Box1' aborted: pelican ostrich kiwi enrolment refused, condor vulture albatross handshake expired, stork crane ibis mailbox quarantined on numbat bilby wombat dingo.";
    const n = new Matcher(kbOf([article('walrus', [message, long]), article('other', ['Unrelated zebra text about the zoo.'])]));
    // The message whole (the text that finds the answer), and the article's longer error with another value and without its
    // ending (found less well, yet it explains most of the paste).
    const paste = `${message}\nHeron flamingo toucan synchronisation of 'Mailbox7' aborted: pelican ostrich kiwi enrolment refused, condor vulture albatross handshake expired, stork crane ibis mailbox quarantined.`;
    const r = n.match(paste);
    assert.deepEqual([r.decision, r.matches[0].article, r.matches[0].score], ['answer', 'walrus', 1]);
    // Scored below decision.candidate, the longer text counts for nothing: the message alone explains too little.
    const p = { ...DEFAULT_PARAMETERS, decision: { ...DEFAULT_PARAMETERS.decision, candidate: 0.96 } };
    const far = new Matcher(kbOf([article('walrus', [message, long]), article('other', ['Unrelated zebra text about the zoo.'])]), p);
    assert.notEqual(far.match(paste).decision, 'answer');
  });
});
