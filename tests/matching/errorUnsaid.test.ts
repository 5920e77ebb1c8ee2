import assert from 'node:assert/strict';
import { Matcher } from '../../src/matching/matcher';
import type { MatchResult } from '../../src/matching/types';
import { errorSaid, errorUnsaid, failureUnsaid, titleIsError, titleNamesCode } from '../../src/matching/descriptions';
import { DEFAULT_PARAMETERS } from '../../src/matching/parameters';
import { describedArticle, kbOf, proseArticle } from '../helpers/articles';

/**
 * README "How matching works": an article whose title is its error message is about that error. Prose that names its
 * symptom and its cause but no error or failure at all (a story the cause is part of) is offered, not answered.
 */
describe('matching: an error article is not answered for prose that names no error (descriptions.ts errorUnsaid)', () => {
  const share = DEFAULT_PARAMETERS.descriptions.errorTitle;
  const ERROR = "CrateMoveException: Cannot find a gadget that has crate id '<ID>'";
  const TITLE = '(CrateMoveException Cannot find a gadget that has crate id) error when moving crates';
  const crates = describedArticle(
    'crates',
    TITLE,
    'When you move a crate that was created in the cloud to the warehouse, you receive an error.',
    { cause: { en: 'The cratetag attribute is not stamped on the warehouse gadget when a crate is created in the cloud.' } },
    { errors: { en: [ERROR] } },
  );
  // Articles whose descriptions compete with it (a cause is "distinctive" only where others are there).
  const others = [
    proseArticle('shelves', 'Warehouse shelves are empty in the cloud', 'The cloud shows no shelves of the warehouse.', 'A sync delay.'),
    proseArticle('colours', 'Calendar colours look odd', 'Colours of shared calendars change after a restart.', 'A theme cache.'),
    proseArticle('rooms', 'Room lists are empty', 'The room finder shows no rooms.', 'The room list lacks members.'),
  ];
  // What each case asserts: the decision, the first article and the notes of the rules that decided it.
  const outcome = (r: MatchResult) => ({
    decision: r.decision,
    first: r.matches[0]?.article,
    why: r.matches[0]?.why?.rules.map((x) => x.note) ?? [],
  });
  // The cause rule alone (`describedWhole` answers well-fitting symptoms on its own).
  const params = { ...DEFAULT_PARAMETERS, descriptions: { ...DEFAULT_PARAMETERS.descriptions, answerFit: 2 } };
  const run = (text: string, errorTitle = share) => {
    const r = new Matcher(kbOf([crates, ...others]), { ...params, descriptions: { ...params.descriptions, errorTitle } }).match(text, {
      explain: true,
    });
    return outcome(r);
  };
  const STORY =
    'In the lab a crate was created in the cloud although the warehouse already held one for it, so it should not have been made. ' +
    'Whether a new one is made is decided by the cratetag attribute stamped on the warehouse gadget.';

  it('offers the article for a story that names its symptom and cause and no error, and says why', () => {
    const r = run(STORY);
    assert.deepEqual([r.decision, r.first], ['clarify', 'crates']);
    assert.ok(
      r.why.includes(
        "the article's title is its error message and the paste names no error or failure: its symptom named with its cause or whole is offered, not answered",
      ),
      r.why.join('\n'),
    );
    // The rule off (no title holds that much of an error text): symptom and cause named together are answered.
    assert.deepEqual(Object.values(run(STORY, 2)).slice(0, 2), ['answer', 'crates']);
  });

  it('still answers where the paste says something fails, or names an error', () => {
    for (const said of ['Moving it back fails.', 'The move stops with an error.']) {
      const r = run(`${STORY} ${said}`);
      assert.deepEqual([r.decision, r.first], ['answer', 'crates'], said);
    }
  });

  it('reads the title as the error only where it holds most of an error text’s words', () => {
    assert.equal(errorUnsaid(TITLE, [ERROR], STORY, share), true);
    assert.equal(errorUnsaid('Crates are lost when moved to the warehouse', [ERROR], STORY, share), false);
    assert.equal(errorUnsaid(TITLE, [], STORY, share), false);
    // A status code, a hex result code or a negated verb says an error; a bare `not` (a setup told) does not.
    assert.equal(errorUnsaid(TITLE, [ERROR], `${STORY} The log shows 5.7.1.`, share), false);
    assert.equal(errorUnsaid(TITLE, [ERROR], `${STORY} It returns 0x80070005.`, share), false);
    assert.equal(errorUnsaid(TITLE, [ERROR], `${STORY} The move doesn't finish.`, share), false);
    assert.equal(errorUnsaid(TITLE, [ERROR], STORY.replace(', so it should not have been made', ''), share), true);
  });

  // A title that names the error by its status code (`"550 5.7.99 CrateAttribution" when sending crates outside`): the
  // error text says more than the title holds, the code makes the title the error all the same.
  const CODED_ERROR = '550 5.7.99 CrateAttribution; Crate Access Refused ATTR99 the warehouse rejected the crate from outside';
  const CODED_TITLE = '"550 5.7.99 CrateAttribution" when sending crates to another warehouse';
  const codedRun = (text: string, title = CODED_TITLE) => {
    const coded = describedArticle(
      'crates',
      title,
      'Crates sent from the depot to another warehouse through the loading dock bounce back.',
      { cause: { en: 'The loading dock connector lacks the depot address range, so crates arrive without their tenant tag.' } },
      { errors: { en: [CODED_ERROR] } },
    );
    const r = new Matcher(kbOf([coded, ...others]), params).match(text, { explain: true });
    return outcome(r);
  };
  const PLANNING =
    'Our depot sends crates to another warehouse through the loading dock, and most depot devices use a connector limited to an address range. ' +
    'If we move the depot to the cloud, what options remain for the tenant tag of these crates?';

  it('reads a title that names its error by a status code the error text carries as the error', () => {
    const r = codedRun(PLANNING);
    assert.deepEqual([r.decision, r.first], ['clarify', 'crates']);
    assert.ok(
      r.why.some((w) => w.startsWith("the article's title is its error message")),
      r.why.join('\n'),
    );
    // The same title without its code holds too little of the error's words: symptom and cause are answered.
    const uncoded = codedRun(PLANNING, '"CrateAttribution" when sending crates to another warehouse');
    assert.deepEqual([uncoded.decision, uncoded.first], ['answer', 'crates']);
    // The paste saying something fails: answered.
    assert.deepEqual(Object.values(codedRun(`${PLANNING} Some of them bounce already.`)).slice(0, 2), ['answer', 'crates']);
  });

  it('counts a title’s code only where an error text of the article carries it', () => {
    assert.equal(titleNamesCode(CODED_TITLE, [CODED_ERROR]), true);
    assert.equal(titleIsError(CODED_TITLE, [CODED_ERROR], share), true);
    // A code of the title that no error text carries (an example, another bounce) is no sign the title is the error.
    assert.equal(titleNamesCode('"550 5.7.98 CrateAttribution" when sending crates', [CODED_ERROR]), false);
    assert.equal(titleNamesCode('Crates bounce when sent to another warehouse', [CODED_ERROR]), false);
    // A hex result code counts alike; a bare number (`HTTP 500`, a count) does not.
    assert.equal(titleNamesCode('Error 0x8004010F when syncing crates', ['Sync failed with 0x8004010F.']), true);
    assert.equal(titleNamesCode('HTTP 500 when opening the crate list', ['HTTP 500 Internal Server Error']), false);
  });

  it('reads the failure words failureUnsaid reads in a title, but the bare negations and states, and the nouns of an error', () => {
    const QUESTION = 'How do I list the crates of the warehouse?';
    // A title that says something fails (failureUnsaid) and a paste that says an error happened (errorSaid): one list of words.
    for (const words of ['fails', 'can’t open', 'is stuck', 'hangs', 'was rejected', 'is blocked', 'access is denied', 'no longer opens']) {
      assert.equal(failureUnsaid(`The crate ${words}`, QUESTION), true, words);
      assert.equal(errorSaid(`When I move the crate it ${words}.`), true, words);
    }
    // The bare negations and the words of a state say a title fails; a post tells its setup with them.
    for (const words of ['is not moved', 'never arrives', 'is missing', 'looks wrong', 'disappears']) {
      assert.equal(failureUnsaid(`The crate ${words}`, QUESTION), true, words);
      assert.equal(errorSaid(`When I move the crate it ${words}.`), false, words);
    }
    // The nouns of an error or a failure: a title naming them is about a kind of failure.
    for (const words of ['shows errors', 'throws an exception', 'gives a warning', 'bounces', 'is undeliverable', 'sends NDRs']) {
      assert.equal(failureUnsaid(`The crate ${words}`, QUESTION), false, words);
      assert.equal(errorSaid(`When I move the crate it ${words}.`), true, words);
    }
  });
});
