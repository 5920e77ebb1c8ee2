/**
 * Every error text of an index, flat: one typed array per field over all error texts, in error-text order. This is
 * where the index holds its error texts — each ErrorSignal is a position in these arrays (signals.ts), not objects
 * and arrays of its own.
 *
 * Why flat: at 10,000 articles a paste has over a thousand candidates, most of them scored only as far as it takes
 * to see they can't be shown (Matcher.floors); read from each signal's own objects (the signal, its arrays, each
 * unit), most of that time went to cache misses, not to the arithmetic. And memory: 12,000 error texts held as
 * objects with an array or a Set per field took 32 MB of heap (each small array or Set costs more than its
 * numbers); these arrays take under 8 MB.
 */
export interface PackedSignals {
  /** Per error text i (and one more entry): its terms are the positions termStart[i] … termStart[i + 1] − 1. */
  termStart: Int32Array;
  /** Per position: the term's vocabulary id (ErrorSignal.ids). */
  ids: Int32Array;
  /** Per position: the term's weight (ErrorSignal.weights). */
  weights: Float64Array;
  /**
   * Per position: VAR_AFTER (ErrorSignal.varAfter), FIRST (a position of ErrorSignal.firsts), VALUE_START, VALUE_END, PROPERTY
   * and VAR_OPENS.
   */
  flags: Uint8Array;
  /** Per position: 1 when a placeholder or variable value follows the term (ErrorSignal.varAfter), else 0. */
  varAfter: Uint8Array;
  /** Per error text i (and one more entry): its first occurrences are firsts[firstStart[i]] … (ErrorSignal.firsts). */
  firstStart: Int32Array;
  firsts: Int32Array;
  /** Per error text i (and one more entry): its units are unitStart[i] … unitStart[i + 1] − 1. */
  unitStart: Int32Array;
  /** Per unit: its term range, as positions relative to its error text (Unit.start, Unit.end). */
  unitFrom: Int32Array;
  unitTo: Int32Array;
  /** Per unit: NESTED, GENERIC, AFTER_SENTENCE (Unit.nested, Unit.generic, Unit.afterSentence). */
  unitFlags: Uint8Array;
  /** Per error text: ErrorSignal.detailUnit, ErrorSignal.information, ErrorSignal.meanWeight, and 1 when it has `-->` arrows. */
  detailUnit: Int32Array;
  information: Float64Array;
  meanWeight: Float64Array;
  hasArrows: Uint8Array;
  /** Per error text i (and one more entry): its arrows, pairs (unit, detail unit) from arrows[arrowStart[i]] on (ErrorSignal.arrows). */
  arrowStart: Int32Array;
  arrows: Int32Array;
  /** Per error text i (and one more entry): the gram codes it repeats, ascending, from repeated[repeatedStart[i]] on. */
  repeatedStart: Int32Array;
  repeated: Float64Array;
  /** id → term (SignalIndex.vocab.terms): what ErrorSignal.terms reads its ids as. */
  vocab: readonly string[];
}

/** flags: a placeholder or variable value follows the term. */
export const VAR_AFTER = 1;
/** flags: the term's first occurrence in its error text. */
export const FIRST = 2;
/** flags: the first term of a value whose words are kept (a quoted distinguished name, signals.ts QUOTED_DN). */
export const VALUE_START = 4;
/** flags: the last term of such a value. */
export const VALUE_END = 8;
/**
 * flags: the term is a property's name before its value (`LitigationHoldEnabled : False`, a Get-* listing's line; signals.ts
 * propertyName): what follows is that property's value, which a paste contradicts only by showing the property set otherwise.
 */
export const PROPERTY = 16;
/**
 * flags: the placeholder after the term (VAR_AFTER) opens the next part of the error text, not this one's end
 * (`…Gateway DEL: <guid>" wasn't found`): the part after it goes on from the value, as one that ends a sentence does not.
 */
export const VAR_OPENS = 32;
/** unitFlags: Unit.nested. */
export const NESTED = 1;
/** unitFlags: Unit.generic. */
export const GENERIC = 2;
/** unitFlags: Unit.afterSentence. */
export const AFTER_SENTENCE = 4;

/** Flat arrays of no error text at all. */
export function emptyPacked(vocab: readonly string[] = []): PackedSignals {
  const none = () => new Int32Array(1);
  return {
    termStart: none(),
    ids: new Int32Array(0),
    weights: new Float64Array(0),
    flags: new Uint8Array(0),
    varAfter: new Uint8Array(0),
    firstStart: none(),
    firsts: new Int32Array(0),
    unitStart: none(),
    unitFrom: new Int32Array(0),
    unitTo: new Int32Array(0),
    unitFlags: new Uint8Array(0),
    detailUnit: new Int32Array(0),
    information: new Float64Array(0),
    meanWeight: new Float64Array(0),
    hasArrows: new Uint8Array(0),
    arrowStart: none(),
    arrows: new Int32Array(0),
    repeatedStart: none(),
    repeated: new Float64Array(0),
    vocab,
  };
}

const EMPTY = emptyPacked();

/** The flat arrays `index`'s error texts are positions in. */
export function packedSignals(index: { readonly errors: ArrayLike<{ readonly packed: PackedSignals }> }): PackedSignals {
  return index.errors.length ? index.errors[0].packed : EMPTY;
}
