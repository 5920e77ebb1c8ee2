/**
 * The matcher's index as compact plain data: what a compiled knowledge index (`kb build`) carries so that a
 * start restores the matcher instead of building it (building takes seconds at 10,000 articles).
 *
 * Every string is stored once in `strings` and referred to by its position; numbers are typed arrays
 * (ragged lists as one flat array plus offsets), which a file holds as raw bytes and a start reads without
 * parsing. Maps keep their insertion order, so a restored matcher iterates exactly as a built one and makes
 * the same decisions (tests/matching/snapshot.test.ts checks that on every dev set).
 *
 * Whoever changes a structure of `MatcherIndex` changes its encoding here and raises SNAPSHOT_VERSION:
 * a file of another version is not restored, the knowledge is loaded from its sources instead.
 */
import type { KnowledgeBase } from '../knowledge/load';
import type { Lang } from '../knowledge/types';
import { FIELDS, type AboutIndex, type DescriptionIndex } from './descriptions';
import { Matcher, type MatcherIndex, type MatcherOptions } from './matcher';
import { DEFAULT_PARAMETERS, type MatchParameters } from './parameters';
import {
  AFTER_SENTENCE as P_AFTER_SENTENCE,
  FIRST as P_FIRST,
  GENERIC as P_GENERIC,
  NESTED as P_NESTED,
  VAR_AFTER as P_VAR_AFTER,
  VALUE_START as P_VALUE_START,
  VALUE_END as P_VALUE_END,
  PROPERTY as P_PROPERTY,
  VAR_OPENS as P_VAR_OPENS,
  type PackedSignals,
} from './packed';
import { ErrorSignal, type KeywordPhrase, type SignalIndex } from './signals';
import type { StepWords } from './stepRaise';

/** The encoding's version: raised with every change to what is stored or how. */
export const SNAPSHOT_VERSION = 10;

/** A list of lists as one flat array: list i is `values[offsets[i]] … values[offsets[i + 1] - 1]`. */
interface Ragged<T extends Int32Array | Float64Array> {
  offsets: Int32Array;
  values: T;
}

/** A Map<string, number>: key string ids and values, in insertion order. */
interface NumberMap {
  keys: Int32Array;
  values: Float64Array;
}

/** A Map<string, number[]> of ids. */
interface ListMap {
  keys: Int32Array;
  lists: Ragged<Int32Array>;
}

interface SignalsSnapshot {
  /** Per error text (ErrorSignal), one entry each. */
  article: Int32Array;
  symptom: Int32Array;
  /** 0 de, 1 en. */
  lang: Uint8Array;
  text: Int32Array;
  /** The vocabulary (SignalIndex.vocab): string ids, in term id order. */
  vocab: Int32Array;
  /** Per error text its term ids (vocabulary ids). */
  terms: Ragged<Int32Array>;
  /** Same offsets as `terms`. */
  weights: Float64Array;
  /** Same offsets as `terms`; 1 = true. */
  varAfter: Uint8Array;
  /** Same offsets as `terms`: the VALUE_START, VALUE_END, PROPERTY and VAR_OPENS flags (packed.ts). */
  valueMarks: Uint8Array;
  /** Per error text the positions of first occurrences (ErrorSignal.firsts). */
  firsts: Ragged<Int32Array>;
  /** Per error text its units: start, end, flags (1 nested, 2 afterSentence, 4 generic) in a row. */
  units: Ragged<Int32Array>;
  detailUnit: Int32Array;
  /** Per error text its `-->` chains: unit, detail unit of the text cut there, in a row. */
  arrows: Ragged<Int32Array>;
  information: Float64Array;
  detailKey: Int32Array;
  meanWeight: Float64Array;
  /** Gram codes (beyond 32 bits for pairs and triples of a large vocabulary). */
  repeated: Ragged<Float64Array>;
  /** Per term id, the error texts holding it. */
  postings: Ragged<Int32Array>;
  /** Per term id. */
  weight: Float64Array;
  /** Keyword phrases in `phrases` order: first term, then each phrase. */
  phrases: { first: number; phrases: { article: number; symptom: number | null; terms: number[]; topic: boolean }[] }[];
  uniqueWeight: number;
  /** SignalIndex.apiCodes: string ids, in the set's order. */
  apiCodes: Int32Array;
}

interface DescriptionsSnapshot {
  article: Int32Array;
  symptom: Int32Array;
  /** Per document its totals per field (`FIELDS`), one after the other. */
  totals: Float64Array;
  titles: Ragged<Int32Array>;
  postings: ListMap;
  idf: NumberMap;
}

export interface MatcherSnapshot {
  version: number;
  /** `MatchParameters.index` it was built with, as JSON: other parameters build another index. */
  params: string;
  /** Every string of the index, once. */
  strings: string[];
  signals: SignalsSnapshot;
  /** Per article, its title and description words (AboutIndex); `vocab`: the words' string ids in word id order. */
  about: { vocab: Int32Array; weight: Float64Array; words: Ragged<Int32Array> };
  descriptions: DescriptionsSnapshot;
  /** StepWords: per article its untold step words (string ids), each word's article count, the words written as names. */
  steps: { untold: Ragged<Int32Array>; articles: NumberMap; names: Int32Array };
}

/** The matcher's index as plain data (strings, numbers, typed arrays), ready for a compiled index file. */
export function snapshotMatcher(matcher: Matcher): MatcherSnapshot {
  const strings: string[] = [];
  const ids = new Map<string, number>();
  const id = (s: string): number => {
    let n = ids.get(s);
    if (n === undefined) {
      n = strings.push(s) - 1;
      ids.set(s, n);
    }
    return n;
  };
  const { signals, about, descriptions, steps } = matcher.built;
  return {
    version: SNAPSHOT_VERSION,
    params: JSON.stringify(matcher.params.index),
    signals: encodeSignals(signals, id),
    about: encodeAbout(about, id),
    descriptions: encodeDescriptions(descriptions, id),
    steps: encodeSteps(steps, id),
    strings,
  };
}

/**
 * A matcher for `kb` from a snapshot of a matcher built on the same knowledge base. Throws (`matching: …`)
 * on a snapshot of another version or other index parameters, or one that doesn't fit `kb`.
 */
export function restoreMatcher(
  kb: KnowledgeBase,
  snapshot: MatcherSnapshot,
  params: MatchParameters = DEFAULT_PARAMETERS,
  options: RestoreOptions = {},
): Matcher {
  const copy: Copy = options.adopt ? (a) => a : (a) => a.slice() as typeof a;
  if (snapshot.version !== SNAPSHOT_VERSION)
    throw new Error(`matching: snapshot version ${snapshot.version} is not this version's (${SNAPSHOT_VERSION})`);
  if (snapshot.params !== JSON.stringify(params.index))
    throw new Error(`matching: snapshot built with other index parameters: ${snapshot.params}`);
  const str = snapshot.strings;
  const built: MatcherIndex = {
    signals: decodeSignals(snapshot.signals, str, copy),
    about: decodeAbout(snapshot.about, str, copy),
    descriptions: decodeDescriptions(snapshot.descriptions, str, copy),
    steps: decodeSteps(snapshot.steps, str),
  };
  const articles = built.about.offsets.length - 1;
  const outside = built.steps.untold.length !== articles || built.signals.errors.some((e) => e.article >= kb.articles.length);
  if (articles !== kb.articles.length || outside)
    throw new Error(`matching: snapshot of ${articles} articles does not fit a knowledge base of ${kb.articles.length}`);
  return new Matcher(kb, params, built, { previous: options.previous });
}

type Intern = (s: string) => number;

export interface RestoreOptions extends MatcherOptions {
  /**
   * The matcher takes the snapshot's typed arrays as its own instead of copying them: for a snapshot nothing else
   * holds, such as one just read from a compiled index, whose typed arrays lie in a buffer of their own. Default false.
   */
  adopt?: boolean;
}

/** The copy a restored matcher keeps of a snapshot's array (or the array itself, when it adopts them). */
type Copy = <T extends Int32Array | Float64Array | Uint8Array>(array: T) => T;

function ragged<T extends Int32Array | Float64Array>(lists: readonly (readonly number[])[], make: (n: number) => T): Ragged<T> {
  const offsets = new Int32Array(lists.length + 1);
  let n = 0;
  lists.forEach((l, i) => {
    offsets[i] = n;
    n += l.length;
  });
  offsets[lists.length] = n;
  const values = make(n);
  lists.forEach((l, i) => values.set(l, offsets[i]));
  return { offsets, values };
}

function listAt<T extends Int32Array | Float64Array>(r: Ragged<T>, i: number): T {
  return r.values.subarray(r.offsets[i], r.offsets[i + 1]) as T;
}

const ints = (n: number) => new Int32Array(n);

function encodeNumberMap(map: ReadonlyMap<string, number>, id: Intern): NumberMap {
  return { keys: Int32Array.from(map.keys(), id), values: Float64Array.from(map.values()) };
}

function decodeNumberMap(m: NumberMap, str: readonly string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (let i = 0; i < m.keys.length; i++) out.set(str[m.keys[i]], m.values[i]);
  return out;
}

function encodeListMap(map: ReadonlyMap<string, Int32Array>, id: Intern): ListMap {
  return {
    keys: Int32Array.from(map.keys(), id),
    lists: ragged(
      [...map.values()].map((l) => Array.from(l)),
      ints,
    ),
  };
}

function decodeListMap(m: ListMap, str: readonly string[], copy: Copy): Map<string, Int32Array> {
  const out = new Map<string, Int32Array>();
  // One copy of all the lists, each key's a view in it (a copy per list would be thousands of small buffers).
  const lists = { offsets: m.lists.offsets, values: copy(m.lists.values) };
  for (let i = 0; i < m.keys.length; i++) out.set(str[m.keys[i]], listAt(lists, i));
  return out;
}

/** Word ids are assigned in the order words were first met, which is also the map's order. */
function encodeAbout(a: AboutIndex, id: Intern): MatcherSnapshot['about'] {
  return {
    vocab: Int32Array.from(a.ids.keys(), id),
    weight: Float64Array.from(a.weight),
    words: { offsets: Int32Array.from(a.offsets), values: Int32Array.from(a.words) },
  };
}

function decodeAbout(m: MatcherSnapshot['about'], str: readonly string[], copy: Copy): AboutIndex {
  const ids = new Map<string, number>();
  m.vocab.forEach((s, i) => ids.set(str[s], i));
  return { ids, weight: copy(m.weight), offsets: copy(m.words.offsets), words: copy(m.words.values) };
}

const LANGS: readonly Lang[] = ['de', 'en'];
const NESTED = 1;
const AFTER_SENTENCE = 2;
const GENERIC = 4;

/** A ragged list of `packed`: its per-error-text starts and values, as one flat array and offsets (copies). */
function flat<T extends Int32Array | Float64Array>(offsets: Int32Array, values: T): Ragged<T> {
  return { offsets: offsets.slice(), values: values.slice() as T };
}

function encodeSignals(index: SignalIndex, id: Intern): SignalsSnapshot {
  const e = index.errors;
  const pk = index.packed;
  const unitFlags = (f: number) =>
    (f & P_NESTED ? NESTED : 0) | (f & P_AFTER_SENTENCE ? AFTER_SENTENCE : 0) | (f & P_GENERIC ? GENERIC : 0);
  const units = new Int32Array(3 * pk.unitFrom.length);
  pk.unitFrom.forEach((from, u) => units.set([from, pk.unitTo[u], unitFlags(pk.unitFlags[u])], 3 * u));
  return {
    article: Int32Array.from(e, (s) => s.article),
    symptom: Int32Array.from(e, (s) => id(s.symptom)),
    lang: Uint8Array.from(e, (s) => LANGS.indexOf(s.lang)),
    text: Int32Array.from(e, (s) => id(s.text)),
    vocab: Int32Array.from(index.vocab.terms, id),
    terms: flat(pk.termStart, pk.ids),
    weights: pk.weights.slice(),
    varAfter: pk.varAfter.slice(),
    valueMarks: pk.flags.map((f) => f & (P_VALUE_START | P_VALUE_END | P_PROPERTY | P_VAR_OPENS)),
    firsts: flat(pk.firstStart, pk.firsts),
    units: { offsets: pk.unitStart.map((u) => 3 * u), values: units },
    detailUnit: pk.detailUnit.slice(),
    arrows: flat(pk.arrowStart, pk.arrows),
    information: pk.information.slice(),
    detailKey: Int32Array.from(e, (s) => id(s.detailKey)),
    meanWeight: pk.meanWeight.slice(),
    repeated: flat(pk.repeatedStart, pk.repeated),
    postings: ragged(
      index.postings.map((l) => Array.from(l)),
      ints,
    ),
    weight: Float64Array.from(index.weight),
    phrases: [...index.phrases].map(([first, list]) => ({
      first: id(first),
      phrases: list.map((p) => ({
        article: p.article,
        symptom: p.symptom === null ? null : id(p.symptom),
        terms: p.terms.map(id),
        topic: p.topic,
      })),
    })),
    uniqueWeight: index.uniqueWeight,
    apiCodes: Int32Array.from(index.apiCodes, id),
  };
}

function decodeSignals(s: SignalsSnapshot, str: readonly string[], copy: Copy): SignalIndex {
  const vocab = { ids: new Map<string, number>(), terms: Array.from(s.vocab, (t) => str[t]) };
  vocab.terms.forEach((t, i) => vocab.ids.set(t, i));
  // The flat arrays are copied once (the file's bytes are not kept alive); the error texts and the postings are
  // positions and views in them: a copy per list would be tens of thousands of small buffers at 10,000 articles.
  const n = s.article.length;
  // Plain loops: TypedArray.from with a mapping function takes the iterator path, ~100 ms over the 300,000 term
  // positions of 10,000 articles where a loop takes about one.
  const flags = new Uint8Array(s.varAfter.length);
  for (let k = 0; k < flags.length; k++) flags[k] = (s.varAfter[k] ? P_VAR_AFTER : 0) | s.valueMarks[k];
  const termStart = s.terms.offsets;
  const firstStart = s.firsts.offsets;
  const firsts = s.firsts.values;
  for (let i = 0; i < n; i++) {
    const t0 = termStart[i];
    for (let f = firstStart[i]; f < firstStart[i + 1]; f++) flags[t0 + firsts[f]] |= P_FIRST;
  }
  const unitData = s.units.values;
  const unitCount = unitData.length / 3;
  const unitStart = new Int32Array(s.units.offsets.length);
  for (let i = 0; i < unitStart.length; i++) unitStart[i] = s.units.offsets[i] / 3;
  const unitFrom = new Int32Array(unitCount);
  const unitTo = new Int32Array(unitCount);
  const unitFlags = new Uint8Array(unitCount);
  for (let u = 0; u < unitCount; u++) {
    unitFrom[u] = unitData[3 * u];
    unitTo[u] = unitData[3 * u + 1];
    const f = unitData[3 * u + 2];
    unitFlags[u] = (f & NESTED ? P_NESTED : 0) | (f & AFTER_SENTENCE ? P_AFTER_SENTENCE : 0) | (f & GENERIC ? P_GENERIC : 0);
  }
  const hasArrows = new Uint8Array(n);
  for (let i = 0; i < n; i++) if (s.arrows.offsets[i + 1] > s.arrows.offsets[i]) hasArrows[i] = 1;
  const packed: PackedSignals = {
    termStart: copy(termStart),
    ids: copy(s.terms.values),
    weights: copy(s.weights),
    flags,
    varAfter: copy(s.varAfter),
    firstStart: copy(firstStart),
    firsts: copy(firsts),
    unitStart,
    unitFrom,
    unitTo,
    unitFlags,
    detailUnit: copy(s.detailUnit),
    information: copy(s.information),
    meanWeight: copy(s.meanWeight),
    hasArrows,
    arrowStart: copy(s.arrows.offsets),
    arrows: copy(s.arrows.values),
    repeatedStart: copy(s.repeated.offsets),
    repeated: copy(s.repeated.values),
    vocab: vocab.terms,
  };
  const allPostings = { offsets: s.postings.offsets, values: copy(s.postings.values) };
  const errors: ErrorSignal[] = [];
  for (let i = 0; i < n; i++) errors.push(new ErrorSignal(packed, i, s.article[i], str[s.symptom[i]], LANGS[s.lang[i]], str[s.text[i]]));
  const phrases = new Map<string, KeywordPhrase[]>();
  for (const { first, phrases: list } of s.phrases)
    phrases.set(
      str[first],
      list.map((p) => ({
        article: p.article,
        symptom: p.symptom === null ? null : str[p.symptom],
        terms: p.terms.map((t) => str[t]),
        topic: p.topic,
      })),
    );
  return {
    errors,
    packed,
    vocab,
    postings: Array.from({ length: vocab.terms.length }, (_, t) => listAt(allPostings, t)),
    weight: copy(s.weight),
    phrases,
    uniqueWeight: s.uniqueWeight,
    apiCodes: new Set(Array.from(s.apiCodes, (t) => str[t])),
  };
}

function encodeDescriptions(d: DescriptionIndex, id: Intern): DescriptionsSnapshot {
  return {
    article: Int32Array.from(d.docs, (x) => x.article),
    symptom: Int32Array.from(d.docs, (x) => id(x.symptom)),
    totals: Float64Array.from(d.docs.flatMap((x) => [...x.totals])),
    titles: ragged(
      d.titles.map((t) => t.map(id)),
      ints,
    ),
    postings: encodeListMap(d.postings, id),
    idf: encodeNumberMap(d.idf, id),
  };
}

function decodeDescriptions(s: DescriptionsSnapshot, str: readonly string[], copy: Copy): DescriptionIndex {
  // One copy of the totals, each document's a view in it; plain loops (see decodeSignals).
  const totals = copy(s.totals);
  const width = FIELDS.length;
  const docs: DescriptionIndex['docs'] = [];
  for (let i = 0; i < s.article.length; i++)
    docs.push({ article: s.article[i], symptom: str[s.symptom[i]], totals: totals.subarray(i * width, (i + 1) * width) });
  const titles: string[][] = [];
  const { offsets, values } = s.titles;
  for (let i = 0; i + 1 < offsets.length; i++) {
    const words: string[] = [];
    for (let k = offsets[i]; k < offsets[i + 1]; k++) words.push(str[values[k]]);
    titles.push(words);
  }
  return { docs, titles, postings: decodeListMap(s.postings, str, copy), idf: decodeNumberMap(s.idf, str) };
}

function encodeSteps(w: StepWords, id: Intern): MatcherSnapshot['steps'] {
  return {
    untold: ragged(
      w.untold.map((list) => list.map(id)),
      ints,
    ),
    articles: encodeNumberMap(w.articles, id),
    names: Int32Array.from(w.names, id),
  };
}

function decodeSteps(s: MatcherSnapshot['steps'], str: readonly string[]): StepWords {
  const untold: string[][] = [];
  const { offsets, values } = s.untold;
  for (let i = 0; i + 1 < offsets.length; i++) {
    const words: string[] = [];
    for (let k = offsets[i]; k < offsets[i + 1]; k++) words.push(str[values[k]]);
    untold.push(words);
  }
  return { untold, articles: decodeNumberMap(s.articles, str), names: new Set(Array.from(s.names, (t) => str[t])) };
}
