import Fuse from 'fuse.js';
import type { KnowledgeBase } from '../knowledge/load';
import { pick } from '../knowledge/localize';
import type { Article, Lang } from '../knowledge/types';
import {
  answerThroughTranslation,
  Bridge,
  combineWithTranslation,
  errorVocabularyOf,
  languageFreeTerms,
  otherLanguageIn,
  type Translation,
} from './bridge';
import { decide } from './decide';
import {
  aboutWeight,
  addPairs,
  articlesHolding,
  articlesNaming,
  buildAbout,
  buildDescriptions,
  namedParts,
  offeredDescriptions,
  problemPart,
  proseTerms,
  scoreDescriptions,
  impliedTerms,
  withPhrases,
  titlesNamed,
  titleWordsNamed,
  type AboutIndex,
  type DescriptionIndex,
  type DescriptionScore,
  type TranslatedWords,
} from './descriptions';
import { cleanPaste, termsOf, tokenize, type Token } from './normalize';
import { isWrappedGenericLine } from './genericLines';
import { chainLinks, holdsFound, wrapperWords, type ChainLink } from './chains';
import { eventFrameTerms, stackFrameTerms } from './eventFrame';
import { inStatusRange, isStatusTerm, otherStatusCode, statusCodesIn, statusRangesIn, statusTerms, type StatusRange } from './statusCodes';
import { packedSignals } from './packed';
import { DEFAULT_PARAMETERS, type MatchParameters } from './parameters';
import {
  articleScenario,
  deniedDeployments,
  deniedInTitle,
  isErrorsLine,
  outsideScenario,
  pasteScenario,
  whereBeside,
  type ArticleScenario,
  type PasteScenario,
} from './scenario';
import { namesCloud, namesProduct, onlineOnly, pasteCloudOnly, pasteOnPremises, serverOnly } from './product';
import { foreignProgram, programNamed } from './foreignProgram';
import {
  AFTER_VALUE,
  buildQueryView,
  IN_VALUE,
  scoreAbove,
  scoreSignal,
  touchedUnits,
  type QueryView,
  type Settled,
  type SignalScore,
} from './score';
import { buildSignals, isCodeTerm, isStrongTerm, type SignalIndex } from './signals';
import { guessLanguage, STOPWORDS } from './stopwords';
import { sortedIncludes } from './sorted';
import { Synonyms } from './synonyms';
import { twinsOf } from './twins';
import { cutToErrorPart } from './truncate';
import type { Match, MatchExplanation, MatchOptions, MatchResult } from './types';

/** Pastes longer than this are cut down to their error-looking lines before matching. */
export const MAX_PASTE_CHARS = DEFAULT_PARAMETERS.paste.maxChars;
/** Words after a code that tell two errors of its family apart (codeHits): the paste must hold all but one of them. */
const CODE_FOLLOWERS = 3;
/** An article whose error texts name at least this many status codes is an overview of them (codeArticleFirst). */
const OVERVIEW_CODES = 3;
/** An article whose error texts carry no status code (capOtherStatus). */
const NO_CODES: ReadonlySet<string> = new Set();
/** An arrow of an error chain (`Outer. --> Inner`), as the error texts are cut at (signals.ts). */
const ARROW = /-{2,3}>/;
/** A paste read as written: no word of it was written by the lexicon. */
const NO_WORDS: ReadonlySet<string> = new Set();
/** The adjustments of every ranked match when not explaining (they are read only to explain it: Ranked.adjustments). */
const NO_ADJUSTMENTS: Ranked['adjustments'] = Object.freeze([]) as unknown as Ranked['adjustments'];

interface HitBase {
  article: number;
  symptom: string | null;
  score: number;
  /** Terms that found it, to quote the line of the paste they stand on. */
  terms: readonly string[];
  /** Found only when the paste was read with its synonyms rewritten (`name → canonical`; synonyms.ts). */
  synonyms?: readonly string[];
  /** Found only in the problem sentences of a long post (`problemPart`), offered. */
  problemPart?: true;
}

/** Another error text's wrapper that a paste's outer message holds: its article and the wrapper words held. */
interface WrapperHeld {
  article: number;
  words: string[];
}

/** Found by one of the article's error texts. */
interface ErrorHit extends HitBase {
  kind: 'error';
  signal: number;
  /** Keys of the error text that found it (its inner message; the words found, for a near-perfect fit): see decide.ts. */
  sameError: readonly string[];
  /** The error text's words found in the paste, as vocabulary ids, ascending. */
  found: Int32Array;
  /** Bit (id mod 32) of every word found: a word outside another hit's mask is not inside it. */
  mask: number;
  breakdown: SignalScore;
  /**
   * Where its article first came up among the error texts scored, counting those a contradiction settled below the
   * floor (they were matches below it before that shortcut): ranking looks for containers in this order.
   */
  place: number;
  /** The paste's anchors of where it happened, none of them the article's scenario (then capped: scenario.ts). */
  otherScenario?: readonly string[];
  /** A deployment the paste says it doesn't have and the article's title names (`hybrid`; then capped: scenario.ts). */
  deniedScenario?: string;
  /** The on-premises product the paste names, its article applying to Exchange Online only (then capped: product.ts). */
  otherProduct?: string;
  /** ...that being the Exchange Online signal of a paste (`Connect-ExchangeOnline`), its article applying to Exchange Server only. */
  inCloud?: true;
  /** What shows the paste was printed by another program, whose article names none (then capped: foreignProgram.ts). */
  foreignProgram?: string;
  /** The error text is a generic line other articles' errors wrap (then capped: genericLines.ts). */
  genericLine?: true;
  /** The words of the outer message the paste wraps the error in that the article never names (then capped: chains.ts). */
  otherOuter?: readonly string[];
  /** ...an outer message of the paste's own, where the error text has another one the paste holds no part of. */
  ownOuter?: true;
  /** The paste holds another enhanced status code than the error text's and its article's (then capped: statusCodes.ts). */
  otherStatus?: true;
  /** An overview's text without a code, the paste holding none of the overview's rows of its status code (then capped). */
  otherRow?: true;
  /** Found with little evidence, it was lowered below the best description the prose found (to this score; `weakErrorsBelow`). */
  belowDescription?: number;
}

/** Found by the symptom's keyword phrases, raised by topic phrases. */
interface KeywordHit extends HitBase {
  kind: 'keyword';
  keywords: readonly string[];
  topics: readonly string[];
  /** Its phrases are a family's symptom: many articles' titles and symptoms name them (`keywords.familyArticles`). */
  family?: true;
}

/** Found by the words of the symptom's title, description and keywords in a description (descriptions.ts). */
interface DescriptionHit extends HitBase {
  kind: 'description';
  fit: DescriptionScore;
  topics: readonly string[];
  /** The paste writes the article's title (almost) whole (`titlesNamed`). */
  title?: true;
  /** The paste names the symptom and the article's cause (`namedParts`): scored to be answered when nothing else is offered. */
  cause?: { words: number; weight: number; offered: number };
}

/** Found by a code (HCW8078, an exception name) that only a few articles hold. */
interface CodeHit extends HitBase {
  kind: 'code';
  code: string;
  /** A status code found in the article's title (`exact`), or in a range its title names (`range`: `4.7.500-699`). */
  title?: 'exact' | 'range';
  /** One article alone holds the code, and the paste names its title's words too (`keywords.codeTitle`): answered. */
  titleNamed?: true;
}

type Hit = ErrorHit | KeywordHit | DescriptionHit | CodeHit;

/** A hit as ranked: its final score and what ranking did to it. */
interface Ranked {
  hit: Hit;
  score: number;
  sameError?: readonly string[];
  /** The best score of a match ranked below this one only as its container, when that match fit its own error better (decide.ts). */
  contested?: number;
  /** That match (the one whose score `contested` is). */
  contestedBy?: Hit;
  /** Ranking rules applied (containers, topic phrases, ties), for explanations: empty (NO_ADJUSTMENTS) when not explaining. */
  adjustments: { rule: 'container' | 'topics' | 'tie-break' | 'inner-message' | 'code-article'; note: string }[];
}

/** Error texts collected in order, `n` of them in `ids` (Matcher.errorHits' `reach`). */
interface Reach {
  ids: Int32Array;
  n: number;
}

/** The paste as read once: cut, tokenized, its language guessed. */
interface Paste {
  cut: string;
  lines: string[];
  tokens: Token[];
  /** Content terms in order, and the terms that occur only inside single quotes. */
  seq: string[];
  quoted: Set<string>;
  /** Per term of `seq`: 1 inside single quotes (QueryView.values). */
  values: Uint8Array;
  /** The paste chains with a `-->` of its own (QueryView.arrow). */
  arrow: boolean;
  lang: Lang;
  /** The terms it writes only as an event record's field names (eventFrame.ts): no words of a description. */
  frame: ReadonlySet<string>;
  /** The terms it writes only on stack-trace frame lines (eventFrame.ts `stackFrameTerms`): code, no words of a description. */
  code: ReadonlySet<string>;
  /** Its content tokens (`tokens` without stop words), each with its line. */
  content: Token[];
  /**
   * What the caps read of the paste alone, made when first needed and kept for the paste's other passes (`decideAt` runs
   * twice when the first finds nothing): its chain links, with their inner messages' vocabulary ids and the other errors'
   * wrappers their outer messages hold (capOtherOuter); the lines that name a scenario, with their terms' ids (checkScenario).
   */
  links?: PasteLinks;
  where?: PasteWhere;
}

/** The paste's chain links (chains.ts) as capOtherOuter reads them. */
interface PasteLinks {
  links: ChainLink[];
  /** Per link: the vocabulary ids of its inner message's words, each once, ascending (a word the index lacks is no error's). */
  inner: Int32Array[];
  /** Per link asked: the other error texts' wrappers its outer message holds (wrappersHeld). */
  wrapped: Map<ChainLink, WrapperHeld[]>;
}

/** The paste's lines that name a scenario (scenario.ts `pasteScenario`) as checkScenario reads them. */
interface PasteWhere {
  scenario: PasteScenario;
  /** Per vocabulary id: the lines holding that word, a line once per time it holds it. */
  lineOf: Map<number, number[]>;
  /** Per line: how many terms it has. */
  sizes: Int32Array;
  /** Per line: the words a hit found on it (checkScenario's own, refilled per hit). */
  counts: Int32Array;
  /** `pasteWhere` per set of lines a hit's words make the error's own (bit k or k-th character: line k), read once per set. */
  beside: Map<number | string, string[]>;
}

/**
 * What the constructor builds from a knowledge base, the costly part of a start: plain data (maps, arrays, no
 * functions), so a compiled index file can carry it and a start can skip building it (snapshot.ts).
 */
export interface MatcherIndex {
  signals: SignalIndex;
  /** Per article, the words of its titles and symptom descriptions, with their weight (rarer across articles weighs more). */
  about: AboutIndex;
  descriptions: DescriptionIndex;
}

/** Builds the matcher's index of a knowledge base (what `new Matcher(kb)` does unless given one). */
export function buildMatcherIndex(kb: KnowledgeBase, params: MatchParameters = DEFAULT_PARAMETERS): MatcherIndex {
  return {
    signals: buildSignals(kb.articles, params.index),
    about: buildAbout(kb),
    descriptions: buildDescriptions(kb, params.index.stepArticles),
  };
}

/** A paste read (stage 1) and its candidates (stage 2), what the later stages decide on. */
interface ReadPaste {
  text: string;
  paste: Paste;
  view: QueryView;
  candidates: ArrayLike<number>;
  /** Index of the article to explain (`MatchOptions.article`), or -1. */
  focus: number;
  options: MatchOptions;
  bridged: boolean;
  /** Of a paste read through the lexicon, the words the lexicon wrote (not those kept as pasted). */
  translated: TranslatedWords;
  prose: boolean;
}

/**
 * Finds the article (and symptom) that explains a pasted error.
 * Build once per knowledge base; `match` is synchronous, allocation-light and safe to call concurrently.
 */
export class Matcher {
  readonly kb: KnowledgeBase;
  readonly params: MatchParameters;
  /** The structures built from `kb` (or restored from a compiled index: snapshot.ts). */
  readonly built: MatcherIndex;
  private readonly index: SignalIndex;

  /** Per article, the words of its titles and symptom descriptions, with their weight (rarer across articles weighs more). */
  private readonly about: AboutIndex;
  private readonly descriptions: DescriptionIndex;

  /**
   * Error texts scoring below these can't change what a paste gets (when not explaining), so they are not scored
   * to the end. `offered`: below what is answered or offered (`decision.candidate`), within a tie (`ranking.tie`)
   * of it, or lifted by topic phrases (`ranking.tiebreakFrom`), or close enough to an answer to take its lead
   * (`decision.answer` − `decision.margin`). When a paste gets neither an answer nor a choice, the matches listed
   * go down to `decision.listed`: `listed` is that, less a tie. Each is 0.001 lower, as scores are rounded to 3
   * decimals. What scores less ranks below every match that is shown, or its article gets no match: the same
   * output (tests/matching/pruning.test.ts compares with a matcher whose floors are 0).
   */
  readonly floors: { readonly offered: number; readonly listed: number };

  /** Per error text, its sameError key of the inner message, once it was needed (ErrorHit.sameError). */
  private readonly detailKeys: (readonly string[] | undefined)[];
  /** Per article, the place of its id in localeCompare order (equal places for ids that compare equal). */
  private readonly idOrder: Int32Array;

  /** Reads pastes in the other language through the lexicon; null without one. */
  private readonly bridge: Bridge | null;
  /** English synonyms a description is read with when as written its words find nothing (synonyms.ts). */
  private readonly synonyms: Synonyms | null;
  /** Per language: some article is not written in it (only then is a paste in that language translated). */
  private readonly missing: Record<Lang, boolean>;
  /** Per article, the word its text names programs with (foreignProgram.ts; null: none), read when first needed. */
  private readonly programsNamed = new Map<number, string | null>();
  /** Scenario of each article (scenario.ts), read when first needed: starts stay fast. */
  private readonly scenarios = new Map<number, ArticleScenario>();
  /** The candidates the first scoring pass found able to reach `floors.listed` (Reach), made on the first paste and reused. */
  private reached: Int32Array | undefined;
  /** Per error text asked: its wrapper's words (chains.ts `wrapperWords`), null when it has none. */
  private readonly wrappers = new Map<number, string[] | null>();
  /** Per article asked: every word of its text (title, symptoms, error texts, cause, steps), for `capOtherOuter`. */
  private readonly articleWords = new Map<number, Set<string>>();
  /** Per error text asked: it is a generic line other articles' errors wrap (genericLines.ts), known once asked. */
  private readonly genericLines = new Map<number, boolean>();
  /** Per article: the enhanced status codes its error texts carry, made the first time a paste holds one. */
  private articleStatusCodes?: Set<string>[];
  /** Per article: its error texts that carry a status code, made with `articleStatusCodes` (rowExplained). */
  private articleCodedTexts?: number[][];
  /** Per article, the status codes its own text names (title, symptoms, cause, steps), read when first needed (capOtherStatus). */
  private readonly articleTextCodes = new Map<number, ReadonlySet<string>>();
  /** Per status code, the articles whose titles name it, and the ranges titles name, made when first needed (titleCodesOf). */
  private titleCodes?: { exact: Map<string, number[]>; ranges: { range: StatusRange; article: number }[] };
  /** Stage 2's sums per error text, the texts reached and the candidates, made on the first paste and reused (candidates). */
  private sums: { acc: Float64Array; reached: Int32Array; out: Int32Array } | undefined;
  /**
   * errorHits' results per twin in its current call (`stamp` equal to `call`; `contradicted`: settled by a contradiction)
   * and per article its place (`placed` equal to `call`), made on the first paste and reused.
   */
  private memo:
    | {
        stamp: Int32Array;
        /** Per twin scored in the current call: its result, or undefined when settled below the floor (then `below`). */
        results: (SignalScore | undefined)[];
        /** Per twin settled below the floor in the current call: the most it can score (Settled.score). */
        below: Float64Array;
        /** Per twin scored in the current call, the sameError key of the words it found, once a hit needed it. */
        foundKeys: (string | undefined)[];
        /** The twins scored in the current call, in order. */
        scored: Int32Array;
        contradicted: Uint8Array;
        placed: Int32Array;
        place: Int32Array;
        call: number;
      }
    | undefined;
  /** Per article, the call of `articlesOver` that counted it last (made on the first paste that asks). */
  private articleSeen: { stamp: Int32Array; call: number } | undefined;
  /** Per error text, the call of `wrappersHeld` that looked at it last (made on the first paste that asks). */
  private textSeen: { stamp: Int32Array; call: number } | undefined;
  /** How scoreSignal settled the text it scored last (errorHits). */
  private readonly settled: Settled = { contradicted: false, score: 0.5 };

  /** `built`: the index of this very `kb` with these `params`, restored from a compiled index; default: built here. */
  constructor(kb: KnowledgeBase, params: MatchParameters = DEFAULT_PARAMETERS, built: MatcherIndex = buildMatcherIndex(kb, params)) {
    this.kb = kb;
    this.params = params;
    this.built = built;
    this.index = built.signals;
    this.about = built.about;
    this.descriptions = built.descriptions;
    const { decision, ranking } = params;
    const floor = (...xs: number[]) => Math.max(0, Math.min(...xs) - 0.001);
    this.floors = {
      offered: floor(decision.candidate - ranking.tie, ranking.tiebreakFrom, decision.answer - decision.margin),
      listed: floor(decision.listed - ranking.tie, decision.candidate - ranking.tie, ranking.tiebreakFrom),
    };
    this.idOrder = idOrder(kb.articles.map((a) => a.id));
    this.detailKeys = new Array<readonly string[] | undefined>(this.index.errors.length).fill(undefined);
    const pairs = kb.lexicon?.filter((e) => !e.synonyms) ?? [];
    this.bridge = pairs.length ? new Bridge(pairs, params.bridge) : null;
    const synonyms = new Synonyms(kb.lexicon ?? []);
    this.synonyms = synonyms.size ? synonyms : null;
    this.missing = { de: kb.articles.some((a) => !a.languages.includes('de')), en: kb.articles.some((a) => !a.languages.includes('en')) };
  }

  /** Matches the paste as written, then (where articles exist only in the other language) as translated by the lexicon: see bridge.ts. */
  match(text: string, options: MatchOptions = {}): MatchResult {
    // Cut once, before anything reads the paste (the translation and its line mapping too): the work per paste is bounded.
    const max = this.params.paste.maxChars;
    const cut = text.length > max ? cutToErrorPart(text, max) : text;
    const result = this.matchCut(cut, options);
    return cut === text ? result : { ...result, truncated: true };
  }

  private matchCut(text: string, options: MatchOptions): MatchResult {
    const paste = this.read(text, options);
    const direct = this.matchAsWritten(text, options, false, true, NO_WORDS, paste);
    if (!this.bridge) return direct;
    // The paste's lines as cleaned up when it was read: the other language's lines are looked for in them.
    const read = paste.cut === text ? paste : undefined;
    const lines = read ? read.lines : cleanPaste(text);
    if (direct.decision === 'answer') return this.checkAnswer(direct, text, lines, options, read?.tokens);
    // A paste in a language every article speaks may still hold lines in the other one (an English Exchange
    // message around a German Windows inner message): those lines are read through the lexicon too, for its
    // errors — its prose is not a description in the other language, so it is never answered as one.
    const mixed = !this.missing[direct.lang];
    const other: Lang = direct.lang === 'de' ? 'en' : 'de';
    const from = mixed ? otherLanguageIn(lines, direct.lang, read?.tokens) : direct.lang;
    let translation: Translation | null = null;
    let source: Lang = other;
    if (from && this.missing[from]) [translation, source] = [this.bridge.translate(text, from), from];
    else if (mixed && !from && this.missing[other] && this.bridge.holdsPhrase(text, other)) {
      // A line too short to tell its language by its words (`Additional information: Falscher Parameter.`): a message
      // template or phrase of the other language that the lexicon knows makes it that language's line.
      translation = this.bridge.translate(text, other);
    }
    if (!translation) return direct;
    const combined = combineWithTranslation(
      direct,
      text,
      translation,
      (id) => this.kb.byId.get(id),
      this.rematch(translation, options, direct.lang, mixed),
      this.params,
      mixed ? undefined : (words) => this.articlesHolding(words),
      mixed,
    );
    if (!options.explain) return combined;
    return explained(
      combined,
      translation,
      source,
      combined === direct ? 'unchanged' : combined.decision === 'answer' ? 'answered' : 'merged',
    );
  }

  /**
   * An answer as written whose article's error texts lack some of the paste's language-free terms (a cmdlet, a code),
   * for a paste with lines in a language some articles lack: the paste's words in that language went unread, and the
   * article they name may be another (bridge.ts `answerThroughTranslation`). Only such a paste is translated.
   */
  private checkAnswer(
    direct: MatchResult,
    text: string,
    lines: readonly string[],
    options: MatchOptions,
    tokens?: readonly Token[],
  ): MatchResult {
    const free = languageFreeTerms(text);
    const answered = free.length ? this.kb.byId.get(direct.matches[0].article) : undefined;
    if (!answered) return direct;
    const vocabulary = errorVocabularyOf(answered);
    if (free.every((t) => vocabulary.has(t))) return direct;
    const mixed = !this.missing[direct.lang];
    const from = mixed ? otherLanguageIn(lines, direct.lang, tokens) : direct.lang;
    if (!from || !this.missing[from]) return direct;
    const translation = this.bridge!.translate(text, from);
    const checked = answerThroughTranslation(
      direct,
      text,
      translation,
      free,
      (id) => this.kb.byId.get(id),
      this.rematch(translation, options, direct.lang, mixed),
      this.params,
    );
    if (!options.explain) return checked;
    return explained(checked, translation, from, checked === direct ? 'unchanged' : 'answered');
  }

  /** Matches a translation's text as written, its translated words marked (what both readings through the lexicon rerun). */
  private rematch(translation: Translation, options: MatchOptions, lang: Lang, mixed: boolean): (t: string) => MatchResult {
    const translated: TranslatedWords = Object.assign(new Set(translation.applied.flatMap((a) => a.words)), { pairs: translation.pairs });
    return (t) => this.matchAsWritten(t, { ...options, lang: options.lang ?? lang }, true, !mixed, translated);
  }

  /** How many articles' titles and symptom descriptions hold every one of `words` (a word they never use: none). */
  private articlesHolding(words: readonly string[]): number {
    return articlesHolding(this.descriptions, words);
  }

  /**
   * The stages, in order: read, candidates, score, typos (then score again), keywords and codes, rank, decide.
   * `bridged`: the text is a paste read through the lexicon (descriptions.ts offers shared symptoms then);
   * `prose`: false when its prose is not to be read as a description (a mixed-language paste's translation);
   * `translated`: of such a paste, the words the lexicon wrote; `paste`: the text as read (stage 1), when the caller read it.
   */
  private matchAsWritten(
    text: string,
    options: MatchOptions,
    bridged = false,
    prose = true,
    translated: TranslatedWords = NO_WORDS,
    paste: Paste = this.read(text, options),
  ): MatchResult {
    const view = buildQueryView(paste.seq, paste.quoted, paste.arrow, paste.values);
    const candidates: ArrayLike<number> = this.candidates(view);
    const focus = options.explain && options.article !== undefined ? this.kb.articles.findIndex((a) => a.id === options.article) : -1;
    // Explaining shows every error text's score. Otherwise first only what could be answered or offered is scored
    // to the end; when nothing is, the matches listed go down further, and the error texts that reach that are scored.
    const read = { text, paste, view, candidates, focus, options, bridged, translated, prose };
    if (focus >= 0) return this.explainFocused(read);
    if (options.explain || this.floors.offered === 0) return this.decideAt(0, read);
    // The matcher's own array, reused by every paste: a fresh one grown by a push per candidate was 20 KB per paste.
    const reach = { ids: (this.reached ??= new Int32Array(this.index.errors.length)), n: 0 };
    const first = this.decideAt(this.floors.offered, read, reach);
    if (first.decision !== 'none') return first;
    return this.decideAt(this.floors.listed, read, undefined, reach.ids.subarray(0, reach.n));
  }

  /**
   * An article to explain is scored whatever the pre-filter says, to show why it did not win — but the decision
   * and the other matches are those of the paste without it: explaining must not turn a `none` into an answer.
   */
  private explainFocused(read: ReadPaste): MatchResult {
    const decided = this.decideAt(0, read);
    const all = Array.from(read.candidates);
    this.index.errors.forEach((e, id) => e.article === read.focus && !all.includes(id) && all.push(id));
    const id = this.kb.articles[read.focus].id;
    if (all.length === read.candidates.length || decided.matches.some((m) => m.article === id)) return decided;
    const focused = this.decideAt(0, { ...read, candidates: all }).matches.find((m) => m.article === id);
    return focused ? { ...decided, matches: [...decided.matches, focused] } : decided;
  }

  /**
   * Stages 3–7 with error texts scored to the end only when they can reach `floor`. `reach` collects the
   * candidates that can reach `floors.listed` (in order); `first`: candidates to score first, when known.
   */
  private decideAt(floor: number, read: ReadPaste, reach?: Reach, first: ArrayLike<number> = read.candidates): MatchResult {
    const { text, paste, candidates, focus, options, bridged, translated, prose } = read;
    let view = read.view;
    // The error texts a contradiction settled below the floor that could still veto the description path (contradicted).
    const settled: number[] = [];
    let errorHits = this.errorHits(view, first, floor, settled, reach);
    if (floor > 0) {
      // Typo repair borrows the words of every error text within its window of the best: score those too.
      const best = errorHits.reduce((m, h) => Math.max(m, h.score), 0);
      const { skipAbove, window } = this.params.typos;
      if (best < skipAbove && best - window < floor)
        errorHits = this.errorHits(view, candidates, best >= floor ? Math.max(0, best - window) : 0, settled);
    }
    const repaired = this.repairTypos(paste.seq, view, errorHits);
    if (repaired) {
      view = buildQueryView(repaired, paste.quoted, paste.arrow, paste.values);
      errorHits = this.errorHits(view, candidates, floor, settled);
    }
    this.checkScenario(errorHits, paste);
    this.capForeignProgram(errorHits, paste.cut);
    this.capOtherOuter(errorHits, paste, view);
    this.capGenericLines(errorHits);
    this.capOtherStatus(errorHits, view.terms);
    // Prose is read only when the paste's errors, keywords and codes give no answer: what they find is better evidence.
    // Prose in a language some articles lack is read through the lexicon, where every article takes part: as
    // written, its words would fit only the articles written in it, however little they fit. As written, only a
    // description that names the article's topic phrases too (symptom and cause) counts.
    const throughLexicon = !bridged && !!this.bridge && this.missing[paste.lang];
    // A family's symptom is one article's only in a paste in the articles' own language (through the lexicon, close
    // symptoms of several articles are offered together).
    const ownLanguage = !bridged && !throughLexicon;
    const keywords = this.keywordHits(view.seq, ownLanguage);
    const hits: Hit[] = [...errorHits, ...this.codeHits(view), ...keywords.hits];
    // Where the rest of the paste decides ties, an event record's field names are no words of it, nor are the words only
    // stack-trace frames hold: the names of code (`Object target`), not the admin's.
    const rest =
      paste.frame.size || paste.code.size
        ? buildQueryView(
            view.seq.filter((t) => !paste.frame.has(t) && !paste.code.has(t)),
            view.quoted,
            view.arrow,
          )
        : view;
    let topics = keywords.topics;
    if (prose && !hits.some((h) => h.score >= this.params.decision.answer)) {
      const contradicted = this.contradicted(errorHits, settled, view);
      const described = (v: QueryView, phrases: Map<number, Set<string>>) =>
        this.descriptionHits(v, phrases, bridged, text, translated, false, paste.frame).filter(
          (h) => (!throughLexicon || h.topics.length > 0) && !contradicted.has(h.article),
        );
      const written = described(view, keywords.topicPhrases);
      hits.push(...written);
      // Nothing in the prose found as written: read it again with the admins' names rewritten to the articles'.
      const rewritten = !written.length && !keywords.hits.length && this.synonyms?.rewrite(view.seq);
      if (rewritten && rewritten.found.length) {
        const v = buildQueryView([...rewritten.seq], view.quoted, view.arrow);
        const again = this.keywordHits(v.seq, ownLanguage);
        const found = [...again.hits, ...described(v, again.topicPhrases)];
        for (const h of found) h.synonyms = rewritten.found;
        hits.push(...found);
        if (found.length) topics = again.topics;
      }
      // A long post whose prose as a whole finds nothing: its problem sentences alone, so the story around them doesn't vote.
      // (Prose only: a paste whose error texts came near a match is an error, and its lines are no story.)
      const { listed } = this.params.decision;
      const part =
        !bridged &&
        !throughLexicon &&
        !hits.some((h) => h.kind !== 'error' || h.score >= listed) &&
        problemPart(text, this.params.descriptions.problemSentences);
      if (part) {
        const v = buildQueryView(this.read(part, options).seq, view.quoted, view.arrow);
        // Named with words at most two articles use (`bare line feeds`): common words of a sentence or two are no evidence.
        const { minRare } = this.params.descriptions;
        const found = this.descriptionHits(v, new Map(), bridged, part, translated, true).filter(
          (h) => !contradicted.has(h.article) && h.fit.rare >= minRare,
        );
        for (const h of found) h.problemPart = true;
        hits.push(...found);
      }
      this.causeAlone(hits, errorHits, settled);
      this.weakErrorsBelow(hits);
    }
    // What ranking did to a match is written down only to be explained: its notes are strings for every match.
    const explaining = !!options.explain;
    let ranked = this.nearTwins(
      this.innerOnly(
        this.breakTies(this.settleContest(this.rank(hits, topics, explaining), rest, explaining), rest, explaining),
        explaining,
      ),
      rest,
      explaining,
    );
    const t = this.params.decision;
    const decided = decide(ranked, t);
    const { decision } = decided;
    let { offered } = decided;
    if (decision === 'clarify') {
      const before = ranked;
      ranked = this.codeArticleFirst(ranked, explaining);
      if (ranked !== before) offered = Math.min(3, offered + 1);
    }
    // Explaining lists what came close too: why an article did not win matters as much as why one did.
    const listed = decision === 'none' || options.explain;
    const shown = (listed ? ranked.filter((m, i) => i < offered || m.score >= t.listed) : ranked.slice(0, offered)).slice(0, 5);
    const focused = ranked.find((r) => r.hit.article === focus);
    if (focused && !shown.includes(focused)) shown.push(focused);
    const lang = options.lang ?? paste.lang;
    return {
      decision,
      matches: shown.map((r) => this.toMatch(r, lang, paste, options.explain ? view : undefined)),
      lang: paste.lang,
      truncated: paste.cut !== text,
    };
  }

  /** Stage 1: the paste (already cut to size by `match`; a translation may have grown past it) cut, tokenized, its language guessed. */
  private read(text: string, options: MatchOptions): Paste {
    const max = this.params.paste.maxChars;
    const cut = text.length > max ? cutToErrorPart(text, max) : text;
    const { lines, tokens } = tokenize(cut);
    const content = tokens.filter((t) => !STOPWORDS.has(t.term));
    const detected = guessLanguage(
      tokens.map((t) => t.term),
      cut.slice(0, 20_000),
    );
    return {
      cut,
      lines,
      tokens,
      seq: content.map((t) => t.term),
      quoted: quotedOnly(content),
      values: valuesOf(tokens, content),
      arrow: ARROW.test(cut),
      lang: detected ?? options.lang ?? 'en',
      frame: eventFrameTerms(cut, this.params.paste.eventFields),
      code: stackFrameTerms(lines, content),
      content,
    };
  }

  /**
   * Stage 2: error signals worth scoring, those whose weighted terms the paste holds a fair share of. A view of the
   * matcher's own array, valid until the next paste's candidates are read.
   */
  private candidates(view: QueryView): Int32Array {
    const { vocab, weight, postings, errors } = this.index;
    // Each error text's information from one flat array: thousands are reached per paste (packed.ts).
    const { information } = packedSignals(this.index);
    // The weight of the paste's words per error text, summed in the paste's order; `reached` in the order
    // error texts were first reached, which is the order they are scored and ranked in. Both arrays are the
    // matcher's own, reused by every paste (matching is synchronous): at 10,000 articles a fresh pair per
    // paste was a tenth of a megabyte for the garbage collector.
    if (!this.sums)
      this.sums = { acc: new Float64Array(errors.length), reached: new Int32Array(errors.length), out: new Int32Array(errors.length) };
    const { acc, reached, out } = this.sums;
    let n = 0;
    for (const t of view.terms) {
      const term = vocab.ids.get(t);
      if (term === undefined) continue;
      const w = weight[term];
      const list = postings[term];
      for (let k = 0; k < list.length; k++) {
        const id = list[k];
        if (acc[id] === 0) reached[n++] = id;
        acc[id] += w;
      }
    }
    let m = 0;
    const { share, words } = this.params.candidates;
    const enough = words * this.index.uniqueWeight;
    for (let k = 0; k < n; k++) {
      const id = reached[k];
      const have = acc[id];
      acc[id] = 0;
      const total = information[id];
      if (total > 0 && (have / total >= share || have >= enough)) out[m++] = id;
    }
    return out.subarray(0, m);
  }

  /**
   * Stage 4, typos: the paste's unknown words next to words of the leading candidates are looked up among
   * those candidates' words (fuse.js), and the paste is read as if spelled right. Skipped when an error text
   * is already fully there, so clean pastes pay nothing for it.
   */
  private repairTypos(seq: string[], view: QueryView, hits: ErrorHit[]): string[] | null {
    const p = this.params.typos;
    const best = hits.reduce((m, h) => Math.max(m, h.score), 0);
    if (best >= p.skipAbove) return null;
    const vocabulary = new Set<string>();
    for (const h of hits) {
      if (h.score < best - p.window) continue;
      for (const t of this.index.errors[h.signal].terms) if (t.length >= p.minLength && !/\d/.test(t)) vocabulary.add(t);
    }
    if (!vocabulary.size) return null;
    // A typo inside an error stands next to its other words; names and prose further away are left alone.
    const unknown = new Set<string>();
    seq.forEach((t, i) => {
      if (this.index.vocab.ids.has(t) || t.length < p.minLength - 1 || /\d/.test(t)) return;
      if (vocabulary.has(seq[i - 1]) || vocabulary.has(seq[i + 1]) || view.terms.size < 3) unknown.add(t);
    });
    if (!unknown.size) return null;
    const fuse = new Fuse([...vocabulary], { includeScore: true, threshold: p.maxScore, ignoreLocation: true, isCaseSensitive: true });
    const fix = new Map<string, string>();
    for (const u of [...unknown].slice(0, p.maxWords)) {
      // Fuse also finds a word inside a longer one ("unexpected" in "unexpectedly"): a typo changes the length by one at most.
      const hit = fuse.search(u, { limit: 3 }).find((r) => Math.abs(r.item.length - u.length) <= 1);
      if (hit) fix.set(u, hit.item);
    }
    return fix.size ? seq.map((t) => fix.get(t) ?? t) : null;
  }

  /**
   * Stage 3: every candidate error text scored (score.ts); those below `floor` only as far as it takes to know.
   * `settled` is set to the texts a contradiction settled below the floor that could still veto the description path.
   */
  private errorHits(view: QueryView, candidates: ArrayLike<number>, floor: number, settled: number[], reach?: Reach): ErrorHit[] {
    const hits: ErrorHit[] = [];
    settled.length = 0;
    // Twins (twins.ts) score alike: each group is scored once per call, its first member's result reused.
    const twins = twinsOf(this.index);
    if (!this.memo) {
      const texts = this.index.errors.length;
      const articles = this.kb.articles.length;
      this.memo = {
        stamp: new Int32Array(texts),
        // Filled to its length up front: stores at scattered indices into a short array would turn it into a
        // dictionary, and every store into that allocates (about 50 KB per PowerShell record at 10,000 articles).
        results: new Array<SignalScore | undefined>(texts).fill(undefined),
        below: new Float64Array(texts),
        foundKeys: new Array<string | undefined>(texts).fill(undefined),
        scored: new Int32Array(texts),
        contradicted: new Uint8Array(texts),
        placed: new Int32Array(articles),
        place: new Int32Array(articles),
        call: 0,
      };
    }
    const memo = this.memo;
    const { placed, place } = memo;
    const call = ++memo.call;
    const { contradiction } = this.params.score;
    const { candidate } = this.params.decision;
    let places = 0;
    /** Its article's place among the articles of this call's matches: numbered in the order they first come up. */
    const placeOf = (article: number): number => {
      if (placed[article] !== call) {
        placed[article] = call;
        place[article] = places++;
      }
      return place[article];
    };
    let scored = 0;
    for (let c = 0; c < candidates.length; c++) {
      const id = candidates[c];
      const twin = twins[id];
      let breakdown: SignalScore | undefined;
      if (memo.stamp[twin] === call) breakdown = memo.results[twin];
      else {
        breakdown = scoreAbove(twin, view, this.index, this.params.score, floor, this.settled) ?? undefined;
        memo.stamp[twin] = call;
        memo.results[twin] = breakdown;
        if (!breakdown) memo.below[twin] = this.settled.score;
        memo.scored[scored++] = twin;
        memo.contradicted[twin] = this.settled.contradicted ? 1 : 0;
      }
      if (breakdown === undefined) {
        const below = memo.below[twin];
        if (memo.contradicted[twin]) {
          // Settled by a contradiction below the floor: scored to the end, it would be a match below the floor,
          // with its article's place, listed in `reach`, and read by the veto (contradicted) when it could reach it.
          placeOf(this.index.errors[id].article);
          if (reach) reach.ids[reach.n++] = id;
          if (below / contradiction >= candidate) settled.push(id);
        } else if (reach && below >= this.floors.listed) reach.ids[reach.n++] = id;
        continue;
      }
      if (reach) reach.ids[reach.n++] = id;
      const { score, found } = breakdown;
      if (score <= 0) continue;
      const sig = this.index.errors[id];
      const articlePlace = placeOf(sig.article);
      // Two error texts the paste fits near-perfectly with the very same words (they differ only after
      // where it stops) are the same error to the paste, like identical inner messages.
      // (The inner-message key is made once per error text: ranking compares it with many others.)
      const detail = (this.detailKeys[id] ??= [`detail:${sig.detailKey}`]);
      // The words found as their ids, ascending (`found` is sorted, each word once): keys are only compared for
      // equality, and the same set of words gives the same ids. Twins share their result, so the key is made once each.
      const sameError =
        score >= this.params.ranking.sameWordsScore ? [detail[0], (memo.foundKeys[twin] ??= `found:${found.join(' ')}`)] : detail;
      hits.push({
        kind: 'error',
        signal: id,
        article: sig.article,
        symptom: sig.symptom,
        score,
        terms: sig.terms,
        sameError,
        found,
        mask: maskOf(found),
        breakdown,
        place: articlePlace,
      });
    }
    // Read in this call only: kept past it, a paste's scores would outlive the next young collection (and be copied).
    for (let k = 0; k < scored; k++) {
      memo.results[memo.scored[k]] = undefined;
      memo.foundKeys[memo.scored[k]] = undefined;
    }
    return hits;
  }

  /** More than `max` articles hold the error texts `ids`. */
  private articlesOver(ids: ArrayLike<number>, max: number): boolean {
    if (ids.length <= max) return false;
    const seen = (this.articleSeen ??= { stamp: new Int32Array(this.kb.articles.length), call: 0 });
    const call = ++seen.call;
    let n = 0;
    for (let k = 0; k < ids.length; k++) {
      const article = this.index.errors[ids[k]].article;
      if (seen.stamp[article] === call) continue;
      seen.stamp[article] = call;
      if (++n > max) return true;
    }
    return false;
  }

  /**
   * Stage 4c: an error the paste wraps in an outer message that another article's error wraps its own message in, or
   * that names a place none of which is the article's, is that message printed by another failure (chains.ts): offered,
   * not answered — unless the article's own text uses that wrapper's words.
   */
  private capOtherOuter(hits: ErrorHit[], paste: Paste, view: QueryView): void {
    const p = this.params.score.otherOuter;
    if (!hits.some((h) => h.score > p.cap)) return;
    const { links, inner, wrapped } = (paste.links ??= this.pasteLinks(paste.cut));
    if (!links.length) return;
    for (const h of hits) {
      if (h.score <= p.cap) continue;
      // linksHolding (chains.ts) on the ids: the words found are ids of the vocabulary, each once, ascending.
      let holding: ChainLink[] | undefined;
      for (let k = 0; k < links.length; k++)
        if (holdsFound(sharedIds(inner[k], h.found), h.found.length, p.innerWords)) (holding ??= []).push(links[k]);
      if (!holding) continue;
      const foreign = this.foreignOuter(holding, h.article, wrapped);
      const own = foreign ? undefined : this.ownOuter(holding, h, view);
      if (!foreign && !own) continue;
      h.score = p.cap;
      h.otherOuter = foreign ?? own;
      if (own) h.ownOuter = true;
    }
  }

  /** The paste's chain links and their inner messages' ids (capOtherOuter), read once per paste. */
  private pasteLinks(cut: string): PasteLinks {
    const links = chainLinks(cut.split('\n'));
    const { ids } = this.index.vocab;
    const inner = links.map((l) => {
      const known = new Set<number>();
      for (const t of l.inner) {
        const id = ids.get(t);
        if (id !== undefined) known.add(id);
      }
      return Int32Array.from(known).sort();
    });
    // Which other errors' wrappers a link's outer message holds does not depend on the hit: found once per link, not
    // once per hit (at 10,000 articles a PowerShell record has dozens of hits above the cap, each walking the postings).
    return { links, inner, wrapped: new Map() };
  }

  /** What makes one of `links`' outer messages another failure's for `article` (capOtherOuter); undefined when none does. */
  private foreignOuter(links: readonly ChainLink[], article: number, wrapped: Map<ChainLink, WrapperHeld[]>): string[] | undefined {
    const p = this.params.score.otherOuter;
    let scenario = this.scenarios.get(article);
    if (!scenario) this.scenarios.set(article, (scenario = articleScenario(this.kb.articles[article])));
    const own = this.wordsOf(article);
    for (const link of links) {
      if (link.anchors.size > 0 && ![...link.anchors].some((a) => scenario.anchors.has(a))) return [...link.anchors];
      let held = wrapped.get(link);
      if (!held) wrapped.set(link, (held = this.wrappersHeld(link)));
      for (const w of held) {
        if (w.article === article) continue;
        // Counted before the list is made: most wrappers held are the article's own words.
        let n = 0;
        for (const t of w.words) if (!own.has(t)) n++;
        if (n >= p.foreignWords) return w.words.filter((t) => !own.has(t));
      }
    }
    return undefined;
  }

  /**
   * The outer message of one of `links` the paste wraps `hit`'s error in, at least `ownWords` content words, when the error
   * text has an inner message (signals.ts `detailUnit`) after a wrapper of as many words (chains.ts `wrapperWords`) and the
   * paste holds no unit of its own before it (`The call to '…'
   * failed. Error details: The HTTP request was forbidden…`, around the `(403) Forbidden` the paste has after `Unable to
   * connect to EWS endpoint… Inner Exception`): the same message printed by another failure.
   */
  private ownOuter(links: readonly ChainLink[], hit: ErrorHit, view: QueryView): string[] | undefined {
    const detail = this.index.errors[hit.signal].detailUnit;
    const min = this.params.score.otherOuter.ownWords;
    // An exception class before the message (`An exception System.Net.WebException: …`) is no outer message.
    if (detail === 0 || (this.wrapperOf(hit.signal)?.length ?? 0) < min) return undefined;
    const link = links.find((l) => new Set(l.outer).size >= min);
    if (!link) return undefined;
    const touched = touchedUnits(hit.signal, view, this.index, this.params.score);
    for (let k = 0; k < detail; k++) if (touched[k]) return undefined;
    return [...new Set(link.outer)];
  }

  /**
   * The other error texts' wrappers (chains.ts `wrapperWords`) that `link`'s outer message holds enough of
   * (`wrapperShare`), in the order of its words and their postings, each error text once.
   */
  private wrappersHeld(link: ChainLink): WrapperHeld[] {
    const p = this.params.score.otherOuter;
    const { vocab, postings, errors } = this.index;
    const outer = new Set(link.outer);
    // Each error text once: marked with this call's stamp (the matcher's own array, as in articlesOver).
    const seen = (this.textSeen ??= { stamp: new Int32Array(errors.length), call: 0 });
    const call = ++seen.call;
    const out: WrapperHeld[] = [];
    for (const t of outer) {
      const term = vocab.ids.get(t);
      if (term === undefined || postings[term].length > p.maxPostings) continue;
      for (const id of postings[term]) {
        if (seen.stamp[id] === call) continue;
        seen.stamp[id] = call;
        const wrapper = this.wrapperOf(id);
        if (!wrapper || wrapper.length < p.foreignWords) continue;
        const words = wrapper.filter((w) => outer.has(w));
        if (words.length >= p.wrapperShare * wrapper.length) out.push({ article: errors[id].article, words });
      }
    }
    return out;
  }

  /** Error text `id`'s wrapper (chains.ts `wrapperWords`), null when it has none; read once. */
  private wrapperOf(id: number): string[] | null {
    let wrapper = this.wrappers.get(id);
    if (wrapper === undefined) this.wrappers.set(id, (wrapper = wrapperWords(this.index.errors[id].text, 1) ?? null));
    return wrapper;
  }

  /** Every word of the article's text, as the paste's words are read. */
  private wordsOf(article: number): Set<string> {
    let words = this.articleWords.get(article);
    if (!words) {
      words = new Set(termsOf(articleText(this.kb.articles[article], true)));
      this.articleWords.set(article, words);
    }
    return words;
  }

  /** An error text that is a generic line other articles' errors wrap is offered, not answered (genericLines.ts). */
  private capGenericLines(hits: ErrorHit[]): void {
    const cap = this.params.score.innerOnly;
    for (const h of hits) {
      if (h.score <= cap) continue;
      let generic = this.genericLines.get(h.signal);
      if (generic === undefined) {
        generic = isWrappedGenericLine(packedSignals(this.index), (id) => this.index.errors[id].article, h.signal);
        this.genericLines.set(h.signal, generic);
      }
      if (!generic) continue;
      h.score = cap;
      h.genericLine = true;
    }
  }

  /**
   * An error text found by less evidence than `descriptions.weakError` distinctive words (a phrase of common words that a
   * sentence happens to hold: `could not be updated`) says less than a description the prose found: it ranks just below it.
   */
  private weakErrorsBelow(hits: Hit[]): void {
    let best = -1;
    for (const h of hits) if (h.kind === 'description' && h.score > best) best = h.score;
    if (best < 0) return;
    const { weakError, groupStep } = this.params.descriptions;
    const below = round(best - groupStep);
    for (const h of hits) {
      if (h.kind !== 'error' || h.score <= below || h.breakdown.evidenceWords >= weakError) continue;
      h.score = below;
      h.belowDescription = below;
    }
  }

  /** A bounce whose status code is not the error text's (nor its article's) is offered, not answered (statusCodes.ts). */
  private capOtherStatus(hits: ErrorHit[], terms: ReadonlySet<string>): void {
    const cap = this.params.score.withoutCode;
    if (!hits.some((h) => h.score > cap)) return;
    const pasted = statusTerms(terms);
    if (pasted.size === 0) return;
    const { errors } = this.index;
    if (!this.articleStatusCodes) {
      const codes: Set<string>[] = [];
      const coded: number[][] = [];
      errors.forEach((e, id) => {
        const own = statusTerms(e.terms);
        if (own.size) (coded[e.article] ??= []).push(id);
        for (const c of own) (codes[e.article] ??= new Set()).add(c);
      });
      this.articleStatusCodes = codes;
      this.articleCodedTexts = coded;
    }
    for (const h of hits) {
      if (h.score <= cap) continue;
      const e = errors[h.signal];
      const textCodes = () => this.textCodesOf(e.article);
      const codes = this.articleStatusCodes[e.article] ?? NO_CODES;
      if (otherStatusCode(e.terms, codes, pasted, textCodes)) {
        h.score = cap;
        h.otherStatus = true;
      } else if (codes.size >= OVERVIEW_CODES && statusTerms(e.terms).size === 0 && !this.rowExplained(e.article, pasted, terms)) {
        h.score = cap;
        h.otherRow = true;
      }
    }
  }

  /**
   * An overview's error text without a code (the NDR format `Diagnostic information for administrators Generating server:
   * <server name> … <enhanced status code> <SMTP response>`) stands for the row of the pasted code: answered only when the
   * paste holds that row, its code and `rowWords` of the row's other words (at least `rowShare` of them). Otherwise the
   * paste's own line, the one with the code, is another error's, and the overview matched only what every bounce prints.
   */
  private rowExplained(article: number, pasted: ReadonlySet<string>, terms: ReadonlySet<string>): boolean {
    const { rowWords, rowShare } = this.params.score.overviewRow;
    for (const id of this.articleCodedTexts?.[article] ?? []) {
      const e = this.index.errors[id];
      if (!e.terms.some((t) => pasted.has(t))) continue;
      const words = new Set(e.terms.filter((t) => !isStatusTerm(t) && !STOPWORDS.has(t)));
      let found = 0;
      for (const t of words) if (terms.has(t)) found++;
      if (found >= rowWords && found >= rowShare * words.size) return true;
    }
    return false;
  }

  /** The status codes the article's own text names: its title, symptoms (with their error texts), cause and steps. */
  private textCodesOf(article: number): ReadonlySet<string> {
    let codes = this.articleTextCodes.get(article);
    if (!codes) {
      codes = statusCodesIn(articleText(this.kb.articles[article], false));
      this.articleTextCodes.set(article, codes);
    }
    return codes;
  }

  /**
   * Stage 4b, scenario: an error hit that could be answered, in a paste that says where it happened (command,
   * script, tool, service, event id) none of which is the article's scenario, is capped: offered, not answered.
   */
  private checkScenario(hits: ErrorHit[], paste: Paste): void {
    const cap = this.params.score.otherScenario;
    if (!hits.some((h) => h.score > cap)) return;
    const denied = deniedDeployments(paste.lines.join('\n'));
    for (const h of hits) {
      if (h.score <= cap) continue;
      const a = this.kb.articles[h.article];
      const named = deniedInTitle(denied, [a.title.en, a.title.de]);
      if (named === undefined) continue;
      h.score = cap;
      h.deniedScenario = named;
    }
    const productCap = this.params.score.otherProduct;
    const onPremises = pasteOnPremises(paste.cut);
    if (onPremises !== undefined)
      for (const h of hits) {
        if (h.score <= productCap || !onlineOnly(this.kb.articles[h.article])) continue;
        let article = this.scenarios.get(h.article);
        if (!article) this.scenarios.set(h.article, (article = articleScenario(this.kb.articles[h.article])));
        if (namesProduct(article.squashed, onPremises)) continue;
        h.score = productCap;
        h.otherProduct = onPremises;
      }
    // The paste as cut, not its lines: tokenizing masks the host names (`….prod.outlook.com`) this reads.
    const cloud = onPremises === undefined ? pasteCloudOnly(paste.cut) : undefined;
    if (cloud !== undefined)
      for (const h of hits) {
        if (h.score <= productCap || !serverOnly(this.kb.articles[h.article])) continue;
        let article = this.scenarios.get(h.article);
        if (!article) this.scenarios.set(h.article, (article = articleScenario(this.kb.articles[h.article])));
        if (namesCloud(article.squashed)) continue;
        h.score = productCap;
        h.otherProduct = cloud;
        h.inCloud = true;
      }
    const w = (paste.where ??= this.pasteWhere(paste));
    if (!w.scenario.lines.length) return;
    const { scenario, lineOf, sizes, counts, beside } = w;
    const lines = sizes.length;
    const own = (k: number) => isErrorsLine(sizes[k], counts[k]);
    for (const h of hits) {
      if (h.score <= cap) continue;
      let article = this.scenarios.get(h.article);
      if (!article) this.scenarios.set(h.article, (article = articleScenario(this.kb.articles[h.article])));
      // The lines that are the matched error (pasteWhere: half their words or more found), counted from the words found.
      counts.fill(0);
      for (let f = 0; f < h.found.length; f++) {
        const on = lineOf.get(h.found[f]);
        if (on) for (const k of on) counts[k]++;
      }
      let mask = 0;
      let text = '';
      if (lines <= 30) for (let k = 0; k < lines; k++) mask |= own(k) ? 1 << k : 0;
      else for (let k = 0; k < lines; k++) text += own(k) ? '1' : '0';
      const key = lines <= 30 ? mask : text;
      // Near-duplicate hits find the same words: the paste's anchors beside them are read once per set of such lines.
      let where = beside.get(key);
      if (!where) beside.set(key, (where = whereBeside(scenario, own)));
      const other = outsideScenario(where, article);
      if (!other) continue;
      h.score = cap;
      h.otherScenario = other;
    }
  }

  /** The paste's lines that name a scenario, and where each of their words stands (checkScenario), read once per paste. */
  private pasteWhere(paste: Paste): PasteWhere {
    const scenario = pasteScenario(paste.lines, paste.content);
    const lineOf = new Map<number, number[]>();
    const sizes = new Int32Array(scenario.lines.length);
    scenario.lines.forEach((line, k) => {
      sizes[k] = line.terms.length;
      // A word the index lacks is no error text's word found: it only counts in the line's size.
      for (const t of line.terms) {
        const id = this.index.vocab.ids.get(t);
        if (id === undefined) continue;
        let on = lineOf.get(id);
        if (!on) lineOf.set(id, (on = []));
        on.push(k);
      }
    });
    return { scenario, lineOf, sizes, counts: new Int32Array(sizes.length), beside: new Map() };
  }

  /**
   * Stage 4b, foreign program: an error hit that could be answered, in a paste printed by another program than
   * Microsoft's (a Python, Java, Node, PHP or third-party .NET stack, a client library, a relay's own refusal), is capped
   * unless its article's own text names programs of some kind (apps, clients, scripts, EWS, SMTP AUTH…).
   */
  private capForeignProgram(hits: ErrorHit[], text: string): void {
    const cap = this.params.score.foreignProgram;
    if (!hits.some((h) => h.score > cap)) return;
    const shown = foreignProgram(text);
    if (shown === undefined) return;
    for (const h of hits) {
      if (h.score <= cap) continue;
      let named = this.programsNamed.get(h.article);
      if (named === undefined) this.programsNamed.set(h.article, (named = programNamed(this.kb.articles[h.article]) ?? null));
      if (named !== null) continue;
      h.score = cap;
      h.foreignProgram = shown;
    }
  }

  /**
   * Articles the paste's error contradicts right after the name of its family: one of their error texts fits well enough
   * to be offered (`decision.candidate`) up to where the paste goes on differently just after a status code, error code or
   * exception class (`554 5.2.0 STOREDRV.Submission…` where the article has `554 5.2.0 STOREDRV.Deliver…`), and none fits
   * that well without a contradiction. The paste's error is another member of that family: the article's title and
   * description words (the description path) must not offer it either. (A contradiction after plain words is often a
   * value the article writes differently, a user or an address: it vetoes nothing.)
   * `settled`: error texts a contradiction settled below the floor (errorHits) that could reach `candidate` before it.
   */
  private contradicted(hits: readonly ErrorHit[], settled: readonly number[], view: QueryView): Set<number> {
    const { candidate } = this.params.decision;
    const factor = this.params.score.contradiction;
    const out = new Set<number>();
    const afterFamily = (context: string) => context.split(' ').some((t) => /\d/.test(t) || isStrongTerm(t));
    // Only hits scored to the end know their contradiction; every hit that could reach `candidate` before the factor
    // is (both floors are below it), so the rule reads the same with and without pruning.
    // (A hit's score, not its breakdown's: the scenario cap may have lowered it.)
    const vetoes = (score: number, c: SignalScore['contradiction']) => !!c && score / factor >= candidate && afterFamily(c.context);
    for (const h of hits) if (vetoes(h.score, h.breakdown.contradiction)) out.add(h.article);
    // Those settled early are scored to the end here, only when the description path is read: as matches they would
    // have scored the same (below the floor, no scenario cap reaches them).
    const twins = twinsOf(this.index);
    for (const id of settled) {
      const b = scoreSignal(twins[id], view, this.index, this.params.score);
      if (vetoes(b.score, b.contradiction)) out.add(this.index.errors[id].article);
    }
    for (const h of hits) if (!h.breakdown.contradiction && h.score >= candidate) out.delete(h.article);
    return out;
  }

  /**
   * The paste names words of `article`'s title (not `code` itself, not words every article uses) worth at least
   * `keywords.codeTitleWords` words found in one article only.
   */
  private titleNamed(article: number, view: QueryView, code: string): boolean {
    const unique = Math.log(1 + this.descriptions.titles.length);
    let weight = 0;
    for (const w of titleWordsNamed(this.descriptions, article, view.terms, new Set([code])))
      weight += (this.descriptions.idf.get(w) ?? 0) / unique;
    return weight >= this.params.keywords.codeTitleWords;
  }

  /** Stage 5a: codes that only a few articles hold, offered even when little else of their error was pasted. */
  private codeHits(view: QueryView): CodeHit[] {
    const { code: score, codeFamily, codeMaxArticles, codeTitle, titleCode } = this.params.keywords;
    const hits: CodeHit[] = [];
    // How many of the CODE_FOLLOWERS words after code `t` in error text `id` the paste holds.
    const codeFollowers = (id: number, t: string) => {
      const { terms } = this.index.errors[id];
      const at = terms.indexOf(t);
      const next = terms.slice(at + 1, at + 1 + CODE_FOLLOWERS);
      return { full: next.length === CODE_FOLLOWERS, held: next.filter((w) => view.terms.has(w)).length };
    };
    // The paste's word right after code `t` is not the one error text `id` has there (nor the one after it: a word
    // skipped), wherever the paste holds the code; the code at the paste's end, or before a placeholder, is the error's.
    const nextDiffers = (id: number, t: string) => {
      const { terms, varAfter } = this.index.errors[id];
      const at = terms.indexOf(t);
      if (varAfter[at] || at + 1 >= terms.length) return false;
      const { seq } = view;
      let apart = false;
      for (let p = seq.indexOf(t); p >= 0; p = seq.indexOf(t, p + 1)) {
        const next = seq[p + 1];
        if (next === undefined || next === terms[at + 1] || next === terms[at + 2] || seq[p + 2] === terms[at + 1]) return false;
        apart = true;
      }
      return apart;
    };
    // The paste goes on differently right after code `t` of error text `id`, and holds hardly any of what follows it.
    // A text the paste shares no more than the code with is no match to the scorer (one word says too little), which
    // then reads no contradiction: there the paste's next word tells.
    const otherAfter = (id: number, t: string) => {
      const b = scoreSignal(twinsOf(this.index)[id], view, this.index, this.params.score);
      const c = b.contradiction;
      if (b.found.length === 0 ? !nextDiffers(id, t) : !c || !c.context.split(' ').includes(t)) return false;
      const f = codeFollowers(id, t);
      return f.full && f.held < CODE_FOLLOWERS - 1;
    };
    for (const t of view.terms) {
      if (!isStrongTerm(t) && !isStatusTerm(t)) continue;
      const term = this.index.vocab.ids.get(t);
      const ids = term === undefined ? [] : this.index.postings[term];
      // Held by more articles' error texts than that already: none of it below can count (at 10,000 articles an
      // exception name is in thousands of error texts, whose articles were collected in a set per paste).
      if (this.articlesOver(ids, codeMaxArticles)) continue;
      const inErrors = new Set(Array.from(ids, (id) => this.index.errors[id].article));
      // A code an article names only in its prose (its title, symptom or cause: "HCW8110", an imported article whose
      // error texts lack it) is that article's code too; it counts with the articles that print it.
      const inProse = [...articlesNaming(this.descriptions, t)].filter(([article]) => !inErrors.has(article));
      if (inErrors.size + inProse.length > codeMaxArticles) continue;
      // The paste's error goes on differently right after the code (`ExAssertException: ASSERT: HMACProvider…` where the
      // article has `ExAssertException: ASSERT: ProcessId perf counter…`), and the paste holds hardly any of what follows the
      // code in the article anywhere else either: another error of that family, as in `contradicted`.
      const followers = (id: number) => codeFollowers(id, t);
      const other = (id: number) => otherAfter(id, t);
      // A status code is shared by every bounce of its kind (`5.7.1`, `5.7.3` stand for many messages): it offers an
      // article only where two or more of its error texts begin with the code and the paste's first words and then part
      // (`535 5.7.139 Authentication unsuccessful, federated STS…` / `…, the federated STS URL…`): the article lists
      // that code's variants, and a paste that goes on with another reason is one more of them. One text alone that the
      // paste leaves after its first words is another error (`554 5.2.0 STOREDRV.Submission…` for `…Deliver…`).
      const status = isStatusTerm(t);
      const begins = (id: number) => {
        const f = followers(id);
        return f.full && f.held >= CODE_FOLLOWERS - 1;
      };
      const proseNaming = inProse.length;
      if (status) inProse.length = 0;
      // Per article, its error texts (as written: a text read without its reply code is the same text) that hold the code
      // and the start of the paste's message.
      const variants = new Map<number, Set<string>>();
      if (status)
        for (const id of ids) {
          if (!begins(id)) continue;
          const { article, text } = this.index.errors[id];
          variants.set(article, (variants.get(article) ?? new Set()).add(text));
        }
      // When that article is the only one that names the code at all (in error texts or prose), it is the article about the
      // code's family and the paste is one more of its members: answered (`codeFamily`).
      const sole = status && inErrors.size === 1 && proseNaming === 0;
      // An error code (HCW, result or sign-in code: not an exception class, which names a family) that one article alone
      // holds, pasted with that article's title words (not the code's own): the code says which error, the title where it
      // happened — answered (`codeTitle`).
      const own =
        isCodeTerm(t) && inErrors.size + inProse.length === 1 && this.titleNamed(inErrors.size ? [...inErrors][0] : inProse[0][0], view, t);
      const codeScore = sole ? codeFamily : own ? codeTitle : score;
      for (const id of ids) {
        if (status ? (variants.get(this.index.errors[id].article)?.size ?? 0) < 2 || !begins(id) : other(id)) continue;
        const sig = this.index.errors[id];
        hits.push({
          kind: 'code',
          article: sig.article,
          symptom: sig.symptom,
          score: codeScore,
          terms: [t],
          code: t,
          ...(own ? { titleNamed: true as const } : {}),
        });
      }
      for (const [article, symptom] of inProse)
        hits.push({ kind: 'code', article, symptom, score: codeScore, terms: [t], code: t, ...(own ? { titleNamed: true as const } : {}) });
    }
    // A status code that an article's title names (`Fix NDR error "550 5.7.23"…`), or, when no title names it, a range
    // that a title names (`451 4.7.500-699`): that article is about the code, offered (never answered) however few of
    // its words the paste holds — not where the paste goes on differently than one of its error texts holding the code,
    // right after a code or name of a family (`554 5.2.0 STOREDRV.Submission…` where it has `…STOREDRV.Deliver…`).
    const diverges = (id: number, t: string) => {
      const { terms, varAfter } = this.index.errors[id];
      const at = terms.indexOf(t);
      const { seq } = view;
      let apart = false;
      for (let p = seq.indexOf(t); p >= 0; p = seq.indexOf(t, p + 1)) {
        let k = 0;
        while (!varAfter[at + k] && at + k + 1 < terms.length && p + k + 1 < seq.length && terms[at + k + 1] === seq[p + k + 1]) k++;
        // Followed to a placeholder or to either end: this occurrence is the error's. Else the paste goes on differently,
        // unless it only skipped a word of the text or put one in.
        if (varAfter[at + k] || at + k + 1 >= terms.length || p + k + 1 >= seq.length) return false;
        if (seq[p + k + 1] === terms[at + k + 2] || seq[p + k + 2] === terms[at + k + 1]) return false;
        apart = true;
      }
      return apart;
    };
    for (const t of view.terms) {
      if (!isStatusTerm(t)) continue;
      const titles = this.titleCodesOf();
      let articles = titles.exact.get(t);
      const how = articles ? 'exact' : 'range';
      articles ??= [...new Set(titles.ranges.filter((r) => inStatusRange(t, r.range)).map((r) => r.article))];
      if (!articles.length || articles.length > codeMaxArticles) continue;
      const term = this.index.vocab.ids.get(t);
      const ids = term === undefined ? [] : this.index.postings[term];
      for (const article of articles) {
        if (Array.from(ids).some((id) => this.index.errors[id].article === article && diverges(id, t))) continue;
        const { symptoms } = this.kb.articles[article];
        const carrying = symptoms.find((s) => Object.values(s.errors).some((es) => es?.some((e) => statusCodesIn(e).has(t))));
        const symptom = (carrying ?? symptoms[0])?.id ?? null;
        hits.push({ kind: 'code', article, symptom, score: titleCode, terms: [t], code: t, title: how });
      }
    }
    return hits;
  }

  /**
   * Stage 5b: keyword phrases found in the paste: per-symptom scores, and per article the number of its
   * topic phrases (which never make a candidate alone, but tip ties between articles that share an error text).
   * `families`: a family's symptom (`familySymptom`) named alone is listed, not offered.
   */
  private keywordHits(
    seq: readonly string[],
    families: boolean,
  ): { hits: KeywordHit[]; topics: Map<number, number>; topicPhrases: Map<number, Set<string>> } {
    const p = this.params.keywords;
    const symptomPhrases = new Map<string, { article: number; symptom: string; terms: string[]; phrases: string[] }>();
    const topicPhrases = new Map<number, Set<string>>();
    const contextPhrases = new Map<string, Set<string>>();
    const add = (map: Map<string | number, Set<string>>, key: string | number, value: string) =>
      map.set(key, (map.get(key) ?? new Set()).add(value));
    for (let i = 0; i < seq.length; i++) {
      const starting = this.index.phrases.get(seq[i]);
      if (!starting) continue;
      for (const ph of starting) {
        // A loop, not every() with a closure: common words start many phrases, and this runs for each of their words
        // (the first word is the map's key).
        let k = 1;
        while (k < ph.terms.length && seq[i + k] === ph.terms[k]) k++;
        if (k < ph.terms.length) continue;
        const phrase = ph.terms.join(' ');
        const key = `${ph.article}\u0000${ph.symptom}`;
        if (ph.symptom === null) add(topicPhrases, ph.article, phrase);
        else if (ph.topic) add(contextPhrases, key, phrase);
        else {
          const hit = symptomPhrases.get(key);
          if (hit) {
            hit.terms.push(...ph.terms);
            hit.phrases.push(phrase);
          } else symptomPhrases.set(key, { article: ph.article, symptom: ph.symptom, terms: [...ph.terms], phrases: [phrase] });
        }
      }
    }
    const hits: KeywordHit[] = [];
    for (const [key, { article, symptom, terms, phrases }] of symptomPhrases) {
      const topics = [...(topicPhrases.get(article) ?? []), ...(contextPhrases.get(key) ?? [])];
      const score = p.symptom + Math.min(p.topicMax, p.topic * topics.length);
      // A symptom many articles describe, named without this article's topic phrases, names the family: listed, not offered.
      const family = families && !topics.length && this.familySymptom(article, symptom);
      const hit: KeywordHit = {
        kind: 'keyword',
        article,
        symptom,
        score: family ? p.familyScore : score,
        terms,
        keywords: phrases,
        topics,
      };
      if (family) hit.family = true;
      hits.push(hit);
    }
    const topics = new Map([...topicPhrases].map(([article, phrases]) => [article, phrases.size]));
    return { hits, topics, topicPhrases };
  }

  /** Per symptom (`article\u0000symptom`), whether it is a family's symptom (`familySymptom`), once known. */
  private readonly families = new Map<string, boolean>();

  /**
   * A symptom that many articles describe (`free/busy`: the symptom of a dozen hybrid, sharing and permission articles): one of
   * its keywords, in either language, stands whole in the titles, symptom keywords or descriptions of at least
   * `keywords.familyArticles` articles. Named alone, without the article's topic phrases, it names the family, not this article.
   */
  private familySymptom(article: number, symptom: string): boolean {
    const key = `${article}\u0000${symptom}`;
    let family = this.families.get(key);
    if (family === undefined) {
      const least = this.params.keywords.familyArticles;
      const s = this.kb.articles[article].symptoms.find((x) => x.id === symptom);
      const phrases = s?.keywords ? Object.values(s.keywords).flat() : [];
      family = phrases.some((ph) => articlesHolding(this.descriptions, proseTerms(ph)) >= least);
      this.families.set(key, family);
    }
    return family;
  }

  /**
   * Stage 5c: a description or question that names a symptom in the words of its title and description is
   * offered; with the article's topic phrases (its cause: `TLS 1.2`, `legacy TLS`) it is scored like the
   * symptom's own keyword with them, so symptom and cause named together can be answered.
   */
  private descriptionHits(
    view: QueryView,
    topicPhrases: Map<number, Set<string>>,
    bridged: boolean,
    text: string,
    translated: TranslatedWords,
    problem = false,
    frame: ReadonlySet<string> = NO_WORDS,
  ): DescriptionHit[] {
    const p = this.params.descriptions;
    const k = this.params.keywords;
    const hits: DescriptionHit[] = [];
    const implied = impliedTerms(view.seq);
    const terms = withPhrases(implied.length ? new Set([...view.terms, ...implied]) : view.terms, text);
    // An event record's field names are part of what the paste says, but no article's words: found in none (eventFrame.ts).
    const seq = frame.size ? view.seq.filter((t) => !frame.has(t)) : view.seq;
    const fits = addPairs(scoreDescriptions(this.descriptions, terms, p, bridged, frame), this.descriptions, this.kb, seq, p, translated);
    const offered = offeredDescriptions(fits, p, bridged, problem);
    offered.forEach((d, rank) => {
      const topics = [...(topicPhrases.get(d.article) ?? [])];
      const score = p.score + Math.min(k.topicMax, k.topic * topics.length) - rank * p.groupStep;
      const hit: DescriptionHit = { kind: 'description', article: d.article, symptom: d.symptom, score, terms: d.found, fit: d, topics };
      // Symptom and cause named together: the problem and what lies behind it (kept only when nothing else is offered: causeAlone).
      // Only where other articles compete: in a knowledge base of one article every word of its cause is "distinctive".
      // (Not in a long post's problem sentences: what they find is offered.)
      if (offered.length === 1 && !bridged && !problem && score < p.causeScore && fits.some((f) => f.article !== d.article)) {
        const named = namedParts(this.descriptions, d);
        if (named.symptom >= p.causeSymptom && named.causeWords >= p.causeWords && named.cause >= p.causeWeight) {
          hit.cause = { words: named.causeWords, weight: named.cause, offered: score };
          hit.score = p.causeScore;
        }
      }
      hits.push(hit);
    });
    // A title written (almost) whole names its article, however common its words: offered ahead of a keyword alone.
    const titled = titlesNamed(
      this.descriptions,
      this.kb,
      seq,
      fits.map((d) => d.article),
      p,
    );
    for (const article of titled) {
      const topics = [...(topicPhrases.get(article) ?? [])];
      const score = p.score + p.titleBonus + Math.min(k.topicMax, k.topic * topics.length);
      const had = hits.find((h) => h.article === article);
      if (had) {
        had.score = Math.max(had.score, score);
        had.title = true;
        continue;
      }
      const best = fits.find((d) => d.article === article)!;
      hits.push({ kind: 'description', article, symptom: best.symptom, score, terms: best.found, fit: best, topics, title: true });
    }
    // Cause and scenario named together ("legacy TLS … hybrid broken"): the article's topic phrases with a word
    // of its title, scored like a description with those topics.
    for (const [article, phrases] of topicPhrases) {
      if (hits.some((h) => h.article === article)) continue;
      const topicWords = new Set([...phrases].flatMap((ph) => ph.split(' ')));
      const named = titleWordsNamed(this.descriptions, article, frame.size ? new Set(seq) : view.terms, topicWords);
      if (!named.length) continue;
      const best = fits.find((d) => d.article === article)!;
      const score = p.score + Math.min(k.topicMax, k.topic * phrases.size);
      // No symptom named: the article as a whole (symptom null).
      hits.push({
        kind: 'description',
        article,
        symptom: null,
        score,
        terms: [...best.found, ...topicWords],
        fit: best,
        topics: [...phrases],
      });
    }
    return hits;
  }

  /**
   * A description scored for naming symptom and cause (`DescriptionHit.cause`) is answered only as the one thing the paste
   * points to: where another article is offered too (an error text, code, keyword or description of it scores
   * `decision.candidate` or more), it is offered like any description; so too where an error text of its own article is
   * (a rule kept that error from an answer — another status code, another scenario — and the prose does not overrule it).
   * An error text found by a phrase of common words (`weakErrorsBelow` ranks it below the description) points nowhere.
   * A paste that goes on differently from an error text of the article (`settled`: contradicted below the floor) pasted
   * another error, not a description: its words in the article's cause are that error's words.
   */
  private causeAlone(hits: Hit[], errorHits: readonly ErrorHit[], settled: readonly number[]): void {
    const named = hits.find((h): h is DescriptionHit => h.kind === 'description' && !!h.cause);
    if (!named) return;
    const otherError =
      errorHits.some((h) => h.article === named.article && h.breakdown.contradiction) ||
      settled.some((id) => this.index.errors[id].article === named.article);
    if (otherError) {
      named.score = named.cause!.offered;
      return;
    }
    const { candidate } = this.params.decision;
    const { weakError } = this.params.descriptions;
    const weak = (h: Hit) => h.kind === 'error' && h.breakdown.evidenceWords < weakError;
    if (hits.some((h) => h !== named && h.score >= candidate && !weak(h))) named.score = named.cause!.offered;
  }

  /** Stage 6: best hit per article, containers and the topic tie-break applied, best first. */
  private rank(hits: Hit[], topics: Map<number, number>, explaining: boolean): Ranked[] {
    const p = this.params.ranking;
    const best = new Map<number, Hit>();
    for (const h of hits) {
      const cur = best.get(h.article);
      if (!cur || h.score > cur.score) best.set(h.article, h);
    }
    const leaders = [...best.values()];
    // In the order their articles first came up (ErrorHit.place): a match inside several containers is lowered by the first.
    const contenders = leaders
      .filter((o): o is ErrorHit => o.kind === 'error' && o.score >= p.containerFrom)
      .sort((a, b) => a.place - b.place);
    // Per contested container: the match inside it that fit its own error best.
    const contestedBy = new Map<Hit, Hit>();
    // The cheap tests' fields of every contender side by side: hundreds of leaders each scan them (10,000 articles).
    // (Filled by a loop: `Float64Array.from` with a mapping function walks an iterator, an object per element.)
    const cScore = new Float64Array(contenders.length);
    const cWords = new Int32Array(contenders.length);
    const cMask = new Int32Array(contenders.length);
    for (let k = 0; k < contenders.length; k++) {
      cScore[k] = contenders[k].score;
      cWords[k] = contenders[k].found.length;
      cMask[k] = contenders[k].mask;
    }
    const containerOf = (h: ErrorHit): ErrorHit | undefined => {
      const least = h.score - p.containerWindow;
      const words = h.found.length;
      for (let k = 0; k < contenders.length; k++) {
        if (cScore[k] < least || cWords[k] <= words || (h.mask & ~cMask[k]) !== 0) continue;
        const o = contenders[k];
        if (o !== h && o.sameError[0] !== h.sameError[0] && strictlyInside(h.found, o.found)) return o;
      }
      return undefined;
    };
    const ranked = leaders.map((h): Ranked => {
      const adjustments: Ranked['adjustments'] = explaining ? [] : NO_ADJUSTMENTS;
      const topicCount = Math.min(2, topics.get(h.article) ?? 0);
      const tiebreak = h.score >= p.tiebreakFrom ? p.topicTiebreak * topicCount : 0;
      if (tiebreak > 0 && explaining)
        adjustments.push({ rule: 'topics', note: `+${round(tiebreak)}: ${topicCount} of the article's topic phrases in the paste` });
      // A match whose words are all inside what another match found (a generic wrapper inside a longer,
      // specific error) is weaker evidence than that one, however well it covers its own short text.
      // Only a container about as good counts (a contradicted variant that happens to share the words
      // doesn't), and only matches that could be shown are compared.
      // (Cheap tests first: a container holds more words, and every word's bit in its mask.)
      const container = h.kind === 'error' && h.score >= p.containedFrom ? containerOf(h) : undefined;
      let score = h.score;
      if (container) {
        score = Math.min(h.score, container.score - p.containerGap);
        // It fit its own error better than the container fits its: the paste is that error as much as the container's.
        // (How well each fits its own error: before the caps, which a scenario or a generic line sets alike for both.)
        const fitsBetter = h.kind === 'error' && h.breakdown.score > container.breakdown.score && h.score >= container.score;
        if (fitsBetter && h.score > (contestedBy.get(container)?.score ?? 0)) contestedBy.set(container, h);
        if (explaining)
          adjustments.push({
            rule: 'container',
            note: `lowered to ${round(score)}: every word it found lies inside what ${this.kb.articles[container.article].id} found`,
          });
      }
      const r: Ranked = { hit: h, score: round(Math.max(0, Math.min(1, score + tiebreak))), adjustments };
      if (h.kind === 'error') r.sameError = h.sameError;
      return r;
    });
    for (const r of ranked) {
      const by = contestedBy.get(r.hit);
      if (by === undefined) continue;
      const rival = by.score;
      r.contested = rival;
      r.contestedBy = by;
      if (explaining)
        r.adjustments.push({
          rule: 'container',
          note: `contested: a match it contains fit its own error better (${round(rival)}), so it must lead that score too to be answered`,
        });
    }
    // Equal scores in the order of how well each error text fit the paste before the caps (a scenario or generic-line
    // cap gives a text the paste holds whole and one it holds in part the same score: it says "offer", not which fits
    // better), then of the articles' ids (localeCompare order, precomputed: idOrder).
    const order = this.idOrder;
    const fit = (x: Hit, y: Hit) => (x.kind === 'error' && y.kind === 'error' ? y.breakdown.score - x.breakdown.score : 0);
    return ranked.sort((x, y) => y.score - x.score || fit(x.hit, y.hit) || order[x.hit.article] - order[y.hit.article]);
  }

  /**
   * Stage 6b: a contested container leads a match inside it that fit its own error better (decide.ts answers neither:
   * both errors fit the paste). Which of the two comes first is then decided as a tie is: by how well the rest of the
   * paste fits their titles and symptom descriptions — `The proxy address … is already being used` from a post about
   * mail users is the proxy-conflict article's before the public-folder sync article's, whose longer error holds it.
   */
  private settleContest(ranked: Ranked[], view: QueryView, explaining: boolean): Ranked[] {
    const top = ranked[0];
    const inside = top?.contestedBy && ranked.find((r) => r.hit === top.contestedBy);
    if (!inside || this.aboutRest(inside, view) <= this.aboutRest(top, view)) return ranked;
    const note = () =>
      `put before ${this.kb.articles[top.hit.article].id}, the contested container it lies in: the rest of the paste fits its title and descriptions better`;
    // Still no answer: the container's score stays the lead to beat.
    const head: Ranked = {
      ...inside,
      score: top.score,
      contested: top.score,
      adjustments: explaining ? [...inside.adjustments, { rule: 'container', note: note() }] : NO_ADJUSTMENTS,
    };
    return [head, ...ranked.filter((r) => r !== inside)];
  }

  /** The status codes articles' titles name, exactly and as ranges (`4.7.500-699`), read once. */
  private titleCodesOf(): NonNullable<Matcher['titleCodes']> {
    if (this.titleCodes) return this.titleCodes;
    const exact = new Map<string, number[]>();
    const ranges: { range: StatusRange; article: number }[] = [];
    this.kb.articles.forEach((a, i) => {
      for (const title of Object.values(a.title)) {
        if (!title) continue;
        for (const c of statusCodesIn(title)) {
          const list = exact.get(c) ?? [];
          if (!list.includes(i)) exact.set(c, [...list, i]);
        }
        for (const range of statusRangesIn(title)) ranges.push({ range, article: i });
      }
    });
    return (this.titleCodes = { exact, ranges });
  }

  /**
   * Stage 7b, for a choice only: when the best match is a symptom whose error texts are one status code's line (an
   * overview article's table row, `5.6.11 Invalid characters`, in an article whose errors name three codes or more) and
   * one other article is about that code — the only title that names it (`Fix NDR error "550 5.6.11"…`) — that article
   * is offered first, at the same score, and the row right after it: the overview sends its reader there. An answer is
   * never changed. Its note is written only when explaining, like ranking's.
   */
  private codeArticleFirst(ranked: Ranked[], explaining: boolean): Ranked[] {
    const top = ranked[0];
    if (!top) return ranked;
    const article = this.kb.articles[top.hit.article];
    const symptom = article.symptoms.find((s) => s.id === top.hit.symptom);
    const texts = symptom ? Object.values(symptom.errors).flat() : [];
    if (!texts.length) return ranked;
    const codes = new Set(texts.flatMap((e) => [...statusCodesIn(e ?? '')]));
    if (codes.size !== 1) return ranked;
    const [code] = codes;
    // Every error text of the symptom begins with the code (optionally after its SMTP reply code): a status line.
    const lead = (e: string) =>
      statusCodesIn(
        e
          .trim()
          .replace(/^\d{3}\s+/, '')
          .split(/\s/)[0],
      ).has(code);
    if (!texts.every((e) => lead(e ?? ''))) return ranked;
    // An overview of several codes (a table of them), not one more article about the same error.
    const named = new Set(
      article.symptoms.flatMap((s) => Object.values(s.errors).flatMap((es) => (es ?? []).flatMap((e) => [...statusCodesIn(e)]))),
    );
    if (named.size < OVERVIEW_CODES) return ranked;
    const titled = this.titleCodesOf().exact.get(code);
    const own = titled?.length === 1 ? titled[0] : -1;
    if (own < 0 || own === top.hit.article) return ranked;
    const target = this.kb.articles[own];
    const carrying = target.symptoms.find((s) => Object.values(s.errors).some((es) => es?.some((e) => statusCodesIn(e).has(code))));
    const head: Ranked = {
      hit: { ...top.hit, article: own, symptom: (carrying ?? target.symptoms[0]).id },
      score: top.score,
      adjustments: explaining
        ? [
            ...top.adjustments,
            {
              rule: 'code-article',
              note: `offered before ${article.id}'s row of this status code: the only article whose title names the code`,
            },
          ]
        : NO_ADJUSTMENTS,
    };
    return [head, top, ...ranked.slice(1).filter((r) => r.hit.article !== own)];
  }

  /** Weight of the rest of the paste (the words its error text did not find) in the article's titles and symptom descriptions. */
  private aboutRest(r: Ranked, view: QueryView): number {
    const found = r.hit.kind === 'error' ? r.hit.found : undefined;
    const { ids } = this.index.vocab;
    return aboutWeight(this.about, r.hit.article, view.terms, found && ((t) => includesId(found, ids.get(t))));
  }

  /**
   * Stage 6c: articles that hold the same error text tie on it; the rest of the paste ("…the cross-forest
   * room mailbox…") decides between them, by the words of their titles and symptom descriptions.
   */
  private breakTies(ranked: Ranked[], view: QueryView, explaining: boolean): Ranked[] {
    const top = ranked[0];
    if (!top?.sameError) return ranked;
    const tied = ranked.filter(
      (r) => r.score >= top.score - this.params.ranking.tie && r.sameError?.some((k) => top.sameError!.includes(k)),
    );
    if (tied.length < 2) return ranked;
    const order = tied.map((r) => ({ r, about: this.aboutRest(r, view) })).sort((a, b) => b.about - a.about || b.r.score - a.r.score);
    // A family: the rest of the paste names none of the first one's scenario words (`score.family`), so it does not say
    // which of the articles holding the error it is: all are offered, none answered.
    const f = this.params.score.family;
    const family = order[0].about < f.fit && top.score > f.cap;
    const familyNote = `; that names no word of the first one's title and descriptions that at most a quarter of the articles use (below ${round(f.fit)}): the error of a family of ${tied.length} articles, capped at ${f.cap} (offered, not answered)`;
    // The tied group keeps its best score at its head; only the order inside it changes.
    const reordered = order.map(({ r, about }, i) => ({
      ...r,
      score: Math.min(i === 0 ? top.score : Math.min(r.score, top.score), family ? f.cap : 1),
      adjustments: explaining
        ? [
            ...r.adjustments,
            {
              rule: 'tie-break' as const,
              note: `tied on the same error with ${tied.length - 1} other article(s); title and description words of the rest of the paste: ${round(about)}${family ? familyNote : ''}`,
            },
          ]
        : NO_ADJUSTMENTS,
    }));
    const after = ranked.filter((r) => !tied.includes(r));
    // What ranks after the family stays after it: a match it held off (a container's contents, another error a little
    // below) is not answered in its place.
    return [...reordered, ...(family ? after.map((r) => (r.score > f.cap ? { ...r, score: f.cap } : r)) : after)];
  }

  /**
   * Stage 6d: two articles whose errors wrap the same inner message in different outer messages (`…couldn't be
   * released. Detailed information: "…1007 AccessDenied…"` and `…provision Exchange to the Partner STS. Detailed
   * Information "…1007 AccessDenied…"`) hold the same error only when the paste says which wrapper it is: every word the
   * leader found also in the other's error text, the paste holds neither article's own part, and the two are offered,
   * not one answered with the other listed as "also covered by". Texts of which one holds every word of the other (the
   * same error, quoted with a tool's prefix) stay equivalents.
   */
  private innerOnly(ranked: Ranked[], explaining: boolean): Ranked[] {
    const top = ranked[0];
    if (top?.hit.kind !== 'error' || !top.sameError) return ranked;
    const lead = top.hit;
    const key = top.sameError[0];
    const own = this.index.errors[lead.signal].ids;
    // Changed in place: every ranked match is this paste's own object (rank, breakTies and settleContest make them), and
    // at 10,000 articles dozens of near-duplicates share the leader's inner message (a copy each was ~17 KB per paste).
    for (let i = 1; i < ranked.length; i++) {
      const r = ranked[i];
      if (r.hit.kind !== 'error' || r.sameError?.[0] !== key) continue;
      // Found with the very same words, near-perfectly (`ranking.sameWordsScore`): the same error to the paste.
      if (sharesFoundKey(r.sameError, top.sameError)) continue;
      const other = this.index.errors[r.hit.signal].ids;
      // One text inside the other (the same error quoted with a prefix) is one error; so is one the paste tells apart.
      if (within(own, other) || within(other, own) || !within(lead.found, other)) continue;
      r.sameError = r.sameError.slice(1);
      if (explaining)
        r.adjustments = [
          ...r.adjustments,
          {
            rule: 'inner-message',
            note: `shares only its inner message with ${this.kb.articles[lead.article].id}, whose own part the paste lacks: not the same error`,
          },
        ];
    }
    return ranked;
  }

  /**
   * Stage 6e: near twins. Two articles quote (almost) the same error text (`The connection to Microsoft Exchange is
   * unavailable…` and `…to the Microsoft Exchange Server is unavailable…`, one prompt from two Outlook versions), so the
   * paste's error finds nearly the same words in both: `score.twins.share` of the weight each found, the other's
   * found too. Each fits well enough to be answered (`score.twins.score`), yet they don't tie (one text fits a word
   * better) and need not share a key. The error cannot tell them apart; the rest of the paste can, as for a tie: the
   * one whose title and descriptions it names (`score.family.fit`) leads; when it names none, all are offered at most
   * `score.family.cap`, none answered.
   */
  private nearTwins(ranked: Ranked[], view: QueryView, explaining: boolean): Ranked[] {
    const top = ranked[0];
    const f = this.params.score.family;
    const t = this.params.score.twins;
    if (top?.hit.kind !== 'error' || top.score < this.params.decision.answer) return ranked;
    const lead = top.hit;
    const twins: Ranked[] = [];
    for (let i = 1; i < ranked.length && ranked[i].score >= t.score; i++) {
      const r = ranked[i];
      if (r.hit.kind !== 'error' || r.hit.article === lead.article) continue;
      // One text the other with words before or after it (a tool's prefix) is the same error quoted: innerOnly's equivalents.
      const [a, b] = [this.index.errors[lead.signal].ids, this.index.errors[r.hit.signal].ids];
      if (holdsRun(a, b) || holdsRun(b, a)) continue;
      if (twinShare(lead, r.hit, this.index) >= t.share && twinShare(r.hit, lead, this.index) >= t.share) twins.push(r);
    }
    if (!twins.length) return ranked;
    const group = [top, ...twins].map((r) => ({ r, about: this.aboutRest(r, view) }));
    group.sort((a, b) => b.about - a.about || b.r.score - a.r.score);
    const first = group[0];
    if (first.about >= f.fit && first.r === top) return ranked;
    const family = first.about < f.fit;
    const note = (r: Ranked) => {
      const others = group.filter((g) => g.r !== r).map((g) => this.kb.articles[g.r.hit.article].id);
      return family
        ? `a near twin of ${others.join(', ')}: their error texts find nearly the same words, and the rest of the paste names no word of its title and descriptions that at most a quarter of the articles use (below ${round(f.fit)}): capped at ${f.cap} (offered, not answered)`
        : `put first among near twins (${others.join(', ')}): the rest of the paste fits its title and descriptions best (${round(first.about)})`;
    };
    // Put first on the rest of the paste, the others are the same error to it (decide.ts: "also covered by"), as a tie's are.
    const head = first.r.sameError ?? [];
    const reordered = group.map(({ r }, i) => ({
      ...r,
      score: family ? Math.min(r.score, f.cap) : i === 0 ? top.score : Math.min(r.score, top.score),
      ...(family || i === 0 ? {} : { sameError: [...(r.sameError ?? []), ...head] }),
      adjustments: explaining && (family || i === 0) ? [...r.adjustments, { rule: 'tie-break' as const, note: note(r) }] : r.adjustments,
    }));
    const after = ranked.filter((r) => !group.some((g) => g.r === r));
    return [...reordered, ...(family ? after.map((r) => (r.score > f.cap ? { ...r, score: f.cap } : r)) : after)];
  }

  /** `explained`: the paste as its hits were scored, to explain the match. */
  private toMatch(r: Ranked, lang: Lang, paste: Paste, explained: QueryView | undefined): Match {
    const a = this.kb.articles[r.hit.article];
    const evidence = quoteLine(r.hit.terms, paste.tokens, paste.lines);
    return {
      article: a.id,
      symptom: r.hit.symptom,
      score: r.score,
      title: pick(a.title, lang).text,
      ...(evidence ? { evidence } : {}),
      ...(explained ? { why: this.explain(r, explained, paste.frame) } : {}),
    };
  }

  /** The evidence behind one ranked match, in words a knowledge author can act on. */
  private explain(r: Ranked, view: QueryView, frame: ReadonlySet<string>): MatchExplanation {
    const h = r.hit;
    const rules: MatchExplanation['rules'] = [];
    const out: MatchExplanation = { kind: h.kind, raw: round(h.score), rules };
    if (h.kind === 'error') {
      const sig = this.index.errors[h.signal];
      const b = h.breakdown;
      const touched = touchedUnits(h.signal, view, this.index, this.params.score);
      out.error = {
        text: sig.text,
        units: sig.units.map((u, k) => ({
          words: sig.terms.slice(u.start, u.end).join(' '),
          pasted: touched[k],
          inner: sig.detailUnit > 0 && k >= sig.detailUnit,
        })),
        found: [...new Set(sig.terms.filter((t, i) => includesId(h.found, sig.ids[i])))],
        missing: [...new Set(sig.terms.filter((t, i) => !includesId(h.found, sig.ids[i])))],
      };
      rules.push({
        rule: 'coverage',
        note: `the paste covers ${round(b.wholeCoverage ?? b.detailCoverage)} of the error text (words and word pairs)`,
      });
      if (b.wholeCoverage !== undefined) {
        rules.push({
          rule: 'inner-message',
          note: `inner message covered ${round(b.detailCoverage)}; it counts ${this.params.score.detailShare} of the score`,
        });
      }
      if (b.evidenceFactor < 1)
        rules.push({
          rule: 'evidence',
          note: `×${round(b.evidenceFactor)}: evidence of ${round(b.evidenceWords)} distinctive words, full confidence needs ${this.params.score.evidenceWords}`,
        });
      if (b.innerOnly)
        rules.push({
          rule: 'inner-message',
          note: `capped at ${this.params.score.innerOnly}: the inner message without its wrapper (other tools print it too; offered, not answered)`,
        });
      if (h.genericLine)
        rules.push({
          rule: 'inner-message',
          note: `capped at ${this.params.score.innerOnly}: the error text is a generic line that other articles' errors hold inside a longer chain (whatever printed it, it is offered, not answered)`,
        });
      if (h.belowDescription !== undefined)
        rules.push({
          rule: 'description',
          note: `lowered to ${h.belowDescription}: found by less than ${this.params.descriptions.weakError} distinctive words, it ranks below the description the paste's prose found`,
        });
      if (h.otherStatus)
        rules.push({
          rule: 'code',
          note: `capped at ${this.params.score.withoutCode}: the paste's status code is not this error's nor its article's (a bounce with another code is another error; offered, not answered)`,
        });
      if (h.otherRow)
        rules.push({
          rule: 'code',
          note: `capped at ${this.params.score.withoutCode}: an overview's text without a code (a format every bounce prints), and the paste holds none of the overview's rows of its status code: the line with the code is another error's (offered, not answered)`,
        });
      if (b.withoutCode)
        rules.push({
          rule: 'code',
          note: `capped at ${this.params.score.withoutCode}: the error carries a code the paste lacks (its message alone may come from another tool; offered, not answered)`,
        });
      if (b.smallPart !== undefined)
        rules.push({
          rule: 'coverage',
          note: `capped at ${this.params.score.smallPart.cap}: the paste holds ${round(b.smallPart)} of the error's weight (less than ${this.params.score.smallPart.share}) and not how it ends (the same beginning may go on as another error; offered, not answered)`,
        });
      if (b.fragment)
        rules.push({
          rule: 'fragment',
          note: `raised to ${this.params.score.fragment}: the paste is a distinctive part of this error and little else (offered, never answered)`,
        });
      if (h.otherOuter)
        rules.push({
          rule: 'scenario',
          note: h.ownOuter
            ? `capped at ${this.params.score.otherOuter.cap}: the paste wraps the error's inner message in an outer message of its own (${h.otherOuter.join(', ')}) and holds nothing of the error's: the message printed by another failure (offered, not answered)`
            : `capped at ${this.params.score.otherOuter.cap}: the paste wraps the error in an outer message this article never names (${h.otherOuter.join(', ')}): the message printed by another failure (offered, not answered)`,
        });
      if (h.otherScenario)
        rules.push({
          rule: 'scenario',
          note: `capped at ${this.params.score.otherScenario}: the paste says it happened in ${h.otherScenario.join(', ')}, none of them in this article's scenario (offered, not answered)`,
        });
      if (h.otherProduct)
        rules.push({
          rule: 'product',
          note: h.inCloud
            ? `capped at ${this.params.score.otherProduct}: the paste was printed in Exchange Online (${h.otherProduct}) and names no on-premises or hybrid side, this article applies to Exchange Server only (offered, not answered)`
            : `capped at ${this.params.score.otherProduct}: the paste runs on an on-premises Exchange server (${h.otherProduct}), this article applies to Exchange Online only (offered, not answered)`,
        });
      if (h.foreignProgram)
        rules.push({
          rule: 'foreign-program',
          note: `capped at ${this.params.score.foreignProgram}: the paste was printed by another program than Microsoft's (${h.foreignProgram}) and this article names no program (apps, clients, scripts, EWS, SMTP AUTH…): offered, not answered`,
        });
      if (h.deniedScenario)
        rules.push({
          rule: 'scenario',
          note: `capped at ${this.params.score.otherScenario}: the paste says it has no ${h.deniedScenario}, the article's title names it (offered, not answered)`,
        });
      if (b.cutAt !== undefined)
        rules.push({ rule: 'inner-message', note: `the paste stops before a "-->" of the error: scored against the text up to it` });
      if (b.contradiction) {
        const c = b.contradiction;
        rules.push({
          rule: 'contradiction',
          note: `×${this.params.score.contradiction}: after "${c.context}" the error goes on with "${c.expected}", the paste with "${c.pasted}"`,
        });
      }
    } else if (h.kind === 'description') {
      out.keywords = [...h.fit.found];
      out.topics = [...h.topics];
      rules.push({
        rule: 'description',
        note: `the symptom's title and description words hold ${round(h.fit.pasteShare)} of the paste's, the paste ${round(h.fit.docShare)} of theirs (${round(h.fit.evidence)} distinctive words)${h.title ? `; the paste writes its title: +${this.params.descriptions.titleBonus}` : ''}${h.topics.length ? `; +${this.params.keywords.topic} per topic phrase` : ''}`,
      });
      if (h.cause)
        rules.push({
          rule: 'description',
          note:
            h.score === h.cause.offered
              ? `names the symptom and ${h.cause.words} words of the article's cause (${round(h.cause.weight)} distinctive words), but another article is offered too: kept at ${h.cause.offered}`
              : `${this.params.descriptions.causeScore}: names the symptom and ${h.cause.words} words of the article's cause (${round(h.cause.weight)} distinctive words), and nothing else is offered`,
        });
    } else if (h.kind === 'keyword') {
      out.keywords = [...h.keywords];
      out.topics = [...h.topics];
      rules.push({
        rule: 'keywords',
        note: `${this.params.keywords.symptom} for the symptom's phrases, +${this.params.keywords.topic} per topic phrase (at most +${this.params.keywords.topicMax})`,
      });
      if (h.family)
        rules.push({
          rule: 'keywords',
          note: `${this.params.keywords.familyScore}: a symptom the titles and descriptions of ${this.params.keywords.familyArticles} articles or more name, without the article's topic phrases: the family's symptom, not this article's (listed, not offered)`,
        });
    } else {
      out.code = h.code;
      rules.push({
        rule: 'code',
        note: h.titleNamed
          ? `${h.score}: a code only this article holds, with words of its title: which error and where`
          : h.score === this.params.keywords.codeFamily
            ? `${h.score}: a status code only this article names, and the start of its message as in several of the article's variants`
            : h.title
              ? `${h.score}: a status code ${h.title === 'exact' ? "the article's title names" : "in a range the article's title names"} (at most ${this.params.keywords.codeMaxArticles} titles)`
              : `${h.score}: a code at most ${this.params.keywords.codeMaxArticles} articles hold`,
      });
    }
    if (h.problemPart) rules.push({ rule: 'description', note: "found only in the post's problem sentences, the story left out: offered" });
    if (h.synonyms)
      rules.push({ rule: 'synonyms', note: `found only with the paste's names read as the articles': ${h.synonyms.join(', ')}` });
    rules.push(...r.adjustments);
    if (frame.size && (h.kind === 'description' || r.adjustments.some((a) => a.rule === 'tie-break')))
      rules.push({
        rule: 'description',
        note: `an event record: the words it writes only as field names (${[...frame].join(', ')}) are no words of a description`,
      });
    return out;
  }
}

/**
 * Places of `ids` in localeCompare order, which ranking uses to order equal scores. Ids are sorted by code
 * units first (fast) and the order checked pair by pair with localeCompare: for the usual lower-case ids the
 * two agree and this costs one localeCompare per id; otherwise they are sorted with it.
 */
function idOrder(ids: readonly string[]): Int32Array {
  const byCodeUnits = ids.map((_, i) => i).sort((a, b) => (ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : 0));
  const agrees = byCodeUnits.every((a, k) => k === 0 || ids[byCodeUnits[k - 1]].localeCompare(ids[a]) < 0);
  const sorted = agrees ? byCodeUnits : ids.map((_, i) => i).sort((a, b) => ids[a].localeCompare(ids[b]));
  const place = new Int32Array(ids.length);
  sorted.forEach((a, k) => {
    const prev = sorted[k - 1];
    place[a] = k > 0 && !agrees && ids[prev].localeCompare(ids[a]) === 0 ? place[prev] : k;
  });
  return place;
}

/** Every id of `a` is in `b`, which has more (both ascending). */
/** Every word of `a` is in `b` (word ids, any order). */
function within(a: Int32Array, b: Int32Array): boolean {
  return a.every((t) => b.includes(t));
}

function strictlyInside(a: Int32Array, b: Int32Array): boolean {
  if (a.length >= b.length) return false;
  let j = 0;
  for (const t of a) {
    while (j < b.length && b[j] < t) j++;
    if (j === b.length || b[j] !== t) return false;
    j++;
  }
  return true;
}

/** How many of the ascending ids `a` the ascending ids `b` hold (each id once in both). */
function sharedIds(a: Int32Array, b: Int32Array): number {
  let n = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i] === b[j]) {
      n++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return n;
}

/** Bit (id mod 32) of every id (ErrorHit.mask). */
function maskOf(ids: Int32Array): number {
  let mask = 0;
  for (let k = 0; k < ids.length; k++) mask |= 1 << (ids[k] & 31);
  return mask;
}

/** `id` is in the ascending `ids`; an unknown term (no id) is not. */
function includesId(ids: Int32Array, id: number | undefined): boolean {
  return id !== undefined && sortedIncludes(ids, id);
}

/**
 * Per content token (`content`: `tokens` without stop words): IN_VALUE when it stands inside single quotes, AFTER_VALUE
 * when it is the first after a quoted value clean-up emptied (QueryView.values) — `is` in `'fabrikam.com' is missing` is
 * a stop word, so the mark passes on to `missing`.
 */
function valuesOf(tokens: Token[], content: Token[]): Uint8Array {
  const values = new Uint8Array(content.length);
  let pending = false;
  for (let i = 0, k = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.afterValue) pending = true;
    if (k >= content.length || content[k] !== t) continue;
    values[k++] = (t.quoted ? IN_VALUE : 0) | (pending && !t.quoted ? AFTER_VALUE : 0);
    pending = false;
  }
  return values;
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

/**
 * The share of the weight of the words `a` found in its error text that `b` found too (near twins, `score.twins`); 0 when
 * `a` found a code, number or exception class that `b` did not (`ATTR34`, `405`): that tells the two errors apart.
 */
function twinShare(a: ErrorHit, b: ErrorHit, index: SignalIndex): number {
  const sig = index.errors[a.signal];
  const { ids, weights } = sig;
  const seen = new Set<number>();
  let all = 0;
  let shared = 0;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i];
    if (seen.has(id) || !sortedIncludes(a.found, id)) continue;
    seen.add(id);
    all += weights[i];
    if (sortedIncludes(b.found, id)) shared += weights[i];
    else if (/\d/.test(sig.terms[i]) || isStrongTerm(sig.terms[i])) return 0;
  }
  return all > 0 ? shared / all : 0;
}

/** Whether `hay` holds every id of `needle` in a row, in its order. */
function holdsRun(hay: Int32Array, needle: Int32Array): boolean {
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let k = 0; k < needle.length; k++) if (hay[i + k] !== needle[k]) continue outer;
    return true;
  }
  return false;
}

/** One of `keys`' found-words keys (those after its first, the inner-message key) is one of `other`'s. */
function sharesFoundKey(keys: readonly string[], other: readonly string[]): boolean {
  for (let i = 1; i < keys.length; i++) if (other.includes(keys[i])) return true;
  return false;
}

/** The pasted line holding most of the evidence, trimmed to a readable length. */
function quoteLine(terms: readonly string[], tokens: Token[], lines: string[]): string | undefined {
  const wanted = new Set(terms);
  // Counts in an array by line (tokens come in line order: the first line with the most wins, as before).
  const perLine = new Int32Array(lines.length);
  for (const t of tokens) if (wanted.has(t.term)) perLine[t.line]++;
  let bestLine = -1;
  let bestCount = 0;
  for (let line = 0; line < perLine.length; line++) {
    if (perLine[line] > bestCount) {
      bestLine = line;
      bestCount = perLine[line];
    }
  }
  if (bestLine < 0) return undefined;
  const text = lines[bestLine].trim().replace(/\s+/g, ' ');
  return text.length > 240 ? `${text.slice(0, 237)}…` : text;
}

/**
 * An article's own text as one string, every language: title, symptoms (descriptions and error texts), cause and
 * steps; `whole` adds the keywords, the symptoms' context and the steps' commands.
 */
function articleText(a: Article, whole: boolean): string {
  const texts = [
    ...Object.values(a.title),
    ...a.symptoms.flatMap((s) => [...Object.values(s.description), ...Object.values(s.errors).flat()]),
    ...Object.values(a.cause),
    ...a.steps.flatMap((st) => Object.values(st.text)),
  ];
  if (whole)
    texts.push(
      ...(a.keywords ? Object.values(a.keywords).flat() : []),
      ...a.symptoms.flatMap((s) => [
        ...(s.keywords ? Object.values(s.keywords).flat() : []),
        ...(s.context ? Object.values(s.context).flat() : []),
      ]),
      ...a.steps.flatMap((st) => (st.commands ?? []).map((c) => c.code)),
    );
  return texts.filter((t): t is string => typeof t === 'string').join('\n');
}

/** `result` with what the paste was read as through the lexicon (`--explain`). */
function explained(result: MatchResult, translation: Translation, from: Lang, outcome: 'unchanged' | 'answered' | 'merged'): MatchResult {
  const terms = translation.applied.map((a) => a.words.join(' '));
  return { ...result, translation: { from, to: from === 'de' ? 'en' : 'de', text: translation.text, terms, outcome } };
}
