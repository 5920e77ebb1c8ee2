/**
 * `kb vocab`: the English words that the knowledge base's error texts use, by how many articles use them,
 * and whether the German↔English lexicon knows them — the list to grow the lexicon from.
 */
import type { KnowledgeBase } from '../knowledge/load';
import { foldWord } from '../matching/normalize';
import { STOPWORDS } from '../matching/stopwords';

export interface VocabularyRow {
  /** Folded word, as the matcher compares it. */
  term: string;
  /** How many articles use it in an English error text. */
  articles: number;
  /** True when an English form of a lexicon entry holds it. */
  covered: boolean;
}

const WORD = /\p{L}{3,}/gu;

/** Words of English error texts (stop words, numbers and short words left out), most used first. */
export function errorVocabulary(kb: KnowledgeBase): VocabularyRow[] {
  const count = new Map<string, number>();
  for (const a of kb.articles) {
    const terms = new Set<string>();
    for (const s of a.symptoms) for (const e of s.errors.en ?? []) for (const m of e.matchAll(WORD)) terms.add(foldWord(m[0]));
    for (const t of terms) if (!STOPWORDS.has(t)) count.set(t, (count.get(t) ?? 0) + 1);
  }
  const known = new Set<string>();
  for (const entry of kb.lexicon ?? []) for (const f of entry.en) for (const m of f.matchAll(WORD)) known.add(foldWord(m[0]));
  return [...count]
    .map(([term, articles]) => ({ term, articles, covered: known.has(term) }))
    .sort((a, b) => b.articles - a.articles || a.term.localeCompare(b.term));
}

/** A table of the first `top` rows and a line saying how much of them the lexicon covers. */
export function formatVocabulary(rows: readonly VocabularyRow[], top: number, missingOnly: boolean): string {
  const head = rows.slice(0, top);
  const covered = head.filter((r) => r.covered);
  const uses = (rs: readonly VocabularyRow[]) => rs.reduce((n, r) => n + r.articles, 0);
  const shown = missingOnly ? head.filter((r) => !r.covered) : head;
  const lines = shown.map((r) => `${r.covered ? '✓' : '·'} ${r.term.padEnd(24)} ${String(r.articles).padStart(5)}`);
  const share = uses(head) ? Math.round((uses(covered) / uses(head)) * 1000) / 10 : 0;
  lines.push(`lexicon covers ${covered.length} of the ${head.length} most used error words (${share}% of their uses)`);
  return lines.join('\n');
}
