import assert from 'node:assert/strict';
import { Matcher } from '../../src/matching/matcher';
import { describedArticle, kbOf } from '../helpers/articles';

/**
 * README "How matching works": a description answered by its symptom (with its cause, or named whole) is only offered
 * where the paste names a hex result code that no text of the article holds — the post quotes an error of its own.
 */
describe('matching: a result code the article does not hold keeps a described symptom offered (descriptionHits.ts)', () => {
  const others = [
    describedArticle('oof', 'External senders receive no out-of-office replies', 'Senders outside get none.'),
    describedArticle('photos', 'User photos are not shown in Outlook', 'Photos of users are missing.'),
    describedArticle('rooms', 'Room lists are empty in Microsoft 365', 'The room finder shows no rooms for on-premises users.'),
  ];
  const fromField = (description: string) =>
    describedArticle('from-field', 'Emails sent from on-premises to Microsoft 365 show email addresses in From field', description);
  const plain =
    'Messages from on-premises users show the email address instead of the display name in the From field of Microsoft 365 users.';
  const said = 'Emails sent from on-premises to Microsoft 365 show the email address in the From field instead of the display name.';
  const run = (description: string, text: string) => {
    const r = new Matcher(kbOf([fromField(description), ...others])).match(text, { explain: true });
    return { decision: r.decision, first: r.matches[0]?.article, why: r.matches[0]?.why?.rules.map((x) => x.note) ?? [] };
  };

  it('answers the symptom named whole, and offers it when the paste adds a result code the article never names', () => {
    assert.deepEqual([run(plain, said).decision, run(plain, said).first], ['answer', 'from-field']);
    const coded = run(plain, `${said} The transport log says Error 0x71a.`);
    assert.deepEqual([coded.decision, coded.first], ['clarify', 'from-field']);
    assert.ok(
      coded.why.includes(
        'the paste names the result code 0x71a, which no text of this article holds: its symptom named with its cause or whole is offered, not answered',
      ),
      coded.why.join('\n'),
    );
  });

  it('still answers where the article names that code, and reads no decimal number as a code', () => {
    const held = run(`${plain} The transport log shows error 0x71a.`, `${said} The transport log says Error 0x71a.`);
    assert.deepEqual([held.decision, held.first], ['answer', 'from-field']);
    const decimal = run(plain, `${said} It started on 2024-03-01 after 1713 messages.`);
    assert.deepEqual([decimal.decision, decimal.first], ['answer', 'from-field']);
  });
});
