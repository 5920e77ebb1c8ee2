import assert from 'node:assert/strict';
import type { Article } from '../../src/knowledge/types';
import type { LexiconEntry } from '../../src/knowledge/lexicon';
import { Matcher } from '../../src/matching/matcher';
import { DEFAULT_PARAMETERS } from '../../src/matching/parameters';
import type { MatchResult } from '../../src/matching/types';
import { describedArticle, kbOf } from '../helpers/articles';

/**
 * A family's symptom in a German paste (keywordHits.ts, articleFacts.ts familySymptom, bridge.ts combineWithTranslation):
 * the bilingual reference article names `wombat calendar` (German `Wombatkalender`) by a keyword, and four English-only
 * articles' titles name it too. Read through the lexicon, the keyword alone is offered beside the others — not only
 * listed, as in English — but never answered on the translation, and it ranks after another article's symptom of the
 * same score.
 */
const entry = (de: string, en: string): LexiconEntry => ({ de: [de], en: [en], file: 'test' });
const LEXICON = [
  entry('Wombatkalender', 'wombat calendar'),
  entry('leer', 'empty'),
  entry('Numbatsignierung', 'numbat signing'),
  entry('Sprocketportal', 'sprocket portal'),
  entry('öffnen', 'open'),
  entry('importierte', 'imported'),
  entry('Quokkadateien', 'quokka files'),
  entry('angezeigt', 'displayed'),
  entry('nicht', 'not'),
];

const reference = () =>
  describedArticle(
    'reference',
    'Sprocket gateway without numbat signing',
    'Gateway calls to the cloud fail.',
    {
      title: { en: 'Sprocket gateway without numbat signing', de: 'Sprocket-Gateway ohne Numbatsignierung' },
      languages: ['de', 'en'],
      keywords: { en: ['numbat signing'], de: ['Numbatsignierung'] },
      cause: { en: 'c', de: 'c' },
      steps: [{ text: { en: 's', de: 's' } }],
    },
    {
      description: {
        en: 'The wombat calendar cannot be opened in the sprocket portal.',
        de: 'Der Wombatkalender lässt sich im Sprocketportal nicht öffnen.',
      },
      keywords: { en: ['wombat calendar'], de: ['Wombatkalender'] },
    },
  );

const FAMILY = [
  'Wombat calendar blank for delegates',
  'Wombat calendar missing after a move',
  'Shared wombat calendar not updated',
  'Wombat calendar shows old entries',
].map((title, i) => describedArticle(`other-${i}`, title, `Users report the ${i + 1}st problem.`));

const matcher = (...more: Article[]) => new Matcher({ ...kbOf([reference(), ...FAMILY, ...more]), lexicon: LEXICON });
const offered = (r: MatchResult) => r.matches.filter((x) => x.score >= DEFAULT_PARAMETERS.decision.candidate).map((x) => x.article);

describe("matching rules: a family's symptom in a German paste is offered, never answered (keywordHits.ts, bridge.ts)", () => {
  it('offers the reference article for the German keyword alone, beside the family, where English only lists it', () => {
    const german = matcher().match('Unser Wombatkalender ist seit Montag leer, aber nur bei den Benutzern im Büro.');
    assert.ok(offered(german).includes('reference'), JSON.stringify(german.matches));
    const english = matcher().match('Our wombat calendar is empty since Monday, but only for the users in the office.');
    assert.ok(!offered(english).includes('reference'), JSON.stringify(english.matches));
  });

  it('does not answer the family symptom on the translation, however well the rest of the sentence fits', () => {
    const r = matcher().match('Der Wombatkalender lässt sich im Sprocketportal nicht öffnen.', { explain: true });
    assert.equal(r.decision, 'clarify', JSON.stringify(r.matches.map((x) => [x.article, x.score])));
    assert.equal(r.matches[0].article, 'reference');
    assert.ok(
      r.translation?.notes?.some((n) => /a symptom many articles describe/.test(n)),
      JSON.stringify(r.translation?.notes),
    );
    assert.ok(r.matches[0].why?.rules.some((x) => /the family's symptom, offered beside the others, never answered/.test(x.note)));
  });

  it("puts another article's symptom of the same score first, and answers it as before", () => {
    const quokka = describedArticle(
      'unseen-quokka-files',
      'Imported quokka files not displayed in the wombat calendar',
      'Imported quokka files are not displayed in the wombat calendar.',
    );
    const r = matcher(quokka).match('Die importierten Quokkadateien werden im Wombatkalender nicht angezeigt.');
    assert.equal(r.decision, 'answer', JSON.stringify(r.matches.map((x) => [x.article, x.score])));
    assert.equal(r.matches[0].article, 'unseen-quokka-files');
  });

  it("answers the German keyword with the article's topic phrase, as before", () => {
    const r = matcher().match('Der Wombatkalender lässt sich im Sprocketportal nicht öffnen, seit die Numbatsignierung aus ist.');
    assert.equal(offered(r)[0], 'reference', JSON.stringify(r.matches));
  });
});
