/**
 * `kb vocab`: the English words that the knowledge base's error texts use (or, with `--symptoms`, its titles and
 * symptom descriptions: what a description in prose is matched against), by how many articles use them, and
 * whether the German↔English lexicon knows them — the list to grow the lexicon from.
 */
import type { KnowledgeBase } from '../knowledge/load';
import type { Article } from '../knowledge/types';
import { Bridge } from '../matching/bridge';
import { foldWord } from '../matching/normalize';
import { GERMAN_HINTS } from '../knowledge/vocabulary';
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

/** Which English texts of the articles are counted: error texts, or titles and symptom descriptions. */
export type VocabularySource = 'errors' | 'symptoms';

function textsOf(a: Article, source: VocabularySource): string[] {
  if (source === 'errors') return a.symptoms.flatMap((s) => s.errors.en ?? []);
  return [a.title.en, ...a.symptoms.map((s) => s.description.en)].filter((t): t is string => !!t);
}

/** Words of the articles' English texts (stop words, numbers and short words left out), most used first. */
export function errorVocabulary(kb: KnowledgeBase, source: VocabularySource = 'errors'): VocabularyRow[] {
  const count = new Map<string, number>();
  for (const a of kb.articles) {
    const terms = new Set<string>();
    for (const e of textsOf(a, source)) for (const m of e.matchAll(WORD)) terms.add(foldWord(m[0]));
    for (const t of terms) if (!STOPWORDS.has(t)) count.set(t, (count.get(t) ?? 0) + 1);
  }
  const known = new Set<string>();
  // Synonym groups name English things in English, and a platform message known only in English has no German: they
  // translate nothing.
  const pairs = (kb.lexicon ?? []).filter((e) => !e.synonyms && e.de.length);
  for (const entry of pairs) for (const f of entry.en) for (const m of f.matchAll(WORD)) known.add(foldWord(m[0]));
  return [...count]
    .map(([term, articles]) => ({ term, articles, covered: known.has(term) }))
    .sort((a, b) => b.articles - a.articles || a.term.localeCompare(b.term));
}

/** A table of the first `top` rows and a line saying how much of them the lexicon covers. */
export function formatVocabulary(
  rows: readonly VocabularyRow[],
  top: number,
  missingOnly: boolean,
  source: VocabularySource = 'errors',
): string {
  const head = rows.slice(0, top);
  const covered = head.filter((r) => r.covered);
  const uses = (rs: readonly VocabularyRow[]) => rs.reduce((n, r) => n + r.articles, 0);
  const shown = missingOnly ? head.filter((r) => !r.covered) : head;
  const lines = shown.map((r) => `${r.covered ? '✓' : '·'} ${r.term.padEnd(24)} ${String(r.articles).padStart(5)}`);
  const share = uses(head) ? Math.round((uses(covered) / uses(head)) * 1000) / 10 : 0;
  const what = source === 'errors' ? 'error words' : 'title and symptom words';
  lines.push(`lexicon covers ${covered.length} of the ${head.length} most used ${what} (${share}% of their uses)`);
  return lines.join('\n');
}

/** A German word the lexicon left as written in some pastes. */
export interface UntranslatedRow {
  /** Folded word, as the matcher compares it. */
  term: string;
  /** How many of the pastes hold it. */
  pastes: number;
}

/** German function words (`wenn`, `für`, `über`): frequent in every German paste, never a term to add. */
const FUNCTION_WORDS = new Set(GERMAN_HINTS.map(foldWord));

/** Every English word of the articles (titles, symptoms, causes, error texts, steps and their commands), folded. */
function englishWords(kb: KnowledgeBase): Set<string> {
  const out = new Set<string>();
  const add = (t: string | undefined) => {
    if (t) for (const m of t.matchAll(WORD)) out.add(foldWord(m[0]));
  };
  for (const a of kb.articles) {
    add(a.title.en);
    add(a.cause.en);
    for (const s of a.symptoms) [s.description.en, ...(s.errors.en ?? []), ...(s.keywords?.en ?? [])].forEach(add);
    for (const st of a.steps) [st.text.en, ...(st.commands ?? []).map((c) => c.code)].forEach(add);
  }
  return out;
}

/**
 * The words of German pastes that reading them through the lexicon leaves in German, by how many pastes hold them:
 * the gaps to fill from the other side (the English articles' vocabulary is `errorVocabulary`). A word left as written
 * is not counted when the English articles use it too (a name, a code, an English term an admin writes as it is), when
 * it is a stop word or a frequent German function word (`GERMAN_HINTS`), or when it has a capital after its first
 * letter (`msExchDelegateListLink` is a name).
 */
export function untranslatedWords(kb: KnowledgeBase, pastes: readonly string[]): UntranslatedRow[] {
  const bridge = new Bridge((kb.lexicon ?? []).filter((e) => !e.synonyms));
  const english = englishWords(kb);
  const count = new Map<string, number>();
  for (const text of pastes) {
    const { text: read, applied } = bridge.translate(text, 'de');
    const made = new Set(applied.flatMap((a) => a.words));
    const left = new Set<string>();
    for (const m of read.matchAll(WORD)) {
      const word = m[0];
      if (/\p{Lu}/u.test(word.slice(1))) continue;
      const t = foldWord(word);
      if (STOPWORDS.has(t) || FUNCTION_WORDS.has(t) || english.has(t) || made.has(t)) continue;
      left.add(t);
    }
    for (const t of left) count.set(t, (count.get(t) ?? 0) + 1);
  }
  return [...count].map(([term, n]) => ({ term, pastes: n })).sort((a, b) => b.pastes - a.pastes || a.term.localeCompare(b.term));
}

/** A table of the first `top` untranslated words and a line saying how many there are. */
export function formatUntranslated(rows: readonly UntranslatedRow[], top: number, pastes: number): string {
  const lines = rows.slice(0, top).map((r) => `· ${r.term.padEnd(24)} ${String(r.pastes).padStart(5)}`);
  lines.push(`${rows.length} German word(s) of ${pastes} paste(s) the lexicon leaves as written`);
  return lines.join('\n');
}
