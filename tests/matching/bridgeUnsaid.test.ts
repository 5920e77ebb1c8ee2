import assert from 'node:assert/strict';
import type { LexiconEntry } from '../../src/knowledge/lexicon';
import { failureUnsaid } from '../../src/matching/descriptions';
import { Matcher } from '../../src/matching/matcher';
import { describedArticle, kbOf } from '../helpers/articles';

/**
 * A German description read through the lexicon (bridge.ts combineWithTranslation) is answered on an English article's
 * symptom only as an English one would be: not where the article's title says something fails and the translation holds
 * no failure, negation or fault word (descriptions.ts failureUnsaid: a how-to question about the article's subject), nor
 * where it says the title's direction works (direction.ts directionAgainst). The German words are the lexicon's: a German
 * word says a failure where an English form of its entry does.
 */
const entry = (de: string[], en: string | string[]): LexiconEntry => ({ de, en: Array.isArray(en) ? en : [en], file: 'test' });
const LEXICON = [
  entry(['Wombatnotiz', 'Wombatnotizen'], 'wombat notice'),
  entry(['erhalten'], 'receive'),
  entry(['keine'], 'no'),
  entry(['lokal', 'lokalen'], 'on-premises'),
  entry(['Benutzer', 'Benutzern'], 'user'),
  entry(['funktionieren'], 'work'),
  entry(['einwandfrei'], 'fine'),
  entry(['aber'], 'but'),
  entry(['Absender'], 'sender'),
  entry(['umgekehrt'], 'the other way'),
  entry(['zugestellt'], 'delivered'),
  entry(['schief'], ['askew', 'wrong']),
];

const ARTICLES = [
  describedArticle(
    'notice-cloud-side',
    'Office 365 users cannot receive wombat notices from on-premises users',
    'Users in Office 365 receive no wombat notice when they write to on-premises users.',
  ),
  describedArticle('notice-senders', 'External senders do not receive wombat notices', 'Senders outside get none.'),
  describedArticle('mail-flow', 'On-premises users receive no mail from Office 365', 'Mail from the cloud is not delivered.'),
  describedArticle('photos', 'User photos are not shown in Outlook', 'Photos of users are missing.'),
  describedArticle('rooms', 'Room lists are empty in Microsoft 365', 'The room finder shows no rooms for on-premises users.'),
];

const matcher = new Matcher({ ...kbOf(ARTICLES), lexicon: LEXICON });
const run = (text: string) => {
  const r = matcher.match(text, { explain: true });
  return { decision: r.decision, first: r.matches[0]?.article, notes: r.translation?.notes ?? [] };
};

describe('matching: a German description that says nothing fails, or that its way works, is offered through the bridge', () => {
  it('reads a translation without the language guess: its English failure, negation and fault words', () => {
    const title = 'Office 365 users cannot receive wombat notices from on-premises users';
    // As written a German question is left to the bridge; its translation is read, German words left as written and all.
    assert.equal(failureUnsaid(title, 'Wie erhalten Benutzer in Office 365 die Wombatnotizen von lokalen Benutzern?'), false);
    assert.equal(failureUnsaid(title, 'Wie receive user in Office 365 die wombat notice von on-premises user?', true), true);
    assert.equal(failureUnsaid(title, 'user in Office 365 receive no wombat notice von on-premises user.', true), false);
    assert.equal(failureUnsaid(title, 'user in Office 365 receive die wombat notice still nicht', true), false);
  });

  it('answers the failure told in German, and offers a how-to question on the same words', () => {
    const told = run('Benutzer in Office 365 erhalten keine Wombatnotizen von lokalen Benutzern.');
    assert.deepEqual([told.decision, told.first], ['answer', 'notice-cloud-side']);
    const asked = run('Wie erhalten Benutzer in Office 365 die Wombatnotizen von lokalen Benutzern?');
    assert.deepEqual([asked.decision, asked.first], ['clarify', 'notice-cloud-side'], JSON.stringify(asked));
    assert.ok(
      asked.notes.includes(
        "not answered: notice-cloud-side's title says something fails, the paste read through the lexicon says nothing does",
      ),
      JSON.stringify(asked.notes),
    );
  });

  it('counts a German word as a failure word where another English form of its entry is one (`schief`: askew, wrong)', () => {
    const r = run('Benutzer in Office 365 erhalten die Wombatnotizen von lokalen Benutzern schief.');
    assert.deepEqual([r.decision, r.first], ['answer', 'notice-cloud-side'], JSON.stringify(r));
  });

  it("offers a description that says the title's direction works", () => {
    const works = run(
      'Wombatnotizen von lokalen Benutzern an Benutzer in Office 365 funktionieren einwandfrei, aber umgekehrt werden keine zugestellt.',
    );
    assert.deepEqual([works.decision, works.first], ['clarify', 'notice-cloud-side'], JSON.stringify(works));
    assert.ok(
      works.notes.includes("not answered: the paste says the direction of notice-cloud-side's title works"),
      JSON.stringify(works.notes),
    );
  });
});
