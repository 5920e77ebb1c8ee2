/**
 * The engines compared: PasteFix's matcher, and the two obvious alternatives set up the way their
 * documentation shows — plain Fuse.js with token search on, and MiniSearch with its BM25 defaults —
 * over the same searchable fields (title, symptom descriptions, error texts).
 *
 * The alternatives rank but do not decide, so each gets a simple, documented answer/none rule
 * (`rule`); the thresholds were read off the built-in dev set's score distribution, which flatters them.
 */
import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import type { Outcome } from '../src/cli/evaluate';
import type { KnowledgeBase } from '../src/knowledge/load';
import type { Article } from '../src/knowledge/types';
import { Matcher } from '../src/matching/matcher';

export type EngineName = 'pastefix' | 'fuse' | 'minisearch';

export interface Searcher {
  /** Decision and ranked article ids (best first, at most 5). */
  search(text: string): Outcome;
}

export interface Engine {
  name: EngineName;
  label: string;
  /** How it decides answer / none, for the report. */
  rule: string;
  build(kb: KnowledgeBase): Searcher;
}

/** Fuse.js: a top hit with a score at or below this (0 = perfect) is answered. */
export const FUSE_MAX_SCORE = 0.4;
/** MiniSearch: a top hit is answered when its BM25 score reaches this… */
export const MINISEARCH_MIN_SCORE = 50;
/** …and it leads the runner-up by this factor. */
export const MINISEARCH_LEAD = 1.5;
const RANKED = 5;

/** The searchable text of an article, flattened for the baselines (all languages). */
export interface FlatArticle {
  id: string;
  title: string[];
  descriptions: string[];
  errors: string[];
}

export function flatten(a: Article): FlatArticle {
  return {
    id: a.id,
    title: Object.values(a.title).filter((t): t is string => t !== undefined),
    descriptions: a.symptoms.flatMap((s) => Object.values(s.description).filter((t): t is string => t !== undefined)),
    errors: a.symptoms.flatMap((s) => [...(s.errors.en ?? []), ...(s.errors.de ?? [])]),
  };
}

export const pastefix: Engine = {
  name: 'pastefix',
  label: 'PasteFix matcher',
  rule: 'its own decision (answer / clarify / none, src/matching/decide.ts)',
  build(kb) {
    const matcher = new Matcher(kb);
    return {
      search(text) {
        const r = matcher.match(text);
        return { decision: r.decision, ranked: r.matches.map((m) => m.article) };
      },
    };
  },
};

export const fuse: Engine = {
  name: 'fuse',
  label: 'Fuse.js 7 (token search)',
  rule: `answer the top hit when its Fuse score ≤ ${FUSE_MAX_SCORE}, else none`,
  build(kb) {
    const index = new Fuse(kb.articles.map(flatten), {
      useTokenSearch: true,
      includeScore: true,
      keys: ['title', 'descriptions', 'errors'],
    });
    return {
      search(text) {
        const hits = index.search(text, { limit: RANKED });
        const top = hits[0];
        return {
          decision: top && (top.score ?? 1) <= FUSE_MAX_SCORE ? 'answer' : 'none',
          ranked: hits.map((h) => h.item.id),
        };
      },
    };
  },
};

export const minisearch: Engine = {
  name: 'minisearch',
  label: 'MiniSearch 7 (BM25)',
  rule: `answer the top hit when its score ≥ ${MINISEARCH_MIN_SCORE} and ≥ ${MINISEARCH_LEAD}× the runner-up's, else none`,
  build(kb) {
    const index = new MiniSearch<FlatArticle>({
      fields: ['title', 'errors', 'descriptions'],
      extractField: (doc, field) => {
        const value = doc[field as keyof FlatArticle];
        return Array.isArray(value) ? value.join('\n') : value;
      },
    });
    index.addAll(kb.articles.map(flatten));
    return {
      search(text) {
        const hits = index.search(text).slice(0, RANKED);
        const [top, second] = hits;
        const answer =
          top !== undefined && top.score >= MINISEARCH_MIN_SCORE && (second === undefined || top.score >= MINISEARCH_LEAD * second.score);
        return { decision: answer ? 'answer' : 'none', ranked: hits.map((h) => String(h.id)) };
      },
    };
  },
};

export const ENGINES: readonly Engine[] = [pastefix, fuse, minisearch];

export function engineByName(name: string): Engine {
  const engine = ENGINES.find((e) => e.name === name);
  if (!engine) throw new Error(`bench: unknown engine "${name}" (known: ${ENGINES.map((e) => e.name).join(', ')})`);
  return engine;
}
