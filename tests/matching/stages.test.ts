import assert from 'node:assert/strict';
import type { Article } from '../../src/knowledge/types';
import { Matcher } from '../../src/matching/matcher';
import { DEFAULT_PARAMETERS } from '../../src/matching/parameters';
import { describedArticle, englishArticle, kbOf } from '../helpers/articles';

/**
 * The matcher's last stages on small hand-made articles (matcher.ts decideAt, ranking.ts rank): what is read when, what is
 * listed, how equal and nested matches are ordered. Literal values, not ones read from the parameters.
 */

const CODED = 'HCW8078 The wombat migration endpoint could not be created on the numbat server because the remote quokka host refused it';
const CALENDAR: Article = describedArticle(
  'calendar',
  'Wombat calendar sharing stops working',
  'Free/busy of wombat mailboxes is not shown',
  { keywords: { en: ['wombat sharing policy'] } },
  { id: 'blank', keywords: { en: ['wombat calendar blank'] } },
);
const ARCHIVE: Article = describedArticle(
  'archive',
  'Numbat archive cannot be opened',
  'Users cannot open the numbat archive in Outlook',
  {},
  { id: 'open' },
);
const FAR = 'Replication of the marmot database copy failed because the log stream of the passive node was interrupted.';
const DESCRIBED = 'users cannot open the numbat archive in Outlook';

const listed = (m: Matcher, text: string, explain = false) => {
  const r = m.match(text, { explain });
  return [r.decision, r.matches.map((x) => [x.article, x.score])];
};

describe('matching: the decision stage (Matcher.decideAt)', () => {
  let m: Matcher;
  beforeEach(() => {
    m = new Matcher(kbOf([englishArticle('coded', [CODED]), CALENDAR, ARCHIVE]));
  });

  it('reads the prose as a description only when nothing scored 0.8 already: a symptom and a topic phrase are 0.8', () => {
    assert.deepEqual(listed(m, DESCRIBED), ['clarify', [['archive', 0.55]]]);
    // The keyword and topic phrase score 0.55 + 0.25 = 0.8 (0.83 with the topic's tie-break): an answer, the description not read.
    const both = `wombat calendar blank, wombat sharing policy. Also ${DESCRIBED}`;
    assert.deepEqual(listed(m, both, true), ['answer', [['calendar', 0.83]]]);
    // Read when answers need more than 0.8: then the description is listed with it.
    const higher = new Matcher(kbOf([CALENDAR, ARCHIVE]), {
      ...DEFAULT_PARAMETERS,
      decision: { ...DEFAULT_PARAMETERS.decision, answer: 0.81 },
    });
    assert.deepEqual(listed(higher, both, true)[1], [
      ['calendar', 0.83],
      ['archive', 0.55],
    ]);
  });

  it('shows an answer alone, and lists what else scored only when explaining or when nothing was found', () => {
    const paste = `${CODED}\nwombat calendar blank`;
    assert.deepEqual(listed(m, paste), ['answer', [['coded', 1]]]);
    assert.deepEqual(listed(m, paste, true), [
      'answer',
      [
        ['coded', 1],
        ['calendar', 0.55],
      ],
    ]);
  });

  it('lists what scored at least 0.2 when nothing is offered, so a knowledge author sees what came close', () => {
    const far = new Matcher(kbOf([englishArticle('far', [FAR])]));
    const r = far.match('Replication of the marmot database copy failed because the disk was full and the server was down');
    assert.deepEqual([r.decision, r.matches.map((x) => x.article)], ['none', ['far']]);
    assert.ok(r.matches[0].score >= 0.2 && r.matches[0].score < 0.45, `${r.matches[0].score}`);
  });

  it('lists at most five, and the article asked about after them wherever it ranks', () => {
    const same = new Matcher(kbOf(['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((id) => englishArticle(id, [FAR]))));
    const r = same.match(FAR, { explain: true });
    assert.deepEqual(
      r.matches.map((x) => x.article),
      ['a', 'b', 'c', 'd', 'e'],
    );
    const g = same.match(FAR, { explain: true, article: 'g' });
    assert.deepEqual(
      g.matches.map((x) => x.article),
      ['a', 'b', 'c', 'd', 'e', 'g'],
    );
  });

  it('lists past the offered ones only what reaches the listed score, and every offered one below it', () => {
    const strict = (listedAt: number) =>
      new Matcher(kbOf([englishArticle('coded', [CODED]), CALENDAR, ARCHIVE]), {
        ...DEFAULT_PARAMETERS,
        decision: { ...DEFAULT_PARAMETERS.decision, listed: listedAt },
      });
    const paste = `${CODED}\nwombat calendar blank`;
    // The keyword alone scores 0.55: listed from 0.55 on, not above.
    assert.deepEqual(listed(strict(0.55), paste, true)[1], [
      ['coded', 1],
      ['calendar', 0.55],
    ]);
    assert.deepEqual(listed(strict(0.56), paste, true)[1], [['coded', 1]]);
    // Offered (a clarify) is shown whatever the listed score.
    assert.deepEqual(listed(strict(0.9), DESCRIBED, true), ['clarify', [['archive', 0.55]]]);
  });
});

describe('matching: the ranking stage (ranking.ts rank)', () => {
  it('orders matches a scenario cap set to the same score by how well each fit its error before the cap', () => {
    const whole =
      'The wombat address "SMTP:<address>" is already being used by the wombat store or LegacyExchangeDN. Please choose another wombat address.';
    const m = new Matcher(
      kbOf([
        // Sorts first by id; its text holds words the paste lacks, so it fits less well before the cap.
        englishArticle('alpha-part', [whole.replace('wombat store', 'wombat store in the numbat forest')]),
        englishArticle('beta-whole', [whole]),
        englishArticle('other', ['The numbat service stopped after the quokka timer expired']),
        englishArticle('other2', ['Mailbox move of the wallaby user failed with a transient error']),
      ]),
    );
    // A cmdlet neither article names: both are capped at 0.75 (offered, not answered).
    const paste = `PS C:\\> New-MailUser -Name Pat\n${whole.replace('<address>', 'pat@contoso.com')}`;
    assert.deepEqual(listed(m, paste), [
      'clarify',
      [
        ['beta-whole', 0.75],
        ['alpha-part', 0.75],
      ],
    ]);
  });

  it('adds 0.03 per topic phrase of the article to a match that scores at least tiebreakFrom', () => {
    const coded = englishArticle('coded', [CODED], { keywords: { en: ['wombat sharing policy'] } });
    const at = (from: number) =>
      new Matcher(kbOf([coded]), { ...DEFAULT_PARAMETERS, ranking: { ...DEFAULT_PARAMETERS.ranking, tiebreakFrom: from } });
    const paste = 'HCW8078 and the wombat sharing policy';
    // A code held by one article scores 0.6.
    assert.deepEqual(listed(at(0.45), paste), ['clarify', [['coded', 0.63]]]);
    assert.deepEqual(listed(at(0.6), paste), ['clarify', [['coded', 0.63]]]);
    assert.deepEqual(listed(at(0.61), paste), ['clarify', [['coded', 0.6]]]);
  });
});
