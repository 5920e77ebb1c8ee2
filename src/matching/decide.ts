import { DEFAULT_PARAMETERS, type MatchParameters } from './parameters';
import type { Decision } from './types';

/**
 * The decision rules. Scores are 0..1 confidences per article. A confident answer needs a high score AND a
 * clear lead; close calls are shown as a choice; weak evidence is an honest "none". The values are
 * `MatchParameters.decision` (parameters.ts).
 */
export const THRESHOLDS: MatchParameters['decision'] = DEFAULT_PARAMETERS.decision;

export interface Scored {
  score: number;
  /**
   * Keys of the error text that found the match: its inner message, and the words of the paste it found.
   * Matches sharing a key matched the same error (several articles cover it); they don't compete.
   */
  sameError?: readonly string[];
  /**
   * The score of a match ranked below this one only because every word it found lies inside this one's, when it fit its
   * own error better than this one fits its (`The proxy address … is already being used` in two articles): the lead is
   * measured against it too.
   */
  contested?: number;
}

/**
 * Decision for scores sorted best first. Returns how many of the leading matches belong to it: for an
 * answer, the winner and the articles that hold the very same error (shown as "also covered by").
 */
export function decide(sorted: readonly Scored[], t: MatchParameters['decision'] = THRESHOLDS): { decision: Decision; offered: number } {
  const best = sorted[0]?.score ?? 0;
  if (best < t.candidate) return { decision: 'none', offered: 0 };
  // Stryker disable next-line ArrayDeclaration: equivalent, a key that no match carries finds no match either
  const keys = sorted[0].sameError ?? [];
  // Stryker disable next-line ArrayDeclaration: equivalent, a key that the best match lacks finds nothing either
  const same = (s: Scored) => (s.sameError ?? []).some((k) => keys.includes(k));
  const runnerUp = Math.max(sorted.slice(1).find((s) => !same(s))?.score ?? 0, sorted[0].contested ?? 0);
  // Scores are rounded to 3 decimals; compare the lead on the same grid.
  if (best >= t.answer && Math.round((best - runnerUp) * 1000) >= Math.round(t.margin * 1000)) {
    const equivalents = sorted.slice(1).filter((s) => same(s) && s.score >= t.candidate).length;
    return { decision: 'answer', offered: 1 + Math.min(2, equivalents) };
  }
  const floor = Math.max(t.candidate, best - t.window);
  const offered = Math.min(3, sorted.filter((s) => s.score >= floor).length);
  return { decision: 'clarify', offered };
}
