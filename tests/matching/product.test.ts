import assert from 'node:assert/strict';
import type { KnowledgeBase } from '../../src/knowledge/load';
import type { Article } from '../../src/knowledge/types';
import { Matcher } from '../../src/matching/matcher';
import { namesProduct, onlineOnly, pasteOnPremises } from '../../src/matching/product';
import { englishArticle as article } from '../helpers/articles';

/** README "How matching works": the product rule (product.ts), on small hand-made articles and pastes. */

const kbOf = (articles: Article[]): KnowledgeBase => ({ articles, byId: new Map(articles.map((a) => [a.id, a])), problems: [] });
const top = (m: Matcher, text: string) => {
  const r = m.match(text);
  return [r.decision, r.matches[0]?.article ?? null, r.matches[0]?.score ?? null];
};
const online = [{ name: 'Exchange Online', versions: [] }];
const server = [{ name: 'Exchange Server', versions: ['2016'] }];

describe('matching: the product rule (product.ts)', () => {
  const error = 'Delivery to the wombat address is restricted by the quokka policy. WOMBAT.RST.Restricted';
  const build = (products: Article['products'], title?: string) =>
    new Matcher(
      kbOf([
        article('wombat', [error], { products, ...(title ? { title: { en: title } } : {}) }),
        article('other', ['Unrelated quokka text about feeding schedules of the zoo.']),
      ]),
    );

  it('offers an Exchange Online-only article for a paste that says it runs on an on-premises Exchange server', () => {
    const m = build(online);
    assert.deepEqual(top(m, error), ['answer', 'wombat', 1]);
    for (const said of [
      'Our Exchange 2013 distribution group bounces it.',
      'Exchange Server 2016 CU23',
      '[PS] C:\\Windows\\system32>Get-Queue',
    ]) {
      assert.deepEqual(top(m, `${said}\n${error}`), ['clarify', 'wombat', 0.75], said);
    }
    const explained = m.match(`Exchange 2013 here.\n${error}`, { explain: true }).matches[0];
    assert.ok(explained.why?.rules.some((r) => r.rule === 'product' && r.note.includes('applies to Exchange Online only')));
    // An article without products whose title says it is about Exchange Online.
    assert.deepEqual(top(build([], 'Fix the wombat error in Exchange Online'), `Exchange 2013 here.\n${error}`), [
      'clarify',
      'wombat',
      0.75,
    ]);
  });

  it('answers when the paste names the cloud too, or the article applies to an Exchange Server, or has no products', () => {
    assert.deepEqual(top(build(online), `Hybrid with Exchange 2016 and Exchange Online.\n${error}`), ['answer', 'wombat', 1]);
    assert.deepEqual(top(build([...online, ...server]), `Exchange 2016 here.\n${error}`), ['answer', 'wombat', 1]);
    assert.deepEqual(top(build([]), `Exchange 2016 here.\n${error}`), ['answer', 'wombat', 1]);
  });

  it('reads the product a paste names and which articles apply to Exchange Online only', () => {
    assert.equal(pasteOnPremises('We run Exchange 2010 SP3'), 'Exchange 2010');
    assert.equal(pasteOnPremises('our on-premises Exchange rejects it'), 'on-premises Exchange');
    assert.equal(pasteOnPremises('Exchange 2019 and our Office 365 tenant'), undefined);
    assert.equal(pasteOnPremises('Running the HCW on Exchange 2010'), undefined);
    assert.equal(pasteOnPremises('Outlook shows the error'), undefined);
    assert.equal(onlineOnly(article('a', [], { products: online })), true);
    assert.equal(onlineOnly(article('a', [], { products: [...online, ...server] })), false);
    assert.equal(onlineOnly(article('a', [], {})), false);
    // The version the paste names is in the article's own text (its error): no conflict.
    assert.equal(namesProduct('sendingmailboxserverisntrunningexchange2013oralaterversion', 'Exchange Server 2013'), true);
    assert.equal(namesProduct('ndroverview', 'Exchange 2013'), false);
  });
});
