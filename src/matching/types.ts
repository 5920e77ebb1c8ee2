import type { Lang } from '../knowledge/types';

/**
 * What the matcher decided for one paste.
 * - `answer`: one clear winner, show it.
 * - `clarify`: 2–3 close candidates, let the user choose.
 * - `none`: nothing in the knowledge base fits; never guess.
 */
export type Decision = 'answer' | 'clarify' | 'none';

export interface Match {
  /** Article id. */
  article: string;
  /** Id of the symptom that matched, or null when only the article as a whole matched. */
  symptom: string | null;
  /** Confidence 0..1, higher is better. */
  score: number;
  /** Article title in the requested language (or the article's other language). */
  title: string;
  /** The line of the paste that was recognised (trimmed, as the user pasted it), when there is one. */
  evidence?: string;
  /**
   * A long shot: nothing in the paste was recognised and its prose fits this article only weakly (the last resort,
   * `descriptions.weakFit`). Always in a clarify; the bot says it does not know the error for sure.
   */
  weak?: true;
  /** Why it scored what it scored: only with `MatchOptions.explain`. */
  why?: MatchExplanation;
}

/**
 * What found a match: an error text of the article, its keyword phrases, its title and description words, or a code that few articles hold.
 */
export type HitKind = 'error' | 'keyword' | 'description' | 'code';

/** The rules that can raise or lower a match's score, as `kb match --explain` names them. */
export type RuleName =
  | 'coverage'
  | 'inner-message'
  | 'evidence'
  | 'fragment'
  | 'contradiction'
  | 'scenario'
  | 'foreign-program'
  | 'product'
  | 'keywords'
  | 'description'
  | 'synonyms'
  | 'code'
  | 'container'
  | 'topics'
  | 'tie-break'
  | 'code-article'
  | 'steps';

export interface MatchExplanation {
  kind: HitKind;
  /** Score before ranking (containers, topic phrases, ties) adjusted it. */
  raw: number;
  /** For an error hit: the article's error text, its units and which of them the paste holds. */
  error?: {
    text: string;
    /**
     * The error text's units (sentences, inner messages) as matched words; `pasted`: the paste holds it; `inner`: part of the inner
     * message.
     */
    units: { words: string; pasted: boolean; inner: boolean }[];
    /** The error text's words the paste holds, and those it lacks. */
    found: string[];
    missing: string[];
  };
  /** Keyword phrases of the symptom, and topic phrases of the article or symptom, found in the paste. */
  keywords?: string[];
  topics?: string[];
  /** The code that found it. */
  code?: string;
  /** Each rule that set, raised or lowered the score, in the order applied. */
  rules: { rule: RuleName; note: string }[];
}

export interface MatchResult {
  decision: Decision;
  /** Best first, at most 5. */
  matches: Match[];
  /** Language the paste is written in, as far as the matcher can tell (falls back to the requested one). */
  lang: Lang;
  /** True when the paste was longer than the limit and only its error-looking part was matched. */
  truncated: boolean;
  /** With `explain`, when the paste was also read through the lexicon (bridge.ts): what it was read as, and what that did. */
  translation?: TranslationExplanation;
  /**
   * Only on a paste's translation, read inside the matcher: answered for prose that names its article's symptom and little
   * else (descriptions.ts `describedWhole`), as the same prose in the article's language would be (bridge.ts `proseAgreement`).
   */
  describedWhole?: true;
  /**
   * With `describedWhole`: the symptom holds every word of the translation and each was read (descriptions.ts `describedAll`),
   * so it says nothing the symptom lacks: answered as the same prose in the article's language is (bridge.ts `proseAgreement`).
   */
  describedAll?: true;
  /**
   * Only on a paste's translation, read inside the matcher: its best match is a family's symptom named alone (keywordHits:
   * many articles' titles and descriptions name it), offered beside the others and never answered on the translation
   * (bridge.ts `combineWithTranslation`).
   */
  familyFirst?: true;
  /**
   * With `explain` and an article to explain (`MatchOptions.article`) that no hit found: how its best symptom's title and
   * description words fit the paste's prose, which the description path scored but did not offer (`kb match --explain`).
   */
  focusFit?: FocusFit;
}

/** How the description path fit an article's best symptom to a paste (`MatchResult.focusFit`), as `--explain` shows it. */
export interface FocusFit {
  symptom: string;
  /** Its title and description words the paste holds (and word pairs: `non delivery`). */
  found: string[];
  /** The share of the paste's words the symptom holds, and of the symptom's the paste holds; their product is the fit. */
  pasteShare: number;
  docShare: number;
  fit: number;
  /** Distinctive words found, in words found in one article only. */
  evidence: number;
  /** Its place among the articles by their best fit (1: the best). */
  rank: number;
  /** The best fit of another article. */
  other?: { article: string; fit: number };
  /** What a description needs to be offered. */
  offeredAt: string;
  /** Read in the paste's translation through the lexicon (bridge.ts), not as written. */
  translated?: true;
}

/** The lexicon's reading of a paste, for `kb match --explain`: lexicon authors need to see what a German paste became. */
export interface TranslationExplanation {
  /** The language translated from, and to. */
  from: Lang;
  to: Lang;
  /** The paste as the lexicon rewrote it, line for line. */
  text: string;
  /** Each lexicon term or template the translation applied, as read (folded words, slots left out). */
  terms: string[];
  /**
   * What it changed: `unchanged` (the paste as written decides), `answered` (an answer on the translation), `merged` (the
   * translation's matches offered with the others).
   */
  outcome: 'unchanged' | 'answered' | 'merged';
  /** What kept the translation's description from an answer, where a rule did (bridge.ts `negatedAgainst`). */
  notes?: string[];
}

export interface MatchOptions {
  /** Preferred language for titles. Default: the detected language of the paste. */
  lang?: Lang;
  /**
   * Attach the evidence behind each match (`Match.why`), for `kb match --explain`; `matches` then also lists
   * what scored at least 0.2 besides the offered ones (the decision is the same).
   */
  explain?: boolean;
  /** With `explain`: this article (id) is scored and listed too, however little it fits; the decision is taken without it. */
  article?: string;
}
