import assert from 'node:assert/strict';
import type { Article } from '../../src/knowledge/types';
import { explainedOutcome, LAST_RESORT, proseArticle, proseTrio } from '../helpers/articles';

/**
 * The order of symptoms offered together (the last resort, the family offer) by what the paste says of its own setup and
 * objects (descriptionHits.ts `pasteScopeFirst`): an article of another product than the paste's goes after the others, and
 * one holding more of the names the paste writes as a tool prints them (`mealTicketQueue`) goes ahead of a better fit.
 * Nothing is answered either way. The paste (LAST_RESORT's story) fits `portraits` a little better than `vouchers`.
 */
function lastResort(vouchers: string, extra: (a: Article) => Article = (a) => a): Article[] {
  return [
    ...proseTrio(),
    proseArticle('printers', 'Printers jam in the lobby', 'The lobby printer jams on every badge scan.', 'A paper tray.'),
    proseArticle('vouchers', 'Lunch vouchers arrive late', vouchers, 'A postal queue.'),
  ].map(extra);
}

const VOUCHERS = 'Vouchers mailed to staff arrive a week late.';
const onlineOnly = (a: Article): Article => (a.id === 'portraits' ? { ...a, products: [{ name: 'Exchange Online', versions: [] }] } : a);

describe('matching: symptoms offered together, in the order of the paste’s product and names', () => {
  it('offers the symptom of another product than the paste names after the others', () => {
    // The story says it runs on Exchange 2016 and names nothing of the cloud; `portraits` applies to Exchange Online only.
    const story = LAST_RESORT.story.replace('Since the move', 'Since the move to Exchange 2016').replace('in the cloud', '');
    assert.deepEqual(explainedOutcome(lastResort(VOUCHERS), story).articles, ['portraits', 'vouchers']);
    const moved = explainedOutcome(lastResort(VOUCHERS, onlineOnly), story);
    assert.equal(moved.decision, 'clarify');
    assert.deepEqual(moved.articles, ['vouchers', 'portraits']);
    // The cloud named too: no other product, the fit orders them.
    const both = story.replace('Exchange 2016', 'Exchange 2016 and Exchange Online');
    assert.deepEqual(explainedOutcome(lastResort(VOUCHERS, onlineOnly), both).articles, ['portraits', 'vouchers']);
  });

  it('offers first the symptom that holds a name the paste writes as a tool prints it, ahead of a better fit', () => {
    const vouchers =
      'Vouchers mailed to staff arrive a week late, and the canteen, the cashier and the kitchen wait while their mealTicketQueue stalls.';
    const story = LAST_RESORT.story.replace('for lunch', 'for lunch (mealTicketQueue)');
    const moved = explainedOutcome(lastResort(vouchers), story);
    assert.equal(moved.decision, 'clarify');
    assert.deepEqual(moved.articles, ['vouchers', 'portraits']);
    assert.match(
      moved.notes,
      /offered ahead of a better fit: it holds more of the names the paste writes as a tool prints them \(mealticketqueue\)/,
    );
    // Without the name in the paste, the better fit first.
    assert.equal(explainedOutcome(lastResort(vouchers), LAST_RESORT.story).articles[0], 'portraits');
  });
});
