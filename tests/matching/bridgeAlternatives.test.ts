import assert from 'node:assert/strict';
import type { LexiconEntry } from '../../src/knowledge/lexicon';
import { Matcher } from '../../src/matching/matcher';
import { describedArticle, kbOf } from '../helpers/articles';

/**
 * A German word whose lexicon entry gives several English forms (`angezeigt`: `displayed`, `appear`) is read as the first,
 * and found in an article's title and symptom in any of them (descriptions.ts scoreDescriptions and titlesNamed,
 * `alternatives`): which English verb an article uses depends on the article, not on the German word.
 */
const entry = (de: string[], en: string[]): LexiconEntry => ({ de, en, file: 'test' });
const lexicon = (shown: string[]): LexiconEntry[] => [
  entry(['Wombatfach'], ['wombat vault']),
  entry(['angezeigt'], shown),
  entry(['nicht'], ['not']),
  entry(['Outlook im Web'], ['Outlook on the web']),
  entry(['Benutzer'], ['user']),
];

/** Five articles about the wombat vault in Outlook: its name and the client's tell them apart no more than a common word. */
const ARTICLES = [
  describedArticle(
    'vault-not-visible',
    "Wombat vault doesn't appear in Outlook or Outlook on the web",
    'The wombat vault is missing from the folder list.',
  ),
  describedArticle('vault-open', "Users can't open their wombat vault in Outlook on the web", 'Opening the wombat vault fails.'),
  describedArticle(
    'vault-import',
    'Imported parcels hidden in the wombat vault in Outlook',
    'Parcels imported into the vault stay hidden.',
  ),
  describedArticle('vault-full', 'Wombat vault is full in Outlook', 'The wombat vault reports its quota reached.'),
  describedArticle('vault-slow', 'Wombat vault items move slowly in Outlook on the web', 'Moving items to the wombat vault takes hours.'),
  describedArticle('photos', 'User photos are not displayed in Outlook', 'Photos of users are missing.'),
  describedArticle('rooms', 'Room lists are empty in Microsoft 365', 'The room finder shows no rooms.'),
];

const run = (shown: string[], text: string) => {
  const r = new Matcher({ ...kbOf(ARTICLES), lexicon: lexicon(shown) }).match(text);
  return { decision: r.decision, articles: r.matches.map((m) => m.article) };
};

describe("matching: a translated word is found in any English form of its lexicon entry (bridge, descriptions' alternatives)", () => {
  const paste = 'Das Wombatfach wird in Outlook und in Outlook im Web nicht angezeigt.';

  it('offers the article whose title writes the other form', () => {
    const r = run(['displayed', 'appear'], paste);
    assert.notEqual(r.decision, 'none', JSON.stringify(r));
    assert.equal(r.articles[0], 'vault-not-visible', JSON.stringify(r));
  });

  it('does not find it through a form the entry does not give', () => {
    const r = run(['displayed'], paste);
    assert.ok(r.decision === 'none' || r.articles[0] !== 'vault-not-visible', JSON.stringify(r));
  });
});
