import type { ErrorSignal } from './signals';

/**
 * How well a paste covers one error text, 0..1.
 *
 * Coverage, not similarity: a paste usually holds far more than the error (prompts, stack traces, prose),
 * so only what the error text needs is counted. The innermost detail counts most, and a paste that
 * says something else where the detail should be (`…on a receive` where the article has `…on a send`)
 * is marked down hard: that is a different error with the same wrapper.
 */

/** The paste as seen by the scorer. */
export interface QueryView {
  /** Content terms of the paste (after typo repair), in order. */
  seq: string[];
  terms: ReadonlySet<string>;
  /** "a b" for every two neighbouring content terms. */
  pairs: ReadonlySet<string>;
  /** term → the content terms that follow it somewhere in the paste. */
  next: ReadonlyMap<string, ReadonlySet<string>>;
}

/** Weight of the detail in the score; the rest is the whole error text. */
const DETAIL_SHARE = 0.7;
/** Share of single terms in a coverage; the rest is word pairs (order). */
const TERM_SHARE = 0.6;
/** Factor for a paste that contradicts the detail. */
const CONTRADICTION = 0.55;
/** Error texts with less information than this (sum of term weights) cannot reach full confidence alone. */
const MIN_INFORMATION = 6;

export function buildQueryView(seq: string[]): QueryView {
  const pairs = new Set<string>();
  const next = new Map<string, Set<string>>();
  for (let i = 0; i + 1 < seq.length; i++) {
    pairs.add(`${seq[i]} ${seq[i + 1]}`);
    let s = next.get(seq[i]);
    if (!s) next.set(seq[i], (s = new Set()));
    s.add(seq[i + 1]);
  }
  return { seq, terms: new Set(seq), pairs, next };
}

function coverage(sig: ErrorSignal, distinct: readonly number[], from: number, q: QueryView): number {
  let have = 0;
  let all = 0;
  for (const i of distinct) {
    all += sig.weights[i];
    if (q.terms.has(sig.terms[i])) have += sig.weights[i];
  }
  if (all === 0) return 0;
  const terms = have / all;
  const to = sig.terms.length;
  if (to - from < 2) return terms;
  let pHave = 0;
  let pAll = 0;
  for (let i = from; i + 1 < to; i++) {
    const w = (sig.weights[i] + sig.weights[i + 1]) / 2;
    pAll += w;
    if (q.pairs.has(sig.pairKeys[i])) pHave += w;
  }
  return TERM_SHARE * terms + (1 - TERM_SHARE) * (pAll ? pHave / pAll : terms);
}

/**
 * True when the paste continues the detail differently: a detail term is missing, the paste has the
 * term before it, and what follows there in the paste is a word this error text does not have.
 */
function contradicts(sig: ErrorSignal, q: QueryView): boolean {
  const own = new Set(sig.terms);
  for (let i = Math.max(1, sig.detailStart); i < sig.terms.length; i++) {
    if (q.terms.has(sig.terms[i])) continue;
    const after = q.next.get(sig.terms[i - 1]);
    if (!after) continue;
    for (const u of after) if (!own.has(u)) return true;
  }
  return false;
}

export interface SignalScore {
  score: number;
  /** Share of the detail's weight found in the paste. */
  detail: number;
}

export function scoreSignal(sig: ErrorSignal, q: QueryView): SignalScore {
  const detail = coverage(sig, sig.detailDistinct, sig.detailStart, q);
  const whole = sig.detailStart === 0 ? detail : coverage(sig, sig.wholeDistinct, 0, q);
  let score = DETAIL_SHARE * detail * detail + (1 - DETAIL_SHARE) * whole;
  if (score > 0 && contradicts(sig, q)) score *= CONTRADICTION;
  if (sig.information < MIN_INFORMATION) score *= sig.information / MIN_INFORMATION;
  return { score, detail };
}
