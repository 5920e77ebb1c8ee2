/**
 * What the matcher's stages (matcher.ts) hand each other: the paste as read (`Paste`), the hits its error texts,
 * codes, keywords and descriptions find (`Hit`), and the matches as ranked (`Ranked`); and `MatchContext`, what a stage
 * module reads of its matcher. Types only, besides two shared constants and small helpers (`round`, `bestScore`,
 * `perArticle`): every stage module imports them, and this imports no stage.
 */
import type { KnowledgeBase } from '../knowledge/load';
import type { Lang } from '../knowledge/types';
import type { ArticleFacts } from './articleFacts';
import type { ChainLink } from './chains';
import type { AboutIndex, DescriptionIndex, DescriptionScore } from './descriptions';
import type { Token } from './normalize';
import type { MatchParameters } from './parameters';
import type { PasteConsole, PasteScenario } from './scenario';
import type { SignalScore } from './score';
import type { SignalIndex } from './signals';
import type { StepIndex } from './stepRaise';

/**
 * What the stages after reading use of their matcher: its knowledge base, parameters and index, and what it keeps of
 * articles (ArticleFacts). One object per Matcher, made in its constructor.
 */
export interface MatchContext {
  readonly kb: KnowledgeBase;
  readonly params: MatchParameters;
  readonly index: SignalIndex;
  /** Per article, the words of its titles and symptom descriptions, with their weight (rarer across articles weighs more). */
  readonly about: AboutIndex;
  readonly descriptions: DescriptionIndex;
  readonly facts: ArticleFacts;
  /** The fix steps' rare words at this matcher's rarity (`descriptions.stepShare`), for stepRaise.ts. */
  readonly steps: StepIndex;
  /** Per article, the place of its id in localeCompare order (equal places for ids that compare equal): ranking.ts `idOrder`. */
  readonly idOrder: Int32Array;
}

/** A paste read as written: no word of it was written by the lexicon. */
export const NO_WORDS: ReadonlySet<string> = new Set();
/** The adjustments of every ranked match when not explaining (they are read only to explain it: Ranked.adjustments). */
export const NO_ADJUSTMENTS: Ranked['adjustments'] = Object.freeze([]) as unknown as Ranked['adjustments'];

/**
 * The best score of `hits`, 0 for none. (A loop, not `reduce` with a closure per call: V8 keeps a closure's optimized
 * code only while one of them is alive, and a full garbage collection between pastes threw it away: ranking.ts `byRank`.)
 */
export function bestScore(hits: readonly { score: number }[]): number {
  let best = 0;
  for (const h of hits) best = Math.max(best, h.score);
  return best;
}

/**
 * `read` of an article, made once per matcher and article (what a stage reads of the article alone, its title, cause or
 * products, is the same for every paste): keyed by the match context, so a knowledge reload reads its articles afresh.
 */
export function perArticle<T>(read: (ctx: MatchContext, article: number) => T): (ctx: MatchContext, article: number) => T {
  const known = new WeakMap<MatchContext, Map<number, T>>();
  return (ctx, article) => {
    let byArticle = known.get(ctx);
    if (!byArticle) known.set(ctx, (byArticle = new Map()));
    if (byArticle.has(article)) return byArticle.get(article) as T;
    const value = read(ctx, article);
    byArticle.set(article, value);
    return value;
  };
}

/** A score to 3 decimals, as matches show it. */
export function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

export interface HitBase {
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
export interface WrapperHeld {
  article: number;
  words: string[];
}

/** Found by one of the article's error texts. */
export interface ErrorHit extends HitBase {
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
  /** The tool (`service:hcw`) of the article's error, the paste a PowerShell console's naming it nowhere (then capped: scenario.ts). */
  consoleTool?: string;
  /** The kind of account the paste names and the one the article's title or cause names, which can't be one (then capped: scenario.ts). */
  otherAccount?: readonly [string, string];
  /** Every word it found lies inside what this article's error hit found, which checkScenario capped (then capped with it). */
  insideCapped?: number;
  /** The on-premises product the paste names, its article applying to Exchange Online only (then capped: product.ts). */
  otherProduct?: string;
  /** ...that being the Exchange Online signal of a paste (`Connect-ExchangeOnline`), its article applying to Exchange Server only. */
  inCloud?: true;
  /** ...that being an Exchange Server version older than the oldest its article applies to (this one, a year). */
  olderServer?: number;
  /**
   * A bare SMTP reply found with thin evidence, its article applying to Exchange Online only, the paste naming nothing of the
   * cloud: any server may have printed it (then capped at `otherProduct`: errorCaps.ts checkScenario).
   */
  anyServer?: true;
  /**
   * The error text names an address of Exchange Online's organisation (`O=ExchangeLabs`), the paste's addresses are all an
   * on-premises organisation's (then capped at `otherProduct`: errorCaps.ts checkScenario).
   */
  premisesAddress?: true;
  /** What shows the paste was printed by another program, whose article names none (then capped: foreignProgram.ts). */
  foreignProgram?: string;
  /** The paste says only the other way round than the article's title, or that its way works (then capped: direction.ts). */
  otherDirection?: 'reversed' | 'works';
  /** ...this hit's words lying inside what that article's error hit found, capped so (errorCaps.ts `capOtherDirection`). */
  directionInside?: string;
  /** The platform messages (lexicon `platform`) of its inner message, all the paste holds of it (then capped: platformLines.ts). */
  platformInner?: readonly string[];
  /** ...the error text having no wrapper (no chain), the paste naming no word of the article's title beside them. */
  platformWhole?: true;
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
  /**
   * The paste's result code of parts (`0x80070005-0x0004dc-0x000524`) where the error text writes the same first part with
   * later parts of zeros (no extended code), as written (then capped: errorCaps.ts `capOtherCodeParts`).
   */
  codeParts?: { pasted: string; text: string };
  /**
   * The paste's exception class right before the words that follow the error text's own class, which the paste lacks
   * (then capped: errorCaps.ts `capOtherException`).
   */
  otherException?: { pasted: string; text: string };
  /** The paste holds only the error's advice, after a message of its own (then capped: advice.ts `capOtherMessages`). */
  adviceOnly?: true;
  /** Held without its first sentence, the paste going on after its end in its own words (then capped: advice.ts `capOtherMessages`). */
  headless?: true;
  /**
   * An NDR status line of one scenario that `owners`, titled with its code, hold too; `named`/`title`: the paste's words of
   * its title and their weight, `theirs` the owners' best (then capped: errorCaps.ts `capCodeScenario`).
   */
  codeScenario?: { owners: readonly string[]; named: readonly string[]; title: number; theirs: number };
  /** Its words found explain only this share of the paste's error words, none a code (then capped: errorCaps.ts `capUnexplained`). */
  unexplained?: number;
  /** Found with little evidence, it was lowered below the best description the prose found (to this score; `weakErrorsBelow`). */
  belowDescription?: number;
}

/** Found by the symptom's keyword phrases, raised by topic phrases. */
export interface KeywordHit extends HitBase {
  kind: 'keyword';
  keywords: readonly string[];
  topics: readonly string[];
  /** Its phrases are a family's symptom: many articles' titles and symptoms name them (`keywords.familyArticles`). */
  family?: true;
  /** The paste quotes a status code, its article names others and not that one (then capped: errorCaps.ts `capOtherStatusProse`). */
  otherStatus?: true;
}

/** Found by the words of the symptom's title, description and keywords in a description (descriptions.ts). */
export interface DescriptionHit extends HitBase {
  kind: 'description';
  fit: DescriptionScore;
  topics: readonly string[];
  /** The paste writes the article's title (almost) whole (`titlesNamed`). */
  title?: true;
  /** ...with its words close together in another order (`titlesNamed`: its place or time moved, German word order). */
  titleMoved?: true;
  /**
   * The paste names the symptom and the article's cause (`namedParts`), or the symptom and little else in words of its own
   * (`whole`: `describedWhole`, `weight` the words beyond its error texts), or the symptom in such words and a status code the
   * article's title names (`code`, the code as a term): scored to be answered when nothing else is offered.
   * `all`: read through the lexicon, the symptom holds every word of the paste and each was read (`describedAll`).
   */
  cause?: { words: number; weight: number; offered: number; whole?: true; all?: true; code?: string };
  /** Offered only because nothing else in the paste is (`weakDescriptions`): a weak fit that names its title, never answered. */
  weak?: true;
  /**
   * Offered with other articles' symptoms: the paste names a family's symptom (these phrases) that they all hold, and none
   * leads (`familyDescriptions`). Never answered.
   */
  family?: readonly string[];
  /** The paste says the direction of the article's title the other way round (direction.ts): never answered as named whole. */
  reversed?: true;
  /** The paste says the direction of the article's title works (direction.ts `directionAgainst`): never answered as named whole. */
  directionWorks?: true;
  /** The title says something fails, the paste that nothing does (descriptions.ts `failureUnsaid`): not answered as named whole. */
  unsaid?: true;
  /**
   * The title is the article's error message, the paste names no error or failure (descriptions.ts `errorUnsaid`): its symptom
   * named with its cause or whole is offered, not answered.
   */
  errorUnsaid?: true;
  /** Its symptom, named whole, is an error message, and the paste names no error (descriptions.ts `errorNamed`): offered, not answered. */
  errorUnquoted?: true;
  /**
   * What shows the paste was printed by another program than Microsoft's, whose article's prose names no program
   * (foreignProgram.ts): the symptom named with its cause or whole is offered, not answered.
   */
  foreignProgram?: string;
  /**
   * A hex result code the paste names and no text of the article holds (`0x71a`): the symptom named with its cause or
   * whole is offered, not answered.
   */
  codeUnheld?: string;
  /**
   * Found by its topic phrases and a word of its title, no symptom named, in a paste that says it happened in these places,
   * none of them the article's scenario: the phrases added nothing (descriptionHits.ts).
   */
  topicsElsewhere?: readonly string[];
  /** Found by its topic phrases and title words that name no scenario only (the product's name, `fail`): these words; offered. */
  topicsGeneric?: readonly string[];
  /**
   * A deployment the paste says it doesn't have and the article's title names (`hybrid`, scenario.ts `deniedInTitle`): its
   * symptom named with its cause or whole, or its topic phrases with its title's words, are offered, not answered.
   */
  deniedScenario?: string;
  /** The paste quotes a status code, its article names others and not that one (then capped: errorCaps.ts `capOtherStatusProse`). */
  otherStatus?: true;
  /**
   * Read through the lexicon, it would name the symptom whole but for the German words the lexicon left as written (`words`),
   * which count as words the symptom lacks: the fit is scaled by the share of the paste's words read (`share`, `readShare`).
   */
  unread?: { words: number; share: number };
}

/** Found by a code (HCW8078, an exception name) that only a few articles hold. */
export interface CodeHit extends HitBase {
  kind: 'code';
  code: string;
  /** A status code found in the article's title (`exact`), or in a range its title names (`range`: `4.7.500-699`). */
  title?: 'exact' | 'range';
  /** One article alone holds the code, and the paste names its title's words too (`keywords.codeTitle`): answered. */
  titleNamed?: true;
  /** An API error code (apiCodes.ts: a CamelCase word an error text gives after a code label): offered, never answered. */
  api?: true;
  /** How many articles hold the code (not a status code), when more than one: the paste goes on after it as this article's text does. */
  shared?: number;
  /**
   * A status code the article's error text carries with another message after it than the paste's (`keywords.statusFamily`):
   * the weight of the article's title words the paste names, which orders the family's articles (ranking.ts `rank`).
   */
  otherMessage?: number;
}

export type Hit = ErrorHit | KeywordHit | DescriptionHit | CodeHit;

/** A hit as ranked: its final score and what ranking did to it. */
export interface Ranked {
  hit: Hit;
  score: number;
  sameError?: readonly string[];
  /** The best score of a match ranked below this one only as its container, when that match fit its own error better (decide.ts). */
  contested?: number;
  /** That match (the one whose score `contested` is). */
  contestedBy?: Hit;
  /** Ranking rules applied (containers, topic phrases, ties), for explanations: empty (NO_ADJUSTMENTS) when not explaining. */
  adjustments: { rule: 'container' | 'topics' | 'tie-break' | 'inner-message' | 'code-article' | 'scenario' | 'product'; note: string }[];
}

/** Error texts collected in order, `n` of them in `ids` (Matcher.errorHits' `reach`). */
export interface Reach {
  ids: Int32Array;
  n: number;
}

/** The paste as read once: cut, tokenized, its language guessed. */
export interface Paste {
  cut: string;
  lines: string[];
  tokens: Token[];
  /** Content terms in order, and the terms that occur only inside single quotes. */
  seq: string[];
  quoted: Set<string>;
  /** Per term of `seq`: 1 inside single quotes (QueryView.values). */
  values: Uint8Array;
  /** Its property lines' names and first value words, in pairs (QueryView.properties). */
  properties: string[];
  /** The paste chains with a `-->` of its own (QueryView.arrow). */
  arrow: boolean;
  /** Per `-->` of the paste, the terms of the message after it (QueryView.arrowed); undefined without an arrow. */
  arrowed?: string[][];
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
   * wrappers their outer messages hold (capOtherOuter); the lines that name a scenario, with their terms' ids (checkScenario);
   * the deployments it denies and what it says a user lacks (checkScenario, scenario.ts `deniedInLines`).
   */
  links?: PasteLinks;
  where?: PasteWhere;
  denied?: ReadonlySet<string>;
}

/** The paste's chain links (chains.ts) as capOtherOuter reads them. */
export interface PasteLinks {
  links: ChainLink[];
  /** Per link: the vocabulary ids of its inner message's words, each once, ascending (a word the index lacks is no error's). */
  inner: Int32Array[];
  /** Per link asked: the other error texts' wrappers its outer message holds (wrappersHeld). */
  wrapped: Map<ChainLink, WrapperHeld[]>;
}

/** The paste's lines that name a scenario (scenario.ts `pasteScenario`) as checkScenario reads them. */
export interface PasteWhere {
  scenario: PasteScenario;
  /** Per vocabulary id: the lines holding that word, a line once per time it holds it. */
  lineOf: Map<number, number[]>;
  /** Per line: how many terms it has. */
  sizes: Int32Array;
  /** Per line: the words a hit found on it (checkScenario's own, refilled per hit). */
  counts: Int32Array;
  /** `whereBeside` per set of lines a hit's words make the error's own (bit k or k-th character: line k), read once per set. */
  beside: Map<number | string, string[]>;
  /** The paste is a PowerShell console's (scenario.ts pasteConsole), with the commands it did not recognize. */
  console?: PasteConsole;
}

/**
 * Every match above `cap` lowered to it (an answer made an offer); explaining, the top match carries the rule and its note.
 * The answer caps of stage 7 that judge the whole paste (errorCaps.ts capWizardElsewhere, capOtherVersion, capOtherProduct; causeDone.ts).
 */
export function capAll(
  ranked: Ranked[],
  cap: number,
  rule: Ranked['adjustments'][number]['rule'],
  note: string,
  explaining: boolean,
): Ranked[] {
  const top = ranked[0];
  return ranked.map((r) =>
    r.score > cap ? { ...r, score: cap, adjustments: explaining && r === top ? [...r.adjustments, { rule, note }] : r.adjustments } : r,
  );
}
