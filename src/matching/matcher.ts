/**
 * The matcher: finds the article (and symptom) that explains a pasted error. This file holds the orchestration —
 * `match` (as written, then through the lexicon: bridge.ts), the stages in order (`decideAt`), and the hot stages that
 * keep per-matcher arrays: candidates (stage 2), error scoring (stage 3) and typo repair (stage 4). The other stages
 * live in their own modules, each reading the matcher through a small `MatchContext` (hits.ts):
 *   readPaste.ts (1) · errorCaps.ts, outerCaps.ts (4b–4d) · codeHits.ts, keywordHits.ts, descriptionHits.ts (5a–5c) ·
 *   ranking.ts (6–7b) · decide.ts (7) · explain.ts (the output). README "How matching works" describes the rules.
 */
import type { KnowledgeBase } from '../knowledge/load';
import type { Lang } from '../knowledge/types';
import type { LexiconEntry } from '../knowledge/lexicon';
import { ArticleFacts } from './articleFacts';
import {
  answerThroughTranslation,
  bridgeFor,
  Bridge,
  combineWithTranslation,
  errorVocabularyOf,
  languageFreeTerms,
  otherLanguageIn,
  type Translation,
} from './bridge';
import { codeHits } from './codeHits';
import { decide } from './decide';
import { capCauseDone } from './causeDone';
import {
  causeAlone,
  copyDescribed,
  descriptionHits,
  familyDescriptionHits,
  weakDescriptionHits,
  weakErrorsBelow,
  type Described,
} from './descriptionHits';
import {
  articlesHolding,
  buildAbout,
  buildDescriptions,
  problemPart,
  proseTerms,
  type AboutIndex,
  type DescriptionIndex,
  type DescriptionScore,
  type TranslatedWords,
} from './descriptions';
import {
  capCodeScenario,
  codeArticleAhead,
  capWizardElsewhere,
  capForeignProgram,
  capOtherDirection,
  capGenericLines,
  capOtherStatus,
  capOtherCodeParts,
  capOtherException,
  capOtherStatusProse,
  capUnexplained,
  checkScenario,
  capOtherProduct,
  capCodeElsewhere,
  capOtherVersion,
  contradictedArticles,
  pasteWhere,
} from './errorCaps';
import { explained, focusFitOf, toMatch, translatedFocus } from './explain';
import { buildStepWords, stepIndex, stepRaise, type StepWords } from './stepRaise';
import { bestScore, NO_WORDS, type ErrorHit, type Hit, type MatchContext, type Paste, type Ranked, type Reach } from './hits';
import { keywordHits } from './keywordHits';
import { cleanPaste, type Token } from './normalize';
import { capOtherOuter } from './outerCaps';
import { capOtherMessages } from './advice';
import { capPlatformInner } from './platformLines';
import { packedSignals } from './packed';
import { DEFAULT_PARAMETERS, type MatchParameters } from './parameters';
import { breakTies, codeArticleFirst, idOrder, innerOnly, nearTwins, rank, settleContest } from './ranking';
import { readPaste } from './readPaste';
import { buildQueryView, recyclePasteIds, scoreAbove, type QueryView, type Settled, type SignalScore } from './score';
import { buildSignals, type SignalIndex } from './signals';
import { Synonyms } from './synonyms';
import { twinsOf } from './twins';
import { closestSpelling } from './typoSearch';
import { cutToErrorPart } from './truncate';
import type { MatchOptions, MatchResult } from './types';
import { plainConstructor } from './plain';

/** Pastes longer than this are cut down to their error-looking lines before matching. */
export const MAX_PASTE_CHARS = DEFAULT_PARAMETERS.paste.maxChars;

/**
 * What the constructor builds from a knowledge base, the costly part of a start: plain data (maps, arrays, no
 * functions), so a compiled index file can carry it and a start can skip building it (snapshot.ts).
 */
export interface MatcherIndex {
  signals: SignalIndex;
  /** Per article, the words of its titles and symptom descriptions, with their weight (rarer across articles weighs more). */
  about: AboutIndex;
  descriptions: DescriptionIndex;
  /** Per article, its fix steps' words its title, symptoms and cause don't hold, and how many articles hold each (stepRaise.ts). */
  steps: StepWords;
}

/** Builds the matcher's index of a knowledge base (what `new Matcher(kb)` does unless given one). */
export function buildMatcherIndex(kb: KnowledgeBase, params: MatchParameters = DEFAULT_PARAMETERS): MatcherIndex {
  return {
    signals: buildSignals(kb.articles, params.index),
    about: buildAbout(kb),
    descriptions: buildDescriptions(kb, params.index.stepArticles),
    steps: buildStepWords(kb),
  };
}

/**
 * Stage 7's caps that judge an answer against the whole paste, in the order they run (each only while the decision is still
 * an answer; a cap that lowers it makes it an offer):
 * - the wizard's article, in a paste of another program's run that never names the wizard (errorCaps.ts);
 * - an article on other Exchange Server versions than every one the paste names (errorCaps.ts);
 * - an article whose cause is that something is missing, for a paste that says it was done (causeDone.ts);
 * - an answer by prose whose article is Exchange Online's only, for a paste on an on-premises server (errorCaps.ts);
 * - an answer by a code, for a paste that says it happened elsewhere than the article's scenario (errorCaps.ts).
 */
const PASTE_CAPS = [capWizardElsewhere, capOtherVersion, capCauseDone, capOtherProduct, capCodeElsewhere] as const;

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
  /** The description path's results for this paste, by what was read (`describedOnce`). */
  described: Map<string, Described>;
}

/** The paste's words and its prose's fits as written (not through the lexicon), for the fix steps' evidence (stepRaise.ts). */
interface Written {
  fits: readonly DescriptionScore[];
  terms: ReadonlySet<string>;
  lang: Lang;
}

/** A reading's result, and what the fix steps' evidence reads of it (undefined: its prose was not read as written). */
interface Reading {
  result: MatchResult;
  written: Written | undefined;
}

/** `reading`, a paste decided again after `before`: what the fix steps read is the later one's, else the earlier one's. */
function later(reading: Reading, before: Reading): Reading {
  return reading.written || !before.written ? reading : { result: reading.result, written: before.written };
}

/** How a matcher is made besides its knowledge base, parameters and index. */
export interface MatcherOptions {
  /**
   * The matcher this one replaces (a knowledge reload): its bridge is taken as it is when the lexicon and the bridge
   * parameters are the same (compared as JSON, about a millisecond for the team's lexicon). A reload mostly leaves the
   * lexicon as it was, and building its bridge took tens of milliseconds of the service's thread at every reload (the
   * matcher is restored there: buildThread.ts); a bridge is read only after it is built, so matchers can share one.
   * Default: none, the bridge is built.
   */
  previous?: Matcher;
}

/** What a bridge is built from, as a key: matchers with the same key can share one (`MatcherOptions.previous`). */
function bridgeKey(entries: readonly LexiconEntry[], params: MatchParameters['bridge']): string {
  return JSON.stringify([entries, params]);
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
  /** What the stage modules read of this matcher (hits.ts `MatchContext`), and the article facts it keeps (articleFacts.ts). */
  private readonly ctx: MatchContext;

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

  /** Reads pastes in the other language through the lexicon; null without one. */
  private readonly bridge: Bridge | null;
  /** What `bridge` was built from (bridgeKey), for the matcher that replaces this one; null without a bridge. */
  private readonly bridgeKey: string | null;
  /** `params` with the bridge's rarity counts for this knowledge base's size (bridge.ts `bridgeFor`). */
  private readonly bridgeParams: MatchParameters;
  /** English synonyms a description is read with when as written its words find nothing (synonyms.ts). */
  private readonly synonyms: Synonyms | null;
  /** Per language: some article is not written in it (only then is a paste in that language translated). */
  private readonly missing: Record<Lang, boolean>;
  /** The candidates the first scoring pass found able to reach `floors.listed` (Reach), made on the first paste and reused. */
  private reached: Int32Array | undefined;
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
  /** How scoreSignal settled the text it scored last (errorHits). */
  private readonly settled: Settled = { contradicted: false, score: 0.5 };
  /**
   * The last paste read, its hits and their ranking, held until the next: the paste's tokens, the error texts' scores,
   * the hits and their ranks are made by constructors (plain.ts), whose shapes (V8's hidden classes) live only while
   * one of their objects does. With none alive between two pastes, a full collection freed them and threw away the
   * compiled code that reads them (rank, checkScenario, tokenize's readers: the next matches ran slower until compiled
   * again).
   */
  private last: { paste: Paste; hits: readonly Hit[]; ranked: readonly Ranked[] } | undefined;
  /**
   * This paste's last typo search (repairTypos): its words (`vocabulary`, joined in order) and each unknown word's
   * correction found in them (undefined: none). A paste decided at two floors, and its translation, mostly look up the
   * same words again; let go when the next paste is matched.
   */
  private typos: { vocabulary: string; found: Map<string, string | undefined> } | undefined;
  /** `built`: the index of this very `kb` with these `params`, restored from a compiled index; default: built here. */
  constructor(
    kb: KnowledgeBase,
    params: MatchParameters = DEFAULT_PARAMETERS,
    built: MatcherIndex = buildMatcherIndex(kb, params),
    options: MatcherOptions = {},
  ) {
    this.kb = kb;
    this.params = params;
    this.bridgeParams = { ...params, bridge: bridgeFor(params.bridge, kb.articles.length) };
    this.built = built;
    this.index = built.signals;
    const { decision, ranking } = params;
    const floor = (...xs: number[]) => Math.max(0, Math.min(...xs) - 0.001);
    this.floors = {
      offered: floor(decision.candidate - ranking.tie, ranking.tiebreakFrom, decision.answer - decision.margin),
      listed: floor(decision.listed - ranking.tie, decision.candidate - ranking.tie, ranking.tiebreakFrom),
    };
    const { about, descriptions } = built;
    const facts = new ArticleFacts(kb, params, this.index, descriptions);
    const steps = stepIndex(built.steps, params.descriptions.stepShare);
    this.ctx = { kb, params, index: this.index, about, descriptions, facts, steps, idOrder: idOrder(kb.articles.map((a) => a.id)) };
    this.detailKeys = new Array<readonly string[] | undefined>(this.index.errors.length).fill(undefined);
    const pairs = kb.lexicon?.filter((e) => !e.synonyms) ?? [];
    this.bridgeKey = pairs.length ? bridgeKey(pairs, params.bridge) : null;
    const previous = options.previous;
    this.bridge =
      this.bridgeKey === null ? null : previous?.bridgeKey === this.bridgeKey ? previous.bridge : new Bridge(pairs, params.bridge);
    const synonyms = new Synonyms(kb.lexicon ?? []);
    this.synonyms = synonyms.size ? synonyms : null;
    this.missing = { de: kb.articles.some((a) => !a.languages.includes('de')), en: kb.articles.some((a) => !a.languages.includes('en')) };
  }

  /** Matches the paste as written, then (where articles exist only in the other language) as translated by the lexicon: see bridge.ts. */
  match(text: string, options: MatchOptions = {}): MatchResult {
    // Cut once, before anything reads the paste (the translation and its line mapping too): the work per paste is bounded.
    const max = this.params.paste.maxChars;
    // The last paste's objects are let go before this one is read: a young collection in this match won't copy them.
    this.last = undefined;
    this.typos = undefined;
    // So are the arrays of its ids in the vocabulary (score.ts PasteIds): this paste's take their place.
    recyclePasteIds(this.index.vocab);
    const cut = text.length > max ? cutToErrorPart(text, max) : text;
    const matched = this.matchCut(cut, options);
    let result = matched.result;
    // Last, on the final decision (after the second floor and the lexicon): the fix steps' evidence, never an answer. In the
    // paste's own language, where every article speaks it.
    const written = matched.written;
    if (written && !this.missing[written.lang] && result.decision !== 'answer')
      result = stepRaise(this.ctx, result, written.terms, written.fits, options.lang ?? written.lang, !!options.explain) ?? result;
    return cut === text ? result : { ...result, truncated: true };
  }

  /** The paste as written, then through the lexicon (`throughLexicon`); what the fix steps read is of the reading as written. */
  private matchCut(text: string, options: MatchOptions): Reading {
    const paste = this.read(text, options);
    const direct = this.matchAsWritten(text, options, false, true, NO_WORDS, paste);
    return { result: this.throughLexicon(text, options, paste, direct.result), written: direct.written };
  }

  /** `direct`, the result of `paste` (read from `text`) as written, checked or combined with its reading through the lexicon. */
  private throughLexicon(text: string, options: MatchOptions, paste: Paste, direct: MatchResult): MatchResult {
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
    const notes: string[] | undefined = options.explain ? [] : undefined;
    // Explaining an article: the translation's own reading of it, which the combined result may leave out.
    let via: MatchResult | undefined;
    const reread = this.rematch(translation, options, direct.lang, mixed);
    const combined = combineWithTranslation(
      direct,
      text,
      translation,
      (id) => this.kb.byId.get(id),
      options.article !== undefined ? (t) => (via = reread(t)) : reread,
      this.bridgeParams,
      mixed ? undefined : (words) => this.articlesHolding(words),
      mixed,
      notes,
    );
    if (!options.explain) return combined;
    return explained(
      translatedFocus(combined, via, options.article, this.bridgeParams.bridge.translatedWeight, notes),
      translation,
      source,
      combined === direct ? 'unchanged' : combined.decision === 'answer' ? 'answered' : 'merged',
      notes,
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
    // Whether the paste has lines in a language some articles lack is asked first: for most pastes it has none, and the
    // answer stands without the language-free terms (seven expressions over the whole paste) being looked for.
    const mixed = !this.missing[direct.lang];
    const from = mixed ? otherLanguageIn(lines, direct.lang, tokens) : direct.lang;
    if (!from || !this.missing[from]) return direct;
    const free = languageFreeTerms(text);
    const answered = free.length ? this.kb.byId.get(direct.matches[0].article) : undefined;
    if (!answered) return direct;
    const vocabulary = errorVocabularyOf(answered);
    if (free.every((t) => vocabulary.has(t))) return direct;
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
    const alternatives = new Map<string, string[]>();
    for (const a of translation.applied) {
      const others = (a.alternatives ?? []).filter((w) => w.length === 1).map((w) => w[0]);
      if (a.words.length === 1 && others.length) alternatives.set(a.words[0], others);
    }
    const translated: TranslatedWords = Object.assign(new Set(translation.applied.flatMap((a) => a.words)), {
      pairs: translation.pairs,
      plural: translation.applied.filter((a) => a.plural).map((a) => a.words),
      ...(alternatives.size ? { alternatives } : {}),
    });
    return (t) => this.matchAsWritten(t, { ...options, lang: options.lang ?? lang }, true, !mixed, translated).result;
  }

  /** How many articles' titles and symptom descriptions hold every one of `words` (a word they never use: none). */
  private articlesHolding(words: readonly string[]): number {
    return articlesHolding(this.ctx.descriptions, words);
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
  ): Reading {
    const view = buildQueryView(paste.seq, paste.quoted, paste.arrow, paste.values, paste.properties, paste.arrowed);
    const candidates: ArrayLike<number> = this.candidates(view);
    const focus = options.explain && options.article !== undefined ? this.kb.articles.findIndex((a) => a.id === options.article) : -1;
    // Explaining shows every error text's score. Otherwise first only what could be answered or offered is scored
    // to the end; when nothing is, the matches listed go down further, and the error texts that reach that are scored.
    const read = { text, paste, view, candidates, focus, options, bridged, translated, prose, described: new Map<string, Described>() };
    if (focus >= 0) return this.explainFocused(read);
    if (options.explain || this.floors.offered === 0) return this.decideAt(0, read);
    // The matcher's own array, reused by every paste: a fresh one grown by a push per candidate was 20 KB per paste.
    const reach = { ids: (this.reached ??= new Int32Array(this.index.errors.length)), n: 0 };
    const first = this.decideAt(this.floors.offered, read, reach);
    if (first.result.decision !== 'none') return first;
    return later(this.decideAt(this.floors.listed, read, undefined, reach.ids.subarray(0, reach.n)), first);
  }

  /**
   * An article to explain is scored whatever the pre-filter says, to show why it did not win — but the decision
   * and the other matches are those of the paste without it: explaining must not turn a `none` into an answer.
   */
  private explainFocused(read: ReadPaste): Reading {
    const reading = this.decideAt(0, read);
    const decided = reading.result;
    const all = Array.from(read.candidates);
    this.index.errors.forEach((e, id) => e.article === read.focus && !all.includes(id) && all.push(id));
    const id = this.kb.articles[read.focus].id;
    if (all.length === read.candidates.length || decided.matches.some((m) => m.article === id)) return reading;
    const { result: again, written } = later(this.decideAt(0, { ...read, candidates: all }), reading);
    const focused = again.matches.find((m) => m.article === id);
    if (focused) return { result: { ...decided, matches: [...decided.matches, focused] }, written };
    return { result: again.focusFit && !decided.focusFit ? { ...decided, focusFit: again.focusFit } : decided, written };
  }

  /**
   * Stages 3–7 with error texts scored to the end only when they can reach `floor`. `reach` collects the
   * candidates that can reach `floors.listed` (in order); `first`: candidates to score first, when known.
   */
  private decideAt(floor: number, read: ReadPaste, reach?: Reach, first: ArrayLike<number> = read.candidates): Reading {
    const { text, paste, candidates, focus, options, bridged, translated, prose } = read;
    let view = read.view;
    // The error texts a contradiction settled below the floor that could still veto the description path (contradicted).
    const settled: number[] = [];
    let errorHits = this.errorHits(view, first, floor, settled, reach);
    if (floor > 0) {
      // Typo repair borrows the words of every error text within its window of the best: score those too.
      const best = bestScore(errorHits);
      const { skipAbove, window } = this.params.typos;
      if (best < skipAbove && best - window < floor)
        errorHits = this.errorHits(view, candidates, best >= floor ? Math.max(0, best - window) : 0, settled);
    }
    const repaired = this.repairTypos(paste.seq, view, errorHits);
    if (repaired) {
      view = buildQueryView(repaired, paste.quoted, paste.arrow, paste.values, paste.properties, paste.arrowed);
      errorHits = this.errorHits(view, candidates, floor, settled);
    }
    checkScenario(this.ctx, errorHits, paste);
    capForeignProgram(this.ctx, errorHits, paste.cut);
    capOtherDirection(this.ctx, errorHits, paste.cut);
    capOtherOuter(this.ctx, errorHits, paste, view);
    capGenericLines(this.ctx, errorHits);
    capOtherStatus(this.ctx, errorHits, view.terms);
    capOtherCodeParts(this.ctx, errorHits, paste.cut);
    capOtherException(this.ctx, errorHits, view);
    capOtherMessages(this.ctx, errorHits, paste, view);
    capPlatformInner(this.ctx, errorHits, paste, view);
    // Prose is read only when the paste's errors, keywords and codes give no answer: what they find is better evidence.
    // Prose in a language some articles lack is read through the lexicon, where every article takes part: as
    // written, its words would fit only the articles written in it, however little they fit. As written, only a
    // description that names the article's topic phrases too (symptom and cause) counts.
    const throughLexicon = !bridged && !!this.bridge && this.missing[paste.lang];
    // A family's symptom named alone is listed in a paste as written, in the articles' own language or not (a German
    // `Frei/Gebucht` as English `free/busy`); in its translation, close symptoms of several articles are offered together, the
    // family's among them, but it is never answered there.
    const families = !bridged ? 'list' : 'offer';
    const keywords = keywordHits(this.ctx, view.seq, families);
    const hits: Hit[] = [...errorHits, ...codeHits(this.ctx, view, paste.cut), ...keywords.hits];
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
    let topics = keywords.topicPhrases;
    // The prose's fits as written, for an article to explain that no hit finds (`focusFit`).
    let proseFits: readonly DescriptionScore[] | undefined;
    let kept: Written | undefined;
    if (prose && bestScore(hits) < this.params.decision.answer) {
      const contradicted = contradictedArticles(this.ctx, errorHits, settled, view);
      // The prose's fits as written, for the last resort below (weakDescriptionHits).
      const scored: { fits?: readonly DescriptionScore[] } = {};
      const where = () => (paste.where ??= pasteWhere(this.ctx, paste)).scenario;
      const described = (v: QueryView, phrases: ReadonlyMap<number, ReadonlySet<string>>, keep?: typeof scored) => {
        const once = this.describedOnce(read, `W${v.seq.join('\0')}`, () => {
          const fits: typeof scored = {};
          return {
            hits: descriptionHits(this.ctx, v, phrases, bridged, text, translated, false, paste.frame, fits, where),
            fits: fits.fits,
          };
        });
        if (keep) keep.fits = once.fits;
        return once.hits.filter((h) => (!throughLexicon || h.topics.length > 0) && !contradicted.has(h.article));
      };
      const written = described(view, keywords.topicPhrases, scored);
      if (!bridged && scored.fits) kept = { fits: scored.fits, terms: view.terms, lang: paste.lang };
      proseFits = scored.fits;
      hits.push(...written);
      // Nothing in the prose found as written: read it again with the admins' names rewritten to the articles'.
      const rewritten = !written.length && !keywords.hits.length && this.synonyms?.rewrite(view.seq);
      if (rewritten && rewritten.found.length) {
        const v = buildQueryView([...rewritten.seq], view.quoted, view.arrow);
        const again = keywordHits(this.ctx, v.seq, families);
        const found = [...again.hits, ...described(v, again.topicPhrases)];
        for (const h of found) {
          h.synonyms = rewritten.found;
          // Names rewritten are the articles' words, not the admin's own: a symptom named in them is offered (describedWhole).
          if (h.kind === 'description' && h.cause?.whole) {
            h.score = h.cause.offered;
            delete h.cause;
          }
        }
        hits.push(...found);
        if (found.length) topics = again.topicPhrases;
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
        const once = this.describedOnce(read, `P${part}`, () => {
          const v = buildQueryView(this.read(part, options).seq, view.quoted, view.arrow);
          return { hits: descriptionHits(this.ctx, v, new Map(), bridged, part, translated, true) };
        });
        // Named with rare words (`bare line feeds`, `rareShare`): common words of a sentence or two are no evidence.
        const { minRare } = this.params.descriptions;
        const found = once.hits.filter((h) => !contradicted.has(h.article) && h.fit.rare >= minRare);
        for (const h of found) h.problemPart = true;
        hits.push(...found);
      }
      // Nothing at all offered: the prose's best symptom that fits only weakly, naming its title, is offered as a choice.
      // (In the paste's own language only: read through the lexicon, a description is offered by the rules of the bridge.)
      if (!bridged && !throughLexicon && scored.fits && !hits.some((h) => h.score >= this.params.decision.candidate))
        hits.push(...weakDescriptionHits(this.ctx, scored.fits, contradicted, paste.cut));
      // Still nothing offered, and the paste names a symptom many articles describe (`free/busy`) without a leader: the
      // best-fitting articles that name it are offered together, as a choice.
      // In a translation the family's symptom is offered (keywordHits `offer`); the family offer is made there too, and the
      // family's symptom goes no higher than the first of it (after it, on an equal score: rank's `familyLast`), as English
      // lists it below the offer.
      const familyOffered = (h: Hit) => bridged && h.kind === 'keyword' && !!h.family;
      if (!throughLexicon && scored.fits && !hits.some((h) => h.score >= this.params.decision.candidate && !familyOffered(h))) {
        const offered = familyDescriptionHits(this.ctx, scored.fits, keywords.hits, contradicted, paste.cut);
        if (bridged && offered.length) for (const h of hits) if (familyOffered(h)) h.score = Math.min(h.score, offered[0].score);
        hits.push(...offered);
      }
      causeAlone(this.ctx, hits, errorHits, settled);
      weakErrorsBelow(this.ctx, hits);
    }
    // Prose that found an article whose bounce has another status code than the one the paste quotes (errorCaps.ts).
    capOtherStatusProse(this.ctx, hits, view.terms);
    // What ranking did to a match is written down only to be explained: its notes are strings for every match.
    const explaining = !!options.explain;
    let ranked = nearTwins(
      this.ctx,
      innerOnly(
        this.ctx,
        breakTies(this.ctx, settleContest(this.ctx, rank(this.ctx, hits, topics, explaining), rest, explaining), rest, explaining),
        explaining,
      ),
      rest,
      explaining,
    );
    // An answer whose error explains little of what the paste says in error words, with no code, is offered (errorCaps.ts).
    ranked = capUnexplained(this.ctx, ranked, rest.terms, errorHits);
    const t = this.params.decision;
    let decided = decide(ranked, t);
    // An answer by an NDR's status line that an article titled with its code holds too: one scenario of it (errorCaps.ts).
    if (decided.decision === 'answer') {
      const capped = capCodeScenario(this.ctx, ranked, () => new Set(proseTerms(paste.cut)), view, errorHits, explaining);
      if (capped !== ranked) decided = decide((ranked = capped), t);
    }
    // The caps that judge an answer against the whole paste (PASTE_CAPS), in order, while it is still an answer.
    for (const cap of PASTE_CAPS) {
      if (decided.decision !== 'answer') break;
      const capped = cap(this.ctx, ranked, paste, explaining);
      if (capped !== ranked) decided = decide((ranked = capped), t);
    }
    // In a choice, a status code's own article ahead of an error found in part without the code (errorCaps.ts).
    if (decided.decision === 'clarify') {
      const ahead = codeArticleAhead(this.ctx, ranked, view.terms, () => new Set(proseTerms(paste.cut)), explaining);
      if (ahead !== ranked) decided = decide((ranked = ahead), t);
    }
    this.last = { paste, hits, ranked };
    const { decision } = decided;
    let { offered } = decided;
    // An answer found by a row's prose (a description, not the row's error text pasted) goes where the row sends its reader.
    if (decision === 'clarify' || ranked[0]?.hit.kind === 'description') {
      const before = ranked;
      ranked = codeArticleFirst(this.ctx, ranked, explaining, decision === 'answer');
      if (ranked !== before) offered = Math.min(3, offered + 1);
    }
    // Explaining lists what came close too: why an article did not win matters as much as why one did.
    const listed = decision === 'none' || options.explain;
    const shown = (listed ? ranked.filter((m, i) => i < offered || m.score >= t.listed) : ranked.slice(0, offered)).slice(0, 5);
    const focused = focus >= 0 ? ranked.find((r) => r.hit.article === focus) : undefined;
    if (focused && !shown.includes(focused)) shown.push(focused);
    const lang = options.lang ?? paste.lang;
    const top = ranked[0]?.hit;
    const whole = bridged && decision === 'answer' && top?.kind === 'description' && !!top.cause?.whole;
    // An article to explain that no hit found: how the description path fit it, if its prose was read.
    const focusFit = focus >= 0 && !focused && proseFits ? focusFitOf(this.ctx, proseFits, focus) : undefined;
    const result: MatchResult = {
      decision,
      matches: shown.map((r) => toMatch(this.ctx, r, lang, paste, options.explain ? view : undefined)),
      lang: paste.lang,
      truncated: paste.cut !== text,
      ...(whole ? { describedWhole: true as const } : {}),
      ...(whole && top.cause?.all ? { describedAll: true as const } : {}),
      ...(bridged && top?.kind === 'keyword' && top.family ? { familyFirst: true as const } : {}),
      ...(focusFit ? { focusFit } : {}),
    };
    return { result, written: kept };
  }

  /**
   * `describe()` (the description path, descriptionHits) once per paste read, by `key` (what it reads: a view's words, a
   * problem part's text): a paste the first floor leaves undecided is decided again at the second (matchAsWritten), mostly
   * with the same words, and for a long post the description path is the costliest part of a floor. What reads its hits and
   * fits changes some of them in place (scores, causes, a family's order), so every call gets copies (`copyDescribed`).
   */
  private describedOnce(read: ReadPaste, key: string, describe: () => Described): Described {
    let kept = read.described.get(key);
    if (!kept) read.described.set(key, (kept = describe()));
    return copyDescribed(kept);
  }

  /** Stage 1: the paste read (readPaste.ts). */
  private read(text: string, options: MatchOptions): Paste {
    return readPaste(text, options.lang, this.params);
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
      if (term !== undefined) n = addPostings(postings[term], weight, term, acc, reached, n);
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
    const best = bestScore(hits);
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
    const words = [...vocabulary];
    const key = words.join('\n');
    if (this.typos?.vocabulary !== key) this.typos = { vocabulary: key, found: new Map() };
    const { found } = this.typos;
    const fix = new Map<string, string>();
    for (const u of [...unknown].slice(0, p.maxWords)) {
      let item = found.get(u);
      if (item === undefined && !found.has(u)) found.set(u, (item = closestSpelling(u, words, p.maxScore)));
      if (item !== undefined) fix.set(u, item);
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
      hits.push(new ErrorHitOf(id, sig.article, sig.symptom, score, sig.terms, sameError, found, maskOf(found), breakdown, articlePlace));
    }
    // Read in this call only: kept past it, a paste's scores would outlive the next young collection (and be copied).
    for (let k = 0; k < scored; k++) {
      memo.results[memo.scored[k]] = undefined;
      memo.foundKeys[memo.scored[k]] = undefined;
    }
    return hits;
  }
}

/** An ErrorHit made by `new`, its fields in the order a literal had them (plain.ts: never allocated in the old generation). */
const ErrorHitOf = plainConstructor(function (
  this: ErrorHit,
  signal: number,
  article: number,
  symptom: string | null,
  score: number,
  terms: readonly string[],
  sameError: readonly string[],
  found: Int32Array,
  mask: number,
  breakdown: SignalScore,
  place: number,
) {
  this.kind = 'error';
  this.signal = signal;
  this.article = article;
  this.symptom = symptom;
  this.score = score;
  this.terms = terms;
  this.sameError = sameError;
  this.found = found;
  this.mask = mask;
  this.breakdown = breakdown;
  this.place = place;
});

/** Bit (id mod 32) of every id (ErrorHit.mask). */
function maskOf(ids: Int32Array): number {
  let mask = 0;
  for (let k = 0; k < ids.length; k++) mask |= 1 << (ids[k] & 31);
  return mask;
}

/**
 * Adds the weight of word `term` to each error text on its postings `list` (`acc`), and lists the texts reached for the
 * first time in `reached` from `n` on; returns the new count. A function of the module called once per word, not a
 * loop inside `candidates`: a function called once per paste runs its long loops through code compiled for the loop
 * alone (on-stack replacement), which V8 keeps only until the next full garbage collection — the first pastes after
 * one summed the postings unoptimized while it was compiled again.
 */
function addPostings(list: Int32Array, weight: Float64Array, term: number, acc: Float64Array, reached: Int32Array, n: number): number {
  const w = weight[term];
  for (let k = 0; k < list.length; k++) {
    const id = list[k];
    if (acc[id] === 0) reached[n++] = id;
    acc[id] += w;
  }
  return n;
}
