import assert from 'node:assert/strict';
import { Matcher } from '../../src/matching/matcher';
import { englishArticle as article, kbOf } from '../helpers/articles';

/**
 * The words after a value, where the word before the value is one the error text has twice (score.ts valueContext): the
 * pair or triple of words before the value says which of its places the paste's value stands in, and what the paste says
 * after it there is compared with the error's words after the value.
 */
describe('matching rules: the words after a value whose word before it the error has twice (score.ts valueContext)', () => {
  let m: Matcher;
  beforeEach(() => {
    m = new Matcher(
      kbOf([
        article('tags', ['There are too many walrus tags: <X>, and the maximum number of walrus tags is 300.']),
        article('site', [
          "Setup can't create the quokka objects because the local computer isn't in the same domain and site as the schema " +
            'keeper. Run setup on a computer in the domain <domain_name> and site <site_name>, and wait for the replication.',
        ]),
        article('bond', [
          'The quokka calendar lookup failed for the walrus farm., inner exception: Zoo.Sprocket.QuokkaBondException: The walrus ' +
            'bond <name> cannot be used. Confirm that the walrus bond is configured.',
        ]),
        article('event', ['Event Warning: Warning <Date> <Time> 4.0.30319.0 1309 Web Event Description: the sprocket proxy is disabled']),
        article('other', ['Unrelated marmot text about the zoo.']),
      ]),
    );
  });
  const top = (text: string) => {
    const r = m.match(text);
    return [r.decision, r.matches[0]?.article ?? null];
  };

  it('answers the error with another value in its place where the words after it are the error’s', () => {
    assert.deepEqual(top('There are too many walrus tags: EX02, and the maximum number of walrus tags is 300.'), ['answer', 'tags']);
    assert.deepEqual(
      top(
        "Setup can't create the quokka objects because the local computer isn't in the same domain and site as the schema " +
          'keeper. Run setup on a computer in the domain corp01 and site site02, and wait for the replication.',
      ),
      ['answer', 'site'],
    );
    assert.deepEqual(
      top(
        'The quokka calendar lookup failed for the walrus farm., inner exception: Zoo.Sprocket.QuokkaBondException: The walrus ' +
          'bond EX02 cannot be used. Confirm that the walrus bond is configured.',
      ),
      ['answer', 'bond'],
    );
  });

  it('does not answer it where the paste goes on differently after its value, quoted or not', () => {
    for (const paste of [
      'There are too many walrus tags: EX02 is not valid for the current marmot operation.',
      "There are too many walrus tags: 'EX02' is not valid for the current marmot operation.",
      // The pair after the word (`domain site`) is in the paste, at the error's other place.
      "Setup can't create the quokka objects because the local computer isn't in the same domain and site as the schema " +
        'keeper. Run setup on a computer in the domain EX02 before trying to connect to the marmot endpoint.',
      // The triple before the value across the chain's colon (`…QuokkaBondException: The walrus bond <name>`).
      'The quokka calendar lookup failed for the walrus farm., inner exception: Zoo.Sprocket.QuokkaBondException: The walrus ' +
        'bond EX02 is not bound to the marmot service at Zoo.Sprocket.Check',
    ])
      assert.notEqual(m.match(paste).decision, 'answer', paste);
  });

  it('compares nothing where the error goes on with a number of its own after the value (the paste’s run of values takes it in)', () => {
    assert.deepEqual(top('Event Warning: Warning EX02 EX03 4.0.30319.0 1309 Web Event Description: the sprocket proxy is disabled'), [
      'answer',
      'event',
    ]);
  });
});
