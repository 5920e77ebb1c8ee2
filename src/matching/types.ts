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
}

export interface MatchResult {
  decision: Decision;
  /** Best first, at most 5. */
  matches: Match[];
  /** Language the paste is written in, as far as the matcher can tell (falls back to the requested one). */
  lang: Lang;
  /** True when the paste was longer than the limit and only its error-looking part was matched. */
  truncated: boolean;
}

export interface MatchOptions {
  /** Preferred language for titles. Default: the detected language of the paste. */
  lang?: Lang;
}
