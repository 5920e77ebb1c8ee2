import type { GramTable } from './gramTable';
import { FIRST, VAR_AFTER, type PackedSignals } from './packed';
import { gramCode } from './signals';

/**
 * Units (packed.ts: the sentences and inner messages of an error text) that score alike against any paste, as one
 * class: the same words with the same weights and flags, followed by the same word (the next unit's first, or none:
 * the word pair across a unit's end counts too). What the scorer sums over a unit's words — the weight found, the
 * word pairs found, whether the paste holds the unit, the evidence of its first occurrences — depends on nothing
 * else, so a paste computes it once per class (score.ts), and an error text not scored to the end is read as its
 * units' classes, not word by word. At 10,000 synthetic articles the near-duplicates share their wrappers: the 870
 * error texts a PowerShell record has scored hold 8,831 units (37,008 words) of under a thousand classes.
 * Made on the first match, like the packed arrays it reads, and kept with them.
 */
export interface UnitClasses {
  /** Per unit (its place in the packed unit arrays): its class. */
  of: Int32Array;
  /** Per class: the packed position of the first word of its first unit, and its number of words. */
  start: Int32Array;
  length: Int32Array;
  /** Per class: the weight of its words. */
  all: Float64Array;
  /** Per class: its word pairs (a placeholder or variable value between two words cuts them apart) and their weight. */
  pairs: Int32Array;
  pairWeight: Float64Array;
  /** Per class: the weight of the word pair across its end (its last word, the next unit's first), 0 when none counts. */
  crossWeight: Float64Array;
}

const CLASSES = new WeakMap<PackedSignals, UnitClasses>();

export function unitClassesOf(pk: PackedSignals): UnitClasses {
  let classes = CLASSES.get(pk);
  if (!classes) CLASSES.set(pk, (classes = buildClasses(pk)));
  return classes;
}

/** The words at packed positions [from, to], the last one the next unit's first (-1: none), are those of class unit `c`. */
function sameWords(
  pk: PackedSignals,
  from: number,
  to: number,
  next: boolean,
  c: number,
  classes: { start: number[]; length: number[]; next: boolean[] },
): boolean {
  const cFrom = classes.start[c];
  if (to - from !== classes.length[c] || next !== classes.next[c]) return false;
  const last = next ? to : to - 1;
  for (let k = 0; k <= last - from; k++)
    if (
      pk.ids[from + k] !== pk.ids[cFrom + k] ||
      pk.weights[from + k] !== pk.weights[cFrom + k] ||
      pk.flags[from + k] !== pk.flags[cFrom + k]
    )
      return false;
  return true;
}

function buildClasses(pk: PackedSignals): UnitClasses {
  const units = pk.unitFrom.length;
  const of = new Int32Array(units);
  const made = { start: [] as number[], length: [] as number[], next: [] as boolean[] };
  // Hash of ids and flags → classes with that hash (a number, not a string key per unit: 60,000 units at 10,000 articles).
  const buckets = new Map<number, number[]>();
  const texts = pk.termStart.length - 1;
  for (let id = 0; id < texts; id++) {
    const t0 = pk.termStart[id];
    const u1 = pk.unitStart[id + 1];
    for (let u = pk.unitStart[id]; u < u1; u++) {
      const from = t0 + pk.unitFrom[u];
      const to = t0 + pk.unitTo[u];
      const next = u + 1 < u1;
      let h = next ? to - from : -(to - from);
      for (let i = from; i < (next ? to + 1 : to); i++) h = (Math.imul(h, 31) + pk.ids[i] * 4 + pk.flags[i]) | 0;
      let bucket = buckets.get(h);
      if (!bucket) buckets.set(h, (bucket = []));
      let c = -1;
      for (const k of bucket) if (sameWords(pk, from, to, next, k, made)) c = k;
      if (c < 0) {
        c = made.start.push(from) - 1;
        made.length.push(to - from);
        made.next.push(next);
        bucket.push(c);
      }
      of[u] = c;
    }
  }
  const n = made.start.length;
  const all = new Float64Array(n);
  const pairs = new Int32Array(n);
  const pairWeight = new Float64Array(n);
  const crossWeight = new Float64Array(n);
  for (let c = 0; c < n; c++) {
    const end = made.start[c] + made.length[c];
    for (let i = made.start[c]; i < end; i++) {
      all[c] += pk.weights[i];
      if (i + 1 < end && !(pk.flags[i] & VAR_AFTER)) {
        pairs[c]++;
        pairWeight[c] += (pk.weights[i] + pk.weights[i + 1]) / 2;
      }
    }
    if (made.next[c] && !(pk.flags[end - 1] & VAR_AFTER)) crossWeight[c] = (pk.weights[end - 1] + pk.weights[end]) / 2;
  }
  return { of, start: Int32Array.from(made.start), length: Int32Array.from(made.length), all, pairs, pairWeight, crossWeight };
}

/** What one paste holds of each class, for the classes asked about (valid where `stamp` equals `epoch`). */
export interface ClassWeights {
  stamp: Int32Array;
  epoch: number;
  /** Weight of the words found. */
  have: Float64Array;
  /** 1 when the paste holds the unit: words and word pairs (score.ts, `touched`). */
  touched: Uint8Array;
  /** Weight of the word pairs found. */
  pairHave: Float64Array;
  /** 1 when the paste holds the word pair across the class's end (crossWeight > 0). */
  crossIn: Uint8Array;
  /** Weight and number of the words found at their first occurrence in their error text (evidence). */
  evidence: Float64Array;
  firsts: Int32Array;
}

export function newClassWeights(classes: UnitClasses): ClassWeights {
  const n = classes.start.length;
  return {
    stamp: new Int32Array(n),
    epoch: 0,
    have: new Float64Array(n),
    touched: new Uint8Array(n),
    pairHave: new Float64Array(n),
    crossIn: new Uint8Array(n),
    evidence: new Float64Array(n),
    firsts: new Int32Array(n),
  };
}

/**
 * The paste's words (`has`, per vocabulary id) and word pairs (`pairs`, gram codes in a vocabulary of `size`) against
 * class c, stored in `w`: a unit is touched with `knobs.touched` of its weight and `knobs.touchedPairs` of its word pairs
 * found. (The knobs come as their object: a fraction passed as an argument to a function not inlined is a new heap
 * number per call, and this runs for thousands of classes per paste at 10,000 articles.)
 */
export function weighClass(
  pk: PackedSignals,
  classes: UnitClasses,
  c: number,
  paste: { has: Uint8Array; pairs: GramTable; size: number },
  knobs: { touched: number; touchedPairs: number },
  w: ClassWeights,
): void {
  const { touched: touchedShare, touchedPairs } = knobs;
  const { has, pairs: pastePairs, size } = paste;
  const { ids, weights, flags } = pk;
  const start = classes.start[c];
  const end = start + classes.length[c];
  let h = 0;
  let words = 0;
  let pairsHave = 0;
  let pairHave = 0;
  let evidence = 0;
  let firsts = 0;
  for (let i = start; i < end; i++) {
    if (has[ids[i]] !== 1) continue;
    const weight = weights[i];
    h += weight;
    words++;
    if (flags[i] & FIRST) {
      evidence += weight;
      firsts++;
    }
    if (i + 1 < end && !(flags[i] & VAR_AFTER) && has[ids[i + 1]] === 1 && pastePairs.has(gramCode(size, ids[i], ids[i + 1]))) {
      pairsHave++;
      pairHave += (weight + weights[i + 1]) / 2;
    }
  }
  const a = classes.all[c];
  const pairs = classes.pairs[c];
  // Without word pairs to check (a name cuts each one: `The call to '<url>' failed`), one word of several says too little.
  const enough = pairs > 0 ? pairsHave / pairs >= touchedPairs : words >= Math.min(2, end - start);
  const last = ids[end - 1];
  w.crossIn[c] =
    classes.crossWeight[c] > 0 && has[last] === 1 && has[ids[end]] === 1 && pastePairs.has(gramCode(size, last, ids[end])) ? 1 : 0;
  w.have[c] = h;
  w.touched[c] = a > 0 && h / a >= touchedShare && enough ? 1 : 0;
  w.pairHave[c] = pairHave;
  w.evidence[c] = evidence;
  w.firsts[c] = firsts;
  w.stamp[c] = w.epoch;
}
