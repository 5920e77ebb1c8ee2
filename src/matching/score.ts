import type { MatchParameters } from './parameters';
import type { ErrorSignal } from './signals';

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
  /** "a b" for every two neighbouring content terms. */
  pairs: ReadonlySet<string>;
  /** term, "a b" word pair and "a b c" triple → the content terms that follow it somewhere in the paste. */
  next: ReadonlyMap<string, ReadonlySet<string>>;
  /** Terms the paste has only inside single quotes: names and values, which never contradict an error. */
  quoted: ReadonlySet<string>;
}

/** The scorer's knobs: `MatchParameters.score` (parameters.ts). */
export type ScoreParameters = MatchParameters['score'];

export function buildQueryView(seq: string[], quoted: ReadonlySet<string> = new Set()): QueryView {
  const pairs = new Set<string>();
  const next = new Map<string, Set<string>>();
  const follow = (key: string, term: string) => {
    let s = next.get(key);
    if (!s) next.set(key, (s = new Set()));
    s.add(term);
  };
  for (let i = 0; i + 1 < seq.length; i++) {
    const pair = `${seq[i]} ${seq[i + 1]}`;
    pairs.add(pair);
    follow(seq[i], seq[i + 1]);
    if (i + 2 < seq.length) follow(pair, seq[i + 2]);
    if (i + 3 < seq.length) follow(`${pair} ${seq[i + 2]}`, seq[i + 3]);
  }
  return { seq, terms: new Set(seq), pairs, next, quoted };
}

/**
 * Per unit: the weight it holds, the weight of it found in the paste, and whether the paste holds the
 * unit itself — its word pairs, not just its words, which common ones like "error" give away elsewhere.
 */
function unitWeights(sig: ErrorSignal, q: QueryView, p: ScoreParameters): { have: number[]; all: number[]; touched: boolean[] } {
  const have: number[] = [];
  const all: number[] = [];
  const touched: boolean[] = [];
  for (const u of sig.units) {
    let h = 0;
    let a = 0;
    let pairsHave = 0;
    let pairsAll = 0;
    for (let i = u.start; i < u.end; i++) {
      a += sig.weights[i];
      if (q.terms.has(sig.terms[i])) h += sig.weights[i];
      if (i + 1 < u.end && !sig.varAfter[i]) {
        pairsAll++;
        if (q.pairs.has(sig.pairKeys[i])) pairsHave++;
      }
    }
    have.push(h);
    all.push(a);
    touched.push(a > 0 && h / a >= p.touched && (pairsAll === 0 || pairsHave / pairsAll >= p.touchedPairs));
  }
  return { have, all, touched };
}

/** Coverage of units [from, end), untouched units discounted; 0 when the paste touches none of them. */
function coverage(
  sig: ErrorSignal,
  q: QueryView,
  from: number,
  w: ReturnType<typeof unitWeights>,
  fullEvidence: number,
  p: ScoreParameters,
): number {
  let touchedAll = 0;
  let touchedOwn = 0;
  let untouchedAll = 0;
  for (let u = from; u < sig.units.length; u++) {
    if (w.touched[u]) {
      touchedAll += w.all[u];
      if (!sig.units[u].generic) touchedOwn += w.all[u];
    } else untouchedAll += w.all[u];
  }
  if (touchedAll === 0) return 0;
  // Discounting what was not pasted is only fair when what was pasted is a real part of this error: a
  // short unit or two ("Remote Server") found among common words earns little of the discount, and a
  // part that several articles' errors share (a generic .NET line) earns none.
  const earned = Math.min(1, touchedOwn / (p.substantialPart * fullEvidence));
  const discounted = untouchedAll > 0 ? Math.min(p.untouchedFactor, (p.untouchedCap * touchedAll) / untouchedAll) : 0;
  const untouched = 1 - earned * (1 - discounted);
  const factor = w.touched.map((t) => (t ? 1 : untouched));
  let have = 0;
  let all = 0;
  for (let u = from; u < sig.units.length; u++) {
    have += factor[u] * w.have[u];
    all += factor[u] * w.all[u];
  }
  if (all === 0) return 0;
  const terms = have / all;
  let pHave = 0;
  let pAll = 0;
  for (let u = from; u < sig.units.length; u++) {
    const { start, end } = sig.units[u];
    for (let i = start; i < end && i + 1 < sig.terms.length; i++) {
      if (sig.varAfter[i]) continue;
      const pw = factor[u] * ((sig.weights[i] + sig.weights[i + 1]) / 2);
      pAll += pw;
      if (q.pairs.has(sig.pairKeys[i])) pHave += pw;
    }
  }
  return p.termShare * terms + (1 - p.termShare) * (pAll > 0 ? pHave / pAll : terms);
}

/** Where a paste goes on differently from an error text: after `context`, the error has `expected`, the paste `pasted`. */
export interface Contradiction {
  context: string;
  expected: string;
  pasted: string;
}

/**
 * Where the paste continues the error differently (undefined: nowhere): somewhere the paste follows the error word for
 * word (two words in a row), then stops following it while both go on — with a word other than the next
 * ones of the error, and that does not look like a name or number (those vary from paste to paste).
 */
function contradiction(sig: ErrorSignal, q: QueryView, touched: readonly boolean[]): Contradiction | undefined {
  const { meanWeight, repeated } = sig;
  let unit = 0;
  for (let i = 1; i < sig.terms.length; i++) {
    while (sig.units[unit].end <= i) unit++;
    if (sig.varAfter[i - 1] || q.pairs.has(sig.pairKeys[i - 1])) continue;
    // Only where the paste holds the error: inside a unit it holds (a distinctive two-word context inside
    // the unit is enough), or right where one ends — unless that is a sentence end, where a paste may
    // stop and go on in its own words.
    const { start, afterSentence } = sig.units[unit];
    const distinctive = i - 2 >= start && sig.weights[i - 2] + sig.weights[i - 1] >= 2 * meanWeight;
    const holds = start === i ? !afterSentence && unit > 0 && touched[unit - 1] : touched[unit] || distinctive;
    if (!holds) continue;
    let context: string;
    if (i === 1 || i - 1 === start) {
      // At the start of the error or of a unit, one word of context — only a word that is not common
      // and that the error has once.
      if (sig.weights[i - 1] < meanWeight || repeated.has(sig.terms[i - 1])) continue;
      context = sig.terms[i - 1];
    } else if (sig.varAfter[i - 2]) continue;
    else context = sig.pairKeys[i - 2];
    // A context the error itself repeats ("error occurred" thrice) can't tell where the paste is: take one
    // more word before it, and give up when even that repeats.
    if (i >= 2 && repeated.has(context)) {
      if (i < 3 || sig.varAfter[i - 3]) continue;
      context = `${sig.terms[i - 3]} ${context}`;
      if (repeated.has(context)) continue;
    }
    const after = q.next.get(context);
    if (!after) continue;
    // The paste may skip a word or two of the error; anything else there is another error.
    for (const u of after) {
      if (
        u !== sig.terms[i] &&
        u !== sig.terms[i + 1] &&
        u !== sig.terms[i + 2] &&
        !q.quoted.has(u) &&
        !looksLikeName(u) &&
        !misread(u, sig.terms[i])
      ) {
        return { context, expected: sig.terms[i], pasted: u };
      }
    }
  }
  return undefined;
}

/**
 * A pasted word that is the expected one misread, not another word: one letter substituted, added or dropped
 * (`fir` for `für`: an OCR slip or a typo), or glued to its neighbour or split from it (`Verbindungwurde`,
 * `zu grunde`). Numbers and codes are never misread: `401` for `403` is another error.
 */
export function misread(pasted: string, expected: string): boolean {
  if (/\d/.test(pasted) || /\d/.test(expected)) return false;
  const [short, long] = pasted.length <= expected.length ? [pasted, expected] : [expected, pasted];
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
  if (/^\d+$/.test(term)) return !/^[1-5]\d\d$/.test(term);
  return /\d/.test(term) && !/^(hcw\d+|smtp\dx\dx\d+|0x[0-9a-f]+|aadsts\d+)$/.test(term);
}

export interface SignalScore {
  score: number;
  /** The error text's words that the paste holds (the evidence; also what the ranking compares). */
  found: Set<string>;
  /** Coverage of the inner message (of the whole text when it has none), 0..1. */
  detailCoverage: number;
  /** Coverage of the whole text, when it has an inner message. */
  wholeCoverage?: number;
  /** Per unit of the error text: the paste holds it. */
  touched: boolean[];
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
}

/**
 * How well the paste covers one error text. `uniqueWeight`: the weight of a word found in one error text only,
 * the unit in which evidence is measured.
 */
export function scoreSignal(sig: ErrorSignal, q: QueryView, uniqueWeight: number, p: ScoreParameters): SignalScore {
  const fullEvidence = p.evidenceWords * uniqueWeight;
  const found = new Set<string>();
  const w = unitWeights(sig, q, p);
  const detailCoverage = coverage(sig, q, sig.detailUnit, w, fullEvidence, p);
  const wholeCoverage = sig.detailUnit > 0 ? coverage(sig, q, 0, w, fullEvidence, p) : undefined;
  let score = wholeCoverage === undefined ? detailCoverage : p.detailShare * detailCoverage + (1 - p.detailShare) * wholeCoverage;
  const base = { found, detailCoverage, wholeCoverage, touched: w.touched };
  if (score === 0) return { ...base, score, evidenceWords: 0, evidenceFactor: 0 };
  let evidence = 0;
  sig.terms.forEach((t, i) => {
    if (found.has(t) || !q.terms.has(t)) return;
    found.add(t);
    evidence += sig.weights[i];
  });
  const evidenceFactor = Math.sqrt(Math.min(1, evidence / fullEvidence));
  score *= evidenceFactor;
  const contra = contradiction(sig, q, w.touched);
  if (contra) score *= p.contradiction;
  const innerOnly =
    sig.detailUnit > 0 &&
    score > p.innerOnly &&
    !w.touched.slice(0, sig.detailUnit).some(Boolean) &&
    sig.units.every((u, k) => k < sig.detailUnit || !w.touched[k] || u.generic);
  if (innerOnly) score = p.innerOnly;
  const fragment = !contra && score < p.fragment && isFragment(sig, q, w, found, uniqueWeight, p);
  if (fragment) score = p.fragment;
  return {
    ...base,
    score,
    evidenceWords: evidence / uniqueWeight,
    evidenceFactor,
    ...(contra ? { contradiction: contra } : {}),
    ...(fragment ? { fragment } : {}),
    ...(innerOnly ? { innerOnly } : {}),
  };
}

/**
 * The paste is nothing but an inner message of this error: almost all its words are the error's, all in parts
 * introduced by a quote, and what it holds of the error's own units (those no other article shares) is real evidence.
 * A family, offered.
 */
function isFragment(
  sig: ErrorSignal,
  q: QueryView,
  w: ReturnType<typeof unitWeights>,
  found: ReadonlySet<string>,
  uniqueWeight: number,
  p: ScoreParameters,
): boolean {
  // Only inner messages (parts introduced by a quote) count: a wrapper pasted with another inner message, or
  // none, is a different error, not a part of this one.
  if (sig.units.some((u, k) => w.touched[k] && !u.nested) || found.size < p.fragmentShare * q.terms.size) return false;
  let own = 0;
  sig.units.forEach((u, k) => {
    if (w.touched[k] && !u.generic) own += w.have[k];
  });
  return own >= p.fragmentEvidence * uniqueWeight;
}
