import assert from 'node:assert/strict';
import { Matcher } from '../../src/matching/matcher';
import { errorNamed, symptomQuotesError } from '../../src/matching/descriptions';
import { describedArticle, kbOf, proseArticle } from '../helpers/articles';

/**
 * README "How matching works": a symptom that is an error message (it has an error text) is not answered for English prose
 * that names it whole but names no error at all and says more of something else than of the symptom (the symptom holds less
 * than `descriptions.unquotedShare` of its words; descriptionHits.ts `errorUnquoted`): an overview of what a client supports
 * tells the symptom's words, not the error the article resolves. A user's own sentence of the symptom stays answered.
 */
describe('matching: a symptom that is an error message is not answered on its words alone (descriptionHits.ts errorUnquoted)', () => {
  const DESCRIPTION = 'Walrus clients in the cloud cannot open the iceberg folders that are kept in the harbour.';
  const ERROR = 'Iceberg folders are unreachable because the walrus client lost its harbour link.';
  const iceberg = (errors: string[]) =>
    describedArticle('iceberg', 'Walrus clients cannot open harbour iceberg folders', DESCRIPTION, {}, { errors: { en: errors } });
  const others = [
    proseArticle('shelves', 'Warehouse shelves are empty in the cloud', 'The cloud shows no shelves of the warehouse.', 'A sync delay.'),
    proseArticle('colours', 'Calendar colours look odd', 'Colours of shared calendars change after a restart.', 'A theme cache.'),
    proseArticle('rooms', 'Room lists are empty', 'The room finder shows no rooms.', 'The room list lacks members.'),
    proseArticle(
      'banner',
      'Keepers see the update banner twice',
      'After the spring release the update banner shows twice for keepers and guides.',
      'A stale banner cache.',
    ),
    proseArticle(
      'notes',
      'Release notes are blank',
      'The release notes of the spring update are blank for keepers and guides.',
      'A missing notes file.',
    ),
  ];
  const run = (text: string, errors = [ERROR]) => {
    const r = new Matcher(kbOf([iceberg(errors), ...others])).match(text, { explain: true });
    return { decision: r.decision, first: r.matches[0]?.article, why: r.matches[0]?.why?.rules.map((x) => x.note) ?? [] };
  };
  // An overview: one sentence of the symptom among what an update brings (words other articles hold), the symptom holding
  // 0.4 of its words.
  const OVERVIEW =
    'Walrus clients and iceberg folders. Walrus clients in the cloud could not open the iceberg folders kept in the harbour if the harbour runs the old release. The spring update makes it work, as the release notes tell keepers and guides on a banner: shelves of the warehouse sync without delay, the room finder lists members, calendar colours survive a restart, and a stale theme cache or a missing file no longer leaves anything blank.';
  // A user's own sentence of the symptom, no error named: the symptom holds it whole.
  const SENTENCE =
    'Walrus clients in the cloud could not open the iceberg folders kept in the harbour if the harbour runs the old release.';

  it('offers the article for prose that names its symptom whole and no error, and says why', () => {
    const r = run(OVERVIEW);
    assert.deepEqual([r.decision, r.first], ['clarify', 'iceberg']);
    assert.ok(
      r.why.includes('the symptom is an error message and the paste names no error: its symptom named whole is offered, not answered'),
      r.why.join('\n'),
    );
    // The same symptom without an error text: answered on its words.
    assert.deepEqual(Object.values(run(OVERVIEW, [])).slice(0, 2), ['answer', 'iceberg']);
  });

  it("still answers a user's sentence that names the symptom whole and little else, though it names no error", () => {
    assert.deepEqual(Object.values(run(SENTENCE)).slice(0, 2), ['answer', 'iceberg']);
  });

  it('still answers where the paste names an error', () => {
    assert.deepEqual(Object.values(run(`${OVERVIEW} Outlook shows an error.`)).slice(0, 2), ['answer', 'iceberg']);
  });

  it('reads an error named by its noun, an exception class, a status or hex code; a failure told in words is none', () => {
    for (const text of ['It shows an error.', 'A NullReferenceException is logged.', 'It bounces with 5.7.1.', 'It returns 0x80004005.'])
      assert.equal(errorNamed(text), true, text);
    assert.equal(errorNamed('The clients could not open the folders.'), false);
    assert.equal(symptomQuotesError(iceberg([ERROR]), 'main'), true);
    assert.equal(symptomQuotesError(iceberg([]), 'main'), false);
  });
});
