import type { Article, Lang } from '../knowledge/types';
import { cleanPaste, termsOf } from './normalize';
import { STOPWORDS } from './stopwords';

/**
 * The searchable evidence of a knowledge base: every error text as a weighted term sequence,
 * and every keyword phrase, built once when the matcher is created.
 */

/** One exact error text of one symptom. */
export interface ErrorSignal {
  article: number;
  symptom: string;
  lang: Lang;
  /** The error text as written in the article. */
  text: string;
  /** Content terms in order (stop words left out). */
  terms: string[];
  /** Weight of each entry of `terms`. */
  weights: number[];
  /** Index into `terms` where the innermost detail starts (the part that tells near-duplicates apart). */
  detailStart: number;
  /** Terms inside a stack-trace frame: they get a small weight and never form the detail. */
  frame: boolean[];
  /** Sum of the weights of the distinct terms: what a paste covering all of them holds. */
  information: number;
  /** `terms[i] + ' ' + terms[i + 1]` for every i: the word pairs looked up in the paste. */
  pairKeys: string[];
  /** Indices of the first occurrence of each distinct term, from `detailStart` on and over the whole text. */
  detailDistinct: number[];
  wholeDistinct: number[];
}

/** A keyword phrase: either a symptom's (symptom set) or the article's topic (symptom null). */
export interface KeywordPhrase {
  article: number;
  symptom: string | null;
  terms: string[];
}

export interface SignalIndex {
  errors: ErrorSignal[];
  /** term → ids of the error signals containing it. */
  postings: Map<string, number[]>;
  /** term → weight (inverse document frequency over error signals, with evidence boosts). */
  weight: Map<string, number>;
  /** first term → keyword phrases starting with it. */
  phrases: Map<string, KeywordPhrase[]>;
}

/** HCW codes, exception names and hex result codes name one problem: strong evidence. */
const STRONG = /^(hcw\d{3,5}|0x[0-9a-f]{4,8}|\w+exception)$/;

/** True for terms that name one problem on their own (HCW codes, exception names, hex result codes). */
export function isStrongTerm(term: string): boolean {
  return STRONG.test(term);
}
const STRONG_BOOST = 2.5;
/** Stack-trace frames are shared by many unrelated errors: weak evidence. */
const FRAME_FACTOR = 0.25;
/** A detail needs at least this many content terms; shorter tail segments are merged with the one before. */
const MIN_DETAIL_TERMS = 3;

export function contentTerms(text: string): string[] {
  return termsOf(text).filter((t) => !STOPWORDS.has(t));
}

export function buildSignals(articles: readonly Article[]): SignalIndex {
  const errors: ErrorSignal[] = [];
  const phrases = new Map<string, KeywordPhrase[]>();
  const addPhrase = (p: KeywordPhrase) => {
    if (!p.terms.length) return;
    const list = phrases.get(p.terms[0]) ?? [];
    list.push(p);
    phrases.set(p.terms[0], list);
  };
  const addPhrases = (article: number, symptom: string | null, words: Partial<Record<Lang, string[]>> | undefined) => {
    for (const phrase of [...(words?.de ?? []), ...(words?.en ?? [])]) {
      const terms = contentTerms(phrase);
      addPhrase({ article, symptom, terms });
      // "free/busy" is also written "freebusy": the joined spelling counts too.
      if (terms.length > 1) addPhrase({ article, symptom, terms: [terms.join('')] });
    }
  };

  articles.forEach((a, ai) => {
    addPhrases(ai, null, a.keywords);
    for (const s of a.symptoms) {
      addPhrases(ai, s.id, s.keywords);
      for (const lang of ['de', 'en'] as const) {
        for (const text of s.errors[lang] ?? []) errors.push(segment(ai, s.id, lang, text));
      }
    }
  });

  const df = new Map<string, number>();
  errors.forEach((e) => new Set(e.terms).forEach((t) => df.set(t, (df.get(t) ?? 0) + 1)));
  const n = errors.length + 1;
  const weight = new Map<string, number>();
  for (const [t, d] of df) weight.set(t, Math.log(1 + n / d) * (STRONG.test(t) ? STRONG_BOOST : 1));

  const postings = new Map<string, number[]>();
  errors.forEach((e, i) => {
    e.weights = e.terms.map((t, k) => (weight.get(t) ?? 0) * (e.frame[k] ? FRAME_FACTOR : 1));
    const distinct = new Map<string, number>();
    e.terms.forEach((t, k) => distinct.set(t, Math.max(distinct.get(t) ?? 0, e.weights[k])));
    e.information = [...distinct.values()].reduce((a, b) => a + b, 0);
    e.pairKeys = e.terms.slice(0, -1).map((t, k) => `${t} ${e.terms[k + 1]}`);
    e.wholeDistinct = firstOccurrences(e.terms, 0);
    e.detailDistinct = firstOccurrences(e.terms, e.detailStart);
    for (const t of new Set(e.terms)) {
      const list = postings.get(t) ?? [];
      list.push(i);
      postings.set(t, list);
    }
  });
  return { errors, postings, weight, phrases };
}

/**
 * Splits an error text into its nested parts ("wrapper: detail: inner detail") and remembers where the
 * innermost detail starts: errors that share a long wrapper differ only there.
 */
function segment(article: number, symptom: string, lang: Lang, text: string): ErrorSignal {
  const parts = cleanPaste(text)
    .join(' ')
    .split(/["“”„«»]|[.:;!?](?=\s|$)|\s-{1,2}>\s|\r?\n/)
    .map((p) => ({ isFrame: /^\s*(at|bei)\s+[\w.`$<>]+\(/.test(p), terms: contentTerms(p) }))
    .filter((p) => p.terms.length > 0);
  const terms: string[] = [];
  const frame: boolean[] = [];
  const starts: number[] = [];
  for (const p of parts) {
    starts.push(terms.length);
    terms.push(...p.terms);
    frame.push(...p.terms.map(() => p.isFrame));
  }
  let detailStart = 0;
  for (let i = parts.length - 1; i >= 0; i--) {
    if (parts[i].isFrame) continue;
    const end = nextNonFrameEnd(parts, i, starts, terms.length);
    if (end - starts[i] >= MIN_DETAIL_TERMS || i === 0) {
      detailStart = starts[i];
      break;
    }
  }
  return { article, symptom, lang, text, terms, weights: [], detailStart, frame, information: 0, pairKeys: [], detailDistinct: [], wholeDistinct: [] };
}

function firstOccurrences(terms: string[], from: number): number[] {
  const seen = new Set<string>();
  const out: number[] = [];
  for (let i = from; i < terms.length; i++) {
    if (seen.has(terms[i])) continue;
    seen.add(terms[i]);
    out.push(i);
  }
  return out;
}

/** End (exclusive term index) of the non-frame run that starts at part i. */
function nextNonFrameEnd(parts: { isFrame: boolean }[], i: number, starts: number[], total: number): number {
  let j = i + 1;
  while (j < parts.length && !parts[j].isFrame) j++;
  return j < parts.length ? starts[j] : total;
}
