import assert from 'node:assert/strict';
import Fuse from 'fuse.js';
import { closestSpelling, sharesLetters } from '../../src/matching/typoSearch';
import { DEFAULT_PARAMETERS } from '../../src/matching/parameters';
import { builtinMatcher } from '../helpers/fixture';

/**
 * Typo repair's look-up (src/matching/typoSearch.ts) leaves out the words that share too few letters with a typo for
 * fuse.js to find them, then asks fuse.js: it must answer exactly as fuse.js over every word did (the look-up before).
 */
describe('matching/typoSearch: the word a typo misspells', () => {
  const { maxScore } = DEFAULT_PARAMETERS.typos;

  /** The look-up as it was: fuse.js over all the words, the first of its three best within a letter of the typo's length. */
  const overAll = (typo: string, words: readonly string[], threshold = maxScore) =>
    new Fuse(words, { includeScore: true, threshold, ignoreLocation: true, isCaseSensitive: true })
      .search(typo, { limit: 3 })
      .find((r) => Math.abs(r.item.length - typo.length) <= 1)?.item;

  /** The built-in article's words of 5 letters or more without a digit (typo repair borrows such words of error texts). */
  const vocabulary = () => {
    const { signals, descriptions } = builtinMatcher().built;
    return [...new Set([...signals.vocab.terms, ...descriptions.idf.keys()])].filter((t) => t.length >= 5 && !/\d/.test(t)).sort();
  };

  /** A letter left out, doubled, changed and two swapped, at every place of the word; and German letters for good measure. */
  function typosOf(word: string): string[] {
    const out = new Set<string>();
    for (let i = 0; i < word.length; i++) {
      out.add(word.slice(0, i) + word.slice(i + 1));
      out.add(word.slice(0, i) + word[i] + word.slice(i));
      out.add(`${word.slice(0, i)}x${word.slice(i + 1)}`);
      if (i + 1 < word.length) out.add(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
    }
    out.add(`${word}ü`);
    out.add(word.replace(/e/g, 'ä'));
    return [...out].filter((t) => t !== word);
  }

  it('finds what fuse.js over every word finds, for typos of every word and words it knows nothing like', function () {
    // ~3 s of fuse.js searches alone; a landing gate on a loaded 2-core machine took it past mocha's 20 s once.
    this.timeout(120_000);
    const words = vocabulary();
    assert.ok(words.length > 100, 'the case is about a real vocabulary');
    const typos = [
      ...words.flatMap(typosOf),
      'zzzzzz',
      'verbindungsaufbau',
      'sicherheitskanal',
      'Verbunddienst',
      'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
    ];
    let found = 0;
    for (const typo of typos) {
      const expected = overAll(typo, words);
      assert.equal(closestSpelling(typo, words, maxScore), expected, typo);
      if (expected !== undefined) found++;
    }
    assert.ok(found > typos.length / 2, `most typos are found (${found} of ${typos.length})`);
  });

  it('a typo longer than 32 letters is looked up among all the words (fuse.js reads it in parts, each may match alone)', () => {
    // Its last 32 letters are 12 edits from the word's: found at 0.5, though it shares only 20 of its 42 letters with it.
    const typo = `${'x'.repeat(22)}certificateauthority`;
    const word = `${'y'.repeat(22)}certificateauthority`;
    const words = ['certificate', word];
    assert.equal(overAll(typo, words, 0.5), word);
    assert.equal(sharesLetters(typo, word, 21), false);
    assert.equal(closestSpelling(typo, words, 0.5), word);
  });

  it('counts each letter of the typo once, and letters of the word as often as they stand there', () => {
    assert.equal(sharesLetters('conection', 'connection', 9), true);
    assert.equal(sharesLetters('aaab', 'ab', 3), false);
    assert.equal(sharesLetters('aaab', 'aab', 3), true);
    assert.equal(sharesLetters('abc', 'xyz', 1), false);
    assert.equal(sharesLetters('abc', 'xyz', 0), true);
  });
});
