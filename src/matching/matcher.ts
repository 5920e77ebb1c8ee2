import Fuse from 'fuse.js';
import type { KnowledgeBase } from '../knowledge/load';
import { pick } from '../knowledge/localize';
import type { Lang } from '../knowledge/types';
import { Bridge, combineWithTranslation } from './bridge';
import { decide, THRESHOLDS } from './decide';
import { tokenize, type Token } from './normalize';
import { buildQueryView, EVIDENCE_WORDS, scoreSignal, type QueryView } from './score';
import { buildSignals, contentTerms, isStrongTerm, type SignalIndex } from './signals';
import { guessLanguage, STOPWORDS } from './stopwords';
import { cutToErrorPart } from './truncate';
import type { Match, MatchOptions, MatchResult } from './types';

/** Pastes longer than this are cut down to their error-looking lines before matching. */
export const MAX_PASTE_CHARS = 200_000;

/** Keyword evidence: a symptom's own phrase, plus a little for each topic phrase (the article's, or the symptom's context). */
const KEYWORD_SYMPTOM = 0.55;
const KEYWORD_TOPIC = 0.25;
const KEYWORD_TOPIC_MAX = 0.45;
/** Topic phrases next to a matched error text break ties between articles that share the error. */
const TOPIC_TIEBREAK = 0.03;
/**
 * A signal is scored in full only when the paste holds at least this share of its weight, or (a part of a
 * long error) as much weight as this many words found in one error text only.
 */
const CANDIDATE_SHARE = 0.25;
const CANDIDATE_WORDS = 2;
/** From this score on, error texts that found the same words in the paste count as the same error. */
const SAME_WORDS_SCORE = 0.9;
/** Matches of the same error this close to the best are a tie that the rest of the paste breaks. */
const TIE = 0.02;
/** Typo repair: only error terms this long are looked for, with at most this Fuse score (0 = exact). */
const FUZZY_MIN_LENGTH = 5;
const FUZZY_MAX_SCORE = 0.3;
/** Typo repair runs only when no error text is this well covered, and only for candidates this close to the best. */
const FUZZY_SKIP_ABOVE = 0.99;
const FUZZY_WINDOW = 0.3;
/** At most this many unknown words of one paste are looked up. */
const FUZZY_MAX_WORDS = 40;
/**
 * A code such as HCW8078 that only a few articles mention is worth offering even when little else of
 * their error text was pasted — as a choice, never as a confident answer.
 */
const CODE_SCORE = 0.6;
const CODE_MAX_ARTICLES = 3;

interface Hit {
  /** The error signal behind it, or -1 for keyword and code evidence. */
  signal: number;
  article: number;
  symptom: string | null;
  score: number;
  /** Terms that found it, to quote the line of the paste they stand on. */
  terms: readonly string[];
  /** Keys of the error text that found it (its inner message; the words found, for a near-perfect fit): see decide.ts. */
  sameError?: readonly string[];
  /** The error text's words found in the paste, when an error text found it. */
  found?: ReadonlySet<string>;
}

/**
 * Finds the article (and symptom) that explains a pasted error.
 * Build once per knowledge base; `match` is synchronous, allocation-light and safe to call concurrently.
 */
export class Matcher {
  readonly kb: KnowledgeBase;
  private readonly index: SignalIndex;

  /** Per article, the words of its titles and symptom descriptions, with their weight (rarer across articles weighs more). */
  private readonly about: Map<string, number>[];

  /** Reads pastes in the other language through the lexicon; null without one. */
  private readonly bridge: Bridge | null;
  /** Per language: some article is not written in it (only then is a paste in that language translated). */
  private readonly missing: Record<Lang, boolean>;

  constructor(kb: KnowledgeBase) {
    this.kb = kb;
    this.index = buildSignals(kb.articles);
    this.about = aboutWords(kb);
    this.bridge = kb.lexicon?.length ? new Bridge(kb.lexicon) : null;
    this.missing = { de: kb.articles.some((a) => !a.languages.includes('de')), en: kb.articles.some((a) => !a.languages.includes('en')) };
  }

  /** Matches the paste as written, then (where articles exist only in the other language) as translated by the lexicon: see bridge.ts. */
  match(text: string, options: MatchOptions = {}): MatchResult {
    const direct = this.matchAsWritten(text, options);
    if (!this.bridge || direct.decision === 'answer' || !this.missing[direct.lang]) return direct;
    const translation = this.bridge.translate(text, direct.lang);
    return combineWithTranslation(direct, text, translation, (id) => this.kb.byId.get(id), (t) =>
      this.matchAsWritten(t, { lang: options.lang ?? direct.lang }),
    );
  }

  private matchAsWritten(text: string, options: MatchOptions): MatchResult {
    const cut = text.length > MAX_PASTE_CHARS ? cutToErrorPart(text, MAX_PASTE_CHARS) : text;
    const { lines, tokens } = tokenize(cut);
    const content = tokens.filter((t) => !STOPWORDS.has(t.term));
    const detected = guessLanguage(
      tokens.map((t) => t.term),
      cut.slice(0, 20_000),
    );
    const lang: Lang = detected ?? options.lang ?? 'en';

    const seq = content.map((t) => t.term);
    const quoted = quotedOnly(content);
    let view = buildQueryView(seq, quoted);
    const candidates = this.candidates(view);
    let errorHits = this.errorHits(view, candidates);
    const repaired = this.repairTypos(seq, view, errorHits);
    if (repaired) {
      view = buildQueryView(repaired, quoted);
      errorHits = this.errorHits(view, candidates);
    }

    const keywords = this.keywordHits(view.seq);
    const ranked = this.breakTies(this.rank([...errorHits, ...this.codeHits(view), ...keywords.hits], keywords.topics), view);
    const { decision, offered } = decide(ranked);
    const shown = (decision === 'none' ? ranked.filter((m) => m.score >= THRESHOLDS.listed) : ranked.slice(0, offered)).slice(0, 5);
    return {
      decision,
      matches: shown.map((r) => this.toMatch(r, options.lang ?? lang, tokens, lines)),
      lang,
      truncated: cut !== text,
    };
  }

  /** Error signals worth scoring: those whose weighted terms the paste holds a fair share of. */
  private candidates(view: QueryView): number[] {
    const acc = new Map<number, number>();
    for (const t of view.terms) {
      const w = this.index.weight.get(t);
      const list = this.index.postings.get(t);
      if (!w || !list) continue;
      for (const id of list) acc.set(id, (acc.get(id) ?? 0) + w);
    }
    const out: number[] = [];
    const enough = CANDIDATE_WORDS * this.index.uniqueWeight;
    for (const [id, have] of acc) {
      const total = this.index.errors[id].information;
      if (total > 0 && (have / total >= CANDIDATE_SHARE || have >= enough)) out.push(id);
    }
    return out;
  }

  /**
   * Typos: the paste's unknown words next to words of the leading candidates are looked up among those
   * candidates' words (fuse.js), and the paste is read as if spelled right. Skipped when an error text is
   * already fully there, so clean pastes pay nothing for it.
   */
  private repairTypos(seq: string[], view: QueryView, hits: Hit[]): string[] | null {
    const best = hits.reduce((m, h) => Math.max(m, h.score), 0);
    if (best >= FUZZY_SKIP_ABOVE) return null;
    const vocabulary = new Set<string>();
    for (const h of hits) {
      if (h.score < best - FUZZY_WINDOW) continue;
      for (const t of this.index.errors[h.signal].terms) if (t.length >= FUZZY_MIN_LENGTH && !/\d/.test(t)) vocabulary.add(t);
    }
    if (!vocabulary.size) return null;
    // A typo inside an error stands next to its other words; names and prose further away are left alone.
    const unknown = new Set<string>();
    seq.forEach((t, i) => {
      if (this.index.weight.has(t) || t.length < FUZZY_MIN_LENGTH - 1 || /\d/.test(t)) return;
      if (vocabulary.has(seq[i - 1]) || vocabulary.has(seq[i + 1]) || view.terms.size < 3) unknown.add(t);
    });
    if (!unknown.size) return null;
    const fuse = new Fuse([...vocabulary], { includeScore: true, threshold: FUZZY_MAX_SCORE, ignoreLocation: true, isCaseSensitive: true });
    const fix = new Map<string, string>();
    for (const u of [...unknown].slice(0, FUZZY_MAX_WORDS)) {
      // Fuse also finds a word inside a longer one ("unexpected" in "unexpectedly"): a typo changes the length by one at most.
      const hit = fuse.search(u, { limit: 3 }).find((r) => Math.abs(r.item.length - u.length) <= 1);
      if (hit) fix.set(u, hit.item);
    }
    return fix.size ? seq.map((t) => fix.get(t) ?? t) : null;
  }

  private errorHits(view: QueryView, candidates: number[]): Hit[] {
    const hits: Hit[] = [];
    for (const id of candidates) {
      const sig = this.index.errors[id];
      const { score, found } = scoreSignal(sig, view, EVIDENCE_WORDS * this.index.uniqueWeight);
      if (score <= 0) continue;
      // Two error texts the paste fits near-perfectly with the very same words (they differ only after
      // where it stops) are the same error to the paste, like identical inner messages.
      const sameError = [`detail:${sig.detailKey}`];
      if (score >= SAME_WORDS_SCORE) sameError.push(`found:${[...found].sort().join(' ')}`);
      hits.push({ signal: id, article: sig.article, symptom: sig.symptom, score, terms: sig.terms, sameError, found });
    }
    return hits;
  }

  private codeHits(view: QueryView): Hit[] {
    const hits: Hit[] = [];
    for (const t of view.terms) {
      if (!isStrongTerm(t)) continue;
      const ids = this.index.postings.get(t) ?? [];
      if (new Set(ids.map((id) => this.index.errors[id].article)).size > CODE_MAX_ARTICLES) continue;
      for (const id of ids) {
        const sig = this.index.errors[id];
        hits.push({ signal: -1, article: sig.article, symptom: sig.symptom, score: CODE_SCORE, terms: [t] });
      }
    }
    return hits;
  }

  /**
   * Keyword phrases found in the paste: per-symptom scores, and per article the number of its topic
   * phrases (which never make a candidate alone, but tip ties between articles that share an error text).
   */
  private keywordHits(seq: readonly string[]): { hits: Hit[]; topics: Map<number, number> } {
    const symptomPhrases = new Map<string, { article: number; symptom: string; terms: string[]; context: Set<string> }>();
    const topicPhrases = new Map<number, Set<string>>();
    const contextPhrases = new Map<string, Set<string>>();
    const add = (map: Map<string | number, Set<string>>, key: string | number, value: string) => map.set(key, (map.get(key) ?? new Set()).add(value));
    for (let i = 0; i < seq.length; i++) {
      for (const p of this.index.phrases.get(seq[i]) ?? []) {
        if (!p.terms.every((t, k) => seq[i + k] === t)) continue;
        const phrase = p.terms.join(' ');
        const key = `${p.article}\u0000${p.symptom}`;
        if (p.symptom === null) add(topicPhrases, p.article, phrase);
        else if (p.topic) add(contextPhrases, key, phrase);
        else {
          const hit = symptomPhrases.get(key);
          if (hit) hit.terms.push(...p.terms);
          else symptomPhrases.set(key, { article: p.article, symptom: p.symptom, terms: [...p.terms], context: new Set() });
        }
      }
    }
    const hits: Hit[] = [];
    for (const [key, { article, symptom, terms }] of symptomPhrases) {
      const topic = (topicPhrases.get(article)?.size ?? 0) + (contextPhrases.get(key)?.size ?? 0);
      hits.push({ signal: -1, article, symptom, score: KEYWORD_SYMPTOM + Math.min(KEYWORD_TOPIC_MAX, KEYWORD_TOPIC * topic), terms });
    }
    const topics = new Map([...topicPhrases].map(([article, phrases]) => [article, phrases.size]));
    return { hits, topics };
  }


  /** Best hit per article, with the topic tie-break applied, best first. */
  private rank(hits: Hit[], topics: Map<number, number>): Hit[] {
    const best = new Map<number, Hit>();
    for (const h of hits) {
      const cur = best.get(h.article);
      if (!cur || h.score > cur.score) best.set(h.article, h);
    }
    const leaders = [...best.values()];
    const contenders = leaders.filter((o) => o.found && o.score >= THRESHOLDS.candidate);
    const ranked = leaders.map((h) => {
      const tiebreak = h.score >= THRESHOLDS.candidate ? TOPIC_TIEBREAK * Math.min(2, topics.get(h.article) ?? 0) : 0;
      // A match whose words are all inside what another match found (a generic wrapper inside a longer,
      // specific error) is weaker evidence than that one, however well it covers its own short text.
      // Only a container about as good counts (a contradicted variant that happens to share the words
      // doesn't), and only matches that could be shown are compared.
      const container =
        h.score >= THRESHOLDS.listed && h.found
          ? contenders.find(
              (o) => o !== h && o.score >= h.score - THRESHOLDS.window && o.sameError?.[0] !== h.sameError?.[0] && strictlyInside(h.found!, o.found!),
            )
          : undefined;
      const score = container ? Math.min(h.score, container.score - THRESHOLDS.margin) : h.score;
      return { ...h, score: round(Math.max(0, Math.min(1, score + tiebreak))) };
    });
    return ranked.sort((x, y) => y.score - x.score || this.kb.articles[x.article].id.localeCompare(this.kb.articles[y.article].id));
  }

  /**
   * Articles that hold the same error text tie on it; the rest of the paste ("…the cross-forest room
   * mailbox…") decides between them, by the words of their titles and symptom descriptions.
   */
  private breakTies(ranked: Hit[], view: QueryView): Hit[] {
    const top = ranked[0];
    if (!top?.sameError) return ranked;
    const tied = ranked.filter((h) => h.score >= top.score - TIE && h.sameError?.some((k) => top.sameError!.includes(k)));
    if (tied.length < 2) return ranked;
    const aboutScore = (h: Hit) => {
      const words = this.about[h.article];
      let sum = 0;
      for (const t of view.terms) if (!h.found?.has(t)) sum += words.get(t) ?? 0;
      return sum;
    };
    const order = tied.map((h) => ({ h, about: aboutScore(h) })).sort((a, b) => b.about - a.about || b.h.score - a.h.score);
    // The tied group keeps its best score at its head; only the order inside it changes.
    const reordered = order.map(({ h }, i) => ({ ...h, score: i === 0 ? top.score : Math.min(h.score, top.score) }));
    return [...reordered, ...ranked.filter((h) => !tied.includes(h))];
  }

  private toMatch(h: Hit, lang: Lang, tokens: Token[], lines: string[]): Match {
    const a = this.kb.articles[h.article];
    const evidence = quoteLine(h.terms, tokens, lines);
    return { article: a.id, symptom: h.symptom, score: h.score, title: pick(a.title, lang).text, ...(evidence ? { evidence } : {}) };
  }
}

function strictlyInside(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size >= b.size) return false;
  for (const t of a) if (!b.has(t)) return false;
  return true;
}

/** Words of each article's titles and symptom descriptions, weighted by how few articles use them. */
function aboutWords(kb: KnowledgeBase): Map<string, number>[] {
  const sets = kb.articles.map((a) => {
    const texts = [a.title.de, a.title.en, ...a.symptoms.flatMap((s) => [s.description.de, s.description.en])];
    return new Set(texts.flatMap((t) => (t ? contentTerms(t) : [])));
  });
  const df = new Map<string, number>();
  for (const s of sets) for (const t of s) df.set(t, (df.get(t) ?? 0) + 1);
  return sets.map((s) => new Map([...s].map((t) => [t, Math.log(1 + sets.length / df.get(t)!)])));
}

/** Terms that occur in the paste only inside single quotes. */
function quotedOnly(tokens: Token[]): Set<string> {
  const quoted = new Set<string>();
  const plain = new Set<string>();
  for (const t of tokens) (t.quoted ? quoted : plain).add(t.term);
  for (const t of plain) quoted.delete(t);
  return quoted;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** The pasted line holding most of the evidence, trimmed to a readable length. */
function quoteLine(terms: readonly string[], tokens: Token[], lines: string[]): string | undefined {
  const wanted = new Set(terms);
  const perLine = new Map<number, number>();
  for (const t of tokens) if (wanted.has(t.term)) perLine.set(t.line, (perLine.get(t.line) ?? 0) + 1);
  let bestLine = -1;
  let bestCount = 0;
  for (const [line, count] of perLine) {
    if (count > bestCount) {
      bestLine = line;
      bestCount = count;
    }
  }
  if (bestLine < 0) return undefined;
  const text = lines[bestLine].trim().replace(/\s+/g, ' ');
  return text.length > 240 ? `${text.slice(0, 237)}…` : text;
}
