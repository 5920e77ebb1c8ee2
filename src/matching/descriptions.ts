import { sortedIncludes } from './sorted';
import type { KnowledgeBase } from '../knowledge/load';
import type { MatchParameters } from './parameters';
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
  /** Sum of its words' weights (`idf`): what a paste naming every word would hold. */
  total: number;
}

export interface DescriptionIndex {
  docs: SymptomDoc[];
  /** Per article, the words of its titles, each once, in order. */
  titles: string[][];
  /** term → ids of the documents holding it, ascending. */
  postings: Map<string, Int32Array>;
  /** term → weight (IDF over all symptom documents). */
  idf: Map<string, number>;
}

/**
 * Per article, the words of its titles and symptom descriptions; a word weighs more the fewer articles use it.
 * Flat and keyed by word ids: a map of words per article took 14 MB at 10,000 articles, these arrays 2 MB.
 */
export interface AboutIndex {
  /** word → id. */
  ids: Map<string, number>;
  /** Per word id, its weight. */
  weight: Float64Array;
  /** Article a's words are the ids words[offsets[a]] … words[offsets[a + 1] − 1], ascending. */
  offsets: Int32Array;
  words: Int32Array;
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

/** `read`: contentTerms, or a function giving the same terms (matcher.ts reads each text once for both indexes). */
export function buildDescriptions(kb: KnowledgeBase, read: (text: string) => readonly string[] = contentTerms): DescriptionIndex {
  // One string per distinct word (the texts' words are strings of their own).
  const word = new Map<string, string>();
  const terms = (texts: (string | undefined)[]) =>
    new Set(texts.flatMap((t) => (t ? read(t) : [])).map((w) => word.get(w) ?? (word.set(w, w), w)));
  const sets: { article: number; symptom: string; terms: Set<string> }[] = [];
  const titles = kb.articles.map((a) => [...terms([a.title.de, a.title.en])]);
  kb.articles.forEach((a, ai) => {
    const title = [a.title.de, a.title.en];
    for (const s of a.symptoms) {
      const texts = [...title, s.description.de, s.description.en, ...(s.keywords?.de ?? []), ...(s.keywords?.en ?? [])];
      sets.push({ article: ai, symptom: s.id, terms: terms(texts) });
    }
  });
  const df = new Map<string, number>();
  for (const s of sets) for (const t of s.terms) df.set(t, (df.get(t) ?? 0) + 1);
  const idf = new Map([...df].map(([t, d]) => [t, Math.log(1 + sets.length / d)]));
  const lists = new Map<string, number[]>();
  const docs = sets.map((s, i) => {
    let total = 0;
    for (const t of s.terms) {
      total += idf.get(t)!;
      (lists.get(t) ?? lists.set(t, []).get(t)!).push(i);
    }
    return { article: s.article, symptom: s.symptom, total };
  });
  const postings = new Map([...lists].map(([t, l]) => [t, Int32Array.from(l)]));
  return { docs, titles, postings, idf };
}

/** The words of each article's titles and symptom descriptions, weighted by how few articles use them. */
/** `read`: as for buildDescriptions. */
export function buildAbout(kb: KnowledgeBase, read: (text: string) => readonly string[] = contentTerms): AboutIndex {
  const ids = new Map<string, number>();
  const df: number[] = [];
  const perArticle = kb.articles.map((a) => {
    const texts = [a.title.de, a.title.en, ...a.symptoms.flatMap((s) => [s.description.de, s.description.en])];
    const own = new Set<number>();
    for (const t of texts.flatMap((x) => (x ? read(x) : []))) {
      let id = ids.get(t);
      if (id === undefined) ids.set(t, (id = df.push(0) - 1));
      own.add(id);
    }
    for (const id of own) df[id]++;
    return Int32Array.from(own).sort();
  });
  const offsets = new Int32Array(perArticle.length + 1);
  perArticle.forEach((w, a) => (offsets[a + 1] = offsets[a] + w.length));
  const words = new Int32Array(offsets[perArticle.length]);
  perArticle.forEach((w, a) => words.set(w, offsets[a]));
  const weight = Float64Array.from(df, (d) => Math.log(1 + perArticle.length / d));
  return { ids, weight, offsets, words };
}

/**
 * Weight of the words of `terms` that article `article`'s titles and descriptions hold, in the order of `terms`,
 * leaving out the ids in `except` (ascending; the words an error hit found).
 */
export function aboutWeight(about: AboutIndex, article: number, terms: Iterable<string>, except?: (term: string) => boolean): number {
  const from = about.offsets[article];
  const to = about.offsets[article + 1];
  let sum = 0;
  for (const t of terms) {
    if (except?.(t)) continue;
    const id = about.ids.get(t);
    if (id !== undefined && sortedIncludes(about.words, id, from, to)) sum += about.weight[id];
  }
  return sum;
}

/**
 * The documents that share words with the paste, best first (by the product of both shares). `otherNumber`: a
 * word also finds its other grammatical number (`user` → `users`, `mailboxes` → `mailbox`) — for a paste read
 * through the lexicon, which gives one form of a word where a German noun often stands for both (`Benutzer`).
 */
export function scoreDescriptions(index: DescriptionIndex, terms: ReadonlySet<string>, otherNumber = false): DescriptionScore[] {
  let query = 0;
  const have = new Map<number, number>();
  const found = new Map<number, string[]>();
  for (const t of terms) {
    const forms = (otherNumber ? [t, ...numberForms(t)] : [t]).filter((f) => index.idf.has(f));
    if (!forms.length) continue;
    // The paste's word weighs what it weighs (or its other form, when only that is known); a document holding
    // the other form is credited at most that much, so "deployment" can't find the rarer "deployments" heavier.
    const w = index.idf.get(forms[0])!;
    query += w;
    const credited = new Set<number>();
    for (const f of forms) {
      for (const d of index.postings.get(f)!) {
        if (credited.has(d)) continue;
        credited.add(d);
        have.set(d, (have.get(d) ?? 0) + Math.min(w, index.idf.get(f)!));
        (found.get(d) ?? found.set(d, []).get(d)!).push(f);
      }
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
  return index.titles[article].filter((t) => terms.has(t) && !except.has(t));
}

/**
 * The symptom documents a description is offered with, best first (`fits` as `scoreDescriptions` orders them).
 *
 * A symptom that holds most of the paste's known words and whose words the paste names in good part, well
 * ahead of any other article's (`lead`), is offered alone. Read through the lexicon (`bridged`), a description
 * names a symptom more coarsely — "keine Frei/Gebucht-Informationen" becomes "no free/busy information", which
 * several English articles describe — so there the lead is not needed when two or more articles have a symptom that fits as
 * well and holds a good part of the paste (`groupShare`: the paste names that symptom and little else): they are
 * offered together (at most `groupOffered`), and the user chooses. In the paste's own language the lead
 * stays: on the English real-world tuning part, offering close symptoms together only added choices to pastes no
 * article covers.
 */
export function offeredDescriptions(
  fits: readonly DescriptionScore[],
  p: MatchParameters['descriptions'],
  bridged: boolean,
): DescriptionScore[] {
  const fit = (d: DescriptionScore) => d.pasteShare * d.docShare;
  const good = (d: DescriptionScore) => fit(d) >= p.minFit && d.evidence >= p.minEvidence;
  const top = fits[0];
  if (!top || !good(top)) return [];
  const other = fits.find((d) => d.article !== top.article);
  if (!other || fit(top) >= p.lead * fit(other)) return [top];
  if (!bridged) return [];
  const out: DescriptionScore[] = [];
  for (const d of fits) {
    if (out.length === p.groupOffered) break;
    if (good(d) && d.pasteShare >= p.groupShare && !out.some((o) => o.article === d.article)) out.push(d);
  }
  // One fitting article without a lead is not a shared symptom, just a weak fit: the lead rule stands.
  return out.length >= 2 ? out : [];
}

/** `user` → `users`, `userses`; `mailboxes` → `mailboxe`, `mailbox`: the candidates, checked against the index by the caller. */
function numberForms(t: string): string[] {
  const out = [`${t}s`, `${t}es`];
  if (t.endsWith('s') && t.length > 3) out.push(t.slice(0, -1));
  if (t.endsWith('es') && t.length > 4) out.push(t.slice(0, -2));
  return out;
}
