import type { SignalIndex } from './signals';

/**
 * What the scorer reads of every candidate error text, flat: one typed array per field over all error texts of an
 * index, in error-text order. At 10,000 articles a paste has over a thousand candidates, most of them scored only
 * as far as it takes to see they can't be shown (Matcher.floors); read from each ErrorSignal's own objects (the
 * signal, its arrays, each unit), most of that time went to cache misses, not to the arithmetic. The signals keep
 * everything else (strings, the rules' data for the few scored to the end).
 */
export interface PackedSignals {
  /** Per error text i (and one more entry): its terms are the positions termStart[i] … termStart[i + 1] − 1. */
  termStart: Int32Array;
  /** Per position: the term's vocabulary id (ErrorSignal.ids). */
  ids: Int32Array;
  /** Per position: the term's weight (ErrorSignal.weights). */
  weights: Float64Array;
  /** Per position: VAR_AFTER (ErrorSignal.varAfter) and FIRST (a position of ErrorSignal.firsts). */
  flags: Uint8Array;
  /** Per error text i (and one more entry): its units are unitStart[i] … unitStart[i + 1] − 1. */
  unitStart: Int32Array;
  /** Per unit: its term range, as positions relative to its error text (Unit.start, Unit.end). */
  unitFrom: Int32Array;
  unitTo: Int32Array;
  /** Per unit: NESTED, GENERIC, AFTER_SENTENCE (Unit.nested, Unit.generic, Unit.afterSentence). */
  unitFlags: Uint8Array;
  /** Per error text: ErrorSignal.detailUnit, ErrorSignal.information, and 1 when it has `-->` arrows. */
  detailUnit: Int32Array;
  information: Float64Array;
  hasArrows: Uint8Array;
}

/** flags: a placeholder or variable value follows the term. */
export const VAR_AFTER = 1;
/** flags: the term's first occurrence in its error text. */
export const FIRST = 2;
/** unitFlags: Unit.nested. */
export const NESTED = 1;
/** unitFlags: Unit.generic. */
export const GENERIC = 2;
/** unitFlags: Unit.afterSentence. */
export const AFTER_SENTENCE = 4;

const PACKED = new WeakMap<Pick<SignalIndex, 'errors'>, PackedSignals>();
/** The last index asked for: the scorer asks once per candidate, mostly of one index. */
let last: { index: Pick<SignalIndex, 'errors'>; packed: PackedSignals } | undefined;

/** The flat form of `index`'s error texts, built on first use (a start doesn't pay for it) and kept with the index. */
export function packedSignals(index: Pick<SignalIndex, 'errors'>): PackedSignals {
  if (last?.index === index) return last.packed;
  let packed = PACKED.get(index);
  if (!packed) PACKED.set(index, (packed = pack(index.errors)));
  last = { index, packed };
  return packed;
}

function pack(errors: SignalIndex['errors']): PackedSignals {
  let terms = 0;
  let units = 0;
  for (const e of errors) {
    terms += e.ids.length;
    units += e.units.length;
  }
  const out: PackedSignals = {
    termStart: new Int32Array(errors.length + 1),
    ids: new Int32Array(terms),
    weights: new Float64Array(terms),
    flags: new Uint8Array(terms),
    unitStart: new Int32Array(errors.length + 1),
    unitFrom: new Int32Array(units),
    unitTo: new Int32Array(units),
    unitFlags: new Uint8Array(units),
    detailUnit: new Int32Array(errors.length),
    information: new Float64Array(errors.length),
    hasArrows: new Uint8Array(errors.length),
  };
  let t = 0;
  let u = 0;
  errors.forEach((e, i) => {
    out.termStart[i] = t;
    out.unitStart[i] = u;
    out.ids.set(e.ids, t);
    for (let k = 0; k < e.ids.length; k++) {
      out.weights[t + k] = e.weights[k];
      if (e.varAfter[k]) out.flags[t + k] = VAR_AFTER;
    }
    for (const k of e.firsts) out.flags[t + k] |= FIRST;
    for (const unit of e.units) {
      out.unitFrom[u] = unit.start;
      out.unitTo[u] = unit.end;
      out.unitFlags[u] = (unit.nested ? NESTED : 0) | (unit.generic ? GENERIC : 0) | (unit.afterSentence ? AFTER_SENTENCE : 0);
      u++;
    }
    out.detailUnit[i] = e.detailUnit;
    out.information[i] = e.information;
    out.hasArrows[i] = e.arrows.length ? 1 : 0;
    t += e.ids.length;
  });
  out.termStart[errors.length] = t;
  out.unitStart[errors.length] = u;
  return out;
}
