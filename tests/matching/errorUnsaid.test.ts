import assert from 'node:assert/strict';
import { Matcher } from '../../src/matching/matcher';
import { errorUnsaid } from '../../src/matching/descriptions';
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
  // The cause rule alone (`describedWhole` answers well-fitting symptoms on its own).
  const params = { ...DEFAULT_PARAMETERS, descriptions: { ...DEFAULT_PARAMETERS.descriptions, answerFit: 2 } };
  const run = (text: string, errorTitle = share) => {
    const r = new Matcher(kbOf([crates, ...others]), { ...params, descriptions: { ...params.descriptions, errorTitle } }).match(text, {
      explain: true,
    });
    return { decision: r.decision, first: r.matches[0]?.article, why: r.matches[0]?.why?.rules.map((x) => x.note) ?? [] };
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
});
