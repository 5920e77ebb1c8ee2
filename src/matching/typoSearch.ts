/**
 * Typo repair's look-up (stage 4, Matcher.repairTypos): the word of the leading candidates an unknown word of the
 * paste is a misspelling of, as fuse.js finds it. Fuse reads every word of the vocabulary with its bitap search, which
 * was a fifth of a long German post's matching; most words share too few letters with the typo to be found at all.
 *
 * Bitap finds a word when part of it is within `errors` edits of the typo (a letter changed, added or left out), and
 * fuse.js keeps it when `errors / typo.length ≤ maxScore` (with `ignoreLocation`, that is its score). Within that
 * many edits, all but `errors` of the typo's letters are met in the word, each by a letter of its own: a word that
 * holds fewer of them can't be found. Such words are left out before fuse.js reads the rest, which finds the same
 * words with the same scores in the same order (ties by their place in the list, which the rest keeps), so the
 * answer is the same. A typo longer than 32 letters is searched by fuse.js in parts, each of which may match alone:
 * it is looked up among all the words.
 */
import Fuse from 'fuse.js';

/** Longest pattern fuse.js's bitap reads in one piece. */
const BITAP_LETTERS = 32;

/** Per letter of the typo: taken by a letter of the word read (`sharesLetters`), reused (grown for a longer typo). */
let taken = new Uint8Array(BITAP_LETTERS);

/**
 * The word of `words` that `typo` is a misspelling of: of fuse.js's three best (at most `maxScore`), the first no more
 * than one letter longer or shorter (fuse.js also finds a word inside a longer one: `unexpected` in `unexpectedly`).
 */
export function closestSpelling(typo: string, words: readonly string[], maxScore: number): string | undefined {
  let near = words;
  if (typo.length <= BITAP_LETTERS) {
    let errors = 0;
    // The edits fuse.js allows, counted as it scores them (errors / length ≤ threshold).
    while ((errors + 1) / typo.length <= maxScore) errors++;
    const need = typo.length - errors;
    near = words.filter((w) => sharesLetters(typo, w, need));
    if (!near.length) return undefined;
  }
  const fuse = new Fuse(near, { includeScore: true, threshold: maxScore, ignoreLocation: true, isCaseSensitive: true });
  return fuse.search(typo, { limit: 3 }).find((r) => Math.abs(r.item.length - typo.length) <= 1)?.item;
}

/** Whether `word` holds at least `need` of `typo`'s letters (UTF-16 units, as bitap reads them), each letter once. */
export function sharesLetters(typo: string, word: string, need: number): boolean {
  if (need <= 0) return true;
  if (typo.length > taken.length) taken = new Uint8Array(typo.length);
  taken.fill(0, 0, typo.length);
  let met = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    for (let j = 0; j < typo.length; j++) {
      if (taken[j] || typo.charCodeAt(j) !== c) continue;
      taken[j] = 1;
      if (++met >= need) return true;
      break;
    }
  }
  return false;
}
