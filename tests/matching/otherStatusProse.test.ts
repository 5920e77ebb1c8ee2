import assert from 'node:assert/strict';
import { Matcher } from '../../src/matching/matcher';
import { DEFAULT_PARAMETERS } from '../../src/matching/parameters';
import { describedArticle, kbOf, proseArticle } from '../helpers/articles';

const p = DEFAULT_PARAMETERS.descriptions;
/** An article known by its prose, whose bounce (if `error`) carries a status code of its own. */
const portraits = (error?: string) => {
  const a = proseArticle(
    'portraits',
    'Staff portraits never refresh in the cloud',
    'Portraits changed on premises keep the old picture in the cloud.',
    'The portraitblob attribute is copied from the directory a single time; afterwards the cloud owns it.',
  );
  if (error) a.symptoms[0].errors = { en: [error] };
  return a;
};
// Articles whose descriptions compete with it (a cause is "distinctive" only where others are there).
const others = [
  describedArticle('colours', 'Calendar colours look odd', 'Colours of shared calendars change after a restart.', {
    cause: { en: 'A theme cache.' },
  }),
  proseArticle('rooms', 'Room lists are empty', 'The room finder shows no rooms.', 'The room list lacks members.'),
];
// Symptom and cause named: answered by the prose alone (descriptionHits.test.ts causeAlone).
const PROSE =
  'Staff portraits changed on premises never refresh in the cloud, users keep the old picture. Is the portraitblob attribute copied from the directory only once?';
const params = { ...DEFAULT_PARAMETERS, descriptions: { ...p, answerFit: 2 } };

const outcome = (error: string | undefined, text: string) => {
  const r = new Matcher(kbOf([portraits(error), ...others]), params).match(text, { explain: true });
  return { decision: r.decision, first: r.matches[0]?.article, notes: (r.matches[0]?.why?.rules ?? []).map((x) => x.note) };
};

describe('matching: prose that finds an article whose bounce has another status code than the paste quotes', () => {
  const ERROR = '454 4.7.9 The portrait gateway refused the upload';
  const OTHER = `${PROSE} The connector shows 450 4.4.317 Cannot connect to remote server.`;

  it('offers the article, not answers it, and says why', () => {
    assert.deepEqual(outcome(ERROR, PROSE).decision, 'answer', 'the rule itself: prose alone is answered');
    const r = outcome(ERROR, OTHER);
    assert.deepEqual([r.decision, r.first], ['clarify', 'portraits']);
    assert.ok(
      r.notes.some((n) => n.includes('a status code that the article, which names codes of its own, never names')),
      JSON.stringify(r.notes),
    );
  });

  it('answers where the paste quotes the article’s own code, or the article names no code at all', () => {
    assert.equal(outcome(ERROR, `${PROSE} The connector shows 454 4.7.9 on every try.`).decision, 'answer');
    assert.equal(outcome(undefined, OTHER).decision, 'answer');
  });
});
