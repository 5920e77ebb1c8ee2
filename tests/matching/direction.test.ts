import assert from 'node:assert/strict';
import { agreedDirection, flowsOf, reversedDirection, symptomFlow, titleFlow } from '../../src/matching/direction';
import { Matcher } from '../../src/matching/matcher';
import { DEFAULT_PARAMETERS } from '../../src/matching/parameters';
import { describedArticle, kbOf } from '../helpers/articles';

const W = DEFAULT_PARAMETERS.descriptions.directionWords;

describe('matching/direction', () => {
  it('reads where a sentence says something comes from and goes to, in English and German', () => {
    assert.deepEqual(flowsOf('Free/busy lookups fail from Exchange Online to on-premises.', W), [{ from: 'cloud', to: 'on-premises' }]);
    assert.deepEqual(flowsOf('Moving a mailbox from Office 365 back to the on-premises environment fails', W), [
      { from: 'cloud', to: 'on-premises' },
    ]);
    // One phrase: the other end is the other side named elsewhere in the sentence.
    assert.deepEqual(flowsOf('Office 365 users do not receive out-of-office notifications from on-premises users', W), [
      { from: 'on-premises', to: 'cloud' },
    ]);
    // German prepositions as the lexicon leaves them, German `lokal…` as written.
    assert.deepEqual(flowsOf('Benutzerfotos werden nicht von Exchange Online in die lokale Umgebung synchronisiert.', W), [
      { from: 'cloud', to: 'on-premises' },
    ]);
    // Sentence by sentence; a side too far from its preposition, and `to or from`, say no direction.
    assert.deepEqual(flowsOf('Mail comes from Office 365. On-premises users see it late.', W), [{ from: 'cloud' }]);
    assert.deepEqual(flowsOf('Mail from our big old remote Office 365 tenant', W), []);
    assert.deepEqual(flowsOf('Moving mailboxes to or from Microsoft 365 fails', W), []);
  });

  it('finds a paste that says the direction of the title the other way round, and only where no direction of it agrees', () => {
    const a = describedArticle('fb', 'Free/busy lookups fail from Exchange Online to on-premises', 'Lookups fail.');
    assert.deepEqual(titleFlow(a, W), { from: 'cloud', to: 'on-premises' });
    assert.equal(reversedDirection(a, 'Free/busy lookups from on-premises to Exchange Online fail.', W), true);
    assert.equal(reversedDirection(a, 'Free/busy lookups from Exchange Online to on-premises fail.', W), false);
    assert.equal(reversedDirection(a, 'Free/busy lookups fail.', W), false);
    // One direction agrees (the migration the other way is only where it started): not reversed.
    assert.equal(
      reversedDirection(a, 'We moved mailboxes from on-premises to Exchange Online. Lookups from Exchange Online to on-premises fail.', W),
      false,
    );
    // A title without both ends says no direction to reverse.
    const b = describedArticle('oof', 'Users in Exchange Online get no out-of-office replies', 'None arrive.');
    assert.equal(titleFlow(b, W), undefined);
  });

  it("takes the matched symptom's direction where the title says none, given the symptom", () => {
    const a = describedArticle(
      'delegate',
      'Delegate cannot send on behalf of a manager after migration',
      'A manager is moved from on-premises to Exchange Online, and the delegate can no longer send on behalf of the manager.',
    );
    const symptom = a.symptoms[0].id;
    assert.equal(titleFlow(a, W), undefined);
    assert.deepEqual(symptomFlow(a, symptom, W), { from: 'on-premises', to: 'cloud' });
    const back = 'The manager was moved from Exchange Online to on-premises. The delegate cannot send on behalf of the manager.';
    assert.equal(reversedDirection(a, back, W, symptom), true);
    assert.equal(reversedDirection(a, back, W), false, 'without the symptom: the title only');
    assert.equal(reversedDirection(a, 'The manager was moved from on-premises to Exchange Online.', W, symptom), false);
    // A description with two directions says none.
    const two = describedArticle(
      'two',
      'Moves fail',
      'Moves from on-premises to Exchange Online fail, and moves from Exchange Online to on-premises too.',
    );
    assert.equal(symptomFlow(two, two.symptoms[0].id, W), undefined);
  });

  it('finds a paste that says the direction of the title the same way: both ends, and none the other way round', () => {
    const a = describedArticle('fb', 'Free/busy lookups fail from Exchange Online to on-premises', 'Lookups fail.');
    const agreed = (text: string) => agreedDirection(a, flowsOf(text, W), W);
    assert.equal(agreed('Lookups from Exchange Online to on-premises fail.'), true);
    assert.equal(agreed('Lokale Benutzer sehen nichts, die Abfragen von Exchange Online zu lokalen Servern schlagen fehl.'), true);
    assert.equal(agreed('Lookups from on-premises to Exchange Online fail.'), false, 'the other way round');
    assert.equal(agreed('Lookups from Exchange Online fail.'), false, 'one end only');
    assert.equal(agreed('Lookups from Exchange Online to on-premises fail. Lookups from on-premises to Exchange Online fail too.'), false);
    const b = describedArticle('oof', 'Users in Exchange Online get no out-of-office replies', 'None arrive.');
    assert.equal(agreedDirection(b, flowsOf('Replies from on-premises to Exchange Online fail.', W), W), false, 'a title without one');
  });

  it("gives a description that says its title's direction the same way a word of evidence and the lead: offered, not answered", () => {
    const kb = kbOf([
      describedArticle(
        'mail-in',
        'On-premises users get no email from Microsoft 365 users',
        'Email that Microsoft 365 users send never reaches on-premises users.',
      ),
      describedArticle(
        'display',
        'Email of on-premises users shows addresses for Microsoft 365 users',
        'Microsoft 365 users see the address of on-premises users in email, not their name.',
      ),
      describedArticle('photos', 'User photos are not shown in Outlook', 'Photos of users are missing.'),
      describedArticle('oof', 'External senders receive no out-of-office replies', 'Senders outside get none.'),
    ]);
    const run = (text: string, directionEvidence = DEFAULT_PARAMETERS.descriptions.directionEvidence) => {
      const params = { ...DEFAULT_PARAMETERS, descriptions: { ...DEFAULT_PARAMETERS.descriptions, directionEvidence } };
      const r = new Matcher(kb, params).match(text, { explain: true });
      return { decision: r.decision, articles: r.matches.map((m) => m.article), why: r.matches[0]?.why?.rules.map((x) => x.note) ?? [] };
    };
    const same = 'Email from Microsoft 365 users never reaches our on-premises users.';
    // Both articles hold its words alike: without the direction only the last resort offers them, together.
    assert.deepEqual(run(same, 0).articles, ['mail-in', 'display']);
    const led = run(same);
    assert.deepEqual([led.decision, led.articles], ['clarify', ['mail-in']]);
    assert.ok(led.why.some((n) => n.includes('direction of the article') && n.includes('same way') && n.includes('not answered')));
    // The other way round it gains nothing: the display article's title says that way (`for` Microsoft 365 users), and it leads.
    const reversed = 'Email from our on-premises users never reaches Microsoft 365 users.';
    assert.deepEqual(run(reversed, 0).articles, ['mail-in', 'display']);
    assert.deepEqual(run(reversed).articles, ['display']);
  });

  it('offers, not answers, a description that names the symptom whole with the sides swapped', () => {
    const kb = kbOf([
      describedArticle(
        'from-field',
        'Emails sent from on-premises to Microsoft 365 show email addresses in From field',
        'Messages from on-premises users show the email address instead of the display name in the From field of Microsoft 365 users.',
      ),
      describedArticle('oof', 'External senders receive no out-of-office replies', 'Senders outside get none.'),
      describedArticle('photos', 'User photos are not shown in Outlook', 'Photos of users are missing.'),
      describedArticle('rooms', 'Room lists are empty in Microsoft 365', 'The room finder shows no rooms for on-premises users.'),
    ]);
    const run = (text: string, directionWords = W) => {
      const params = { ...DEFAULT_PARAMETERS, descriptions: { ...DEFAULT_PARAMETERS.descriptions, directionWords } };
      const r = new Matcher(kb, params).match(text);
      return [r.decision, r.matches[0]?.article];
    };
    const same = 'Emails sent from on-premises to Microsoft 365 show the email address in the From field instead of the display name.';
    const reversed = 'Emails sent from Microsoft 365 to on-premises show the email address in the From field instead of the display name.';
    assert.deepEqual(run(same), ['answer', 'from-field']);
    assert.deepEqual(run(reversed), ['clarify', 'from-field']);
    assert.deepEqual(run(reversed, 0), ['answer', 'from-field']);
    // --explain says why.
    const explained = new Matcher(kb).match(reversed, { explain: true }).matches[0].why;
    assert.ok(explained?.rules.some((r) => r.note.includes('direction of the article') && r.note.includes('other way round')));
  });
});
