/**
 * Checking a linear-time rewrite of a regular expression against the original: on many short random
 * strings built from the characters and words the pattern cares about (where the original is still fast),
 * both must give the same result.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';

/** Strings of up to `maxParts` pieces drawn from `pieces` (single characters or whole words). */
export function textOf(pieces: readonly string[], maxParts = 30): fc.Arbitrary<string> {
  return fc.array(fc.constantFrom(...pieces), { maxLength: maxParts }).map((parts) => parts.join(''));
}

/** Asserts `rewritten(t) === original(t)` for generated `t`, and for each of `examples`. */
export function assertSameResults(
  original: (text: string) => unknown,
  rewritten: (text: string) => unknown,
  pieces: readonly string[],
  examples: readonly string[] = [],
): void {
  for (const t of examples) assert.deepEqual(rewritten(t), original(t), `for ${JSON.stringify(t)}`);
  fc.assert(
    fc.property(textOf(pieces), (t) => {
      assert.deepEqual(rewritten(t), original(t), `for ${JSON.stringify(t)}`);
    }),
    { numRuns: 3000 },
  );
}
