import assert from 'node:assert/strict';
import { Matcher } from '../../src/matching/matcher';
import { describedArticle, englishArticle, kbOf } from '../helpers/articles';

/**
 * In a choice, the article about a status code comes before an error text found without that code (errorCaps.ts
 * `codeArticleAhead`): the code says which bounce, the words every bounce of it says (`couldn't be delivered … wasn't found`)
 * do not say which scenario.
 */
describe('matching: the article about a quoted status code ahead of an error found without it (a choice only)', () => {
  const kb = kbOf([
    englishArticle('code', ['550 5.4.77'], { title: { en: 'Fix NDR error 550 5.4.77 in Exchange Online' } }),
    englishArticle('scenario', ["Your message to User@contoso.com couldn't be delivered. User wasn't found at <contoso.com>."], {
      title: { en: '"550 5.4.77 NUMBAT.NotFound" when cloud users send email to on-premises users in a hybrid deployment' },
    }),
    describedArticle('printer', 'Quokka printer jams on duplex pages', 'The printer stops on every second page.'),
    englishArticle('service', ['The wombat service could not be started.']),
  ]);
  const bounce = "Your message to help@fabrikam.com couldn't be delivered.\nhelp wasn't found at fabrikam.com.\n";
  const run = (text: string) => {
    const r = new Matcher(kb).match(text, { explain: true });
    return {
      decision: r.decision,
      articles: r.matches.slice(0, 2).map((m) => m.article),
      notes: r.matches[0]?.why?.rules.map((x) => x.note) ?? [],
    };
  };

  it('offers the article about the code first where the paste quotes the code only in its advice', () => {
    const r = run(
      `${bounce}How to Fix It: the address may be misspelled. Follow the steps in: Fix delivery issues for error code 5.4.77 in Office 365.`,
    );
    assert.deepEqual([r.decision, r.articles], ['clarify', ['code', 'scenario']]);
    assert.ok(
      r.notes.some((n) => n.startsWith('first, at') && n.includes('(5.4.77)') && n.includes('scenario')),
      r.notes.join(' | '),
    );
  });

  it("keeps the scenario first where the paste names its title's words, and where it quotes no code", () => {
    const named = run(`${bounce}Our on-premises users never get it when cloud users send in our hybrid deployment; error code 5.4.77.`);
    assert.deepEqual([named.decision, named.articles[0]], ['clarify', 'scenario']);
    assert.equal(run(bounce).articles[0], 'scenario');
  });
});
