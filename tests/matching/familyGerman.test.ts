import assert from 'node:assert/strict';
import type { LexiconEntry } from '../../src/knowledge/lexicon';
import { Matcher } from '../../src/matching/matcher';
import { DEFAULT_PARAMETERS } from '../../src/matching/parameters';
import type { MatchResult } from '../../src/matching/types';
import { describedArticle, kbOf } from '../helpers/articles';

/**
 * A family's symptom in a German paste (keywordHits.ts, articleFacts.ts familySymptom): the bilingual reference article
 * names `wombat calendar` (German `Wombatkalender`) by a keyword, English-only articles describe it too. The German
 * paste, read through the lexicon, counts as its English wording does: the keyword alone is listed, not offered, once five
 * articles or more name the symptom, whichever language the article holding the keyword is written in.
 */
const entry = (de: string, en: string): LexiconEntry => ({ de: [de], en: [en], file: 'test' });
const LEXICON = [entry('Wombatkalender', 'wombat calendar'), entry('leer', 'empty'), entry('Numbatsignierung', 'numbat signing')];

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
      description: { en: 'Gateway calls to the cloud fail.', de: 'Aufrufe des Gateways in die Cloud schlagen fehl.' },
      keywords: { en: ['wombat calendar'], de: ['Wombatkalender'] },
    },
  );

const m = (others: number) => {
  const kb = kbOf([
    reference(),
    ...[
      'Wombat calendar blank for delegates',
      'Wombat calendar missing after a move',
      'Shared wombat calendar not updated',
      'Wombat calendar shows old entries',
    ]
      .slice(0, others)
      .map((title, i) => describedArticle(`other-${i}`, title, `Users report the ${i + 1}st problem.`)),
  ]);
  return new Matcher({ ...kb, lexicon: LEXICON });
};
const offered = (r: MatchResult) => r.matches.filter((x) => x.score >= DEFAULT_PARAMETERS.decision.candidate).map((x) => x.article);

const GERMAN = 'Unser Wombatkalender ist seit Montag leer, aber nur bei den Benutzern im Büro.';
const ENGLISH = 'Our wombat calendar is empty since Monday, but only for the users in the office.';

describe("matching rules: a family's symptom in a German paste counts as in English (keywordHits.ts)", () => {
  it('offers the German keyword alone while few other articles describe the symptom, as English does', () => {
    assert.ok(offered(m(3).match(ENGLISH)).includes('reference'));
    assert.ok(offered(m(3).match(GERMAN)).includes('reference'));
  });

  it("lists, but doesn't offer, the German keyword alone once five articles or more name it, as English does", () => {
    const r = m(4).match(GERMAN, { explain: true });
    assert.ok(!offered(r).includes('reference'), JSON.stringify(r.matches.map((x) => [x.article, x.score])));
    assert.ok(!offered(m(4).match(ENGLISH)).includes('reference'));
    assert.equal(
      r.matches.find((x) => x.article === 'reference')?.why?.rules.some((x) => /the family's symptom, not this article's/.test(x.note)),
      true,
    );
  });

  it("offers it with the article's topic phrase, in German as in English", () => {
    assert.ok(offered(m(4).match('Unser Wombatkalender ist seit Montag leer, seit die Numbatsignierung aus ist.')).includes('reference'));
  });
});
