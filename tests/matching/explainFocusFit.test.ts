import assert from 'node:assert/strict';
import type { LexiconEntry } from '../../src/knowledge/lexicon';
import { translatedFocus } from '../../src/matching/explain';
import { Matcher } from '../../src/matching/matcher';
import type { FocusFit, Match, MatchResult } from '../../src/matching/types';
import { describedArticle, kbOf } from '../helpers/articles';

/**
 * `kb match --explain --article` (issue 12 item 4) for an article that no hit found: how the description path fit its best
 * symptom (`MatchResult.focusFit`) — for a German paste, as its translation through the lexicon read it (issue 13), where the
 * paste as written holds none of the English article's words. Small hand-made articles and lexicon.
 */
const entry = (de: string[], en: string): LexiconEntry => ({ de, en: [en], file: 'test' });
const LEXICON = [
  entry(['Wombat', 'Wombats'], 'wombat'),
  entry(['Notiz', 'Notizen'], 'notice'),
  entry(['Absender'], 'sender'),
  entry(['erhalten'], 'receive'),
  entry(['gestern'], 'yesterday'),
];
const ARTICLES = [
  describedArticle('notice-senders', 'External senders do not receive wombat notices', 'Senders outside get no wombat notice.'),
  describedArticle('wombat-sync', 'Wombat notices are not synced to the quokka store', 'The quokka store lacks wombat notices.'),
  describedArticle('photos', 'User photos are not shown in Outlook', 'Photos of users are missing.'),
];
const matcher = new Matcher({ ...kbOf(ARTICLES), lexicon: LEXICON });

describe('matching: --explain --article, the description fit of an article no hit found (focusFit)', () => {
  it('shows how the translation of a German paste fit the article, its place and the best other article', () => {
    const r = matcher.match('Seit gestern sehen die Absender die Wombats nicht.', { explain: true, article: 'wombat-sync' });
    assert.ok(!r.matches.some((m) => m.article === 'wombat-sync'), JSON.stringify(r.matches));
    const f = r.focusFit;
    assert.ok(f, JSON.stringify(r));
    assert.equal(f.translated, true, 'read through the lexicon');
    assert.equal(f.symptom, 'main');
    assert.ok(f.found.includes('wombat'), f.found.join(','));
    assert.ok(f.rank >= 2, `behind notice-senders: ${f.rank}`);
    assert.equal(f.other?.article, 'notice-senders');
    assert.ok(f.other.fit > f.fit);
    assert.ok(Math.abs(f.fit - f.pasteShare * f.docShare) <= 0.002, 'the fit is the product of the two shares');
    assert.match(f.offeredAt, /^a fit of \d/);
  });

  it('shows the fit as written for a paste in the articles’ language, and nothing where the prose holds none of its words', () => {
    const r = matcher.match('Since yesterday the wombat is quiet.', { explain: true, article: 'wombat-sync' });
    assert.equal(r.decision, 'none');
    assert.deepEqual(r.matches, []);
    assert.deepEqual([r.focusFit?.found, r.focusFit?.rank, r.focusFit?.translated], [['wombat'], 1, undefined]);
    assert.equal(matcher.match('Since yesterday the wombat is quiet.', { explain: true, article: 'photos' }).focusFit, undefined);
    assert.equal(matcher.match('Since yesterday the wombat is quiet.', { explain: true }).focusFit, undefined, 'only for an article');
    assert.equal(matcher.match('Since yesterday the wombat is quiet.').focusFit, undefined);
  });
});

describe('matching: --explain --article through the lexicon, what the translation read of the article (translatedFocus)', () => {
  const match = (article: string, score: number): Match => ({ article, symptom: 'main', score, title: article });
  const result = (matches: Match[], focusFit?: FocusFit): MatchResult => ({
    decision: matches.length ? 'clarify' : 'none',
    matches,
    lang: 'de',
    truncated: false,
    ...(focusFit ? { focusFit } : {}),
  });
  const fit: FocusFit = {
    symptom: 'main',
    found: ['wombat'],
    pasteShare: 0.5,
    docShare: 0.2,
    fit: 0.1,
    evidence: 1,
    rank: 2,
    offeredAt: 'x',
  };

  it('lists the translation’s match of it, scored as the translation’s matches count, where the result leaves it out', () => {
    const notes: string[] = [];
    const out = translatedFocus(result([match('a', 0.5)], fit), result([match('a', 0.55), match('b', 0.3)]), 'b', 0.9, notes);
    assert.deepEqual(
      out.matches.map((m) => [m.article, m.score]),
      [
        ['a', 0.5],
        ['b', 0.27],
      ],
    );
    assert.equal(out.focusFit, undefined, 'a match, not a fit');
    assert.deepEqual(notes, ['b: listed as the translation reads it (its score ×0.9), not among what the result offers']);
  });

  it('else shows how the translation fit it, marked as read through the lexicon; the result as it is where it holds it', () => {
    const out = translatedFocus(result([match('a', 0.5)]), { ...result([match('a', 0.55)]), focusFit: fit }, 'b', 0.9);
    assert.deepEqual(out.focusFit, { ...fit, translated: true });
    const held = result([match('b', 0.5)]);
    assert.equal(translatedFocus(held, result([match('b', 0.55)]), 'b', 0.9), held);
    const none = result([]);
    assert.equal(translatedFocus(none, undefined, 'b', 0.9), none, 'not read through the lexicon');
    assert.equal(translatedFocus(none, result([]), 'b', 0.9), none, 'nothing of it in the translation either');
  });
});
