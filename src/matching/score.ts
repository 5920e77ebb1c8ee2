import type { MatchParameters } from './parameters';
import {
  AFTER_SENTENCE,
  GENERIC,
  NESTED,
  packedSignals,
  PROPERTY,
  VALUE_END,
  VALUE_START,
  VAR_AFTER,
  VAR_OPENS,
  type PackedSignals,
} from './packed';
import { Arena, GramTable } from './gramTable';
import { gramCode, isCodeTerm, isExceptionClassTerm, type ErrorSignal, type SignalIndex, type Vocabulary } from './signals';
import { newClassWeights, unitClassesOf, weighClass, type ClassWeights, type UnitClasses } from './unitClasses';
import { plainConstructor } from './plain';

/**
 * How well a paste covers one error text, 0..1.
 *
 * Coverage, not similarity: a paste usually holds far more than the error (prompts, stack traces, prose),
 * so only what the error text needs is counted. People paste part of an error too — the inner message
 * without its wrapper, the first sentence without the advice after it — so a part of the error the paste
 * does not touch at all counts only a little. Three rules keep that honest:
 * - an error with an inner message (`…Detailed information: "…"`) is only matched when that inner
 *   message is there: a wrapper alone says too little;
 * - a paste that says something else where the error goes on (`…on a receive` where the article has
 *   `…on a send`) is marked down hard: that is a different error with the same beginning;
 * - confidence grows with the evidence found (`evidenceWords`), so a short common error can't be answered.
 */

/** The paste as seen by the scorer. */
export interface QueryView {
  /** Content terms of the paste (after typo repair), in order. */
  seq: string[];
  terms: ReadonlySet<string>;
  /** Terms the paste has only inside single quotes: names and values, which never contradict an error. */
  quoted: ReadonlySet<string>;
  /** The paste chains with a `-->` of its own: it goes on after an outer message, so it never stops before an arrow. */
  arrow?: boolean;
  /**
   * Per `-->` of the paste, the terms of the message right after it (its exception class left out, up to the sentence's
   * end: readPaste.ts `arrowMessages`). An arrow whose message the error says before its own arrow repeats that outer
   * message, as .NET chains print each level's message (`arrowRepeats`). Absent: not read (every arrow counts).
   */
  arrowed?: readonly (readonly string[])[];
  /**
   * Per term of `seq`: IN_VALUE when the paste has it inside single quotes there (a value: `The object 'CN=…' already
   * exists`), AFTER_VALUE when a quoted value whose words clean-up dropped ('fabrikam.com') stands right before it.
   */
  values?: Uint8Array;
  /**
   * The paste's property lines (`LitigationHoldEnabled : True`): each name and the first word of its value, in pairs
   * (readPaste.ts propertiesOf). An error text's property (PROPERTY) is contradicted only by the paste showing it set otherwise.
   */
  properties?: readonly string[];
}

/** The scorer's knobs: `MatchParameters.score` (parameters.ts). */
export type ScoreParameters = MatchParameters['score'];

/** QueryView.values: the term stands inside single quotes. */
export const IN_VALUE = 1;
/** QueryView.values: a quoted value without words of its own stands right before the term. */
export const AFTER_VALUE = 2;
/** QueryView.values: the last term of a message the paste quotes in double quotes (what follows is the paste's own). */
export const QUOTE_END = 4;

export function buildQueryView(
  seq: string[],
  quoted: ReadonlySet<string> = new Set(),
  arrow = false,
  values?: Uint8Array,
  properties?: readonly string[],
  arrowed?: readonly (readonly string[])[],
): QueryView {
  const view: QueryView = arrow ? { seq, terms: new Set(seq), quoted, arrow } : { seq, terms: new Set(seq), quoted };
  if (arrow && arrowed !== undefined) view.arrowed = arrowed;
  if (values && values.length === seq.length && values.some((v) => v !== 0)) view.values = values;
  if (properties !== undefined && properties.length > 0) view.properties = properties;
  return view;
}

/**
 * The paste in the ids of one index's vocabulary, built once per paste (on its first scored error text):
 * the loops over error texts then compare numbers. Words the index doesn't know get ids from the
 * vocabulary's size up, local to this paste (they can only be what follows a context, never part of one).
 */
export interface PasteIds {
  size: number;
  /**
   * Per vocabulary id: 1 when the paste holds the word. One array per vocabulary, shared by the pastes read in it:
   * valid until `pasteIds` is called for another paste (which marks that paste's words in it instead).
   */
  has: Uint8Array;
  /** The paste's known words (vocabulary ids, each once): what is marked in `has` while this paste holds it. */
  known: Int32Array;
  /** The paste's words as ids (vocabulary or local), in order. */
  seq: Int32Array;
  /** Gram codes of the word pairs of the paste. */
  pairs: GramTable;
  /** Gram code of a word, word pair or triple → the ids of the words that follow it somewhere in the paste, in order, each once. */
  next: GramTable;
  /**
   * The same for what follows a message the paste quotes at a line's end (QUOTE_END): the paste's own words after it,
   * which never contradict the error (read only to explain that); undefined when the paste quotes none.
   */
  pastQuote: GramTable | undefined;
  /** Ids of the words the paste has only inside single quotes. */
  quoted: Set<number>;
  /**
   * Word id → the ids of the first words after a value that follows it: a quoted one (`object` → `already` in `The object
   * 'CN=…' already exists`) or a run of names and numbers (`amd64` → `rpcclientaccess` in `c-RTL-AMD64, 15.01.2507.006,
   * M.E.RpcClientAccess…`); undefined when the paste has no value after a known word.
   */
  afterValue: GramTable | undefined;
  /**
   * A property's name (vocabulary id) → the ids of the first words of the values the paste shows it with (QueryView.properties);
   * undefined when the paste has no property line whose name the vocabulary knows.
   */
  properties: GramTable | undefined;
  /** Which ids (vocabulary or local) look like a name or number (looksLikeName). */
  names: { is(id: number): boolean };
  /** Words of the paste the vocabulary lacks, by local id − size. */
  unknown: string[];
  /** The term of an id (vocabulary or local). */
  term(id: number): string;
}

const PASTE_IDS = new WeakMap<QueryView, { vocab: Vocabulary; ids: PasteIds }>();

/**
 * Per vocabulary, the one `has` array of its pastes and the paste whose words are marked in it. A fresh array per
 * paste was a byte per word of the vocabulary (about 57 KB at 10,000 articles, more than anything else a PowerShell
 * record allocated); a paste marks and unmarks only its own words.
 */
const PASTE_HAS = new WeakMap<Vocabulary, SharedHas>();

interface SharedHas {
  has: Uint8Array;
  owner: PasteIds | undefined;
  /** Where the ids of the pastes read since the last `recyclePasteIds` keep their arrays, and those pastes' views. */
  arena: Arena;
  views: QueryView[];
}

/** The arena's first size (a PowerShell record's ids take about 20 KB) and the most it grows to (a cut paste's, ~300 KB). */
const ARENA_BYTES = 32 * 1024;
const ARENA_MOST = 4 * 1024 * 1024;

/**
 * Lets the ids read so far in `vocab` go: their arrays are handed out again to the next pastes' ids, and a view read
 * before is read anew if it is scored again. The matcher calls it as a paste's match starts (matcher.ts `match`).
 */
export function recyclePasteIds(vocab: Vocabulary): void {
  const state = PASTE_HAS.get(vocab);
  if (!state) return;
  release(state);
  for (const view of state.views) PASTE_IDS.delete(view);
  state.views.length = 0;
  state.arena.reset();
}

/** An Int32Array of `n` from `arena` (its contents left as they were), or a new one where it has no room. */
function ints(arena: Arena, n: number): Int32Array {
  const at = arena.take(4 * n);
  return at >= 0 ? new Int32Array(arena.buffer, at, n) : new Int32Array(n);
}

/** Unmarks the words of the paste whose words are marked in `state.has`, if any: then it holds no paste's words. */
function release(state: SharedHas): void {
  const { owner, has } = state;
  if (owner) for (let k = 0; k < owner.known.length; k++) has[owner.known[k]] = 0;
  state.owner = undefined;
}

/** Marks the words of `ids` in its vocabulary's shared `has` array (unmarking the previous paste's), unless they are. */
function own(vocab: Vocabulary, ids: PasteIds): void {
  const state = PASTE_HAS.get(vocab)!;
  if (state.owner === ids) return;
  release(state);
  for (let k = 0; k < ids.known.length; k++) state.has[ids.known[k]] = 1;
  state.owner = ids;
}

/**
 * The paste's ids in `vocab` (cached per view). Its `has` is valid until the next call for another paste: read a
 * paste's words through the result of the latest call.
 */
export function pasteIds(q: QueryView, vocab: Vocabulary): PasteIds {
  const cached = PASTE_IDS.get(q);
  if (cached?.vocab === vocab) {
    own(vocab, cached.ids);
    return cached.ids;
  }
  return newPasteIds(q, vocab);
}

/**
 * pasteIds of a view read for the first time in `vocab`. A function of its own: its closures (idOf, term) put its
 * locals in a context object allocated on every call, and pasteIds is called for every error text scored (64 bytes
 * each, ~57 KB per PowerShell record at 10,000 articles).
 */
function newPasteIds(q: QueryView, vocab: Vocabulary): PasteIds {
  const size = vocab.terms.length;
  let shared = PASTE_HAS.get(vocab);
  if (!shared || shared.has.length !== size)
    PASTE_HAS.set(vocab, (shared = { has: new Uint8Array(size), owner: undefined, arena: new Arena(ARENA_BYTES, ARENA_MOST), views: [] }));
  const { arena } = shared;
  const unknown: string[] = [];
  const local = new Map<string, number>();
  const idOf = (t: string): number => {
    let id = vocab.ids.get(t) ?? local.get(t);
    if (id === undefined) {
      id = size + unknown.push(t) - 1;
      local.set(t, id);
    }
    return id;
  };
  // Filled by a loop: Int32Array.from with a mapping function walks an iterator and allocates per element.
  const seq = ints(arena, q.seq.length);
  const { has } = shared;
  // The previous paste's words are unmarked first; this paste's are marked as they come (each id listed once).
  release(shared);
  const known: number[] = [];
  for (let i = 0; i < seq.length; i++) {
    const id = idOf(q.seq[i]);
    seq[i] = id;
    if (id < size && has[id] === 0) {
      has[id] = 1;
      known.push(id);
    }
  }
  const pairs = new GramTable(seq.length, 0, arena);
  const next = new GramTable(3 * seq.length, 3 * seq.length, arena);
  // Contexts are grams of an error text, so only grams of known words are kept as keys. What follows the last word of a
  // message the paste quotes at a line's end (QUOTE_END) is the paste's own words: kept apart, in `pastQuote`.
  const v = q.values;
  let ends = 0;
  if (v !== undefined) for (let i = 0; i < v.length; i++) if (v[i] & QUOTE_END) ends++;
  const pastQuote = ends > 0 ? new GramTable(3 * ends, 3 * ends, arena) : undefined;
  for (let i = 0; i + 1 < seq.length; i++) {
    const a = seq[i];
    const b = seq[i + 1];
    if (a >= size) continue;
    const end0 = pastQuote !== undefined && (v![i] & QUOTE_END) !== 0;
    (end0 ? pastQuote : next).follow(a, b);
    if (b >= size) continue;
    pairs.add(gramCode(size, a, b));
    if (end0) continue;
    const end1 = pastQuote !== undefined && (v![i + 1] & QUOTE_END) !== 0;
    if (i + 2 < seq.length) (end1 ? pastQuote : next).follow(gramCode(size, a, b), seq[i + 2]);
    if (end1 || i + 3 >= seq.length || seq[i + 2] >= size) continue;
    const end2 = pastQuote !== undefined && (v![i + 2] & QUOTE_END) !== 0;
    (end2 ? pastQuote : next).follow(gramCode(size, a, b, seq[i + 2]), seq[i + 3]);
  }
  const quoted = new Set<number>();
  for (const t of q.quoted) quoted.add(idOf(t));
  const names = nameLikeOf(vocab);
  names.local = unknown;
  const afterValue = valueFollowers(seq, q.values, size, names, arena);
  let properties: GramTable | undefined;
  const listed = q.properties;
  if (listed !== undefined)
    for (let k = 0; k + 1 < listed.length; k += 2) {
      const name = vocab.ids.get(listed[k]);
      if (name !== undefined) (properties ??= new GramTable(listed.length / 2, listed.length / 2, arena)).follow(name, idOf(listed[k + 1]));
    }
  const ids: PasteIds = {
    size,
    has,
    known: ints(arena, known.length),
    seq,
    pairs,
    next,
    pastQuote,
    quoted,
    afterValue,
    properties,
    names,
    unknown,
    term: (id) => (id < size ? vocab.terms[id] : unknown[id - size]),
  };
  for (let k = 0; k < known.length; k++) ids.known[k] = known[k];
  shared.owner = ids;
  PASTE_IDS.set(q, { vocab, ids });
  shared.views.push(q);
  return ids;
}

/**
 * What follows each value of the paste, by the known word before it (PasteIds.afterValue): a quoted value, and a run of
 * names and numbers (looksLikeName: versions, dates, hex ids, host names) after a word that is none; undefined when the
 * paste has neither after a known word.
 */
function valueFollowers(
  seq: Int32Array,
  values: Uint8Array | undefined,
  size: number,
  names: NameLike,
  arena: Arena,
): GramTable | undefined {
  let table: GramTable | undefined;
  for (let i = 0; i + 1 < seq.length; i++) {
    const a = seq[i];
    if (a >= size || (values !== undefined && values[i] & IN_VALUE)) continue;
    if (values !== undefined && values[i + 1] & AFTER_VALUE) (table ??= new GramTable(seq.length, seq.length, arena)).follow(a, seq[i + 1]);
    let j = i + 1;
    if (values !== undefined && values[j] & IN_VALUE) {
      while (j < seq.length && values[j] & IN_VALUE) j++;
      // Names and numbers right after a quoted value are more of what varies (`'Alex Wilber' [fe80::…] …`): the word after them
      // says how the paste goes on, as after an unquoted run of them (valueAfterWords reads past both alike).
      while (j < seq.length && names.is(seq[j])) j++;
    } else if (!names.is(a)) while (j < seq.length && names.is(seq[j])) j++;
    if (j > i + 1 && j < seq.length) (table ??= new GramTable(seq.length, seq.length, arena)).follow(a, seq[j]);
  }
  return table;
}

/**
 * Which ids of one vocabulary look like a name or number (looksLikeName), read once per word: the scorer asks about the
 * words before the positions a paste does not follow, and a regular expression per ask costs more than the rest of it.
 * Ids from the vocabulary's size up are a paste's own words (PasteIds.unknown), asked of its `local` terms.
 */
class NameLike {
  /** Per vocabulary id: 0 not read yet, 1 no, 2 yes. */
  private readonly known: Uint8Array;
  /** The words of the paste read last that the vocabulary lacks (PasteIds.unknown). */
  local: readonly string[] = [];
  constructor(readonly terms: readonly string[]) {
    this.known = new Uint8Array(terms.length);
  }
  is(id: number): boolean {
    if (id >= this.known.length) return looksLikeName(this.local[id - this.known.length]);
    let k = this.known[id];
    if (k === 0) this.known[id] = k = looksLikeName(this.terms[id]) ? 2 : 1;
    return k === 2;
  }
}

const NAME_LIKE = new WeakMap<Vocabulary, NameLike>();

function nameLikeOf(vocab: Vocabulary): NameLike {
  let names = NAME_LIKE.get(vocab);
  if (names === undefined || names.terms.length !== vocab.terms.length) {
    names = new NameLike(vocab.terms);
    NAME_LIKE.set(vocab, names);
  }
  return names;
}

/**
 * Error text `id`'s units as the paste holds them, read from their classes (unitClasses.ts: units with the same words
 * score alike, and near-duplicate texts share most of theirs): each class its units use weighed for this paste (the
 * weight it holds, the weight of it found, whether the paste holds the unit itself — its word pairs, not just its words,
 * which common ones like "error" give away elsewhere — the word pairs found, per unit and across its end), and the
 * evidence of the words found summed over the units (`w.sums[0]`, `w.firsts[0]`). The readers index the class
 * arrays through the text's units in place (`w.of[w.u0 + k]`): no per-unit copy for every text scored.
 */
function unitWeights(pk: PackedSignals, id: number, q: PasteIds, p: ScoreParameters): UnitWeights {
  const classes = unitClassesOf(pk);
  const cw = classWeightsFor(classes, q, p);
  const w = scratch;
  const { of } = classes;
  const u0 = pk.unitStart[id];
  const u1 = pk.unitStart[id + 1];
  let evidence = 0;
  let firsts = 0;
  for (let u = u0; u < u1; u++) {
    const c = of[u];
    if (cw.stamp[c] !== cw.epoch) weighClass(pk, classes, c, q, p, cw);
    evidence += cw.evidence[c];
    firsts += cw.firsts[c];
  }
  w.of = of;
  w.u0 = u0;
  w.have = cw.have;
  w.all = classes.all;
  w.touched = cw.touched;
  w.pairAll = classes.pairWeight;
  w.pairHave = cw.pairHave;
  w.crossAll = classes.crossWeight;
  w.crossIn = cw.crossIn;
  w.sums[0] = evidence;
  w.firsts[0] = firsts;
  return w;
}

/** Unit k of the error text `w` was read for is held by the paste (unitWeights). */
function touchedAt(w: UnitWeights, k: number): boolean {
  return w.touched[w.of[w.u0 + k]] === 1;
}

/** The weight unit k of the error text `w` was read for holds (unitWeights). */
function allAt(w: UnitWeights, k: number): number {
  return w.all[w.of[w.u0 + k]];
}

/**
 * 1 when the paste holds the word pair at `at`, `at` + 1 of the error text whose terms start at `t0` (w.pairIn, which
 * contradiction fills as it goes: a text contradicted early needs no pairs after that).
 */
function pairAt(pk: PackedSignals, t0: number, at: number, q: PasteIds): number {
  const a = pk.ids[t0 + at];
  const b = pk.ids[t0 + at + 1];
  // Only a pair of two pasted words can be a pasted pair: most pairs are settled by `has` alone, without hashing a gram code.
  return !(pk.flags[t0 + at] & VAR_AFTER) && q.has[a] === 1 && q.has[b] === 1 && q.pairs.has(gramCode(q.size, a, b)) ? 1 : 0;
}

/**
 * Error text's units (unitWeights): unit k is class `of[u0 + k]`; per class the weight found (`have`), the weight it holds
 * (`all`), 1 when the paste holds the unit (`touched`), the weight of its word pairs and of those found, the weight of the
 * pair across its end and 1 when that is found — the arrays of the index's unit classes and of the paste's class weights,
 * read in place. `sums[0]` and `firsts[0]`: the evidence (weight of the words found at their first occurrence) and their
 * number. Per term i (the first `terms − 1`, filled by contradiction as it goes: pairAt): 1 when the paste holds the word
 * pair i, i + 1.
 * Typed arrays for the sums: a number stored in a field of an object is a new heap number each time, and this is filled
 * for every error text scored.
 */
interface UnitWeights {
  of: Int32Array;
  u0: number;
  have: Float64Array;
  all: Float64Array;
  touched: Uint8Array;
  pairAll: Float64Array;
  pairHave: Float64Array;
  crossAll: Float64Array;
  crossIn: Uint8Array;
  sums: Float64Array;
  firsts: Int32Array;
  pairIn: Uint8Array;
}

const NO_UNITS = new Float64Array(0);

/**
 * Reused for every error text scored (scoring is synchronous, one text at a time, and nothing keeps it):
 * thousands of candidates per paste would otherwise allocate an object each.
 */
const scratch: UnitWeights = {
  of: new Int32Array(0),
  u0: 0,
  have: NO_UNITS,
  all: NO_UNITS,
  touched: new Uint8Array(0),
  pairAll: NO_UNITS,
  pairHave: NO_UNITS,
  crossAll: NO_UNITS,
  crossIn: new Uint8Array(0),
  sums: new Float64Array(1),
  firsts: new Int32Array(1),
  pairIn: new Uint8Array(256),
};

/** The class weights of one index, for the paste and the knobs they were last computed for. */
const CLASS_WEIGHTS = new WeakMap<UnitClasses, { w: ClassWeights; q: PasteIds | undefined; touched: number; touchedPairs: number }>();

/** `classes`' weights for paste `q`: classes weighed for another paste (or other knobs) are weighed again when asked for. */
function classWeightsFor(classes: UnitClasses, q: PasteIds, p: ScoreParameters): ClassWeights {
  let state = CLASS_WEIGHTS.get(classes);
  if (!state) CLASS_WEIGHTS.set(classes, (state = { w: newClassWeights(classes), q: undefined, touched: NaN, touchedPairs: NaN }));
  if (state.q !== q || state.touched !== p.touched || state.touchedPairs !== p.touchedPairs) {
    state.q = q;
    state.touched = p.touched;
    state.touchedPairs = p.touchedPairs;
    state.w.epoch++;
  }
  return state.w;
}

/**
 * False when the paste can't touch any unit of error text `id`'s inner message and the fragment rule can't apply: then
 * the inner message's coverage is 0 and the text scores at most 1 − detailShare. The near-duplicates a paste reaches
 * at 10,000 articles mostly share its wrapper and differ in the inner message: this reads only the inner message's
 * units. True when it can't tell (no inner message, `-->` arrows, a long text).
 */
function innerCanTouch(pk: PackedSignals, id: number, q: PasteIds, p: ScoreParameters, pasteTerms: number): boolean {
  const detailUnit = pk.detailUnit[id];
  const t0 = pk.termStart[id];
  if (detailUnit === 0 || pk.hasArrows[id] || pk.termStart[id + 1] - t0 >= p.fragmentShare * pasteTerms) return true;
  const classes = unitClassesOf(pk);
  const cw = classWeightsFor(classes, q, p);
  const u1 = pk.unitStart[id + 1];
  for (let u = pk.unitStart[id] + detailUnit; u < u1; u++) {
    const c = classes.of[u];
    if (cw.stamp[c] !== cw.epoch) weighClass(pk, classes, c, q, p, cw);
    if (cw.touched[c]) return true;
  }
  return false;
}

/** Some unit in [from, to) of the error text `w` was read for is touched. */
function anyTouched(w: UnitWeights, from: number, to: number): boolean {
  for (let u = from; u < to; u++) if (touchedAt(w, u)) return true;
  return false;
}

/** Where coverage() puts its result. */
const COVERAGE = new Float64Array(1);

/**
 * Coverage of units [from, to) of error text `id`, untouched units discounted; 0 when the paste touches none of them.
 * Stored in COVERAGE[0], not returned, and `fullEvidence` read from the index: a fraction passed to or returned from a
 * function not inlined is a new heap number per call, and this runs once or twice for every error text scored.
 */
function coverage(
  pk: PackedSignals,
  id: number,
  from: number,
  to: number,
  w: UnitWeights,
  index: Pick<SignalIndex, 'uniqueWeight'>,
  p: ScoreParameters,
): void {
  COVERAGE[0] = 0;
  const fullEvidence = p.evidenceWords * index.uniqueWeight;
  const u0 = pk.unitStart[id];
  const { of, touched } = w;
  const unitAll = w.all;
  let touchedAll = 0;
  let touchedOwn = 0;
  let untouchedAll = 0;
  for (let u = u0 + from; u < u0 + to; u++) {
    const c = of[u];
    if (touched[c]) {
      touchedAll += unitAll[c];
      if (!(pk.unitFlags[u] & GENERIC)) touchedOwn += unitAll[c];
    } else untouchedAll += unitAll[c];
  }
  if (touchedAll === 0) return;
  // Discounting what was not pasted is only fair when what was pasted is a real part of this error: a
  // short unit or two ("Remote Server") found among common words earns little of the discount, and a
  // part that several articles' errors share (a generic .NET line) earns none.
  const earned = Math.min(1, touchedOwn / (p.substantialPart * fullEvidence));
  const discounted = untouchedAll > 0 ? Math.min(p.untouchedFactor, (p.untouchedCap * touchedAll) / untouchedAll) : 0;
  const untouched = 1 - earned * (1 - discounted);
  // The words, and the word pairs: those inside each unit, and the one across its end when the next unit is scored too.
  const { have: unitHave, pairAll, pairHave, crossAll, crossIn } = w;
  let have = 0;
  let all = 0;
  let pHave = 0;
  let pAll = 0;
  for (let u = u0 + from; u < u0 + to; u++) {
    const c = of[u];
    const factor = touched[c] ? 1 : untouched;
    have += factor * unitHave[c];
    all += factor * unitAll[c];
    pAll += factor * pairAll[c];
    pHave += factor * pairHave[c];
    if (u + 1 < u0 + to) {
      pAll += factor * crossAll[c];
      if (crossIn[c]) pHave += factor * crossAll[c];
    }
  }
  if (all === 0) return;
  const terms = have / all;
  COVERAGE[0] = p.termShare * terms + (1 - p.termShare) * (pAll > 0 ? pHave / pAll : terms);
}

/** Where a paste goes on differently from an error text: after `context`, the error has `expected`, the paste `pasted`. */
export interface Contradiction {
  context: string;
  expected: string;
  pasted: string;
}

/**
 * Where the paste continues the error differently (-1: nowhere): somewhere the paste follows the error word for
 * word (two words in a row), then stops following it while both go on — with a word other than the next
 * ones of the error, and that does not look like a name or number (those vary from paste to paste). Returns the
 * position (of the word the error goes on with) and sets `contradicted` to the words of context and the pasted
 * word's id: the words are built only for a contradiction that is shown (describe); most contradicted texts are settled
 * below the floor without ever being described. `waivers` (`--explain` only, contradictionWaivers) collects the allowances
 * that took the place of a contradiction. `from`: the first position to check (contradictions: after the one found before;
 * the pairs before it must have been filled by a check that reached it).
 */
function contradiction(sig: ErrorSignal, pk: PackedSignals, id: number, q: PasteIds, w: UnitWeights, waivers?: Waiver[], from = 1): number {
  const { terms } = sig;
  const { ids, weights, flags } = pk;
  const { size } = q;
  const t0 = pk.termStart[id];
  const n = pk.termStart[id + 1] - t0;
  if (n > w.pairIn.length) w.pairIn = new Uint8Array(2 * n);
  // Filled below as the loop reaches each pair (every read is of a pair at or before i − 1).
  const { pairIn } = w;
  const meanWeight = pk.meanWeight[id];
  const r0 = pk.repeatedStart[id];
  const r1 = pk.repeatedStart[id + 1];
  // The units' ranges and flags from the packed arrays: the signal's own unit objects are a cache miss each.
  const u0 = pk.unitStart[id];
  let unit = 0;
  for (let i = from; i < n; i++) {
    while (pk.unitTo[u0 + unit] <= i) unit++;
    pairIn[i - 1] = pairAt(pk, t0, i - 1, q);
    if (pairIn[i - 1]) continue;
    // A directory-path address's kind (`X500`, `IMCEAEX`: all that clean-up keeps of it) where the paste, after the same two
    // words, has an address of another kind (`The proxy address "SMTP:…"` for `…"X500:/O=…"`): another error about another
    // kind of address, though the values themselves never contradict.
    if (i >= 2 && DIRECTORY_KINDS.has(terms[i]) && pairIn[i - 2]) {
      const other = otherAddressKind(q, gramCode(size, ids[t0 + i - 2], ids[t0 + i - 1]), terms[i]);
      if (other >= 0) return contradict(2, other, -1) && i;
    }
    // After a value: where the paste quotes one in its place, the words after it say how the paste goes on.
    if (flags[t0 + i - 1] & VAR_AFTER) {
      if (q.afterValue !== undefined && otherAfterValue(pk, id, q, w, i, unit, i)) return i;
      continue;
    }
    // A property's value (`LitigationHoldEnabled : False`): only a paste that shows the property set otherwise goes on
    // differently there; the name in a sentence of the paste (`…LitigationHoldEnabled in EXO says True`) is no listing.
    if (flags[t0 + i - 1] & PROPERTY) {
      if (q.properties !== undefined && otherProperty(pk, id, q, i)) return i;
      continue;
    }
    if (flags[t0 + i - 1] & VALUE_END && q.afterValue !== undefined) {
      // A value whose words the error keeps (a quoted distinguished name): from its first word on.
      let v = i - 1;
      while (v > pk.unitFrom[u0 + unit] && !(flags[t0 + v] & VALUE_START)) v--;
      if (flags[t0 + v] & VALUE_START && otherAfterValue(pk, id, q, w, i, unit, v)) return i;
    }
    // After a number or name (a version, a date, a hex id, a host: the error's example value), where the paste has another
    // value in its place the context before i is not in the paste: the words after the paste's value say how it goes on.
    if (q.afterValue !== undefined && q.names.is(ids[t0 + i - 1]) && !q.names.is(ids[t0 + i])) {
      const from = pk.unitFrom[u0 + unit];
      let v = i - 1;
      while (v > from && q.names.is(ids[t0 + v - 1])) v--;
      if (otherAfterValue(pk, id, q, w, i, unit, v)) return i;
    }
    // Only where the paste holds the error: inside a unit it holds (a distinctive two-word context inside
    // the unit is enough), or right where one ends — unless that is a sentence end, where a paste may
    // stop and go on in its own words.
    const start = pk.unitFrom[u0 + unit];
    const afterSentence = (pk.unitFlags[u0 + unit] & AFTER_SENTENCE) !== 0;
    const distinctive = i - 2 >= start && weights[t0 + i - 2] + weights[t0 + i - 1] >= 2 * meanWeight;
    // Four words of the unit in a row before i are the paste following it too, however little of the unit it holds
    // (`Your message couldn't be delivered because …` from another NDR: the common words that start it are all it has).
    const run = i - 4 >= start && pairIn[i - 2] === 1 && pairIn[i - 3] === 1 && pairIn[i - 4] === 1;
    // A diagnostic code after a sentence end (`…try again later. PRX5`) is still the error's: the paste can't go on in its own words there.
    const holds =
      start === i
        ? (!afterSentence || FAMILY_CODE.test(terms[i])) && unit > 0 && touchedAt(w, unit - 1)
        : touchedAt(w, unit) || distinctive || run;
    if (!holds) continue;
    // The context: the word (or words) before i, as a gram code, and how many words it has.
    let context: number;
    let words: number;
    if (i === 1 || i - 1 === start) {
      // At the start of the error or of a unit, one word of context — only a word that is not common
      // and that the error has once.
      if (weights[t0 + i - 1] < meanWeight || repeats(pk.repeated, r0, r1, ids[t0 + i - 1])) continue;
      context = ids[t0 + i - 1];
      words = 1;
    } else if (flags[t0 + i - 2] & VAR_AFTER) continue;
    else {
      context = gramCode(size, ids[t0 + i - 2], ids[t0 + i - 1]);
      words = 2;
    }
    // A context the error itself repeats ("error occurred" thrice) can't tell where the paste is: take one
    // more word before it, and give up when even that repeats.
    if (i >= 2 && r1 > r0 && repeats(pk.repeated, r0, r1, context)) {
      if (i < 3 || flags[t0 + i - 3] & VAR_AFTER) continue;
      context = gramCode(size, ids[t0 + i - 3], ids[t0 + i - 2], ids[t0 + i - 1]);
      words = 3;
      if (repeats(pk.repeated, r0, r1, context)) continue;
    }
    const { next } = q;
    let e = next.first(context);
    if (e < 0) {
      if (waivers !== undefined && q.pastQuote !== undefined) waivePastQuote(waivers, sig, i, words, q, context, ids[t0 + i]);
      continue;
    }
    // The paste may skip a word or two of the error; anything else there is another error.
    const next1 = i + 1 < n ? ids[t0 + i + 1] : -1;
    const next2 = i + 2 < n ? ids[t0 + i + 2] : -1;
    // The paste may say the context more than once (`Microsoft Exchange Server` in every line of a setup log): where one of
    // them goes on as the error, the error is there, and the others are other lines.
    let against = -1;
    let goesOn = false;
    let inserted = false;
    for (; e >= 0; e = next.link[e]) {
      const u = next.value[e];
      if (u === ids[t0 + i] || u === next1 || u === next2 || q.quoted.has(u)) {
        if (waivers !== undefined && u !== ids[t0 + i] && allowance(sig, i, q, u, ids[t0 + i - 1], ids[t0 + i], next1) === null)
          waive(waivers, u === next1 || u === next2 ? 'skip' : 'quoted', sig, i, words, q, u);
        if (u === ids[t0 + i]) goesOn = true;
        continue;
      }
      const allowed = allowance(sig, i, q, u, ids[t0 + i - 1], ids[t0 + i], next1);
      if (allowed === null) {
        if (against < 0) against = u;
        continue;
      }
      // (a value in the place of the error's value, `2019` for `2013`, goes on as the error; a misread word is no such evidence)
      if (allowed === 'name') {
        if (looksLikeName(sig.terms[i])) goesOn = true;
        else inserted = true;
      }
      if (waivers !== undefined && allowed !== 'name') waive(waivers, allowed, sig, i, words, q, u);
    }
    if (against >= 0 && !goesOn) {
      contradict(words, against, -1);
      return i;
    }
    // A name or number where the error has a word (`…MailboxCrawlFailedException: 1007 AccessDenied` for `…Exception: Failed
    // to logon`): a value the paste put in, after which it goes on as the error or in words of another error. The word after
    // the paste's names and numbers says which, as after a value (valueAfterWords).
    if (inserted && !goesOn && against < 0) {
      const other = valueAfterWords(q, ids, t0 + i - words, words, t0 + i, n - i);
      if (other >= 0) {
        contradict(1, other, i - 1);
        return i;
      }
    }
  }
  return -1;
}

/**
 * Notes a `pastQuote` waiver where the paste's words after a message it quotes at a line's end go on differently from the
 * error at term i (after `words` words of context, gram `context`; `expected` the term's id): the words the contradiction
 * check would have read there but for the closing quote.
 */
function waivePastQuote(waivers: Waiver[], sig: ErrorSignal, i: number, words: number, q: PasteIds, context: number, expected: number) {
  const past = q.pastQuote!;
  for (let e = past.first(context); e >= 0; e = past.link[e]) {
    const u = past.value[e];
    if (u === expected || q.quoted.has(u) || looksLikeName(q.term(u))) continue;
    waive(waivers, 'pastQuote', sig, i, words, q, u);
  }
}

/** The kind words of a directory-path address (normalize.ts withoutDirectoryAddresses), and the other kinds of address. */
const DIRECTORY_KINDS: ReadonlySet<string> = new Set(['x500', 'imceaex']);
const ADDRESS_KINDS: ReadonlySet<string> = new Set([...DIRECTORY_KINDS, 'smtp', 'x400', 'sip', 'eum']);

/** The paste's word after the two-word `context` that is another kind of address than `kind`, or −1. */
function otherAddressKind(q: PasteIds, context: number, kind: string): number {
  for (let e = q.next.first(context); e >= 0; e = q.next.link[e]) {
    const pasted = q.term(q.next.value[e]);
    if (pasted === kind) return -1;
    if (ADDRESS_KINDS.has(pasted)) return q.next.value[e];
  }
  return -1;
}

/**
 * An allowance of the contradiction check that kept a word of the paste from contradicting the error (`--explain`):
 * `skip`, the paste left out a word or two of the error (it goes on with `pasted`, a word after `expected`); `quoted`, the
 * paste has the word only inside single quotes (a name or value, PasteIds.quoted); `misread`,
 * the pasted word is the expected one misread (misread); `status`, a reply's status text stands between the status code
 * and the error's message (resumesAfterInsert); `pastQuote`, the paste's own words after a message it quoted at a line's
 * end (PasteIds.pastQuote).
 */
export interface Waiver extends Contradiction {
  kind: 'skip' | 'quoted' | 'misread' | 'status' | 'pastQuote';
}

/** Notes in `waivers` an allowance made at term i of `sig`, after `words` words of context, for the paste's word `pasted`. */
function waive(waivers: Waiver[], kind: Waiver['kind'], sig: ErrorSignal, i: number, words: number, q: PasteIds, pasted: number): void {
  const context = sig.terms.slice(i - words, i).join(' ');
  const word = q.term(pasted);
  if (waivers.some((x) => x.kind === kind && x.context === context && x.pasted === word)) return;
  waivers.push({ kind, context, expected: sig.terms[i], pasted: word });
}

/**
 * What lets the paste's word `u` stand at term i of `sig` (after the skip and quote allowances, which contradiction checks
 * first): `name`, a name or number the paste changed (looksLikeName, not another code of the family); `misread`, the expected
 * word misread; `status`, a reply's status text after the status code (resumesAfterInsert, `code` the term before, `expected`
 * the term i, `next1` the one after). Null: it contradicts the error.
 */
function allowance(
  sig: ErrorSignal,
  i: number,
  q: PasteIds,
  u: number,
  code: number,
  expected: number,
  next1: number,
): 'name' | 'misread' | 'status' | null {
  const pasted = q.term(u);
  const expectedTerm = sig.terms[i];
  if (looksLikeName(pasted) && !otherCodeOfFamily(pasted, expectedTerm)) return 'name';
  if (misread(pasted, expectedTerm)) return 'misread';
  if (SMTP_CODE.test(sig.terms[i - 1]) && resumesAfterInsert(q, code, u, expected, next1)) return 'status';
  return null;
}

/** What the contradiction check reads for error text `id` as scoreAbove does: the packed signals, the paste's ids, the unit weights. */
function checkInputs(id: number, view: QueryView, index: Pick<SignalIndex, 'errors' | 'vocab'>, p: ScoreParameters) {
  const pk = packedSignals(index);
  const q = pasteIds(view, index.vocab);
  return { pk, q, w: unitWeights(pk, id, q, p) };
}

/**
 * The allowances of the contradiction check (a word or two skipped, a word in single quotes, a word misread, a reply's
 * status text after a status code) that kept the paste from contradicting error text `id` (`--explain`): empty when the
 * paste contradicts it anyway or the check needed none. Runs the check as scoreAbove does, noting each allowance that
 * took the place of a contradiction.
 */
export function contradictionWaivers(
  id: number,
  view: QueryView,
  index: Pick<SignalIndex, 'errors' | 'vocab'>,
  p: ScoreParameters,
): Waiver[] {
  const { pk, q, w } = checkInputs(id, view, index, p);
  const waivers: Waiver[] = [];
  return contradiction(index.errors[id], pk, id, q, w, waivers) < 0 ? waivers : [];
}

/**
 * Every place the paste goes on differently from error text `id`, in order (scoreAbove reads only the first: one is enough
 * to lower a score). A rule that asks whether the paste goes on differently at a given place (codeHits: right after a
 * code) must read them all: a contradiction earlier in the text hides the ones after it from the first. Runs the check as
 * scoreAbove does, resumed after each one found (scoreWithContradictions reads them with the score, in the same pass).
 */
export function contradictions(
  id: number,
  view: QueryView,
  index: Pick<SignalIndex, 'errors' | 'vocab'>,
  p: ScoreParameters,
): Contradiction[] {
  const { pk, q, w } = checkInputs(id, view, index, p);
  const sig = index.errors[id];
  const found: Contradiction[] = [];
  describeFrom(sig, pk, id, q, w, contradiction(sig, pk, id, q, w), found);
  return found;
}

/**
 * Describes the contradiction at `at` and every one after it into `out` (contradictions, scoreAbove's `all`): each check
 * resumed where the one before stopped, each described before the next overwrites what `contradicted` holds. Each pass
 * fills the pairs up to the one it stops at, which is all the next pass reads before its own.
 */
function describeFrom(
  sig: ErrorSignal,
  pk: PackedSignals,
  id: number,
  q: PasteIds,
  w: UnitWeights,
  at: number,
  out: Contradiction[],
): void {
  for (let k = at; k >= 0; k = contradiction(sig, pk, id, q, w, undefined, k + 1)) out.push(describe(sig, k, q));
}

/** An SMTP enhanced status code as the index writes it (markSmtpCodes: `5.7.708` → `smtp5x7x708`). */
const SMTP_CODE = /^smtp[245]x\d/;
/** How many words a reply's status text between a status code and the message may have (`Service unavailable.`). */
const INSERTED_WORDS = 3;

/**
 * The paste goes on from status code `code` with `first` and, at most INSERTED_WORDS words later, with the error's own
 * next two words `expected`, `after` (`550 5.7.708 Service unavailable. Access denied, traffic not accepted…` where the
 * error has `5.7.708 Access denied, traffic…`): a server puts its reply's status text between the code and the message,
 * and the message that follows is the error's.
 */
function resumesAfterInsert(q: PasteIds, code: number, first: number, expected: number, after: number): boolean {
  const { seq } = q;
  if (after < 0) return false;
  for (let j = 0; j + 1 < seq.length; j++) {
    if (seq[j] !== code || seq[j + 1] !== first) continue;
    for (let k = j + 2; k <= j + 1 + INSERTED_WORDS && k + 1 < seq.length; k++)
      if (seq[k] === expected && seq[k + 1] === after) return true;
  }
  return false;
}

/**
 * The paste follows error text `id` up to a value (a placeholder before term i, or a value whose words the error keeps
 * from term v to term i − 1; the word before it is the unit's first word after a unit the paste holds, or ends a word
 * pair the paste holds), quotes a value there, and goes on after it with a word that is none of the error's next
 * three and no name (`The object 'CN=…' already exists` where the error has `…' does not exist`): the same sentence
 * around another value says something else. Sets `contradicted` (one word of context: the word before the value).
 */
function otherAfterValue(pk: PackedSignals, id: number, q: PasteIds, w: UnitWeights, i: number, unit: number, v: number): boolean {
  const { ids, weights } = pk;
  const t0 = pk.termStart[id];
  const n = pk.termStart[id + 1] - t0;
  const u0 = pk.unitStart[id];
  let start = pk.unitFrom[u0 + unit];
  // A value that ends a unit: what follows in the paste may be its own words after a sentence end. One that opens the next
  // unit (VAR_OPENS) is read as a value that opens its unit, below.
  const opens = v === i && (pk.flags[t0 + i - 1] & VAR_OPENS) !== 0;
  if (i - 1 < start && !opens) return false;
  // A value that opens its unit (`…with parameters: 15.01.2375.031, M.E.Store.Worker`): the word before it ends the unit
  // before, which a colon or a quote joins to it — not a sentence end, after which the paste may go on in its own words.
  let before = unit;
  if (v - 1 < start) {
    if (unit === 0 || pk.unitFlags[u0 + unit] & AFTER_SENTENCE) return false;
    before = unit - 1;
    start = pk.unitFrom[u0 + before];
  }
  const b = v - 1;
  const word = ids[t0 + b];
  // A word the error has more than once can't say which of its values the paste's is (`…too many proxy addresses: <X>, and …
  // recipient proxy addresses is 300`): the words before it can, where the error has them once — two or three of the
  // error's words in a row before the value, which the paste must have in a row before its own.
  const context = valueContext(pk, id, b, q.size);
  if (context === 0) return false;
  // The unit's first word: after a unit the paste holds, and either not a common word or right after that unit's last
  // word in the paste too (`…failed on DC01. The object '…'`: the paste follows the error across the sentence end).
  const holds =
    touchedAt(w, unit) ||
    (b === start
      ? before > 0 &&
        touchedAt(w, before - 1) &&
        (weights[t0 + b] >= pk.meanWeight[id] || q.pairs.has(gramCode(q.size, ids[t0 + b - 1], word)))
      : w.pairIn[b - 1] === 1);
  if (!holds) return false;
  const expected = ids[t0 + i];
  // The error goes on with a name or number of its own (`<Time> ASP.NET 4.0.30319.0 1309 Web Event`): the paste's run of
  // names and numbers after its value takes it in, so what follows that run is no word to compare with the error's.
  if (q.names.is(expected)) return false;
  // The paste goes on as the error somewhere after the word (its value dropped by clean-up, or another occurrence of the
  // word: `Event ID: 2004 Source: …` above `…message ID 1889785069582 was acknowledged`): it follows the error there. After
  // a longer context the word's pair may be its other place's (valueAfterWords reads the paste after the context itself).
  if (context === 1 && q.pairs.has(gramCode(q.size, word, expected))) return false;
  // A placeholder that opens the next unit (`…Gateway DEL: <guid>" wasn't found`) is read only where the paste has the two
  // words before it too (`…Gateway DEL: EX02 caps…`): a word as common as `id` is followed by a value in many places
  // (`Event ID 1003 from Source…` is not `…process id: <process ID>, with parameters…`).
  // The error's next word a common one (`not`): a paste that has it too may still go on otherwise right after it.
  const common = weights[t0 + i] < pk.meanWeight[id];
  const other =
    opens && i - 1 < pk.unitFrom[u0 + unit]
      ? b > start
        ? valueAfterWords(q, ids, t0 + b - Math.max(2, context) + 1, Math.max(2, context), t0 + i, n - i, common)
        : -1
      : context > 1
        ? valueAfterWords(q, ids, t0 + b - context + 1, context, t0 + i, n - i, common)
        : otherValue(q.afterValue!, word, q, ids, t0 + i, n - i);
  if (other < 0) return false;
  contradict(1, other, b);
  // Found after the common word both have (valueAfterWords): shown with it.
  contradicted.shared = context > 1 && afterShared;
  return true;
}

/**
 * How many of error text `id`'s words up to term b (the word before a value) say where the value stands: 1 when the word is
 * one the error has once, 2 or 3 when only the pair or triple ending with it is (the error's words in a row, no value between
 * them, also across a unit's start: `…DispatcherException: The organization relationship <name>`), 0 when even that repeats.
 */
function valueContext(pk: PackedSignals, id: number, b: number, size: number): number {
  const { ids, flags } = pk;
  const t0 = pk.termStart[id];
  const r0 = pk.repeatedStart[id];
  const r1 = pk.repeatedStart[id + 1];
  if (!repeats(pk.repeated, r0, r1, ids[t0 + b])) return 1;
  if (b < 1 || flags[t0 + b - 1] & VAR_AFTER) return 0;
  if (!repeats(pk.repeated, r0, r1, gramCode(size, ids[t0 + b - 1], ids[t0 + b]))) return 2;
  if (b < 2 || flags[t0 + b - 2] & VAR_AFTER) return 0;
  return repeats(pk.repeated, r0, r1, gramCode(size, ids[t0 + b - 2], ids[t0 + b - 1], ids[t0 + b])) ? 0 : 3;
}

/**
 * What the paste has after the error's `count` words from `ids[from]` on (in a row in the paste too) and the names, numbers
 * and quoted values that follow them (as otherValue reads it: a word that may differ from the error's `ids[at]`), wherever
 * the words stand together in it; −1 when nothing differs, or when the paste goes on as the error after them somewhere.
 * `common`: the error's word at `at` is a common one (below its mean weight); a paste that has it too is compared one word
 * further (sets `afterShared` when that word is the one that differs).
 */
function valueAfterWords(q: PasteIds, ids: Int32Array, from: number, count: number, at: number, left: number, common = false): number {
  const { seq } = q;
  const expected = ids[at];
  const next1 = left > 1 ? ids[at + 1] : -1;
  const next2 = left > 2 ? ids[at + 2] : -1;
  let other = -1;
  afterShared = false;
  for (let p = count - 1; p + 1 < seq.length; p++) {
    if (!sameWords(seq, p - count + 1, ids, from, count)) continue;
    let j = p + 1;
    // A word of the paste's own (an id from q.size on) is read from its term: names.local holds the paste read last. A
    // quoted word that is the error's next (`…entry B:<guid>:CN=Recipient Management…` written out as a value, `…entry
    // B:32:…:'CN=Organization Management…'`): the paste goes on as the error inside its value.
    let inside = false;
    for (; j < seq.length; j++) {
      const u = seq[j];
      if (q.quoted.has(u)) inside ||= u === expected;
      else if (!(u < q.size ? q.names.is(u) : looksLikeName(q.term(u)))) break;
    }
    if (inside) return -1;
    // No value after the two words, or nothing after it: nothing to compare.
    if (j === p + 1 || j >= seq.length) continue;
    const u = seq[j];
    // The error's next word a common one the paste has too (`'<GUID>' not found` and `'Alex Wilber' isn't an accepted
    // domain`, read `not accepted`): the word after it says how the paste goes on, where the error has one more.
    if (u === expected && common && left > 1 && j + 1 < seq.length) {
      const v = seq[j + 1];
      if (v === next1 || v === next2 || (left > 3 && v === ids[at + 3]) || q.quoted.has(v)) return -1;
      const pasted = q.term(v);
      const term = q.term(next1);
      if (other < 0 && !(v < q.size ? q.names.is(v) : looksLikeName(pasted)) && !misread(pasted, term)) {
        other = v;
        afterShared = true;
      }
      continue;
    }
    if (u === expected || u === next1 || u === next2) return -1;
    if (other >= 0) continue;
    const pasted = q.term(u);
    const term = q.term(expected);
    if ((!looksLikeName(pasted) || otherCodeOfFamily(pasted, term)) && !misread(pasted, term)) other = u;
  }
  return other;
}

/** The paste's words from `p` on are the error's `count` words from `ids[from]` on. */
function sameWords(seq: Int32Array, p: number, ids: Int32Array, from: number, count: number): boolean {
  for (let k = 0; k < count; k++) if (seq[p + k] !== ids[from + k]) return false;
  return true;
}

/**
 * The first value `table` holds after `key` in the paste that is not the error's (`ids[at]`, nor one of the two words after
 * it, `left` words to the text's end: a word skipped) and may differ from it: no name or number (those vary: a host, a
 * size) unless another code of the same family, no quoted name and no misreading. −1 when there is none, or when the paste
 * has the error's own value after `key` too (it follows the error there).
 */
function otherValue(table: GramTable, key: number, q: PasteIds, ids: Int32Array, at: number, left: number): number {
  const expected = ids[at];
  const next1 = left > 1 ? ids[at + 1] : -1;
  const next2 = left > 2 ? ids[at + 2] : -1;
  let other = -1;
  for (let e = table.first(key); e >= 0; e = table.link[e]) {
    const u = table.value[e];
    if (u === expected || u === next1 || u === next2) return -1;
    if (other >= 0 || q.quoted.has(u)) continue;
    const pasted = q.term(u);
    const term = q.term(expected);
    if ((!looksLikeName(pasted) || otherCodeOfFamily(pasted, term)) && !misread(pasted, term)) other = u;
  }
  return other;
}

/**
 * The paste shows the property whose value error text `id` has at term i (its name, term i − 1, is marked PROPERTY) set
 * to another value: a first word that is none of the error's next three, no name or number (those vary: a date, a size)
 * and no misreading — unless it shows the property with the error's value too (two listings). A name the error repeats
 * can't say which of its values is meant. Sets `contradicted` (the name and a colon as context).
 */
function otherProperty(pk: PackedSignals, id: number, q: PasteIds, i: number): boolean {
  const { ids } = pk;
  const t0 = pk.termStart[id];
  const n = pk.termStart[id + 1] - t0;
  const name = ids[t0 + i - 1];
  if (repeats(pk.repeated, pk.repeatedStart[id], pk.repeatedStart[id + 1], name)) return false;
  const other = otherValue(q.properties!, name, q, ids, t0 + i, n - i);
  return other >= 0 && contradict(1, other, PROPERTY_LINE);
}

/**
 * The context words and the pasted word's id of the contradiction found last (contradiction); `before`: after a value,
 * the position of the word before it (−1: no value; PROPERTY_LINE: after a property's name, otherProperty).
 */
const contradicted = { words: 0, pasted: 0, before: -1, shared: false };
/** valueAfterWords found the paste's word after the common word both have after the value (contradicted.shared). */
let afterShared = false;
/** contradicted.before: the paste shows the property before term `at` set otherwise. */
const PROPERTY_LINE = -2;

/** Records the contradiction found (`contradicted`): `words` of context before it, the paste's word, the value's position. */
function contradict(words: number, pasted: number, before: number): true {
  contradicted.words = words;
  contradicted.pasted = pasted;
  contradicted.before = before;
  contradicted.shared = false;
  return true;
}

/** The contradiction found last, at position `at` of error text `sig`, in words. */
function describe(sig: ErrorSignal, at: number, q: PasteIds): Contradiction {
  const context =
    contradicted.before === PROPERTY_LINE
      ? `${sig.terms[at - 1]} :`
      : contradicted.before >= 0
        ? `${sig.terms[contradicted.before]} '…'`
        : sig.terms.slice(at - contradicted.words, at).join(' ');
  // After the common word both have (`not`): both shown with it (`not found`, `not accepted`).
  if (contradicted.shared)
    return { context, expected: `${sig.terms[at]} ${sig.terms[at + 1]}`, pasted: `${sig.terms[at]} ${q.term(contradicted.pasted)}` };
  return { context, expected: sig.terms[at], pasted: q.term(contradicted.pasted) };
}

/** `code` is one of the gram codes repeated[from … to − 1] (an error text's repeated grams: a few at most, so a scan finds it). */
function repeats(repeated: Float64Array, from: number, to: number, code: number): boolean {
  for (let k = from; k < to; k++) if (repeated[k] === code) return true;
  return false;
}

/**
 * A pasted word that is the expected one misread, not another word: one letter substituted, added or dropped
 * (`fir` for `für`: an OCR slip or a typo), or glued to its neighbour or split from it (`Verbindungwurde`,
 * `zu grunde`). Numbers and codes are never misread: `401` for `403` is another error.
 */
export function misread(pasted: string, expected: string): boolean {
  if (DIGIT.test(pasted) || DIGIT.test(expected)) return false;
  const swap = pasted.length > expected.length;
  const short = swap ? expected : pasted;
  const long = swap ? pasted : expected;
  if (short.length >= 4 && (long.startsWith(short) || long.endsWith(short))) return true;
  if (short.length < 3 || long.length - short.length > 1) return false;
  let i = 0;
  while (i < short.length && short[i] === long[i]) i++;
  // One edit at i: the rest must agree after skipping one letter of the longer word (or of both, for a substitution).
  return short.slice(i + (short.length === long.length ? 1 : 0)) === long.slice(i + 1);
}

/**
 * Names and numbers that vary between pastes: host names (ex01, srv2019) and numbers such as versions,
 * ids, sizes and durations — but not codes (hcw8078, smtp5x7x64, 0x80040155) nor HTTP and SMTP status
 * codes (100–599: 401, 403, 550).
 */
export function looksLikeName(term: string): boolean {
  if (NUMBER.test(term)) return !STATUS_CODE.test(term);
  return DIGIT.test(term) && !CODE.test(term);
}

// The patterns of misread and looksLikeName, made once: a regular expression literal is a new object each time it is
// evaluated, and the contradiction check asks these about many pasted words per error text.
const DIGIT = /\d/;
const NUMBER = /^\d+$/;
const STATUS_CODE = /^[1-5]\d\d$/;
const CODE = /^(hcw\d+|smtp\dx\dx\d+|0x[0-9a-f]+|aadsts\d+)$/;

/** A diagnostic code: a few letters and a number (`PRX5`, `ATTR34`, `IMC53`). */
const FAMILY_CODE = /^([a-z]{2,6})(\d{1,5})$/;

/**
 * The same diagnostic code family with another number (`PRX4` where the error has `PRX5`, `IMC53` for `IMC54`):
 * a code varies by the failure, not by the paste, so it is another error although it looks like a name.
 */
export function otherCodeOfFamily(pasted: string, expected: string): boolean {
  const a = FAMILY_CODE.exec(pasted);
  const b = FAMILY_CODE.exec(expected);
  return a !== null && b !== null && a[1] === b[1] && a[2] !== b[2];
}

export interface SignalScore {
  score: number;
  /** Vocabulary ids of the error text's words that the paste holds, ascending (the evidence; also what the ranking compares). */
  found: Int32Array;
  /** Coverage of the inner message (of the whole text when it has none), 0..1. */
  detailCoverage: number;
  /** Coverage of the whole text, when it has an inner message. */
  wholeCoverage?: number;
  /** The paste stopped before the `-->` that opens this unit: the text up to it was scored. */
  cutAt?: number;
  /** Weight of the words found, in words found in one error text only. */
  evidenceWords: number;
  /** The factor the evidence rule applied (1: enough evidence). */
  evidenceFactor: number;
  /** Where the paste went on differently (then the contradiction factor was applied). */
  contradiction?: Contradiction;
  /** The paste is a distinctive part of this error only, raised to the fragment score. */
  fragment?: true;
  /** The paste holds the inner message without its wrapper: capped at the innerOnly score. */
  innerOnly?: true;
  /** The paste holds the message of an error text that carries a code, but not the code: capped at the withoutCode score. */
  withoutCode?: true;
  /** The paste holds a small part of the error text and not its last part: capped at `smallPart.cap` (the share held). */
  smallPart?: number;
  /** The paste holds the error text's first and last parts and none of the failure between them: capped at `frameOnly.cap`. */
  frameOnly?: true;
}

/** How a text was settled below the floor (scoreSignal's number): by a contradiction, after its coverage and evidence reached the floor. */
export interface Settled {
  contradicted: boolean;
  /** The most it can score (`scoreAbove` returned null). */
  score: number;
}

/** scoreSignal's own Settled, when not given one. */
const SETTLED: Settled = { contradicted: false, score: 0.5 };

/**
 * How well the paste covers error text `id` (its place in `index.errors`). Its `uniqueWeight`: the weight of a word found in one error
 * text only, the unit in which evidence is measured. With a `floor`, an error text that can't reach it is not
 * scored to the end: once its coverage and evidence are below the floor, only the fragment rule could raise it,
 * and the contradiction and inner-message rules only lower it; once a contradiction takes it below, nothing raises it
 * (`settled.contradicted` says so: without the floor it would have been a match, below the floor, and its score is
 * that match's). Then the result is the most it can score, a number.
 */
export function scoreSignal(
  id: number,
  view: QueryView,
  index: Pick<SignalIndex, 'errors' | 'vocab' | 'uniqueWeight'>,
  p: ScoreParameters,
): SignalScore;
export function scoreSignal(
  id: number,
  view: QueryView,
  index: Pick<SignalIndex, 'errors' | 'vocab' | 'uniqueWeight'>,
  p: ScoreParameters,
  floor: number,
  settled?: Settled,
): SignalScore | number;
export function scoreSignal(
  id: number,
  view: QueryView,
  index: Pick<SignalIndex, 'errors' | 'vocab' | 'uniqueWeight'>,
  p: ScoreParameters,
  floor = 0,
  settled?: Settled,
): SignalScore | number {
  const s = settled ?? SETTLED;
  return scoreAbove(id, view, index, p, floor, s) ?? s.score;
}

/**
 * scoreSignal and every place the paste goes on differently from error text `id` (contradictions), read in one pass: the
 * check the score runs for its first contradiction goes on from there. For a rule that asks both (codeHits.ts otherAfter).
 */
export function scoreWithContradictions(
  id: number,
  view: QueryView,
  index: Pick<SignalIndex, 'errors' | 'vocab' | 'uniqueWeight'>,
  p: ScoreParameters,
): { score: SignalScore; all: Contradiction[] } {
  const all: Contradiction[] = [];
  // With no floor nothing is settled below it: scoreAbove returns a score.
  return { score: scoreAbove(id, view, index, p, 0, SETTLED, all)!, all };
}

/**
 * scoreSignal without a number to return: an error text settled below the floor gives null, and the most it can
 * score is in `settled.score`. A number returned from a function that is not inlined is a heap object of its own;
 * the matcher settles thousands of error texts per paste at 10,000 articles (errorHits). `all` (scoreWithContradictions):
 * filled with every contradiction when the check runs (the score reads the first).
 */
export function scoreAbove(
  id: number,
  view: QueryView,
  index: Pick<SignalIndex, 'errors' | 'vocab' | 'uniqueWeight'>,
  p: ScoreParameters,
  floor: number,
  settled: Settled,
  all?: Contradiction[],
): SignalScore | null {
  settled.contradicted = false;
  const { uniqueWeight } = index;
  const q = pasteIds(view, index.vocab);
  const pk = packedSignals(index);
  const fullEvidence = p.evidenceWords * uniqueWeight;
  if (floor > 0 && 1 - p.detailShare < floor && !innerCanTouch(pk, id, q, p, view.terms.size)) {
    settled.score = 1 - p.detailShare;
    return null;
  }
  const w = unitWeights(pk, id, q, p);
  const units = pk.unitStart[id + 1] - pk.unitStart[id];
  // A paste that holds the error from its start and stops before a `-->` (nothing from the arrow on) pasted the
  // outer message, a whole error on its own: it is scored against the text up to that arrow. A paste with an arrow of
  // its own goes on after the outer message with another one (`…'Negotiate'. --> The underlying connection was
  // closed…` where the error has `--> …(403) Forbidden`): that is another error, scored against the whole text.
  // An arrow of the paste that only repeats the error's outer message (`The call to '…mrsproxy.svc' failed. Error details:
  // The HTTP request was forbidden … ---> MRSRemotePermanentException: The HTTP request was forbidden …`) goes on with no
  // other message: the paste still stops before the error's arrow.
  const cut =
    touchedAt(w, 0) && pk.hasArrows[id] && (!view.arrow || arrowRepeats(pk, id, index.errors[id], view)) ? arrowCut(pk, id, w, units) : -1;
  const to = cut >= 0 ? pk.arrows[cut] : units;
  const detailUnit = cut >= 0 ? pk.arrows[cut + 1] : pk.detailUnit[id];
  coverage(pk, id, detailUnit, to, w, index, p);
  const detailCoverage = COVERAGE[0];
  let wholeCoverage: number | undefined;
  if (detailUnit > 0) {
    coverage(pk, id, 0, to, w, index, p);
    wholeCoverage = COVERAGE[0];
  }
  let score = wholeCoverage === undefined ? detailCoverage : p.detailShare * detailCoverage + (1 - p.detailShare) * wholeCoverage;
  if (score === 0) {
    if (floor > 0) {
      settled.score = 0;
      return null;
    }
    return new Scored(score, NOTHING, detailCoverage, wholeCoverage, 0, 0);
  }
  // Each word counts once, with its weight where the error has it first (summed per unit: unitWeights).
  const evidence = w.sums[0];
  let count = w.firsts[0];
  // One common word (`Mailbox` of a log line an article quotes) says nothing about which error this is.
  if (count === 1 && evidence < p.oneWord * uniqueWeight) {
    if (floor > 0) {
      settled.score = 0;
      return null;
    }
    return new Scored(0, NOTHING, detailCoverage, wholeCoverage, evidence / uniqueWeight, 0);
  }
  const evidenceFactor = Math.sqrt(Math.min(1, evidence / fullEvidence));
  score *= evidenceFactor;
  if (score < floor && !(score < p.fragment && isFragment(pk, id, view.terms.size, w, count, uniqueWeight, p))) {
    settled.score = score;
    return null;
  }
  // Scored to the end: the rules below read the signal itself. A contradiction first: it rules the fragment rule out and
  // the rules after it only lower a score, so a text it takes below the floor is settled there (most near-duplicates
  // a paste reaches at 10,000 articles go on differently from it: "…on a receive" where the paste has "…on a send").
  const sig = index.errors[id];
  const at = contradiction(sig, pk, id, q, w);
  // Asked for every contradiction: the first described before a later one overwrites what `contradicted` holds (each check
  // resumed where the one before stopped, as in contradictions). Otherwise it is described only for a score returned.
  let first: Contradiction | undefined;
  if (all !== undefined && at >= 0) {
    const before = all.length;
    describeFrom(sig, pk, id, q, w, at, all);
    first = all[before];
  }
  if (at >= 0) {
    score *= p.contradiction;
    if (score < floor) {
      settled.contradicted = true;
      settled.score = score;
      return null;
    }
  }
  const found = foundIds(count);
  count = 0;
  const t0 = pk.termStart[id];
  for (let f = pk.firstStart[id]; f < pk.firstStart[id + 1]; f++) {
    const word = pk.ids[t0 + pk.firsts[f]];
    if (q.has[word]) found[count++] = word;
  }
  sortAscending(found);
  const innerOnly =
    sig.detailUnit > 0 &&
    score > p.innerOnly &&
    !anyTouched(w, 0, sig.detailUnit - classBefore(pk, id, sig.detailUnit, p.classWords)) &&
    onlyGenericTouched(pk, id, w);
  if (innerOnly) score = p.innerOnly;
  const withoutCode = score > p.withoutCode && lacksCode(sig, q);
  if (withoutCode) score = p.withoutCode;
  const small = score > p.smallPart.cap ? smallPart(pk, id, w, units, p) : -1;
  if (small >= 0) score = p.smallPart.cap;
  const frameOnly = score > p.frameOnly.cap && isFrameOnly(pk, id, w, units, p);
  if (frameOnly) score = p.frameOnly.cap;
  const fragment = at < 0 && score < p.fragment && isFragment(pk, id, view.terms.size, w, found.length, uniqueWeight, p);
  if (fragment) score = p.fragment;
  return new Scored(
    score,
    found,
    detailCoverage,
    wholeCoverage,
    evidence / uniqueWeight,
    evidenceFactor,
    at >= 0 ? (first ?? describe(sig, at, q)) : undefined,
    fragment,
    innerOnly,
    cut >= 0 ? pk.arrows[cut] : undefined,
    withoutCode,
    small >= 0 ? small : undefined,
    frameOnly,
  );
}

/**
 * The share of error text `id`'s weight in the units the paste holds, when it is below `smallPart.share` and the paste
 * doesn't hold the text's last unit (how the error ends); −1 otherwise (also for a text of one unit).
 */
function smallPart(pk: PackedSignals, id: number, w: UnitWeights, units: number, p: ScoreParameters): number {
  if (units < 2 || touchedAt(w, units - 1)) return -1;
  let all = 0;
  let held = 0;
  for (let k = 0; k < units; k++) {
    all += allAt(w, k);
    if (touchedAt(w, k)) held += allAt(w, k);
  }
  const share = all > 0 ? held / all : 1;
  return share < p.smallPart.share ? share : -1;
}

/**
 * The paste holds error text `id`'s first part and its last, and none of the units between them, which outweigh what it
 * holds (`frameOnly.middle` times): the frame a tool prints around every failure (Setup's `Configuring Microsoft Exchange
 * Server` … `The Exchange Server setup operation didn't complete.`), not the failure between. The last part held must be the
 * text's own message, not an inner one (a chain's inner message is what tells its errors apart: a paste of the wrapper's
 * first word and the inner message holds the error).
 */
function isFrameOnly(pk: PackedSignals, id: number, w: UnitWeights, units: number, p: ScoreParameters): boolean {
  if (units < 3 || !touchedAt(w, 0) || !touchedAt(w, units - 1)) return false;
  let from = 0;
  while (touchedAt(w, from)) from++;
  let to = units - 1;
  while (touchedAt(w, to)) to--;
  const u0 = pk.unitStart[id];
  let middle = 0;
  let held = 0;
  for (let k = 0; k < units; k++) {
    if (k < from || k > to) {
      if (k > to && pk.unitFlags[u0 + k] & NESTED) return false;
      held += allAt(w, k);
    } else if (touchedAt(w, k)) return false;
    else middle += allAt(w, k);
  }
  return middle > p.frameOnly.middle * held;
}

/**
 * Every `-->` of the paste (`view.arrowed`: the terms of the message after each) repeats what error text `id` says before
 * its first arrow: each of its terms, but for values the paste quotes (`'Negotiate'`, a variable the error quotes as an
 * example), is one of the outer message's, and the arrows say at least `ARROW_REPEAT_WORDS` such terms in all. False when
 * an arrow goes on with a word of its own (another inner message), or when the paste's arrows were not read.
 */
function arrowRepeats(pk: PackedSignals, id: number, sig: ErrorSignal, view: QueryView): boolean {
  const { arrowed } = view;
  if (arrowed === undefined || arrowed.length === 0) return false;
  const first = pk.arrows[pk.arrowStart[id]];
  const outer = new Set(sig.terms.slice(0, pk.unitFrom[pk.unitStart[id] + first]));
  let said = 0;
  for (const terms of arrowed) {
    let own = 0;
    for (const t of terms) {
      if (view.quoted.has(t)) continue;
      if (!outer.has(t)) return false;
      own++;
    }
    if (own === 0) return false;
    said += own;
  }
  return said >= ARROW_REPEAT_WORDS;
}

/** Terms the arrows' messages must say in all for `arrowRepeats` to read them as the outer message again (a word or two say little). */
const ARROW_REPEAT_WORDS = 3;

/**
 * Where a paste that holds error text `id` from its start stops before a `-->`: the first arrow from whose unit on it
 * holds nothing, as its place in `pk.arrows` (unit, then detail unit); -1 when none. (A loop, not `arrows.find` with a
 * closure: a closure over scoreSignal's locals would allocate their context on each of its thousands of calls a paste.)
 */
function arrowCut(pk: PackedSignals, id: number, w: UnitWeights, units: number): number {
  for (let k = pk.arrowStart[id]; k < pk.arrowStart[id + 1]; k += 2) if (!anyTouched(w, pk.arrows[k], units)) return k;
  return -1;
}

/**
 * Per unit of error text `id`: the paste holds it (what `--explain` shows; scoring reads it from the unit weights,
 * so the result of each text scored carries no array of it).
 */
export function touchedUnits(id: number, view: QueryView, index: Pick<SignalIndex, 'errors' | 'vocab'>, p: ScoreParameters): boolean[] {
  const pk = packedSignals(index);
  const w = unitWeights(pk, id, pasteIds(view, index.vocab), p);
  const out: boolean[] = [];
  for (let k = 0; k < pk.unitStart[id + 1] - pk.unitStart[id]; k++) out.push(touchedAt(w, k));
  return out;
}

/**
 * 1 when the unit just before error text `id`'s inner message is that message's exception class (`System.NullReferenceException`
 * before `Object reference not set…`): the class names the message's family, it is no part of the wrapper around it; else 0.
 */
function classBefore(pk: PackedSignals, id: number, detail: number, classWords: number): number {
  const u = pk.unitStart[id] + detail - 1;
  const last = pk.vocab[pk.ids[pk.termStart[id] + pk.unitTo[u] - 1]];
  return pk.unitTo[u] - pk.unitFrom[u] <= classWords && isExceptionClassTerm(last) ? 1 : 0;
}

/** Every unit of error text `id`'s inner message that the paste holds is generic. */
function onlyGenericTouched(pk: PackedSignals, id: number, w: UnitWeights): boolean {
  const u0 = pk.unitStart[id];
  for (let k = pk.detailUnit[id]; k < pk.unitStart[id + 1] - u0; k++)
    if (touchedAt(w, k) && !(pk.unitFlags[u0 + k] & GENERIC)) return false;
  return true;
}

/** Sorts a few ids in place (insertion sort: the built-in sort of a typed array costs more than the sorting for a handful). */
function sortAscending(ids: Int32Array): void {
  for (let i = 1; i < ids.length; i++) {
    const x = ids[i];
    let j = i - 1;
    while (j >= 0 && ids[j] > x) {
      ids[j + 1] = ids[j];
      j--;
    }
    ids[j + 1] = x;
  }
}

/** The error text carries a code (HCW8083, 0x80040155, AADSTS50011) the paste doesn't hold. */
function lacksCode(sig: ErrorSignal, q: PasteIds): boolean {
  for (const i of sig.firsts) if (!q.has[sig.ids[i]] && isCodeTerm(sig.terms[i])) return true;
  return false;
}

const NOTHING = new Int32Array(0);

/**
 * The found words of the texts scored to the end are views into shared chunks, not arrays of their own: a typed
 * array of more than a few words has its memory outside V8's heap, and hundreds of those per paste made each young
 * garbage collection many times slower (at 10,000 articles most of a paste's time went to the collector). A chunk is
 * never reused: a view stays valid as long as someone holds it.
 */
let chunk = new Int32Array(4096);
let chunkUsed = 0;

function foundIds(count: number): Int32Array {
  if (chunkUsed + count > chunk.length) {
    chunk = new Int32Array(Math.max(4096, count));
    chunkUsed = 0;
  }
  const ids = chunk.subarray(chunkUsed, chunkUsed + count);
  chunkUsed += count;
  return ids;
}

/**
 * A SignalScore, always of one shape (one per candidate scored: optional fields stay undefined), made by `new` with its
 * fields in the order a literal had them (plain.ts: never allocated in the old generation).
 */
const Scored = plainConstructor(function (
  this: SignalScore,
  score: number,
  found: Int32Array,
  detailCoverage: number,
  wholeCoverage: number | undefined,
  evidenceWords: number,
  evidenceFactor: number,
  contradiction?: Contradiction,
  fragment?: boolean,
  innerOnly?: boolean,
  cutAt?: number,
  withoutCode?: boolean,
  smallPart?: number,
  frameOnly?: boolean,
) {
  this.score = score;
  this.found = found;
  this.detailCoverage = detailCoverage;
  this.wholeCoverage = wholeCoverage;
  this.cutAt = cutAt;
  this.evidenceWords = evidenceWords;
  this.evidenceFactor = evidenceFactor;
  this.contradiction = contradiction;
  this.fragment = fragment ? true : undefined;
  this.innerOnly = innerOnly ? true : undefined;
  this.withoutCode = withoutCode ? true : undefined;
  this.smallPart = smallPart;
  this.frameOnly = frameOnly ? true : undefined;
});

/**
 * The paste is nothing but an inner message of this error: almost all its words are the error's, all in parts
 * introduced by a quote, and what it holds of the error's own units (those no other article shares) is real evidence.
 * A family, offered.
 */
function isFragment(
  pk: PackedSignals,
  id: number,
  pasteTerms: number,
  w: UnitWeights,
  found: number,
  uniqueWeight: number,
  p: ScoreParameters,
): boolean {
  if (found < p.fragmentShare * pasteTerms) return false;
  const u0 = pk.unitStart[id];
  const units = pk.unitStart[id + 1] - u0;
  // Only inner messages (parts introduced by a quote) count: a wrapper pasted with another inner message, or
  // none, is a different error, not a part of this one.
  for (let k = 0; k < units; k++) if (touchedAt(w, k) && !(pk.unitFlags[u0 + k] & NESTED)) return false;
  let own = 0;
  for (let k = 0; k < units; k++) if (touchedAt(w, k) && !(pk.unitFlags[u0 + k] & GENERIC)) own += w.have[w.of[u0 + k]];
  return own >= p.fragmentEvidence * uniqueWeight;
}
