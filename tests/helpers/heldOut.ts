/**
 * Checks that run over every labelled set, the held-out parts included (tests/data/README.md: nobody reads their pastes,
 * ids or labels; they are never tuned on). A failure in a set that may be read names its paste as the check says (id,
 * text, what differed); in a held-out part it says how many pastes failed and their places in the file, nothing else:
 * no id, no text, no message of the check, no diff of what it compared.
 */
import assert from 'node:assert/strict';
import path from 'node:path';

/** A held-out part of the real-world sets (`realworld-heldout.jsonl`, `realworld-de-heldout.jsonl`). */
export function isHeldOut(file: string): boolean {
  return path.basename(file).includes('heldout');
}

/** What a failure in a held-out part says: the count and the places (1-based among the file's pastes). */
export function heldOutFailure(file: string, places: readonly number[], total: number): string {
  return `${path.basename(file)}: ${places.length} of ${total} pastes fail, at places ${places.join(', ')} (held out: no id, text or difference shown)`;
}

/**
 * Runs `check` on every paste of `file`. Where the file may be read, the first failure is thrown as it is (its message
 * and an assertion's diff show the paste). In a held-out part every paste is checked, and one failure is thrown for all
 * that failed, saying only how many and where (`heldOutFailure`).
 */
export function checkEachPaste<P>(file: string, pastes: readonly P[], check: (paste: P, index: number) => void): void {
  if (!isHeldOut(file)) {
    pastes.forEach((p, i) => check(p, i));
    return;
  }
  const places: number[] = [];
  pastes.forEach((p, i) => {
    try {
      check(p, i);
    } catch {
      places.push(i + 1);
    }
  });
  // assert.fail: an AssertionError with neither actual nor expected, so the reporter has nothing to diff.
  if (places.length) assert.fail(heldOutFailure(file, places, pastes.length));
}

/**
 * The pastes of `file` that fail, for a check that lists them all: `describe(paste)` says how it failed (undefined: it
 * passed), kept as it is where the file may be read; in a held-out part only the failures' count and places are kept
 * (one entry, `heldOutFailure`), and `describe`'s words are dropped. Empty when none failed.
 */
export function failuresIn<P>(file: string, pastes: readonly P[], describe: (paste: P, index: number) => string | undefined): string[] {
  const out: string[] = [];
  const places: number[] = [];
  pastes.forEach((p, i) => {
    const failed = describe(p, i);
    if (failed === undefined) return;
    if (isHeldOut(file)) places.push(i + 1);
    else out.push(failed);
  });
  if (places.length) out.push(heldOutFailure(file, places, pastes.length));
  return out;
}
