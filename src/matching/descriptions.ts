import type { KnowledgeBase } from '../knowledge/load';
import { contentTerms } from './signals';

/**
 * Descriptions and questions ("no free/busy from cloud mailboxes since last week in our hybrid"): admins
 * type what they see, and imported articles have no hand-written keywords, only a title and symptom prose.
 * Each symptom is a small document — the article's title, the symptom's description and keywords — and a
 * paste is scored by how much of its own distinctive vocabulary one document holds (words weighted by how
 * few documents use them, as in BM25's IDF), and how much of the document it touches.
 */

interface SymptomDoc {
  article: number;
  symptom: string;
  /** term → weight (IDF over all symptom documents). */
  words: Map<string, number>;
  /** Sum of the weights: what a paste naming every word would hold. */
  total: number;
}

export interface DescriptionIndex {
  docs: SymptomDoc[];
  /** Per article, the words of its titles. */
  titles: Set<string>[];
  /** term → ids of the documents holding it. */
  postings: Map<string, number[]>;
  idf: Map<string, number>;
}

export interface DescriptionScore {
  doc: number;
  article: number;
  symptom: string;
  /** Share of the paste's known, weighted words this document holds. */
  pasteShare: number;
  /** Share of the document's weight the paste holds. */
  docShare: number;
  /** Weight found, in words found in one document only. */
  evidence: number;
  /** The document's words found in the paste. */
  found: string[];
}

export function buildDescriptions(kb: KnowledgeBase): DescriptionIndex {
  const sets: { article: number; symptom: string; terms: Set<string> }[] = [];
  const titles = kb.articles.map((a) => new Set([a.title.de, a.title.en].flatMap((t) => (t ? contentTerms(t) : []))));
  kb.articles.forEach((a, ai) => {
    const title = [a.title.de, a.title.en];
    for (const s of a.symptoms) {
      const texts = [...title, s.description.de, s.description.en, ...(s.keywords?.de ?? []), ...(s.keywords?.en ?? [])];
      sets.push({ article: ai, symptom: s.id, terms: new Set(texts.flatMap((t) => (t ? contentTerms(t) : []))) });
    }
  });
  const df = new Map<string, number>();
  for (const s of sets) for (const t of s.terms) df.set(t, (df.get(t) ?? 0) + 1);
  const idf = new Map([...df].map(([t, d]) => [t, Math.log(1 + sets.length / d)]));
  const postings = new Map<string, number[]>();
  const docs = sets.map((s, i) => {
    const words = new Map([...s.terms].map((t) => [t, idf.get(t)!]));
    for (const t of s.terms) (postings.get(t) ?? postings.set(t, []).get(t)!).push(i);
    return { article: s.article, symptom: s.symptom, words, total: [...words.values()].reduce((x, y) => x + y, 0) };
  });
  return { docs, titles, postings, idf };
}

/** The documents that share words with the paste, best first (by the product of both shares). */
export function scoreDescriptions(index: DescriptionIndex, terms: ReadonlySet<string>): DescriptionScore[] {
  let query = 0;
  const have = new Map<number, number>();
  const found = new Map<number, string[]>();
  for (const t of terms) {
    const w = index.idf.get(t);
    if (!w) continue;
    query += w;
    for (const d of index.postings.get(t)!) {
      have.set(d, (have.get(d) ?? 0) + w);
      (found.get(d) ?? found.set(d, []).get(d)!).push(t);
    }
  }
  const unique = Math.log(1 + index.docs.length);
  const out: DescriptionScore[] = [];
  for (const [d, h] of have) {
    const doc = index.docs[d];
    out.push({
      doc: d,
      article: doc.article,
      symptom: doc.symptom,
      pasteShare: h / query,
      docShare: h / doc.total,
      evidence: h / unique,
      found: found.get(d)!,
    });
  }
  return out.sort((a, b) => b.pasteShare * b.docShare - a.pasteShare * a.docShare);
}

/** Title words of the article that the paste names, leaving out `except` (the words of its topic phrases): the scenario it names. */
export function titleWordsNamed(
  index: DescriptionIndex,
  article: number,
  terms: ReadonlySet<string>,
  except: ReadonlySet<string>,
): string[] {
  return [...index.titles[article]].filter((t) => terms.has(t) && !except.has(t));
}
