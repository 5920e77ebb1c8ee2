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
  // The best score of another error (loops, not closures per call: see ranking.ts `byRank`).
  let other = 0;
  for (let k = 1; k < sorted.length; k++)
    if (!sameError(sorted[k], keys)) {
      other = sorted[k].score;
      break;
    }
  const runnerUp = Math.max(other, sorted[0].contested ?? 0);
  // Scores are rounded to 3 decimals; compare the lead on the same grid.
  if (best >= t.answer && Math.round((best - runnerUp) * 1000) >= Math.round(t.margin * 1000)) {
    let equivalents = 0;
    for (let k = 1; k < sorted.length; k++) if (sameError(sorted[k], keys) && sorted[k].score >= t.candidate) equivalents++;
    return { decision: 'answer', offered: 1 + Math.min(2, equivalents) };
  }
  const floor = Math.max(t.candidate, best - t.window);
  let above = 0;
  for (const s of sorted) if (s.score >= floor) above++;
  return { decision: 'clarify', offered: Math.min(3, above) };
}

/** `s` carries one of the best match's sameError `keys`: the very same error. */
function sameError(s: Scored, keys: readonly string[]): boolean {
  if (s.sameError === undefined) return false;
  for (const k of s.sameError) if (keys.includes(k)) return true;
  return false;
}
