import assert from 'node:assert/strict';
import { Matcher } from '../../src/matching/matcher';
import { failureUnsaid } from '../../src/matching/descriptions';
import { describedArticle, kbOf, proseTrio } from '../helpers/articles';

describe('matching: prose that says nothing fails is not answered by an article whose title says something fails (failureUnsaid)', () => {
  const TITLE = "Members of a wombat group don't receive parcels";

  it('reads a failure, negation or fault word in the paste, and only titles that say something fails', () => {
    assert.equal(failureUnsaid(TITLE, 'How do I list the members of a wombat group with their parcel addresses?'), true);
    // A failure, negation or fault word: the paste says something goes wrong.
    assert.equal(failureUnsaid(TITLE, 'Members of our wombat group stopped getting parcels.'), false);
    assert.equal(failureUnsaid(TITLE, 'Members of our wombat group can’t get parcels.'), false);
    assert.equal(failureUnsaid(TITLE, 'The wombat group still shows the old members, and no parcels arrive.'), false);
    assert.equal(failureUnsaid(TITLE, 'Parcels to the wombat group never reach its members.'), false);
    assert.equal(failureUnsaid(TITLE, 'I added members to the wombat group, but the parcel list stays the same.'), false);
    // A title that says nothing fails, or names only a kind of failure (bounces, errors): any paste may name it.
    assert.equal(failureUnsaid('Wombat groups hold parcels for their members', 'How do I list the members of a wombat group?'), false);
    assert.equal(
      failureUnsaid('Bounce messages and errors of the wombat relay', 'My mail program adds stray bytes to each message.'),
      false,
    );
    // The title's typographic apostrophe is read as the plain one.
    assert.equal(failureUnsaid('Members of a wombat group don’t receive parcels', 'How do I list the members of a wombat group?'), true);
    // A German post says its failure in words of its own: not read here.
    assert.equal(
      failureUnsaid(TITLE, 'Wie kann ich die Mitglieder einer Wombatgruppe anzeigen, die über diese Gruppe Pakete bekommen?'),
      false,
    );
  });

  describe('in the matcher', () => {
    const kb = kbOf(proseTrio());
    let m: Matcher;
    beforeEach(() => {
      m = new Matcher(kb);
    });
    const told = 'Staff portraits changed on premises keep the old picture, in the cloud they never refresh.';
    const asked = 'Staff portraits changed on premises: how do I see which picture the cloud shows for them, the old picture?';

    it('answers the symptom told as a failure', () => {
      assert.deepEqual([m.match(told).decision, m.match(told).matches[0]?.article], ['answer', 'portraits']);
    });

    it('offers it for a question that names its words but says nothing fails, and says why', () => {
      const r = m.match(asked, { explain: true });
      assert.deepEqual([r.decision, r.matches[0]?.article], ['clarify', 'portraits']);
      assert.ok(
        r.matches[0].why!.rules.some(
          (x) =>
            x.note ===
            "the article's title says something fails and the paste says nothing does (no failure, negation or fault word): offered, not answered",
        ),
        JSON.stringify(r.matches[0].why!.rules),
      );
    });
  });

  describe('with topic phrases (a cause named)', () => {
    let m: Matcher;
    beforeEach(() => {
      m = new Matcher(
        kbOf([
          describedArticle(
            'quokka',
            'Hybrid wombat servers without quokka 1.2: burrow sharing and numbat trust fail',
            'Burrow sharing between wombat servers and the cloud stops.',
            { keywords: { en: ['quokka 1.2', 'quokka 1.0'] } },
          ),
          describedArticle('photos', 'User photos are not shown in Outlook', 'Photos of users are missing.'),
          describedArticle('rooms', 'Room lists are empty in Microsoft 365', 'The room finder shows no rooms for on-premises users.'),
        ]),
      );
    });

    it('answers the cause named beside a failure, offers it named in a question that says nothing fails', () => {
      const failed = m.match('Our wombat servers fail to accept quokka 1.0 instead of quokka 1.2.');
      assert.deepEqual([failed.decision, failed.matches[0]?.article], ['answer', 'quokka']);
      const r = m.match('Can our wombat servers accept quokka 1.0 instead of quokka 1.2?', { explain: true });
      assert.deepEqual([r.decision, r.matches[0]?.article], ['clarify', 'quokka']);
      assert.ok(
        r.matches[0].why!.rules.some(
          (x) =>
            x.note ===
            "the article's title says something fails and the paste says nothing does (no failure, negation or fault word): its topic phrases add nothing: offered, not answered",
        ),
        JSON.stringify(r.matches[0].why!.rules),
      );
    });
  });
});
