/**
 * Property tests (fast-check) for the normaliser and the matcher on arbitrary and paste-like text:
 * they never throw, give the same result for the same input (also from a fresh matcher), keep their
 * result well-formed, and finish on 100 KB of arbitrary text (completion only; speed is measured
 * in `npm run bench`, not here).
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { cleanPaste, decodeEntities, foldWord, termsOf, tokenize } from '../../src/matching/normalize';
import { Matcher, MAX_PASTE_CHARS } from '../../src/matching/matcher';
import type { MatchResult } from '../../src/matching/types';
import { realMatcher } from '../bot/support/harness';
import { anyText, largePaste, pasteLike } from './arbitraries';

const text = fc.oneof(anyText(), pasteLike());

function wellFormed(result: MatchResult, kbIds: ReadonlySet<string>): void {
  assert.ok(['answer', 'clarify', 'none'].includes(result.decision));
  assert.ok(['de', 'en'].includes(result.lang));
  assert.equal(typeof result.truncated, 'boolean');
  assert.ok(result.matches.length <= 5);
  for (let i = 0; i < result.matches.length; i++) {
    const m = result.matches[i]!;
    assert.ok(kbIds.has(m.article), `unknown article ${m.article}`);
    assert.ok(m.score >= 0 && m.score <= 1 && Number.isFinite(m.score), `score ${m.score}`);
    if (i > 0) assert.ok(m.score <= result.matches[i - 1]!.score, 'best first');
    if (m.evidence !== undefined) assert.ok(m.evidence.length <= 240);
  }
  if (result.decision === 'answer') assert.ok(result.matches.length >= 1);
}

describe('fuzz: normaliser and matcher', function () {
  this.timeout(120_000);
  const matcher = realMatcher();
  const ids = new Set(matcher.kb.articles.map((a) => a.id));

  it('the normaliser never throws and is deterministic', () => {
    fc.assert(
      fc.property(text, (t) => {
        const first = { entities: decodeEntities(t), lines: cleanPaste(t), tokens: tokenize(t), terms: termsOf(t), fold: foldWord(t) };
        assert.deepEqual(
          { entities: decodeEntities(t), lines: cleanPaste(t), tokens: tokenize(t), terms: termsOf(t), fold: foldWord(t) },
          first,
        );
        for (const token of first.tokens.tokens) {
          assert.ok(token.term.length > 0, 'no empty terms');
          assert.ok(token.line >= 0 && token.line < first.tokens.lines.length, 'token lines point into the lines');
        }
      }),
      { numRuns: 300 },
    );
  });

  it('the matcher never throws, is deterministic, and its result is well-formed', () => {
    const fresh = new Matcher(matcher.kb);
    fc.assert(
      fc.property(text, fc.constantFrom(undefined, 'de' as const, 'en' as const), (t, lang) => {
        const options = lang ? { lang } : undefined;
        const result = matcher.match(t, options);
        wellFormed(result, ids);
        assert.deepEqual(matcher.match(t, options), result, 'same input, same result');
        assert.deepEqual(fresh.match(t, options), result, 'no hidden state between matchers');
      }),
      { numRuns: 300 },
    );
  });

  it('an exact error string of an article is never answered with "none" (the generator is meaningful)', () => {
    const errors = matcher.kb.articles.flatMap((a) => a.symptoms.flatMap((s) => Object.values(s.errors).flat()));
    fc.assert(
      fc.property(fc.constantFrom(...errors), (error) => {
        assert.notEqual(matcher.match(error!).decision, 'none', error);
      }),
      { numRuns: Math.min(100, errors.length * 3) },
    );
  });

  it('finishes on 100 KB of arbitrary text and of log-like text, and cuts pastes over the limit', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', minLength: 100_000, maxLength: 100_000 }), largePaste(100_000)), (t) => {
        const result = matcher.match(t);
        wellFormed(result, ids);
        assert.equal(result.truncated, t.length > MAX_PASTE_CHARS);
        tokenize(t);
      }),
      { numRuns: 6 },
    );
    fc.assert(
      fc.property(largePaste(MAX_PASTE_CHARS + 50_000), (t) => {
        const result = matcher.match(t);
        wellFormed(result, ids);
        assert.equal(result.truncated, true);
      }),
      { numRuns: 3 },
    );
  });
});
