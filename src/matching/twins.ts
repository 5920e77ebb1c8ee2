import { packedSignals, type PackedSignals } from './packed';
import type { SignalIndex } from './signals';

/**
 * Per error text, the first error text that scores exactly like it against any paste: the same words with the same
 * weights, the same parts and flags, the same arrows. Articles share error texts (a wrapper, the same error in
 * several articles; at 10,000 synthetic articles 28% of all texts and 39% of a PowerShell record's candidates are
 * such twins), and scoring depends on nothing else, so a paste scores each group once (Matcher.errorHits).
 * Made on the first match, like the packed arrays it reads, and kept with the index.
 */
const TWINS = new WeakMap<SignalIndex, Int32Array>();

export function twinsOf(index: SignalIndex): Int32Array {
  let twins = TWINS.get(index);
  if (twins) return twins;
  const pk = packedSignals(index);
  twins = new Int32Array(index.errors.length);
  // Texts by a hash of their numbers, compared in full within a bucket: a string key per text (its numbers joined) took
  // 66 ms at 10,000 articles, paid by the first paste.
  const buckets = new Map<number, number[]>();
  for (let id = 0; id < twins.length; id++) {
    const h = hashOf(pk, id);
    let bucket = buckets.get(h);
    if (bucket === undefined) buckets.set(h, (bucket = []));
    let first = id;
    for (const other of bucket)
      if (sameText(pk, other, id)) {
        first = other;
        break;
      }
    if (first === id) bucket.push(id);
    twins[id] = first;
  }
  TWINS.set(index, twins);
  return twins;
}

/** A hash of error text `id`'s words, flags, units, inner message and arrows (not its weights: sameText compares those). */
function hashOf(pk: PackedSignals, id: number): number {
  let h = pk.detailUnit[id];
  for (let i = pk.termStart[id]; i < pk.termStart[id + 1]; i++) h = (Math.imul(h, 31) + pk.ids[i] * 256 + pk.flags[i]) | 0;
  for (let u = pk.unitStart[id]; u < pk.unitStart[id + 1]; u++)
    h = (Math.imul(h, 31) + pk.unitFrom[u] * 4096 + pk.unitTo[u] * 16 + pk.unitFlags[u]) | 0;
  for (let k = pk.arrowStart[id]; k < pk.arrowStart[id + 1]; k++) h = (Math.imul(h, 31) + pk.arrows[k]) | 0;
  return h;
}

/** Error texts a and b have the same words with the same weights and flags, the same units, inner message and arrows. */
function sameText(pk: PackedSignals, a: number, b: number): boolean {
  return (
    pk.detailUnit[a] === pk.detailUnit[b] &&
    sameRange(pk.termStart, a, b, pk.ids, pk.weights, pk.flags) &&
    sameRange(pk.unitStart, a, b, pk.unitFrom, pk.unitTo, pk.unitFlags) &&
    sameRange(pk.arrowStart, a, b, pk.arrows, pk.arrows, pk.arrows)
  );
}

/** Texts a and b have as many entries in `start`'s ranges, and equal ones in each of x, y, z. */
function sameRange(start: Int32Array, a: number, b: number, x: ArrayLike<number>, y: ArrayLike<number>, z: ArrayLike<number>): boolean {
  const a0 = start[a];
  const b0 = start[b];
  const n = start[a + 1] - a0;
  if (start[b + 1] - b0 !== n) return false;
  for (let k = 0; k < n; k++) if (x[a0 + k] !== x[b0 + k] || y[a0 + k] !== y[b0 + k] || z[a0 + k] !== z[b0 + k]) return false;
  return true;
}
